#!/bin/sh
# bench-net.sh: figures of the server profile (make bench-net), printed
# as Markdown: sizes, boot times on the test network (DHCP from dnsmasq)
# and on QEMU's user network, the time of an SSH login, and TCP
# throughput both ways with virtio-net and e1000 (nuttcp in the guest
# against Debian's nuttcp on the test network's host side).  Same
# environment as tests/net (mk/net.mk), plus BOOTS, SSH_ROUNDS and
# NUTTCP_ROUNDS.
. "$(dirname "$0")/../tests/lib.sh"
BOOTS=${BOOTS:-5}
SSH_ROUNDS=${SSH_ROUNDS:-5}
NUTTCP_ROUNDS=${NUTTCP_ROUNDS:-5}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
size() { stat -c %s "$1"; }

echo "### Sizes"
echo
echo "| what | bytes |"
echo "| --- | --- |"
echo "| bzImage, server profile | $(size "$KERNEL") |"
echo "| bzImage, default profile | $(size "$DEFAULT_KERNEL") |"
echo "| initramfs (xz), server profile | $(size "$INITRAMFS") |"
echo "| initramfs (xz), default profile | $(size "$DEFAULT_INITRAMFS") |"
db=$(dirname "$BUSYBOX")/../dropbear/dropbearmulti
echo "| dropbearmulti (static, musl; xz: $(xz -9e -c "$db" | wc -c)) | $(size "$db") |"
libs=$(awk '$1 == "file" && ($2 ~ /^\/lib/ || $2 == "/usr/sbin/nft") { print $3 }' \
	"$(dirname "$BUSYBOX")/../sysconf/list")
echo "| nft and its shared libraries (xz: $(cat $libs | xz -9e | wc -c)) | $(cat $libs | wc -c) |"
echo

# One boot on the test network, marks at each stage.
testnet_up
cat >"$work/tap.script" <<'S'
timeout 120
expect udhcpc: eth0
mark lease
expect sshd: listening
mark sshd
expect tinylinux login:
mark login
S
for i in $(seq "$BOOTS"); do
	tap_boot "$work/tap.script" >"$work/tap.$i"
done
cat >"$work/user.script" <<'S'
timeout 120
expect tinylinux login:
mark login
S
for i in $(seq "$BOOTS"); do
	boot "$work/user.script" --netdev restrict=on >"$work/user.$i"
done
m() { cat "$work"/$1.* | awk -v k="$2" '$1 == k { print $2 }' | median; }

echo "### Boot (QEMU start -> each line on the console; median of $BOOTS)"
echo
echo "| network | DHCP lease | sshd listening | login prompt |"
echo "| --- | --- | --- | --- |"
echo "| test network (tap, dnsmasq) | $(m tap lease) s | $(m tap sshd) s | $(m tap login) s |"
echo "| QEMU user network (slirp) | | | $(m user login) s |"
echo

# SSH: each round connects, authenticates with the key and runs true.
"$TOP/scripts/disks.sh" images "$DISKS" "$work" >/dev/null
port=$($TLEXPECT --free-port)
opts="-i $BUILD_KEY -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p $port"
{
	echo "timeout 120"
	echo "expect tinylinux login:"
	for i in $(seq "$SSH_ROUNDS"); do
		echo "run s=\$(date +%s.%N); ssh $opts tiny@127.0.0.1 true && echo \"SSHTIME \$(echo \"\$(date +%s.%N) - \$s\" | bc)\" >> $work/ssh.times"
	done
} >"$work/ssh.script"
boot "$work/ssh.script" --netdev "restrict=on,hostfwd=tcp:127.0.0.1:$port-:22" \
	$("$TOP/scripts/disks.sh" args "$DISKS" "$work") >/dev/null
echo "### SSH"
echo
echo "ssh from the host with the build's key, through QEMU's forwarded port,"
echo "running \`true\`: median $(awk '{ printf "%.3f\n", $2 }' "$work/ssh.times" | median) s over $SSH_ROUNDS logins"
echo "(connection, key exchange, ed25519 authentication, the command)."
echo

# Throughput: one boot per NIC on the test network, NUTTCP_ROUNDS runs of
# 3 s each way; the guest's nuttcp opens both connections (-F for the
# host-to-guest direction: the firewall lets nothing in).
in_ns nuttcp -S --nofork -P 5000 -p 5001 >"$work/nuttcp-server.log" 2>&1 &
pids="$pids $!"
for nic in virtio e1000; do
	{
		login_steps tiny tinylinux
		echo "timeout 60"
		for i in $(seq "$NUTTCP_ROUNDS"); do
			echo "send nuttcp -T 3 -P 5000 -p 5001 10.77.0.1 | sed 's/^/TX: /'"
			echo "expect Mbps"
			echo "expect TL> "
			echo "send nuttcp -r -F -T 3 -P 5000 -p 5001 10.77.0.1 | sed 's/^/RX: /'"
			echo "expect Mbps"
			echo "expect TL> "
		done
		echo "send poweroff"
		echo "exit 0"
	} >"$work/nuttcp.script"
	TAP_NIC=$nic tap_boot "$work/nuttcp.script" $("$TOP/scripts/disks.sh" args "$DISKS" "$work") >/dev/null
	grep -a '^[TR]X: ' "$work/serial.log" | tr -d '\r' | grep -v 'nuttcp -' >"$work/nuttcp.$nic"
done
mbps() { awk -v d="$2" '$1 == d ":" { for (i = 1; i < NF; i++) if ($(i + 1) == "Mbps") print $i }' "$work/nuttcp.$1" | median | awk '{ printf "%.0f\n", $1 }'; }
echo "### TCP throughput (nuttcp, Mbit/s; median of $NUTTCP_ROUNDS runs of 3 s)"
echo
echo "| NIC | guest -> host | host -> guest |"
echo "| --- | --- | --- |"
for nic in virtio e1000; do
	echo "| $nic | $(mbps $nic TX) | $(mbps $nic RX) |"
done
echo
echo "Guest: the server image's nuttcp (packages/nuttcp, static, musl);"
echo "host: Debian's nuttcp in the test network's namespace (10.77.0.1),"
echo "through a tap device and a bridge."
