#!/bin/sh
# populate.sh ROOT LIST [BASE.tar]: make the directory ROOT hold the root
# filesystem that LIST (gen_init_cpio's format, the same list the
# initramfs is packed from) describes, over the contents of BASE.tar
# when one is given (the devel profile's Debian packages, mkdebian.sh).
# Every time is set to SOURCE_DATE_EPOCH.  Shared by mkdisk.sh and
# mkroottar.sh.
#
# Run it inside fakeroot: chown and mknod then work without root, and
# mke2fs -d or tar, run in the same session, see the owners and device
# nodes the list asks for.
#
# Over a base, the list's files, directories and nodes win, but where the
# base already has a path, the list's symlink is left out: Debian's own
# programs (kmod's modprobe, bash) stay in place of busybox's applets.
set -eu
root=$1 list=$2 base=${3:-}
stamp=$(date -u -d "@${SOURCE_DATE_EPOCH:?}" +%Y%m%d%H%M.%S)
mkdir -p "$root"
[ -z "$base" ] || tar -xpf "$base" --numeric-owner -C "$root"
while read -r type name a b c d e f; do
	p=$root$name
	case $type in
	dir) mkdir -p "$p" && chmod "$a" "$p" && chown "$b:$c" "$p" ;;
	file) rm -f "$p" && cp "$a" "$p" && chmod "$b" "$p" && chown "$c:$d" "$p" ;;
	slink)
		[ -e "$p" ] || [ -L "$p" ] && continue
		ln -s "$a" "$p" && chown -h "$c:$d" "$p"
		;;
	nod) rm -f "$p" && mknod -m "$a" "$p" "$d" "$e" "$f" && chown "$b:$c" "$p" ;;
	pipe) rm -f "$p" && mkfifo -m "$a" "$p" && chown "$b:$c" "$p" ;;
	'' | '#'*) ;;
	*) echo "populate: $list: unknown entry '$type'" >&2; exit 1 ;;
	esac
done <"$list"
find "$root" -exec touch -h -t "$stamp" {} +
