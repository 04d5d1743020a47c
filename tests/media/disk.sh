#!/bin/sh
# The disk image boots (FIRMWARE=bios: SeaBIOS and syslinux's MBR;
# FIRMWARE=uefi: OVMF and syslinux.efi), the kernel mounts the ext4 root
# partition read-write, the network comes up, the data disks of the
# profile's DISKS (virtio-blk and AHCI) are mounted where /etc/fstab says,
# each through its bus's driver, and a file written and synced on the
# root and on every data disk survives a clean poweroff and the next boot.
. "$(dirname "$0")/../lib.sh"
cp "$DISK" "$work/disk.img"
disks=$("$TOP/scripts/disks.sh" list "$DISKS")
ndisks=$(echo "$DISKS" | wc -w)
for name in $(echo "$disks" | cut -d' ' -f1); do
	cp "$(dirname "$DISK")/disk-$name.img" "$work/"
done
# Expected: each disk mounted at its DIR, through its bus's PCI driver.
expected=$(echo "$disks" | while read -r name mib bus dir; do
	[ -n "$name" ] || continue
	case $bus in virtio) d=virtio-pci ;; sata) d=ahci ;; ide) d=ata_piix ;; esac
	echo "output $dir $d"
done)
data=$("$TOP/scripts/disks.sh" args "$DISKS" "$work")
token=persist-$$
cat >"$work/script" <<S
timeout 180
expect init: network: eth0 10.0.2.15/24 via 10.0.2.2
expect init: userspace up at
timeout 60
check grep ' / ' /proc/mounts
output /dev/root / ext4 rw
check if [ -d /sys/firmware/efi ]; then echo uefi; else echo bios; fi
output $FIRMWARE
check n=0; for d in \$(awk '/^LABEL=/ { print \$2 }' /etc/fstab); do grep -q " \$d ext4 rw" /proc/mounts && n=\$((n + 1)); done; echo "\$n mounted"; [ \$n = $ndisks ]
check for d in \$(awk '/^LABEL=/ { print \$2 }' /etc/fstab); do b=\$(awk -v d=\$d '\$2 == d { sub("/dev/", "", \$1); print \$1 }' /proc/mounts); p=\$(readlink -f /sys/class/block/\$b/device | cut -d/ -f1-5); echo \$d \$(basename \$(readlink \$p/driver)); done
S
echo "$expected" >>"$work/script"
cat >>"$work/script" <<S
check for d in / \$(awk '/^LABEL=/ { print \$2 }' /etc/fstab); do echo $token > \$d/persist; done; sync
send poweroff
expect init: poweroff: done
exit 0
S
boot_disk "$work/script" "$work/disk.img" $data
mv "$work/serial.log" "$work/serial-1.log"
up_steps 180 60 >"$work/script"
cat >>"$work/script" <<S
check n=0; for d in / \$(awk '/^LABEL=/ { print \$2 }' /etc/fstab); do grep -qx $token \$d/persist && n=\$((n + 1)); done; echo "\$n kept"; [ \$n = $((ndisks + 1)) ]
send poweroff
expect init: poweroff: done
exit 0
S
boot_disk "$work/script" "$work/disk.img" $data
echo "$FIRMWARE: booted from the disk, root ext4 rw, $ndisks data disks mounted by fstab, files survived poweroff"
