#!/bin/sh
# kml-trace.sh: where the instructions of one getppid go ("make
# kml-trace", docs/kml.md).  Two boots of the kml kernel under TCG,
# stopped at the start (-S) with QEMU's gdb stub on a Unix socket; PID 1
# is kmltest's "calls" loop, run from /trusted (ring 0: the fast entry
# and its bypass) and from /usr/bin (ring 3: SYSCALL).  gdb stops at the
# kernel's entry for the first getppid (RAX = 110) and single-steps until
# the instruction pointer is a user address again, printing every
# instruction; awk sums them by function.  gdb does the tracing: no
# tracer of ours.
# Environment: KERNEL (bzImage, its launcher run-qemu.sh beside it),
# VMLINUX, INITRAMFS, WORK.
set -eu
: "${KERNEL:?}" "${VMLINUX:?}" "${INITRAMFS:?}" "${WORK:?}"
command -v gdb >/dev/null || { echo "kml-trace: gdb is missing: apt-get install gdb" >&2; exit 1; }
mkdir -p "$WORK"

# trace TAG PROGRAM ENTRY: one boot, the instructions in $WORK/TAG.trace.
trace() {
	tag=$1 prog=$2 entry=$3 sock=$WORK/$1.gdb
	rm -f "$sock"
	cat >"$WORK/$tag.cmd" <<G
set pagination off
set confirm off
target remote $sock
hbreak *$entry if \$rax == 110
continue
delete
while (unsigned long)\$pc >= 0xffff800000000000
x/i \$pc
stepi
end
kill
G
	# The kernel's own launcher (the QEMU command line is assembled
	# there), with QEMU's gdb stub added and the CPU stopped (-S).
	"$(dirname "$KERNEL")/run-qemu.sh" --accel tcg -m 64M --net none \
		--serial stdio --initrd "$INITRAMFS" --append "rdinit=$prog calls" \
		-- -gdb "unix:$sock,server=on,wait=off" -S \
		>"$WORK/$tag.serial" 2>"$WORK/$tag.qemu.log" &
	qemu=$!
	n=0
	until [ -S "$sock" ] || [ $n -ge 100 ]; do
		n=$((n + 1))
		sleep 0.1
	done
	if ! timeout 300 gdb -q -batch -nx -x "$WORK/$tag.cmd" "$VMLINUX" \
		>"$WORK/$tag.gdb.log" 2>&1; then
		kill $qemu 2>/dev/null || :
		echo "kml-trace: gdb failed; the end of $WORK/$tag.gdb.log:" >&2
		tail -n 5 "$WORK/$tag.gdb.log" >&2
		exit 1
	fi
	kill $qemu 2>/dev/null || :
	wait $qemu 2>/dev/null || :
	grep '^=> ' "$WORK/$tag.gdb.log" >"$WORK/$tag.trace"
}

trace ring0 /trusted/kmltest kml_fast_entry
trace ring3 /usr/bin/kmltest entry_SYSCALL_64

# One table: instructions per function, for both paths, in the order of
# the first path that runs each.
awk '
function fn(line,   f) {
	f = line
	sub(/^[^<]*</, "", f)
	sub(/[+>].*$/, "", f)
	return f
}
FNR == 1 { file++ }
{
	f = fn($0)
	if (!(f in seen)) { seen[f] = 1; order[++n] = f }
	count[file, f]++
	total[file]++
}
END {
	print "| function | ring 0, fast entry | ring 3, SYSCALL |"
	print "| --- | --- | --- |"
	for (i = 1; i <= n; i++)
		printf "| %s | %d | %d |\n", order[i], count[1, order[i]], count[2, order[i]]
	printf "| **total in the kernel** | **%d** | **%d** |\n", total[1], total[2]
}' "$WORK/ring0.trace" "$WORK/ring3.trace"
