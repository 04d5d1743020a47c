#!/bin/sh
# check.sh SUITE...: "make check".  Runs "make check-SUITE" for each
# suite in turn: each builds what it needs first (kernels are built once
# per configuration, scripts/kbuild.sh), then boots its guests, several
# at once (tests/run.sh).  A failed suite does not stop the others.  The
# end is a summary: each suite's result and time, each kernel built in
# (or copied from the kernel cache) in this run and its time, ccache's
# hits and misses in this run, the total, the drift from sources.lock
# and one line "check: N passed, N failed" (the tests of every suite; a
# suite without a test count counts as one).
# Environment: MAKE TOP BUILD TESTLOGS
set -u
logs=$TESTLOGS/check
mkdir -p "$logs"
: >"$logs/summary"
builds=$BUILD/logs/kernel-builds.txt
t0=$(date +%s)

ccache_counts() {
	ccache --print-stats 2>/dev/null | awk '
		$1 == "direct_cache_hit" || $1 == "preprocessed_cache_hit" { h += $2 }
		$1 == "cache_miss" { m += $2 }
		END { print h + 0, m + 0 }'
}
cc0=$(ccache_counts)

pass=0 fail=0 failed=
for s in "$@"; do
	start=$(date +%s)
	{
		$MAKE --no-print-directory -C "$TOP" "check-$s" 2>&1
		echo $? >"$logs/$s.status"
	} | tee "$logs/$s.log"
	st=$(cat "$logs/$s.status")
	secs=$(($(date +%s) - start))
	# The suite's own counts: tests/run.sh's and errors.sh's summaries.
	read -r p f n <<EOF
$(sed -n 's/^[^ ].*: \([0-9]*\) passed, \([0-9]*\) failed.*$/\1 \2/p' "$logs/$s.log" |
		awk '{ p += $1; f += $2 } END { print p + 0, f + 0, NR }')
EOF
	if [ "$n" = 0 ]; then
		if [ "$st" = 0 ]; then p=1; else f=1; fi
	elif [ "$st" != 0 ] && [ "$f" = 0 ]; then
		f=1 # it failed outside its tests (a build)
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$st" = 0 ]; then r=pass; else r=FAIL failed="$failed $s"; fi
	printf '  %-12s %-5s %5d s  %3d passed, %d failed\n' "$s" "$r" "$secs" "$p" "$f" >>"$logs/summary"
done

total=$(($(date +%s) - t0))
echo
accel=$(ACCEL_CACHE=$BUILD/accel "$BUILD/default/images/run-qemu.sh" --accel "${ACCEL:-auto}" --probe 2>/dev/null)
echo "  SUMMARY  make check, $(date -u +%Y-%m-%d), $(nproc) CPUs, QEMU accelerator ${accel:-tcg} (logs in ${logs#"$TOP/"})"
cat "$logs/summary"
if [ -f "$builds" ]; then
	awk -v t0="$t0" '$1 >= t0 { l = $0; for (i = 1; i <= 4; i++) sub(/^[^ ]* /, "", l)
		printf "  kernel       %-6s %4d s  %s (%s)\n", $3, $2, $4, l }' "$builds"
fi
set -- $cc0 $(ccache_counts)
[ $# != 4 ] || echo "  ccache       $(($3 - $1)) hits, $(($4 - $2)) misses in this run ($(ccache -k cache_dir 2>/dev/null), max_size $(ccache -k max_size 2>/dev/null))"
# The small steps (scripts/stepcache.sh): how many came from the cache.
steps=$(cat "$logs"/*.log 2>/dev/null | grep -E '^  (KCONFIG|HEADERS|BBCONFIG|BUSYBOX|MUSL|DROPBEAR) ' | grep -v ' \.\.\. ')
echo "  step cache   $(echo "$steps" | grep -c '(step cache)$') of $(echo "$steps" | grep -c .) steps taken from it (configurations, headers, musl, busybox, dropbear)"
printf '  total        %d s (%d min %d s)\n' "$total" $((total / 60)) $((total % 60))
# Drift from sources.lock does not fail the run (a new user's make check
# must pass after Debian's next point release): it is reported, for a
# maintainer to re-verify and run make update-lock.
"$TOP/scripts/sources.sh" drift "$BUILD/dl"
[ -z "$failed" ] || echo "check: failed suites:$failed"
echo "check: $pass passed, $fail failed"
[ "$fail" = 0 ] && [ -z "$failed" ]
