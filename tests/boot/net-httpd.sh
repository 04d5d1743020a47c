#!/bin/sh
# Host -> guest TCP: busybox httpd in the guest, fetched from the host
# through a hostfwd port on 127.0.0.1.
. "$(dirname "$0")/../lib.sh"
hport=$($TLEXPECT --free-port)
up_steps >"$work/script"
cat >>"$work/script" <<S
check mkdir -p /tmp/www && echo token-42 > /tmp/www/index.html && httpd -p 80 -h /tmp/www
run $BUSYBOX wget -q -O - http://127.0.0.1:$hport/ | grep -q token-42
S
boot "$work/script" --netdev "restrict=on,hostfwd=tcp:127.0.0.1:$hport-:80"
