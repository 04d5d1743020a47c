#!/bin/sh
# bench-kml.sh: the Kernel Mode Linux benchmark ("make bench-kml").
# Null system calls (getppid) in ring 3 and in ring 0 (SYSCALL
# instruction, direct call of the fast entry, musl's syscall()), then
# syscall-heavy work done by the same busybox in ring 0 (/bin, a link to
# /trusted/busybox) and in ring 3 (a copy outside /trusted).
#
# Two boots of the kml image:
#   - wall time, under ACCEL (TCG here): noisy, the host's;
#   - instructions: QEMU's -icount shift=0,sleep=off (the launcher's
#     --icount) advances the guest's clock 1 ns per instruction, so every
#     time the guest measures is an instruction count: deterministic.
#     Under icount the privilege change itself costs nothing, so the
#     ring-3/ring-0 ratio is a lower bound of what hardware gains, where
#     SYSCALL/SYSRET and the mitigations around them cost 100-3,000 cycles.
# and a third, counted too: the default kernel (no KML) with the same
# initramfs, whose /trusted programs run in ring 3: the baseline a
# change to the entry code must not move.
# kmltest prints medians of 15 rounds; the workloads run 3 times each,
# and the median is reported; the TCP client starts once netstat shows
# the listener.  Every wait ends with the tlexpect script's timeout.
# Measures only.
# Environment: KERNEL INITRAMFS DEFAULT_KERNEL TLEXPECT ACCEL WORK.
set -eu
r3=/usr/libexec/busybox-ring3
listening="until netstat -ltn | grep -q :5000; do :; done"
tcp="nc -l -p 5000 >/dev/null & $listening; dd if=/dev/zero bs=64 count=20000 2>/dev/null | nc 127.0.0.1 5000; wait"
tcp3="$r3 nc -l -p 5000 >/dev/null & $listening; $r3 dd if=/dev/zero bs=64 count=20000 2>/dev/null | $r3 nc 127.0.0.1 5000; wait"

# run TAG KERNEL N DDCOUNT LAUNCHER-OPTION...: one boot of KERNEL (through
# the launcher beside it) with the kml initramfs, its serial log in
# $WORK/kml-TAG.log.
run() {
	tag=$1 kernel=$2 n=$3 dd1="dd if=/dev/zero of=/dev/null bs=1 count=$4"
	shift 4
	{
		echo "timeout 120"
		echo "expect init: userspace up at"
		echo "timeout 900"
		# clock_gettime is precise only once the TSC (or kvm-clock) is
		# the clocksource; before that it ticks in jiffies.
		echo "check until grep -q -e tsc -e kvm-clock /sys/devices/system/clocksource/clocksource0/current_clocksource; do sleep 0.2; done"
		echo "check /usr/bin/kmltest bench $n"
		echo "check /trusted/kmltest bench $n"
		for i in 1 2 3; do
			echo "check /usr/bin/kmltest time /bin/sh -c '$dd1 2>/dev/null' | sed 's/^/DD0 /'"
			echo "check /usr/bin/kmltest time $r3 sh -c '$r3 $dd1 2>/dev/null' | sed 's/^/DD3 /'"
			echo "check /usr/bin/kmltest time /bin/sh -c '$tcp' | sed 's/^/TCP0 /'"
			echo "check /usr/bin/kmltest time $r3 sh -c '$tcp3' | sed 's/^/TCP3 /'"
		done
	} >"$WORK/kml-$tag.script"
	# The kernel's own launcher, with the kml image's initramfs.
	"$TLEXPECT" -l "$WORK/kml-$tag.log" -a "Kernel panic" "$WORK/kml-$tag.script" -- \
		"$(dirname "$kernel")/run-qemu.sh" -m 128M --serial stdio --initrd "$INITRAMFS" \
		--netdev restrict=on "$@" >/dev/null
}
n_wall=200000 dd_wall=1000000
n_count=20000 dd_count=100000
run wall "$KERNEL" $n_wall $dd_wall --accel "$ACCEL"
run count "$KERNEL" $n_count $dd_count --icount
run default "$DEFAULT_KERNEL" $n_count $dd_count --icount

# ns TAG NAME CPL: "BENCH name N ns (CPL c)" -> N
ns() { tr -d '\r' <"$WORK/kml-$1.log" | awk -v n="$2" -v c="$3" '$1 == "BENCH" && $2 == n && $6 == c ")" { print $3 }' | tail -n 1; }
# ms TAG KEY: the median of "KEY TIME N ms"
ms() { tr -d '\r' <"$WORK/kml-$1.log" | awk -v k="$2" '$1 == k && $2 == "TIME" { print $3 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# ratio A B: A / B
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "-" }'; }
# mi TAG KEY: the median "TIME" of KEY under -icount, in millions of
# instructions (1 ms of the guest's clock is 10^6 instructions there).
mi() { ms "$1" "$2"; }

w3=$(ns wall syscall-insn 3) c3=$(ns count syscall-insn 3)
echo "## Kernel Mode Linux, $(date -u +%Y-%m-%d), $(nproc) CPUs"
echo
echo "Null system call (getppid), median of 15 rounds: wall time under $ACCEL"
echo "($n_wall calls a round), and instructions under QEMU's -icount"
echo "shift=0,sleep=off ($n_count calls a round; 1 ns = 1 instruction, the"
echo "loop's own few instructions included)."
echo
echo "| path | ns per call ($ACCEL) | ring 3 / this | instructions per call | ring 3 / this |"
echo "| --- | --- | --- | --- | --- |"
for p in "ring 3, SYSCALL instruction:syscall-insn:3" "ring 3, musl syscall():libc:3" \
	"ring 0, SYSCALL instruction:syscall-insn:0" "ring 0, fast entry called directly:kml-call:0" \
	"ring 0, musl syscall() (fast entry):libc:0"; do
	label=${p%%:*} rest=${p#*:}
	name=${rest%%:*} cpl=${rest#*:}
	w=$(ns wall "$name" "$cpl") c=$(ns count "$name" "$cpl")
	echo "| $label | $w | $(ratio "$w3" "$w") | $c | $(ratio "$c3" "$c") |"
done
echo "| default kernel (no KML), SYSCALL instruction | - | - | $(ns default syscall-insn 3) | $(ratio "$c3" "$(ns default syscall-insn 3)") |"
echo
echo "Syscall-heavy work, same busybox binary, median of 3 runs: wall time"
echo "under $ACCEL, and millions of instructions under -icount (the dd"
echo "copies $dd_count bytes there, $dd_wall under $ACCEL):"
echo
echo "| workload | ring 0, ms | ring 3, ms | ring 0, M instr. | ring 3, M instr. | ring 3 / ring 0 (instr.) |"
echo "| --- | --- | --- | --- | --- | --- |"
echo "| dd bs=1 /dev/zero -> /dev/null | $(ms wall DD0) | $(ms wall DD3) | $(mi count DD0) | $(mi count DD3) | $(ratio "$(ms count DD3)" "$(ms count DD0)") |"
echo "| TCP over loopback, 20000 writes of 64 bytes (dd \\| nc) | $(ms wall TCP0) | $(ms wall TCP3) | $(mi count TCP0) | $(mi count TCP3) | $(ratio "$(ms count TCP3)" "$(ms count TCP0)") |"
