#!/bin/sh
# The disk image boots (FIRMWARE=bios: SeaBIOS and syslinux's MBR;
# FIRMWARE=uefi: OVMF and syslinux.efi), the kernel mounts the ext4 root
# partition read-write, the network comes up, and a file written and
# synced survives a clean poweroff and the next boot.
. "$(dirname "$0")/../lib.sh"
cp "$DISK" "$work/disk.img"
token=persist-$$
cat >"$work/script" <<S
timeout 180
expect init: network: eth0 10.0.2.15/24 via 10.0.2.2
expect init: userspace up at
timeout 60
send grep ' / ' /proc/mounts | sed 's/^/ROOT=/'
expect ROOT=/dev/root / ext4 rw
send [ -d /sys/firmware/efi ] && echo FW=uefi || echo FW=bios
expect FW=$FIRMWARE
send echo $token > /persist && sync && echo WRITTEN
expect WRITTEN
send poweroff
expect init: poweroff: done
exit 0
S
boot_disk "$work/script" "$work/disk.img"
mv "$work/serial.log" "$work/serial-1.log"
cat >"$work/script" <<S
timeout 180
expect init: userspace up at
timeout 60
send cat /persist
expect $token
send poweroff
expect init: poweroff: done
exit 0
S
boot_disk "$work/script" "$work/disk.img"
echo "$FIRMWARE: booted from the disk, root ext4 rw, a file survived poweroff"
