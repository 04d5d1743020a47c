#!/bin/sh
# The desktop profile's disk, booted headless (no display, QMP on a
# socket): it comes up into Xfce as the user "tiny" with nobody at the
# keyboard, and the desktop is usable through QEMU's own input:
#   1. the X server, the window manager, the panel and the desktop run
#      (ps through the serial console's root shell);
#   2. QEMU's screendump shows a desktop, not a text console, and the
#      panel's strip at the top of the screen is not blank
#      (scripts/desktop-shot.sh counts its colours);
#   3. Ctrl-Alt-T sent with QMP opens a terminal, and a command typed
#      into it writes a file that the serial shell then reads;
#   4. the pointer, QEMU's USB tablet: a click on the terminal launcher
#      of Xfce's dock (bottom centre, 73 pixels left of the middle)
#      opens a second terminal window, whose shell then runs;
#   5. "poweroff" typed into a terminal ends QEMU with status 0.
# One boot for all five: Xfce takes minutes to start under TCG.
. "$(dirname "$0")/../lib.sh"
sock=$work/qmp.sock
qmp="$TOP/scripts/qmp.sh $sock"
cp "$DISK" "$work/disk.img"
up_steps 300 60 >"$work/script"
cat >>"$work/script" <<S
# 1. Xorg (root, through Debian's setuid wrapper), xfwm4, the panel and
# xfdesktop (the user's); waited for in the guest, at most 15 minutes.
timeout 960
check i=0; until pidof Xorg && pidof xfwm4 && pidof xfce4-panel && pidof xfdesktop; do i=\$((i + 1)); [ \$i -lt 900 ] || break; sleep 1; done >/dev/null; ps -eo user,args | grep -E '[X]org|[x]fwm4|[x]fce4-panel|[x]fdesktop'
output Xorg
output xfwm4
output xfce4-panel
output xfdesktop
check [ "\$(stat -c %U /proc/\$(pidof xfce4-panel)/)" = tiny ] && [ "\$(stat -c %U /proc/\$(pidof Xorg)/)" = root ]
# 2. The screen shows it (colours counted on QEMU's screendump).
timeout 300
run $TOP/scripts/desktop-shot.sh $sock $work/desktop.ppm 240
# 3. Ctrl-Alt-T: a terminal (xfsettingsd's shortcut: exo-open, then
# x-terminal-emulator); once its shell runs, type into it.
timeout 60
run $qmp keys ctrl-alt-t
timeout 300
check i=0; until t=\$(pidof xfce4-terminal) && pgrep -P "\$t" sh >/dev/null; do i=\$((i + 1)); [ \$i -lt 280 ] || exit 1; sleep 1; done
run $qmp type 'echo typed in xfce by \$(id -un) >/tmp/from-desktop\n'
timeout 120
check i=0; until [ -s /tmp/from-desktop ]; do i=\$((i + 1)); [ \$i -lt 100 ] || exit 1; sleep 1; done; cat /tmp/from-desktop
output typed in xfce by tiny
# 4. A click where the dock's terminal launcher is (QMP's absolute
# pointer events, scaled to the screen's size): a second shell under
# xfce4-terminal (one process serves all its windows).
run set -- \$(pamfile -size $work/desktop.ppm) && $qmp click \$((\$1 / 2 - 73)) \$((\$2 - 25)) \$1 \$2
timeout 300
check i=0; until [ "\$(pgrep -P "\$(pidof xfce4-terminal)" sh | wc -l)" -ge 2 ]; do i=\$((i + 1)); [ \$i -lt 280 ] || exit 1; sleep 1; done
run $TOP/scripts/desktop-shot.sh $sock $work/terminal.ppm
# 5. poweroff from the newest terminal (it has the focus): the user is
# in the group wheel, which may ask init through /run/initctl.
run $qmp type 'echo poweroff >/run/initctl\n'
expect init: poweroff: done
exit 0
S
boot_disk "$work/script" "$work/disk.img" --qmp "$sock"
echo "Xfce came up as tiny; $(grep -o 'screen [0-9]*x[0-9]*, [0-9]* colours; panel strip [^;]*colours' "$work/serial.log" | head -1); a terminal opened with Ctrl-Alt-T wrote /tmp/from-desktop; a click on the dock opened another; poweroff from it ended QEMU with 0"
