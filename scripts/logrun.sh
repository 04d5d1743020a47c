#!/bin/sh
# Run one build step quietly: logrun.sh LOG COMMAND [ARG...]
# The command's output goes to LOG (and to the terminal too when V=1).
# On failure: the last lines of LOG, its path, and a non-zero exit.
log=$1
shift
mkdir -p "$(dirname "$log")"
if [ "${V:-0}" = 1 ]; then
	echo "+ $*"
	{
		"$@" 2>&1
		echo $? >"$log.status"
	} | tee "$log"
	st=$(cat "$log.status")
	rm -f "$log.status"
else
	"$@" >"$log" 2>&1
	st=$?
fi
if [ "$st" != 0 ]; then
	echo "error: step failed (exit $st): $*" >&2
	echo "---- last lines of $log ----" >&2
	tail -n 25 "$log" >&2
	echo "---- full log: $log" >&2
	exit 1
fi
