#!/bin/sh
# poweroff, reboot and a SIGINT to PID 1 (what ctrl-alt-del sends) each
# stop the system cleanly and end QEMU with status 0.
. "$(dirname "$0")/../lib.sh"
for how in poweroff reboot "kill -INT 1"; do
	up_steps >"$work/script"
	cat >>"$work/script" <<S
send $how
expect stopping all processes
expect done
exit 0
S
	boot "$work/script" --netdev restrict=on
	echo "$how: QEMU exited with 0"
done
