// SPDX-License-Identifier: GPL-2.0
/*
 * ksize: where a kernel's bytes go.
 *
 *   ksize report [options] OBJTREE SRCTREE
 *	Reads OBJTREE/vmlinux, its link map OBJTREE/vmlinux.map
 *	(CONFIG_VMLINUX_MAP) and OBJTREE/.config; gives every input section
 *	of the map to its object file, and every object file to the Kconfig
 *	symbol that enables it (from SRCTREE's Kbuild files, kbuild.c).
 *	Prints the totals, the top symbols, directories and objects.
 *	  -n N		rows per table (default 20)
 *	  -D VAR=VALUE	a make variable used in Kbuild lists (SRCARCH=x86)
 *	  --objects F	write "object symbol how text data bss" (TSV)
 *	  --symbols F	write "symbol text data bss objects" (TSV)
 *	  --min-coverage P  exit 1 if less than P% of vmlinux's text+data
 *			is accounted for
 *	  --xz N	also what the N largest symbols cost in the
 *			xz-compressed kernel (xzcost.h): N+1 compressions
 *	  --xz-tolerance P  exit 1 unless the compressed whole is within
 *			P% of the build's x86 vmlinux.bin.xz
 *   ksize diff [-n N] OLD NEW
 *	Compares two --symbols files: what each symbol gained or lost.
 *
 * Why our own tool: the kernel's scripts/bloat-o-meter compares function
 * and variable sizes between two vmlinux files (we run it for that), but
 * nothing maps bytes to the Kconfig symbols a user can turn off.
 */
#define _POSIX_C_SOURCE 200809L
#include "kbuild.h"
#include "ldmap.h"
#include "strtab.h"
#include "xzcost.h"
#include "../kimage/elf.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHT_NOBITS 8
#define SHF_WRITE 1
#define SHF_ALLOC 2
#define SHF_EXECINSTR 4

enum { TEXT, DATA, BSS, NCLASS };

struct sizes {
	uint64_t b[NCLASS];
	unsigned long objects;
	const char *key; /* points to the table's own copy */
	char sym[128];
	int how;
};

static const char *prog = "ksize";

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void help(void)
{
	fprintf(stderr,
		"usage: ksize report [-n N] [-D VAR=VALUE] [--objects F] [--symbols F]\n"
		"                    [--min-coverage PERCENT] [--xz N [--xz-tolerance PERCENT]]\n"
		"                    OBJTREE SRCTREE\n"
		"       ksize diff [-n N] OLD NEW   (files of report --symbols)\n");
	exit(2);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t cap = 1 << 20, n;

	if (!f)
		die("%s: %s", path, strerror(errno));
	buf = xmalloc(cap + 1);
	*len = 0;
	while ((n = fread(buf + *len, 1, cap - *len, f)) > 0) {
		*len += n;
		if (*len == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
	}
	if (ferror(f))
		die("%s: read error", path);
	fclose(f);
	buf[*len] = '\0';
	return buf;
}

static uint64_t td(const struct sizes *s)
{
	return s->b[TEXT] + s->b[DATA];
}

static int by_size(const void *a, const void *b)
{
	const struct sizes *x = *(const struct sizes *const *)a;
	const struct sizes *y = *(const struct sizes *const *)b;

	if (td(x) != td(y))
		return td(x) < td(y) ? 1 : -1;
	return strcmp(x->key, y->key);
}

/* The table's values, sorted by text+data, largest first. */
static struct sizes **sorted(struct strtab *t)
{
	struct sizes **v = xcalloc(t->len + 1, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < t->cap; i++) {
		if (!t->keys[i])
			continue;
		v[n] = t->vals[i];
		v[n]->key = t->keys[i];
		n++;
	}
	qsort(v, n, sizeof(*v), by_size);
	return v;
}

static void table(const char *title, struct strtab *t, uint64_t total, int rows,
		  int show_sym)
{
	struct sizes **v = sorted(t);
	size_t i;

	printf("\n%s (%%: of all objects' text+data)\n", title);
	printf("  %10s %5s %10s %10s %9s  %s\n", "text+data", "%", "text",
	       "data", "bss", show_sym ? "object (symbol)" : "name (objects)");
	for (i = 0; i < t->len && (int)i < rows; i++) {
		const struct sizes *s = v[i];

		printf("  %10llu %5.1f %10llu %10llu %9llu  %s",
		       (unsigned long long)td(s),
		       total ? 100.0 * (double)td(s) / (double)total : 0.0,
		       (unsigned long long)s->b[TEXT],
		       (unsigned long long)s->b[DATA],
		       (unsigned long long)s->b[BSS], s->key);
		if (show_sym)
			printf(" (%s)\n", *s->sym ? s->sym : "always built");
		else
			printf(" (%lu)\n", s->objects);
	}
	if (t->len > (size_t)rows)
		printf("  ... %zu more\n", t->len - (size_t)rows);
	free(v);
}

static void add(struct strtab *t, const char *key, const struct sizes *o)
{
	struct sizes *s = strtab_add(t, key);
	int c;

	for (c = 0; c < NCLASS; c++)
		s->b[c] += o->b[c];
	s->objects++;
}

static FILE *out_file(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f)
		die("%s: %s", path, strerror(errno));
	return f;
}

static void close_file(FILE *f, const char *path)
{
	if (fclose(f))
		die("%s: write error", path);
}

/*
 * The xz table: the loaded bytes of every text and data input section,
 * in link order; the n largest symbols are groups 0..n-1.  Returns 1
 * when tol >= 0 and the compressed whole is not within tol percent of
 * the kernel's own payload (x86's vmlinux.bin.xz), else 0.
 */
static int xz_table(const struct ldmap *map, const int *cls,
		    const struct elf_sec *const *osec, const uint8_t *vm,
		    size_t vmlen, const struct strtab *objs,
		    struct strtab *syms, const struct elf_info *elf, int n,
		    const char *objtree, double tol)
{
	struct xz_piece *p = xcalloc(map->nin + 1, sizeof(*p));
	struct sizes **v = sorted(syms);
	enum xz_bcj bcj = xz_bcj_for_machine(elf->machine);
	uint64_t all, without, loaded = 0, outside = 0;
	size_t np = 0, k;
	char err[256], path[4096];
	long real = 0;
	double apart;
	FILE *f;
	int g, bad = 0;

	if ((size_t)n > syms->len)
		n = (int)syms->len;
	for (k = 0; k < map->nin; k++) {
		const struct ldmap_in *in = &map->in[k];
		const struct elf_sec *s = osec[in->out];
		const struct sizes *o;
		const char *key;
		uint64_t rel, off;

		if (cls[in->out] != TEXT && cls[in->out] != DATA)
			continue;
		if (!in->size)
			continue;
		/*
		 * Every offset from the map is checked: inside its output
		 * section, and that section inside the file.
		 */
		rel = s ? in->addr - s->addr : 0;
		if (!s || in->addr < s->addr || rel > s->size ||
		    in->size > s->size - rel || s->offset > vmlen ||
		    s->size > vmlen - s->offset) {
			outside += in->size;
			continue;
		}
		off = s->offset + rel;
		o = strtab_get(objs, in->file);
		key = o && *o->sym ? o->sym : "(always built)";
		p[np].bytes = vm + off;
		p[np].len = in->size;
		p[np].group = -1;
		for (g = 0; g < n; g++)
			if (!strcmp(v[g]->key, key))
				p[np].group = g;
		loaded += in->size;
		np++;
	}
	if (xz_size(p, np, -1, bcj, &all, err, sizeof(err)))
		die("xz: %s", err);
	printf("\nKconfig symbols, by what they cost in the xz-compressed kernel\n"
	       "  (compressed as the kernel's build does, with and without the\n"
	       "  symbol's objects; %%: of all objects compressed, %llu bytes\n"
	       "  from %llu loaded bytes",
	       (unsigned long long)all, (unsigned long long)loaded);
	snprintf(path, sizeof(path), "%s/%s", objtree,
		 "arch/x86/boot/compressed/vmlinux.bin.xz");
	f = fopen(path, "rb");
	if (f && !fseek(f, 0, SEEK_END))
		real = ftell(f);
	if (f)
		fclose(f);
	apart = 0.0;
	if (real > 0)
		apart = 100.0 * fabs((double)all - (double)real) / (double)real;
	if (real > 0)
		printf("; the kernel's own payload,\n  vmlinux.bin.xz: %ld bytes, %.2f%% apart",
		       real, apart);
	printf(")\n");
	if (tol >= 0 && real <= 0) {
		fprintf(stderr, "%s: %s: %s\n", prog, path,
			"missing, nothing to check the estimate against");
		bad = 1;
	} else if (tol >= 0 && apart > tol) {
		fprintf(stderr,
			"%s: the xz estimate, %llu bytes, is more than %g%% from the real payload, %ld\n",
			prog, (unsigned long long)all, tol, real);
		bad = 1;
	}
	if (outside)
		printf("  (%llu bytes of the map are not in vmlinux's sections: left out)\n",
		       (unsigned long long)outside);
	printf("  %10s %5s %10s %6s  %s\n", "xz bytes", "%", "text+data",
	       "ratio", "name (objects)");
	for (g = 0; g < n; g++) {
		uint64_t cost;

		if (xz_size(p, np, g, bcj, &without, err, sizeof(err)))
			die("xz: %s", err);
		cost = all > without ? all - without : 0;
		printf("  %10llu %5.1f %10llu %6.1f  %s (%lu)\n",
		       (unsigned long long)cost,
		       all ? 100.0 * (double)cost / (double)all : 0.0,
		       (unsigned long long)td(v[g]),
		       cost ? (double)td(v[g]) / (double)cost : 0.0, v[g]->key,
		       v[g]->objects);
	}
	free(v);
	free(p);
	return bad;
}

static int report(int argc, char **argv)
{
	const char *objects_out = NULL, *symbols_out = NULL;
	double min_cov = -1, xz_tol = -1;
	int rows = 20, xz_rows = 0, xz_bad = 0, i, c;
	char path[4096], err[256];
	struct kbuild kb;
	struct elf_info *elf = xcalloc(1, sizeof(*elf));
	struct ldmap map;
	const struct elf_sec **osec;
	struct strtab objs, syms, dirs, tops;
	uint64_t total[NCLASS] = { 0 }, pad[NCLASS] = { 0 };
	uint64_t mapped = 0, unlisted = 0, objbytes = 0, accounted, all;
	size_t len, vmlen, k;
	char *buf, *vm;
	int *cls;

	kbuild_init(&kb, ".");
	for (i = 0; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc) {
			rows = atoi(argv[++i]);
		} else if (!strcmp(argv[i], "-D") && i + 1 < argc) {
			char *eq = strchr(argv[++i], '=');

			if (!eq)
				die("-D %s: expected VAR=VALUE", argv[i]);
			*eq = '\0';
			kbuild_define(&kb, argv[i], eq + 1);
		} else if (!strcmp(argv[i], "--objects") && i + 1 < argc) {
			objects_out = argv[++i];
		} else if (!strcmp(argv[i], "--symbols") && i + 1 < argc) {
			symbols_out = argv[++i];
		} else if (!strcmp(argv[i], "--min-coverage") && i + 1 < argc) {
			min_cov = atof(argv[++i]);
		} else if (!strcmp(argv[i], "--xz") && i + 1 < argc) {
			xz_rows = atoi(argv[++i]);
			if (xz_rows < 0)
				die("--xz %s: expected a number of symbols",
				    argv[i]);
		} else if (!strcmp(argv[i], "--xz-tolerance") && i + 1 < argc) {
			xz_tol = atof(argv[++i]);
		} else {
			die("unknown option %s", argv[i]);
		}
	}
	if (argc - i != 2)
		help();
	if (xz_tol >= 0 && !xz_rows)
		die("--xz-tolerance needs --xz N");
	free(kb.srctree);
	kb.srctree = xstrdup(argv[i + 1]);
	snprintf(path, sizeof(path), "%s/.config", argv[i]);
	if (kbuild_read_config(&kb, path))
		die("%s: %s", path, strerror(errno));

	snprintf(path, sizeof(path), "%s/vmlinux", argv[i]);
	vm = read_file(path, &vmlen);
	if (elf_describe((const uint8_t *)vm, vmlen, elf, err, sizeof(err)))
		die("%s: %s", path, err);

	snprintf(path, sizeof(path), "%s/vmlinux.map", argv[i]);
	buf = read_file(path, &len);
	if (ldmap_parse(buf, len, &map, err, sizeof(err)))
		die("%s: %s", path, err);
	free(buf);

	/* Each output section's class, from vmlinux's section headers. */
	cls = xcalloc(map.nout, sizeof(*cls));
	osec = xcalloc(map.nout, sizeof(*osec));
	for (k = 0; k < map.nout; k++) {
		const struct elf_sec *s = NULL;
		int j;

		cls[k] = -1;
		for (j = 0; j < elf->nsec; j++)
			if (!strcmp(elf->sec[j].name, map.out[k].name))
				s = &elf->sec[j];
		if (!s || !(s->flags & SHF_ALLOC))
			continue;
		if (s->size != map.out[k].size)
			die("vmlinux.map is not the map of this vmlinux (section %s differs)",
			    s->name);
		osec[k] = s;
		cls[k] = s->type == SHT_NOBITS	  ? BSS :
			 s->flags & SHF_EXECINSTR ? TEXT :
						    DATA;
		total[cls[k]] += s->size;
		pad[cls[k]] += s->size;
	}

	strtab_init(&objs, sizeof(struct sizes));
	for (k = 0; k < map.nin; k++) {
		struct sizes *o;
		int cl = cls[map.in[k].out];

		if (cl < 0 || !map.in[k].size)
			continue;
		o = strtab_add(&objs, map.in[k].file);
		o->b[cl] += map.in[k].size;
		if (pad[cl] >= map.in[k].size)
			pad[cl] -= map.in[k].size;
	}

	strtab_init(&syms, sizeof(struct sizes));
	strtab_init(&dirs, sizeof(struct sizes));
	strtab_init(&tops, sizeof(struct sizes));
	for (k = 0; k < objs.cap; k++) {
		struct sizes *o = objs.vals[k];
		const char *f = objs.keys[k];
		char d[4096], top[4096], *slash;
		size_t n = f ? strlen(f) : 0;

		if (!f)
			continue;
		if (n > 2 && !strcmp(f + n - 2, ".o")) {
			char sym[120];

			o->how = kbuild_symbol(&kb, f, sym, sizeof(sym));
			if (*sym)
				snprintf(o->sym, sizeof(o->sym), "CONFIG_%s",
					 sym);
		} else {
			o->how = KB_UNLISTED;
			snprintf(o->sym, sizeof(o->sym), "(linker)");
		}
		add(&syms, *o->sym ? o->sym : "(always built)", o);
		snprintf(d, sizeof(d), "%s", f);
		slash = strrchr(d, '/');
		if (slash)
			*slash = '\0';
		else
			snprintf(d, sizeof(d), "(top)");
		add(&dirs, d, o);
		snprintf(top, sizeof(top), "%s", d);
		slash = strchr(top, '/');
		/* arch/x86 and drivers/net are more telling than arch, drivers */
		if (slash &&
		    (!strncmp(top, "arch/", 5) || !strncmp(top, "drivers/", 8)))
			slash = strchr(slash + 1, '/');
		if (slash)
			*slash = '\0';
		add(&tops, top, o);
		objbytes += td(o);
		if (o->how == KB_UNLISTED)
			unlisted += td(o);
		else
			mapped += td(o);
	}

	all = total[TEXT] + total[DATA];
	accounted = mapped + pad[TEXT] + pad[DATA];
	printf("vmlinux: text %llu, data %llu (text+data %llu), bss %llu bytes\n",
	       (unsigned long long)total[TEXT], (unsigned long long)total[DATA],
	       (unsigned long long)all, (unsigned long long)total[BSS]);
	printf("  in %zu object files: %llu bytes; %llu of them (%.1f%%) from objects\n"
	       "    whose Kbuild line names their symbol or builds them always\n",
	       objs.len, (unsigned long long)objbytes,
	       (unsigned long long)mapped,
	       objbytes ? 100.0 * (double)mapped / (double)objbytes : 0.0);
	printf("  alignment padding between sections: %llu bytes\n",
	       (unsigned long long)(pad[TEXT] + pad[DATA]));
	printf("  accounted for: %.1f%% of text+data\n",
	       all ? 100.0 * (double)accounted / (double)all : 0.0);
	if (unlisted)
		printf("  (%llu bytes from objects not found in their makefile, given to\n"
		       "   their directory's symbol; \"(linker)\" is the linker's own)\n",
		       (unsigned long long)unlisted);

	table("Kconfig symbols, by the objects they enable", &syms, objbytes,
	      rows, 0);
	table("Top-level directories", &tops, objbytes, rows, 0);
	table("Directories", &dirs, objbytes, rows, 0);
	table("Object files", &objs, objbytes, rows, 1);
	if (xz_rows)
		xz_bad = xz_table(&map, cls, osec, (const uint8_t *)vm, vmlen,
				  &objs, &syms, elf, xz_rows, argv[i], xz_tol);

	if (symbols_out) {
		FILE *f = out_file(symbols_out);
		struct sizes **v = sorted(&syms);

		fprintf(f, "# symbol\ttext\tdata\tbss\tobjects\n");
		for (k = 0; k < syms.len; k++)
			fprintf(f, "%s\t%llu\t%llu\t%llu\t%lu\n", v[k]->key,
				(unsigned long long)v[k]->b[TEXT],
				(unsigned long long)v[k]->b[DATA],
				(unsigned long long)v[k]->b[BSS],
				v[k]->objects);
		free(v);
		close_file(f, symbols_out);
	}
	if (objects_out) {
		static const char *const how[] = { "kbuild", "always",
						   "directory" };
		FILE *f = out_file(objects_out);
		struct sizes **v = sorted(&objs);

		fprintf(f, "# object\tsymbol\thow\ttext\tdata\tbss\n");
		for (k = 0; k < objs.len; k++)
			fprintf(f, "%s\t%s\t%s\t%llu\t%llu\t%llu\n", v[k]->key,
				*v[k]->sym ? v[k]->sym : "-", how[v[k]->how],
				(unsigned long long)v[k]->b[TEXT],
				(unsigned long long)v[k]->b[DATA],
				(unsigned long long)v[k]->b[BSS]);
		free(v);
		close_file(f, objects_out);
	}

	/* Both the whole and the object files' part must reach min_cov. */
	c = min_cov >= 0 &&
	    (!all || !objbytes ||
	     100.0 * (double)accounted / (double)all < min_cov ||
	     100.0 * (double)mapped / (double)objbytes < min_cov);
	if (c)
		fprintf(stderr,
			"%s: %.1f%% of text+data and %.1f%% of the objects' bytes accounted for, want %.1f%%\n",
			prog,
			all ? 100.0 * (double)accounted / (double)all : 0.0,
			objbytes ? 100.0 * (double)mapped / (double)objbytes :
				   0.0,
			min_cov);
	strtab_free(&objs);
	strtab_free(&syms);
	strtab_free(&dirs);
	strtab_free(&tops);
	ldmap_free(&map);
	kbuild_free(&kb);
	free(cls);
	free(osec);
	free(elf);
	free(vm);
	return c || xz_bad;
}

/* A --symbols file into t. */
static void read_symbols(const char *path, struct strtab *t)
{
	size_t len;
	char *buf = read_file(path, &len), *line, *save = NULL;
	unsigned long n = 0;

	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char name[256];
		unsigned long long b[NCLASS];
		unsigned long objects;
		struct sizes *s;
		int c;

		n++;
		if (line[0] == '#')
			continue;
		if (sscanf(line, "%255[^\t]\t%llu\t%llu\t%llu\t%lu", name,
			   &b[0], &b[1], &b[2], &objects) != 5)
			die("%s: record %lu: not a \"ksize report --symbols\" line",
			    path, n);
		s = strtab_add(t, name);
		for (c = 0; c < NCLASS; c++)
			s->b[c] = b[c];
		s->objects = objects;
	}
	free(buf);
}

struct delta {
	const char *key;
	long long old, new;
};

static int by_delta(const void *a, const void *b)
{
	const struct delta *x = a, *y = b;
	long long dx = llabs(x->new - x->old), dy = llabs(y->new - y->old);

	if (dx != dy)
		return dx < dy ? 1 : -1;
	return strcmp(x->key, y->key);
}

static int diff(int argc, char **argv)
{
	struct strtab a, b;
	struct delta *d;
	size_t n = 0, k;
	long long ta = 0, tb = 0;
	int rows = 30, i = 0;

	if (argc >= 2 && !strcmp(argv[0], "-n")) {
		rows = atoi(argv[1]);
		i = 2;
	}
	if (argc - i != 2)
		help();
	strtab_init(&a, sizeof(struct sizes));
	strtab_init(&b, sizeof(struct sizes));
	read_symbols(argv[i], &a);
	read_symbols(argv[i + 1], &b);
	d = xcalloc(a.len + b.len + 1, sizeof(*d));
	for (k = 0; k < a.cap; k++) {
		struct sizes *o = a.vals[k], *x;

		if (!a.keys[k])
			continue;
		x = strtab_get(&b, a.keys[k]);
		d[n].key = a.keys[k];
		d[n].old = (long long)td(o);
		d[n].new = x ? (long long)td(x) : 0;
		ta += d[n].old;
		n++;
	}
	for (k = 0; k < b.cap; k++) {
		struct sizes *o = b.vals[k];

		if (!b.keys[k])
			continue;
		tb += (long long)td(o);
		if (strtab_get(&a, b.keys[k]))
			continue;
		d[n].key = b.keys[k];
		d[n].new = (long long)td(o);
		n++;
	}
	qsort(d, n, sizeof(*d), by_delta);
	printf("text+data: %lld -> %lld bytes (%+lld)\n\n  %10s %10s %9s  %s\n",
	       ta, tb, tb - ta, "old", "new", "change", "symbol");
	for (k = 0; k < n && (int)k < rows; k++) {
		if (d[k].old == d[k].new)
			break;
		printf("  %10lld %10lld %+9lld  %s\n", d[k].old, d[k].new,
		       d[k].new - d[k].old, d[k].key);
	}
	free(d);
	strtab_free(&a);
	strtab_free(&b);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "report"))
		return report(argc - 2, argv + 2);
	if (argc >= 2 && !strcmp(argv[1], "diff"))
		return diff(argc - 2, argv + 2);
	help();
	return 2;
}
