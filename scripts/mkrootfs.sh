#!/bin/sh
# mkrootfs.sh STAGE LIST OVERLAY BUSYBOX INIT TINYINIT
# Write a gen_init_cpio list describing the root filesystem:
#   - directories of a usual root, mode 755 (/tmp 1777, /root 700);
#   - every file of the OVERLAY (rootfs/ in the repo), 755 if executable
#     in git, 644 otherwise;
#   - /bin/busybox and a symlink per applet (busybox.links);
#   - the init: /init is tinyinit (INIT=tinyinit) or a link to busybox
#     (INIT=busybox, with the seed's inittab);
#   - /dev/console, which the kernel opens for init before any /dev is
#     mounted;
#   - with TRUSTED=y (the kml profile), busybox is /trusted/busybox and
#     /bin/busybox a link to it: Kernel Mode Linux runs it in ring 0;
#   - EXTRA="PATH=FILE ...": more files (the kml profile's kmltest);
#   - LINKS="PATH=TARGET ...": more symbolic links (the devel profile's
#     /usr/bin/cc -> gcc);
#   - FSTAB_EXTRA=FILE: lines added to /etc/fstab (the data disks of
#     DISKS=..., scripts/disks.sh), their mount points made;
#   - LISTS="FILE ...": gen_init_cpio lines made elsewhere (accounts by
#     tlusers, /etc settings by mkconf.sh), with their own owners and
#     modes; they win over the overlay's entries of the same path.
# Files are first copied to STAGE with their times set to
# SOURCE_DATE_EPOCH: gen_init_cpio stores each file's mtime.
# Everything is owned by 0:0.  Entries are sorted, so the archive is the
# same whatever the order of the files on disk.
set -eu
stage=$1 list=$2 overlay=$3 busybox=$4 init=$5 tinyinit=$6
epoch=${SOURCE_DATE_EPOCH:?}

links=$(dirname "$busybox")/busybox.links
[ -s "$links" ] || { echo "error: $links is missing: rebuild busybox" >&2; exit 1; }
rm -rf "$stage"
mkdir -p "$stage/bin"
cp -R "$overlay/." "$stage/"
if [ "${TRUSTED:-n}" = y ]; then
	mkdir -p "$stage/trusted"
	cp "$busybox" "$stage/trusted/busybox"
	ln -s /trusted/busybox "$stage/bin/busybox"
else
	cp "$busybox" "$stage/bin/busybox"
fi
for e in ${EXTRA:-}; do
	mkdir -p "$stage/$(dirname "${e%%=*}")"
	cp "${e#*=}" "$stage/${e%%=*}"
done
[ "$init" = tinyinit ] && cp "$tinyinit" "$stage/init"
if [ -s "${FSTAB_EXTRA:-}" ]; then
	cat "$FSTAB_EXTRA" >>"$stage/etc/fstab"
	awk '{ print $2 }' "$FSTAB_EXTRA" | while read -r d; do mkdir -p "$stage$d"; done
fi
find "$stage" -exec touch -h -d "@$epoch" {} +

# The LISTS' files are copied too, to give them the fixed time.
rm -rf "$stage.lists"
lists=$(for l in ${LISTS:-}; do
	while read -r type path src rest; do
		if [ "$type" = file ]; then
			mkdir -p "$stage.lists$(dirname "$path")"
			cp "$src" "$stage.lists$path"
			touch -d "@$epoch" "$stage.lists$path"
			src=$stage.lists$path
		fi
		echo "$type $path $src $rest"
	done <"$l"
done)

{
	[ -z "$lists" ] || echo "$lists"
	for l in ${LINKS:-}; do
		echo "slink ${l%%=*} ${l#*=} 777 0 0"
	done
	for d in bin dev etc proc root sbin sys tmp usr usr/bin usr/sbin \
		var mnt run; do
		case $d in
		tmp) m=1777 ;;
		root) m=700 ;;
		*) m=755 ;;
		esac
		echo "dir /$d $m 0 0"
	done
	echo "nod /dev/console 600 0 0 c 5 1"
	(cd "$stage" && find . -mindepth 1 | sed 's|^\./||') |
		while IFS= read -r p; do
			f="$stage/$p"
			if [ -L "$f" ]; then
				echo "slink /$p $(readlink "$f") 777 0 0"
			elif [ -d "$f" ]; then
				echo "dir /$p 755 0 0"
			elif [ -x "$f" ]; then
				echo "file /$p $f 755 0 0"
			else
				echo "file /$p $f 644 0 0"
			fi
		done
	# Applet links, unless the overlay or the init provides that path.
	while IFS= read -r p; do
		p=${p#/}
		[ -e "$stage/$p" ] || [ -L "$stage/$p" ] && continue
		[ "$p" = bin/busybox ] && continue
		if [ "$p" = sbin/init ] && [ "$init" = tinyinit ]; then
			echo "slink /sbin/init /init 777 0 0"
		else
			echo "slink /$p /bin/busybox 777 0 0"
		fi
	done <"$links"
	[ "$init" = busybox ] && echo "slink /init /bin/busybox 777 0 0"
} | awk '!seen[$2]++' | sort -k2,2 >"$list"
