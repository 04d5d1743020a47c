#!/bin/sh
# The kernel's search for PID 1 (init/main.c): rdinit= (default /init) in
# the initramfs; if it does not exist, then /sbin/init, /etc/init,
# /bin/init, /bin/sh.  If it exists but cannot run, the kernel says so and
# goes on the same way.  Our /sbin/init is a link to /init (tinyinit).
. "$(dirname "$0")/../lib.sh"
for case in "/nonexistent:" "/etc/inittab:Failed to execute /etc/inittab (error -13)"; do
	rdinit=${case%%:*} said=${case#*:}
	APPEND="rdinit=$rdinit"
	{
		echo "timeout 120"
		[ -z "$said" ] || echo "expect $said"
		echo "expect Run /sbin/init as init process"
		echo "expect init: userspace up"
		echo "timeout 60"
		echo 'send echo "PID1=$(readlink /proc/1/exe)"'
		echo "expect PID1=/init"
		echo "send poweroff"
		echo "exit 0"
	} >"$work/script"
	boot "$work/script" --netdev restrict=on
	grep -q "Run $rdinit as init process" "$work/serial.log" && [ "$rdinit" = /nonexistent ] &&
		{ echo "FAIL: the kernel tried to run $rdinit, which does not exist"; exit 1; }
	echo "rdinit=$rdinit: $(grep -E 'Failed to execute|as init process' "$work/serial.log" | tr -d '\r' | sed 's/^\[[^]]*\] //' | paste -sd';' -)"
done
