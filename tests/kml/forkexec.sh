#!/bin/sh
# 1,000 fork/exec cycles of ring-0 processes: every one exits 0, MemFree
# comes back within 2% of where it was (after a warm-up round), and the
# kernel log has no oops, BUG or warning.
. "$(dirname "$0")/../lib.sh"
cat >"$work/script" <<'S'
timeout 120
expect init: userspace up at
timeout 300
send /trusted/kmltest forkexec 100 /trusted/kmltest
expect FORKEXEC 100 OK
send sync; before=$(awk '/MemFree/ { print $2 }' /proc/meminfo); echo "BEFORE=$before"
expect BEFORE=
send /trusted/kmltest forkexec 1000 /trusted/kmltest
expect FORKEXEC 1000 OK
send sync; after=$(awk '/MemFree/ { print $2 }' /proc/meminfo); d=$((after - before)); [ $d -lt 0 ] && d=$((-d)); echo "AFTER=$after DIFF=$d"; [ $((d * 100)) -le $((before * 2)) ] && echo "MEMFREE-WITHIN=2%"
expect MEMFREE-WITHIN=2%
send dmesg | grep -c -i -e oops -e 'BUG:' -e 'WARNING:' | sed 's/^/KERNEL-COMPLAINTS=/'
expect KERNEL-COMPLAINTS=0
S
boot "$work/script"
