#!/bin/sh
# run.sh SUITE TEST...: run each test script, print one line per test and
# a summary line "SUITE: N passed, N failed".  A failed test's output
# (the failing step, the serial log's tail and the log's path) is shown.
suite=$1
shift
pass=0 fail=0 failed=
mkdir -p "$TESTLOGS"
for t in "$@"; do
	n=$(basename "$t" .sh)
	start=$(date +%s)
	if "$t" >"$TESTLOGS/$n.out" 2>&1; then
		pass=$((pass + 1))
		printf '  PASS     %-20s (%ss)\n' "$n" $(($(date +%s) - start))
	else
		fail=$((fail + 1))
		failed="$failed $n"
		printf '  FAIL     %-20s (%ss)\n' "$n" $(($(date +%s) - start))
		sed 's/^/           /' "$TESTLOGS/$n.out"
	fi
done
[ -z "$failed" ] || echo "$suite: failed:$failed (logs in $TESTLOGS)"
echo "$suite: $pass passed, $fail failed"
[ "$fail" = 0 ]
