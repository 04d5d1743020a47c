#!/bin/sh
# The seed's system: busybox init with its inittab and rcS, and the seed's
# network check (wget from a host HTTP server).
INITRD=$INITRAMFS_BUSYBOX
. "$(dirname "$0")/../lib.sh"
mkdir -p "$work/www"
echo "hello from the host" >"$work/www/index.html"
serve "$work/www"
cat >"$work/script" <<'S'
timeout 120
expect Booting Tiny Linux
expect Please press Enter to activate this console.
timeout 60
send
check [ "$(cat /proc/1/comm)" = init ]
check wget -q -O - http://10.0.2.100/index.html
output hello from the host
S
boot "$work/script" \
	--netdev "restrict=on,guestfwd=tcp:10.0.2.100:80-cmd:$BUSYBOX nc 127.0.0.1 $port" --nic e1000
