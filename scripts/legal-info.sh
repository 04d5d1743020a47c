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
# And for the Debian binary packages that own files of the images (DEBS:
# their package lines in the SBOM's files, mk/sbom.mk; DOCS: the SPDX
# documents, for each one's declared license):
#   DIR/sources/deb-SRC/  the source package each was built from
#                       (Source: in apt's record of the binary at its
#                       version), fetched with apt-get source once into
#                       DEBSRC/SRC_VERSION and checked by apt against the
#                       mirror's signed Sources index
#   DIR/licenses/deb-SRC/copyright  its debian/copyright, read from the
#                       source's Debian tarball (or, when the build makes
#                       it, from its first binary's .deb)
# and their rows in manifest.csv.
# It is written as DIR.tmp and renamed; a license file that is not in
# its tree, or a source the mirror no longer has, stops it with one line
# naming the package.
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

# The binaries, their sources (each once), and what each document
# declares of the binaries' licenses.
missing=
if [ -n "${DEBS:-}" ]; then
	cat $DEBS | awk -F"$tab" '{ print $3, $4 }' | LC_ALL=C sort -u >"$tmp/.debs"
	: >"$tmp/.licenses"
	[ -z "${DOCS:-}" ] || jq -r '.packages[] | select(.SPDXID | startswith("SPDXRef-Package-deb-")) | .name + "\t" + .licenseDeclared' \
		$DOCS | LC_ALL=C sort -u >"$tmp/.licenses"
	# "SOURCE SOURCE-VERSION BINARY" of each, from apt's records of
	# the binaries at their versions (one apt-cache call); Source: is
	# left out when it is the binary's own name and version.
	apt-cache show $(awk '{ print $1 "=" $2 }' "$tmp/.debs") 2>/dev/null | awk '
		function out() { if (p != "") print (s == "" ? p : s), (sv == "" ? v : sv), p; p = s = sv = v = "" }
		/^Package:/ { p = $2 }
		/^Version:/ { v = $2 }
		/^Source:/ { s = $2; if ($3 ~ /^\(/) { sv = $3; gsub(/[()]/, "", sv) } }
		/^$/ { out() }
		END { out() }' | LC_ALL=C sort -u >"$tmp/.sources"
	# A binary apt has no record of is named, not guessed at.
	for b in $(awk '{ print $1 }' "$tmp/.debs"); do
		awk -v b="$b" '$3 == b { f = 1 } END { exit !f }' "$tmp/.sources" || {
			echo "error: Debian package $b $(awk -v b="$b" '$1 == b { print $2; exit }' "$tmp/.debs") is in the images, but apt has no record of it at that version: its source cannot be named" >&2
			exit 1
		}
	done
	for sv in $(awk '{ print $1 "=" $2 }' "$tmp/.sources" | uniq); do
		src=${sv%%=*} ver=${sv#*=}
		bins=$(awk -v s="$src" -v v="$ver" '$1 == s && $2 == v { printf "%s%s", sep, $3; sep = " " }' "$tmp/.sources")
		d=${DEBSRC:?}/${src}_${ver#*:}
		if [ ! -f "$d/.fetched" ]; then
			rm -rf "$d.tmp"
			mkdir -p "$d.tmp"
			echo "  FETCH    $src $ver, the source of $bins (apt-get source, log: $d.log)"
			if ! (cd "$d.tmp" && apt-get source --download-only "$src=$ver") >"$d.log" 2>&1; then
				rm -rf "$d.tmp"
				echo "  MISSING  $src $ver: $(grep -m1 '^E: ' "$d.log" | cut -c4-)" >&2
				missing="$missing $src"
				continue
			fi
			touch "$d.tmp/.fetched"
			rm -rf "$d"
			mv "$d.tmp" "$d"
		fi
		dsc=$(ls "$d"/*.dsc)
		lic=$(for b in $bins; do awk -F"$tab" -v b="$b" '$1 == b { print $2 }' "$tmp/.licenses"; done |
			LC_ALL=C sort -u | awk '{ printf "%s%s", sep, $0; sep = "; " }')
		files=$(awk '/^Files:/ { on = 1; next } /^[^ ]/ { on = 0 } on { print $3 }' "$dsc")
		mkdir -p "$tmp/sources/deb-$src" "$tmp/licenses/deb-$src"
		for f in "$(basename "$dsc")" $files; do
			put "$d/$f" "$tmp/sources/deb-$src"
			row "deb-$src" "$ver" "${lic:-NOASSERTION}" "sources/deb-$src/$f" "$(sha256sum <"$d/$f" | cut -c1-64)"
		done
		# debian/copyright: in the Debian tarball (3.0 quilt), else in
		# the native tarball.
		cr=$tmp/licenses/deb-$src/copyright
		for f in $(echo "$files" | grep '\.debian\.tar\.') $(echo "$files" | grep '\.tar\.' | grep -v -e '\.orig' -e '\.debian\.tar\.'); do
			tar -xOf "$d/$f" --wildcards --no-wildcards-match-slash 'debian/copyright' '*/debian/copyright' >"$cr" 2>/dev/null || true
			[ -s "$cr" ] && break
		done
		# A source that makes it at build time (libxcrypt's copyright.in):
		# the one its first binary ships, from that .deb.
		if [ ! -s "$cr" ]; then
			b=${bins%% *}
			bv=$(awk -v b="$b" '$1 == b { print $2; exit }' "$tmp/.debs")
			mkdir -p "$d/deb"
			[ -n "$(ls "$d/deb/${b}_"*.deb 2>/dev/null)" ] ||
				(cd "$d/deb" && apt-get download "$b=$bv") >>"$d.log" 2>&1 || true
			deb=$(ls "$d/deb/${b}_"*.deb 2>/dev/null | head -n 1)
			[ -z "$deb" ] || dpkg-deb --fsys-tarfile "$deb" | tar -xOf - "./usr/share/doc/$b/copyright" >"$cr" 2>/dev/null || true
		fi
		[ -s "$cr" ] || { echo "error: $src $ver: no debian/copyright in its source, nor in $b's .deb ($d, $d.log)" >&2; exit 1; }
	done
	rm -f "$tmp/.debs" "$tmp/.licenses" "$tmp/.sources"
	if [ -n "$missing" ]; then
		echo "error: $(echo $missing | wc -w) Debian source package(s) of the images' binaries cannot be fetched (apt-get source; logs in $DEBSRC):$missing; no legal-info written" >&2
		exit 1
	fi
fi
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
