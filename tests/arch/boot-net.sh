#!/bin/sh
# One architecture (check-arch runs this for each: ARCH and the images,
# with their launcher, in the environment), the same
# checks as x86_64's boot tests: the shell is reached; the guest
# downloads 1 MiB from the host through guestfwd and its sha256 matches;
# the host fetches a page from the guest's httpd through hostfwd; and
# poweroff ends QEMU with status 0.  BUSYBOX is the host's (x86_64) one.
. "$(dirname "$0")/../lib.sh"
serve_random
up_steps 300 120 >"$work/script"
cat >>"$work/script" <<S
check uname -m
check wget -q -O /tmp/rand.bin http://10.0.2.100/rand.bin
check sha256sum /tmp/rand.bin
output $sum
check mkdir -p /tmp/www && echo arch-42 > /tmp/www/index.html && httpd -p 80 -h /tmp/www
run $BUSYBOX wget -q -O - http://127.0.0.1:$hport/ | grep -q arch-42
send poweroff
exit 0
S
boot "$work/script" \
	--netdev "restrict=on,guestfwd=tcp:10.0.2.100:80-cmd:$BUSYBOX nc 127.0.0.1 $port,hostfwd=tcp:127.0.0.1:$hport-:80"
up=$(sed -n 's/.*init: userspace up at \([0-9.]*\) s.*/\1/p' "$work/serial.log" | head -n 1)
echo "$ARCH: userspace up at $up s; 1 MiB downloaded (sha256 $sum); the host fetched the guest's page; poweroff"
