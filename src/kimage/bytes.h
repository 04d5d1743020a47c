/* SPDX-License-Identifier: GPL-2.0 */
/* Reading little-endian fields from a byte buffer, whatever its alignment. */
#ifndef KIMAGE_BYTES_H
#define KIMAGE_BYTES_H

#include <stddef.h>
#include <stdint.h>

/*
 * The n-byte (1..8) little-endian number at b + off; the caller checks
 * that the bytes are inside the buffer.
 */
static inline uint64_t get_le(const uint8_t *b, size_t off, int n)
{
	uint64_t v = 0;
	int i;

	for (i = n - 1; i >= 0; i--)
		v = v << 8 | b[off + i];
	return v;
}

#endif
