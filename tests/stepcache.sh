#!/bin/sh
# scripts/stepcache.sh: a miss, then a store; a hit gives the same files
# (a directory too) with a fresh mtime, so make sees them as new; another
# key misses; STEP_CACHE empty turns it off; the oldest entries go beyond
# STEP_CACHE_KEEP; a half-stored entry is never taken.
# Environment: TOP TESTLOGS
set -eu
t=$TESTLOGS/stepcache
rm -rf "$t"
mkdir -p "$t/a/inc/linux" "$t/b"
cd "$t"
fail() {
	echo "FAIL: $*"
	exit 1
}
sc() { STEP_CACHE=$t/cache STEP_CACHE_KEEP=2 "$TOP/scripts/stepcache.sh" "$@"; }
echo binary >a/busybox
echo header >a/inc/linux/x.h
touch -d @1000000000 a/busybox
! sc get busybox k1 b busybox inc || fail "an empty cache gave a hit"
sc put busybox k1 a busybox inc
sc get busybox k1 b busybox inc || fail "a stored entry missed"
cmp a/busybox b/busybox && cmp a/inc/linux/x.h b/inc/linux/x.h || fail "the copy differs"
[ "$(stat -c %Y b/busybox)" -gt 1000000000 ] || fail "the copy kept the stored mtime"
! sc get busybox k2 b busybox || fail "another key gave a hit"
! STEP_CACHE= "$TOP/scripts/stepcache.sh" get busybox k1 b busybox || fail "STEP_CACHE= still hit"
STEP_CACHE= "$TOP/scripts/stepcache.sh" put busybox k3 a busybox
[ ! -e cache/busybox-k3 ] || fail "STEP_CACHE= stored"
mkdir -p cache/.busybox-k4.123 && echo x >cache/.busybox-k4.123/busybox
mkdir -p cache/busybox-k5 && echo x >cache/busybox-k5/busybox
! sc get busybox k5 b busybox || fail "an entry without .complete was taken"
rm -rf cache/busybox-k5 cache/.busybox-k4.123
sc put busybox k2 a busybox
touch -d @1500000000 cache/busybox-k1 # the oldest, by its mtime
sc put busybox k6 a busybox
[ "$(ls cache | tr '\n' ' ')" = "busybox-k2 busybox-k6 " ] || fail "KEEP=2 left: $(ls cache | tr '\n' ' ')"
sc get busybox k1 b busybox 2>/dev/null && fail "the oldest entry was not dropped"
# STEP_RELOCATE=y: a prefix that names itself, moved.
mkdir -p p1/lib
echo "-L $t/p1/lib" >p1/lib/specs
STEP_RELOCATE=y sc put musl k7 "$t/p1" lib
grep -q @STEP_DIR@ cache/musl-k7/lib/specs || fail "the stored prefix names its old place"
STEP_RELOCATE=y sc get musl k7 "$t/p2" lib
[ "$(cat p2/lib/specs)" = "-L $t/p2/lib" ] || fail "relocated: $(cat p2/lib/specs)"
echo "  PASS     step cache: miss, store, hit with fresh mtimes, off when empty, whole entries only, KEEP=2, relocation"
