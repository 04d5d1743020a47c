#!/bin/sh
# Run one build step quietly: logrun.sh LOG COMMAND [ARG...]
# The command's output goes to LOG (and to the terminal too when V=1).
# On failure: the last lines of LOG, its path, and a non-zero exit.
#
# A long step shows that it is alive, as ninja does: after 2 s, on a
# terminal, one status line is rewritten in place every second with the
# elapsed time and the objects compiled so far (the "  CC  " lines of
# kbuild-style logs: the kernel, busybox), out of the count expected.
# That count is known from the configuration: $PROGRESS_KEY names it (a
# kernel's is its object directory's, ARCH and the hash of its .config),
# and the count is the last successful run's of the same step and key
# (kept in LOG.objects), or else the line of $OBJECT_COUNTS with that
# key (configs/object-counts, "make update-counts"), so that a fresh
# machine's first kernel build shows "412/747 objects" too.  When the
# output is not a terminal (make check, CI), a plain line every 30 s.
log=$1
shift
mkdir -p "$(dirname "$log")"
key=${PROGRESS_KEY:-any}

# progress PARENT: the status line, until PARENT (this script) is gone
# or the step ends (the caller kills it).
progress() {
	parent=$1 t0=$(date +%s) last=0 want=
	if [ -s "$log.objects" ]; then
		read -r k c <"$log.objects"
		[ "$k" != "$key" ] || want=$c
	fi
	if [ -z "$want" ] && [ "$key" != any ] && [ -f "${OBJECT_COUNTS:-}" ]; then
		want=$(awk -v k="$key" '$1 == k { print $2 }' "$OBJECT_COUNTS")
	fi
	name=$(basename "$log" .log)
	while kill -0 "$parent" 2>/dev/null; do
		sleep 1
		s=$(($(date +%s) - t0))
		[ "$s" -ge 2 ] || continue
		n=$(grep -c '^  \(CC\|AS\|HOSTCC\)  ' "$log" 2>/dev/null)
		line=$(printf '  ...      %s: %d min %02d s' "$name" $((s / 60)) $((s % 60)))
		# A step that prints no "CC" lines (musl's make, configure)
		# shows its time alone.
		[ "${n:-0}" -gt 0 ] || [ -n "$want" ] && line="$line, ${n:-0}${want:+/$want} objects"
		if [ -t 1 ]; then
			printf '\r%s\033[K' "$line"
		elif [ $((s - last)) -ge 30 ]; then
			echo "$line"
			last=$s
		fi
	done
}

if [ "${V:-0}" = 1 ]; then
	echo "+ $*"
	{
		"$@" 2>&1
		echo $? >"$log.status"
	} | tee "$log"
	st=$(cat "$log.status")
	rm -f "$log.status"
else
	: >"$log"
	progress $$ &
	ticker=$!
	"$@" >"$log" 2>&1
	st=$?
	kill "$ticker" 2>/dev/null
	wait "$ticker" 2>/dev/null
	[ -t 1 ] && printf '\r\033[K'
	if [ "$st" = 0 ]; then
		n=$(grep -c '^  \(CC\|AS\|HOSTCC\)  ' "$log")
		[ "$n" -gt 0 ] && echo "$key $n" >"$log.objects"
	fi
fi
if [ "$st" != 0 ]; then
	echo "error: step failed (exit $st): $*" >&2
	echo "---- last lines of $log ----" >&2
	tail -n 25 "$log" >&2
	echo "---- full log: $log" >&2
	exit 1
fi
