#!/bin/sh
# mkdisk.sh: a bootable PC disk image, made without root, loop devices
# or mounts.  Each partition is built as a file of its own, then copied
# into the disk at its offset:
#
#   sector 0        MBR: syslinux's boot code (mbr.bin) + the partition table
#   1 MiB           p1, FAT, type EF (EFI system), active: the kernel,
#                   syslinux for BIOS (ldlinux.sys) and for UEFI
#                   (EFI/BOOT/BOOTX64.EFI), one syslinux.cfg for both
#   1 MiB + boot    p2, ext4 "tinyroot": the root filesystem, which the
#                   kernel mounts itself (root=PARTUUID=...-02)
#
# Tools: sfdisk (fdisk), mkfs.fat (dosfstools), mtools, syslinux's
# mtools installer, mke2fs -d (e2fsprogs), fakeroot (owners and device
# nodes of the root filesystem as the list says, without being root).
#
# usage: mkdisk.sh OUT KERNEL ROOTFS_LIST WORKDIR
#   env: BOOT_MB ROOT_MB (partition sizes), DISK_ID (8 hex digits),
#        CMDLINE (extra kernel arguments), SOURCE_DATE_EPOCH,
#        SYSLINUX_DIR (where syslinux-common is, for the tests),
#        BASE_TAR (a tarball the root filesystem starts from: the devel
#        profile's Debian packages, mkdebian.sh)
set -eu
prog=mkdisk
. "$(dirname "$0")/media-lib.sh"

[ $# -eq 4 ] || die "usage: mkdisk.sh OUT KERNEL ROOTFS_LIST WORKDIR"
out=$1 kernel=$2 list=$3 work=$4
BOOT_MB=${BOOT_MB:-16}
ROOT_MB=${ROOT_MB:-32}
DISK_ID=${DISK_ID:-7117e001}
CMDLINE=${CMDLINE:-}
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}
SYSLINUX=${SYSLINUX_DIR:-/usr/lib/syslinux}
SYSLINUX_EFI=/usr/lib/SYSLINUX.EFI/efi64/syslinux.efi
BASE_TAR=${BASE_TAR:-}

need_tools sfdisk:fdisk mkfs.fat:dosfstools mcopy:mtools syslinux:syslinux \
	mke2fs:e2fsprogs debugfs:e2fsprogs fakeroot:fakeroot
need_files "$SYSLINUX/mbr/mbr.bin:syslinux-common" \
	"$SYSLINUX/modules/efi64/ldlinux.e64:syslinux-efi" "$SYSLINUX_EFI:syslinux-efi"
case $BOOT_MB$ROOT_MB in
*[!0-9]*) die "BOOT_MB and ROOT_MB must be whole numbers of MiB" ;;
esac
case $DISK_ID in
[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]) ;;
*) die "DISK_ID must be 8 lower-case hex digits, not '$DISK_ID'" ;;
esac

[ -f "$kernel" ] || die "$kernel: no such kernel image"
[ -f "$list" ] || die "$list: no such rootfs list"
kernel_kb=$(($(stat -c %s "$kernel") / 1024))
[ $((kernel_kb + 1024)) -le $((BOOT_MB * 1024)) ] ||
	die "BOOT_MB=$BOOT_MB is too small for the kernel ($((kernel_kb / 1024 + 1)) MiB) and the boot loader: make it at least $((kernel_kb / 1024 + 2))"
rm -rf "$work"
mkdir -p "$work"
stamp=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y%m%d%H%M.%S)
export SOURCE_DATE_EPOCH

# 1. The root filesystem.  The rootfs list (gen_init_cpio's format, the
# same one the initramfs is packed from), over BASE_TAR's contents when
# there is one, becomes a directory inside one fakeroot session
# (populate.sh), so chown and mknod work and mke2fs -d sees owners 0:0
# and the device nodes.  Its size is checked first: mke2fs's own message
# for a full filesystem does not say what to change.
need_kb=$(awk '$1 == "file" { print $3 }' "$list" | xargs du -Lck | tail -1 | cut -f1)
if [ -n "$BASE_TAR" ]; then
	[ -f "$BASE_TAR" ] || die "$BASE_TAR: no such base tarball"
	need_kb=$((need_kb + $(stat -c %s "$BASE_TAR") / 1024))
fi
[ $((need_kb + 2048)) -le $((ROOT_MB * 1024 * 9 / 10)) ] ||
	die "ROOT_MB=$ROOT_MB is too small for the root filesystem ($((need_kb / 1024 + 2)) MiB of files): make it at least $(((need_kb / 1024 + 2) * 10 / 9 + 1))"
fakeroot -- sh -c '
	sh "$1" "$2/root" "$3" "$4" &&
	E2FSPROGS_FAKE_TIME=$5 mke2fs -q -F -t ext4 -L tinyroot -U "$6" \
		-E "hash_seed=$6,root_owner=0:0" -d "$2/root" "$2/root.img" "$7M"' \
	sh "$(dirname "$0")/populate.sh" "$work" "$list" "$BASE_TAR" "$SOURCE_DATE_EPOCH" \
	"$DISK_ID-0000-4000-8000-000000000002" "$ROOT_MB" >"$work/mke2fs.log" 2>&1 || {
	cat "$work/mke2fs.log" >&2
	die "building the ext4 root filesystem failed"
}
# mke2fs -d copies each file's ctime, which is when populate.sh made it
# and cannot be set on the host; debugfs sets every inode's to the build
# time, so the same inputs give the same image.  debugfs echoes each
# command ("debugfs: sif ..."): any other line is a complaint.
(cd "$work/root" && find . | sort) |
	awk -v t="$SOURCE_DATE_EPOCH" '{ p = substr($0, 2); if (p == "") p = "/"; print "sif \"" p "\" ctime @" t }' \
	>"$work/ctime.debugfs"
echo "sif /lost+found ctime @$SOURCE_DATE_EPOCH" >>"$work/ctime.debugfs"
E2FSPROGS_FAKE_TIME=$SOURCE_DATE_EPOCH debugfs -w -f "$work/ctime.debugfs" "$work/root.img" >"$work/debugfs.log" 2>&1 &&
	! grep -v '^debugfs' "$work/debugfs.log" | grep -q . ||
	{ grep -v '^debugfs' "$work/debugfs.log" | tail -5 >&2; die "debugfs could not set the inode times"; }
rm -rf "$work/root"

# 2. The boot partition, FAT: the kernel and syslinux, for BIOS
# (ldlinux.sys, written by syslinux's own installer, which works on the
# image file through mtools) and for UEFI (syslinux.efi as the default
# boot program EFI/BOOT/BOOTX64.EFI, which reads syslinux.cfg from its
# own directory).
args="root=PARTUUID=$DISK_ID-02 rw rootwait console=tty0 console=${CONSOLE:-ttyS0},115200${CMDLINE:+ $CMDLINE}"
printf 'DEFAULT linux\nPROMPT 0\nTIMEOUT 0\nSERIAL 0 115200\nLABEL linux\n  KERNEL /bzImage\n  APPEND %s\n' \
	"$args" >"$work/syslinux.cfg"
touch -t "$stamp" "$work/syslinux.cfg"
cp "$kernel" "$work/bzImage"
cp "$SYSLINUX_EFI" "$work/BOOTX64.EFI"
cp "$SYSLINUX/modules/efi64/ldlinux.e64" "$work/ldlinux.e64"
touch -t "$stamp" "$work/bzImage" "$work/BOOTX64.EFI" "$work/ldlinux.e64"
boot=$work/boot.img
mkfs.fat -C --invariant -i "$DISK_ID" -n TINYBOOT "$boot" $((BOOT_MB * 1024)) >"$work/mkfs.fat.log" 2>&1 ||
	{ cat "$work/mkfs.fat.log" >&2; die "mkfs.fat failed"; }
export MTOOLS_SKIP_CHECK=1
mcopy -m -i "$boot" "$work/bzImage" "$work/syslinux.cfg" ::/
mmd -i "$boot" ::/EFI ::/EFI/BOOT
mcopy -m -i "$boot" "$work/BOOTX64.EFI" "$work/ldlinux.e64" "$work/syslinux.cfg" ::/EFI/BOOT/
syslinux --install "$boot" || die "syslinux could not install itself on the boot partition"
# Where each file of the boot partition comes from, for its SBOM
# (mk/sbom.mk): a package of ours, or a Debian package ("deb:NAME")
# whose files it copies; syslinux's installer writes ldlinux.sys and
# ldlinux.c32 itself.  (The MBR's boot code, mbr.bin, is syslinux-common's,
# in sector 0: no file.)
printf '%s\t%s\n' /bzImage linux /syslinux.cfg tinylinux \
	/EFI/BOOT/BOOTX64.EFI deb:syslinux-efi /EFI/BOOT/ldlinux.e64 deb:syslinux-common \
	/EFI/BOOT/syslinux.cfg tinylinux /ldlinux.sys deb:syslinux /ldlinux.c32 deb:syslinux \
	>"$work/boot.owners"

# 3. The disk: the partition table (sfdisk works on a plain file), the
# two partitions copied in at their offsets, syslinux's MBR boot code in
# the first 440 bytes (the rest of sector 0 is the table).
disk=$out.tmp
rm -f "$disk"
truncate -s $((1 + BOOT_MB + ROOT_MB))M "$disk"
printf 'label: dos\nlabel-id: 0x%s\nstart=2048, size=%dMiB, type=ef, bootable\ntype=83\n' \
	"$DISK_ID" "$BOOT_MB" | sfdisk -q "$disk" >"$work/sfdisk.log" 2>&1 ||
	{ cat "$work/sfdisk.log" >&2; die "sfdisk failed"; }
dd if="$boot" of="$disk" bs=64K seek=16 conv=notrunc,sparse status=none
dd if="$work/root.img" of="$disk" bs=64K seek=$(((1 + BOOT_MB) * 16)) conv=notrunc,sparse status=none
dd if="$SYSLINUX/mbr/mbr.bin" of="$disk" bs=440 count=1 conv=notrunc status=none
mv "$disk" "$out"
