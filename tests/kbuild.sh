#!/bin/sh
# scripts/kbuild.sh with a stand-in for kbuild (no kernel is compiled):
# one build per configuration, shared by two profiles of one build
# directory; the lock held while it builds, and two builds of the same
# configuration started together giving one build; another configuration
# built apart; the kernel cache giving a second build directory a copy
# instead of a build; its oldest entries dropped beyond KEEP; a private
# directory (make shrink) neither shared nor cached.
# Environment: TOP TESTLOGS
set -eu
t=$TESTLOGS/kbuild
rm -rf "$t"
mkdir -p "$t"
cd "$t"
fail() {
	echo "FAIL: $*"
	exit 1
}
# The stand-in: checks that the directory's lock is held, counts builds.
cat >fakemake <<'F'
#!/bin/sh
for a; do case $a in O=*) o=${a#O=} ;; esac; done
if flock -n "$o.lock" true; then echo "the lock is not held"; exit 1; fi
echo "$o" >>"$(dirname "$0")/builds"
echo image >"$o/bzImage"
F
chmod +x fakemake
echo CONFIG_A=y >config
# kb BUILD-DIR PROFILE [DIR] (TOP=$t only shortens the paths it prints)
kb() {
	mkdir -p "$t/$1/$2"
	KEY=k ARCH=x86_64 TOP="$t" SRCTREE="$t/src" TIMES="$t/times" CACHE="$t/cache" KEEP=2 \
		"$TOP/scripts/kbuild.sh" config "$t/$1/kernels" "${3:-}" "$t/$1/$2/linux" "$2" \
		"$t/$1/log" -- "$t/fakemake" bzImage
}
builds() { [ -f builds ] && wc -l <builds || echo 0; }

kb b1 pc >out1
kb b1 devel >out2
[ "$(builds)" = 1 ] || fail "pc and devel built $(builds) times"
grep -q 'devel: reusing b1/kernels/x86_64-' out2 || fail "devel did not say it reuses pc's: $(cat out2)"
[ "$(readlink -f b1/pc/linux)" = "$(readlink -f b1/devel/linux)" ] || fail "pc and devel link to different kernels"
[ "$(readlink b1/pc/linux | cut -c1-18)" = ../kernels/x86_64- ] || fail "the link is not relative: $(readlink b1/pc/linux)"

# Together: one waits for the other's build, then reuses it.
echo CONFIG_B=y >>config
kb b1 p1 >out3 &
kb b1 p2 >out4
wait $!
[ "$(builds)" = 2 ] || fail "two makes of one configuration built it $(($(builds) - 1)) times"
cat out3 out4 | grep -q reusing || fail "neither reused the other's build"

# Another build directory: a copy from the cache, no build.
kb b2 pc >out5
[ "$(builds)" = 2 ] || fail "the kernel cache was not used"
grep -q 'copying x86_64-.* from the kernel cache' out5 || fail "no copy from the cache: $(cat out5)"
[ "$(cat b2/pc/linux/bzImage)" = image ] || fail "the copy has no image"
grep -q ' copied b2/kernels/' times || fail "the copy is not in the times"

# KEEP=2: a third configuration drops the oldest.
echo CONFIG_C=y >>config
kb b1 pc >/dev/null
[ "$(ls cache | wc -l)" = 2 ] || fail "the cache holds $(ls cache | wc -l) kernels, not 2"

# A private directory: built there, not cached, not shared.
kb b1 shrink "$t/private" >out6
[ -f private/bzImage ] && [ "$(ls cache | wc -l)" = 2 ] || fail "the private build went wrong"
echo "  PASS     kernel builds: one per configuration, locked, shared, cached across build directories (KEEP=2)"
