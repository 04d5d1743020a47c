# Shared by the boot tests (sourced).  The Makefile exports:
#   KERNEL INITRAMFS INITRAMFS_BUSYBOX  the images under test
#   BUSYBOX   the static busybox we built (also runs on the host: httpd,
#             wget, nc for the host side of the network tests)
#   TLEXPECT  the console driver (src/tlexpect)
#   BOOTTRACE the boot log reader (src/boottrace), BOOTTRACE_APPEND
#             the kernel arguments of a traced boot
#   ACCEL MEM TESTLOGS
set -eu
QEMU_CMD=${QEMU_CMD:-qemu-system-x86_64}
name=$(basename "$0" .sh)
work=$TESTLOGS/$name
rm -rf "$work"
mkdir -p "$work"
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

# console SCRIPT QEMU-ARGS...: start QEMU (no display, serial console on
# stdio, -no-reboot so poweroff ends it) and drive the console with the
# tlexpect SCRIPT.  The serial log is kept in $work/serial.log.
console() {
	script=$1
	shift
	"$TLEXPECT" -l "$work/serial.log" -a "Kernel panic" -a "---[ end trace" \
		"$script" -- \
		$QEMU_CMD -nodefaults -no-user-config -display none \
		-no-reboot -accel "$ACCEL" -m "$MEM" -serial stdio "$@"
}

# boot SCRIPT QEMU-ARGS...: boot the images under test (initramfs $INITRD,
# extra kernel arguments $APPEND; for another architecture, check-arch
# sets QEMU_CMD, CONSOLE, DTB and NIC_ARG).
INITRD=${INITRD:-${INITRAMFS:-}}
APPEND=${APPEND:-}
CONSOLE=${CONSOLE:-ttyS0}
DTB=${DTB:-}
NIC_ARG=${NIC_ARG:--device virtio-net-pci,netdev=n0}
boot() {
	script=$1
	shift
	console "$script" -kernel "$KERNEL" ${DTB:+-dtb "$DTB"} -initrd "$INITRD" \
		-append "console=$CONSOLE $APPEND" "$@"
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

# firmware_boot SCRIPT QEMU-ARGS...: boot QEMU's pc machine (i440FX)
# through its firmware: SeaBIOS, or OVMF when FIRMWARE=uefi (with a fresh
# copy of its variable store), VGA as well as the serial port, a virtio
# NIC on the user network $NETDEV (restricted, nothing forwarded, unless
# the test says otherwise).  The caller adds the boot medium.
FIRMWARE=${FIRMWARE:-bios}
NETDEV=${NETDEV:-user,id=n0,restrict=on}
firmware_boot() {
	script=$1
	shift
	if [ "$FIRMWARE" = uefi ]; then
		cp "$OVMF_VARS" "$work/OVMF_VARS.fd"
		set -- -drive "if=pflash,format=raw,readonly=on,file=$OVMF_CODE" \
			-drive "if=pflash,format=raw,file=$work/OVMF_VARS.fd" "$@"
	fi
	console "$script" -M pc -vga std "$@" \
		-netdev "$NETDEV" -device virtio-net-pci,netdev=n0
}

# boot_disk SCRIPT DISK QEMU-ARGS...: boot a disk image (virtio-blk, first
# in the boot order).
boot_disk() {
	script=$1 disk=$2
	shift 2
	firmware_boot "$script" "$@" -drive "file=$disk,format=raw,if=none,id=root" \
		-device virtio-blk-pci,drive=root,bootindex=0
}

# boot_cd SCRIPT ISO QEMU-ARGS...: boot an ISO image from an IDE CD-ROM
# drive.
boot_cd() {
	script=$1 iso=$2
	shift 2
	firmware_boot "$script" "$@" \
		-drive "file=$iso,format=raw,if=none,id=cd,media=cdrom,readonly=on" \
		-device ide-cd,drive=cd,bootindex=0
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

# tap_boot SCRIPT QEMU-ARGS...: boot the images under test on the test
# network (QEMU runs inside the namespace, on its tap device; TAP_NIC is
# the NIC, virtio-net-pci by default).
tap_boot() {
	script=$1
	shift
	in_ns "$TLEXPECT" -l "$work/serial.log" -a "Kernel panic" -a "---[ end trace" \
		"$script" -- \
		$QEMU_CMD -nodefaults -no-user-config -display none \
		-no-reboot -accel "$ACCEL" -m "$MEM" -serial stdio \
		-kernel "$KERNEL" -initrd "$INITRD" -append "console=ttyS0 $APPEND" \
		-netdev tap,id=n0,ifname=tltap0,script=no,downscript=no \
		-device "${TAP_NIC:-virtio-net-pci},netdev=n0" "$@"
}
