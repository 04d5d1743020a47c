/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading a GNU ld link map (ld -Map, the kernel's CONFIG_VMLINUX_MAP):
 * the output sections with their sizes, and every input section placed
 * in them with its size and the object file it came from.
 */
#ifndef KSIZE_LDMAP_H
#define KSIZE_LDMAP_H

#include <stddef.h>
#include <stdint.h>

struct ldmap_out {
	char *name;
	uint64_t size;
};

struct ldmap_in {
	size_t out; /* index into ldmap.out */
	char *file; /* "dir/x.o"; archive members as "dir/member.o" */
	uint64_t addr, size;
};

struct ldmap {
	struct ldmap_out *out;
	size_t nout;
	struct ldmap_in *in;
	size_t nin;
};

/* Returns 0, or -1 with a one-line reason in err. */
int ldmap_parse(const char *text, size_t len, struct ldmap *m, char *err,
		size_t errlen);
void ldmap_free(struct ldmap *m);

#endif
