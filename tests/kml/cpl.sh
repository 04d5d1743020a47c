#!/bin/sh
# Ring 0 for /trusted: kmltest reports its CPL from CS (0 from /trusted, 3
# from /usr/bin); the shell, a busybox applet, has the [kml] page of a
# ring-0 process; exec goes from ring 0 to ring 3 and back; a signal
# handler, threads, the heap, mmap and stack growth work in ring 0.
. "$(dirname "$0")/../lib.sh"
up_steps >"$work/script"
cat >>"$work/script" <<'S'
check /trusted/kmltest cpl
output CPL 0
check /usr/bin/kmltest cpl
output CPL 3
check [ "$(grep -c -F '[kml]' /proc/$$/maps)" = 1 ]
check [ "$(grep -c -F '[kml]' /proc/1/maps)" = 0 ]
check /trusted/kmltest exec /usr/bin/kmltest exec /trusted/kmltest cpl
output CPL 0
check /trusted/kmltest exec /usr/bin/kmltest cpl
output CPL 3
check /trusted/kmltest signal
output SIGNAL OK CPL 0
check /trusted/kmltest threads
output THREADS OK
check /trusted/kmltest memory
output MEMORY OK
check [ "$(dmesg | grep -c -i -e oops -e 'BUG:' -e 'WARNING:')" = 0 ]
S
boot "$work/script"
