#!/bin/sh
# CONFIG_KML_CHECK_CHROOT: /trusted counts from the real root only.  The
# same kmltest copied to a chroot's /trusted runs in ring 3 there, while
# /trusted/kmltest of the real root still runs in ring 0.
. "$(dirname "$0")/../lib.sh"
cat >"$work/script" <<'S'
timeout 120
expect init: userspace up at
timeout 60
send mkdir -p /tmp/jail/trusted && cp /trusted/kmltest /tmp/jail/trusted/ && echo "JAIL-READY=$((1+1))"
expect JAIL-READY=2
send chroot /tmp/jail /trusted/kmltest cpl | sed 's/^/IN-JAIL-/'
expect IN-JAIL-CPL 3
send /trusted/kmltest cpl | sed 's/^/REAL-ROOT-/'
expect REAL-ROOT-CPL 0
S
boot "$work/script"
