// SPDX-License-Identifier: GPL-2.0
/*
 * hello: call the example system call hello(2) (patches/linux/0002-*).
 *
 *	hello NAME	call hello(NAME), print what it returned
 *	hello --fault	call it with a pointer to unmapped memory; succeed
 *			only if the kernel answers -EFAULT
 *
 * There is no libc wrapper for a new system call: syscall(2) takes its
 * number and arguments and returns -1 with errno set on failure.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef __NR_hello
#define __NR_hello 451
#endif

int main(int argc, char **argv)
{
	const char *name;
	long ret;

	if (argc != 2) {
		fprintf(stderr, "usage: hello NAME | hello --fault\n");
		return 2;
	}
	/* Page zero is never mapped: the kernel must not oops on it. */
	name = strcmp(argv[1], "--fault") ? argv[1] : (const char *)8;

	ret = syscall(__NR_hello, name);
	if (ret < 0) {
		int err = errno;

		printf("hello: -1, errno %d (%s)\n", err, strerror(err));
		return name == argv[1] || err != EFAULT;
	}
	printf("hello(\"%s\") = %ld\n", name, ret);
	return name != argv[1];
}
