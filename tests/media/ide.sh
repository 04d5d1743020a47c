#!/bin/sh
# An IDE disk on the PIIX controller of QEMU's pc machine, made by
# scripts/disks.sh like every data disk, is seen by ata_piix and mounted
# by its label.  SeaBIOS only: OVMF does not turn on the PIIX's IDE
# channels (config registers 0x41 and 0x43, bit 7), and Linux's ata_piix
# leaves a channel the firmware left off alone.
. "$(dirname "$0")/../lib.sh"
if [ "$FIRMWARE" = uefi ]; then
	echo "skipped under UEFI: OVMF leaves the PIIX IDE channels off"
	exit 0
fi
cp "$DISK" "$work/disk.img"
"$TOP/scripts/disks.sh" images "old:8M:ide" "$work" >/dev/null
up_steps 180 60 >"$work/script"
cat >>"$work/script" <<S
check mkdir -p /mnt/old && mount LABEL=old /mnt/old && grep ' /mnt/old ext4 rw' /proc/mounts | cut -d' ' -f1
output /dev/sd
check b=\$(awk '\$2 == "/mnt/old" { sub("/dev/", "", \$1); print \$1 }' /proc/mounts); basename \$(readlink \$(readlink -f /sys/class/block/\$b/device | cut -d/ -f1-5)/driver)
output ata_piix
send umount /mnt/old && poweroff
expect init: poweroff: done
exit 0
S
boot_disk "$work/script" "$work/disk.img" $("$TOP/scripts/disks.sh" args "old:8M:ide" "$work")
echo "an ide disk on the PIIX, found by ata_piix, mounted by label"
