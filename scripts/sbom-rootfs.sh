#!/bin/sh
# sbom-rootfs.sh LIST "PACKAGES" PART=FILE...: "PATH OWNER FILE" for
# every regular file of a root filesystem list (mk/rootfs.mk's LIST,
# FILE its staged copy), for its SBOM (mk/sbom.mk).  The owner of a path
# is the part that lists it (rootfs-union.sh's parts): a package of
# PACKAGES by its name; the project's own parts are "tinylinux", but for
# the files they copy from elsewhere, which are Debian's ("deb:NAME"):
# from the host (the firewall's nft and the libraries it loads: dpkg -S
# says whose), or from a tree mkdebian.sh unpacked (NFT_ROOT, whose
# packages NFT_OWNERS lists).  A copied file that no package has stops
# it, naming the file.
#   env: TOP BUILD NFT_ROOT NFT_OWNERS
set -eu
prog=sbom-rootfs
. "$(dirname "$0")/media-lib.sh"
[ $# -ge 2 ] || die "usage: sbom-rootfs.sh LIST PACKAGES PART=FILE..."
list=$1 pkgs=" $2 "
shift 2
tab=$(printf '\t')
# dpkg_owner FILE: the installed package that has FILE, by its name, its
# real path, or either with or without /usr in front (Debian 12 is
# half-way through merging /lib into /usr/lib: dpkg knows the path the
# package ships).
dpkg_owner() {
	r=$(realpath "$1")
	for c in "$1" "$r" "${1#/usr}" "${r#/usr}" "/usr$1"; do
		d=$(dpkg -S "$c" 2>/dev/null | head -n 1) && [ -n "$d" ] && { echo "${d%%[:,]*}"; return 0; }
	done
	return 1
}
for p; do
	awk -v part="${p%%=*}" '$1 == "file" { print $2 "\t" part "\t" $3 }' "${p#*=}"
done | awk -F "$tab" -v list="$list" '
	{ part[$1] = $2; src[$1] = $3 }
	END { while ((getline l < list) > 0) { split(l, w, " ");
		if (w[1] == "file") print w[2] "\t" part[w[2]] "\t" w[3] "\t" src[w[2]] } }' |
while IFS="$tab" read -r path part stage src; do
	case $pkgs in
	*" $part "*) owner=$part ;;
	*)
		owner=tinylinux
		case $src in
		"${NFT_ROOT:-/nonexistent}"/*)
			owner=deb:$(awk -F "$tab" -v p="${src#"$NFT_ROOT"}" '$1 == p { print $2; exit }' "${NFT_OWNERS:?}")
			[ "$owner" != deb: ] || die "$path: $src is in no package of $NFT_OWNERS"
			;;
		"$TOP"/* | "$BUILD"/*) ;;
		/*)
			owner=deb:$(dpkg_owner "$src") ||
				die "$path comes from the host's $src, which no Debian package has"
			;;
		esac
		;;
	esac
	printf '%s\t%s\t%s\n' "$path" "$owner" "$stage"
done
