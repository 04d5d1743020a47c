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
 *   signal        a handler runs and returns; "SIGNAL OK CPL n"
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
#include <sys/syscall.h>
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
	fputs("kmltest cpl|segv|stack|spin|signal|threads|memory\n", stderr);
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
	if (!strcmp(cmd, "signal"))
		return cmd_signal();
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
