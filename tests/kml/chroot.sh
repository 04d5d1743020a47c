#!/bin/sh
# CONFIG_KML_CHECK_CHROOT: /trusted counts from the real root only.  The
# same kmltest copied to a chroot's /trusted runs in ring 3 there, while
# /trusted/kmltest of the real root still runs in ring 0.
. "$(dirname "$0")/../lib.sh"
up_steps >"$work/script"
cat >>"$work/script" <<'S'
check mkdir -p /tmp/jail/trusted && cp /trusted/kmltest /tmp/jail/trusted/
check chroot /tmp/jail /trusted/kmltest cpl
output CPL 3
check /trusted/kmltest cpl
output CPL 0
S
boot "$work/script"
