// SPDX-License-Identifier: GPL-2.0
#include "strtab.h"

#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
	fprintf(stderr, "ksize: out of memory\n");
	exit(1);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* FNV-1a */
static size_t hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return (size_t)h;
}

void strtab_init(struct strtab *t, size_t valsize)
{
	t->cap = 64;
	t->len = 0;
	t->valsize = valsize;
	t->keys = xcalloc(t->cap, sizeof(*t->keys));
	t->vals = xcalloc(t->cap, sizeof(*t->vals));
}

void strtab_free(struct strtab *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++) {
		free(t->keys[i]);
		free(t->vals[i]);
	}
	free(t->keys);
	free(t->vals);
	t->keys = NULL;
	t->vals = NULL;
	t->cap = 0;
	t->len = 0;
}

static size_t slot(const struct strtab *t, const char *key)
{
	size_t i = hash(key) & (t->cap - 1);

	while (t->keys[i] && strcmp(t->keys[i], key))
		i = (i + 1) & (t->cap - 1);
	return i;
}

void *strtab_get(const struct strtab *t, const char *key)
{
	size_t i;

	if (!t->cap)
		return NULL;
	i = slot(t, key);
	return t->keys[i] ? t->vals[i] : NULL;
}

static void grow(struct strtab *t)
{
	struct strtab n = { t->cap * 2, t->len, t->valsize, NULL, NULL };
	size_t i;

	n.keys = xcalloc(n.cap, sizeof(*n.keys));
	n.vals = xcalloc(n.cap, sizeof(*n.vals));
	for (i = 0; i < t->cap; i++) {
		size_t j;

		if (!t->keys[i])
			continue;
		j = slot(&n, t->keys[i]);
		n.keys[j] = t->keys[i];
		n.vals[j] = t->vals[i];
	}
	free(t->keys);
	free(t->vals);
	*t = n;
}

void *strtab_add(struct strtab *t, const char *key)
{
	size_t i;

	if ((t->len + 1) * 2 > t->cap)
		grow(t);
	i = slot(t, key);
	if (!t->keys[i]) {
		t->keys[i] = xstrdup(key);
		t->vals[i] = xcalloc(1, t->valsize);
		t->len++;
	}
	return t->vals[i];
}

char *read_whole_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n = 0, r;
	int err;

	if (!f)
		return NULL;
	buf = xmalloc(65537);
	while ((r = fread(buf + n, 1, 65536, f)) > 0) {
		n += r;
		buf = xrealloc(buf, n + 65537);
	}
	if (ferror(f)) {
		err = errno ? errno : EIO;
		fclose(f);
		free(buf);
		errno = err;
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}
