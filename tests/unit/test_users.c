// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the user table parser (src/users/users.c), run on the
 * host with cmocka.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "users.h"

static char err[256];

static int parse(const char *line, struct tlu_user *u)
{
	err[0] = '\0';
	return tlu_parse_line(line, u, err, sizeof(err));
}

static void test_good_line(void **state)
{
	struct tlu_user u;
	int r;

	(void)state;
	r = parse("tiny 1000 tiny,wheel /bin/sh plain:pw k.pub\n", &u);
	assert_int_equal(r, 1);
	assert_string_equal(u.name, "tiny");
	assert_int_equal(u.uid, 1000);
	assert_int_equal(u.ngroups, 2);
	assert_string_equal(u.groups[0], "tiny");
	assert_string_equal(u.groups[1], "wheel");
	assert_string_equal(u.shell, "/bin/sh");
	assert_int_equal(u.pw, TLU_PLAIN);
	assert_string_equal(u.secret, "pw");
	assert_string_equal(u.keys, "k.pub");
}

static void test_password_kinds(void **state)
{
	struct tlu_user u;

	(void)state;
	assert_int_equal(parse("a 1 a /bin/sh locked", &u), 1);
	assert_int_equal(u.pw, TLU_LOCKED);
	assert_int_equal(parse("a 1 a /bin/sh nopassword -", &u), 1);
	assert_int_equal(u.pw, TLU_NOPASSWORD);
	assert_string_equal(u.keys, "");
	assert_int_equal(parse("a 1 a /bin/sh hash:$6$s$h", &u), 1);
	assert_int_equal(u.pw, TLU_HASH);
	assert_string_equal(u.secret, "$6$s$h");
	/* MD5 and yescrypt: busybox's login cannot check them. */
	assert_int_equal(parse("a 1 a /bin/sh hash:$1$s$h", &u), -1);
	assert_int_equal(parse("a 1 a /bin/sh hash:$y$j9T$s$h", &u), -1);
	assert_int_equal(parse("a 1 a /bin/sh plain:", &u), -1);
	assert_int_equal(parse("a 1 a /bin/sh plain:a:b", &u), -1);
	assert_int_equal(parse("a 1 a /bin/sh secret", &u), -1);
	assert_non_null(strstr(err, "locked, nopassword"));
}

static void test_blank_and_comments(void **state)
{
	struct tlu_user u;

	(void)state;
	assert_int_equal(parse("", &u), 0);
	assert_int_equal(parse("   \t\n", &u), 0);
	assert_int_equal(parse("# a comment", &u), 0);
	assert_int_equal(parse("a 1 a /bin/sh locked # trailing", &u), 1);
}

static void test_bad_fields(void **state)
{
	static const char *const bad[] = {
		"a 1 a /bin/sh", /* 4 fields */
		"a 1 a /bin/sh locked k x", /* 7 fields */
		"A 1 a /bin/sh locked", /* upper case */
		"1a 1 a /bin/sh locked", /* leading digit */
		"a -1 a /bin/sh locked", /* negative uid */
		"a 65535 a /bin/sh locked", /* too big */
		"a 99999999999999999999 a /bin/sh locked",
		"a 1x a /bin/sh locked",
		"a 1 a, /bin/sh locked", /* empty group */
		"a 1 ,a /bin/sh locked",
		"a 1 A /bin/sh locked",
		"a 1 a bin/sh locked", /* relative shell */
		"a 1 a /bin/s:h locked",
		"a 1 a,b,c,d,e,f,g,h,i /bin/sh locked",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 1 a /bin/sh locked",
	};
	struct tlu_user u;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		err[0] = '\0';
		assert_int_equal(parse(bad[i], &u), -1);
		assert_true(err[0] != '\0');
	}
}

static void add(struct tlu_table *t, const char *line, int lineno, int want)
{
	struct tlu_user u;

	assert_int_equal(parse(line, &u), 1);
	u.line = lineno;
	assert_int_equal(tlu_add(t, &u, err, sizeof(err)), want);
}

static void test_duplicates(void **state)
{
	static struct tlu_table t;

	(void)state;
	memset(&t, 0, sizeof(t));
	add(&t, "root 0 root /bin/sh locked", 1, 0);
	add(&t, "tiny 1000 tiny /bin/sh locked", 2, 0);
	add(&t, "other 1000 tiny /bin/sh locked", 3, -1);
	assert_non_null(strstr(err, "duplicate uid 1000"));
	assert_non_null(strstr(err, "'tiny' on line 2"));
	add(&t, "tiny 1001 tiny /bin/sh locked", 4, -1);
	assert_non_null(strstr(err, "duplicate user 'tiny'"));
	assert_int_equal(t.n, 2);
}

static void test_groups(void **state)
{
	static struct tlu_table t;

	(void)state;
	memset(&t, 0, sizeof(t));
	add(&t, "root 0 root /bin/sh locked", 1, 0);
	add(&t, "tiny 1000 tiny,wheel /bin/sh locked", 2, 0);
	assert_int_equal(tlu_gid(&t, "wheel"), 10);
	assert_int_equal(tlu_gid(&t, "tiny"), 1000);
	assert_int_equal(tlu_gid(&t, "nosuch"), -1);
	assert_int_equal(tlu_check_groups(&t, err, sizeof(err)), 0);
	add(&t, "bob 1001 staff /bin/sh locked", 3, 0);
	assert_int_equal(tlu_check_groups(&t, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "3: unknown group 'staff'"));

	memset(&t, 0, sizeof(t));
	add(&t, "games 5 games /bin/sh locked", 7, 0);
	assert_int_equal(tlu_check_groups(&t, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "'games' would get the gid 5 (tty)"));
}

static void test_home(void **state)
{
	struct tlu_user u;
	char home[64];

	(void)state;
	parse("root 0 root /bin/sh locked", &u);
	tlu_home(&u, home, sizeof(home));
	assert_string_equal(home, "/root");
	parse("tiny 1000 tiny /bin/sh locked", &u);
	tlu_home(&u, home, sizeof(home));
	assert_string_equal(home, "/home/tiny");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_line),
		cmocka_unit_test(test_password_kinds),
		cmocka_unit_test(test_blank_and_comments),
		cmocka_unit_test(test_bad_fields),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_home),
	};

	return cmocka_run_group_tests_name("users", tests, NULL, NULL);
}
