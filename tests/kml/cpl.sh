#!/bin/sh
# Ring 0 for /trusted: kmltest reports its CPL from CS (0 from /trusted, 3
# from /usr/bin); the shell, a busybox applet, has the [kml] page of a
# ring-0 process; exec goes from ring 0 to ring 3 and back; a signal
# handler, threads, the heap, mmap and stack growth work in ring 0.
. "$(dirname "$0")/../lib.sh"
cat >"$work/script" <<'S'
timeout 120
expect init: userspace up at
timeout 60
send /trusted/kmltest cpl
expect CPL 0
send /usr/bin/kmltest cpl
expect CPL 3
send grep -c -F '[kml]' /proc/$$/maps | sed 's/^/SHELL-KML-PAGES=/'
expect SHELL-KML-PAGES=1
send grep -c -F '[kml]' /proc/1/maps | sed 's/^/INIT-KML-PAGES=/'
expect INIT-KML-PAGES=0
send /trusted/kmltest exec /usr/bin/kmltest exec /trusted/kmltest cpl
expect CPL 0
send /trusted/kmltest exec /usr/bin/kmltest cpl
expect CPL 3
send /trusted/kmltest signal
expect SIGNAL OK CPL 0
send /trusted/kmltest threads
expect THREADS OK
send /trusted/kmltest memory
expect MEMORY OK
send dmesg | grep -c -i -e oops -e 'BUG:' -e 'WARNING:' | sed 's/^/KERNEL-COMPLAINTS=/'
expect KERNEL-COMPLAINTS=0
S
boot "$work/script"
