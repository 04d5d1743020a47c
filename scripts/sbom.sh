#!/bin/sh
# sbom.sh SPEC: the description of one image that tlsbom turns into an
# SPDX 2.3 document (src/sbom/tlsbom.c, mk/sbom.mk, docs/sbom.md).  All
# it needs comes from make, in the environment:
#   IMAGE       the image file (its sha256 names the document)
#   IMAGE_KIND  initramfs, disk, iso or oci: the image's purpose
#   PKGS        a file, one line per package of the image and of its
#               build, mk/sbom.mk's: NAME KIND SRCNAME VERSION SHA256
#               LICENSE COPYRIGHT CPE DOWNLOAD DEPENDS PATCHES TREE
#               LICENSE_FILES SOURCES (tab-separated; DEPENDS and
#               PATCHES space-separated, "-" for none)
#   EXTRA_PKGS  (optional) more such lines: the Debian binary packages
#               whose files a disk, an ISO or an OCI image holds
#               (sbom-files.sh; kind "deb", SOURCES "ARCH:SOURCE")
#   FILES       a file, one line per regular file of the image:
#               PATH OWNER SOURCE (OWNER: a package, or "tinylinux" for
#               the project's own parts; SOURCE: the file to hash)
#   KERNEL KCONFIG  the kernel image that boots it and its .config
#   IMAGE_NAME  (optional) the image's name, if not IMAGE's file name
#   PROFILE ARCH LICMAP PROJECT_VERSION SOURCE_DATE_EPOCH TOP
# A package's LicenseRef- that no debian/copyright holds takes its text
# from packages/NAME/LicenseRef-ID.txt.
# Every ID is made from a name: packages "Package-NAME", files
# "File-" and the path with every other character turned into '-'
# (tlsbom stops, naming it, if two come out the same).
set -eu
spec=$1
: "${IMAGE:?}" "${IMAGE_KIND:?}" "${PKGS:?}" "${FILES:?}" "${KERNEL:?}" "${KCONFIG:?}"
: "${PROFILE:?}" "${ARCH:?}" "${LICMAP:?}" "${SOURCE_DATE_EPOCH:?}" "${TOP:?}"

tab=$(printf '\t')
pkgs=$spec.pkgs
cat "$PKGS" ${EXTRA_PKGS:+"$EXTRA_PKGS"} >"$pkgs"
idof() { printf '%s' "$1" | tr -c 'A-Za-z0-9.-' '-'; }
# The Debian pool's directory of a source package: lib + its fourth
# letter for lib*, else its first letter.
pooldir() { case $1 in lib?*) echo "${1%"${1#????}"}" ;; *) echo "${1%"${1#?}"}" ;; esac; }
# sha1 sha256 of a file.
sums() { printf '%s\t%s' "$(sha1sum <"$1" | cut -c1-40)" "$(sha256sum <"$1" | cut -c1-64)"; }

img=${IMAGE_NAME:-$(basename "$IMAGE")}
img_sha=$(sha256sum <"$IMAGE" | cut -c1-64)
created=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
case $IMAGE_KIND in
initramfs) purpose=ARCHIVE ;;
disk | iso) purpose=OPERATING-SYSTEM ;;
oci) purpose=CONTAINER ;;
*) echo "sbom: unknown image kind '$IMAGE_KIND'" >&2; exit 1 ;;
esac

# The files, sorted, with their checksums: PATH OWNER SOURCE SHA1 SHA256
# (one sha1sum and one sha256sum over all of them; a name with a
# backslash is printed with a leading "\\", which sed drops).
table=$spec.files
sort -t "$tab" -k1,1 "$FILES" >"$table.sorted"
for alg in sha1 sha256; do
	cut -f3 "$table.sorted" | tr '\n' '\0' | xargs -0 -r ${alg}sum | sed 's/^\\//; s/ .*//' >"$table.$alg"
done
paste "$table.sorted" "$table.sha1" "$table.sha256" >"$table"
rm -f "$table.sorted" "$table.sha1" "$table.sha256"

{
	printf 'document\t%s\t%s\t%s\n' "tinylinux $PROFILE $ARCH $img" \
		"https://tinylinux.invalid/spdx/$PROFILE/$ARCH/$img/$img_sha" "$created"
	printf 'creator\tTool: tinylinux-tlsbom-%s\n' "${PROJECT_VERSION:-unknown}"
	printf 'creator\tOrganization: tinylinux\n'
	printf 'licensemap\t%s\n' "$LICMAP"

	# The image itself: the package the document describes.
	printf 'package\tImage\t%s\t%s\t-\tNOASSERTION\t%s\tNOASSERTION\t-\t-\t-\t%s\t%s\n' \
		"$img" "$PROFILE-$ARCH" "$img_sha" "$purpose" \
		"tinylinux profile $PROFILE for $ARCH: the $IMAGE_KIND image"

	# One package per source.
	while IFS="$tab" read -r name kind src ver sha lic cr cpe dl deps patches tree lfiles sources; do
		case $kind in
		debian)
			supplier="Organization: Debian"
			up=${ver#*:}
			[ "$dl" != - ] || dl="https://deb.debian.org/debian/pool/main/$(pooldir "$src")/$src/${src}_$up.dsc"
			purl="pkg:deb/debian/$src@$(printf '%s' "$ver" | sed 's/+/%2B/g')?arch=source&distro=debian-12"
			comment="Debian source package $src $ver; sha256 of its .dsc"
			;;
		linux)
			supplier="Organization: Debian"
			purl="pkg:deb/debian/linux@$(printf '%s' "$ver" | sed 's/+/%2B/g')?arch=source&distro=debian-12"
			comment="the kernel's tarball of Debian's $src $ver (/usr/src); sha256 of the tarball; configuration: File-kernel-config"
			;;
		deb)
			supplier="Organization: Debian"
			purl="pkg:deb/debian/$src@$(printf '%s' "$ver" | sed 's/+/%2B/g')?arch=${sources%%:*}&distro=debian-12"
			comment="Debian binary package $src $ver, of the source package ${sources#*:}; sha256 of the .deb"
			;;
		*)
			supplier="Organization: tinylinux"
			purl=-
			comment="part of tinylinux, built from this repository"
			;;
		esac
		purpose=SOURCE
		[ "$kind" = deb ] && purpose=INSTALL
		if [ "$cpe" != - ]; then
			up=${ver#*:}
			up=${up%-*}
			part=a
			[ "$kind" = linux ] && part=o
			cpe="cpe:2.3:$part:$cpe:$up:*:*:*:*:*:*:*"
		fi
		pname=$src
		[ "$kind" = linux ] && pname=linux
		printf 'package\tPackage-%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
			"$(idof "$name")" "$pname" "$ver" "$supplier" "${dl:--}" "$sha" "$lic" \
			"$cr" "$purl" "$cpe" "$purpose" "$comment"
		# Texts of our own for LicenseRef-s of ours.
		for f in "$TOP/packages/$name"/LicenseRef-*.txt; do
			[ -f "$f" ] || continue
			id=$(basename "$f" .txt)
			printf 'licensetext\t%s\t%s\n' "$id" "$f"
		done
	done <"$pkgs"

	# Every regular file of the image, then the kernel, its
	# configuration and the patches.
	awk -F "$tab" '{ id = $1; gsub(/[^A-Za-z0-9.-]/, "-", id); print "file\tFile-" id "\t." $1 "\t" $4 "\t" $5 "\t-" }' "$table"
	# (A container runs on its host's kernel: an OCI image has none.)
	if [ "$IMAGE_KIND" != oci ]; then
		printf 'file\tFile-kernel\t./%s\t%s\tthe kernel that boots the image\n' \
			"$(basename "$KERNEL")" "$(sums "$KERNEL")"
		printf 'file\tFile-kernel-config\t./linux.config\t%s\tthe kernel configuration (its .config)\n' \
			"$(sums "$KCONFIG")"
	fi
	while IFS="$tab" read -r name kind src ver sha lic cr cpe dl deps patches tree lfiles sources; do
		[ "$patches" = - ] && continue
		for p in $patches; do
			printf 'file\tPatch-%s-%s\t./patches/%s/%s\t%s\tapplied to %s\n' \
				"$(idof "$name")" "$(idof "$(basename "$p")")" "$name" \
				"$(basename "$p")" "$(sums "$p")" "$name"
		done
	done <"$PKGS"

	# The image's files were analysed: its verification code is the
	# SHA1 of its files' sorted SHA1s (SPDX 2.3, 7.9).
	printf 'verification\tImage\t%s\n' "$(cut -f4 "$table" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -c1-40)"

	printf 'rel\tDOCUMENT\tDESCRIBES\tImage\n'
	[ "$IMAGE_KIND" = oci ] || printf 'rel\tDOCUMENT\tDESCRIBES\tFile-kernel\n'
	# Each file: CONTAINS, GENERATED_FROM its package, and STATIC_LINK to
	# musl when its package is linked with it (DEPENDS).
	awk -F "$tab" '
		NR == FNR { if ((" " $10 " ") ~ / musl /) static[$1] = 1; next }
		{
			id = $1; gsub(/[^A-Za-z0-9.-]/, "-", id)
			o = $2; gsub(/[^A-Za-z0-9.-]/, "-", o)
			print "rel\tImage\tCONTAINS\tFile-" id
			print "rel\tFile-" id "\tGENERATED_FROM\tPackage-" o
			if ($2 in static) print "rel\tFile-" id "\tSTATIC_LINK\tPackage-musl"
		}' "$PKGS" "$table"
	if [ "$IMAGE_KIND" != oci ]; then
		printf 'rel\tFile-kernel\tGENERATED_FROM\tPackage-linux\n'
		printf 'rel\tFile-kernel\tGENERATED_FROM\tFile-kernel-config\n'
	fi
	while IFS="$tab" read -r name kind src ver sha lic cr cpe dl deps patches tree lfiles sources; do
		[ "$patches" = - ] && continue
		for p in $patches; do
			printf 'rel\tPatch-%s-%s\tPATCH_APPLIED\tPackage-%s\n' \
				"$(idof "$name")" "$(idof "$(basename "$p")")" "$(idof "$name")"
		done
	done <"$PKGS"
} >"$spec.tmp"
mv "$spec.tmp" "$spec"
