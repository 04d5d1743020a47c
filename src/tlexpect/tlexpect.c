// SPDX-License-Identifier: GPL-2.0
/*
 * tlexpect: drive a program (QEMU) through its console with a script,
 * with a bound on every wait.  The boot tests use it.
 *
 *   tlexpect [-l LOG] [-t SECONDS] [-a TEXT]... SCRIPT -- COMMAND [ARG...]
 *   tlexpect --free-port
 *
 * COMMAND runs with its stdin and stdout/stderr on pipes; everything it
 * prints is kept in LOG.  SCRIPT holds one step per line:
 *
 *   timeout N      later steps wait at most N seconds (default 60)
 *   expect TEXT    wait until TEXT appears in the output, after the
 *                  previous match
 *   send TEXT      write TEXT and a newline ("\n", "\t", "\xHH" escapes)
 *   sendraw TEXT   write TEXT alone (e.g. "\x03" for Ctrl-C)
 *   run CMD        run CMD with /bin/sh on the host while COMMAND goes on;
 *                  it must exit 0 (its output goes to LOG too)
 *   kill SIG       send signal number SIG to COMMAND ("kill 9" pulls the
 *                  plug on a guest in the middle of its writes)
 *   exit N         wait for COMMAND to exit with status N (128 + SIG
 *                  when a signal ended it, as the shell says)
 *   mark NAME      print "NAME SECONDS" on stdout: the time since COMMAND
 *                  started (for benchmarks)
 *   check CMD      run CMD in the guest's shell and wait until it is
 *                  done: it must exit 0
 *   fails CMD      the same, but CMD must exit non-zero
 *   output TEXT    the output of the last check or fails holds TEXT
 *   nooutput TEXT  ... and does not
 *
 * check brackets CMD's output with two sentinels that the guest's shell
 * prints with printf from separate words, so that the console's echo of
 * the command line never matches them (TLBEG:PID:N and TLEND:PID:N:
 * STATUS, unique to this run and step).  A test asks for what a command
 * prints, and how it ended, without inventing markers.
 *   # ...          a comment
 *
 * Whenever a TEXT given with -a appears (e.g. "Kernel panic"), the step
 * under way fails at once instead of waiting for its timeout.
 *
 * When the script ends COMMAND is stopped (SIGTERM, then SIGKILL).  On
 * the first failing step tlexpect says which and why in one line, prints
 * the tail of LOG and exits 1.  "--free-port" prints a TCP port that is
 * free on 127.0.0.1 now (for QEMU's hostfwd and the test's servers).
 *
 * Why our own: Tcl's expect would do, but the project keeps its tools in
 * C, and this is the whole of what the tests need: bounded waits, a
 * complete log, and one clear line on failure.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TAIL_LINES 30

static struct {
	char *data;
	size_t len, cap;
	size_t pos; /* matching starts here */
} out;

static FILE *logf;
static const char *log_path = "tlexpect.log";
static pid_t child = -1;
static int child_in = -1, child_out = -1;
static int child_status = -1; /* set once reaped */
static double step_timeout = 60;
static double started;
static const char *abort_on[8];
static int n_abort;
static size_t abort_checked; /* output before this was checked */
static const char *script_path;
static int script_line;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void stop_child(void)
{
	int i;

	if (child <= 0 || child_status >= 0)
		return;
	kill(child, SIGTERM);
	for (i = 0; i < 50; i++) {
		if (waitpid(child, &child_status, WNOHANG) == child)
			return;
		poll(NULL, 0, 100);
	}
	kill(child, SIGKILL);
	waitpid(child, &child_status, 0);
}

static void print_tail(void)
{
	size_t i = out.len;
	int lines = 0;

	while (i > 0 && lines <= TAIL_LINES)
		if (out.data[--i] == '\n')
			lines++;
	if (i > 0)
		i++;
	fprintf(stderr, "---- last %d lines of %s ----\n", TAIL_LINES,
		log_path);
	fwrite(out.data + i, 1, out.len - i, stderr);
	if (out.len && out.data[out.len - 1] != '\n')
		fputc('\n', stderr);
	fprintf(stderr, "---- full log: %s\n", log_path);
}

static void __attribute__((noreturn, format(printf, 1, 2)))
fail(const char *fmt, ...)
{
	va_list ap;

	stop_child();
	if (logf)
		fflush(logf);
	fprintf(stderr, "FAIL: %s:%d: ", script_path, script_line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	print_tail();
	exit(1);
}

static void __attribute__((noreturn, format(printf, 1, 2)))
fail(const char *fmt, ...);

static void append(const char *buf, size_t n)
{
	size_t i;

	if (out.len + n + 1 > out.cap) {
		out.cap = (out.len + n + 1) * 2;
		out.data = realloc(out.data, out.cap);
		if (!out.data) {
			fputs("tlexpect: out of memory\n", stderr);
			exit(2);
		}
	}
	/* Serial consoles say "\r\n": keep "\n" only. */
	for (i = 0; i < n; i++)
		if (buf[i] != '\r')
			out.data[out.len++] = buf[i];
	out.data[out.len] = '\0';
}

/* Fail if an -a text appeared in the output that came since last time. */
static void check_abort(void)
{
	size_t from = abort_checked > 64 ? abort_checked - 64 : 0;
	int i;

	for (i = 0; i < n_abort; i++)
		if (memmem(out.data + from, out.len - from, abort_on[i],
			   strlen(abort_on[i])))
			fail("the output says \"%s\"", abort_on[i]);
	abort_checked = out.len;
}

/* Read what is available from fd into the output; 0 at end of file. */
static int drain(int fd, int to_output)
{
	char buf[4096];
	ssize_t n = read(fd, buf, sizeof(buf));

	if (n < 0)
		return errno == EAGAIN || errno == EINTR ? 1 : 0;
	if (n == 0)
		return 0;
	if (logf) {
		fwrite(buf, 1, n, logf);
		fflush(logf);
	}
	if (to_output) {
		append(buf, n);
		check_abort();
	}
	return 1;
}

/* A wait status as a shell shows it: the exit code, or 128 + signal. */
static int status_code(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void reap_child(void)
{
	if (child_status < 0)
		waitpid(child, &child_status, 0);
}

/* Wait until `text` appears after out.pos, or the time is up. */
static void do_expect(const char *text)
{
	double end = now() + step_timeout;
	struct pollfd p = { .fd = child_out, .events = POLLIN };

	for (;;) {
		char *hit = memmem(out.data + out.pos, out.len - out.pos, text,
				   strlen(text));
		double left = end - now();

		if (hit) {
			out.pos = hit - out.data + strlen(text);
			return;
		}
		if (child_out < 0) {
			reap_child();
			fail("waiting for \"%s\": the program exited (status %d)",
			     text, status_code(child_status));
		}
		if (left <= 0)
			fail("waited %.0f s for \"%s\"", step_timeout, text);
		if (poll(&p, 1, (int)(left * 1000) + 1) > 0 &&
		    !drain(child_out, 1)) {
			close(child_out);
			child_out = -1;
		}
	}
}

/* Decode \n \r \t \\ \xHH in place; returns the new length. */
static size_t unescape(char *s)
{
	char *r = s, *w = s;

	while (*r) {
		if (*r != '\\' || !r[1]) {
			*w++ = *r++;
			continue;
		}
		r++;
		if (*r == 'x') {
			char hex[3] = { 0 };

			if (!r[1] || !r[2])
				fail("bad \\x escape");
			hex[0] = r[1];
			hex[1] = r[2];
			*w++ = (char)strtol(hex, NULL, 16);
			r += 3;
			continue;
		}
		*w++ = *r == 'n' ? '\n' :
		       *r == 'r' ? '\r' :
		       *r == 't' ? '\t' :
				   *r;
		r++;
	}
	*w = '\0';
	return w - s;
}

static void do_send(char *text, int newline)
{
	size_t n = unescape(text);

	if (newline)
		text[n++] = '\n';
	if (child_in < 0 || write(child_in, text, n) != (ssize_t)n)
		fail("cannot write to the program: %s", strerror(errno));
}

static void do_run(const char *cmd)
{
	int pfd[2], status;
	pid_t pid;
	double end = now() + step_timeout;

	if (pipe2(pfd, O_CLOEXEC))
		fail("pipe: %s", strerror(errno));
	if (logf)
		fprintf(logf, "\n[tlexpect] run: %s\n", cmd);
	pid = fork();
	if (pid == 0) {
		dup2(pfd[1], 1);
		dup2(pfd[1], 2);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(pfd[1]);
	for (;;) {
		struct pollfd p[2] = { { .fd = pfd[0], .events = POLLIN },
				       { .fd = child_out, .events = POLLIN } };
		double left = end - now();

		if (left <= 0) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
			fail("host command took over %.0f s: %s", step_timeout,
			     cmd);
		}
		if (poll(p, child_out < 0 ? 1 : 2, (int)(left * 1000) + 1) <= 0)
			continue;
		/* Keep reading the guest so that it never blocks on us. */
		if (child_out >= 0 && p[1].revents && !drain(child_out, 1)) {
			close(child_out);
			child_out = -1;
		}
		if (p[0].revents && !drain(pfd[0], 0))
			break;
	}
	close(pfd[0]);
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		fail("host command failed (status %d): %s", status_code(status),
		     cmd);
}

/* The last check: its command and where its output is in out.data. */
static struct {
	char cmd[4096];
	size_t from, to;
	unsigned int n;
} last;

static void send_line(const char *text)
{
	size_t n = strlen(text);

	if (child_in < 0 || write(child_in, text, n) != (ssize_t)n ||
	    write(child_in, "\n", 1) != 1)
		fail("cannot write to the program: %s", strerror(errno));
}

static void do_check(char *cmd, int want_zero)
{
	char line[sizeof(last.cmd) + 256], beg[64], end[64];
	size_t at;
	long st;

	unescape(cmd);
	if (!*cmd || strchr(cmd, '\n') || strlen(cmd) >= sizeof(last.cmd))
		fail("check needs a one-line command");
	snprintf(last.cmd, sizeof(last.cmd), "%s", cmd);
	last.n++;
	snprintf(beg, sizeof(beg), "TLBEG:%d:%u\n", (int)getpid(), last.n);
	snprintf(end, sizeof(end), "\nTLEND:%d:%u:", (int)getpid(), last.n);
	/* "{ CMD; }": CMD's own status, even for a pipeline or a list. */
	snprintf(line, sizeof(line),
		 "printf '%%s:%%s:%%s\\n' TLBEG %d %u; { %s; }; "
		 "printf '\\n%%s:%%s:%%s:%%s\\n' TLEND %d %u $?",
		 (int)getpid(), last.n, cmd, (int)getpid(), last.n);
	send_line(line);
	do_expect(beg);
	last.from = out.pos;
	do_expect(end);
	at = out.pos;
	last.to = at - strlen(end);
	do_expect("\n");
	st = strtol(out.data + at, NULL, 10);
	if (want_zero && st != 0)
		fail("guest command failed (status %ld): %s", st, cmd);
	if (!want_zero && st == 0)
		fail("guest command succeeded, expected a failure: %s", cmd);
}

static void do_output(const char *text, int want)
{
	int has;

	if (!last.n)
		fail("output before any check");
	has = memmem(out.data + last.from, last.to - last.from, text,
		     strlen(text)) != NULL;
	if (has != want)
		fail("the output of \"%s\" %s \"%s\"", last.cmd,
		     want ? "has no" : "has", text);
}

static void do_exit(int want)
{
	double end = now() + step_timeout;
	struct pollfd p = { .fd = child_out, .events = POLLIN };

	while (child_out >= 0) {
		double left = end - now();

		if (left <= 0)
			fail("waited %.0f s for the program to exit",
			     step_timeout);
		if (poll(&p, 1, (int)(left * 1000) + 1) > 0 &&
		    !drain(child_out, 1)) {
			close(child_out);
			child_out = -1;
		}
	}
	for (;;) {
		if (waitpid(child, &child_status, WNOHANG) == child)
			break;
		if (now() > end)
			fail("waited %.0f s for the program to exit",
			     step_timeout);
		poll(NULL, 0, 50);
	}
	if (status_code(child_status) != want)
		fail("the program exited with status %d, expected %d",
		     status_code(child_status), want);
}

static void do_kill(const char *arg)
{
	char *end;
	long sig = strtol(arg, &end, 10);

	if (!*arg || *end || sig <= 0 || sig >= NSIG)
		fail("bad signal number \"%s\"", arg);
	if (kill(child, (int)sig))
		fail("kill %ld: %s", sig, strerror(errno));
}

static int free_port(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) ||
	    getsockname(fd, (struct sockaddr *)&a, &len)) {
		perror("tlexpect: --free-port");
		return 1;
	}
	printf("%d\n", ntohs(a.sin_port));
	close(fd);
	return 0;
}

static void start(char **argv)
{
	int in[2], o[2];

	if (pipe2(in, O_CLOEXEC) || pipe2(o, O_CLOEXEC)) {
		perror("tlexpect: pipe");
		exit(2);
	}
	started = now();
	child = fork();
	if (child < 0) {
		perror("tlexpect: fork");
		exit(2);
	}
	if (child == 0) {
		dup2(in[0], 0);
		dup2(o[1], 1);
		dup2(o[1], 2);
		execvp(argv[0], argv);
		fprintf(stderr, "tlexpect: cannot run %s: %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	close(in[0]);
	close(o[1]);
	child_in = in[1];
	child_out = o[0];
	fcntl(child_out, F_SETFL, O_NONBLOCK);
}

static void bad_usage(void)
{
	fputs("usage: tlexpect [-l LOG] [-t SECONDS] [-a TEXT]... SCRIPT -- COMMAND [ARG...]\n"
	      "       tlexpect --free-port\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	char line[4096];
	FILE *script;
	int opt;

	if (argc == 2 && !strcmp(argv[1], "--free-port"))
		return free_port();
	while ((opt = getopt(argc, argv, "a:l:t:")) != -1) {
		switch (opt) {
		case 'a':
			if (n_abort ==
			    (int)(sizeof(abort_on) / sizeof(*abort_on)))
				bad_usage();
			abort_on[n_abort++] = optarg;
			break;
		case 'l':
			log_path = optarg;
			break;
		case 't':
			step_timeout = atof(optarg);
			if (step_timeout <= 0)
				bad_usage();
			break;
		default:
			bad_usage();
		}
	}
	if (argc - optind < 2)
		bad_usage();
	script_path = argv[optind++];
	script = strcmp(script_path, "-") ? fopen(script_path, "r") : stdin;
	if (!script) {
		fprintf(stderr, "tlexpect: %s: %s\n", script_path,
			strerror(errno));
		return 2;
	}
	logf = fopen(log_path, "w");
	if (!logf) {
		fprintf(stderr, "tlexpect: %s: %s\n", log_path,
			strerror(errno));
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	append("", 0);
	start(argv + optind);

	while (fgets(line, sizeof(line) - 1, script)) {
		char *arg;

		script_line++;
		line[strcspn(line, "\n")] = '\0';
		arg = strchr(line, ' ');
		if (arg)
			*arg++ = '\0';
		else
			arg = line + strlen(line);
		if (!line[0] || line[0] == '#')
			continue;
		if (!strcmp(line, "timeout")) {
			step_timeout = atof(arg);
			if (step_timeout <= 0)
				fail("bad timeout \"%s\"", arg);
		} else if (!strcmp(line, "expect")) {
			do_expect(arg);
		} else if (!strcmp(line, "send")) {
			do_send(arg, 1);
		} else if (!strcmp(line, "sendraw")) {
			do_send(arg, 0);
		} else if (!strcmp(line, "run")) {
			do_run(arg);
		} else if (!strcmp(line, "mark")) {
			printf("%s %.3f\n", arg, now() - started);
			fflush(stdout);
		} else if (!strcmp(line, "check")) {
			do_check(arg, 1);
		} else if (!strcmp(line, "fails")) {
			do_check(arg, 0);
		} else if (!strcmp(line, "output")) {
			do_output(arg, 1);
		} else if (!strcmp(line, "nooutput")) {
			do_output(arg, 0);
		} else if (!strcmp(line, "kill")) {
			do_kill(arg);
		} else if (!strcmp(line, "exit")) {
			do_exit(atoi(arg));
		} else {
			fail("unknown step \"%s\"", line);
		}
	}
	stop_child();
	return 0;
}
