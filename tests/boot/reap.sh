#!/bin/sh
# Orphans are reaped: ten processes lose their parent, are adopted by
# PID 1, exit, and no zombie is left.
. "$(dirname "$0")/../lib.sh"
cat >"$work/script" <<'S'
timeout 120
expect init: userspace up at
timeout 60
send for i in 1 2 3 4 5 6 7 8 9 10; do sh -c 'sleep 1 & exit 0'; done; echo "ORPHANS=$(pidof sleep | wc -w)"
expect ORPHANS=10
send n=0; while [ $n -lt 100 ]; do z=$(grep -l '^State:.*zombie' /proc/[0-9]*/status 2>/dev/null | wc -l); s=$(pidof sleep | wc -w); [ $z = 0 ] && [ $s = 0 ] && break; n=$((n+1)); usleep 100000; done; echo "LEFT=$s ZOMBIES=$z"
expect LEFT=0 ZOMBIES=0
S
boot "$work/script" -netdev user,id=n0,restrict=on -device virtio-net-pci,netdev=n0
