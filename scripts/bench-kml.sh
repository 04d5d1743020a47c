#!/bin/sh
# bench-kml.sh: the Kernel Mode Linux benchmark ("make bench-kml"), one
# boot of the kml image.  Null system calls (getppid) in ring 3 and in
# ring 0 (SYSCALL instruction, direct call of the fast entry, musl's
# syscall()), then syscall-heavy work done by the same busybox in ring 0
# (/bin, a link to /trusted/busybox) and in ring 3 (a copy outside
# /trusted).  kmltest prints medians of 15 rounds; the workloads run 3
# times each, and the median is reported; the TCP client starts once
# netstat shows the listener.  Every wait ends with the tlexpect
# script's timeout.  Measures only.
# Environment: KERNEL INITRAMFS TLEXPECT ACCEL WORK.
set -eu
r3=/usr/libexec/busybox-ring3
n=200000
dd1="dd if=/dev/zero of=/dev/null bs=1 count=1000000"
listening="until netstat -ltn | grep -q :5000; do :; done"
tcp="nc -l -p 5000 >/dev/null & $listening; dd if=/dev/zero bs=64 count=20000 2>/dev/null | nc 127.0.0.1 5000; wait"
tcp3="$r3 nc -l -p 5000 >/dev/null & $listening; $r3 dd if=/dev/zero bs=64 count=20000 2>/dev/null | $r3 nc 127.0.0.1 5000; wait"

{
	echo "timeout 120"
	echo "expect init: userspace up at"
	echo "timeout 600"
	# clock_gettime is precise only once the TSC (or kvm-clock) is the
	# clocksource; before that it ticks in jiffies.
	echo "send until grep -q -e tsc -e kvm-clock /sys/devices/system/clocksource/clocksource0/current_clocksource; do sleep 0.2; done; echo CLOCK-READY=\$((1+1))"
	echo "expect CLOCK-READY=2"
	echo "send /usr/bin/kmltest bench $n; echo BENCH3-DONE=\$((1+2))"
	echo "expect BENCH3-DONE=3"
	echo "send /trusted/kmltest bench $n; echo BENCH0-DONE=\$((1+2))"
	echo "expect BENCH0-DONE=3"
	for i in 1 2 3; do
		echo "send /usr/bin/kmltest time /bin/sh -c '$dd1 2>/dev/null' | sed 's/^/DD0 /'"
		echo "expect DD0 TIME"
		echo "send /usr/bin/kmltest time $r3 sh -c '$r3 $dd1 2>/dev/null' | sed 's/^/DD3 /'"
		echo "expect DD3 TIME"
		echo "send /usr/bin/kmltest time /bin/sh -c '$tcp' | sed 's/^/TCP0 /'"
		echo "expect TCP0 TIME"
		echo "send /usr/bin/kmltest time $r3 sh -c '$tcp3' | sed 's/^/TCP3 /'"
		echo "expect TCP3 TIME"
	done
} >"$WORK/kml-script"
"$TLEXPECT" -l "$WORK/kml-serial.log" -a "Kernel panic" "$WORK/kml-script" -- \
	"$(dirname "$KERNEL")/run-qemu.sh" --accel "$ACCEL" -m 128M --serial stdio \
	--initrd "$INITRAMFS" --netdev restrict=on >/dev/null

log=$WORK/kml-serial.log
# field "BENCH name N ns (CPL c)" -> N for the given name and CPL
ns() { tr -d '\r' <"$log" | awk -v n="$1" -v c="$2" '$1 == "BENCH" && $2 == n && $6 == c ")" { print $3 }' | tail -n 1; }
ms() { tr -d '\r' <"$log" | awk -v k="$1" '$1 == k && $2 == "TIME" { print $3 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
r3ns=$(ns syscall-insn 3)
ratio() { awk -v a="$r3ns" -v b="$1" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo "## Kernel Mode Linux, $(date -u +%Y-%m-%d), $(nproc) CPUs, accelerator: $ACCEL"
echo
echo "Null system call (getppid), median of 15 rounds of $n calls:"
echo
echo "| path | ns per call | ring 3 SYSCALL / this |"
echo "| --- | --- | --- |"
echo "| ring 3, SYSCALL instruction | $r3ns | 1.00 |"
echo "| ring 3, musl syscall() | $(ns libc 3) | $(ratio "$(ns libc 3)") |"
echo "| ring 0, SYSCALL instruction | $(ns syscall-insn 0) | $(ratio "$(ns syscall-insn 0)") |"
echo "| ring 0, fast entry called directly | $(ns kml-call 0) | $(ratio "$(ns kml-call 0)") |"
echo "| ring 0, musl syscall() (fast entry) | $(ns libc 0) | $(ratio "$(ns libc 0)") |"
echo
echo "Syscall-heavy work, same busybox binary, median of 3 runs:"
echo
echo "| workload | ring 0 | ring 3 |"
echo "| --- | --- | --- |"
echo "| $dd1 | $(ms DD0) ms | $(ms DD3) ms |"
echo "| TCP over loopback, 20000 writes of 64 bytes (dd \\| nc) | $(ms TCP0) ms | $(ms TCP3) ms |"
