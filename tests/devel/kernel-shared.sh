#!/bin/sh
# One kernel build per configuration (scripts/kbuild.sh): the pc profile's
# final .config is the devel profile's, so "make PROFILE=pc linux" (here
# into a scratch directory) finds the devel kernel built, links to its
# object directory instead of building it again, and gives the same
# bzImage.
. "$(dirname "$0")/../lib.sh"
fail() {
	echo "FAIL: $*"
	exit 1
}
$MAKE --no-print-directory -C "$TOP" PROFILE=pc OUT="$work/pc" linux >"$work/make.log" 2>&1 ||
	{ cat "$work/make.log"; fail "make PROFILE=pc linux failed"; }
cat "$work/make.log"
devel=$(readlink -f "$OUT/linux")
pc=$(readlink -f "$work/pc/linux")
[ "$pc" = "$devel" ] || fail "pc's kernel is in $pc, devel's in $devel"
grep -q "LINUX *pc: reusing" "$work/make.log" || fail "the pc kernel was built again"
cmp "$work/pc/images/bzImage" "$OUT/images/bzImage" || fail "the two bzImages differ"
echo "pc and devel: one kernel build, in ${devel#"$TOP"/}"
