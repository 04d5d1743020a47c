// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the debian/copyright reader (src/sbom/dep5.c), run on
 * the host with cmocka.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "dep5.h"

static char err[256];
static char *deb[] = { "GPL-2", "GPL-2+", "Expat", "BSD-3-clause",
		       "public-domain" };
static char *spdx[] = { "GPL-2.0-only", "GPL-2.0-or-later", "MIT",
			"BSD-3-Clause", "LicenseRef-public-domain" };
static const struct dep5_map map = { 5, deb, spdx };

static void expr_is(const char *in, const char *want)
{
	char *got = dep5_expr(&map, in, err, sizeof(err));

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_expressions(void **state)
{
	(void)state;
	expr_is("GPL-2+", "GPL-2.0-or-later");
	expr_is("gpl-2+ or Expat", "GPL-2.0-or-later OR MIT");
	expr_is("Expat and BSD-3-clause", "MIT AND BSD-3-Clause");
	expr_is("(GPL-2 or Expat) and ISC",
		"(GPL-2.0-only OR MIT) AND LicenseRef-ISC");
	/* an exception the table does not know: one LicenseRef */
	expr_is("GPL-3+ with Bison exception",
		"LicenseRef-GPL-3plus-with-Bison-exception");
	assert_null(dep5_expr(&map, "  ", err, sizeof(err)));
	assert_non_null(strstr(err, "empty"));
	assert_null(dep5_expr(&map, "GPL-2 with", err, sizeof(err)));
}

static const char machine[] =
	"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
	"Upstream-Name: thing\n"
	"\n"
	"Files: *\n"
	"Copyright: 2001 A. Author\n"
	"           2002 B. Author\n"
	"License: Expat\n"
	"\n"
	"Files: src/x.c\n"
	"Copyright: 2003 C. Author\n"
	"License: public-domain and Expat\n"
	"\n"
	"Files: src/y.c\n"
	"Copyright: 2004 D. Author\n"
	"License:\n"
	" Do what you like.\n"
	"\n"
	"Files: debian/*\n"
	"Copyright: 2005 Packager\n"
	"License: GPL-2+\n"
	"\n"
	"License: public-domain\n"
	" No one owns this.\n"
	" .\n"
	" Really.\n";

static void test_machine_readable(void **state)
{
	struct dep5 d;

	int r;
	static const char decl[] =
		"MIT AND LicenseRef-public-domain AND LicenseRef-thing-3";
	static const char cr[] =
		"2001 A. Author\n2002 B. Author\n2003 C. Author\n2004 D. Author";

	(void)state;
	r = dep5_parse(&d, &map, "thing", machine, err, sizeof(err));
	assert_int_equal(r, 0);
	assert_true(d.machine_readable);
	/* each license once; the packaging's own paragraph left out */
	assert_string_equal(d.declared, decl);
	assert_string_equal(d.copyright, cr);
	assert_string_equal(dep5_text(&d, "LicenseRef-public-domain"),
			    "No one owns this.\n\nReally.");
	assert_string_equal(dep5_text(&d, "LicenseRef-thing-3"),
			    "Do what you like.");
	assert_null(dep5_text(&d, "MIT"));
	dep5_free(&d);
}

static void test_free_form(void **state)
{
	struct dep5 d;
	const char *text = "This package was debianized by someone.\n"
			   "Copyright (C) 1999 Somebody\n"
			   "It is under the GPL.\n";

	(void)state;
	assert_int_equal(dep5_parse(&d, &map, "old", text, err, sizeof(err)),
			 0);
	assert_false(d.machine_readable);
	assert_string_equal(d.declared, "LicenseRef-old-debian-copyright");
	assert_string_equal(d.copyright, "Copyright (C) 1999 Somebody");
	assert_string_equal(dep5_text(&d, "LicenseRef-old-debian-copyright"),
			    text);
	dep5_free(&d);
}

static void test_bad_expression(void **state)
{
	struct dep5 d;
	const char *text =
		"Format: x\n\nFiles: *\nCopyright: 1 A\nLicense: MIT with\n";

	(void)state;
	assert_int_equal(dep5_parse(&d, &map, "bad", text, err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "no exception"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expressions),
		cmocka_unit_test(test_machine_readable),
		cmocka_unit_test(test_free_form),
		cmocka_unit_test(test_bad_expression),
	};

	return cmocka_run_group_tests_name("dep5", tests, NULL, NULL);
}
