// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of tinyinit's parsing helpers (src/init/parse.c), run on the
 * host with cmocka.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <string.h>

#include "parse.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const char *ntoa(struct in_addr a)
{
	static char buf[4][INET_ADDRSTRLEN];
	static int i;

	i = (i + 1) % 4;
	return inet_ntop(AF_INET, &a, buf[i], sizeof(buf[i]));
}

static void test_default(void **state)
{
	struct tl_net n;

	(void)state;
	tl_net_default(&n);
	assert_string_equal(n.iface, "eth0");
	assert_string_equal(ntoa(n.addr), "10.0.2.15");
	assert_string_equal(ntoa(n.mask), "255.255.255.0");
	assert_string_equal(ntoa(n.gw), "10.0.2.2");
	assert_int_equal(n.off, 0);
}

static void test_ip_cidr(void **state)
{
	struct tl_net n;

	(void)state;
	tl_net_default(&n);
	assert_int_equal(tl_parse_ip("192.168.1.7/16", &n), 0);
	assert_string_equal(ntoa(n.addr), "192.168.1.7");
	assert_string_equal(ntoa(n.mask), "255.255.0.0");
	assert_string_equal(ntoa(n.gw), "10.0.2.2"); /* kept */
}

static void test_ip_kernel_form(void **state)
{
	const char *ip = "10.0.2.16::10.0.2.1:255.255.255.128:box:eth1:off";
	struct tl_net n;

	(void)state;
	tl_net_default(&n);
	assert_int_equal(tl_parse_ip(ip, &n), 0);
	assert_string_equal(ntoa(n.addr), "10.0.2.16");
	assert_string_equal(ntoa(n.gw), "10.0.2.1");
	assert_string_equal(ntoa(n.mask), "255.255.255.128");
	assert_string_equal(n.hostname, "box");
	assert_string_equal(n.iface, "eth1");
}

static void test_ip_off(void **state)
{
	struct tl_net n;

	(void)state;
	tl_net_default(&n);
	assert_int_equal(tl_parse_ip("off", &n), 0);
	assert_int_equal(n.off, 1);
	assert_int_equal(tl_parse_ip("none", &n), 0);
	assert_int_equal(n.off, 1);
}

static void test_ip_dhcp(void **state)
{
	struct tl_net n;

	(void)state;
	tl_net_default(&n);
	assert_int_equal(tl_parse_ip("dhcp", &n), 0);
	assert_int_equal(n.dhcp, 1);
	assert_int_equal(n.off, 0);
	/* off, then a static address, each undo dhcp. */
	assert_int_equal(tl_parse_ip("off", &n), 0);
	assert_int_equal(n.dhcp, 0);
	assert_int_equal(tl_parse_ip("dhcp", &n), 0);
	assert_int_equal(tl_parse_ip("10.0.2.16/24", &n), 0);
	assert_int_equal(n.dhcp, 0);
	assert_int_equal(n.off, 0);
	/* The kernel's long form with "dhcp" as autoconf is refused. */
	assert_int_equal(tl_parse_ip("::::::dhcp", &n), -1);
	assert_int_equal(tl_parse_ip("DHCP", &n), -1);
}

static void test_initctl(void **state)
{
	(void)state;
	assert_int_equal(tl_initctl_request("poweroff\n"), TL_REQ_POWEROFF);
	assert_int_equal(tl_initctl_request("reboot"), TL_REQ_REBOOT);
	assert_int_equal(tl_initctl_request("halt now"), TL_REQ_HALT);
	assert_int_equal(tl_initctl_request(""), TL_REQ_NONE);
	assert_int_equal(tl_initctl_request("\n"), TL_REQ_NONE);
	assert_int_equal(tl_initctl_request("power"), TL_REQ_NONE);
	assert_int_equal(tl_initctl_request("poweroffx"), TL_REQ_NONE);
	assert_int_equal(tl_initctl_request(" poweroff"), TL_REQ_NONE);
}

static void test_group_gid(void **state)
{
	static const char group[] = "short:x\n"
				    "root:x:0:\n"
				    "wheelie:x:11:\n"
				    "wheel:x:10:tiny,bob\n"
				    "bad:x::\n"
				    "neg:x:-1:\n"
				    "last:x:65534";

	(void)state;
	assert_int_equal(tl_group_gid(group, "root"), 0);
	assert_int_equal(tl_group_gid(group, "wheel"), 10);
	assert_int_equal(tl_group_gid(group, "wheelie"), 11);
	assert_int_equal(tl_group_gid(group, "last"), 65534);
	assert_int_equal(tl_group_gid(group, "bad"), -1);
	assert_int_equal(tl_group_gid(group, "neg"), -1);
	assert_int_equal(tl_group_gid(group, "whee"), -1);
	assert_int_equal(tl_group_gid(group, "nosuch"), -1);
	assert_int_equal(tl_group_gid(group, "short"), -1);
	assert_int_equal(tl_group_gid("", "root"), -1);
}

static void test_ip_bad(void **state)
{
	static const char *const bad[] = {
		"",
		"10.0.2",
		"10.0.2.300",
		"10.0.2.15/33",
		"10.0.2.15/x",
		"10.0.2.15::nogw",
		"10.0.2.15:::255.0.255.0",
		"10.0.2.15::::::dhcp",
		"1.2.3.4:5:6:7:8:9:10:11",
		"10.0.2.15:::::averyveryverylonginterfacename:off",
	};
	struct tl_net n, before;
	size_t i;

	(void)state;
	tl_net_default(&n);
	before = n;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		assert_int_equal(tl_parse_ip(bad[i], &n), -1);
		assert_memory_equal(&n, &before, sizeof(n));
	}
}

static void test_prefix(void **state)
{
	struct in_addr m;

	(void)state;
	assert_int_equal(tl_prefix_to_mask("0", &m), 0);
	assert_int_equal(m.s_addr, 0);
	assert_int_equal(tl_prefix_to_mask("32", &m), 0);
	assert_string_equal(ntoa(m), "255.255.255.255");
	assert_int_equal(tl_mask_to_prefix(m), 32);
	assert_int_equal(tl_prefix_to_mask("-1", &m), -1);
	assert_int_equal(tl_prefix_to_mask("", &m), -1);
	inet_pton(AF_INET, "255.0.255.0", &m);
	assert_int_equal(tl_mask_to_prefix(m), -1);
}

static void test_cmdline(void **state)
{
	const char *cl =
		"console=ttyS0 ip=1.2.3.4/8 quiet hostname=\"my box\" ip=5.6.7.8/24\n";
	char buf[32];

	(void)state;
	assert_int_equal(tl_cmdline_get(cl, "ip", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "5.6.7.8/24"); /* last one wins */
	assert_int_equal(tl_cmdline_get(cl, "hostname", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "my box");
	assert_int_equal(tl_cmdline_get(cl, "quiet", buf, sizeof(buf)), 0);
	assert_int_equal(tl_cmdline_get(cl, "console", buf, 4), -1);
	assert_int_equal(tl_cmdline_get("", "ip", buf, sizeof(buf)), 0);
	assert_int_equal(tl_cmdline_get("ipx=1", "ip", buf, sizeof(buf)), 0);
}

static void test_conf(void **state)
{
	const char *text = "# comment ip=9.9.9.9\n"
			   "  ip =  10.1.1.1/24   # trailing\n"
			   "iplong=x\n"
			   "hostname=a\n"
			   "hostname=b";
	char buf[32];

	(void)state;
	assert_int_equal(tl_conf_get(text, "ip", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "10.1.1.1/24");
	assert_int_equal(tl_conf_get(text, "hostname", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "b");
	assert_int_equal(tl_conf_get(text, "gw", buf, sizeof(buf)), 0);
	assert_int_equal(tl_conf_get("", "ip", buf, sizeof(buf)), 0);
}

static void test_mount_point(void **state)
{
	const char *proc = "proc /proc proc rw 0 0";
	char buf[32];

	(void)state;
	assert_int_equal(tl_mount_point(proc, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/proc");
	assert_int_equal(tl_mount_point("x /mnt/a\\040b ext4 rw 0 0", buf,
					sizeof(buf)),
			 0);
	assert_string_equal(buf, "/mnt/a b");
	assert_int_equal(tl_mount_point("nospace", buf, sizeof(buf)), -1);
	assert_int_equal(tl_mount_point("x /bad\\9 t", buf, sizeof(buf)), -1);
	assert_int_equal(tl_mount_point("x /toolongforthebuffer t", buf, 8),
			 -1);
}

static void test_format_time(void **state)
{
	char buf[16];

	(void)state;
	tl_format_time(buf, sizeof(buf), 0, 840000000);
	assert_string_equal(buf, "0.84");
	tl_format_time(buf, sizeof(buf), 12, 5999999);
	assert_string_equal(buf, "12.00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default),
		cmocka_unit_test(test_ip_cidr),
		cmocka_unit_test(test_ip_kernel_form),
		cmocka_unit_test(test_ip_off),
		cmocka_unit_test(test_ip_dhcp),
		cmocka_unit_test(test_initctl),
		cmocka_unit_test(test_group_gid),
		cmocka_unit_test(test_ip_bad),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_cmdline),
		cmocka_unit_test(test_conf),
		cmocka_unit_test(test_mount_point),
		cmocka_unit_test(test_format_time),
	};

	return cmocka_run_group_tests_name("tinyinit parse", tests, NULL, NULL);
}
