#!/bin/sh
# The example system call hello(2) (patches/linux/0002-hello-syscall.patch):
# its return value, its kernel log line, -EFAULT for a bad pointer (with
# no oops in the log) and -ENAMETOOLONG for a 64-byte name.
. "$(dirname "$0")/../lib.sh"
cat >"$work/script" <<'S'
timeout 120
expect init: userspace up at
timeout 60
send hello tinylinux; echo "rc=$?"
expect hello("tinylinux") = 9
expect rc=0
send dmesg | grep -c 'hello: tinylinux (pid [0-9]*)' | sed 's/^/LOGGED=/'
expect LOGGED=1
send hello --fault; echo "rc=$?"
expect errno 14 (Bad address)
expect rc=0
send hello $(printf %064d 0); echo "rc=$?"
expect errno 36 (Filename too long)
expect rc=1
send dmesg | grep -ciE 'oops|BUG:|general protection' | sed 's/^/OOPS=/'
expect OOPS=0
S
boot "$work/script" -netdev user,id=n0,restrict=on -device virtio-net-pci,netdev=n0
