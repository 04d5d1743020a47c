#!/bin/sh
# "make run", the README's first command, as a user runs it: it boots to
# a shell, forwards the printed 127.0.0.1 port to the guest's port 80, and
# "poweroff" ends it with status 0.  RESTRICT=on: the guest reaches
# nothing but the forwarded port.
# exclusive: "make run" is the user's command; it runs alone, as a user
# runs it (tests/run.sh).
. "$(dirname "$0")/../lib.sh"
hport=$($TLEXPECT --free-port)
cat >"$work/script" <<S
timeout 180
expect 127.0.0.1:$hport -> guest port 80
expect init: userspace up at
timeout 60
check mkdir -p /tmp/www && echo run-42 > /tmp/www/index.html && httpd -p 80 -h /tmp/www
run $BUSYBOX wget -q -O - http://127.0.0.1:$hport/ | grep -q run-42
send poweroff
exit 0
S
"$TLEXPECT" -l "$work/serial.log" -a "Kernel panic" "$work/script" -- \
	$MAKE --no-print-directory -C "$TOP" run ACCEL="$ACCEL" PORT="$hport" RESTRICT=on
