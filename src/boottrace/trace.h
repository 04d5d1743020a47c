/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading one boot: the kernel's System.map (to name the addresses that
 * initcall_debug prints when KALLSYMS is off, and to find each initcall's
 * level) and the serial log (initcall_debug lines, kernel timestamps and
 * the milestones of a boot).
 */
#ifndef BOOTTRACE_TRACE_H
#define BOOTTRACE_TRACE_H

#include <stddef.h>
#include <stdint.h>

/* The initcall levels in the order the kernel runs them (init/main.c). */
enum level {
	LEVEL_EARLY,
	LEVEL_PURE,
	LEVEL_CORE,
	LEVEL_POSTCORE,
	LEVEL_ARCH,
	LEVEL_SUBSYS,
	LEVEL_FS,
	LEVEL_ROOTFS,
	LEVEL_DEVICE,
	LEVEL_LATE,
	NR_LEVELS,
	LEVEL_UNKNOWN = NR_LEVELS,
};

extern const char *const level_names[NR_LEVELS + 1];

struct ksym {
	uint64_t addr;
	char *name;
};

struct initcall_fn {
	char *fn;
	enum level level;
};

struct symmap {
	struct ksym *syms; /* sorted by address */
	size_t nsyms;
	struct initcall_fn *calls; /* sorted by name */
	size_t ncalls;
};

/* Returns 0, or -1 with a one-line reason in err. */
int symmap_parse(const char *text, size_t len, struct symmap *m, char *err,
		 size_t errlen);
void symmap_free(struct symmap *m);
/* The symbol at or below addr (its offset in *off), or NULL. */
const char *symmap_lookup(const struct symmap *m, uint64_t addr, uint64_t *off);
/* The level of the initcall function fn, from its __initcall_ entry. */
enum level symmap_level(const struct symmap *m, const char *fn);

/* Milestones of a boot, found in the serial log by their text. */
enum milestone {
	MS_SETUP, /* setup.bin's "early console in setup code" */
	MS_BANNER, /* start_kernel's "Linux version" */
	MS_CONSOLE, /* "console [ttyS0] enabled" */
	MS_FIRST_INITCALL,
	MS_LAST_INITCALL,
	MS_UNPACK, /* populate_rootfs: "Unpacking initramfs..." */
	MS_INITRD_FREED, /* the initramfs is unpacked: "Freeing initrd memory" */
	MS_FREE_INIT, /* "Freeing unused kernel image" */
	MS_RUN_INIT, /* "Run /init as init process" */
	MS_USERSPACE, /* our PID 1: "init: userspace up" */
	NR_MILESTONES,
};

struct call {
	char *fn; /* resolved name, or the text the kernel printed */
	double start; /* kernel timestamp of "calling" */
	long long usecs; /* -1 until "returned" is seen */
	int ret;
	enum level level;
};

struct bootlog {
	struct call *calls;
	size_t ncalls, cap;
	double ts[NR_MILESTONES]; /* kernel timestamps, -1 if not seen */
	int seen[NR_MILESTONES];
	char init[64]; /* the program PID 1 was started as */
	char **search; /* the kernel's lines while it looks for init */
	size_t nsearch;
	char version[128];
};

void bootlog_init(struct bootlog *b);
void bootlog_free(struct bootlog *b);
/* Feed one line of the serial log (without its newline).  m may be NULL. */
void bootlog_line(struct bootlog *b, const char *line, const struct symmap *m);
/* Total microseconds spent in initcalls that returned. */
long long bootlog_initcall_usecs(const struct bootlog *b);

#endif
