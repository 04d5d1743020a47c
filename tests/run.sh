#!/bin/sh
# run.sh SUITE TEST...: run each test script, print one line per test and
# a summary line "SUITE: N passed, N failed".  A failed test's output
# (the failing step, the serial log's tail and the log's path) is shown.
#
# Tests run TEST_JOBS at a time (default: one per CPU): each boots its
# own guest, with its own ports (tlexpect --free-port) and its own work
# directory and logs ($TESTLOGS/NAME).  A test that says "# exclusive:"
# in its header (it drives "make run", which boots the build's own
# images and writes to its disks) runs alone, after the others.  make is
# the job pool: one target per test, and a chain of report targets that
# prints each result in the order given, as soon as it and those before
# it are done.  No test waits for another's timing: the chain only orders
# the printing.
#
# run.sh IMAGES-DIR TEST...: the same for the images of a build, as a
# user runs one test by hand:
#   tests/run.sh build/server-arm64/images tests/net/ssh.sh
# IMAGES-DIR/test.env (mk/launcher.mk) says what the images are (a
# variable already in the environment wins: MEM=128M tests/run.sh ...);
# the accelerator is probed (ACCEL overrides), logs go to
# build/tests/PROFILE-ARCH (TESTLOGS overrides).
if [ -d "${1:-}" ]; then
	IMAGES=$(cd "$1" && pwd)
	[ -f "$IMAGES/test.env" ] || { echo "error: $1 has no test.env: build its images first (make images)" >&2; exit 1; }
	# Each line is NAME="VALUE"; a NAME the environment already has keeps
	# its value (MEM=128M tests/run.sh ..., or make's command line).
	while IFS= read -r line; do
		case $line in [A-Z]*=*) ;; *) continue ;; esac
		eval "[ -n \"\${${line%%=*}+set}\" ]" || eval "export $line"
	done <"$IMAGES/test.env"
	suite=${SUITE_NAME:-$PROFILE-$ARCH}
	: "${TESTLOGS:=$BUILD/tests/$PROFILE-$ARCH}"
	if [ -z "${ACCEL:-}" ]; then
		ACCEL=$(ACCEL_CACHE=$BUILD/accel "$IMAGES/run-qemu.sh" --probe) || exit 1
	fi
	export IMAGES TESTLOGS ACCEL
else
	suite=${1:?usage: run.sh SUITE|IMAGES-DIR TEST...}
fi
shift
for t; do
	[ -f "$t" ] || { echo "error: $t: no such test" >&2; exit 1; }
done
mkdir -p "$TESTLOGS"
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
mk=$TESTLOGS/.run.mk
status=$TESTLOGS/.status
rm -rf "$status"
mkdir -p "$status"

# The tests see the make flags of the make that called us, not the job
# pool's.
TL_MAKEFLAGS=${MAKEFLAGS-} TL_MAKELEVEL=${MAKELEVEL-}
export TL_MAKEFLAGS TL_MAKELEVEL

par= excl=
for t in "$@"; do
	if sed -n '1,20p' "$t" | grep -q '^# exclusive:'; then
		excl="$excl $t"
	else
		par="$par $status/$(basename "$t" .sh)"
	fi
done
{
	echo '.SUFFIXES:'
	prev= after=
	for t in "$@"; do
		n=$(basename "$t" .sh)
		case " $excl " in
		*" $t "*)
			# After every other test and every exclusive one before it.
			printf '%s:%s%s\n' "$status/$n" "$par" "$after"
			after="$after $status/$n"
			;;
		esac
		printf '%s:\n\t@$(RUN) %s %s\n' "$status/$n" "$n" "$t"
		printf 'report-%s:%s %s\n\t@$(REPORT) %s\n' "$n" "${prev:+ report-$prev}" "$status/$n" "$n"
		prev=$n
	done
	echo "all:${prev:+ report-$prev}"
} >"$mk"

# RUN NAME TEST: the test, its output in NAME.out, "STATUS SECONDS" in
# .status/NAME.  REPORT NAME: its line (and its output if it failed).
run='n=$$1; start=$$(date +%s); MAKEFLAGS="$$TL_MAKEFLAGS" MAKELEVEL="$$TL_MAKELEVEL" "$$2" >"$$TESTLOGS/$$n.out" 2>&1; st=$$?; echo "$$st $$(($$(date +%s) - start))" >"$$STATUS/$$n"'
report='read -r st secs <"$$STATUS/$$1"; if [ "$$st" != 0 ]; then r=FAIL; elif grep -q "^SKIP" "$$TESTLOGS/$$1.out"; then r=SKIP; else r=PASS; fi; printf "  %-8s %-20s (%ss)\n" $$r "$$1" "$$secs"; [ "$$r" != SKIP ] || grep "^SKIP" "$$TESTLOGS/$$1.out" | sed "s/^/           /"; [ "$$st" = 0 ] || sed "s/^/           /" "$$TESTLOGS/$$1.out"'
STATUS=$status env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -r -f "$mk" -j"$jobs" \
	RUN="sh -c '$run' run" REPORT="sh -c '$report' report" all

pass=0 fail=0 failed= skipped=
for t in "$@"; do
	n=$(basename "$t" .sh)
	st=1
	[ -f "$status/$n" ] && read -r st _ <"$status/$n"
	if [ "$st" = 0 ]; then
		pass=$((pass + 1))
		! grep -q '^SKIP' "$TESTLOGS/$n.out" || skipped="$skipped $n"
	else
		fail=$((fail + 1))
		failed="$failed $n"
	fi
done
[ -z "$failed" ] || echo "$suite: failed:$failed (logs in $TESTLOGS)"
echo "$suite: $pass passed, $fail failed${skipped:+ (of the passed, skipped:$skipped)}"
[ "$fail" = 0 ]
