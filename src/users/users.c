// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing and checking of a profile's user table (users.h).  No I/O
 * here, so that the unit tests (tests/unit/test_users.c) can feed it
 * any line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "users.h"

static const struct tlu_group system_groups[] = {
	{ "root", 0 },	  { "tty", 5 },		{ "wheel", 10 },
	{ "users", 100 }, { "nogroup", 65534 },
};

static const char msg_fields[] =
	"expected 5 or 6: NAME UID GROUPS SHELL PASSWORD [KEYS]";
static const char msg_name[] =
	"lower case letters, digits, '_' and '-', at most 32 characters, not starting with a digit";
static const char msg_password[] =
	"use locked, nopassword, plain:TEXT or hash:$6$...";
static const char msg_hash[] =
	"hash must be SHA-512 ($6$...) or SHA-256 ($5$...) crypt: busybox login checks no other";
static const char msg_groups[] =
	"a user's name, or one of root tty wheel users nogroup";

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* A user or group name as shadow-utils accepts by default. */
static int valid_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > TLU_NAME_MAX)
		return 0;
	if (!(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z')))
		return 0;
	for (i = 1; i < len; i++) {
		char c = s[i];

		if (!(c == '_' || c == '-' || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9')))
			return 0;
	}
	return 1;
}

/* Split off the next whitespace-separated field; NULL at the end. */
static const char *next_field(const char **p, size_t *len)
{
	const char *s = *p, *e;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0' || *s == '\n' || *s == '#')
		return NULL;
	e = s;
	while (*e && *e != ' ' && *e != '\t' && *e != '\n')
		e++;
	*len = (size_t)(e - s);
	*p = e;
	return s;
}

static int copy_field(char *dst, size_t size, const char *s, size_t len)
{
	if (len >= size)
		return -1;
	memcpy(dst, s, len);
	dst[len] = '\0';
	return 0;
}

/* No character that would break a line of passwd, group or shadow. */
static int safe_text(const char *s)
{
	for (; *s; s++)
		if (*s == ':' || *s == '\n' || (unsigned char)*s < 0x20)
			return 0;
	return 1;
}

static int parse_groups(struct tlu_user *u, const char *s, size_t len,
			char *err, size_t errlen)
{
	const char *end = s + len;

	u->ngroups = 0;
	while (s < end) {
		const char *c = memchr(s, ',', (size_t)(end - s));
		size_t n = c ? (size_t)(c - s) : (size_t)(end - s);

		if (!valid_name(s, n))
			return fail(err, errlen, "bad group name '%.*s'",
				    (int)n, s);
		if (u->ngroups == TLU_MAX_GROUPS)
			return fail(err, errlen, "more than %d groups",
				    TLU_MAX_GROUPS);
		copy_field(u->groups[u->ngroups++], TLU_NAME_MAX + 1, s, n);
		s += n + (c ? 1 : 0);
		if (c && s == end)
			return fail(err, errlen, "empty group name");
	}
	return 0;
}

static int parse_password(struct tlu_user *u, const char *s, size_t len,
			  char *err, size_t errlen)
{
	if (len == 6 && !memcmp(s, "locked", 6)) {
		u->pw = TLU_LOCKED;
		return 0;
	}
	if (len == 10 && !memcmp(s, "nopassword", 10)) {
		u->pw = TLU_NOPASSWORD;
		return 0;
	}
	if (len > 6 && !memcmp(s, "plain:", 6)) {
		u->pw = TLU_PLAIN;
		if (copy_field(u->secret, sizeof(u->secret), s + 6, len - 6))
			return fail(err, errlen, "password too long");
	} else if (len > 5 && !memcmp(s, "hash:", 5)) {
		u->pw = TLU_HASH;
		if (copy_field(u->secret, sizeof(u->secret), s + 5, len - 5))
			return fail(err, errlen, "hash too long");
		/* What busybox's login can check: SHA-512 or SHA-256 crypt. */
		if (strncmp(u->secret, "$6$", 3) &&
		    strncmp(u->secret, "$5$", 3))
			return fail(err, errlen, "%s", msg_hash);
	} else {
		return fail(err, errlen, "bad password '%.*s': %s", (int)len, s,
			    msg_password);
	}
	if (!safe_text(u->secret))
		return fail(err, errlen, "password or hash contains ':'");
	return 0;
}

int tlu_parse_line(const char *line, struct tlu_user *u, char *err,
		   size_t errlen)
{
	const char *p = line, *f[7];
	size_t len[7];
	int n = 0;
	char *end;
	unsigned long uid;

	memset(u, 0, sizeof(*u));
	while (n < 7 && (f[n] = next_field(&p, &len[n])))
		n++;
	if (n == 0)
		return 0;
	if (n < 5 || n > 6)
		return fail(err, errlen, "%d fields, %s", n, msg_fields);
	if (!valid_name(f[0], len[0]))
		return fail(err, errlen, "bad user name '%.*s': %s",
			    (int)len[0], f[0], msg_name);
	copy_field(u->name, sizeof(u->name), f[0], len[0]);

	uid = strtoul(f[1], &end, 10);
	if (end != f[1] + len[1] || f[1][0] < '0' || f[1][0] > '9' ||
	    uid > 65534 || len[1] > 5)
		return fail(err, errlen, "bad uid '%.*s': a number 0-65534",
			    (int)len[1], f[1]);
	u->uid = (unsigned int)uid;

	if (parse_groups(u, f[2], len[2], err, errlen))
		return -1;

	if (f[3][0] != '/' ||
	    copy_field(u->shell, sizeof(u->shell), f[3], len[3]) ||
	    !safe_text(u->shell))
		return fail(err, errlen, "bad shell '%.*s': an absolute path",
			    (int)len[3], f[3]);

	if (parse_password(u, f[4], len[4], err, errlen))
		return -1;

	if (n == 6 && !(len[5] == 1 && f[5][0] == '-') &&
	    copy_field(u->keys, sizeof(u->keys), f[5], len[5]))
		return fail(err, errlen, "key file name too long");
	return 1;
}

int tlu_add(struct tlu_table *t, const struct tlu_user *u, char *err,
	    size_t errlen)
{
	int i;

	for (i = 0; i < t->n; i++) {
		const struct tlu_user *o = &t->user[i];

		if (!strcmp(o->name, u->name))
			return fail(err, errlen,
				    "duplicate user '%s' (also on line %d)",
				    u->name, o->line);
		if (o->uid == u->uid)
			return fail(err, errlen,
				    "duplicate uid %u (%s'%s' on line %d)",
				    u->uid, "also used by ", o->name, o->line);
	}
	if (t->n == TLU_MAX_USERS)
		return fail(err, errlen, "more than %d users", TLU_MAX_USERS);
	t->user[t->n++] = *u;
	return 0;
}

long tlu_gid(const struct tlu_table *t, const char *group)
{
	size_t i;
	int j;

	for (i = 0; i < ARRAY_SIZE(system_groups); i++)
		if (!strcmp(system_groups[i].name, group))
			return system_groups[i].gid;
	for (j = 0; j < t->n; j++)
		if (!strcmp(t->user[j].name, group))
			return t->user[j].uid;
	return -1;
}

static int is_system_group(const char *name, unsigned int *gid)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(system_groups); i++) {
		if (!strcmp(system_groups[i].name, name)) {
			*gid = system_groups[i].gid;
			return 1;
		}
	}
	return 0;
}

int tlu_group_used(const struct tlu_table *t, const char *group)
{
	int i, j;

	for (i = 0; i < t->n; i++)
		for (j = 0; j < t->user[i].ngroups; j++)
			if (!strcmp(t->user[i].groups[j], group))
				return 1;
	return 0;
}

int tlu_check_groups(const struct tlu_table *t, char *err, size_t errlen)
{
	int i, j;
	size_t k;
	unsigned int gid;

	for (i = 0; i < t->n; i++) {
		const struct tlu_user *u = &t->user[i];

		for (j = 0; j < u->ngroups; j++)
			if (tlu_gid(t, u->groups[j]) < 0)
				return fail(err, errlen,
					    "%d: unknown group '%s' (%s)",
					    u->line, u->groups[j], msg_groups);
		/* A personal group (gid = uid) must not take a system gid. */
		if (!tlu_group_used(t, u->name) ||
		    is_system_group(u->name, &gid))
			continue;
		for (k = 0; k < ARRAY_SIZE(system_groups); k++) {
			const char *taken = system_groups[k].name;

			if (system_groups[k].gid != u->uid)
				continue;
			return fail(err, errlen, "%d: group '%s' %s %u (%s)",
				    u->line, u->name, "would get the gid",
				    u->uid, taken);
		}
	}
	return 0;
}

void tlu_home(const struct tlu_user *u, char *buf, size_t len)
{
	if (u->uid == 0)
		snprintf(buf, len, "/root");
	else if (u->uid == 65534)
		snprintf(buf, len, "/nonexistent");
	else
		snprintf(buf, len, "/home/%s", u->name);
}

const struct tlu_group *tlu_system_groups(size_t *n)
{
	*n = ARRAY_SIZE(system_groups);
	return system_groups;
}
