#!/bin/sh
# The default system in 16 MB: the network test that every architecture
# passes (tests/arch/boot-net.sh: a 1 MiB download through guestfwd, the
# guest's httpd fetched through hostfwd, poweroff with status 0) passes
# with -m 16M too.  memreport (make mem-report) then reads that boot:
# an x86_64 kernel is loaded at 2 MiB (CONFIG_PHYSICAL_START,
# configs/linux/lowmem.config), not 16 MiB.
. "$(dirname "$0")/../lib.sh"
MEM=16M TESTLOGS=$work ARCH=${ARCH:-x86_64} sh "$(dirname "$0")/../arch/boot-net.sh"
map=$(dirname "$KERNEL")/System.map
"$MEMREPORT" -i "$KERNEL" -m "$map" "$work/boot-net/serial.log" >"$work/report.txt"
case $(basename "$KERNEL") in
bzImage)
	grep -q 'load address (pref_address) *0x200000 ' "$work/report.txt" || {
		echo "FAIL: the kernel is not loaded at 2 MiB:"
		cat "$work/report.txt"
		exit 1
	}
	;;
esac
grep -E '^  (load address|memory from there)|Memory:' "$work/report.txt"
echo "the network test passed with -m 16M"
