/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The images of the other architectures tinylinux will build: the 32-bit
 * ARM zImage (magic 0x016f2818 at 0x24) and the arm64 and riscv "Image"
 * headers (64 bytes at the start, Documentation/arm64/booting.rst and
 * Documentation/riscv/boot-image-header.rst).  Pure functions on a buffer.
 */
#ifndef KIMAGE_ARMHDR_H
#define KIMAGE_ARMHDR_H

#include <stddef.h>
#include <stdint.h>

struct armimage {
	const char *format; /* "arm-zimage", "arm64-image", "riscv-image" */
	/* zImage */
	uint32_t start, end; /* load/run addresses in the header */
	int big_endian;
	size_t payload_start; /* compressed kernel found inside, or 0 */
	const char *compression;
	/* arm64 and riscv Image */
	uint64_t text_offset, image_size, flags;
	uint32_t version; /* riscv only */
};

/* Returns 0 if buf is one of these images, -1 otherwise (reason in err). */
/*
 * The offset of the next compression magic at or after from in a zImage
 * (its name in *compression), or 0 if there is none.
 */
size_t armimage_next_payload(const uint8_t *buf, size_t len, size_t from,
			     const char **compression);

int armimage_parse(const uint8_t *buf, size_t len, struct armimage *a,
		   char *err, size_t errlen);

#endif
