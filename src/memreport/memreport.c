// SPDX-License-Identifier: GPL-2.0
/*
 * memreport: where one boot's memory goes.
 *
 *   memreport [-i IMAGE] -m SYSTEM.MAP SERIAL.LOG
 *
 * IMAGE (a bzImage or an uncompressed vmlinux) gives the load address
 * and the memory the boot loader must give the kernel from there (the
 * bzImage's pref_address and init_size; a vmlinux's PT_LOAD segments).
 * SYSTEM.MAP gives the kernel's own layout: text, read-only data, data,
 * init, bss, the early page tables, and the padding between them.
 * SERIAL.LOG is the console of a boot that printed /proc/meminfo ("make
 * mem-report" runs it): the RAM the firmware reported (e820), the
 * kernel's "Memory:" line, what it freed, and the meminfo figures after
 * boot (free memory, the unpacked initramfs in the page cache, slab,
 * kernel stacks, page tables).
 *
 * Why our own: the figures are all in the kernel's own outputs, but in
 * four places and three units; nothing puts them side by side for one
 * boot.  The parsers of the images are kimage's (src/kimage).
 */
#define _POSIX_C_SOURCE 200809L
#include "bzimage.h"
#include "elf.h"
#include "strtab.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const char *prog = "memreport";

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

/* System.map: "ADDRESS TYPE NAME" per line, sorted by address. */
struct sym {
	uint64_t addr;
	const char *name;
};

static struct sym *syms;
static size_t nsyms;

static void read_map(const char *path)
{
	size_t len, cap = 0;
	char *text = slurp(path, &len), *line, *save = NULL;

	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *end, *name;
		uint64_t addr = strtoull(line, &end, 16);

		if (end == line || end[0] != ' ' || !end[1] || end[2] != ' ' ||
		    !end[3])
			die("%s: not a System.map (\"%.40s\")", path, line);
		name = end + 3;
		if (nsyms == cap) {
			cap = cap ? 2 * cap : 4096;
			syms = xrealloc(syms, cap * sizeof(*syms));
		}
		syms[nsyms].addr = addr;
		syms[nsyms++].name = name;
	}
	if (!nsyms)
		die("%s: empty System.map", path);
}

/* The address of NAME, or 0 when the map does not have it. */
static uint64_t sym(const char *name)
{
	for (size_t i = 0; i < nsyms; i++)
		if (!strcmp(syms[i].name, name))
			return syms[i].addr;
	return 0;
}

/* Bytes from NAME to the next higher address in the map: its size. */
static uint64_t sym_size(const char *name)
{
	uint64_t a = sym(name), next = 0;

	if (!a)
		return 0;
	for (size_t i = 0; i < nsyms; i++)
		if (syms[i].addr > a && (!next || syms[i].addr < next))
			next = syms[i].addr;
	return next ? next - a : 0;
}

static void row(const char *what, uint64_t bytes, const char *why)
{
	printf("  %-34s %10.1f KiB  %s\n", what, bytes / 1024.0, why);
}

static void image_part(const char *path, int print)
{
	size_t len;
	uint8_t *buf = (uint8_t *)slurp(path, &len);
	char err[160];
	struct bzimage bz;
	static struct elf_info e;

	if (bzimage_parse(buf, len, &bz, err, sizeof(err)) &&
	    elf_describe(buf, len, &e, err, sizeof(err)))
		die("%s: neither a bzImage nor an ELF vmlinux", path);
	if (!print) {
		free(buf);
		return;
	}
	printf("The image (%s, %zu bytes)\n", path, len);
	if (!bzimage_parse(buf, len, &bz, err, sizeof(err))) {
		printf("  %-34s 0x%" PRIx64 " (%" PRIu64 " KiB)%s\n",
		       "load address (pref_address)", bz.pref_address,
		       bz.pref_address >> 10,
		       bz.relocatable ? ", relocatable" : ", fixed");
		row("memory from there (init_size)", bz.init_size,
		    "the kernel, its bss and the decompressor's room");
		row("compressed kernel", bz.payload_length,
		    "moved up inside that room, then decompressed to the load address");
	} else if (!elf_describe(buf, len, &e, err, sizeof(err))) {
		uint64_t lo = UINT64_MAX, hi = 0;

		for (int i = 0; i < e.nseg; i++) {
			if (e.seg[i].paddr < lo)
				lo = e.seg[i].paddr;
			if (e.seg[i].paddr + e.seg[i].memsz > hi)
				hi = e.seg[i].paddr + e.seg[i].memsz;
		}
		if (!e.nseg)
			die("%s: an ELF file without PT_LOAD segments", path);
		printf("  %-34s 0x%" PRIx64 " (%" PRIu64
		       " KiB), an ELF vmlinux%s\n",
		       "load address (lowest PT_LOAD)", lo, lo >> 10,
		       e.has_pvh ? " entered through PVH" : "");
		row("memory from there (PT_LOADs)", hi - lo,
		    "loaded as it is: no decompressor, no room for one");
	} else {
		die("%s: neither a bzImage nor an ELF vmlinux", path);
	}
	free(buf);
}

static const struct {
	const char *what, *start, *end, *why;
} regions[] = {
	{ "text", "_text", "_etext", "code" },
	{ "rodata", "__start_rodata", "__end_rodata", "read-only data" },
	{ "data", "_sdata", "_edata", "initialised data" },
	{ "init", "__init_begin", "__init_end", "freed once PID 1 starts" },
	{ "bss", "__bss_start", "__bss_stop", "zeroed data" },
	{ "brk", "__brk_base", "__brk_limit",
	  "early allocations (page tables)" },
};

static const char *const pgtables[] = {
	"early_top_pgt",      "init_top_pgt",	   "level3_kernel_pgt",
	"level2_kernel_pgt",  "level2_fixmap_pgt", "level1_fixmap_pgt",
	"early_dynamic_pgts",
};

static void map_part(void)
{
	uint64_t text = sym("_text"), end = sym("_end"), sum = 0, pt = 0;

	printf("\nThe kernel in memory (System.map)\n");
	for (size_t i = 0; i < ARRAY_SIZE(regions); i++) {
		uint64_t a = sym(regions[i].start), b = sym(regions[i].end);

		if (!a || b < a)
			continue;
		row(regions[i].what, b - a, regions[i].why);
		sum += b - a;
	}
	row("alignment padding", end - text - sum,
	    "between them, up to each section's alignment");
	row("total (_text.._end)", end - text, "");
	for (size_t i = 0; i < ARRAY_SIZE(pgtables); i++)
		pt += sym_size(pgtables[i]);
	if (pt)
		row("  of which static page tables", pt,
		    "early_dynamic_pgts, init_top_pgt... (in data)");
}

/* The number after "KEY" in line, in KiB (meminfo's "kB", printk's "K"). */
static int kib_after(const char *line, const char *key, unsigned long *v)
{
	const char *p = strstr(line, key);
	char *end;

	if (!p)
		return 0;
	p += strlen(key);
	while (*p == ' ')
		p++;
	*v = strtoul(p, &end, 10);
	return end != p;
}

/*
 * The /proc/meminfo lines shown, and whether each is a part of MemTotal
 * of its own (Shmem is a part of Cached; MemTotal is the whole).
 */
static const struct {
	const char *key, *why;
	int part;
} meminfo[] = {
	{ "MemTotal:",
	  "all the kernel manages: RAM less the kernel and its reservations",
	  0 },
	{ "MemFree:", "unused", 1 },
	{ "Cached:", "files: the unpacked initramfs (ramfs pages stay here)",
	  1 },
	{ "Shmem:", "tmpfs and shared memory (part of Cached)", 0 },
	{ "Slab:", "kernel objects (dentries, inodes, sk_buffs...)", 1 },
	{ "KernelStack:", "one stack per task", 1 },
	{ "PageTables:", "page tables of the processes", 1 },
	{ "AnonPages:", "the processes' own memory", 1 },
};

#define NKEYS ARRAY_SIZE(meminfo)

/*
 * What the "reserved" of the kernel's "Memory: A/T available (...,
 * R reserved ...)" line is made of, as far as the image and the map
 * tell: the first MiB (x86_64 keeps it from the page allocator), the
 * kernel from _text to _end, the initramfs archive (freed later), and
 * the struct page of every page (64 bytes each on 64-bit, 32 on 32-bit).
 * The rest is what the kernel allocated at boot before the page
 * allocator ran: hash tables, per-CPU areas, the log buffer.
 */
static void reserved_part(const char *memline, unsigned long initrd_kib)
{
	unsigned long avail, total, reserved, kib;
	const char *p = strstr(memline, "K reserved");
	uint64_t text = sym("_text"), end = sym("_end"), parts = 0;
	int is64 = text > 0xffffffffULL;

	if (sscanf(memline, "Memory: %luK/%luK", &avail, &total) != 2 || !p)
		return;
	while (p > memline && p[-1] >= '0' && p[-1] <= '9')
		p--;
	reserved = strtoul(p, NULL, 10);
	printf("  %-34s %10.1f KiB  of which:\n", "reserved", (double)reserved);
	if (sym("startup_64")) {
		row("  the first MiB", 1 << 20,
		    "x86_64 never gives it to the page allocator");
		parts += 1 << 20;
	}
	row("  the kernel (_text.._end)", end - text, "");
	parts += end - text;
	if (initrd_kib) {
		row("  the initramfs archive", (uint64_t)initrd_kib << 10,
		    "until it is unpacked");
		parts += (uint64_t)initrd_kib << 10;
	}
	kib = total / 4 * (is64 ? 64 : 32) / 1024;
	row("  struct page for each page", (uint64_t)kib << 10,
	    is64 ? "64 bytes per 4 KiB page" : "32 bytes per 4 KiB page");
	parts += (uint64_t)kib << 10;
	if (((uint64_t)reserved << 10) > parts)
		row("  the rest", ((uint64_t)reserved << 10) - parts,
		    "boot-time allocations: hash tables, per-CPU areas, log");
}

static void log_part(const char *path, int print)
{
	size_t len;
	char *text = slurp(path, &len), *line, *save = NULL;
	unsigned long mi[NKEYS] = { 0 }, v, initrd = 0, initmem = 0, gaps = 0;
	int seen[NKEYS] = { 0 }, have_mi = 0;
	uint64_t usable = 0;
	char memline[256] = "";

	for (line = strtok_r(text, "\r\n", &save); line;
	     line = strtok_r(NULL, "\r\n", &save)) {
		const char *p;
		uint64_t a, b;

		p = strstr(line, "e820: [mem ");
		if (p && strstr(p, "] usable") &&
		    sscanf(p, "e820: [mem %" SCNx64 "-%" SCNx64 "]", &a, &b) ==
			    2 &&
		    b >= a && !strstr(line, "update") &&
		    !strstr(line, "remove"))
			usable += b - a + 1;
		p = strstr(line, "Memory: ");
		if (p && strstr(p, "available"))
			snprintf(memline, sizeof(memline), "%s", p);
		if (kib_after(line, "Freeing initrd memory:", &v))
			initrd = v;
		if (kib_after(line,
			      "Freeing unused kernel image (initmem) memory:",
			      &v))
			initmem = v;
		if (strstr(line, "Freeing unused kernel image (") &&
		    strstr(line, "gap) memory:") &&
		    kib_after(line, "gap) memory:", &v))
			gaps += v;
		for (size_t k = 0; k < NKEYS; k++)
			if (!strncmp(line, meminfo[k].key,
				     strlen(meminfo[k].key)) &&
			    kib_after(line, meminfo[k].key, &mi[k])) {
				seen[k] = 1;
				have_mi = 1;
			}
	}
	free(text);
	if (!memline[0] && !have_mi)
		die("%s: no \"Memory:\" line and no /proc/meminfo in this log",
		    path);
	if (!print)
		return;

	printf("\nAt boot (the kernel's messages in %s)\n", path);
	if (usable)
		row("RAM the firmware reports usable", usable,
		    "e820 (the rest of -m: firmware, ACPI, the BIOS area)");
	if (memline[0]) {
		printf("  %s\n", memline);
		reserved_part(memline, initrd);
	}
	if (initrd)
		row("initramfs archive, freed", (uint64_t)initrd << 10,
		    "after it is unpacked into the page cache");
	if (initmem)
		row("init sections, freed", (uint64_t)initmem << 10,
		    "before PID 1 runs");
	if (gaps)
		row("alignment gaps, freed", (uint64_t)gaps << 10,
		    "text/rodata and rodata/data gaps given back");
	if (!have_mi)
		return;

	printf("\nAfter boot (/proc/meminfo)\n");
	unsigned long rest = mi[0];

	for (size_t k = 0; k < NKEYS; k++) {
		if (!seen[k])
			continue;
		row(meminfo[k].key, (uint64_t)mi[k] << 10, meminfo[k].why);
		if (meminfo[k].part)
			rest -= rest >= mi[k] ? mi[k] : rest;
	}
	if (seen[0] && seen[1])
		row("the rest", (uint64_t)rest << 10,
		    "page allocations that meminfo does not name");
}

static void print_usage(void)
{
	fprintf(stderr, "usage: %s [-i IMAGE] -m SYSTEM.MAP SERIAL.LOG\n",
		prog);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *image = NULL, *map = NULL;
	int c;

	while ((c = getopt(argc, argv, "i:m:")) != -1) {
		switch (c) {
		case 'i':
			image = optarg;
			break;
		case 'm':
			map = optarg;
			break;
		default:
			print_usage();
		}
	}
	if (!map || optind != argc - 1)
		print_usage();
	/* Every input is read and checked before anything is printed. */
	read_map(map);
	if (!sym("_text") || sym("_end") <= sym("_text"))
		die("%s: no _text and _end: not a kernel's System.map", map);
	if (image)
		image_part(image, 0);
	log_part(argv[optind], 0);
	if (image)
		image_part(image, 1);
	map_part();
	log_part(argv[optind], 1);
	return 0;
}
