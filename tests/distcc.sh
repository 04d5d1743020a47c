#!/bin/sh
# Distributed builds (make check-distcc, docs/distcc.md): Debian's distccd
# on 127.0.0.1 (a free port, its own log), and busybox built through it
# with DISTCC_HOSTS in a scratch output directory, without the step cache
# (ccache is not used under distcc).  distccd's log must show compiles it
# ran, and the binary must be bit-identical to the local build's
# (DEFAULT_OUT's busybox).
set -u
t=$TESTLOGS/distcc
rm -rf "$t"
mkdir -p "$t/state"
fail() {
	echo "  FAIL     $*"
	[ ! -f "$t/make.log" ] || tail -n 15 "$t/make.log" | sed 's/^/           /'
	echo "           logs: $t"
	exit 1
}
command -v distccd >/dev/null || fail "distccd not found: install Debian's distcc (make deps)"
port=$("$TLEXPECT" --free-port)
# distccd runs only the compilers it is told to: Debian's musl-gcc here
# (DISTCC_CMDLIST replaces its /usr/lib/distcc whitelist).
command -v musl-gcc >"$t/cmdlist"
DISTCC_CMDLIST=$t/cmdlist DISTCC_CMDLIST_NUMWORDS=1 distccd --daemon --no-detach --listen 127.0.0.1 --allow 127.0.0.1 --port "$port" \
	--log-stderr --log-level info --jobs 2 2>"$t/distccd.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
# Bounded wait for its socket (busybox nc, the build's own).
i=0
until "$BUSYBOX" nc -z 127.0.0.1 "$port" 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "distccd did not start on 127.0.0.1:$port: $(tail -n 3 "$t/distccd.log")"
	"$BUSYBOX" usleep 50000
done
# DISTCC_DIR: distcc's own state (its back-off list) for this run only;
# DISTCC_FALLBACK=0: a compile distccd refuses fails the build instead
# of quietly running here.
DISTCC_DIR=$t/state DISTCC_FALLBACK=0 $MAKE --no-print-directory -C "$TOP" OUT="$t/out" \
	STEP_CACHE= DISTCC_HOSTS="127.0.0.1:$port/2" busybox >"$t/make.log" 2>&1 ||
	fail "make busybox with DISTCC_HOSTS=127.0.0.1:$port/2 failed"
n=$(grep -c 'COMPILE_OK' "$t/distccd.log")
[ "$n" -gt 100 ] || fail "distccd's log shows $n compiles (expected busybox's hundreds): $t/distccd.log"
cmp "$t/out/busybox/busybox" "$DEFAULT_OUT/busybox/busybox" ||
	fail "busybox built through distcc differs from the local build's"
echo "  PASS     busybox through distccd on 127.0.0.1:$port: $n compiles there (its log), bit-identical to the local build ($(sha256sum <"$t/out/busybox/busybox" | cut -c1-16)...)"
rm -rf "$t/out"
