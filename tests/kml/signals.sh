#!/bin/sh
# Signals and preemption in ring 0: Ctrl-C stops a ring-0 "yes" (busybox,
# from /trusted) once it has written 20,000 lines; a ring-0 busy loop in the background does not stop the
# shell from answering, and kill ends it.  A read blocked in the fast
# entry, interrupted by a signal whose handler has SA_RESTART, runs again
# (the kernel's 2-byte step back lands on the [kml] page's restart jump).
. "$(dirname "$0")/../lib.sh"
up_steps >"$work/script"
cat >>"$work/script" <<'S'
send yes | sed -n '20000{s/^/YES-RUNNING-/p}'
expect YES-RUNNING-y
sendraw \x03
check echo the shell is back
check /trusted/kmltest spin & echo "spin: $!"
check i=0; while [ $i -lt 20 ]; do i=$((i+1)); done; [ $i = 20 ]
check [ "$(grep -c -F '[kml]' /proc/$!/maps)" = 1 ]
check kill $!; wait $!; [ $? = 143 ]
check /trusted/kmltest restart
output RESTART OK CPL 0
S
boot "$work/script"
