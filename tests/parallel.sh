#!/bin/sh
# make -j is safe, in a scratch output directory:
#   - "make -j4 images" (one make, whose own graph runs in parallel: the
#     kernel, busybox, init, the root filesystem, the launcher) gives
#     the same bzImage and initramfs as the build's serial make;
#   - "make -j4 check-boot" (sub-makes for the other INIT, which share the
#     build directory: the Makefile's .NOTPARALLEL keeps them apart)
#     passes every boot test, as make check does, and its busybox-init
#     initramfs is the build's too.
# The kernel build is shared (the same configuration), busybox comes
# from the step cache.
# Environment: MAKE TOP TESTLOGS DEFAULT_OUT
set -eu
t=$TESTLOGS/parallel
rm -rf "$t"
mkdir -p "$t"
n=$(ls "$TOP"/tests/boot/*.sh | wc -l)
if ! MAKEFLAGS= $MAKE --no-print-directory -C "$TOP" -j4 OUT="$t/out" images >"$t/images.log" 2>&1; then
	echo "FAIL: make -j4 images failed:"
	tail -n 30 "$t/images.log"
	echo "(log: $t/images.log)"
	exit 1
fi
for f in bzImage initramfs-tinyinit.cpio.xz; do
	cmp "$DEFAULT_OUT/images/$f" "$t/out/images/$f" ||
		{ echo "FAIL: $f of make -j4 images differs from the serial build's"; exit 1; }
done
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
echo "  PASS     make -j4 images, then make -j4 check-boot: $n boot tests passed, bzImage and both initramfs bit-identical"
echo "check-parallel: 1 passed, 0 failed"
