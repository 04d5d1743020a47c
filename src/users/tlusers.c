// SPDX-License-Identifier: GPL-2.0
/*
 * tlusers: turn a profile's user table (users.h) into /etc/passwd,
 * /etc/group, /etc/shadow and the users' authorized_keys, plus the
 * gen_init_cpio lines that put them in the image with the right owners
 * and modes (shadow 0600, homes 0700 owned by their user).
 *
 *   tlusers [--generated-key FILE] TABLE OUTDIR
 *
 * Passwords given as plain:TEXT are hashed here, at build time, with
 * SHA-512 crypt from libxcrypt (the strongest method busybox's login
 * can check).  Images must be reproducible, so the salt cannot be
 * random: it is derived from SOURCE_DATE_EPOCH, $PASSWORD_SALT and the
 * user's name, never from the password (docs/security.md).
 *
 * Why our own tool: useradd and chpasswd edit the host's own files (or
 * a chroot's, as root); nothing in Debian writes these files for an
 * image from a table, and a shell script would have to pass passwords
 * on command lines.
 */
#define _GNU_SOURCE
#include <crypt.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "users.h"

static const char *prog = "tlusers";

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void read_table(const char *path, struct tlu_table *t)
{
	FILE *f = fopen(path, "r");
	char line[1024], err[256];
	struct tlu_user u;
	int lineno = 0, r;

	if (!f)
		die("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f))
			die("%s:%d: line too long", path, lineno);
		r = tlu_parse_line(line, &u, err, sizeof(err));
		if (r < 0)
			die("%s:%d: %s", path, lineno, err);
		if (r == 0)
			continue;
		u.line = lineno;
		if (tlu_add(t, &u, err, sizeof(err)))
			die("%s:%d: %s", path, lineno, err);
	}
	fclose(f);
	if (t->n == 0)
		die("%s: no users (root at least)", path);
	if (tlu_check_groups(t, err, sizeof(err)))
		die("%s:%s", path, err); /* err starts with the line */
}

static FILE *create(const char *dir, const char *name, char *path, size_t len)
{
	FILE *f;

	if ((size_t)snprintf(path, len, "%s/%s", dir, name) >= len)
		die("%s: path too long", dir);
	f = fopen(path, "w");
	if (!f)
		die("%s: %s", path, strerror(errno));
	return f;
}

static void finish(FILE *f, const char *path)
{
	if (ferror(f) || fclose(f))
		die("%s: write error", path);
}

/* A deterministic salt: SHA-512 crypt of the inputs, used as a PRF. */
static void make_salt(const char *name, char *salt, size_t len)
{
	struct crypt_data cd;
	char in[512];
	const char *h, *e = getenv("SOURCE_DATE_EPOCH");
	const char *seed = getenv("PASSWORD_SALT");

	snprintf(in, sizeof(in), "tinylinux:%s:%s:%s", e ? e : "0",
		 seed ? seed : "", name);
	memset(&cd, 0, sizeof(cd));
	h = crypt_r(in, "$6$tinylinux.salt$", &cd);
	if (!h || h[0] != '$')
		die("crypt() failed to make a salt");
	h = strrchr(h, '$') + 1;
	snprintf(salt, len, "$6$%.16s$", h);
}

static void shadow_field(const struct tlu_user *u, char *buf, size_t len)
{
	struct crypt_data cd;
	char salt[32];
	const char *h;

	switch (u->pw) {
	case TLU_LOCKED:
		snprintf(buf, len, "!");
		return;
	case TLU_NOPASSWORD:
		snprintf(buf, len, "*");
		return;
	case TLU_HASH:
		snprintf(buf, len, "%s", u->secret);
		return;
	case TLU_PLAIN:
		break;
	}
	make_salt(u->name, salt, sizeof(salt));
	memset(&cd, 0, sizeof(cd));
	h = crypt_r(u->secret, salt, &cd);
	if (!h || strncmp(h, "$6$", 3))
		die("crypt() could not hash the password of '%s'", u->name);
	snprintf(buf, len, "%s", h);
}

/* One line of /etc/group: its supplementary members listed. */
static void write_group(FILE *f, const struct tlu_table *t, const char *name,
			unsigned int gid)
{
	int i, j, sep = 0;

	fprintf(f, "%s:x:%u:", name, gid);
	for (i = 0; i < t->n; i++)
		for (j = 1; j < t->user[i].ngroups; j++)
			if (!strcmp(t->user[i].groups[j], name))
				fprintf(f, "%s%s", sep++ ? "," : "",
					t->user[i].name);
	fputc('\n', f);
}

static int is_key_line(const char *l)
{
	static const char *const types[] = {
		"ssh-ed25519 ", "ssh-rsa ", "ecdsa-sha2-nistp",
		"sk-ssh-ed25519@openssh.com ",
		"sk-ecdsa-sha2-nistp256@openssh.com "
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		const char *p = strstr(l, types[i]);

		if (p && (p == l || p[-1] == ' ' || p[-1] == '\t'))
			return 1;
	}
	return 0;
}

/* Copy an authorized_keys file, checking every line is a public key. */
static void copy_keys(const char *src, const char *dst, const char *table,
		      int tline)
{
	FILE *in = fopen(src, "r"), *out;
	char line[8192];
	int lineno = 0, keys = 0;

	if (!in)
		die("%s:%d: key file %s: %s", table, tline, src,
		    strerror(errno));
	out = fopen(dst, "w");
	if (!out)
		die("%s: %s", dst, strerror(errno));
	while (fgets(line, sizeof(line), in)) {
		const char *p = line;

		lineno++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\n' || *p == '\0')
			continue;
		if (!strchr(line, '\n') && !feof(in))
			die("%s:%d: line too long", src, lineno);
		if (!is_key_line(p))
			die("%s:%d: not an SSH public key (ssh-ed25519, ssh-rsa, ecdsa-...)",
			    src, lineno);
		fputs(line, out);
		if (!strchr(line, '\n'))
			fputc('\n', out);
		keys++;
	}
	fclose(in);
	finish(out, dst);
	if (!keys)
		die("%s:%d: key file %s has no key", table, tline, src);
}

int main(int argc, char **argv)
{
	static struct tlu_table t;
	const char *generated = NULL, *table, *out, *epoch;
	char path[TLU_PATH_MAX + 64], home[TLU_PATH_MAX], field[512];
	char lpath[TLU_PATH_MAX + 64];
	FILE *pw, *gr, *sh, *list;
	const struct tlu_group *sys;
	size_t nsys, k;
	long days;
	int i;

	if (argc == 5 && !strcmp(argv[1], "--generated-key")) {
		generated = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc != 3) {
		fprintf(stderr,
			"usage: %s [--generated-key FILE] TABLE OUTDIR\n",
			prog);
		return 2;
	}
	table = argv[1];
	out = argv[2];
	read_table(table, &t);
	epoch = getenv("SOURCE_DATE_EPOCH");
	days = strtol(epoch ? epoch : "0", NULL, 10) / 86400;

	pw = create(out, "passwd", path, sizeof(path));
	for (i = 0; i < t.n; i++) {
		tlu_home(&t.user[i], home, sizeof(home));
		fprintf(pw, "%s:x:%u:%ld:%s:%s:%s\n", t.user[i].name,
			t.user[i].uid, tlu_gid(&t, t.user[i].groups[0]),
			t.user[i].name, home, t.user[i].shell);
	}
	finish(pw, path);

	/* System groups, then the personal groups someone is in. */
	gr = create(out, "group", path, sizeof(path));
	sys = tlu_system_groups(&nsys);
	for (k = 0; k < nsys; k++)
		write_group(gr, &t, sys[k].name, sys[k].gid);
	for (i = 0; i < t.n; i++) {
		for (k = 0; k < nsys; k++)
			if (!strcmp(sys[k].name, t.user[i].name))
				break;
		if (k == nsys && tlu_group_used(&t, t.user[i].name))
			write_group(gr, &t, t.user[i].name, t.user[i].uid);
	}
	finish(gr, path);

	sh = create(out, "shadow", path, sizeof(path));
	for (i = 0; i < t.n; i++) {
		shadow_field(&t.user[i], field, sizeof(field));
		fprintf(sh, "%s:%s:%ld:0:99999:7:::\n", t.user[i].name, field,
			days);
	}
	finish(sh, path);

	/* The list for gen_init_cpio, written last under a temporary name. */
	snprintf(lpath, sizeof(lpath), "%s/list.tmp", out);
	list = fopen(lpath, "w");
	if (!list)
		die("%s: %s", lpath, strerror(errno));
	fprintf(list, "file /etc/passwd %s/passwd 644 0 0\n", out);
	fprintf(list, "file /etc/group %s/group 644 0 0\n", out);
	fprintf(list, "file /etc/shadow %s/shadow 600 0 0\n", out);
	fprintf(list, "dir /home 755 0 0\n");
	for (i = 0; i < t.n; i++) {
		const struct tlu_user *u = &t.user[i];
		long gid = tlu_gid(&t, u->groups[0]);

		tlu_home(u, home, sizeof(home));
		if (u->uid == 65534)
			continue;
		fprintf(list, "dir %s 700 %u %ld\n", home, u->uid, gid);
		if (!u->keys[0])
			continue;
		if (!strcmp(u->keys, "generated") && !generated)
			die("%s:%d: KEYS 'generated' but no --generated-key",
			    table, u->line);
		snprintf(path, sizeof(path), "%s/keys-%s", out, u->name);
		copy_keys(strcmp(u->keys, "generated") ? u->keys : generated,
			  path, table, u->line);
		fprintf(list, "dir %s/.ssh 700 %u %ld\n", home, u->uid, gid);
		fprintf(list, "file %s/.ssh/authorized_keys %s 600 %u %ld\n",
			home, path, u->uid, gid);
	}
	finish(list, lpath);
	snprintf(path, sizeof(path), "%s/list", out);
	if (rename(lpath, path))
		die("%s: %s", path, strerror(errno));
	return 0;
}
