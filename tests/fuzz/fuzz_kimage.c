// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for kimage's parsers: any byte string goes through the
 * boot-header parser, the payload decompressor and the ELF reader, the
 * way "kimage info" uses them.  Built with clang -fsanitize=fuzzer,
 * address,undefined by "make fuzz" (UNPACK_LIMIT is lowered so that a
 * decompression bomb stays within libFuzzer's memory limit).
 */
#include <stdlib.h>

#include "armhdr.h"
#include "bzimage.h"
#include "elf.h"
#include "unpack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct elf_info e;
	struct armimage a;
	struct bzimage bz;
	char err[256];
	uint8_t *out;
	size_t outlen;

	/* The input as a whole image, and as a bare vmlinux. */
	elf_describe(data, size, &e, err, sizeof(err));
	if (!armimage_parse(data, size, &a, err, sizeof(err)) &&
	    a.payload_start &&
	    !unpack(a.compression, data + a.payload_start,
		    size - a.payload_start, &out, &outlen, err, sizeof(err)))
		free(out);
	if (bzimage_parse(data, size, &bz, err, sizeof(err)))
		return 0;
	if (unpack(bz.compression, data + bz.payload_start, bz.payload_length,
		   &out, &outlen, err, sizeof(err)))
		return 0;
	elf_describe(out, outlen, &e, err, sizeof(err));
	free(out);
	return 0;
}
