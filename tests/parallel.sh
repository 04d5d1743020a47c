#!/bin/sh
# make -j is safe: "make -j4 check-boot" on a scratch output directory (a
# fresh build of the default images, both INITs, with their sub-makes)
# passes every boot test, as make check does, and its images are
# bit-identical to the build's own.  The kernel build is shared (the
# same configuration), busybox comes from the step cache.
# Environment: MAKE TOP TESTLOGS DEFAULT_OUT
set -eu
t=$TESTLOGS/parallel
rm -rf "$t"
mkdir -p "$t"
n=$(ls "$TOP"/tests/boot/*.sh | wc -l)
if ! MAKEFLAGS= $MAKE --no-print-directory -C "$TOP" -j4 OUT="$t/out" TESTLOGS="$t/logs" \
	check-boot >"$t/make.log" 2>&1; then
	echo "FAIL: make -j4 check-boot failed:"
	tail -n 30 "$t/make.log"
	echo "(log: $t/make.log)"
	exit 1
fi
grep -q "^check-boot: $n passed, 0 failed" "$t/make.log" ||
	{ echo "FAIL: make -j4 check-boot did not pass the $n boot tests:"; tail -n 20 "$t/make.log"; exit 1; }
for f in bzImage initramfs-tinyinit.cpio.xz initramfs-busybox.cpio.xz; do
	cmp "$DEFAULT_OUT/images/$f" "$t/out/images/$f" ||
		{ echo "FAIL: $f of make -j4 differs from the serial build's"; exit 1; }
done
rm -rf "$t/out"
echo "  PASS     make -j4 check-boot: $n boot tests passed, bzImage and both initramfs bit-identical"
echo "check-parallel: 1 passed, 0 failed"
