/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which Kconfig symbol puts an object file into vmlinux, read from the
 * kernel's Kbuild makefiles ("obj-$(CONFIG_E1000) += e1000/",
 * "e1000-objs := e1000_main.o ...", "ifdef CONFIG_X ... endif").
 */
#ifndef KSIZE_KBUILD_H
#define KSIZE_KBUILD_H

#include "strtab.h"

struct kbuild {
	char *srctree;
	struct strtab makefiles; /* directory -> struct kb_file * */
	struct strtab config; /* CONFIG_X set to y -> (unused) */
	struct strtab vars; /* make variables given with -D, e.g. SRCARCH */
};

enum kb_how {
	KB_SYMBOL, /* a Kconfig symbol enables it */
	KB_ALWAYS, /* obj-y all the way up: always built */
	KB_UNLISTED, /* not found in its makefile: the directory decides */
};

void kbuild_init(struct kbuild *kb, const char *srctree);
void kbuild_free(struct kbuild *kb);
void kbuild_define(struct kbuild *kb, const char *name, const char *value);
/* Read a .config; returns 0, or -1 if it cannot be read. */
int kbuild_read_config(struct kbuild *kb, const char *path);
/* Parse one makefile's text for directory dir ("" is the top). */
void kbuild_add_makefile(struct kbuild *kb, const char *dir, const char *text);

/*
 * The symbol (without "CONFIG_") that enables object path ("net/ipv4/
 * tcp.o"), written to sym; returns how it was found.
 */
enum kb_how kbuild_symbol(struct kbuild *kb, const char *path, char *sym,
			  size_t symlen);

#endif
