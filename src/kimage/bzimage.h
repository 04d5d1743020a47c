/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading an x86 bzImage: the boot protocol header that setup.bin starts
 * with (Documentation/x86/boot.rst in the kernel), and where the
 * compressed vmlinux lies.  Pure functions on a buffer: every offset
 * and length is checked against the buffer before it is used.
 */
#ifndef KIMAGE_BZIMAGE_H
#define KIMAGE_BZIMAGE_H

#include <stddef.h>
#include <stdint.h>

struct bzimage {
	unsigned int setup_sects; /* 0x1f1; 0 means 4 */
	unsigned int protocol; /* 0x206, e.g. 0x020f */
	char kernel_version[128]; /* string at 0x200 + [0x20e] */
	unsigned int loadflags; /* 0x211 */
	unsigned int relocatable; /* 0x234 */
	unsigned int xloadflags; /* 0x236 */
	uint32_t cmdline_size; /* 0x238 */
	uint32_t payload_offset; /* 0x248, from the protected-mode code */
	uint32_t payload_length; /* 0x24c */
	uint64_t pref_address; /* 0x258 */
	uint32_t init_size; /* 0x260 */
	size_t setup_size; /* bytes of setup.bin: (sects + 1) * 512 */
	size_t pm_size; /* bytes after it: decompressor + payload */
	size_t payload_start; /* file offset of the payload */
	const char *compression; /* "gzip", "xz"... or "unknown" */
};

/*
 * Parse buf (the whole file).  Returns 0, or -1 with a one-line reason
 * in err when buf is not a bzImage or is truncated or inconsistent.
 */
int bzimage_parse(const uint8_t *buf, size_t len, struct bzimage *bz, char *err,
		  size_t errlen);

/* The compression whose magic starts p (n bytes), or "unknown". */
const char *compression_by_magic(const uint8_t *p, size_t n);

#endif
