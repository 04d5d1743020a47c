#!/bin/sh
# mkiso.sh: a hybrid ISO 9660 image that boots the kernel and initramfs
# under BIOS and UEFI, as a CD-ROM and as a disk, made without root:
#
#   ISO 9660 (Rock Ridge)     /boot/bzImage, /boot/initramfs.cpio.xz and
#                             isolinux (BIOS, El Torito, no emulation)
#   /efiboot.img, FAT         the UEFI boot image (El Torito, platform
#                             EFI): GRUB as EFI/BOOT/BOOTX64.EFI, made by
#                             grub-mkimage with its configuration built
#                             in; it finds the ISO 9660 volume by its
#                             label and loads the same two files.
#                             (syslinux.efi, which the disk image uses,
#                             crashes when booted from El Torito, and
#                             reads only FAT.)
#   sector 0 (isohybrid)      isolinux's isohdpfx.bin and an MBR partition
#                             table, so that a BIOS boots the image as a
#                             disk; a GPT entry for efiboot.img, so that
#                             UEFI finds it as an EFI system partition
#
# Tools: xorriso, isolinux and syslinux-common, grub-mkimage (grub-common)
# with GRUB's EFI modules (grub-efi-amd64-bin), mtools and mkfs.fat
# (dosfstools).
#
# usage: mkiso.sh OUT KERNEL INITRAMFS WORKDIR
#   env: CMDLINE (extra kernel arguments), SOURCE_DATE_EPOCH,
#        ISOLINUX_DIR SYSLINUX_DIR (where isolinux is, for the tests)
set -eu
prog=mkiso
. "$(dirname "$0")/media-lib.sh"

[ $# -eq 4 ] || die "usage: mkiso.sh OUT KERNEL INITRAMFS WORKDIR"
out=$1 kernel=$2 initramfs=$3 work=$4
CMDLINE=${CMDLINE:-}
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}
ISOLINUX=${ISOLINUX_DIR:-/usr/lib/ISOLINUX}
SYSLINUX=${SYSLINUX_DIR:-/usr/lib/syslinux}
GRUB_EFI=/usr/lib/grub/x86_64-efi
LABEL=TINYLINUX

need_tools xorriso:xorriso mkfs.fat:dosfstools mcopy:mtools grub-mkimage:grub-common
need_files "$ISOLINUX/isolinux.bin:isolinux" "$ISOLINUX/isohdpfx.bin:isolinux" \
	"$SYSLINUX/modules/bios/ldlinux.c32:syslinux-common" \
	"$GRUB_EFI/iso9660.mod:grub-efi-amd64-bin"
[ -f "$kernel" ] || die "$kernel: no such kernel image"
[ -f "$initramfs" ] || die "$initramfs: no such initramfs"
rm -rf "$work"
mkdir -p "$work/iso/boot" "$work/iso/isolinux"
stamp=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y%m%d%H%M.%S)

# One configuration for isolinux and syslinux.efi (the same syntax); the
# console on the screen and on the serial port.
args="console=tty0 console=${CONSOLE:-ttyS0},115200${CMDLINE:+ $CMDLINE}"
printf 'DEFAULT linux\nPROMPT 0\nTIMEOUT 0\nSERIAL 0 115200\nLABEL linux\n  KERNEL /boot/bzImage\n  INITRD /boot/initramfs.cpio.xz\n  APPEND %s\n' \
	"$args" >"$work/iso/isolinux/isolinux.cfg"
cp "$kernel" "$work/iso/boot/bzImage"
cp "$initramfs" "$work/iso/boot/initramfs.cpio.xz"
cp "$ISOLINUX/isolinux.bin" "$SYSLINUX/modules/bios/ldlinux.c32" "$work/iso/isolinux/"

# The UEFI boot image: GRUB, with a configuration built into it that does
# what isolinux.cfg does.  "search" finds the ISO 9660 volume whether it is
# a CD-ROM or the whole of a disk.
cat >"$work/grub.cfg" <<EOF
search --no-floppy --set=root --label $LABEL
linux /boot/bzImage $args
initrd /boot/initramfs.cpio.xz
boot
EOF
grub-mkimage -O x86_64-efi -d "$GRUB_EFI" -p /boot/grub -c "$work/grub.cfg" \
	-o "$work/BOOTX64.EFI" iso9660 part_msdos part_gpt search search_label linux boot \
	>"$work/grub-mkimage.log" 2>&1 || { cat "$work/grub-mkimage.log" >&2; die "grub-mkimage failed"; }
efi=$work/efiboot.img
kb=$(du -k "$work/BOOTX64.EFI" | cut -f1)
mkfs.fat -C --invariant -i 7117e0e1 -n TINYEFI "$efi" $((kb + 256)) >"$work/mkfs.fat.log" 2>&1 ||
	{ cat "$work/mkfs.fat.log" >&2; die "mkfs.fat failed"; }
touch -t "$stamp" "$work/BOOTX64.EFI"
export MTOOLS_SKIP_CHECK=1
mmd -i "$efi" ::/EFI ::/EFI/BOOT && mcopy -m -i "$efi" "$work/BOOTX64.EFI" ::/EFI/BOOT/ ||
	die "mtools could not fill the UEFI boot image"
cp "$efi" "$work/iso/efiboot.img"
# Where each file of the ISO comes from, for its SBOM (mk/sbom.mk): a
# package of ours, or a Debian package ("deb:NAME"); efiboot.img is
# GRUB's EFI program, built by grub-mkimage from grub-efi-amd64-bin's
# modules; boot.cat is the El Torito catalog xorriso writes.
printf '%s\t%s\n' /boot/bzImage linux /boot/initramfs.cpio.xz tinylinux \
	/isolinux/isolinux.cfg tinylinux /isolinux/isolinux.bin deb:isolinux \
	/isolinux/ldlinux.c32 deb:syslinux-common /isolinux/boot.cat tinylinux \
	/efiboot.img deb:grub-efi-amd64-bin >"$work/owners"
find "$work/iso" -exec touch -h -t "$stamp" {} +

# The ISO.  xorriso takes its dates and volume UUID from
# SOURCE_DATE_EPOCH, so the same inputs give the same bytes.
rm -f "$out.tmp"
export SOURCE_DATE_EPOCH
xorriso -as mkisofs -o "$out.tmp" -quiet -R -V $LABEL \
	-isohybrid-mbr "$ISOLINUX/isohdpfx.bin" \
	-c isolinux/boot.cat -b isolinux/isolinux.bin \
	-no-emul-boot -boot-load-size 4 -boot-info-table \
	-eltorito-alt-boot -e efiboot.img -no-emul-boot -isohybrid-gpt-basdat \
	"$work/iso" >"$work/xorriso.log" 2>&1 ||
	{ tail -5 "$work/xorriso.log" >&2; rm -f "$out.tmp"; die "xorriso failed (log: $work/xorriso.log)"; }
mv "$out.tmp" "$out"
