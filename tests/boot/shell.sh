#!/bin/sh
# The default system boots to a shell, with our init, the hostname and the
# network configured; the shell is started again when it exits.
. "$(dirname "$0")/../lib.sh"
cat >"$work/script" <<'S'
timeout 120
expect init: network: eth0 10.0.2.15/24 via 10.0.2.2
expect Booting Tiny Linux
expect init: userspace up at
timeout 30
check echo $((40 + 2))
output 42
check hostname
output tinylinux
check [ "$(cat /proc/1/comm)" = init ]
check [ "$(mount | grep -c -e 'on /proc ' -e 'on /sys ' -e 'on /dev ' -e 'on /dev/pts ' -e 'on /tmp ')" = 5 ]
send exit
expect init: starting /bin/sh on /dev/ttyS0
check echo again
S
boot "$work/script" --netdev restrict=on
