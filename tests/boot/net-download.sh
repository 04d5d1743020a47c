#!/bin/sh
# Guest -> host TCP: the guest downloads a random file from an HTTP server
# on the host's 127.0.0.1, through QEMU's guestfwd (the guest sees it as
# 10.0.2.100:80; restrict=on forbids everything else), and its sha256
# matches.  Both NICs: virtio-net and e1000.
. "$(dirname "$0")/../lib.sh"
mkdir -p "$work/www"
head -c 1048576 /dev/urandom >"$work/www/rand.bin"
sum=$(sha256sum "$work/www/rand.bin" | cut -d' ' -f1)
serve "$work/www"
for nic in virtio e1000; do
	up_steps >"$work/script"
	cat >>"$work/script" <<S
check wget -q -O /tmp/rand.bin http://10.0.2.100/rand.bin
check sha256sum /tmp/rand.bin
output $sum
S
	boot "$work/script" \
		--netdev "restrict=on,guestfwd=tcp:10.0.2.100:80-cmd:$BUSYBOX nc 127.0.0.1 $port" --nic $nic
	echo "$nic: downloaded 1 MiB, sha256 $sum"
done
