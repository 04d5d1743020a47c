#!/bin/sh
# legal-info.sh DIR: what a product that ships the image must hand over
# with it, as Buildroot's "make legal-info" does (mk/sbom.mk,
# docs/sbom.md).  PKGS is mk/sbom.mk's packages file (one line per
# package, tab-separated: NAME KIND SRCNAME VERSION SHA256 LICENSE
# COPYRIGHT CPE DOWNLOAD DEPENDS PATCHES TREE LICENSE_FILES SOURCES).
#   DIR/sources/NAME/   the source exactly as fetched: a Debian source's
#                       .dsc and the tarballs it names, the kernel's
#                       tarball (hard links where the file system
#                       allows, else copies)
#   DIR/patches/NAME/   our patches, in the order they are applied
#   DIR/licenses/NAME/  the package's license files (NAME_LICENSE_FILES,
#                       paths of its source tree)
#   DIR/manifest.csv    package,version,license,source file,sha256: one
#                       row per source file ("-" for our own parts)
# It is written as DIR.tmp and renamed; a license file that is not in
# its tree stops it with one line naming the package.
set -eu
out=$1
: "${PKGS:?}"
tab=$(printf '\t')
tmp=$out.tmp
rm -rf "$tmp"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/sources" "$tmp/patches" "$tmp/licenses"
m=$tmp/manifest.csv
echo 'package,version,license,source file,sha256' >"$m"

# put FILE DIR: a hard link, or a copy.
put() { ln -f "$1" "$2/" 2>/dev/null || cp "$1" "$2/"; }
row() { printf '%s,%s,"%s",%s,%s\n' "$1" "$2" "$3" "$4" "$5" >>"$m"; }

while IFS="$tab" read -r name kind src ver sha lic cr cpe dl deps patches tree lfiles sources; do
	mkdir -p "$tmp/licenses/$name"
	for f in $lfiles; do
		if [ ! -f "$tree/$f" ]; then
			echo "error: package $name: license file $f is not in its source ($tree): fix ${name}_LICENSE_FILES" >&2
			exit 1
		fi
		mkdir -p "$tmp/licenses/$name/$(dirname "$f")"
		cp "$tree/$f" "$tmp/licenses/$name/$f"
	done
	if [ "$patches" != - ]; then
		mkdir -p "$tmp/patches/$name"
		for p in $patches; do cp "$p" "$tmp/patches/$name/"; done
	fi
	case $kind in
	debian)
		mkdir -p "$tmp/sources/$name"
		dsc=$(ls "$sources"/*.dsc)
		for f in "$(basename "$dsc")" $(awk '/^Files:/ { on = 1; next } /^[^ ]/ { on = 0 } on { print $3 }' "$dsc"); do
			put "$sources/$f" "$tmp/sources/$name"
			row "$name" "$ver" "$lic" "sources/$name/$f" "$(sha256sum <"$sources/$f" | cut -c1-64)"
		done
		;;
	linux)
		mkdir -p "$tmp/sources/$name"
		put "$sources" "$tmp/sources/$name"
		row "$name" "$ver" "$lic" "sources/$name/$(basename "$sources")" "$(sha256sum <"$sources" | cut -c1-64)"
		;;
	*)
		row "$name" "$ver" "$lic" "(this repository)" -
		;;
	esac
done <"$PKGS"
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
