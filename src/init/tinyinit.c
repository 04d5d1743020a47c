// SPDX-License-Identifier: GPL-2.0
/*
 * tinyinit: the PID 1 of tinylinux.
 *
 * It does what a small system needs and nothing else, in this order:
 *   1. mount /proc, /sys, /dev (devtmpfs), /dev/pts and /tmp;
 *   2. set the hostname and bring up lo and eth0 (ioctl, no busybox);
 *   3. run /etc/init.d/rcS if it exists, and wait for it;
 *   4. start a shell on the console, and start it again when it exits;
 *   5. reap every process that is reparented to it (orphans);
 *   6. on SIGUSR2 (poweroff), SIGTERM (reboot), SIGUSR1 (halt) or SIGINT
 *      (ctrl-alt-del), or the same words written to /run/initctl by the
 *      group wheel: stop all processes, sync, unmount, reboot(2).
 *
 * Signals are never handled asynchronously: they stay blocked and the
 * main loop takes them one at a time with sigtimedwait() (the sinit way),
 * so there is no handler and no race between a signal and the loop.
 *
 * Network settings come from, in increasing priority: the built-in
 * default (10.0.2.15/24 via 10.0.2.2 on eth0), "ip=" in /etc/tinyinit.conf,
 * "ip=" on the kernel command line.  See parse.h for the ip= forms.
 */
#define _GNU_SOURCE
#include "parse.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <net/route.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CONF_FILE "/etc/tinyinit.conf"
#define RCS "/etc/init.d/rcS"
#define SHELL "/bin/sh"
#define GETTY "/sbin/getty"
#define STOP_GRACE_MS 2000
#define MAX_MOUNTS 64
#define INITCTL "/run/initctl"

static sigset_t all_signals;
static sigset_t orig_mask;
static char console[64] = "/dev/console";
static int initctl_fd = -1;

static void say(const char *fmt, ...)
{
	va_list ap;

	fputs("init: ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
}

static double now_boottime(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Read a small file into buf (NUL-terminated); returns bytes or -1. */
static ssize_t read_file(const char *path, char *buf, size_t len)
{
	ssize_t n, total = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((size_t)total < len - 1) {
		n = read(fd, buf + total, len - 1 - total);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		total += n;
	}
	close(fd);
	buf[total] = '\0';
	return total;
}

static void do_mount(const char *src, const char *dir, const char *type,
		     unsigned long flags, const char *data)
{
	mkdir(dir, 0755);
	if (mount(src, dir, type, flags, data) && errno != EBUSY)
		say("mount %s on %s: %s", type, dir, strerror(errno));
}

static void mount_filesystems(void)
{
	const unsigned long nodev = MS_NOSUID | MS_NODEV | MS_NOEXEC;

	do_mount("proc", "/proc", "proc", nodev, NULL);
	do_mount("sysfs", "/sys", "sysfs", nodev, NULL);
	do_mount("devtmpfs", "/dev", "devtmpfs", MS_NOSUID, "mode=0755");
	do_mount("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC,
		 "gid=5,mode=620,ptmxmode=666");
	do_mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
}

/*
 * The terminal behind /dev/console (e.g. /dev/ttyS0): the shell needs a
 * real tty as its controlling terminal for job control and Ctrl-C;
 * /dev/console cannot be one.  The kernel lists the active consoles in
 * sysfs, the one /dev/console points to last.
 */
static void find_console(void)
{
	char buf[256], *last, *p;

	if (read_file("/sys/class/tty/console/active", buf, sizeof(buf)) <= 0)
		return;
	buf[strcspn(buf, "\n")] = '\0';
	last = strrchr(buf, ' ');
	p = last ? last + 1 : buf;
	if (*p && strlen(p) < sizeof(console) - 5) {
		strcpy(console, "/dev/");
		strcat(console, p);
	}
}

static void set_hostname(const char *cmdline, const struct tl_net *net)
{
	char name[TL_HOSTSIZ] = "";

	if (tl_cmdline_get(cmdline, "hostname", name, sizeof(name)) <= 0 &&
	    !*strcpy(name, net->hostname)) {
		if (read_file("/etc/hostname", name, sizeof(name)) > 0)
			name[strcspn(name, " \t\n")] = '\0';
	}
	if (!*name)
		strcpy(name, "tinylinux");
	if (sethostname(name, strlen(name)))
		say("sethostname %s: %s", name, strerror(errno));
}

static int if_ioctl(int fd, const char *ifname, unsigned long req,
		    struct in_addr *addr, short set_flags)
{
	struct ifreq ifr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
	if (addr) {
		sin->sin_family = AF_INET;
		sin->sin_addr = *addr;
		return ioctl(fd, req, &ifr);
	}
	if (ioctl(fd, SIOCGIFFLAGS, &ifr))
		return -1;
	ifr.ifr_flags |= set_flags;
	return ioctl(fd, SIOCSIFFLAGS, &ifr);
}

static int if_configure(int fd, const char *ifname, struct in_addr addr,
			struct in_addr mask)
{
	if (if_ioctl(fd, ifname, SIOCSIFADDR, &addr, 0) ||
	    if_ioctl(fd, ifname, SIOCSIFNETMASK, &mask, 0) ||
	    if_ioctl(fd, ifname, 0, NULL, IFF_UP | IFF_RUNNING)) {
		say("%s: %s", ifname, strerror(errno));
		return -1;
	}
	return 0;
}

static int add_default_route(int fd, struct in_addr gw)
{
	struct rtentry rt;
	struct sockaddr_in *dst = (struct sockaddr_in *)&rt.rt_dst;
	struct sockaddr_in *gtw = (struct sockaddr_in *)&rt.rt_gateway;
	struct sockaddr_in *msk = (struct sockaddr_in *)&rt.rt_genmask;

	memset(&rt, 0, sizeof(rt));
	dst->sin_family = AF_INET;
	msk->sin_family = AF_INET;
	gtw->sin_family = AF_INET;
	gtw->sin_addr = gw;
	rt.rt_flags = RTF_UP | RTF_GATEWAY;
	if (ioctl(fd, SIOCADDRT, &rt) && errno != EEXIST) {
		say("default route via %s: %s", inet_ntoa(gw), strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * login=getty in the configuration file: the console asks for a user
 * name and password (busybox getty and login) instead of giving a root
 * shell.  Not taken from the kernel command line: a profile that wants
 * logins should not lose them to a boot loader entry.
 */
static int want_getty(void)
{
	char conf[4096], val[16];

	return read_file(CONF_FILE, conf, sizeof(conf)) > 0 &&
	       tl_conf_get(conf, "login", val, sizeof(val)) > 0 &&
	       !strcmp(val, "getty");
}

static void load_net_config(const char *cmdline, struct tl_net *net)
{
	char conf[4096], val[256];

	tl_net_default(net);
	if (read_file(CONF_FILE, conf, sizeof(conf)) > 0 &&
	    tl_conf_get(conf, "ip", val, sizeof(val)) > 0 &&
	    tl_parse_ip(val, net))
		say("%s: ignoring bad ip=%s", CONF_FILE, val);
	if (tl_cmdline_get(cmdline, "ip", val, sizeof(val)) > 0 &&
	    tl_parse_ip(val, net))
		say("kernel command line: ignoring bad ip=%s", val);
}

static void setup_network(const struct tl_net *net)
{
	struct in_addr lo, lomask;
	char addr[INET_ADDRSTRLEN];
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0) {
		say("no IPv4 sockets: %s", strerror(errno));
		return;
	}
	inet_pton(AF_INET, "127.0.0.1", &lo);
	inet_pton(AF_INET, "255.0.0.0", &lomask);
	if_configure(fd, "lo", lo, lomask);
	if (net->off) {
		say("network: ip=off, %s left down", net->iface);
	} else if (net->dhcp) {
		/* udhcpc (rcS) brings it up itself: nothing to do but say so. */
		say("network: %s by DHCP (rcS runs udhcpc)", net->iface);
	} else if (!if_configure(fd, net->iface, net->addr, net->mask)) {
		inet_ntop(AF_INET, &net->addr, addr, sizeof(addr));
		if (net->gw.s_addr && add_default_route(fd, net->gw))
			net = NULL;
		if (net)
			say("network: %s %s/%d%s%s", net->iface, addr,
			    tl_mask_to_prefix(net->mask),
			    net->gw.s_addr ? " via " : "",
			    net->gw.s_addr ? inet_ntoa(net->gw) : "");
	}
	close(fd);
}

/*
 * fork() and exec path with argv, signals unblocked; with make_session,
 * in a new session whose controlling terminal is the console.
 */
static pid_t spawn(const char *path, char *const argv[], int make_session)
{
	pid_t pid = fork();

	if (pid < 0) {
		say("fork: %s", strerror(errno));
		return -1;
	}
	if (pid)
		return pid;
	sigprocmask(SIG_SETMASK, &orig_mask, NULL);
	if (make_session) {
		int fd;

		setsid();
		fd = open(console, O_RDWR);
		if (fd >= 0) {
			ioctl(fd, TIOCSCTTY, 1);
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
			if (fd > 2)
				close(fd);
		}
	}
	execv(path, argv);
	fprintf(stderr, "init: exec %s: %s\n", path, strerror(errno));
	_exit(127);
}

/* Collect every child that has exited; returns 1 if `watch` was one. */
static int reap(pid_t watch)
{
	int status, hit = 0;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
		if (pid == watch)
			hit = 1;
	return hit;
}

/* Wait up to ms milliseconds for all children to exit, reaping them. */
static int wait_all_children(long ms)
{
	struct timespec ts;
	double end = now_boottime() + ms / 1000.0;
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	for (;;) {
		double left;

		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		if (waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD)
			return 0;
		left = end - now_boottime();
		if (left <= 0)
			return -1;
		ts.tv_sec = (time_t)left;
		ts.tv_nsec = (long)((left - ts.tv_sec) * 1e9);
		sigtimedwait(&chld, NULL, &ts);
	}
}

/*
 * rcS gets TINYINIT=1 (the mounts, hostname and addresses are done) and
 * NET=static, dhcp or off: how eth0 was left (ip= of the configuration
 * file or of the kernel command line).
 */
static void run_rcs(const struct tl_net *net)
{
	char *argv[] = { RCS, NULL };
	pid_t pid;
	int status;

	if (access(RCS, X_OK))
		return;
	setenv("TINYINIT", "1", 1);
	setenv("NET", net->off ? "off" : net->dhcp ? "dhcp" : "static", 1);
	setenv("NETDEV", net->iface, 1);
	pid = spawn(RCS, argv, 0);
	unsetenv("TINYINIT");
	unsetenv("NET");
	unsetenv("NETDEV");
	if (pid < 0)
		return;
	/* Orphans rcS leaves behind are reaped later by the main loop. */
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		say("%s failed (status %d)", RCS, status);
}

static void unmount_all(void)
{
	char buf[8192], *line, *save = NULL;
	char dirs[MAX_MOUNTS][128];
	int i, n = 0;

	if (read_file("/proc/mounts", buf, sizeof(buf)) <= 0)
		return;
	for (line = strtok_r(buf, "\n", &save); line && n < MAX_MOUNTS;
	     line = strtok_r(NULL, "\n", &save))
		if (!tl_mount_point(line, dirs[n], sizeof(dirs[n])) &&
		    strcmp(dirs[n], "/"))
			n++;
	/* Last mounted first: /dev/pts goes before /dev. */
	for (i = n - 1; i >= 0; i--)
		if (umount2(dirs[i], 0) &&
		    mount(NULL, dirs[i], NULL, MS_REMOUNT | MS_RDONLY, NULL))
			say("cannot unmount %s: %s", dirs[i], strerror(errno));
	mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY, NULL);
}

/*
 * /run/initctl, a FIFO through which the group "wheel" may ask for a
 * poweroff, reboot or halt ("echo poweroff > /run/initctl"): only root
 * may signal PID 1, and a profile may lock root (docs/security.md).  It
 * is opened read-write, so it never reads end-of-file, and with O_ASYNC:
 * data arriving raises SIGIO, which the main loop takes like any other
 * signal.  Without a wheel group it stays root's (0600).
 */
static void open_initctl(void)
{
	char groups[4096];
	long wheel = -1;
	int fd;

	unlink(INITCTL);
	if (mkfifo(INITCTL, 0600)) {
		say("%s: %s", INITCTL, strerror(errno));
		return;
	}
	if (read_file("/etc/group", groups, sizeof(groups)) > 0)
		wheel = tl_group_gid(groups, "wheel");
	if (wheel >= 0 &&
	    (chown(INITCTL, 0, (gid_t)wheel) || chmod(INITCTL, 0620)))
		say("%s: %s", INITCTL, strerror(errno));
	fd = open(INITCTL, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 || fcntl(fd, F_SETOWN, getpid()) ||
	    fcntl(fd, F_SETFL, O_NONBLOCK | O_ASYNC)) {
		say("%s: %s", INITCTL, strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	initctl_fd = fd;
}

/* The signal that a request waiting in /run/initctl stands for, or 0. */
static int read_initctl(void)
{
	char buf[64];
	ssize_t n;
	int sig = 0;

	while ((n = read(initctl_fd, buf, sizeof(buf) - 1)) > 0) {
		buf[n] = '\0';
		switch (tl_initctl_request(buf)) {
		case TL_REQ_POWEROFF:
			sig = SIGUSR2;
			break;
		case TL_REQ_REBOOT:
			sig = SIGTERM;
			break;
		case TL_REQ_HALT:
			sig = SIGUSR1;
			break;
		default:
			buf[strcspn(buf, "\n")] = '\0';
			say("%s: unknown request '%s' (poweroff, reboot, halt)",
			    INITCTL, buf);
		}
	}
	return sig;
}

static void __attribute__((noreturn)) shutdown_system(unsigned int how)
{
	const char *what = "reboot";

	if (how == RB_POWER_OFF)
		what = "poweroff";
	else if (how == RB_HALT_SYSTEM)
		what = "halt";

	say("%s: stopping all processes", what);
	/* SIGHUP too: an interactive shell ignores SIGTERM. */
	kill(-1, SIGTERM);
	kill(-1, SIGHUP);
	kill(-1, SIGCONT);
	if (wait_all_children(STOP_GRACE_MS)) {
		kill(-1, SIGKILL);
		wait_all_children(STOP_GRACE_MS);
	}
	/*
	 * Without ACPI (the tiny kernels have none) the kernel cannot
	 * switch the machine off and would only halt; a reset works on any
	 * PC, and QEMU's -no-reboot turns it into a clean exit.
	 */
	if (how == RB_POWER_OFF && access("/sys/firmware/acpi", F_OK)) {
		say("no ACPI: resetting the machine instead of powering off");
		how = RB_AUTOBOOT;
	}
	sync();
	unmount_all();
	sync();
	say("%s: done", what);
	reboot(how);
	say("reboot(2): %s", strerror(errno));
	for (;;)
		sigwaitinfo(&all_signals, NULL);
}

int main(int argc, char **argv)
{
	char cmdline[4096] = "", when[32];
	char *shell_argv[] = { "-sh", NULL }; /* "-": a login shell */
	char *getty_argv[] = { "getty", "-L", "0", console + 5, "vt100", NULL };
	char *const *prog_argv = shell_argv;
	const char *prog = SHELL;
	struct tl_net net;
	struct timespec up, retry;
	pid_t shell = 0;
	double shell_started = 0, respawn_at = 0;

	(void)argc;
	if (getpid() != 1) {
		fprintf(stderr, "%s: must be run as PID 1 (by the kernel)\n",
			argv[0]);
		return 1;
	}
	sigfillset(&all_signals);
	sigprocmask(SIG_BLOCK, &all_signals, &orig_mask);
	setsid();
	if (chdir("/"))
		return 1;
	umask(022);
	setenv("PATH", "/sbin:/usr/sbin:/bin:/usr/bin", 1);
	setenv("HOME", "/root", 0);
	setenv("SHELL", SHELL, 1);

	mount_filesystems();
	/* Ctrl-Alt-Del sends us SIGINT instead of rebooting at once. */
	reboot(RB_DISABLE_CAD);
	read_file("/proc/cmdline", cmdline, sizeof(cmdline));
	find_console();
	open_initctl();
	load_net_config(cmdline, &net);
	set_hostname(cmdline, &net);
	setup_network(&net);
	run_rcs(&net);
	if (want_getty()) {
		prog = GETTY;
		prog_argv = getty_argv;
	}

	clock_gettime(CLOCK_BOOTTIME, &up);
	tl_format_time(when, sizeof(when), up.tv_sec, up.tv_nsec);
	say("userspace up at %s s", when);

	for (;;) {
		siginfo_t info;
		int sig;

		if (!shell && now_boottime() >= respawn_at) {
			say("starting %s on %s", prog, console);
			/* getty makes its own session and opens the tty. */
			shell = spawn(prog, prog_argv, prog_argv == shell_argv);
			if (shell < 0)
				shell = 0;
			shell_started = now_boottime();
		}
		if (!shell) {
			double left = respawn_at - now_boottime();

			if (left < 0.01)
				left = 0.01;
			retry.tv_sec = (time_t)left;
			retry.tv_nsec = (long)((left - retry.tv_sec) * 1e9);
			sig = sigtimedwait(&all_signals, &info, &retry);
		} else {
			sig = sigwaitinfo(&all_signals, &info);
		}
		if (sig < 0 && errno != EINTR && errno != EAGAIN) {
			/* A kernel without the call (e.g. ENOSYS): never spin. */
			say("waiting for signals: %s", strerror(errno));
			sleep(1);
		}
		if (sig == SIGIO && initctl_fd >= 0)
			sig = read_initctl();
		switch (sig) {
		case SIGCHLD:
			if (reap(shell)) {
				double lived = now_boottime() - shell_started;

				/* A shell that dies at once is not a loop. */
				respawn_at = lived < 1 ? now_boottime() + 1 : 0;
				shell = 0;
			}
			break;
		case SIGUSR1:
			shutdown_system(RB_HALT_SYSTEM);
		case SIGUSR2:
			shutdown_system(RB_POWER_OFF);
		case SIGTERM:
		case SIGINT:
			shutdown_system(RB_AUTOBOOT);
		default:
			break;
		}
	}
}
