#!/bin/sh
# Nothing listens by default: the default profile's guest, fully booted,
# has no TCP socket in LISTEN state (st 0A in /proc/net/tcp) and no UDP
# socket at all (/proc/net/udp), under both inits.
. "$(dirname "$0")/../lib.sh"
cat >"$work/script" <<'S'
timeout 120
expect Booting Tiny Linux
timeout 30
send echo
check awk 'FNR > 1 && (FILENAME ~ /udp/ || $4 == "0A") { n++; print "SOCKET " FILENAME ": " $0 } END { exit n > 0 }' /proc/net/tcp /proc/net/udp
S
for initrd in "$DEFAULT_INITRAMFS" "$DEFAULT_INITRAMFS_BUSYBOX"; do
	INITRD=$initrd KERNEL=$DEFAULT_KERNEL MEM=$DEFAULT_MEM
	boot "$work/script" --netdev restrict=on
	echo "$(basename "$initrd"): no listening TCP socket, no UDP socket"
done
