// SPDX-License-Identifier: GPL-2.0
/*
 * boottrace: what one boot spent its time on, from its serial log.
 *
 *   boottrace [-m SYSTEM.MAP] [-t MARKS] [-n ROWS] SERIAL.LOG
 *
 * SERIAL.LOG is the console output of a boot with "initcall_debug" (and
 * "debug", so that the kernel's KERN_DEBUG lines reach the console).
 * SYSTEM.MAP names the addresses the kernel prints when it has no
 * KALLSYMS (ours) and gives each initcall its level.  MARKS holds
 * "NAME SECONDS" lines, the host's clock when the boot reached a step
 * (tlexpect's "mark"): setup, console, run-init, userspace.
 *
 * Prints a timeline (host clock from QEMU's start, kernel clock from the
 * printk timestamps), the time per initcall level and the slowest
 * initcalls.  "make boot-trace" boots the image this way and runs it.
 *
 * Why our own: the kernel's scripts/bootgraph.pl draws the same initcall
 * data as an SVG, but it needs KALLSYMS names in the log, knows nothing
 * of levels or of the time before the kernel's clock starts, and is Perl.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strtab.h"
#include "trace.h"

static const char *prog = "boottrace";

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: error: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static char *slurp(const char *path, size_t *len)
{
	char *buf = read_whole_file(path, len);

	if (!buf)
		die("%s: %s", path, strerror(errno));
	return buf;
}

static const char *const mark_names[] = { "setup", "console", "run-init",
					  "userspace" };

struct marks {
	double t[ARRAY_SIZE(mark_names)]; /* host seconds, -1 if absent */
};

static void read_marks(const char *path, struct marks *mk)
{
	char name[64];
	double t;
	FILE *f;

	for (size_t i = 0; i < ARRAY_SIZE(mk->t); i++)
		mk->t[i] = -1;
	if (!path)
		return;
	f = fopen(path, "r");
	if (!f)
		die("%s: %s", path, strerror(errno));
	while (fscanf(f, "%63s %lf", name, &t) == 2)
		for (size_t i = 0; i < ARRAY_SIZE(mark_names); i++)
			if (!strcmp(name, mark_names[i]))
				mk->t[i] = t;
	fclose(f);
}

/* One timeline row; host < 0 means "estimated from the kernel clock". */
static void row(double host, double k0, double kts, const char *what)
{
	char h[32] = "", k[32] = "-";

	if (host >= 0)
		snprintf(h, sizeof(h), "%.3f", host);
	else if (k0 >= 0 && kts >= 0)
		snprintf(h, sizeof(h), "~%.3f", k0 + kts);
	if (kts >= 0)
		snprintf(k, sizeof(k), "%.3f", kts);
	printf("  %9s %9s  %s\n", h, k, what);
}

static int by_usecs(const void *a, const void *b)
{
	const struct call *x = *(const struct call *const *)a;
	const struct call *y = *(const struct call *const *)b;

	return (y->usecs > x->usecs) - (y->usecs < x->usecs);
}

static void report(const struct bootlog *b, const struct marks *mk, size_t rows)
{
	long long lv_us[NR_LEVELS + 1] = { 0 };
	size_t lv_n[NR_LEVELS + 1] = { 0 }, done = 0;
	const struct call **sorted;
	double k0 = -1;
	char what[256];

	/* Kernel clock zero on the host clock, from a line both clocks saw. */
	if (mk->t[2] >= 0 && b->ts[MS_RUN_INIT] >= 0)
		k0 = mk->t[2] - b->ts[MS_RUN_INIT];
	else if (mk->t[1] >= 0 && b->ts[MS_CONSOLE] >= 0)
		k0 = mk->t[1] - b->ts[MS_CONSOLE];

	printf("Boot of Linux %s: PID 1 is %s, %zu initcalls\n\n",
	       b->version[0] ? b->version : "(no banner)",
	       b->init[0] ? b->init : "(not started)", b->ncalls);
	printf("Timeline (seconds; host clock from QEMU's start, %s)\n",
	       "~ = estimated from the kernel clock");
	printf("  %9s %9s  %s\n", "host", "kernel", "step");
	/* No setup.bin line: a kernel entered directly (PVH, or a board's Image). */
	if (b->seen[MS_SETUP]) {
		row(0, -1, -1,
		    "QEMU starts: firmware (SeaBIOS), loads bzImage and initramfs");
		row(mk->t[0], -1, -1,
		    "setup.bin runs in real mode (\"early console in setup code\")");
	} else {
		row(0, -1, -1,
		    "QEMU starts: firmware, loads the kernel and initramfs");
	}
	if (k0 >= 0)
		row(k0, -1, 0,
		    b->seen[MS_SETUP] ?
			    "kernel clock starts (decompressor done, start_kernel's setup_arch)" :
			    "kernel clock starts (entered without setup.bin or decompressor)");
	if (b->seen[MS_CONSOLE])
		row(-1, k0, b->ts[MS_CONSOLE],
		    "console [ttyS0] enabled: the messages so far appear");
	if (b->ncalls) {
		snprintf(what, sizeof(what), "first initcall: %s (%s)",
			 b->calls[0].fn, level_names[b->calls[0].level]);
		row(-1, k0, b->ts[MS_FIRST_INITCALL], what);
	}
	if (b->seen[MS_UNPACK])
		row(-1, k0, b->ts[MS_UNPACK],
		    "initramfs unpacking starts (in the background)");
	if (b->ncalls)
		row(-1, k0, b->ts[MS_LAST_INITCALL], "last initcall returns");
	if (b->seen[MS_INITRD_FREED])
		row(-1, k0, b->ts[MS_INITRD_FREED],
		    "initramfs unpacked into rootfs, its copy freed");
	if (b->seen[MS_FREE_INIT])
		row(-1, k0, b->ts[MS_FREE_INIT],
		    "init memory freed (__init code and data are gone)");
	if (b->seen[MS_RUN_INIT]) {
		snprintf(what, sizeof(what), "kernel executes %s as PID 1",
			 b->init);
		row(mk->t[2], k0, b->ts[MS_RUN_INIT], what);
	}
	if (b->seen[MS_USERSPACE])
		row(mk->t[3], -1, -1, "PID 1 says \"init: userspace up\"");

	if (b->nsearch > 1) {
		printf("\nLooking for init (rdinit=, then init=, %s):\n",
		       "/sbin/init, /etc/init, /bin/init, /bin/sh");
		for (size_t i = 0; i < b->nsearch; i++)
			printf("  %s\n", b->search[i]);
	}

	if (!b->ncalls) {
		printf("\nNo initcall lines: boot with \"initcall_debug debug\" to see them.\n");
		return;
	}
	for (size_t i = 0; i < b->ncalls; i++) {
		if (b->calls[i].usecs < 0)
			continue;
		lv_n[b->calls[i].level]++;
		lv_us[b->calls[i].level] += b->calls[i].usecs;
		done++;
	}
	printf("\nInitcalls by level, in the order they run (time inside the calls)\n");
	printf("  %-9s %6s %10s\n", "level", "calls", "msecs");
	for (int l = 0; l <= NR_LEVELS; l++)
		if (lv_n[l])
			printf("  %-9s %6zu %10.1f\n", level_names[l], lv_n[l],
			       lv_us[l] / 1000.0);
	printf("  %-9s %6zu %10.1f\n", "total", done,
	       bootlog_initcall_usecs(b) / 1000.0);
	if (done < b->ncalls)
		printf("  (%zu called but never returned)\n", b->ncalls - done);

	sorted = xmalloc(b->ncalls * sizeof(*sorted));
	for (size_t i = 0; i < b->ncalls; i++)
		sorted[i] = &b->calls[i];
	qsort(sorted, b->ncalls, sizeof(*sorted), by_usecs);
	if (rows > b->ncalls)
		rows = b->ncalls;
	printf("\nSlowest %zu initcalls\n  %9s  %-9s %s\n", rows, "msecs",
	       "level", "function");
	for (size_t i = 0; i < rows && sorted[i]->usecs >= 0; i++)
		printf("  %9.3f  %-9s %s%s\n", sorted[i]->usecs / 1000.0,
		       level_names[sorted[i]->level], sorted[i]->fn,
		       sorted[i]->ret ? " (returned an error)" : "");
	free(sorted);
}

static void print_usage(void)
{
	fprintf(stderr, "%s %s %s\n", "usage:", prog,
		"[-m SYSTEM.MAP] [-t MARKS] [-n ROWS] SERIAL.LOG");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *map_path = NULL, *marks_path = NULL;
	struct symmap map, *m = NULL;
	struct bootlog b;
	struct marks mk;
	size_t len, rows = 15;
	char err[256], *text, *line, *end;
	int c;

	while ((c = getopt(argc, argv, "m:t:n:")) != -1) {
		switch (c) {
		case 'm':
			map_path = optarg;
			break;
		case 't':
			marks_path = optarg;
			break;
		case 'n':
			rows = strtoul(optarg, &end, 10);
			if (*end || !*optarg)
				die("-n wants a number, not '%s'", optarg);
			break;
		default:
			print_usage();
		}
	}
	if (optind != argc - 1)
		print_usage();

	if (map_path) {
		text = slurp(map_path, &len);
		if (symmap_parse(text, len, &map, err, sizeof(err)))
			die("%s: %s", map_path, err);
		free(text);
		m = &map;
	}
	read_marks(marks_path, &mk);

	text = slurp(argv[optind], &len);
	bootlog_init(&b);
	for (line = text; line < text + len; line = end + 1) {
		end = memchr(line, '\n', text + len - line);
		if (!end)
			end = text + len;
		*end = '\0';
		bootlog_line(&b, line, m);
	}
	free(text);
	if (!b.seen[MS_BANNER] && !b.ncalls)
		die("%s: no kernel messages (not the serial log of a Linux boot?)",
		    argv[optind]);

	if (m) {
		size_t off = 0;

		/* Initcalls are functions: their addresses are symbols. */
		for (size_t i = 0; i < b.ncalls; i++)
			off += !!strstr(b.calls[i].fn, "+0x");
		if (off > b.ncalls / 2)
			fprintf(stderr,
				"%s: warning: %zu of %zu initcall addresses are not in %s: is it this kernel's System.map?\n",
				prog, off, b.ncalls, map_path);
	}
	report(&b, &mk, rows);
	bootlog_free(&b);
	if (m)
		symmap_free(m);
	return 0;
}
