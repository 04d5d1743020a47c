/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The user table of a profile (configs/users/NAME.users), one account per
 * line:
 *
 *   NAME  UID  GROUPS  SHELL  PASSWORD  [KEYS]
 *
 * GROUPS is a comma-separated list, the first one being the primary
 * group.  PASSWORD is "locked" (no login at all, not even with a key),
 * "nopassword" (no password login; SSH keys still work), "plain:TEXT"
 * (hashed at build time) or "hash:$6$..." (an existing SHA-512 or
 * SHA-256 crypt hash).  KEYS is an authorized_keys file, or "generated"
 * for the key pair the build makes on the host.
 */
#ifndef TLUSERS_H
#define TLUSERS_H

#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define TLU_NAME_MAX 32
#define TLU_MAX_USERS 64
#define TLU_MAX_GROUPS 8
#define TLU_PATH_MAX 256

enum tlu_password { TLU_LOCKED, TLU_NOPASSWORD, TLU_PLAIN, TLU_HASH };

struct tlu_user {
	char name[TLU_NAME_MAX + 1];
	unsigned int uid;
	char groups[TLU_MAX_GROUPS][TLU_NAME_MAX + 1];
	int ngroups;
	char shell[TLU_PATH_MAX];
	enum tlu_password pw;
	char secret[TLU_PATH_MAX]; /* the plain password or the hash */
	char keys[TLU_PATH_MAX]; /* "" when none */
	int line;
};

struct tlu_table {
	struct tlu_user user[TLU_MAX_USERS];
	int n;
};

struct tlu_group {
	const char *name;
	unsigned int gid;
};

/*
 * Parse one line into u.  Returns 1 for a line to add, 0 for a blank or
 * comment line, -1 with a message in err for a bad one.
 */
int tlu_parse_line(const char *line, struct tlu_user *u, char *err,
		   size_t errlen);

/* Add u to t; -1 with a message for a duplicate name or uid. */
int tlu_add(struct tlu_table *t, const struct tlu_user *u, char *err,
	    size_t errlen);

/*
 * The gid of a group: a system group (root, tty, wheel, users, nogroup)
 * or the personal group of a user of the same name.  -1 if unknown.
 */
long tlu_gid(const struct tlu_table *t, const char *group);

/* Is group the group of some user (primary or supplementary)? */
int tlu_group_used(const struct tlu_table *t, const char *group);

/* The system groups, always in /etc/group. */
const struct tlu_group *tlu_system_groups(size_t *n);

/* Check every user's groups; -1 with a message naming the line. */
int tlu_check_groups(const struct tlu_table *t, char *err, size_t errlen);

/* The home directory of a user. */
void tlu_home(const struct tlu_user *u, char *buf, size_t len);

#endif
