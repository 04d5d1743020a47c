// SPDX-License-Identifier: GPL-2.0
/*
 * The x86 boot protocol header; see bzimage.h.
 */
#include "bzimage.h"
#include "bytes.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define HDR_MAGIC 0x53726448u /* "HdrS" at 0x202 */
#define SECTOR 512

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Format a one-line reason into err and return -1. */
static int __attribute__((format(printf, 3, 4)))
reason(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static unsigned int get8(const uint8_t *b, size_t off)
{
	return b[off];
}

static unsigned int get16(const uint8_t *b, size_t off)
{
	return (unsigned int)get_le(b, off, 2);
}

static uint32_t get32(const uint8_t *b, size_t off)
{
	return (uint32_t)get_le(b, off, 4);
}

const char *compression_by_magic(const uint8_t *p, size_t n)
{
	static const struct {
		const char *name;
		size_t len;
		uint8_t magic[6];
	} magics[] = {
		{ "gzip", 2, { 0x1f, 0x8b } },
		{ "bzip2", 3, { 'B', 'Z', 'h' } },
		{ "xz", 6, { 0xfd, '7', 'z', 'X', 'Z', 0x00 } },
		{ "lzma", 3, { 0x5d, 0x00, 0x00 } },
		{ "lzo", 4, { 0x89, 'L', 'Z', 'O' } },
		{ "lz4", 4, { 0x02, 0x21, 0x4c, 0x18 } },
		{ "zstd", 4, { 0x28, 0xb5, 0x2f, 0xfd } },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(magics); i++)
		if (n >= magics[i].len &&
		    !memcmp(p, magics[i].magic, magics[i].len))
			return magics[i].name;
	return "unknown";
}

int bzimage_parse(const uint8_t *buf, size_t len, struct bzimage *bz, char *err,
		  size_t errlen)
{
	size_t ver_off, i;

	memset(bz, 0, sizeof(*bz));
	if (len < 0x264)
		return reason(err, errlen,
			      "too short for an x86 boot header (%zu bytes)",
			      len);
	if (get16(buf, 0x1fe) != 0xaa55 || get32(buf, 0x202) != HDR_MAGIC)
		return reason(err, errlen, "not an x86 bzImage (%s)",
			      "no 0xAA55 and \"HdrS\" signature");
	bz->protocol = get16(buf, 0x206);
	if (bz->protocol < 0x0208)
		return reason(err, errlen, "boot protocol %u.%02u is too old",
			      bz->protocol >> 8, bz->protocol & 0xff);
	bz->setup_sects = get8(buf, 0x1f1);
	bz->setup_size = ((bz->setup_sects ? bz->setup_sects : 4) + 1) * SECTOR;
	bz->loadflags = get8(buf, 0x211);
	bz->relocatable = get8(buf, 0x234);
	bz->xloadflags = get16(buf, 0x236);
	bz->cmdline_size = get32(buf, 0x238);
	bz->payload_offset = get32(buf, 0x248);
	bz->payload_length = get32(buf, 0x24c);
	bz->pref_address = bz->protocol >= 0x020a ? get_le(buf, 0x258, 8) : 0;
	bz->init_size = bz->protocol >= 0x020a ? get32(buf, 0x260) : 0;

	if (bz->setup_size > len)
		return reason(err, errlen,
			      "truncated: setup.bin is %zu bytes, the file %zu",
			      bz->setup_size, len);
	bz->pm_size = len - bz->setup_size;
	if (bz->payload_offset > bz->pm_size ||
	    bz->payload_length > bz->pm_size - bz->payload_offset)
		return reason(err, errlen,
			      "truncated or corrupt: %s %u+%u > %zu",
			      "payload offset+length", bz->payload_offset,
			      bz->payload_length, bz->pm_size);
	bz->payload_start = bz->setup_size + bz->payload_offset;
	bz->compression = compression_by_magic(buf + bz->payload_start,
					       bz->payload_length);

	/* The version string pointer is relative to 0x200, inside setup. */
	ver_off = get16(buf, 0x20e);
	if (ver_off) {
		ver_off += 0x200;
		size_t max = sizeof(bz->kernel_version) - 1;

		for (i = 0; ver_off + i < bz->setup_size && i < max; i++) {
			char c = (char)buf[ver_off + i];

			if (!c)
				break;
			bz->kernel_version[i] = (c >= 32 && c < 127) ? c : '?';
		}
	}
	return 0;
}
