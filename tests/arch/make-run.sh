#!/bin/sh
# "make run ARCH=...", as a user runs it: it boots this architecture's
# image to a shell, the guest says what it runs on (uname -m), and
# poweroff ends QEMU with status 0.
# exclusive: "make run" is the user's command; it runs alone, as a user
# runs it (tests/run.sh).
. "$(dirname "$0")/../lib.sh"
case $ARCH in
arm) machine=armv5tejl ;;
arm64) machine=aarch64 ;;
riscv64) machine=riscv64 ;;
esac
hport=$($TLEXPECT --free-port)
cat >"$work/script" <<S
timeout 300
expect QEMU     default, $ARCH,
expect tinylinux:/#
timeout 60
check uname -m
output $machine
send poweroff
exit 0
S
"$TLEXPECT" -l "$work/serial.log" -a "Kernel panic" "$work/script" -- \
	$MAKE --no-print-directory -C "$TOP" run ARCH="$ARCH" PORT="$hport" RESTRICT=on
echo "make run ARCH=$ARCH: a shell on $machine, poweroff"
