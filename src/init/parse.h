/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pure helpers of tinyinit: parsing the kernel command line, the ip=
 * option, /etc/tinyinit.conf and /proc/mounts.  No system calls here, so
 * that the unit tests (tests/unit/test_parse.c) can run them on the host.
 */
#ifndef TINYINIT_PARSE_H
#define TINYINIT_PARSE_H

#include <netinet/in.h>
#include <stddef.h>

#define TL_IFNAMSIZ 16
#define TL_HOSTSIZ 65

struct tl_net {
	int off; /* ip=off or ip=none: leave eth0 down */
	int dhcp; /* ip=dhcp: eth0 up, rcS runs the DHCP client */
	char iface[TL_IFNAMSIZ]; /* "eth0" */
	struct in_addr addr;
	struct in_addr mask;
	struct in_addr gw; /* 0.0.0.0: no default route */
	char hostname[TL_HOSTSIZ]; /* "" unless ip= named one */
};

/* The built-in default: 10.0.2.15/24 via 10.0.2.2 on eth0 (QEMU -nic user). */
void tl_net_default(struct tl_net *net);

/*
 * Parse an ip= value onto *net (fields left empty keep their value).
 * Accepted forms:
 *   off | none
 *   dhcp                                     eth0 up with no address
 *   ADDR[/PREFIX]                            e.g. 10.0.2.15/24
 *   CLIENT:SERVER:GW:NETMASK:HOST:DEV:AUTO   the kernel's nfsroot form,
 *                                            CLIENT may carry a /PREFIX
 * Returns 0, or -1 when the value is malformed (then *net is unchanged).
 */
int tl_parse_ip(const char *s, struct tl_net *net);

/* "24" -> 255.255.255.0.  Returns -1 unless 0 <= prefix <= 32. */
int tl_prefix_to_mask(const char *s, struct in_addr *mask);

/* Number of leading one bits of a netmask, or -1 if not contiguous. */
int tl_mask_to_prefix(struct in_addr mask);

/*
 * Find KEY=VALUE among the space-separated words of a kernel command
 * line (double quotes group words, as the kernel does).  Copies VALUE
 * into buf and returns 1; returns 0 if absent, -1 if it does not fit.
 * The last occurrence wins, as for the kernel's own parameters.
 */
int tl_cmdline_get(const char *cmdline, const char *key, char *buf, size_t len);

/*
 * Find KEY=VALUE in the text of a configuration file: one setting per
 * line, '#' starts a comment, blanks around key and value are ignored.
 * Same return values as tl_cmdline_get().
 */
int tl_conf_get(const char *text, const char *key, char *buf, size_t len);

/*
 * Split one line of /proc/mounts and return its mount point (2nd field)
 * in buf, with the kernel's octal escapes (\040 for a space...) decoded.
 * Returns 0, or -1 for a malformed line or a too small buffer.
 */
int tl_mount_point(const char *line, char *buf, size_t len);

/* Format seconds and nanoseconds as "12.34" (rounded down). */
void tl_format_time(char *buf, size_t len, long sec, long nsec);

/*
 * The gid of group name in the text of /etc/group, or -1 (absent or
 * malformed).  tinyinit's own: musl's getgrnam() costs 8 KB of code.
 */
long tl_group_gid(const char *text, const char *name);

/* What a write to /run/initctl asks for. */
enum { TL_REQ_NONE, TL_REQ_POWEROFF, TL_REQ_REBOOT, TL_REQ_HALT };

/*
 * The request in buf: its first word, "poweroff", "reboot" or "halt"
 * (what follows it, such as a newline, is ignored).  TL_REQ_NONE for
 * anything else.
 */
int tl_initctl_request(const char *buf);

#endif
