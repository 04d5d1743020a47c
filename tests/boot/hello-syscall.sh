#!/bin/sh
# The example system call hello(2) (patches/linux/0002-hello-syscall.patch):
# its return value, its kernel log line, -EFAULT for a bad pointer (with
# no oops in the log) and -ENAMETOOLONG for a 64-byte name.
. "$(dirname "$0")/../lib.sh"
up_steps >"$work/script"
cat >>"$work/script" <<'S'
check hello tinylinux
output hello("tinylinux") = 9
check [ "$(dmesg | grep -c 'hello: tinylinux (pid [0-9]*)')" = 1 ]
check hello --fault
output errno 14 (Bad address)
check hello $(printf %064d 0); [ $? = 1 ]
output errno 36 (Filename too long)
check [ "$(dmesg | grep -ciE 'oops|BUG:|general protection')" = 0 ]
S
boot "$work/script" --netdev restrict=on
