// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of boottrace's readers (src/boottrace/trace.c): System.map
 * (lookup, initcall levels from the linker-script markers, bad lines) and
 * the serial log (initcall_debug lines with and without KALLSYMS, the
 * milestones, the init search, noise).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "strtab.h"
#include "trace.h"

static char err[256];

/* Levels 0 (pure) and rootfs are empty: their markers share addresses. */
static const char map_text[] =
	"ffffffff81000000 T _text\n"
	"ffffffff81000000 T startup_64\n"
	"ffffffff81000100 t kswapd_init\n"
	"ffffffff81000200 t early_thing\n"
	"ffffffff81000300 t net_dev_init\n"
	"ffffffff81000400 t foo_start\n"
	"ffffffff81000500 t late_sync\n"
	"ffffffff81000600 t univ8250_console_init\n"
	"ffffffff81800000 d __initcall__kmod_x__1_2_early_thingearly\n"
	"ffffffff81800000 D __initcall_start\n"
	"ffffffff81800004 D __initcall0_start\n"
	"ffffffff81800004 D __initcall1_start\n"
	"ffffffff81800004 d __initcall__kmod_foo_bar__10_20_foo_start1\n"
	"ffffffff81800008 D __initcall2_start\n"
	"ffffffff81800008 D __initcall3_start\n"
	"ffffffff81800008 D __initcall4_start\n"
	"ffffffff81800008 d __initcall__kmod_dev__5_11_net_dev_init4\n"
	"ffffffff8180000c D __initcall5_start\n"
	"ffffffff8180000c D __initcallrootfs_start\n"
	"ffffffff8180000c D __initcall6_start\n"
	"ffffffff8180000c d __initcall__kmod_vmscan__7_8_kswapd_init6\n"
	"ffffffff81800010 D __initcall7_start\n"
	"ffffffff81800010 d __initcall__kmod_l__1_1_late_sync7s\n"
	"ffffffff81800014 D __con_initcall_start\n"
	"ffffffff81800014 D __initcall_end\n"
	"ffffffff81800014 d __initcall__kmod_8250__3_4_univ8250_console_initcon\n"
	"ffffffff81900000 ? __init_end\n";

static void load(struct symmap *m)
{
	assert_int_equal(symmap_parse(map_text, strlen(map_text), m, err,
				      sizeof(err)),
			 0);
}

static void test_lookup(void **state)
{
	struct symmap m;
	uint64_t off;

	(void)state;
	load(&m);
	assert_string_equal(symmap_lookup(&m, 0xffffffff81000100, &off),
			    "kswapd_init");
	assert_int_equal(off, 0);
	assert_string_equal(symmap_lookup(&m, 0xffffffff81000123, &off),
			    "kswapd_init");
	assert_int_equal(off, 0x23);
	/* Two names at one address: the one without "_". */
	assert_string_equal(symmap_lookup(&m, 0xffffffff81000000, &off),
			    "startup_64");
	assert_null(symmap_lookup(&m, 0xffffffff80000000, &off));
	assert_string_equal(symmap_lookup(&m, 0xffffffff81900000, &off),
			    "__init_end");
	symmap_free(&m);
}

static void test_levels(void **state)
{
	struct symmap m;

	(void)state;
	load(&m);
	assert_int_equal(m.ncalls, 5);
	assert_int_equal(symmap_level(&m, "early_thing"), LEVEL_EARLY);
	assert_int_equal(symmap_level(&m, "foo_start"), LEVEL_CORE);
	assert_int_equal(symmap_level(&m, "net_dev_init"), LEVEL_SUBSYS);
	assert_int_equal(symmap_level(&m, "kswapd_init"), LEVEL_DEVICE);
	assert_int_equal(symmap_level(&m, "late_sync"), LEVEL_LATE);
	/* Console initcalls are not initcalls of a level. */
	assert_int_equal(symmap_level(&m, "univ8250_console_init"),
			 LEVEL_UNKNOWN);
	assert_int_equal(symmap_level(&m, "nothing"), LEVEL_UNKNOWN);
	symmap_free(&m);
}

static void test_bad_maps(void **state)
{
	static const char *const bad[] = {
		"",
		"\n\n",
		"ffffffff81000000 T\n",
		"ffffffff81000000T x\n",
		"xyz T x\n",
		"ffffffff81000000 T _text\nnot a map\n",
		"11111111111111111 T too_long_address\n",
	};
	struct symmap m;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		err[0] = '\0';
		assert_int_equal(symmap_parse(bad[i], strlen(bad[i]), &m, err,
					      sizeof(err)),
				 -1);
		assert_true(err[0] != '\0');
	}
	/* No markers: a map without initcall levels still resolves. */
	assert_int_equal(symmap_parse("ffffffff81000000 T a\n", 21, &m, err,
				      sizeof(err)),
			 0);
	assert_int_equal(m.ncalls, 0);
	assert_int_equal(symmap_level(&m, "a"), LEVEL_UNKNOWN);
	symmap_free(&m);
}

static const char *const log_lines[] = {
	"SeaBIOS noise without a timestamp",
	"early console in setup code\r",
	"[    0.000000] Linux version 6.1.99 (tinylinux@tinylinux) #1",
	"[    0.080000] printk: console [ttyS0] enabled\r",
	"[    0.100000] calling  0xffffffff81000200 @ 1",
	"[    0.100500] initcall 0xffffffff81000200 returned 0 after 500 usecs",
	"[    0.200000] calling  net_dev_init+0x0/0x1f0 @ 1",
	"[    0.200100] Unpacking initramfs...",
	"[    0.203000] initcall net_dev_init+0x0/0x1f0 returned -19 after 3000 usecs",
	"[    0.300000] calling  0xffffffff81000100 @ 1",
	"[    0.300001] calling  0xffffffff81000123 @ 1",
	"[    0.400000] Freeing initrd memory: 660K",
	"[    0.500000] Freeing unused kernel image (initmem) memory: 508K",
	"[    0.600000] Failed to execute /nope (error -13)",
	"[    0.600001] Run /sbin/init as init process",
	"[    0.6 broken timestamp",
	"init: userspace up at 0.7 s",
};

static void test_log(void **state)
{
	struct symmap m;
	struct bootlog b;

	(void)state;
	load(&m);
	bootlog_init(&b);
	for (size_t i = 0; i < ARRAY_SIZE(log_lines); i++)
		bootlog_line(&b, log_lines[i], &m);
	assert_string_equal(b.version, "6.1.99");
	assert_true(b.seen[MS_SETUP]);
	assert_true(b.ts[MS_SETUP] < 0);
	assert_true(b.ts[MS_CONSOLE] > 0.079 && b.ts[MS_CONSOLE] < 0.081);
	assert_int_equal(b.ncalls, 4);
	assert_string_equal(b.calls[0].fn, "early_thing");
	assert_int_equal(b.calls[0].level, LEVEL_EARLY);
	assert_int_equal(b.calls[0].usecs, 500);
	assert_string_equal(b.calls[1].fn, "net_dev_init");
	assert_int_equal(b.calls[1].level, LEVEL_SUBSYS);
	assert_int_equal(b.calls[1].ret, -19);
	assert_string_equal(b.calls[2].fn, "kswapd_init");
	assert_int_equal(b.calls[2].usecs, -1);
	assert_string_equal(b.calls[3].fn, "kswapd_init+0x23");
	assert_int_equal(bootlog_initcall_usecs(&b), 3500);
	assert_true(b.ts[MS_LAST_INITCALL] > 0.2029 &&
		    b.ts[MS_LAST_INITCALL] < 0.2031);
	assert_true(b.seen[MS_UNPACK] && b.seen[MS_INITRD_FREED]);
	assert_true(b.seen[MS_FREE_INIT]);
	assert_string_equal(b.init, "/sbin/init");
	assert_int_equal(b.nsearch, 2);
	assert_string_equal(b.search[0], "Failed to execute /nope (error -13)");
	assert_true(b.seen[MS_USERSPACE]);
	bootlog_free(&b);
	symmap_free(&m);
}

static void test_log_without_map(void **state)
{
	static const char returned[] =
		"[    0.2] initcall 0xffffffff81000200 returned 0 after 7 usecs";
	char long_line[4096];
	struct bootlog b;

	(void)state;
	bootlog_init(&b);
	bootlog_line(&b, "[    0.1] calling  0xffffffff81000200 @ 1", NULL);
	bootlog_line(&b, returned, NULL);
	/* A "returned" with no "calling" before it, and broken ones. */
	bootlog_line(&b, "[    0.3] initcall stray returned 0 after 9 usecs",
		     NULL);
	bootlog_line(&b, "[    0.4] initcall ", NULL);
	bootlog_line(&b, "[    0.5] calling  ", NULL);
	bootlog_line(&b, "", NULL);
	memset(long_line, 'x', sizeof(long_line) - 1);
	long_line[sizeof(long_line) - 1] = '\0';
	bootlog_line(&b, long_line, NULL);
	assert_int_equal(b.ncalls, 1);
	assert_string_equal(b.calls[0].fn, "0xffffffff81000200");
	assert_int_equal(b.calls[0].usecs, 7);
	assert_int_equal(b.calls[0].level, LEVEL_UNKNOWN);
	assert_int_equal(bootlog_initcall_usecs(&b), 7);
	bootlog_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_bad_maps),
		cmocka_unit_test(test_log),
		cmocka_unit_test(test_log_without_map),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
