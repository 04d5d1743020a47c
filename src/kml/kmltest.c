// SPDX-License-Identifier: GPL-2.0
/*
 * kmltest: probes for Kernel Mode Linux (docs/kml.md).  Installed twice in
 * the kml image: /trusted/kmltest runs in ring 0, /usr/bin/kmltest in
 * ring 3.  Each subcommand prints one result line the boot tests expect.
 *
 *   cpl           "CPL n": the privilege level, from the CS register
 *   segv          write through a bad pointer (dies of SIGSEGV)
 *   stack         recurse until the stack is exhausted (dies of SIGSEGV)
 *   spin          spin for ever (Ctrl-C, kill and preemption tests)
 *   calls         spin in system calls for ever (getppid through musl:
 *                 the fast entry's bypass in ring 0), saying "CALLS
 *                 10000 CPL n" after the first 10,000
 *   trace PID N   a tracer: attach to PID, follow N system-call stops
 *                 (PTRACE_SYSCALL), detach; "TRACE N stops, e entries,
 *                 g getppid" (the entries, and which were getppid)
 *   seccomp errno|kill  install a seccomp filter that denies getppid
 *                 with EPERM (or kills), then call it: "SECCOMP ERRNO
 *                 OK CPL n" (or death by SIGSYS)
 *   signal        a handler runs and returns; "SIGNAL OK CPL n"
 *   restart       a read from a pipe, blocked, is interrupted by a
 *                 signal whose SA_RESTART handler writes to the pipe;
 *                 the kernel restarts the read, which returns that byte:
 *                 "RESTART OK CPL n"
 *   threads       4 threads (clone) each count; "THREADS OK"
 *   memory        heap, mmap and stack growth; "MEMORY OK"
 *   forkexec N P  N times: fork, exec P (argument "cpl" muted), wait
 *   exec P ARG..  exec P (to go from ring 0 to ring 3 and back)
 *   time P ARG..  run P, wait, print "TIME <ms> ms" (the benchmark)
 *   bench N       null system calls (getppid), N per round, 15 rounds,
 *                 medians: "BENCH syscall-insn <ns>" (the SYSCALL
 *                 instruction), "BENCH kml-call <ns>" (a direct call of
 *                 the kernel's fast entry, ring 0 only) and "BENCH libc
 *                 <ns>" (musl's syscall(), which uses the fast entry
 *                 when the kernel gives one)
 *
 * Plain C11 with a little inline assembly; linked statically with musl.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static unsigned int cpl(void)
{
	unsigned short cs;

	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	return cs & 3;
}

/* volatile: the compiler cannot see the pointer is bad */
static volatile uintptr_t bad_address = 16;

static int cmd_segv(void)
{
	*(volatile int *)bad_address = 1;
	puts("SEGV survived");
	return 1;
}

/* Each frame keeps a page of stack; the result defeats tail calls. */
static unsigned long recurse(unsigned long depth)
{
	volatile char page[4096];

	page[0] = (char)depth;
	/* Never true: only there to keep gcc quiet about the recursion. */
	if (depth == ~0ul)
		return 0;
	return recurse(depth + 1) + page[0];
}

static int cmd_stack(void)
{
	printf("STACK %lu\n", recurse(0));
	return 1;
}

static int cmd_spin(void)
{
	volatile unsigned long n = 0;

	for (;;)
		n++;
	return 0;
}

/* System calls for ever: in ring 0, musl takes the fast entry. */
static int cmd_calls(void)
{
	long i;

	for (i = 0; i < 10000; i++)
		syscall(SYS_getppid);
	printf("CALLS %ld CPL %u\n", i, cpl());
	fflush(stdout);
	for (;;)
		syscall(SYS_getppid);
	return 0;
}

/*
 * The part of strace the containment test needs.  Debian has no static
 * strace, and the image has no C library to run a dynamic one: a tracer
 * of twenty lines is smaller than either.  PTRACE_SEIZE with
 * TRACESYSGOOD, one PTRACE_INTERRUPT to stop the tracee, then
 * PTRACE_SYSCALL to each system-call stop (entry and exit alike).
 */
static int cmd_trace(const char *pid_arg, const char *count_arg)
{
	pid_t pid = (pid_t)strtol(pid_arg, NULL, 10);
	long n = strtol(count_arg, NULL, 10), i;
	long stops = 0, getppid = 0, entries = 0;
	struct __ptrace_syscall_info info;
	int status;

	if (pid <= 0 || n <= 0) {
		fputs("kmltest: trace PID N: a process and a count\n", stderr);
		return 2;
	}
	if (ptrace(PTRACE_SEIZE, pid, 0, (void *)PTRACE_O_TRACESYSGOOD) ||
	    ptrace(PTRACE_INTERRUPT, pid, 0, 0) ||
	    waitpid(pid, &status, 0) != pid) {
		perror("kmltest: trace");
		return 1;
	}
	for (i = 0; i < 4 * n && stops < n; i++) {
		if (ptrace(PTRACE_SYSCALL, pid, 0, 0) ||
		    waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status)) {
			perror("kmltest: trace");
			return 1;
		}
		if (WSTOPSIG(status) != (SIGTRAP | 0x80))
			continue;
		stops++;
		if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(info),
			   &info) <= 0 ||
		    info.op != PTRACE_SYSCALL_INFO_ENTRY)
			continue;
		entries++;
		if (info.entry.nr == SYS_getppid)
			getppid++;
	}
	ptrace(PTRACE_DETACH, pid, 0, 0);
	printf("TRACE %ld stops, %ld entries, %ld getppid\n", stops, entries,
	       getppid);
	return stops == n ? 0 : 1;
}

/*
 * A seccomp filter in classic BPF, spelled out: musl's headers have no
 * linux/filter.h or linux/seccomp.h, and the filter is seven
 * instructions.  The values are the kernel's UAPI.
 */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct bpf_insn {
	uint16_t code;
	uint8_t jt, jf;
	uint32_t k;
};

struct bpf_prog {
	unsigned short len;
	struct bpf_insn *filter;
};

#define BPF_LD_W_ABS 0x20 /* BPF_LD | BPF_W | BPF_ABS */
#define BPF_JEQ_K 0x15 /* BPF_JMP | BPF_JEQ | BPF_K */
#define BPF_RET_K 0x06 /* BPF_RET | BPF_K */
#define SECCOMP_DATA_NR 0 /* offsetof(struct seccomp_data, nr) */
#define SECCOMP_DATA_ARCH 4
#define AUDIT_ARCH_X86_64 0xc000003eu
#define SECCOMP_MODE_FILTER 2
#define SECCOMP_RET_KILL_PROCESS 0x80000000u
#define SECCOMP_RET_ERRNO 0x00050000u
#define SECCOMP_RET_ALLOW 0x7fff0000u

static int cmd_seccomp(const char *mode)
{
	uint32_t deny = strcmp(mode, "kill") ? SECCOMP_RET_ERRNO | EPERM :
					       SECCOMP_RET_KILL_PROCESS;
	struct bpf_insn f[] = {
		{ BPF_LD_W_ABS, 0, 0, SECCOMP_DATA_ARCH },
		{ BPF_JEQ_K, 1, 0, AUDIT_ARCH_X86_64 },
		{ BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS },
		{ BPF_LD_W_ABS, 0, 0, SECCOMP_DATA_NR },
		{ BPF_JEQ_K, 0, 1, SYS_getppid },
		{ BPF_RET_K, 0, 0, deny },
		{ BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW },
	};
	struct bpf_prog prog = { ARRAY_SIZE(f), f };
	long r;

	if (strcmp(mode, "kill") && strcmp(mode, "errno")) {
		fputs("kmltest: seccomp errno|kill\n", stderr);
		return 2;
	}
	if (syscall(SYS_getppid) <= 0 ||
	    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0)) {
		perror("kmltest: seccomp");
		return 1;
	}
	fflush(stdout);
	r = syscall(SYS_getppid);
	if (r != -1 || errno != EPERM) {
		printf("SECCOMP not enforced: getppid returned %ld\n", r);
		return 1;
	}
	printf("SECCOMP ERRNO OK CPL %u\n", cpl());
	return 0;
}

static volatile sig_atomic_t handled_cpl = -1;

static void on_usr1(int sig)
{
	(void)sig;
	handled_cpl = (sig_atomic_t)cpl();
}

static int cmd_signal(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL) || raise(SIGUSR1)) {
		perror("kmltest: signal");
		return 1;
	}
	if (handled_cpl < 0) {
		puts("SIGNAL not delivered");
		return 1;
	}
	printf("SIGNAL OK CPL %d\n", (int)handled_cpl);
	return 0;
}

static int restart_pipe[2];

static void on_alarm(int sig)
{
	(void)sig;
	if (write(restart_pipe[1], "R", 1) != 1)
		_exit(3);
}

/*
 * A system call restarted after a signal: the kernel sets the
 * instruction pointer back 2 bytes, the length of SYSCALL, and the call
 * runs again.  Through the fast entry, those 2 bytes are the [kml]
 * page's restart jump (docs/kml.md).
 */
static int cmd_restart(void)
{
	struct itimerval it = { .it_value = { .tv_usec = 100000 } };
	struct sigaction sa;
	char c = 0;
	ssize_t r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (pipe(restart_pipe) || sigaction(SIGALRM, &sa, NULL) ||
	    setitimer(ITIMER_REAL, &it, NULL)) {
		perror("kmltest: restart");
		return 1;
	}
	r = read(restart_pipe[0], &c, 1);
	if (r != 1 || c != 'R') {
		printf("RESTART failed: read returned %ld\n", (long)r);
		return 1;
	}
	printf("RESTART OK CPL %u\n", cpl());
	return 0;
}

static void *count(void *arg)
{
	unsigned long *n = arg;
	unsigned long i;

	for (i = 0; i < 1000000; i++)
		(*n)++;
	return NULL;
}

static int cmd_threads(void)
{
	pthread_t t[4];
	unsigned long n[4] = { 0 };
	int i;

	for (i = 0; i < 4; i++) {
		if (pthread_create(&t[i], NULL, count, &n[i])) {
			puts("THREADS create failed");
			return 1;
		}
	}
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < 4; i++) {
		if (n[i] != 1000000) {
			puts("THREADS wrong count");
			return 1;
		}
	}
	puts("THREADS OK");
	return 0;
}

static int cmd_memory(void)
{
	size_t len = 8u << 20, i;
	unsigned char *heap = malloc(len);
	unsigned char *map;
	volatile char stack[256 * 1024];

	map = mmap(NULL, len, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!heap || map == MAP_FAILED) {
		puts("MEMORY allocation failed");
		return 1;
	}
	for (i = 0; i < len; i += 4096) {
		heap[i] = (unsigned char)i;
		map[i] = (unsigned char)(i >> 12);
	}
	for (i = 0; i < sizeof(stack); i += 4096)
		stack[i] = 1;
	for (i = 0; i < len; i += 4096) {
		if (heap[i] != (unsigned char)i ||
		    map[i] != (unsigned char)(i >> 12)) {
			puts("MEMORY mismatch");
			return 1;
		}
	}
	munmap(map, len);
	free(heap);
	puts("MEMORY OK");
	return 0;
}

static int cmd_forkexec(const char *count_arg, const char *prog)
{
	long n = strtol(count_arg, NULL, 10), i;
	int status;
	pid_t pid;

	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid < 0) {
			perror("kmltest: fork");
			return 1;
		}
		if (pid == 0) {
			execl(prog, prog, "quiet", (char *)NULL);
			_exit(127);
		}
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0) {
			printf("FORKEXEC failed at %ld\n", i);
			return 1;
		}
	}
	printf("FORKEXEC %ld OK\n", n);
	return 0;
}

static long null_syscall_insn(void)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"((long)SYS_getppid)
			 : "rcx", "r11", "memory");
	return ret;
}

/* The kernel's fast entry (AT_KML_SYSCALL), called directly. */
#define AT_KML_SYSCALL 0x4b4d4c
static unsigned long kml_entry;

static long null_syscall_kml(void)
{
	long ret;

	__asm__ volatile("lea -128(%%rsp), %%rsp\n\t"
			 "call *%[entry]\n\t"
			 "lea 128(%%rsp), %%rsp"
			 : "=a"(ret)
			 : "a"((long)SYS_getppid), [entry] "m"(kml_entry)
			 : "rcx", "r11", "memory");
	return ret;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

#define ROUNDS 15

enum { VIA_INSN, VIA_LIBC, VIA_KML };

static void bench(const char *name, long n, int via)
{
	uint64_t t[ROUNDS], start;
	long i;
	int r;

	for (r = 0; r < ROUNDS; r++) {
		start = now_ns();
		for (i = 0; i < n; i++) {
			if (via == VIA_LIBC)
				syscall(SYS_getppid);
			else if (via == VIA_KML)
				null_syscall_kml();
			else
				null_syscall_insn();
		}
		t[r] = now_ns() - start;
	}
	qsort(t, ROUNDS, sizeof(t[0]), cmp_u64);
	printf("BENCH %s %.1f ns (CPL %u)\n", name,
	       (double)t[ROUNDS / 2] / (double)n, cpl());
}

static int cmd_time(char **argv)
{
	uint64_t start = now_ns();
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		perror("kmltest: fork");
		return 1;
	}
	if (pid == 0) {
		execv(argv[0], argv);
		perror("kmltest: exec");
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		printf("TIME %s failed\n", argv[0]);
		return 1;
	}
	printf("TIME %.1f ms\n", (double)(now_ns() - start) / 1e6);
	return 0;
}

static int print_help(void)
{
	fputs("kmltest cpl|segv|stack|spin|calls|signal|restart|threads|memory\n",
	      stderr);
	fputs("kmltest trace PID N|seccomp errno|kill\n", stderr);
	fputs("kmltest forkexec N PROG|exec PROG ARG...\n", stderr);
	fputs("kmltest time PROG ARG...|bench N\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	if (!strcmp(cmd, "quiet"))
		return 0;
	if (!strcmp(cmd, "cpl")) {
		printf("CPL %u\n", cpl());
		return 0;
	}
	if (!strcmp(cmd, "segv"))
		return cmd_segv();
	if (!strcmp(cmd, "stack"))
		return cmd_stack();
	if (!strcmp(cmd, "spin"))
		return cmd_spin();
	if (!strcmp(cmd, "calls"))
		return cmd_calls();
	if (!strcmp(cmd, "trace") && argc == 4)
		return cmd_trace(argv[2], argv[3]);
	if (!strcmp(cmd, "seccomp") && argc == 3)
		return cmd_seccomp(argv[2]);
	if (!strcmp(cmd, "signal"))
		return cmd_signal();
	if (!strcmp(cmd, "restart"))
		return cmd_restart();
	if (!strcmp(cmd, "threads"))
		return cmd_threads();
	if (!strcmp(cmd, "memory"))
		return cmd_memory();
	if (!strcmp(cmd, "forkexec") && argc == 4)
		return cmd_forkexec(argv[2], argv[3]);
	if (!strcmp(cmd, "exec") && argc >= 3) {
		execv(argv[2], argv + 2);
		perror("kmltest: exec");
		return 127;
	}
	if (!strcmp(cmd, "time") && argc >= 3)
		return cmd_time(argv + 2);
	if (!strcmp(cmd, "bench") && argc == 3) {
		long n = strtol(argv[2], NULL, 10);

		kml_entry = getauxval(AT_KML_SYSCALL);
		bench("syscall-insn", n, VIA_INSN);
		if (kml_entry)
			bench("kml-call", n, VIA_KML);
		bench("libc", n, VIA_LIBC);
		return 0;
	}
	return print_help();
}
