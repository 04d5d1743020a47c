// SPDX-License-Identifier: GPL-2.0
/*
 * Payload decompression with zlib, liblzma, libbz2, libzstd, liblz4 and
 * liblzo2; see
 * unpack.h.  Each decoder writes into a buffer that doubles as needed, up
 * to UNPACK_LIMIT.
 */
#include "unpack.h"

#include <bzlib.h>
#include <lz4.h>
#include <lzo/lzo1x.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

/* Memory a decoder may take for its dictionary or window. */
#define DECODER_MEMLIMIT ((uint64_t)160 << 20)

struct outbuf {
	uint8_t *data;
	size_t len, cap;
};

/*
 * Make room for at least `need` more bytes of output, doubling the
 * buffer; past UNPACK_LIMIT (or out of memory) say so in err and return -1.
 */
static int make_room(struct outbuf *o, size_t need, const char *name, char *err,
		     size_t errlen)
{
	while (o->cap - o->len < need) {
		size_t cap = o->cap ? o->cap * 2 : (size_t)4 << 20;
		uint8_t *p;

		if (cap > UNPACK_LIMIT)
			cap = UNPACK_LIMIT;
		p = cap > o->cap ? realloc(o->data, cap) : NULL;
		if (!p) {
			snprintf(err, errlen, "%s: output over %zu MiB", name,
				 UNPACK_LIMIT >> 20);
			return -1;
		}
		o->data = p;
		o->cap = cap;
	}
	return 0;
}

static int unpack_gzip(const uint8_t *in, size_t inlen, struct outbuf *o,
		       char *err, size_t errlen)
{
	z_stream z;
	int ret;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
		snprintf(err, errlen, "zlib: cannot initialise");
		return -1;
	}
	z.next_in = (Bytef *)in;
	z.avail_in = inlen > UINT32_MAX ? UINT32_MAX : (uInt)inlen;
	do {
		if (make_room(o, 1, "gzip", err, errlen)) {
			inflateEnd(&z);
			return -1;
		}
		z.next_out = o->data + o->len;
		z.avail_out = (uInt)(o->cap - o->len);
		ret = inflate(&z, Z_NO_FLUSH);
		o->len = o->cap - z.avail_out;
	} while (ret == Z_OK);
	inflateEnd(&z);
	if (ret != Z_STREAM_END) {
		snprintf(err, errlen, "gzip: corrupt or truncated data (%s)",
			 z.msg ? z.msg : "unexpected end");
		return -1;
	}
	return 0;
}

static int unpack_lzma(const uint8_t *in, size_t inlen, int xz,
		       struct outbuf *o, char *err, size_t errlen)
{
	lzma_stream s = LZMA_STREAM_INIT;
	lzma_ret ret;

	/*
	 * The header names the dictionary size and liblzma allocates it:
	 * bound it (the kernel's xz uses 32 MiB, lzma -9 64 MiB), or a
	 * hostile header asks for 4 GiB (found by make fuzz).
	 */
	ret = xz ? lzma_stream_decoder(&s, DECODER_MEMLIMIT, 0) :
		   lzma_alone_decoder(&s, DECODER_MEMLIMIT);
	if (ret != LZMA_OK) {
		snprintf(err, errlen, "liblzma: cannot initialise");
		return -1;
	}
	s.next_in = in;
	s.avail_in = inlen;
	do {
		if (make_room(o, 1, xz ? "xz" : "lzma", err, errlen)) {
			lzma_end(&s);
			return -1;
		}
		s.next_out = o->data + o->len;
		s.avail_out = o->cap - o->len;
		ret = lzma_code(&s, s.avail_in ? LZMA_RUN : LZMA_FINISH);
		o->len = o->cap - s.avail_out;
	} while (ret == LZMA_OK);
	lzma_end(&s);
	if (ret != LZMA_STREAM_END) {
		snprintf(err, errlen,
			 "%s: corrupt or truncated data (error %d)",
			 xz ? "xz" : "lzma", (int)ret);
		return -1;
	}
	return 0;
}

static int unpack_bzip2(const uint8_t *in, size_t inlen, struct outbuf *o,
			char *err, size_t errlen)
{
	bz_stream b;
	int ret;

	memset(&b, 0, sizeof(b));
	if (BZ2_bzDecompressInit(&b, 0, 0) != BZ_OK) {
		snprintf(err, errlen, "libbz2: cannot initialise");
		return -1;
	}
	b.next_in = (char *)in;
	b.avail_in = inlen > UINT32_MAX ? UINT32_MAX : (unsigned int)inlen;
	do {
		size_t room;

		if (make_room(o, 1, "bzip2", err, errlen)) {
			BZ2_bzDecompressEnd(&b);
			return -1;
		}
		room = o->cap - o->len;
		b.next_out = (char *)o->data + o->len;
		b.avail_out = room > UINT32_MAX ? UINT32_MAX :
						  (unsigned int)room;
		ret = BZ2_bzDecompress(&b);
		o->len += room - b.avail_out;
		if (ret == BZ_OK && !b.avail_in && b.avail_out)
			break; /* input ended before the stream did */
	} while (ret == BZ_OK);
	BZ2_bzDecompressEnd(&b);
	if (ret != BZ_STREAM_END) {
		snprintf(err, errlen, "bzip2: corrupt or truncated data");
		return -1;
	}
	return 0;
}

static int unpack_zstd(const uint8_t *in, size_t inlen, struct outbuf *o,
		       char *err, size_t errlen)
{
	ZSTD_DStream *d = ZSTD_createDStream();
	ZSTD_inBuffer zin = { in, inlen, 0 };
	size_t ret = 1;

	if (!d || ZSTD_isError(ZSTD_initDStream(d))) {
		ZSTD_freeDStream(d);
		snprintf(err, errlen, "libzstd: cannot initialise");
		return -1;
	}
	/* Up to a 128 MiB window (the kernel's zstd uses 2 MiB). */
	ZSTD_DCtx_setParameter(d, ZSTD_d_windowLogMax, 27);
	while (ret) {
		ZSTD_outBuffer zout;

		if (make_room(o, 1, "zstd", err, errlen)) {
			ZSTD_freeDStream(d);
			return -1;
		}
		zout.dst = o->data;
		zout.size = o->cap;
		zout.pos = o->len;
		ret = ZSTD_decompressStream(d, &zout, &zin);
		o->len = zout.pos;
		if (ZSTD_isError(ret)) {
			ZSTD_freeDStream(d);
			snprintf(err, errlen, "zstd: %s",
				 ZSTD_getErrorName(ret));
			return -1;
		}
		if (ret && zin.pos == zin.size && zout.pos < zout.size) {
			ZSTD_freeDStream(d);
			snprintf(err, errlen, "zstd: truncated data");
			return -1;
		}
	}
	ZSTD_freeDStream(d);
	return 0;
}

/*
 * The kernel's lz4 is the "legacy" format of "lz4 -l": a 4-byte magic,
 * then blocks, each a 4-byte little-endian compressed size and the data,
 * decompressing to at most 8 MiB.  liblz4 decodes blocks; the framing is
 * read here.  The kernel's appended 4-byte size is the only trailer
 * allowed.
 */
#define LZ4_LEGACY_MAGIC 0x184c2102u
#define LZ4_LEGACY_BLOCK ((size_t)8 << 20)

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static int unpack_lz4(const uint8_t *in, size_t inlen, struct outbuf *o,
		      char *err, size_t errlen)
{
	size_t pos = 4;

	if (inlen < 4 || le32(in) != LZ4_LEGACY_MAGIC) {
		snprintf(err, errlen, "lz4: not the legacy format");
		return -1;
	}
	while (inlen - pos >= 4) {
		uint32_t n = le32(in + pos);
		int got;

		pos += 4;
		if (n == LZ4_LEGACY_MAGIC)
			continue; /* concatenated archives */
		if (n > inlen - pos) {
			if (inlen - pos == 0 && o->len)
				return 0; /* that was the size trailer */
			snprintf(err, errlen, "lz4: truncated block");
			return -1;
		}
		if (make_room(o, LZ4_LEGACY_BLOCK, "lz4", err, errlen))
			return -1;
		got = LZ4_decompress_safe((const char *)in + pos,
					  (char *)o->data + o->len, (int)n,
					  (int)LZ4_LEGACY_BLOCK);
		if (got < 0) {
			snprintf(err, errlen, "lz4: corrupt block");
			return -1;
		}
		o->len += got;
		pos += n;
	}
	if (!o->len) {
		snprintf(err, errlen, "lz4: no data");
		return -1;
	}
	return 0;
}

/*
 * The kernel's lzo is the file format of the lzop tool: a header (magic,
 * versions, method, flags, mode, times, a name, a checksum), then blocks
 * of big-endian uncompressed and compressed sizes, optional checksums
 * and the data, until an uncompressed size of 0.  liblzo2 decodes the
 * blocks; the format is read here, as the kernel's lib/decompress_unlzo.c
 * does.
 */
#define LZOP_BLOCK_MAX ((size_t)8 << 20)

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static int unpack_lzo(const uint8_t *in, size_t inlen, struct outbuf *o,
		      char *err, size_t errlen)
{
	static const uint8_t magic[9] = { 0x89, 'L',  'Z',  'O', 0,
					  0x0d, 0x0a, 0x1a, 0x0a };
	size_t pos = 9, need;
	unsigned int version, flags;

	if (lzo_init() != LZO_E_OK) {
		snprintf(err, errlen, "liblzo2: cannot initialise");
		return -1;
	}
	if (inlen < 9 + 16 || memcmp(in, magic, 9))
		goto truncated;
	version = in[pos] << 8 | in[pos + 1];
	pos += 4; /* version, library version */
	if (version >= 0x0940)
		pos += 2; /* version needed to extract */
	pos += 1; /* method */
	if (version >= 0x0940)
		pos += 1; /* level */
	if (inlen - pos < 4)
		goto truncated;
	flags = be32(in + pos);
	pos += 4;
	if (flags & 0x800)
		pos += 4; /* filter */
	pos += 8; /* mode, mtime */
	if (version >= 0x0940)
		pos += 4; /* mtime high */
	if (pos >= inlen)
		goto truncated;
	pos += 1 + in[pos] + 4; /* name, header checksum */
	if (flags & 0x40) { /* extra field */
		if (pos > inlen || inlen - pos < 4)
			goto truncated;
		pos += 4 + be32(in + pos) + 4;
	}
	for (;;) {
		uint32_t usize, csize;
		lzo_uint got;

		if (pos > inlen || inlen - pos < 4)
			goto truncated;
		usize = be32(in + pos);
		pos += 4;
		if (!usize)
			return 0;
		if (usize > LZOP_BLOCK_MAX || inlen - pos < 4)
			goto truncated;
		csize = be32(in + pos);
		pos += 4;
		need = (flags & 0x101 ? 4 : 0) +
		       (flags & 0x202 && csize < usize ? 4 : 0);
		if (inlen - pos < need || csize > inlen - pos - need ||
		    csize > usize)
			goto truncated;
		pos += need;
		if (make_room(o, usize, "lzo", err, errlen))
			return -1;
		if (csize == usize) {
			memcpy(o->data + o->len, in + pos, usize);
		} else {
			got = usize;
			if (lzo1x_decompress_safe(in + pos, csize,
						  o->data + o->len, &got,
						  NULL) != LZO_E_OK ||
			    got != usize) {
				snprintf(err, errlen, "lzo: corrupt block");
				return -1;
			}
		}
		o->len += usize;
		pos += csize;
	}
truncated:
	snprintf(err, errlen, "lzo: not lzop data, or truncated");
	return -1;
}

int unpack(const char *method, const uint8_t *in, size_t inlen, uint8_t **out,
	   size_t *outlen, char *err, size_t errlen)
{
	struct outbuf o = { NULL, 0, 0 };
	int ret;

	*err = '\0';
	if (!strcmp(method, "gzip"))
		ret = unpack_gzip(in, inlen, &o, err, errlen);
	else if (!strcmp(method, "xz"))
		ret = unpack_lzma(in, inlen, 1, &o, err, errlen);
	else if (!strcmp(method, "lzma"))
		ret = unpack_lzma(in, inlen, 0, &o, err, errlen);
	else if (!strcmp(method, "bzip2"))
		ret = unpack_bzip2(in, inlen, &o, err, errlen);
	else if (!strcmp(method, "zstd"))
		ret = unpack_zstd(in, inlen, &o, err, errlen);
	else if (!strcmp(method, "lz4"))
		ret = unpack_lz4(in, inlen, &o, err, errlen);
	else if (!strcmp(method, "lzo"))
		ret = unpack_lzo(in, inlen, &o, err, errlen);
	else
		ret = -1;
	if (ret && !*err)
		snprintf(err, errlen, "cannot decompress %s payloads yet",
			 method);
	if (ret) {
		free(o.data);
		return -1;
	}
	*out = o.data;
	*outlen = o.len;
	return 0;
}
