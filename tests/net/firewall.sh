#!/bin/sh
# Firewall: the server profile lets in only FIREWALL_ALLOW (ssh), plus
# loopback and replies.  From the test network's host side, port 22
# connects; port 8080, where the guest runs a web server, does not (the
# packets are dropped), although the guest itself reaches that server on
# 127.0.0.1; and the guest's own downloads from www.test.lan still work.
. "$(dirname "$0")/../lib.sh"
if [ "${FIREWALL:-on}" != on ]; then
	echo "SKIP: these images were built with FIREWALL=$FIREWALL (riscv64: bookworm has no nftables for it)"
	exit 0
fi
testnet_up
ip="\$(awk '{ print \$3 }' $work/net/leases)"
nc="$BUSYBOX nc -z -w"
{
	login_steps tiny tinylinux
	cat <<S
check mkdir -p /tmp/www && echo hello > /tmp/www/index.html && busybox httpd -p 8080 -h /tmp/www
check wget -q -O - http://127.0.0.1:8080/
output hello
run $nc 10 $ip 22
run ! $nc 3 $ip 8080
run ! $nc 3 $ip 23
check wget -q -O - http://www.test.lan/
output tinylinux test network
S
} >"$work/script"
tap_boot "$work/script"
echo "port 22 connects, 8080 (listening) and 23 do not; the guest's download from www.test.lan works"
