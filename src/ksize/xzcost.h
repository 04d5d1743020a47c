/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a part of vmlinux costs in the compressed kernel.
 *
 * A bzImage (or an ARM zImage) carries vmlinux compressed with xz, so
 * the bytes that decide its size are compressed bytes, and a part's
 * share of them is not its share of vmlinux: zeros cost next to
 * nothing, code that repeats other code costs little.  The estimate:
 * compress the loaded bytes of every input section, in link order, the
 * way the kernel's scripts/xz_wrap.sh does (the architecture's branch
 * filter, LZMA2 preset 6 with a 32 MiB dictionary), then again without
 * one group's sections.  The difference is what leaving the group out
 * would save, as long as nothing else changes with it.
 */
#ifndef KSIZE_XZCOST_H
#define KSIZE_XZCOST_H

#include <stddef.h>
#include <stdint.h>

/* The branch filter before LZMA2, as xz_wrap.sh picks it. */
enum xz_bcj { XZ_BCJ_NONE, XZ_BCJ_X86, XZ_BCJ_ARM };

struct xz_piece {
	const uint8_t *bytes;
	size_t len;
	int group; /* -1: in no group */
};

/*
 * The xz size of the pieces whose group is not skip (skip -1: all of
 * them).  Returns 0, or -1 with a one-line reason in err.
 */
int xz_size(const struct xz_piece *p, size_t n, int skip, enum xz_bcj bcj,
	    uint64_t *out, char *err, size_t errlen);

/* The filter for an ELF e_machine: x86 and x86_64, ARM, or none. */
enum xz_bcj xz_bcj_for_machine(unsigned int machine);

#endif
