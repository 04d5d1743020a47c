#!/bin/sh
# Orphans are reaped: ten processes lose their parent, are adopted by
# PID 1, exit, and no zombie is left.
. "$(dirname "$0")/../lib.sh"
up_steps >"$work/script"
cat >>"$work/script" <<'S'
check for i in 1 2 3 4 5 6 7 8 9 10; do sh -c 'sleep 1 & exit 0'; done; [ "$(pidof sleep | wc -w)" = 10 ]
check n=0; while [ $n -lt 100 ]; do z=$(grep -l '^State:.*zombie' /proc/[0-9]*/status 2>/dev/null | wc -l); s=$(pidof sleep | wc -w); [ $z = 0 ] && [ $s = 0 ] && break; n=$((n+1)); usleep 100000; done; echo "left: $s sleeping, $z zombies"; [ $z = 0 ] && [ $s = 0 ]
S
boot "$work/script" --netdev restrict=on
