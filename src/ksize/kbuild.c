// SPDX-License-Identifier: GPL-2.0
/*
 * Kbuild decides what goes into vmlinux with lists: in each directory's
 * Kbuild (or Makefile) file, "obj-y += a.o" builds a.o always, "obj-$(
 * CONFIG_X) += b.o sub/" builds b.o and descends into sub/ when X is y,
 * and "c-objs := c1.o c2.o" (or c-y, c-$(CONFIG_Y)) makes c.o of parts.
 * To find what enables an object we look for it in its directory's
 * file; if that line has no symbol we ask the same of the directory
 * itself in its parent's file, and so on up to the top-level Kbuild.
 *
 * This reads makefiles, it does not run make: a list built with
 * $(functions) is missed (those objects fall back to their directory,
 * KB_UNLISTED).  Simple variables given with -D (SRCARCH, BITS) are
 * expanded.
 */
#include "kbuild.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct kb_entry {
	char *word; /* "tcp.o", "ipv4/" */
	char *prefix; /* "obj", "lib", or a composite's name ("e1000") */
	char *sym; /* symbol from the left side or an enclosing ifdef */
};

struct kb_file {
	struct kb_entry *e;
	size_t n;
};

#define MAX_DEPTH 64

void kbuild_init(struct kbuild *kb, const char *srctree)
{
	kb->srctree = xstrdup(srctree);
	strtab_init(&kb->makefiles, sizeof(struct kb_file *));
	strtab_init(&kb->config, 1);
	strtab_init(&kb->vars, sizeof(char *));
}

static void free_file(struct kb_file *f)
{
	size_t j;

	for (j = 0; f && j < f->n; j++) {
		free(f->e[j].word);
		free(f->e[j].prefix);
		free(f->e[j].sym);
	}
	if (f)
		free(f->e);
	free(f);
}

void kbuild_free(struct kbuild *kb)
{
	size_t i;

	for (i = 0; i < kb->makefiles.cap; i++)
		if (kb->makefiles.keys[i])
			free_file(*(struct kb_file **)kb->makefiles.vals[i]);
	for (i = 0; i < kb->vars.cap; i++)
		if (kb->vars.keys[i])
			free(*(char **)kb->vars.vals[i]);
	strtab_free(&kb->makefiles);
	strtab_free(&kb->config);
	strtab_free(&kb->vars);
	free(kb->srctree);
}

void kbuild_define(struct kbuild *kb, const char *name, const char *value)
{
	char **v = strtab_add(&kb->vars, name);

	free(*v);
	*v = xstrdup(value);
}

int kbuild_read_config(struct kbuild *kb, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[1024];

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		char *eq = strchr(line, '=');

		if (strncmp(line, "CONFIG_", 7) || !eq || strcmp(eq, "=y\n"))
			continue;
		*eq = '\0';
		strtab_add(&kb->config, line + 7);
	}
	fclose(f);
	return 0;
}

/* The first CONFIG_ symbol named in s (without the prefix), or NULL. */
static char *symbol_in(const char *s)
{
	const char *c = strstr(s, "CONFIG_");
	size_t n = 0;

	if (!c)
		return NULL;
	c += 7;
	while (c[n] == '_' || (c[n] >= 'A' && c[n] <= 'Z') ||
	       (c[n] >= 'a' && c[n] <= 'z') || (c[n] >= '0' && c[n] <= '9'))
		n++;
	return n ? xstrndup(c, n) : NULL;
}

/* Expand $(VAR) for variables given with -D; NULL if another remains. */
static char *expand(struct kbuild *kb, const char *w)
{
	char *out = xmalloc(strlen(w) * 4 + 1);
	size_t o = 0, cap = strlen(w) * 4;

	while (*w) {
		const char *close;
		char name[64], **v;
		size_t n;

		if (w[0] != '$') {
			out[o++] = *w++;
			continue;
		}
		close = strchr(w, ')');
		n = close ? (size_t)(close - w - 2) : 0;
		if (w[1] != '(' || !close || n >= sizeof(name))
			goto fail;
		memcpy(name, w + 2, n);
		name[n] = '\0';
		v = strtab_get(&kb->vars, name);
		if (!v || o + strlen(*v) > cap)
			goto fail;
		memcpy(out + o, *v, strlen(*v));
		o += strlen(*v);
		w = close + 1;
	}
	out[o] = '\0';
	return out;
fail:
	free(out);
	return NULL;
}

/*
 * The list a left-hand side names: "obj" for obj-y and obj-$(CONFIG_X),
 * "e1000" for e1000-objs, e1000-y, e1000-$(CONFIG_Y); NULL for anything
 * else (ccflags-y, always-y, CFLAGS_x.o...).
 */
static char *list_prefix(const char *lhs)
{
	static const char *const skip[] = { "always",  "extra",	  "hostprogs",
					    "subdir",  "targets", "userprogs",
					    "clean",   "ccflags", "asflags",
					    "ldflags", "head",	  "quiet",
					    "cmd" };
	const char *dash = NULL, *p;
	size_t i;

	/* The last '-' outside $(...). */
	for (p = lhs; *p; p++) {
		if (p[0] == '$' && p[1] == '(')
			break;
		if (*p == '-')
			dash = p;
	}
	if (!dash || dash == lhs)
		return NULL;
	p = dash + 1;
	if (strcmp(p, "y") && strcmp(p, "objs") && strncmp(p, "$(", 2))
		return NULL;
	for (i = 0; i < ARRAY_SIZE(skip); i++)
		if ((size_t)(dash - lhs) == strlen(skip[i]) &&
		    !strncmp(lhs, skip[i], strlen(skip[i])))
			return NULL;
	if (strchr(lhs, '.') && strchr(lhs, '.') < dash)
		return NULL;
	return xstrndup(lhs, (size_t)(dash - lhs));
}

static void add_entry(struct kb_file *f, char *word, const char *prefix,
		      const char *sym)
{
	f->e = xrealloc(f->e, (f->n + 1) * sizeof(*f->e));
	f->e[f->n].word = word;
	f->e[f->n].prefix = xstrdup(prefix);
	f->e[f->n].sym = sym ? xstrdup(sym) : NULL;
	f->n++;
}

/* One logical line (continuations joined). */
static void parse_line(struct kbuild *kb, struct kb_file *f, char *line,
		       char **cond, int *depth)
{
	char *p = line, *op, *lhs, *rhs, *prefix, *sym, *tok;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!strncmp(p, "ifdef", 5) || !strncmp(p, "ifeq", 4) ||
	    !strncmp(p, "ifneq", 5) || !strncmp(p, "ifndef", 6)) {
		/* ifndef and "ifeq ($(CONFIG_X),)" do not enable X. */
		int negative = !strncmp(p, "ifndef", 6) ||
			       (!strncmp(p, "ifeq", 4) && strstr(p, ",)")) ||
			       (!strncmp(p, "ifneq", 5) && strstr(p, ",y)"));

		if (*depth < MAX_DEPTH)
			cond[*depth] = negative ? NULL : symbol_in(p);
		(*depth)++;
		return;
	}
	if (!strncmp(p, "else", 4)) {
		if (*depth > 0 && *depth <= MAX_DEPTH) {
			free(cond[*depth - 1]);
			cond[*depth - 1] = NULL;
		}
		return;
	}
	if (!strncmp(p, "endif", 5)) {
		if (*depth > 0) {
			(*depth)--;
			if (*depth < MAX_DEPTH) {
				free(cond[*depth]);
				cond[*depth] = NULL;
			}
		}
		return;
	}
	op = strchr(p, '=');
	if (!op || op == p)
		return;
	rhs = op + 1;
	if (strchr("+:?", op[-1]))
		op--;
	lhs = xstrndup(p, (size_t)(op - p));
	for (tok = lhs + strlen(lhs);
	     tok > lhs && (tok[-1] == ' ' || tok[-1] == '\t');)
		*--tok = '\0';
	prefix = list_prefix(lhs);
	if (!prefix) {
		free(lhs);
		return;
	}
	sym = symbol_in(lhs);
	if (!sym) {
		int i;

		for (i = *depth < MAX_DEPTH ? *depth : MAX_DEPTH; i > 0; i--)
			if (cond[i - 1]) {
				sym = xstrdup(cond[i - 1]);
				break;
			}
	}
	for (tok = strtok(rhs, " \t"); tok; tok = strtok(NULL, " \t")) {
		size_t n = strlen(tok);
		char *w;

		if (n < 2 || (strcmp(tok + n - 2, ".o") && tok[n - 1] != '/'))
			continue;
		w = expand(kb, tok);
		if (w)
			add_entry(f, w, prefix, sym);
	}
	free(prefix);
	free(sym);
	free(lhs);
}

void kbuild_add_makefile(struct kbuild *kb, const char *dir, const char *text)
{
	struct kb_file **slot = strtab_add(&kb->makefiles, dir);
	struct kb_file *f = xcalloc(1, sizeof(*f));
	char *cond[MAX_DEPTH] = { NULL };
	char *buf = xstrdup(text), *p = buf;
	int depth = 0, i;

	while (*p) {
		char *start = p, *w = p, *hash = NULL;

		/* Join "\" continuations; cut comments. */
		while (*p && *p != '\n') {
			if (p[0] == '\\' && p[1] == '\n') {
				*w++ = ' ';
				p += 2;
				continue;
			}
			if (*p == '#' && !hash && (p == start || p[-1] != '\\'))
				hash = w;
			*w++ = *p++;
		}
		if (*p)
			p++;
		*(hash ? hash : w) = '\0';
		parse_line(kb, f, start, cond, &depth);
	}
	for (i = 0; i < MAX_DEPTH; i++)
		free(cond[i]);
	free(buf);
	free_file(*slot); /* an earlier parse of the same directory */
	*slot = f;
}

/*
 * The top directory's lists: ./Kbuild ("obj-$(CONFIG_NET) += net/"), and
 * the top Makefile's and the arch Makefile's "libs-y += lib/",
 * "drivers-$(CONFIG_PCI) += arch/x86/pci/" (paths from the top).
 */
static struct kb_file *top_makefile(struct kbuild *kb)
{
	static const char *const names[] = { "Kbuild", "Makefile",
					     "arch/$(SRCARCH)/Makefile" };
	char *all = xstrdup(""), *name, *text;
	size_t i;

	for (i = 0; i < 3; i++) {
		char path[8192];
		int n;

		name = expand(kb, names[i]);
		n = name ? snprintf(path, sizeof(path), "%s/%s", kb->srctree,
				    name) :
			   -1;
		free(name);
		text = n > 0 && (size_t)n < sizeof(path) ?
			       read_whole_file(path, NULL) :
			       NULL;
		if (!text)
			continue;
		all = xrealloc(all, strlen(all) + strlen(text) + 2);
		strcat(strcat(all, text), "\n");
		free(text);
	}
	kbuild_add_makefile(kb, "", all);
	free(all);
	return *(struct kb_file **)strtab_get(&kb->makefiles, "");
}

/* The parsed makefile of dir, read on first use; NULL if it has none. */
static struct kb_file *makefile(struct kbuild *kb, const char *dir)
{
	struct kb_file **f = strtab_get(&kb->makefiles, dir);
	static const char *const names[] = { "Kbuild", "Makefile" };
	size_t i;

	if (f)
		return *f;
	if (!*dir)
		return top_makefile(kb);
	for (i = 0; i < 2; i++) {
		char path[8192];
		char *text = NULL;
		int n = snprintf(path, sizeof(path), "%s/%s%s%s", kb->srctree,
				 dir, *dir ? "/" : "", names[i]);

		if (n > 0 && (size_t)n < sizeof(path))
			text = read_whole_file(path, NULL);
		if (text) {
			kbuild_add_makefile(kb, dir, text);
			free(text);
			return *(struct kb_file **)strtab_get(&kb->makefiles,
							      dir);
		}
	}
	*(struct kb_file **)strtab_add(&kb->makefiles, dir) = NULL;
	return NULL;
}

/* The entry for word in f, preferring one whose symbol is set. */
static struct kb_entry *find(struct kbuild *kb, struct kb_file *f,
			     const char *word)
{
	struct kb_entry *first = NULL;
	size_t i;

	for (i = 0; f && i < f->n; i++) {
		if (strcmp(f->e[i].word, word))
			continue;
		if (!f->e[i].sym || strtab_get(&kb->config, f->e[i].sym))
			return &f->e[i];
		if (!first)
			first = &f->e[i];
	}
	return first;
}

/*
 * obj-y, lib-y (and, at the top, core-y, libs-y, drivers-y) list what
 * goes into vmlinux; any other prefix names a composite object.
 */
static int is_list(const char *prefix)
{
	static const char *const lists[] = { "obj", "lib", "core", "libs",
					     "drivers" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lists); i++)
		if (!strcmp(prefix, lists[i]))
			return 1;
	return 0;
}

/* The length of path's directory part ("net/ipv4/tcp.o" -> 8). */
static size_t dirlen(const char *path, size_t len)
{
	if (len && path[len - 1] == '/')
		len--;
	while (len && path[len - 1] != '/')
		len--;
	return len ? len - 1 : 0;
}

enum kb_how kbuild_symbol(struct kbuild *kb, const char *path, char *sym,
			  size_t symlen)
{
	char *cur = xstrdup(path);
	enum kb_how how = KB_ALWAYS;
	int steps;

	/*
	 * Each step looks for cur in the makefiles of its directory and
	 * then of the directories above (for "obj-y += sub/x.o" lines).
	 */
	for (steps = 0; *cur && steps < 256; steps++) {
		size_t d = dirlen(cur, strlen(cur));
		struct kb_entry *e = NULL;
		char dir[4096];

		for (;;) {
			snprintf(dir, sizeof(dir), "%.*s", (int)d, cur);
			e = find(kb, makefile(kb, dir), cur + (d ? d + 1 : 0));
			if (e || !d)
				break;
			d = dirlen(cur, d);
		}
		if (!e) {
			/* Unlisted: ask about its directory instead. */
			d = dirlen(cur, strlen(cur));
			if (how == KB_ALWAYS)
				how = KB_UNLISTED;
			if (!d)
				break;
			cur[d + 1] = '\0';
			continue;
		}
		if (e->sym) {
			snprintf(sym, symlen, "%s", e->sym);
			free(cur);
			return how == KB_UNLISTED ? KB_UNLISTED : KB_SYMBOL;
		}
		if (!is_list(e->prefix)) {
			/* A part of composite object prefix.o, in dir. */
			char *next =
				xmalloc(strlen(dir) + strlen(e->prefix) + 4);

			sprintf(next, "%s%s%s.o", dir, *dir ? "/" : "",
				e->prefix);
			free(cur);
			cur = next;
			continue;
		}
		/* obj-y: whatever enables the directory enables it. */
		if (!*dir)
			break;
		cur[strlen(dir) + 1] = '\0';
	}
	free(cur);
	snprintf(sym, symlen, "%s", "");
	return how;
}
