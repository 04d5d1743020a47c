#!/bin/sh
# sbom-files.sh KIND IMAGE DIR: what a disk image, an ISO or an OCI
# layout holds, read back from the image itself, without root, loop
# devices or mounts, for its SBOM (mk/sbom.mk, scripts/sbom.sh):
#   disk  the partition table (sfdisk --json), the FAT boot partition
#         (mtools, at its offset; its files named /boot-partition/...)
#         and the ext4 root (debugfs rdump, from a sparse copy)
#   iso   xorriso -osirrox
#   oci   index.json -> manifest -> layers, each a gzipped tar
# Writes DIR/files.tsv, "PATH OWNER FILE" per regular file (FILE: the
# copy read back, to hash), and DIR/debs.tsv, the package lines
# (mk/sbom.mk's format) of the Debian binary packages that own files
# (sbom-debs.sh).
# The owner of a path is, in this order: BOOT_OWNERS's (what mkdisk.sh
# or mkiso.sh put there), ROOTFS_FILES's (the root filesystem list's
# parts: ours and packages/'), BASE_OWNERS's (the Debian packages of the
# profile's base, mkdebian.sh).  A file that none of them names stops it,
# naming the file.
#   env: ROOTFS_FILES BOOT_OWNERS BASE_OWNERS BASE_PACKAGES (files, or
#        empty), DEB_ARCH
set -eu
prog=sbom-files
. "$(dirname "$0")/media-lib.sh"
[ $# -eq 3 ] || die "usage: sbom-files.sh disk|iso|oci IMAGE DIR"
kind=$1 img=$2 dir=$3
tab=$(printf '\t')
rm -rf "$dir"
mkdir -p "$dir/root"
export MTOOLS_SKIP_CHECK=1

case $kind in
disk)
	need_tools sfdisk:fdisk mcopy:mtools debugfs:e2fsprogs dumpe2fs:e2fsprogs jq:jq
	parts=$(sfdisk --json "$img" | jq -r '.partitiontable.partitions[] | "\(.start) \(.size)"')
	set -- $parts
	[ $# = 4 ] || die "$img: want 2 partitions (boot, root), found $(($# / 2))"
	mkdir -p "$dir/root/boot-partition"
	mcopy -s -n -m -i "$img@@$(($1 * 512))" '::/*' "$dir/root/boot-partition/" ||
		die "$img: mtools cannot read its boot partition"
	dd if="$img" of="$dir/root.img" bs=512 skip="$3" count="$4" conv=sparse status=none
	# A disk that has been booted (make run-disk writes to it) holds
	# what its guest wrote: an SBOM describes the image as built.
	mounts=$(dumpe2fs -h "$dir/root.img" 2>/dev/null | sed -n 's/^Mount count: *//p')
	[ "${mounts:-0}" = 0 ] ||
		die "$img has been booted since it was built (its root was mounted $mounts time(s)): an SBOM describes the image as built; make it again (rm $img; make disk)"
	debugfs -R "rdump / $dir/root" "$dir/root.img" >"$dir/debugfs.log" 2>&1 ||
		die "$img: debugfs cannot read its root partition (log: $dir/debugfs.log)"
	rm -f "$dir/root.img"
	;;
iso)
	need_tools xorriso:xorriso
	xorriso -osirrox on -indev "$img" -extract / "$dir/root" >"$dir/xorriso.log" 2>&1 ||
		die "$img: xorriso cannot read it (log: $dir/xorriso.log)"
	;;
oci)
	need_tools jq:jq
	b=$img/blobs/sha256
	m=$(jq -r '.manifests[0].digest' "$img/index.json")
	for l in $(jq -r '.layers[].digest' "$b/${m#sha256:}"); do
		tar -xzf "$b/${l#sha256:}" -C "$dir/root" --no-same-owner ||
			die "$img: cannot unpack layer $l"
	done
	;;
*) die "unknown image kind '$kind' (disk, iso, oci)" ;;
esac
chmod -R u+rwX "$dir/root"

# The owners, in the order above: the first that names a path wins.
{
	[ -z "${BOOT_OWNERS:-}" ] || case $kind in
	disk) sed 's|^|/boot-partition|' "$BOOT_OWNERS" ;;
	*) cat "$BOOT_OWNERS" ;;
	esac
	cut -f1,2 "${ROOTFS_FILES:?}"
	[ -z "${BASE_OWNERS:-}" ] || sed 's/\t/\tdeb:/' "$BASE_OWNERS"
} >"$dir/owners"
(cd "$dir/root" && find . -type f | sed 's|^\.||' | LC_ALL=C sort) >"$dir/paths"
awk -F "$tab" -v root="$dir/root" '
	NR == FNR { if (!($1 in o)) o[$1] = $2; next }
	!($0 in o) { print "sbom-files: " $0 " is in the image, but no package has it" > "/dev/stderr"; bad = 1; exit 1 }
	{ print $0 "\t" o[$0] "\t" root $0 }' "$dir/owners" "$dir/paths" >"$dir/files.tsv"

# The Debian binary packages among the owners (sbom-debs.sh), their
# copyright files in the image.
DEB_LISTS=${BASE_PACKAGES:-} DEB_ROOTS=$dir/root "$(dirname "$0")/sbom-debs.sh" "$dir/files.tsv" >"$dir/debs.tsv"
