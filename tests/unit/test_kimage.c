// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of kimage's parsers (src/kimage): the x86 boot header, the
 * compression magics, the decompressors and the ELF reader, on synthetic
 * input, including truncated, empty and wrong-magic files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <bzlib.h>
#include <lz4.h>
#include <lzma.h>
#include <lzo/lzo1x.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "armhdr.h"
#include "bzimage.h"
#include "elf.h"
#include "unpack.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static char err[256];

static void put16(uint8_t *b, size_t off, unsigned int v)
{
	b[off] = v & 0xff;
	b[off + 1] = v >> 8;
}

static void put32(uint8_t *b, size_t off, uint32_t v)
{
	put16(b, off, v & 0xffff);
	put16(b, off + 2, v >> 16);
}

static void put32be(uint8_t *b, uint32_t v)
{
	b[0] = v >> 24;
	b[1] = v >> 16;
	b[2] = v >> 8;
	b[3] = v;
}

/* A minimal well-formed image: 2 setup sectors + payload at offset 16. */
static uint8_t *fake_image(size_t *len)
{
	uint8_t *b = calloc(1, 4096);

	b[0x1f1] = 2; /* setup_sects */
	put16(b, 0x1fe, 0xaa55);
	put32(b, 0x202, 0x53726448); /* "HdrS" */
	put16(b, 0x206, 0x020f);
	put16(b, 0x20e, 0x100); /* version at 0x300 */
	strcpy((char *)b + 0x300, "6.1.0-test");
	b[0x211] = 1;
	put32(b, 0x238, 2047);
	put32(b, 0x248, 16); /* payload_offset */
	put32(b, 0x24c, 100); /* payload_length */
	put32(b, 0x260, 123456);
	b[3 * 512 + 16] = 0x1f; /* gzip magic */
	b[3 * 512 + 17] = 0x8b;
	*len = 4096;
	return b;
}

static void test_header(void **state)
{
	struct bzimage bz;
	size_t len;
	uint8_t *b = fake_image(&len);

	(void)state;
	assert_int_equal(bzimage_parse(b, len, &bz, err, sizeof(err)), 0);
	assert_int_equal(bz.setup_sects, 2);
	assert_int_equal(bz.setup_size, 1536);
	assert_int_equal(bz.protocol, 0x020f);
	assert_string_equal(bz.kernel_version, "6.1.0-test");
	assert_int_equal(bz.loadflags, 1);
	assert_int_equal(bz.cmdline_size, 2047);
	assert_int_equal(bz.init_size, 123456);
	assert_int_equal(bz.payload_start, 1536 + 16);
	assert_string_equal(bz.compression, "gzip");
	free(b);
}

static void test_bad_images(void **state)
{
	struct bzimage bz;
	size_t len, cut;
	uint8_t *b = fake_image(&len);
	uint8_t zero = 0;

	(void)state;
	assert_int_equal(bzimage_parse(&zero, 0, &bz, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "too short"));
	/* Every truncation fails cleanly, never reads past the end. */
	for (cut = 0; cut < 1536 + 16 + 100; cut += 7) {
		uint8_t *t = malloc(cut ? cut : 1);

		memcpy(t, b, cut);
		assert_int_equal(bzimage_parse(t, cut, &bz, err, sizeof(err)),
				 -1);
		free(t);
	}
	b[0x202] = 'X';
	assert_int_equal(bzimage_parse(b, len, &bz, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not an x86 bzImage"));
	b[0x202] = 'H';
	put32(b, 0x24c, 0xfffffff0); /* payload past the end */
	assert_int_equal(bzimage_parse(b, len, &bz, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "payload"));
	put32(b, 0x24c, 100);
	put16(b, 0x206, 0x0204); /* too old */
	assert_int_equal(bzimage_parse(b, len, &bz, err, sizeof(err)), -1);
	free(b);
}

static void test_magics(void **state)
{
	static const uint8_t xz[] = { 0xfd, '7', 'z', 'X', 'Z', 0 };
	static const uint8_t zs[] = { 0x28, 0xb5, 0x2f, 0xfd };
	static const uint8_t lz4[] = { 0x02, 0x21, 0x4c, 0x18 };

	(void)state;
	assert_string_equal(compression_by_magic(xz, sizeof(xz)), "xz");
	assert_string_equal(compression_by_magic(xz, 5), "unknown");
	assert_string_equal(compression_by_magic(zs, 4), "zstd");
	assert_string_equal(compression_by_magic(lz4, 4), "lz4");
	assert_string_equal(compression_by_magic((const uint8_t *)"BZh9", 4),
			    "bzip2");
	assert_string_equal(compression_by_magic(zs, 0), "unknown");
}

#define PLAIN_LEN 200000

static uint8_t *plain(void)
{
	uint8_t *p = malloc(PLAIN_LEN);
	size_t i;

	for (i = 0; i < PLAIN_LEN; i++)
		p[i] = (uint8_t)(i * 7 + i / 1000);
	return p;
}

/* Compress `p` with `method`; returns the compressed length. */
static size_t pack(const char *method, const uint8_t *p, uint8_t *out,
		   size_t cap)
{
	if (!strcmp(method, "gzip")) {
		z_stream z;

		memset(&z, 0, sizeof(z));
		deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8,
			     Z_DEFAULT_STRATEGY);
		z.next_in = (Bytef *)p;
		z.avail_in = PLAIN_LEN;
		z.next_out = out;
		z.avail_out = (uInt)cap;
		deflate(&z, Z_FINISH);
		deflateEnd(&z);
		return cap - z.avail_out;
	}
	if (!strcmp(method, "xz") || !strcmp(method, "lzma")) {
		lzma_stream s = LZMA_STREAM_INIT;
		lzma_options_lzma opt;
		lzma_ret r;

		lzma_lzma_preset(&opt, 6);
		if (!strcmp(method, "xz"))
			r = lzma_easy_encoder(&s, 6, LZMA_CHECK_CRC32);
		else
			r = lzma_alone_encoder(&s, &opt);
		assert_int_equal(r, LZMA_OK);
		s.next_in = p;
		s.avail_in = PLAIN_LEN;
		s.next_out = out;
		s.avail_out = cap;
		while (lzma_code(&s, LZMA_FINISH) == LZMA_OK)
			;
		lzma_end(&s);
		return cap - s.avail_out;
	}
	if (!strcmp(method, "bzip2")) {
		unsigned int n = (unsigned int)cap;

		BZ2_bzBuffToBuffCompress((char *)out, &n, (char *)p, PLAIN_LEN,
					 9, 0, 0);
		return n;
	}
	if (!strcmp(method, "lzo")) {
		/* lzop's format: header (no checksums), one block, end. */
		static const uint8_t hdr[] = {
			0x89, 'L',  'Z',  'O',	0,    0x0d, 0x0a, 0x1a,
			0x0a, 0x10, 0x40, 0x20, 0xa0, 0x09, 0x40, /* versions */
			1,    5, /* method, level */
			0,    0,    0,	  0, /* flags */
			0,    0,    0x81, 0xa4, 0,    0,    0,	  0,
			0,    0,    0,	  0, /* mode, mtime */
			0, /* name */
			0,    0,    0,	  0, /* checksum */
		};
		static uint8_t wrk[LZO1X_1_MEM_COMPRESS];
		lzo_uint n = 0;
		size_t h = sizeof(hdr);

		assert_int_equal(lzo_init(), LZO_E_OK);
		memcpy(out, hdr, h);
		lzo1x_1_compress(p, PLAIN_LEN, out + h + 8, &n, wrk);
		put32be(out + h, PLAIN_LEN);
		put32be(out + h + 4, (uint32_t)n);
		memset(out + h + 8 + n, 0, 4); /* end of blocks */
		return h + 8 + n + 4;
	}
	if (!strcmp(method, "lz4")) {
		/* The legacy frame: magic, then size + block. */
		int n = LZ4_compress_default((const char *)p, (char *)out + 8,
					     PLAIN_LEN, (int)cap - 8);

		put32(out, 0, 0x184c2102);
		put32(out, 4, (uint32_t)n);
		return (size_t)n + 8;
	}
	return ZSTD_compress(out, cap, p, PLAIN_LEN, 19);
}

static void test_unpack(void **state)
{
	static const char *const methods[] = { "gzip", "xz",  "lzma", "bzip2",
					       "zstd", "lz4", "lzo" };
	uint8_t *p = plain(), *c = malloc(PLAIN_LEN * 2), *out;
	size_t i, n, outlen;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(methods); i++) {
		n = pack(methods[i], p, c, PLAIN_LEN * 2);
		assert_true(n > 0);
		assert_string_equal(compression_by_magic(c, n), methods[i]);
		/* The kernel appends 4 bytes of size: they are ignored. */
		memset(c + n, 0xab, 4);
		assert_int_equal(unpack(methods[i], c, n + 4, &out, &outlen,
					err, sizeof(err)),
				 0);
		assert_int_equal(outlen, PLAIN_LEN);
		assert_memory_equal(out, p, PLAIN_LEN);
		free(out);
		/* Truncated: an error, not a crash. */
		assert_int_equal(unpack(methods[i], c, n / 2, &out, &outlen,
					err, sizeof(err)),
				 -1);
		assert_int_equal(unpack(methods[i], c, 0, &out, &outlen, err,
					sizeof(err)),
				 -1);
	}
	assert_int_equal(unpack("lzo", c, 10, &out, &outlen, err, sizeof(err)),
			 -1);
	assert_int_equal(unpack("lzop", c, 10, &out, &outlen, err, sizeof(err)),
			 -1);
	/* An lzma header asking for a 4 GiB dictionary (found by fuzzing). */
	memset(c, 0xff, 64);
	c[0] = 0x5d;
	assert_int_equal(unpack("lzma", c, 64, &out, &outlen, err, sizeof(err)),
			 -1);
	free(c);
	free(p);
}

static void test_elf(void **state)
{
	uint8_t b[512];
	struct elf_info *e = malloc(sizeof(*e));

	(void)state;
	memset(b, 0, sizeof(b));
	memcpy(b, "\177ELF", 4);
	b[4] = 2; /* ELF64 */
	b[5] = 1; /* little-endian */
	put16(b, 18, 62); /* x86_64 */
	put32(b, 24, 0x1000000); /* entry */
	put32(b, 32, 64); /* phoff */
	put16(b, 54, 56); /* phentsize */
	put16(b, 56, 1); /* phnum */
	put32(b, 64, 1); /* PT_LOAD */
	put32(b, 68, 5); /* R-X */
	put32(b, 64 + 32, 1234); /* filesz */
	assert_int_equal(elf_describe(b, sizeof(b), e, err, sizeof(err)), 0);
	assert_int_equal(e->bits, 64);
	assert_int_equal(e->machine, 62);
	assert_int_equal(e->entry, 0x1000000);
	assert_int_equal(e->nseg, 1);
	assert_int_equal(e->seg[0].filesz, 1234);
	assert_int_equal(e->seg[0].flags, 5);
	put16(b, 56, 1000); /* headers past the end */
	assert_int_equal(elf_describe(b, sizeof(b), e, err, sizeof(err)), -1);
	assert_int_equal(elf_describe(b, 10, e, err, sizeof(err)), -1);
	b[1] = 'X';
	assert_int_equal(elf_describe(b, sizeof(b), e, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not an ELF"));
	free(e);
}

static void test_arm_headers(void **state)
{
	static const uint8_t xz_magic[] = { 0xfd, '7', 'z', 'X', 'Z', 0 };
	uint8_t b[512];
	struct armimage a;

	(void)state;
	memset(b, 0, sizeof(b));
	memcpy(b + 56, "ARM\x64", 4);
	put32(b, 8, 0x80000);
	put32(b, 16, 0x1234000);
	assert_int_equal(armimage_parse(b, 64, &a, err, sizeof(err)), 0);
	assert_string_equal(a.format, "arm64-image");
	assert_int_equal(a.text_offset, 0x80000);
	assert_int_equal(a.image_size, 0x1234000);
	assert_int_equal(armimage_parse(b, 63, &a, err, sizeof(err)), -1);

	memset(b, 0, sizeof(b));
	memcpy(b + 48, "RISCV\0\0\0", 8);
	put32(b, 32, 2);
	assert_int_equal(armimage_parse(b, 64, &a, err, sizeof(err)), 0);
	assert_string_equal(a.format, "riscv-image");
	assert_int_equal(a.version, 2);

	memset(b, 0, sizeof(b));
	put32(b, 0x24, 0x016f2818);
	put32(b, 0x28, 0x8000);
	put32(b, 0x2c, 0x8000 + 512);
	put32(b, 0x30, 0x04030201);
	memcpy(b + 0x100, xz_magic, 6);
	assert_int_equal(armimage_parse(b, sizeof(b), &a, err, sizeof(err)), 0);
	assert_string_equal(a.format, "arm-zimage");
	assert_int_equal(a.end - a.start, 512);
	assert_int_equal(a.big_endian, 0);
	assert_int_equal(a.payload_start, 0x100);
	assert_string_equal(a.compression, "xz");
	assert_int_equal(armimage_parse(b, 0x30, &a, err, sizeof(err)), -1);
	assert_int_equal(armimage_parse(b, 0, &a, err, sizeof(err)), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_bad_images),
		cmocka_unit_test(test_magics),
		cmocka_unit_test(test_unpack),
		cmocka_unit_test(test_elf),
		cmocka_unit_test(test_arm_headers),
	};

	return cmocka_run_group_tests_name("kimage", tests, NULL, NULL);
}
