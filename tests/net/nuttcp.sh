#!/bin/sh
# nuttcp (packages/nuttcp): the server image's own throughput tool runs
# and reports a result, both ways, against Debian's nuttcp on the test
# network's host side (10.77.0.1, in a namespace of this test).  nuttcp
# opens a control and a data connection per run, which QEMU's user
# network forwards only one way (hostfwd into the guest, where the
# server's firewall lets in ssh only): hence the test network.
# -r -F: the host sends, and the guest still opens the data connection
# (its firewall lets no connection in).
. "$(dirname "$0")/../lib.sh"
command -v nuttcp >/dev/null || { echo "FAIL: nuttcp not on the host: install Debian's nuttcp (make deps)"; exit 1; }
testnet_up
in_ns nuttcp -S --nofork -P 5000 -p 5001 >"$work/server.log" 2>&1 &
pids="$pids $!"
login_steps tiny tinylinux >"$work/script"
cat >>"$work/script" <<'S'
timeout 60
check nuttcp -T 2 -P 5000 -p 5001 10.77.0.1
output Mbps
check nuttcp -r -F -T 2 -P 5000 -p 5001 10.77.0.1
output Mbps
send poweroff
exit 0
S
"$TOP/scripts/disks.sh" images "$DISKS" "$work" >/dev/null
tap_boot "$work/script" $("$TOP/scripts/disks.sh" args "$DISKS" "$work")
# The two results, in order (the echoed commands have no "Mbps").
grep -a 'Mbps' "$work/serial.log" | tr -d '\r' | awk 'NR == 1 { print "TX: " $0 } NR == 2 { print "RX: " $0 }'
