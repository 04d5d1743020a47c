#!/bin/sh
# "make PROFILE=server run NET=tap", as a user runs it: the guest boots on
# the test network in the namespace "tinylinux", takes a DHCP lease,
# fetches http://www.test.lan/ by name; the namespace is gone when QEMU
# has ended (Ctrl-A X for a user; here tlexpect stops QEMU, and the test
# takes the namespace down for sure).
# exclusive: it boots the build's own state disk and the fixed namespace
# "tinylinux" (tests/run.sh).
. "$(dirname "$0")/../lib.sh"
need_netns
trap 'cleanup; "$TOP/scripts/testnet.sh" down tinylinux "$work"' EXIT
{
	echo "timeout 60"
	echo "expect test network (namespace tinylinux"
	login_steps tiny tinylinux | sed 1d
	cat <<'S'
check wget -q -O - http://www.test.lan/
output tinylinux test network
check sync
# Ctrl-A X: what a user types to leave; QEMU exits, testnet.sh cleans up.
sendraw \x01x
exit 0
S
} >"$work/script"
"$TLEXPECT" -l "$work/serial.log" -a "Kernel panic" "$work/script" -- \
	$MAKE --no-print-directory -C "$TOP" PROFILE=server ARCH="${ARCH:-x86_64}" FIREWALL="${FIREWALL:-on}" OUT="$OUT" run NET=tap ACCEL="$ACCEL"
if ip netns list | grep -q '^tinylinux\b'; then
	echo "FAIL: the namespace tinylinux is still there after QEMU ended"
	exit 1
fi
echo "make run NET=tap: DHCP, www.test.lan fetched; Ctrl-A X ended it and the namespace is gone"
