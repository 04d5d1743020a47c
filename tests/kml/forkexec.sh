#!/bin/sh
# 1,000 fork/exec cycles of ring-0 processes: every one exits 0, MemFree
# comes back within 2% of where it was (after a warm-up round), and the
# kernel log has no oops, BUG or warning.
. "$(dirname "$0")/../lib.sh"
up_steps 120 300 >"$work/script"
cat >>"$work/script" <<'S'
check /trusted/kmltest forkexec 100 /trusted/kmltest
output FORKEXEC 100 OK
check sync; before=$(awk '/MemFree/ { print $2 }' /proc/meminfo); [ -n "$before" ]
check /trusted/kmltest forkexec 1000 /trusted/kmltest
output FORKEXEC 1000 OK
check sync; after=$(awk '/MemFree/ { print $2 }' /proc/meminfo); d=$((after - before)); [ $d -lt 0 ] && d=$((-d)); echo "MemFree $before -> $after kB"; [ $((d * 100)) -le $((before * 2)) ]
check [ "$(dmesg | grep -c -i -e oops -e 'BUG:' -e 'WARNING:')" = 0 ]
S
boot "$work/script"
