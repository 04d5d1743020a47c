# Shared by the boot tests (sourced).  tests/run.sh IMAGES-DIR sets these
# from the images directory's test.env (mk/launcher.mk); the older
# suites' make rules export them:
#   KERNEL INITRAMFS INITRAMFS_BUSYBOX  the images under test
#   BUSYBOX   the static busybox we built (also runs on the host: httpd,
#             wget, nc for the host side of the network tests)
#   TLEXPECT  the console driver (src/tlexpect)
#   BOOTTRACE the boot log reader (src/boottrace), BOOTTRACE_APPEND
#             the kernel arguments of a traced boot
#   ACCEL MEM TESTLOGS
set -eu
: "${MAKE:=make}"
name=$(basename "$0" .sh)
work=$TESTLOGS/$name
rm -rf "$work"
mkdir -p "$work"
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

# The images under test boot through their own launcher (run-qemu.sh,
# the one place a QEMU command line is assembled): $LAUNCHER, else the
# one beside $KERNEL (or $DISK).
launcher() {
	echo "${LAUNCHER:-$(dirname "${KERNEL:-${DISK:-.}}")/run-qemu.sh}"
}

# up_steps [BOOT-TIMEOUT [TIMEOUT]]: the tlexpect steps every boot test
# starts with: wait (120 s) for init's "userspace up", then give each
# later step TIMEOUT (60 s).  A test writes them, then appends its own:
#   up_steps >"$work/script"; cat >>"$work/script" <<'S' ...
up_steps() {
	printf 'timeout %s\nexpect init: userspace up at\ntimeout %s\n' "${1:-120}" "${2:-60}"
}

# console SCRIPT LAUNCHER-ARGS...: start the guest (serial console on
# stdio, no monitor; poweroff ends QEMU) and drive the console with the
# tlexpect SCRIPT.  The serial log is kept in $work/serial.log.
console() {
	script=$1
	shift
	"$TLEXPECT" -l "$work/serial.log" -a "Kernel panic" -a "---[ end trace" \
		"$script" -- "$(launcher)" --accel "$ACCEL" -m "$MEM" --serial stdio "$@"
}

# boot SCRIPT LAUNCHER-ARGS...: boot the kernel under test with the
# initramfs $INITRD and the extra kernel arguments $APPEND.  The guest
# has no NIC unless the test asks for one (--netdev SPEC: QEMU's user
# network, restricted by the test, with the image's NIC; --nic e1000):
# the launcher's later options win.
INITRD=${INITRD:-${INITRAMFS:-}}
APPEND=${APPEND:-}
boot() {
	script=$1
	shift
	console "$script" --net none --initrd "$INITRD" ${APPEND:+--append "$APPEND"} "$@"
}

# serve DIR: start busybox httpd on a free 127.0.0.1 port for DIR, wait
# (bounded) until it answers, and set $port.
serve() {
	port=$($TLEXPECT --free-port)
	"$BUSYBOX" httpd -f -p "127.0.0.1:$port" -h "$1" &
	pids="$pids $!"
	i=0
	until "$BUSYBOX" nc -z 127.0.0.1 "$port" 2>/dev/null ||
		"$BUSYBOX" wget -q -O /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 100 ] || { echo "FAIL: host httpd did not start"; exit 1; }
		"$BUSYBOX" usleep 50000
	done
}

# serve_random: 1 MiB of random data as $work/www/rand.bin (its sha256
# in $sum) served on $port by serve(), and a free port for the guest's
# own server in $hport (the network tests both ways).
serve_random() {
	mkdir -p "$work/www"
	head -c 1048576 /dev/urandom >"$work/www/rand.bin"
	sum=$(sha256sum "$work/www/rand.bin" | cut -d' ' -f1)
	serve "$work/www"
	hport=$($TLEXPECT --free-port)
}

# boot_disk SCRIPT DISK LAUNCHER-ARGS...: boot a disk image through the
# PC's firmware: SeaBIOS, or OVMF when FIRMWARE=uefi (a fresh copy of
# its variables in $work), on the user network $NETDEV (restricted,
# nothing forwarded, unless the test says otherwise).  Data disks go
# after "--".
FIRMWARE=${FIRMWARE:-bios}
NETDEV=${NETDEV:-restrict=on}
boot_disk() {
	script=$1 disk=$2
	shift 2
	console "$script" --disk "$disk" --firmware "$FIRMWARE" --state "$work" \
		--netdev "$NETDEV" "$@"
}

# bench_disk_boots SCRIPT LAUNCHER-ARGS...: the benchmarks' boots: a
# fresh copy of $DISK booted $BOOTS times with the tlexpect SCRIPT;
# tlexpect's output (its marks) in $work/out-N, the serial log in
# $work/serial-N.log.  A failed boot is said, and the others go on.
bench_disk_boots() {
	script=$1
	shift
	n=0
	while [ $n -lt "$BOOTS" ]; do
		n=$((n + 1))
		cp "$DISK" "$work/m.img"
		boot_disk "$script" "$work/m.img" "$@" >"$work/out-$n" 2>&1 ||
			echo "boot $n FAILED: $work/out-$n" >&2
		cp "$work/serial.log" "$work/serial-$n.log"
	done
}

# boot_cd SCRIPT ISO LAUNCHER-ARGS...: boot an ISO image from a CD-ROM.
boot_cd() {
	script=$1 iso=$2
	shift 2
	console "$script" --iso "$iso" --firmware "$FIRMWARE" --state "$work" \
		--netdev "$NETDEV" "$@"
}

# The server profile's tests (tests/net) log in on the console first:
# login_steps USER PASSWORD prints the tlexpect steps (getty's prompt,
# then a shell prompt that we make unique).
login_steps() {
	cat <<S
timeout 120
expect tinylinux login:
timeout 30
send $1
expect Password:
send $2
expect ~\$
send PS1='TL> '
expect TL> 
S
}

# testnet_up: our test network (scripts/testnet.sh) in a namespace named
# after this test, taken down when the test ends; skip the test (exit 0,
# saying why) where namespaces cannot be made.
# need_netns: skip the test (exit 0, saying why) unless a network
# namespace can be made here.
need_netns() {
	if ! ip netns add "tl-probe-$$" 2>/dev/null; then
		echo "SKIP: cannot create a network namespace here (not root?)"
		exit 0
	fi
	ip netns del "tl-probe-$$"
}

testnet_up() {
	ns=tl-$name-$$
	need_netns
	trap 'cleanup; "$TOP/scripts/testnet.sh" down "$ns" "$work/net"' EXIT
	"$TOP/scripts/testnet.sh" up "$ns" "$work/net"
}

# in_ns COMMAND...: run a command on the test network's "host" side.
in_ns() {
	ip netns exec "$ns" "$@"
}

# tap_boot SCRIPT LAUNCHER-ARGS...: boot the images under test on the
# test network (QEMU runs inside the namespace, on its tap device; TAP_NIC
# is the NIC, virtio by default).
tap_boot() {
	script=$1
	shift
	in_ns "$TLEXPECT" -l "$work/serial.log" -a "Kernel panic" -a "---[ end trace" \
		"$script" -- "$(launcher)" --accel "$ACCEL" -m "$MEM" --serial stdio \
		--initrd "$INITRD" ${APPEND:+--append "$APPEND"} --net tap --nic "${TAP_NIC:-virtio}" "$@"
}
