/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decompressing a kernel payload with the real libraries: zlib, liblzma,
 * libbz2, libzstd, liblz4, liblzo2.  The output is bounded: a hostile payload cannot make
 * us allocate more than the limit.
 */
#ifndef KIMAGE_UNPACK_H
#define KIMAGE_UNPACK_H

#include <stddef.h>
#include <stdint.h>

#ifndef UNPACK_LIMIT
#define UNPACK_LIMIT ((size_t)512 << 20)
#endif

/*
 * Decompress in[0..inlen) with `method` ("gzip", "xz", "lzma", "bzip2",
 * "zstd", "lz4", "lzo").  Trailing bytes after the first stream are ignored (the kernel
 * appends the uncompressed size).  On success *out is malloc()ed and 0 is
 * returned; otherwise -1 with a one-line reason in err.
 */
int unpack(const char *method, const uint8_t *in, size_t inlen, uint8_t **out,
	   size_t *outlen, char *err, size_t errlen);

#endif
