/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A string-keyed hash table (open addressing, linear probing) that owns
 * copies of its keys.  Each entry carries a caller-sized value block.
 */
#ifndef KSIZE_STRTAB_H
#define KSIZE_STRTAB_H

#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct strtab {
	size_t cap, len, valsize;
	char **keys;
	void **vals;
};

void strtab_init(struct strtab *t, size_t valsize);
void strtab_free(struct strtab *t);
/* The value block of key, or NULL. */
void *strtab_get(const struct strtab *t, const char *key);
/* The value block of key, created zero-filled if missing. */
void *strtab_add(struct strtab *t, const char *key);

/* Allocation that exits with one line on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * The whole file at path, NUL-terminated, its length in *len (when len
 * is not NULL); NULL with errno set when it cannot be opened or read.
 */
char *read_whole_file(const char *path, size_t *len);

#endif
