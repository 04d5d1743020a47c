#!/bin/sh
# Reproducible media: the disk image, the ISO and a data disk, made twice
# from the same inputs with the same SOURCE_DATE_EPOCH, are bit-identical
# (mke2fs and debugfs with E2FSPROGS_FAKE_TIME, mkfs.fat --invariant,
# xorriso with SOURCE_DATE_EPOCH).  Once, under FIRMWARE=bios.
. "$(dirname "$0")/../lib.sh"
if [ "$FIRMWARE" = uefi ]; then
	echo "skipped under UEFI: done under BIOS"
	exit 0
fi
images=$(dirname "$DISK")
# The build's own disk image may have been booted already (make run-disk
# writes to it), so the disk and the data disk are made twice here; the
# ISO, which nothing writes, is compared with the build's.
for n in 1 2; do
	mkdir -p "$work/$n"
	"$TOP/scripts/mkdisk.sh" "$work/$n/disk.img" "$images/bzImage" "$images/../initramfs-tinyinit.list" "$work/disk"
	"$TOP/scripts/disks.sh" images "$DISKS" "$work/$n" >/dev/null
done
"$TOP/scripts/mkiso.sh" "$work/1/tinylinux.iso" "$images/bzImage" "$images/initramfs-tinyinit.cpio.xz" "$work/iso"
cp "$images/tinylinux.iso" "$work/2/"
name=$("$TOP/scripts/disks.sh" list "$DISKS" | head -1 | cut -d' ' -f1)
for f in disk.img tinylinux.iso ${name:+disk-$name.img}; do
	cmp "$work/1/$f" "$work/2/$f" || { echo "FAIL: $f differs when made again"; exit 1; }
	echo "$f: bit-identical ($(sha256sum "$work/1/$f" | cut -c1-16)...)"
done
