// SPDX-License-Identifier: GPL-2.0
/*
 * The xz cost of groups of input sections (see xzcost.h), with liblzma,
 * the library behind the xz program the kernel's build runs.
 */
#include "xzcost.h"
#include "strtab.h"

#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EM_386 3
#define EM_ARM 40
#define EM_X86_64 62

enum xz_bcj xz_bcj_for_machine(unsigned int machine)
{
	if (machine == EM_386 || machine == EM_X86_64)
		return XZ_BCJ_X86;
	if (machine == EM_ARM)
		return XZ_BCJ_ARM;
	return XZ_BCJ_NONE;
}

int xz_size(const struct xz_piece *p, size_t n, int skip, enum xz_bcj bcj,
	    uint64_t *out, char *err, size_t errlen)
{
	lzma_options_lzma opt;
	lzma_filter filters[3];
	size_t len = 0, i, f = 0, cap, pos = 0;
	uint8_t *in, *buf;
	lzma_ret ret;

	for (i = 0; i < n; i++)
		if (skip < 0 || p[i].group != skip)
			len += p[i].len;
	in = xmalloc(len ? len : 1);
	for (len = 0, i = 0; i < n; i++) {
		if (skip >= 0 && p[i].group == skip)
			continue;
		memcpy(in + len, p[i].bytes, p[i].len);
		len += p[i].len;
	}
	if (lzma_lzma_preset(&opt, 6)) {
		free(in);
		snprintf(err, errlen, "liblzma has no preset 6");
		return -1;
	}
	opt.dict_size = 32u << 20;
	memset(filters, 0, sizeof(filters));
	if (bcj == XZ_BCJ_X86)
		filters[f++].id = LZMA_FILTER_X86;
	else if (bcj == XZ_BCJ_ARM)
		filters[f++].id = LZMA_FILTER_ARM;
	filters[f].id = LZMA_FILTER_LZMA2;
	filters[f++].options = &opt;
	filters[f].id = LZMA_VLI_UNKNOWN;
	cap = lzma_stream_buffer_bound(len);
	buf = xmalloc(cap);
	ret = lzma_stream_buffer_encode(filters, LZMA_CHECK_CRC32, NULL, in,
					len, buf, &pos, cap);
	free(in);
	free(buf);
	if (ret != LZMA_OK) {
		snprintf(err, errlen, "liblzma failed (error %d)", (int)ret);
		return -1;
	}
	*out = pos;
	return 0;
}
