#!/bin/sh
# sbom-debs.sh FILES: the package lines (mk/sbom.mk's format) of the
# Debian binary packages that own files of an image, "deb:NAME" in
# FILES' OWNER column (sbom-files.sh, mk/sbom.mk): version, .deb sha256
# and pool file, and the debian/copyright that declares its license.
#   env: DEB_LISTS  files of "NAME VERSION SHA256" lines (mkdebian.sh's
#                   NAME.packages: a profile's Debian base, the
#                   firewall's nftables for another architecture)
#        DEB_ROOTS  directories that hold those packages' files (their
#                   /usr/share/doc/NAME/copyright)
#        DEB_ARCH   their Debian architecture
# A package in none of the lists is the host's: what dpkg has installed,
# as apt knows it.
set -eu
prog=sbom-debs
. "$(dirname "$0")/media-lib.sh"
[ $# -eq 1 ] || die "usage: sbom-debs.sh FILES"
host=$(dpkg --print-architecture)
for p in $(cut -f2 "$1" | sed -n 's/^deb://p' | LC_ALL=C sort -u); do
	v= sha= cross=
	for l in ${DEB_LISTS:-}; do
		[ -z "$v" ] || break
		read -r n v sha <<-EOF
		$(awk -v p="$p" '$1 == p' "$l")
		EOF
		[ -z "$v" ] || [ "${DEB_ARCH:-$host}" = "$host" ] || cross=y
	done
	# (Every field printed below is non-empty: read splits on tabs as
	# on blanks, and an empty field would shift the others.)
	if [ -z "$v" ]; then
		v=$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null) ||
			die "Debian package $p owns files of the image, but is neither in the image's lists nor installed"
	fi
	show=
	[ -n "$cross" ] || show=$(apt-cache show "$p=$v" 2>/dev/null || true)
	[ -n "$sha" ] || sha=$(echo "$show" | sed -n 's/^SHA256: //p' | head -n 1)
	fn=$(echo "$show" | sed -n 's/^Filename: //p' | head -n 1)
	src=$(echo "$show" | sed -n 's/^Source: \([^ ]*\).*/\1/p' | head -n 1)
	arch=$(echo "$show" | sed -n 's/^Architecture: //p' | head -n 1)
	cr=-
	for r in ${DEB_ROOTS:-} ""; do
		[ -f "$r/usr/share/doc/$p/copyright" ] && { cr=$r/usr/share/doc/$p/copyright; break; }
	done
	dl=${fn:+https://deb.debian.org/debian/$fn}
	# (Its SOURCES field: ARCH:SOURCE-PACKAGE.)
	printf 'deb:%s\tdeb\t%s\t%s\t%s\tNOASSERTION\t%s\t-\t%s\t-\t-\t-\t-\t%s\n' \
		"$p" "$p" "$v" "${sha:--}" "$cr" "${dl:--}" "${arch:-${DEB_ARCH:-$host}}:${src:-$p}"
done
