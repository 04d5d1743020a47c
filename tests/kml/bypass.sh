#!/bin/sh
# Containment on the fast entry's bypass (docs/kml.md, "The bypass"): a
# ring-0 process spinning in getppid through the fast entry stops on
# Ctrl-C and on kill, and the shell keeps answering beside it
# (preemption); a tracer attached with PTRACE_SYSCALL sees every one of
# its system calls; a seccomp filter it installs is enforced on its calls,
# with the errno or the death the filter says.
. "$(dirname "$0")/../lib.sh"
up_steps >"$work/script"
cat >>"$work/script" <<'S'
send /trusted/kmltest calls
expect CALLS 10000 CPL 0
sendraw \x03
check echo the shell is back
check /trusted/kmltest calls >/dev/null & echo "calls: $!"
check i=0; while [ $i -lt 20 ]; do i=$((i+1)); done; [ $i = 20 ]
check [ "$(grep -c -F '[kml]' /proc/$!/maps)" = 1 ]
check /usr/bin/kmltest trace $! 200
output TRACE 200 stops, 100 entries, 100 getppid
check kill $!; wait $!; [ $? = 143 ]
check /trusted/kmltest seccomp errno
output SECCOMP ERRNO OK CPL 0
check /trusted/kmltest seccomp kill; [ $? = 159 ]
check [ "$(dmesg | grep -c -i -e oops -e 'BUG:' -e 'WARNING:')" = 0 ]
S
boot "$work/script"
