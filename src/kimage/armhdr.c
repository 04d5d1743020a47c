// SPDX-License-Identifier: GPL-2.0
/*
 * ARM zImage and arm64/riscv Image headers; see armhdr.h.
 */
#include "armhdr.h"

#include "bzimage.h"

#include "bytes.h"

#include <stdio.h>
#include <string.h>

/*
 * A zImage's decompressor has the compressed kernel somewhere in its
 * data: find a compression magic at or after from (and after the
 * header).  (xz and gzip are what ARM kernels use; lzma's 3-byte magic
 * is too common to trust in the middle of code.)  The decompressor's
 * own code may hold the magic too (the xz one checks it), so the first
 * match is only a candidate: kimage tries to unpack each in turn.
 */
size_t armimage_next_payload(const uint8_t *buf, size_t len, size_t from,
			     const char **compression)
{
	size_t i;

	for (i = from < 0x40 ? 0x40 : from; i + 6 <= len; i++) {
		const char *c = compression_by_magic(buf + i, len - i);

		if (!strcmp(c, "xz") || !strcmp(c, "gzip") ||
		    !strcmp(c, "lzo") || !strcmp(c, "lz4") ||
		    !strcmp(c, "zstd")) {
			/* gzip: also require deflate (8) as the method */
			if (!strcmp(c, "gzip") && buf[i + 2] != 8)
				continue;
			*compression = c;
			return i;
		}
	}
	return 0;
}

int armimage_parse(const uint8_t *buf, size_t len, struct armimage *a,
		   char *err, size_t errlen)
{
	memset(a, 0, sizeof(*a));
	a->compression = "none";
	if (len >= 0x34 && get_le(buf, 0x24, 4) == 0x016f2818) {
		a->format = "arm-zimage";
		a->start = (uint32_t)get_le(buf, 0x28, 4);
		a->end = (uint32_t)get_le(buf, 0x2c, 4);
		a->big_endian = get_le(buf, 0x30, 4) == 0x01020304;
		a->payload_start =
			armimage_next_payload(buf, len, 0, &a->compression);
		return 0;
	}
	/* arm64 and riscv share the first fields of a 64-byte header. */
	if (len >= 64 && !memcmp(buf + 56, "ARM\x64", 4))
		a->format = "arm64-image";
	else if (len >= 64 && !memcmp(buf + 48, "RISCV\0\0\0", 8))
		a->format = "riscv-image";
	if (a->format) {
		a->text_offset = get_le(buf, 8, 8);
		a->image_size = get_le(buf, 16, 8);
		a->flags = get_le(buf, 24, 8);
		if (!strcmp(a->format, "riscv-image"))
			a->version = (uint32_t)get_le(buf, 32, 4);
		return 0;
	}
	snprintf(err, errlen, "not a kernel image kimage knows (%s)",
		 "x86 bzImage, ARM zImage, arm64 or riscv Image");
	return -1;
}
