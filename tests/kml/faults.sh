#!/bin/sh
# A bad pointer and a stack overflow in ring 0 each kill only their own
# process (SIGSEGV, status 139): no oops, and the system goes on.  The
# overflow is the "stack starvation" case: interrupts and the page fault
# arrive on the KML IST stack, not on the exhausted user stack.
. "$(dirname "$0")/../lib.sh"
cat >"$work/script" <<'S'
timeout 120
expect init: userspace up at
timeout 60
send /trusted/kmltest segv; echo "SEGV-STATUS=$?"
expect SEGV-STATUS=139
send /trusted/kmltest stack; echo "STACK-STATUS=$?"
expect STACK-STATUS=139
send /trusted/kmltest cpl
expect CPL 0
send dmesg | grep -c -i -e oops -e 'BUG:' -e 'WARNING:' -e 'double fault' | sed 's/^/KERNEL-COMPLAINTS=/'
expect KERNEL-COMPLAINTS=0
S
boot "$work/script"
