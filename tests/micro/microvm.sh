#!/bin/sh
# The micro profile boots as it says (configs/profiles/micro.mk): QEMU's
# microvm machine with qboot, the uncompressed vmlinux (an ELF file with
# a PVH note, entered directly: no setup.bin, no decompressor), no PCI
# bus in the guest, the NIC on virtio-mmio as QEMU announced it on the
# kernel's command line, the console on the 8250 UART.
. "$(dirname "$0")/../lib.sh"
fail() {
	echo "FAIL: $*"
	exit 1
}
"$(launcher)" --accel "$ACCEL" --dry-run >"$work/cmd"
grep -q -- ' -M microvm' "$work/cmd" || fail "the launcher does not use microvm: $(cat "$work/cmd")"
grep -q -- " -kernel [^ ]*/vmlinux " "$work/cmd" || fail "the launcher does not boot vmlinux: $(cat "$work/cmd")"
"$KIMAGE" info "$KERNEL" >"$work/info.txt"
grep -qi 'pvh' "$work/info.txt" || fail "kimage finds no PVH entry in $KERNEL: $(cat "$work/info.txt")"
up_steps >"$work/script"
cat >>"$work/script" <<'S'
check [ ! -e /sys/bus/pci ]
check grep -o 'virtio_mmio.device=[^ ]*' /proc/cmdline
check readlink /sys/class/net/eth0/device
output virtio0
check readlink /sys/bus/virtio/devices/virtio0/driver
output virtio_net
check readlink /sys/class/tty/ttyS0/device
output serial8250
check dmesg | grep -c 'Decompressing Linux'; true
output 0
S
boot "$work/script" --netdev restrict=on
grep -o 'virtio_mmio.device=[^ ]*' "$work/serial.log" | head -n 1
sed -n '/^  [a-z]/p' "$work/info.txt" | head -n 8
echo "microvm, qboot, vmlinux through PVH: no PCI, eth0 on virtio-mmio, ttyS0 on the 8250"
