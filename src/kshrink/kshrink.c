// SPDX-License-Identifier: GPL-2.0
/*
 * kshrink: turn kernel options off for as long as the system still
 * builds, boots and passes its tests (what the seed's author did by
 * hand, automated).  "make shrink" runs it; docs/size.md explains it.
 *
 *   kshrink --state DIR --config .config --srctree TREE
 *           [--symbols symbols.tsv] [--keep FRAGMENT]... [--image FILE]
 *           [--max-tries N] -- COMMAND...
 *
 * Candidates are the symbols set to y in the configuration, except those
 * a --keep fragment sets (the profile's explicit wishes).  They are
 * grouped by the Kconfig file that defines them (a menu, roughly), and
 * the groups are tried largest estimated saving first (from ksize's
 * per-symbol sizes).  A try writes DIR/try.config, a fragment with
 * "# CONFIG_X is not set" for every symbol kept off so far plus the
 * group under test, and runs COMMAND: it must configure with that
 * fragment, build, boot and run the tests, and exit 0 only if all
 * passed; the change is kept if it did and the image (--image) got
 * smaller.  A group that fails is halved and each half tried (delta
 * debugging), down to single symbols.
 *
 * Every try is appended to DIR/tries.tsv with its result; a new run
 * replays the recorded ones without running them, so an interrupted run
 * resumes where it stopped.  The result is DIR/shrink.config and
 * DIR/report.md.
 *
 * Why our own tool: the kernel's ktest.pl make_min_config only checks
 * that a kernel boots and turns symbols off one by one; we need the
 * profile's own tests and fewer builds.
 */
#define _XOPEN_SOURCE 700
#include "../ksize/strtab.h"

#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct sym {
	char *name; /* without CONFIG_ */
	char *group; /* Kconfig file, relative to the tree */
	long long estimate; /* text+data of the objects it builds */
};

struct group {
	struct sym **s;
	size_t n;
	long long estimate;
};

static struct {
	const char *state, *config, *srctree, *symbols, *image;
	char **keep;
	int nkeep;
	char **cmd;
	long max_tries;
} opt;

static struct strtab defined; /* symbol with a prompt -> Kconfig file */
static struct strtab recorded; /* fragment key -> result (int) */
static char **kept; /* symbols kept off */
static size_t nkept;
static long tries, ran, passed;
static long long base_size = -1, best_size = -1;
static time_t started;
static FILE *log_tries;

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "kshrink: ");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does this line of a config entry give it a prompt (bool "Text")? */
static int is_prompt(const char *p)
{
	static const char *const kw[] = { "bool",   "tristate", "prompt",
					  "string", "int",	"hex" };
	size_t i, n;

	while (*p == ' ' || *p == '\t')
		p++;
	for (i = 0; i < ARRAY_SIZE(kw); i++) {
		n = strlen(kw[i]);
		if (!strncmp(p, kw[i], n) && (p[n] == ' ' || p[n] == '\t') &&
		    strchr(p + n, '"'))
			return 1;
	}
	return 0;
}

/*
 * The "config FOO" and "menuconfig FOO" entries of one Kconfig file
 * that have a prompt: only those can be set by a fragment.
 */
static int scan_kconfig(const char *path, const struct stat *st, int type,
			struct FTW *ftw)
{
	const char *base = path + ftw->base;
	char line[512], name[128] = "";
	int choice = 0;
	FILE *f;

	(void)st;
	if (type != FTW_F || strncmp(base, "Kconfig", 7))
		return 0;
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		char *p = line, **slot;

		/* A choice's members are not turned off, another is chosen. */
		if (!strncmp(p, "choice", 6) && (p[6] == '\n' || p[6] == ' '))
			choice++;
		if (!strncmp(p, "endchoice", 9) && choice)
			choice--;
		if (choice)
			continue;
		if (!strncmp(p, "menuconfig ", 11) ||
		    !strncmp(p, "config ", 7)) {
			p += *p == 'm' ? 11 : 7;
			if (sscanf(p, "%127s", name) != 1)
				name[0] = '\0';
			continue;
		}
		if (line[0] != ' ' && line[0] != '\t' && line[0] != '\n')
			name[0] = '\0'; /* the entry ended */
		if (!name[0] || !is_prompt(line))
			continue;
		slot = strtab_add(&defined, name);
		if (!*slot)
			*slot = xstrdup(path + strlen(opt.srctree) + 1);
		name[0] = '\0';
	}
	fclose(f);
	return 0;
}

/* The symbols a fragment or .config sets: y only, or any value. */
static void read_syms(const char *path, struct strtab *t, int only_y)
{
	FILE *f = fopen(path, "r");
	char line[1024];

	if (!f)
		die("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char name[128];

		if (sscanf(line, "CONFIG_%127[A-Za-z0-9_]=", name) == 1) {
			if (!only_y || strstr(line, "=y\n"))
				strtab_add(t, name);
		} else if (!only_y &&
			   sscanf(line, "# CONFIG_%127[A-Za-z0-9_] is not set",
				  name) == 1) {
			strtab_add(t, name);
		}
	}
	fclose(f);
}

/* ksize's symbols.tsv: "CONFIG_X <tab> text <tab> data ...". */
static void read_estimates(struct strtab *est)
{
	FILE *f;
	char line[512];

	if (!opt.symbols)
		return;
	f = fopen(opt.symbols, "r");
	if (!f)
		die("%s: %s", opt.symbols, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char name[128];
		long long text, data;

		if (sscanf(line, "CONFIG_%127[^\t]\t%lld\t%lld", name, &text,
			   &data) == 3)
			*(long long *)strtab_add(est, name) = text + data;
	}
	fclose(f);
}

static char *state_path(const char *name)
{
	char *p = xmalloc(strlen(opt.state) + strlen(name) + 2);

	sprintf(p, "%s/%s", opt.state, name);
	return p;
}

/* The fragment for kept + trial, sorted; also its one-line key. */
static char *fragment(struct sym **trial, size_t n, char **key)
{
	char **all = xcalloc(nkept + n + 1, sizeof(*all));
	size_t i, len = 1, m = 0;
	char *text, *k;

	for (i = 0; i < nkept; i++)
		all[m++] = kept[i];
	for (i = 0; i < n; i++)
		all[m++] = trial[i]->name;
	qsort(all, m, sizeof(*all), by_name);
	for (i = 0; i < m; i++)
		len += strlen(all[i]) + 32;
	text = xcalloc(1, len);
	k = xcalloc(1, len);
	for (i = 0; i < m; i++) {
		strcat(strcat(strcat(text, "# CONFIG_"), all[i]),
		       " is not set\n");
		strcat(strcat(k, i ? " " : ""), all[i]);
	}
	free(all);
	*key = k;
	return text;
}

static void write_file(const char *path, const char *text)
{
	char *tmp = xmalloc(strlen(path) + 5);
	FILE *f;

	sprintf(tmp, "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) || rename(tmp, path))
		die("%s: %s", path, strerror(errno));
	free(tmp);
}

static long long file_size(const char *path)
{
	struct stat st;

	return path && !stat(path, &st) ? (long long)st.st_size : -1;
}

static void progress(const char *what, struct sym **trial, size_t n,
		     const char *result)
{
	long t = (long)(time(NULL) - started);

	printf("  SHRINK   try %ld (%ld run): %zu off, %lld bytes saved, %ldm%02lds",
	       tries, ran, nkept,
	       base_size >= 0 && best_size >= 0 ? base_size - best_size : 0,
	       t / 60, t % 60);
	if (n)
		printf(" | %s CONFIG_%s%s: %s\n", what, trial[0]->name,
		       n > 1 ? " and more" : "", result);
	else
		printf(" | %s the unchanged configuration: %s\n", what, result);
	fflush(stdout);
}

/* Run one try; returns 1 if it passed. */
static int run_try(struct sym **trial, size_t n)
{
	char *key, *text = fragment(trial, n, &key);
	int *rec = strtab_get(&recorded, key), ok;
	long long size = -1;

	if (rec) {
		tries++;
		ok = rec[0] > 0;
		size = rec[1] > 0 ? rec[1] : -1;
		progress("replayed", trial, n, ok ? "pass" : "fail");
	} else {
		char *frag = state_path("try.config");
		time_t t0 = time(NULL);
		pid_t pid;
		int status;

		if (opt.max_tries && ran >= opt.max_tries) {
			free(frag);
			free(text);
			free(key);
			return -1;
		}
		tries++;
		write_file(frag, text);
		progress("trying", trial, n, "...");
		pid = fork();
		if (pid < 0)
			die("fork: %s", strerror(errno));
		if (!pid) {
			execvp(opt.cmd[0], opt.cmd);
			fprintf(stderr, "kshrink: %s: %s\n", opt.cmd[0],
				strerror(errno));
			_exit(127);
		}
		while (waitpid(pid, &status, 0) < 0)
			if (errno != EINTR)
				die("waitpid: %s", strerror(errno));
		ok = WIFEXITED(status) && !WEXITSTATUS(status);
		size = ok ? file_size(opt.image) : -1;
		/* Passing but not smaller is no gain. */
		if (ok && best_size >= 0 && size >= best_size)
			ok = 0;
		ran++;
		fprintf(log_tries, "%s\t%lld\t%ld\t%s\n", ok ? "pass" : "fail",
			size, (long)(time(NULL) - t0), key);
		fflush(log_tries);
		free(frag);
	}
	if (ok) {
		passed++;
		if (size > 0)
			best_size = size;
		if (base_size < 0)
			base_size = size;
	}
	free(text);
	free(key);
	return ok;
}

static void keep(struct sym **s, size_t n)
{
	size_t i;

	kept = xrealloc(kept, (nkept + n) * sizeof(*kept));
	for (i = 0; i < n; i++)
		kept[nkept++] = s[i]->name;
}

/* Delta debugging: all of s, else each half.  -1: out of tries. */
static int shrink(struct sym **s, size_t n)
{
	int r;

	if (!n)
		return 0;
	r = run_try(s, n);
	if (r < 0)
		return -1;
	if (r) {
		keep(s, n);
		return 0;
	}
	if (n == 1)
		return 0;
	if (shrink(s, n / 2) < 0)
		return -1;
	return shrink(s + n / 2, n - n / 2);
}

static int by_estimate(const void *a, const void *b)
{
	const struct sym *x = *(struct sym *const *)a;
	const struct sym *y = *(struct sym *const *)b;

	if (x->estimate != y->estimate)
		return x->estimate < y->estimate ? 1 : -1;
	return strcmp(x->name, y->name);
}

static int group_by_estimate(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	if (x->estimate != y->estimate)
		return x->estimate < y->estimate ? 1 : -1;
	return strcmp(x->s[0]->group, y->s[0]->group);
}

static void load_recorded(void)
{
	char *path = state_path("tries.tsv");
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;

	if (f) {
		while (getline(&line, &cap, f) > 0) {
			char res[8], *key;
			long long size;
			long secs;
			int n, *rec;

			if (sscanf(line, "%7s\t%lld\t%ld\t%n", res, &size,
				   &secs, &n) != 3)
				continue;
			key = line + n;
			key[strcspn(key, "\n")] = '\0';
			rec = strtab_add(&recorded, key);
			rec[0] = !strcmp(res, "pass") ? 1 : -1;
			rec[1] = (int)size;
		}
		free(line);
		fclose(f);
	}
	log_tries = fopen(path, "a");
	if (!log_tries)
		die("%s: %s", path, strerror(errno));
	free(path);
}

static void help(void)
{
	fprintf(stderr,
		"usage: kshrink --state DIR --config FILE --srctree DIR [--symbols FILE]\n"
		"               [--keep FRAGMENT]... [--image FILE] [--max-tries N] -- COMMAND...\n");
	exit(2);
}

static void parse_args(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--")) {
			opt.cmd = argv + i + 1;
			break;
		}
		if (i + 1 >= argc)
			help();
		if (!strcmp(a, "--state"))
			opt.state = argv[++i];
		else if (!strcmp(a, "--config"))
			opt.config = argv[++i];
		else if (!strcmp(a, "--srctree"))
			opt.srctree = argv[++i];
		else if (!strcmp(a, "--symbols"))
			opt.symbols = argv[++i];
		else if (!strcmp(a, "--image"))
			opt.image = argv[++i];
		else if (!strcmp(a, "--max-tries"))
			opt.max_tries = atol(argv[++i]);
		else if (!strcmp(a, "--keep"))
			opt.keep[opt.nkeep++] = argv[++i];
		else
			help();
	}
	if (!opt.state || !opt.config || !opt.srctree || !opt.cmd ||
	    !opt.cmd[0])
		help();
}

int main(int argc, char **argv)
{
	struct strtab have, keepset, est;
	struct sym **cand;
	struct group *groups;
	size_t ncand = 0, ngroups = 0, i, j;
	int out_of_tries = 0;
	char *path;
	FILE *f;

	opt.keep = xcalloc((size_t)argc, sizeof(*opt.keep));
	parse_args(argc, argv);
	started = time(NULL);
	if (mkdir(opt.state, 0777) && errno != EEXIST)
		die("%s: %s", opt.state, strerror(errno));

	strtab_init(&defined, sizeof(char *));
	strtab_init(&recorded, 2 * sizeof(int));
	strtab_init(&have, 1);
	strtab_init(&keepset, 1);
	strtab_init(&est, sizeof(long long));
	if (nftw(opt.srctree, scan_kconfig, 32, FTW_PHYS))
		die("%s: cannot read the tree", opt.srctree);
	read_syms(opt.config, &have, 1);
	for (i = 0; i < (size_t)opt.nkeep; i++)
		read_syms(opt.keep[i], &keepset, 0);
	read_estimates(&est);

	/* Candidates: y, defined in a Kconfig file, not kept by a fragment. */
	cand = xcalloc(have.len + 1, sizeof(*cand));
	for (i = 0; i < have.cap; i++) {
		char **file;
		long long *e;

		if (!have.keys[i] || strtab_get(&keepset, have.keys[i]))
			continue;
		file = strtab_get(&defined, have.keys[i]);
		if (!file)
			continue;
		cand[ncand] = xcalloc(1, sizeof(**cand));
		cand[ncand]->name = have.keys[i];
		cand[ncand]->group = *file;
		e = strtab_get(&est, have.keys[i]);
		cand[ncand]->estimate = e ? *e : 0;
		ncand++;
	}
	if (!ncand)
		die("no candidate symbols in %s", opt.config);

	/* One group per Kconfig file, members and groups largest first. */
	groups = xcalloc(ncand, sizeof(*groups));
	for (i = 0; i < ncand; i++) {
		for (j = 0; j < ngroups; j++)
			if (!strcmp(groups[j].s[0]->group, cand[i]->group))
				break;
		if (j == ngroups) {
			groups[j].s = xcalloc(ncand, sizeof(*groups[j].s));
			ngroups++;
		}
		groups[j].s[groups[j].n++] = cand[i];
		groups[j].estimate += cand[i]->estimate;
	}
	for (j = 0; j < ngroups; j++)
		qsort(groups[j].s, groups[j].n, sizeof(*groups[j].s),
		      by_estimate);
	qsort(groups, ngroups, sizeof(*groups), group_by_estimate);

	load_recorded();
	printf("  SHRINK   %zu candidate symbols in %zu Kconfig files; state in %s\n",
	       ncand, ngroups, opt.state);
	if (run_try(NULL, 0) <= 0)
		die("%s: the unchanged configuration fails its tests",
		    opt.config);
	for (j = 0; j < ngroups && !out_of_tries; j++)
		out_of_tries = shrink(groups[j].s, groups[j].n) < 0;

	/* The result: a fragment and a report. */
	qsort(kept, nkept, sizeof(*kept), by_name);
	path = state_path("shrink.config");
	f = fopen(path, "w");
	if (!f)
		die("%s: %s", path, strerror(errno));
	fprintf(f,
		"# Written by \"make shrink\" (kshrink): options that can be off while\n"
		"# the profile still builds, boots and passes its boot tests.\n");
	for (i = 0; i < nkept; i++)
		fprintf(f, "# CONFIG_%s is not set\n", kept[i]);
	if (fclose(f))
		die("%s: write error", path);
	free(path);

	path = state_path("report.md");
	f = fopen(path, "w");
	if (!f)
		die("%s: %s", path, strerror(errno));
	fprintf(f, "# make shrink: %s\n\n", opt.config);
	fprintf(f, "- candidates: %zu symbols in %zu Kconfig files\n", ncand,
		ngroups);
	fprintf(f,
		"- tries: %ld (%ld built and tested in this run, the rest replayed from tries.tsv), %ld passed\n",
		tries, ran, passed);
	fprintf(f, "- time of this run: %ld s\n", (long)(time(NULL) - started));
	fprintf(f, "- image: %lld -> %lld bytes (%lld saved)\n", base_size,
		best_size, base_size - best_size);
	fprintf(f, "- %s\n- turned off (%zu):",
		out_of_tries ? "stopped at --max-tries: run again to go on" :
			       "finished",
		nkept);
	for (i = 0; i < nkept; i++)
		fprintf(f, " CONFIG_%s", kept[i]);
	fprintf(f, "\n");
	if (fclose(f))
		die("%s: write error", path);
	free(path);
	printf("  SHRINK   %s: %zu symbols off, %lld -> %lld bytes",
	       out_of_tries ? "stopped (--max-tries)" : "done", nkept,
	       base_size, best_size);
	printf("; %s/shrink.config and report.md\n", opt.state);
	fclose(log_tries);
	return 0;
}
