#!/bin/sh
# disks.sh: the data disks of DISKS="NAME:SIZE[:BUS[:DIR]] ...", one
# parser for everything that needs them (docs/disk.md, "Data disks").
#
#   NAME  the disk's ext4 label, 1-16 of a-z 0-9 _ -, unique
#   SIZE  a whole number of MiB or GiB: 64M, 1G (at least 4M)
#   BUS   virtio (virtio-blk, the default), sata (AHCI) or ide (PIIX)
#   DIR   where /etc/fstab mounts it, default /mnt/NAME
#
# usage:
#   disks.sh check SPEC            parse only (one error line, status 1)
#   disks.sh list SPEC             one line per disk: NAME MIB BUS DIR
#   disks.sh fstab SPEC            the /etc/fstab lines, by LABEL
#   disks.sh kconfig SPEC CONFIG   the kernel .config has each bus's driver
#   disks.sh images SPEC DIR       make DIR/disk-NAME.img, empty ext4
#   disks.sh args SPEC DIR         the launcher's options to attach them
#                                  (--data FILE:NAME:BUS, run-qemu.sh)
# Each disk gets a fixed UUID made from its name, and the images are made
# with SOURCE_DATE_EPOCH as their time, so the same spec gives the same
# bytes.
set -eu
prog=DISKS
. "$(dirname "$0")/media-lib.sh"

[ $# -ge 2 ] || die "usage: disks.sh check|list|fstab|kconfig|images|args SPEC [ARG]"
cmd=$1 spec=$2

# parse: check every entry, then call "$1 NAME MIB BUS DIR INDEX-ON-BUS"
# for each.
parse() {
	names=' ' nvirtio=0 nsata=0 nide=0
	for e in $spec; do
		IFS=: read -r name size bus dir extra <<EOF
$e
EOF
		[ -z "$extra" ] || die "'$e': too many fields (NAME:SIZE[:BUS[:DIR]])"
		case $name in
		'' | *[!a-z0-9_-]*) die "'$e': NAME must be 1-16 of a-z 0-9 _ -" ;;
		tinyroot) die "'$e': tinyroot is the root filesystem's label" ;;
		esac
		[ ${#name} -le 16 ] || die "'$e': NAME is longer than 16 characters (ext4 labels)"
		case $names in *" $name "*) die "'$e': NAME '$name' is used twice" ;; esac
		names="$names$name "
		case $size in
		[1-9]*M) mib=${size%M} ;;
		[1-9]*G) mib=${size%G} ;;
		*) die "'$e': SIZE must be a whole number with M or G, like 64M" ;;
		esac
		case $mib in *[!0-9]*) die "'$e': SIZE must be a whole number with M or G, like 64M" ;; esac
		[ ${#mib} -le 6 ] || die "'$e': SIZE is too large"
		case $size in *G) mib=$((mib * 1024)) ;; esac
		[ "$mib" -ge 4 ] || die "'$e': SIZE must be at least 4M"
		[ "$mib" -le 65536 ] || die "'$e': SIZE must be at most 64G"
		case ${bus:=virtio} in
		virtio) i=$nvirtio nvirtio=$((nvirtio + 1)) ;;
		sata) i=$nsata nsata=$((nsata + 1)) ;;
		ide) i=$nide nide=$((nide + 1)) ;;
		*) die "'$e': BUS must be virtio, sata or ide, not '$bus'" ;;
		esac
		[ $nsata -le 6 ] || die "'$e': at most 6 sata disks (the AHCI controller's ports)"
		[ $nide -le 4 ] || die "'$e': at most 4 ide disks (two channels, master and slave)"
		case ${dir:=/mnt/$name} in
		/ | /proc | /proc/* | /sys | /sys/* | /dev | /dev/* | /tmp | /tmp/*) die "'$e': DIR '$dir' is taken by the system" ;;
		/*) ;;
		*) die "'$e': DIR must be an absolute path, not '$dir'" ;;
		esac
		case $dir in *[!A-Za-z0-9_./-]* | *..*) die "'$e': DIR may only have A-Z a-z 0-9 _ . - /" ;; esac
		[ "$1" = : ] || "$1" "$name" "$mib" "$bus" "$dir" "$i"
	done
}

# uuid NAME: a fixed UUID (version 4 form) from the disk's name.
uuid() {
	printf 'tinylinux disk %s' "$1" | md5sum |
		sed 's/^\(.\{8\}\)\(.\{4\}\).\(.\{3\}\).\(.\{3\}\)\(.\{12\}\).*/\1-\2-4\3-8\4-\5/'
}

list_line() {
	echo "$1 $2 $3 $4"
}

fstab_line() {
	printf 'LABEL=%-10s %-12s ext4 defaults,nofail 0 2\n' "$1" "$4"
}

kconfig_need() {
	case $3 in
	virtio) syms="VIRTIO_BLK ${VIRTIO_BUS:-VIRTIO_PCI}" ;;
	sata) syms="ATA SATA_AHCI BLK_DEV_SD" ;;
	ide) syms="ATA ATA_PIIX BLK_DEV_SD" ;;
	esac
	for s in EXT4_FS $syms; do
		grep -q "^CONFIG_$s=y" "$config" ||
			die "$1 is a $3 disk, but the kernel has no CONFIG_$s: use PROFILE=pc (configs/linux/disk.config, ata.config)"
	done
}

image() {
	img=$out/disk-$1.img
	# An image of the right size is kept, with the data on it.
	[ "$(stat -c %s "$img" 2>/dev/null)" != $(($2 * 1048576)) ] || return 0
	shown=$img
	[ -z "${TOP:-}" ] || shown=${img#"$TOP/"}
	printf '  %-8s %s\n' DISK "$1: empty ext4, $2 MiB, $3 -> $shown"
	rm -f "$img.tmp"
	E2FSPROGS_FAKE_TIME=$SOURCE_DATE_EPOCH mke2fs -q -F -t ext4 -L "$1" -U "$(uuid "$1")" \
		-E "hash_seed=$(uuid "$1"),root_owner=0:0" "$img.tmp" "$2M" >"$img.log" 2>&1 ||
		{ cat "$img.log" >&2; rm -f "$img.tmp" "$img.log"; die "$1: mke2fs failed"; }
	rm -f "$img.log"
	mv "$img.tmp" "$img"
}

# The launcher (images/run-qemu.sh) turns each into QEMU's arguments for
# its board: virtio-blk on PCI or virtio-mmio, an AHCI controller for
# sata disks, the PC's own PIIX for ide.  Each disk has its name as
# serial number (/sys/block/vdX/serial, /dev/disk/by-id).
launcher_arg() {
	printf ' --data %s:%s:%s' "$out/disk-$1.img" "$1" "$3"
}

case $cmd in
check) parse : ;;
list) parse list_line ;;
fstab) parse fstab_line ;;
kconfig)
	config=${3:?usage: disks.sh kconfig SPEC CONFIG}
	[ -f "$config" ] || die "$config: no kernel configuration"
	parse kconfig_need
	;;
images)
	out=${3:?usage: disks.sh images SPEC DIR}
	: "${SOURCE_DATE_EPOCH:=0}"
	need_tools mke2fs:e2fsprogs
	mkdir -p "$out"
	parse image
	;;
args)
	out=${3:?usage: disks.sh args SPEC DIR}
	parse : # errors first, before any output
	parse launcher_arg
	echo
	;;
*) die "unknown command '$cmd'" ;;
esac
