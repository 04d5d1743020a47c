#!/bin/sh
# DHCP and DNS on our test network: the server profile's guest gets its
# address, router and DNS server from dnsmasq, resolves www.test.lan
# with nslookup, downloads a random file by name with wget, and its
# sha256 matches.  dnsmasq also learnt the guest's name from DHCP.
. "$(dirname "$0")/../lib.sh"
testnet_up
head -c 1048576 /dev/urandom >"$work/net/www/rand.bin"
sum=$(sha256sum "$work/net/www/rand.bin" | cut -d' ' -f1)
{
	login_steps tiny tinylinux
	cat <<S
check cat /etc/resolv.conf
output nameserver 10.77.0.1
check nslookup www.test.lan
output Address: 10.77.0.1
check wget -q -O /tmp/rand.bin http://www.test.lan/rand.bin
check sha256sum /tmp/rand.bin
output $sum
check nslookup tinylinux.test.lan | grep -q 'Address: 10.77.0.1[0-9][0-9]'
S
} >"$work/script"
tap_boot "$work/script"
lease=$(awk '{ print $3 " " $4 }' "$work/net/leases")
grep -q "udhcpc: eth0 10.77.0.1" "$work/serial.log"
echo "DHCP lease: $lease; nslookup www.test.lan = 10.77.0.1; 1 MiB by name, sha256 $sum"
