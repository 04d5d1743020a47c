#!/bin/sh
# A bad pointer and a stack overflow in ring 0 each kill only their own
# process (SIGSEGV, status 139): no oops, and the system goes on.  The
# overflow is the "stack starvation" case: interrupts and the page fault
# arrive on the KML IST stack, not on the exhausted user stack.
. "$(dirname "$0")/../lib.sh"
up_steps >"$work/script"
cat >>"$work/script" <<'S'
check /trusted/kmltest segv; [ $? = 139 ]
check /trusted/kmltest stack; [ $? = 139 ]
check /trusted/kmltest cpl
output CPL 0
check [ "$(dmesg | grep -c -i -e oops -e 'BUG:' -e 'WARNING:' -e 'double fault')" = 0 ]
S
boot "$work/script"
