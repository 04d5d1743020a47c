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
send echo "SUM=$((40+2))"
expect SUM=42
send echo "HOST=$(hostname) PID1=$(cat /proc/1/comm)"
expect HOST=tinylinux PID1=init
send mount | grep -c -e 'on /proc ' -e 'on /sys ' -e 'on /dev ' -e 'on /dev/pts ' -e 'on /tmp ' | sed 's/^/MOUNTS=/'
expect MOUNTS=5
send exit
expect init: starting /bin/sh on /dev/ttyS0
send echo "AGAIN=$((1+1))"
expect AGAIN=2
S
boot "$work/script" -netdev user,id=n0,restrict=on -device virtio-net-pci,netdev=n0
