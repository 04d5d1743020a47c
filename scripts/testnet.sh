#!/bin/sh
# testnet.sh up NS DIR | down NS DIR | run NS DIR COMMAND...
#
# A test network of our own, inside the network namespace NS, so that
# none of the machine's interfaces, routes or firewall rules is touched
# (check-net, make run NET=tap).  In the namespace:
#
#   tlbr0    a bridge, 10.77.0.1/24: the "host" side of the network
#   tltap0   a tap device on the bridge, for QEMU's -netdev tap
#   dnsmasq  DHCP (10.77.0.100-199, router and DNS 10.77.0.1) and DNS for
#            test.lan: www.test.lan and gw.test.lan are 10.77.0.1, and a
#            guest that sends its hostname gets NAME.test.lan; nothing
#            else is answered (no upstream server)
#   httpd    busybox httpd on 10.77.0.1:80, serving DIR/www
#
# DIR holds dnsmasq's leases and log.  "down" stops every process of the
# namespace and deletes it (the bridge and the tap go with it).  "run"
# brings it up, runs COMMAND inside it and takes it down again.
# Needs root (or CAP_NET_ADMIN), iproute2, dnsmasq and $BUSYBOX.
set -eu

die() { echo "testnet: $*" >&2; exit 1; }

SUBNET=10.77.0
BR=tlbr0
TAP=tltap0

up() {
	ns=$1 dir=$2
	command -v ip >/dev/null || die "ip not found: install iproute2 (make deps)"
	command -v dnsmasq >/dev/null ||
		PATH=$PATH:/usr/sbin command -v dnsmasq >/dev/null ||
		die "dnsmasq not found: install dnsmasq-base (make deps)"
	[ -x "${BUSYBOX:-}" ] || die "BUSYBOX is not set to our static busybox (the test network's web server)"
	ip netns add "$ns" 2>"$dir.err" ||
		die "cannot create network namespace $ns: $(cat "$dir.err") (root needed)"
	rm -f "$dir.err"
	mkdir -p "$dir/www"
	[ -f "$dir/www/index.html" ] ||
		echo "tinylinux test network: www.test.lan" >"$dir/www/index.html"
	ip -n "$ns" link set lo up
	ip -n "$ns" link add "$BR" type bridge
	ip -n "$ns" addr add "$SUBNET.1/24" dev "$BR"
	ip -n "$ns" tuntap add "$TAP" mode tap
	ip -n "$ns" link set "$TAP" master "$BR"
	ip -n "$ns" link set "$TAP" up
	ip -n "$ns" link set "$BR" up
	# dnsmasq returns once its sockets are bound: ready, no wait needed.
	ip netns exec "$ns" env PATH="$PATH:/usr/sbin" dnsmasq \
		--conf-file=/dev/null --no-resolv --no-hosts --no-poll \
		--user=root --group=root \
		--interface="$BR" --bind-interfaces \
		--domain=test.lan --local=/test.lan/ --expand-hosts \
		--dhcp-range="$SUBNET.100,$SUBNET.199,255.255.255.0,1h" \
		--dhcp-authoritative --no-ping \
		--dhcp-option=option:router,"$SUBNET.1" \
		--dhcp-option=option:dns-server,"$SUBNET.1" \
		--host-record=www.test.lan,"$SUBNET.1" \
		--host-record=gw.test.lan,"$SUBNET.1" \
		--dhcp-leasefile="$dir/leases" --pid-file="$dir/dnsmasq.pid" \
		--log-facility="$dir/dnsmasq.log" --log-dhcp --log-queries ||
		die "dnsmasq did not start (log: $dir/dnsmasq.log)"
	# busybox httpd (no -f) also returns once it listens.
	ip netns exec "$ns" "$BUSYBOX" httpd -p "$SUBNET.1:80" -h "$dir/www" ||
		die "httpd did not start on $SUBNET.1:80"
}

down() {
	ns=$1
	ip netns list 2>/dev/null | grep -q "^$ns\b" || return 0
	for p in $(ip netns pids "$ns" 2>/dev/null); do
		kill "$p" 2>/dev/null || true
	done
	ip netns del "$ns"
}

cmd=${1:-}
[ $# -ge 3 ] || die "usage: testnet.sh up|down|run NS DIR [COMMAND...]"
shift
case $cmd in
up) up "$@" ;;
down) down "$@" ;;
run)
	ns=$1 dir=$2
	shift 2
	down "$ns" "$dir"
	trap 'down "$ns" "$dir"' EXIT INT TERM
	up "$ns" "$dir"
	ip netns exec "$ns" "$@"
	;;
*) die "usage: testnet.sh up|down|run NS DIR [COMMAND...]" ;;
esac
