#!/bin/sh
# tests/run.sh itself, on stand-in tests (no guests): two tests run at
# once (each waits, bounded, for the other's mark: run one after the
# other, both would time out), an exclusive test runs alone, the results
# come in the order given though the last test ends first, a failed
# test's output is shown, and the summary counts.
# Environment: TOP TESTLOGS
set -eu
t=$TESTLOGS/runner
rm -rf "$t"
mkdir -p "$t/tests"
# wait_for FILE: up to 10 s, in steps of 0.05 s.
cat >"$t/lib" <<'L'
wait_for() {
	i=0
	until [ -e "$1" ]; do
		i=$((i + 1))
		[ $i -lt 200 ] || { echo "timed out waiting for $1"; exit 1; }
		sleep 0.05
	done
}
L
mk() {
	printf '#!/bin/sh\n%s\n. %s/lib\ntouch %s/running-%s\ntrap "rm %s/running-%s" EXIT\n%s\n' \
		"$2" "$t" "$t" "$1" "$t" "$1" "$3" >"$t/tests/$1.sh"
	chmod +x "$t/tests/$1.sh"
}
mk a '' "touch $t/a; wait_for $t/b; echo a saw b"
mk b '' "touch $t/b; wait_for $t/a; echo b saw a"
mk c '# exclusive: the stand-in for make run' \
	"n=\$(ls $t | grep -c running-); [ \"\$n\" = 1 ] || { echo \"\$n tests running beside c\"; exit 1; }; echo c alone"
mk d '' "echo d fails; exit 3"
mk e '' 'true'
out=$t/out
if TEST_JOBS=2 TESTLOGS=$t/logs "$TOP/tests/run.sh" demo \
	"$t/tests/a.sh" "$t/tests/b.sh" "$t/tests/c.sh" "$t/tests/d.sh" "$t/tests/e.sh" >"$out" 2>&1; then
	echo "FAIL: run.sh passed a failing suite"
	cat "$out"
	exit 1
fi
fail() {
	echo "FAIL: $*"
	sed 's/^/    /' "$out"
	exit 1
}
got=$(sed -n 's/^  \(PASS\|FAIL\) *\([a-z]\) .*/\1 \2/p' "$out" | tr '\n' ' ')
[ "$got" = "PASS a PASS b PASS c FAIL d PASS e " ] || fail "results out of order or wrong: $got"
grep -q '^           d fails$' "$out" || fail "the failed test's output is not shown"
grep -q '^demo: 4 passed, 1 failed$' "$out" || fail "no summary line"
echo "  PASS     tests/run.sh: 2 tests at once, the exclusive one alone, results in order, a failure's output shown"
