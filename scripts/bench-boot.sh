#!/bin/sh
# bench-boot.sh: where QEMU start to userspace goes, for several images in
# one run (make bench: default and micro).  Measures only.
#
#   bench-boot.sh NAME=KERNEL:INITRAMFS...
#
# Each image boots BOOTS times, the images taking turns (so that the
# machine's noise falls on all of them alike), through the launcher
# beside KERNEL, with -m 128M and "debug loglevel=7 earlyprintk=serial":
# setup.bin prints on the serial port when the command line has "debug"
# (arch/x86/boot/main.c), "loglevel=7" puts the kernel's console back to
# its usual level (debug alone would print every KERN_DEBUG line, and
# slow the boot down), and tlexpect
# marks on the host clock when each step's text appears:
#   setup       setup.bin runs ("early console in setup code"): QEMU,
#               the firmware and its loading of the kernel are done
#   run         the kernel runs /init ("Run /init as init process")
#   userspace   our PID 1 ("init: userspace up")
# The kernel proper's start (setup.bin and the decompressor done) is
# "run" less that line's own printk timestamp: the kernel's clock starts
# in start_kernel, and its first messages reach the console only when
# the console driver registers, so no line marks it on the host clock.
# An uncompressed vmlinux entered through PVH has no setup.bin and no
# decompressor: there is no "setup" mark.  Environment: TLEXPECT ACCEL
# WORK BOOTS.  Writes the medians as a table on stdout and as
# $WORK/boot-split.dat (name, phase, start, end, row, colour) for the
# timeline that scripts/boot-timeline.gp draws.
set -eu
: "${TLEXPECT:?}" "${ACCEL:?}" "${WORK:?}" "${BOOTS:=5}"
mkdir -p "$WORK"

script() {
	echo "timeout 120"
	case $(basename "$1") in
	bzImage) printf 'expect early console in setup code\nmark setup\n' ;;
	esac
	printf 'expect Run /init as init process\nmark run\nexpect init: userspace up at\nmark userspace\n'
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "" }'; }

for spec; do
	name=${spec%%=*}
	: >"$WORK/split-$name.times"
done
n=0
while [ $n -lt "$BOOTS" ]; do
	for spec; do
		name=${spec%%=*} rest=${spec#*=}
		kernel=${rest%%:*} initramfs=${rest#*:}
		script "$kernel" >"$WORK/split-$name.expect"
		"$TLEXPECT" -l "$WORK/split-$name.log" -a "Kernel panic" "$WORK/split-$name.expect" -- \
			"$(dirname "$kernel")/run-qemu.sh" --accel "$ACCEL" -m 128M --serial stdio \
			--net none --initrd "$initramfs" --append "debug loglevel=7 earlyprintk=serial,ttyS0,115200" \
			>"$WORK/split-$name.marks" 2>/dev/null ||
			{ echo "bench-boot: $name did not boot, see $WORK/split-$name.log" >&2; tail -n 20 "$WORK/split-$name.log" >&2; exit 1; }
		ts=$(sed -n 's/^\[ *\([0-9.]*\)\] Run \/init as init process.*/\1/p' "$WORK/split-$name.log" | head -n 1)
		[ -n "$ts" ] || { echo "bench-boot: $name: no timestamp on \"Run /init\", see $WORK/split-$name.log" >&2; exit 1; }
		# One line per boot: setup kernel userspace (setup 0: none).
		awk -v ts="$ts" '{ t[$1] = $2 } END { printf "%s %.6f %s\n", (t["setup"] == "" ? 0 : t["setup"]), t["run"] - ts, t["userspace"] }' \
			"$WORK/split-$name.marks" >>"$WORK/split-$name.times"
	done
	n=$((n + 1))
done

: >"$WORK/boot-split.dat.tmp"
echo "| phase (median of $BOOTS boots, $ACCEL, -m 128M, earlyprintk) | $(for spec; do printf '%s | ' "${spec%%=*}"; done)"
echo "| --- | $(for spec; do printf -- '--- | '; done)"
for phase in firmware decompress kernel total; do
	case $phase in
	firmware) what="QEMU, firmware and kernel load (to setup.bin, or to the kernel when there is none)" ;;
	decompress) what="setup.bin and the decompressor" ;;
	kernel) what="kernel init to PID 1 (start_kernel to userspace up)" ;;
	total) what="QEMU start to userspace" ;;
	esac
	line="| $what |"
	for spec; do
		name=${spec%%=*}
		v=$(awk -v p=$phase '{
			s = $1; k = $2; u = $3; f = (s > 0 ? s : k)
			if (p == "firmware") print f
			else if (p == "decompress") print (s > 0 ? k - s : 0)
			else if (p == "kernel") print u - k
			else print u }' "$WORK/split-$name.times" | median)
		line="$line $(printf '%.3f' "$v") s |"
		eval "m_${phase}_$(echo "$name" | tr -c 'a-z0-9\n' _)=$v"
	done
	echo "$line"
done
row=0
for spec; do
	name=${spec%%=*} v=$(echo "$name" | tr -c 'a-z0-9\n' _)
	eval "f=\$m_firmware_$v d=\$m_decompress_$v k=\$m_kernel_$v"
	# name, phase, start, end (s), the image's row, the phase's colour
	awk -v n="$name" -v f="$f" -v d="$d" -v k="$k" -v r=$row 'BEGIN {
		printf "%s\tQEMU, firmware, load\t0\t%.3f\t%d\t1\n", n, f, r
		if (d > 0) printf "%s\tsetup.bin, decompressor\t%.3f\t%.3f\t%d\t2\n", n, f, f + d, r
		printf "%s\tkernel init to PID 1\t%.3f\t%.3f\t%d\t3\n", n, f + d, f + d + k, r }' >>"$WORK/boot-split.dat.tmp"
	row=$((row + 1))
done
mv "$WORK/boot-split.dat.tmp" "$WORK/boot-split.dat"
