#!/bin/sh
# The SBOM and legal-info (make check-sbom, docs/sbom.md):
#   - the six SPDX documents are valid SPDX 2.3 for SPDX's own
#     validator, pyspdxtools (tools-python, Debian's python3-spdx-tools),
#     which also refuses copies with a fault;
#   - every regular file of the initramfs, read back from the cpio here,
#     is in it with its sha256, and it names no file the image lacks;
#   - the pc disk and ISO, the devel disk and OCI layout, the server
#     initramfs (PC_OUT, DEVEL_OUT, SERVER_OUT): the root list's files,
#     the boot files and the Debian packages' files (the devel base's,
#     the firewall's nft), each with its package;
#   - its Debian sources carry the lock's versions and .dsc sha256, a
#     purl and a CPE;
#   - made again from nothing, it is the same bytes;
#   - a package added in a scratch profile appears, with its file;
#   - legal-info: the sources match sources.lock, the patches, the
#     license files, manifest.csv; pc's holds the source packages of the
#     Debian binaries in its disk and ISO;
#   - bad input: a license without a text, a license file that is not
#     there: one line, a non-zero exit, nothing half-written.
# SBOM is the document, IMAGE its initramfs, LEGAL the legal-info
# directory; the scratch copy builds like tests/packages.sh's.
set -u
t=$TESTLOGS/sbom
rm -rf "$t"
mkdir -p "$t"
. "$TOP/tests/suite-lib.sh"
lock=$TOP/sources.lock

# ---- the documents ---------------------------------------------------------
# Each of the six (the default initramfs's, the pc disk's and ISO's, the
# devel disk's and OCI layout's, the server initramfs's) is valid SPDX 2.3
# for SPDX's own validator, pyspdxtools (scripts/spdx-validate.sh; make
# sbom runs it before a document takes its name, and it runs again here).
validate() { HOSTDEBS=$HOSTDEBS "$TOP/scripts/spdx-validate.sh" "$@"; }
tool=$(awk '$1 == "python3-spdx-tools:all" { print "pyspdxtools " $2 }' "$HOSTDEBS/.unpacked")
for doc in "$SBOM" "$PC_OUT/images/disk.img.spdx.json" "$PC_OUT/images/tinylinux.iso.spdx.json" \
	"$DEVEL_OUT/images/disk.img.spdx.json" "$DEVEL_OUT/images/oci.spdx.json" \
	"$SERVER_OUT/images/initramfs-tinyinit.cpio.xz.spdx.json"; do
	name=${doc#"$BUILD"/}
	if validate "$doc" 2>"$t/valid.err"; then
		ok "$name: valid SPDX 2.3 ($tool): $(jq '.packages | length' "$doc") packages, $(jq '.files | length' "$doc") files, $(jq '.relationships | length' "$doc") relationships, $(jq '.hasExtractedLicensingInfos | length' "$doc") LicenseRef- texts"
	else
		ko "$(cat "$t/valid.err")"
	fi
done
# The validator can fail: copies of the default document, each with one
# fault, are refused with the fault named.
bad() {
	jq "$2" "$SBOM" >"$t/bad.spdx.json"
	expect_error "SPDX validator refuses $1" "$3" validate "$t/bad.spdx.json"
}
bad "a relationship to an element the document lacks" '.relationships[0].relatedSpdxElement = "SPDXRef-nothing"' 'did not find the referenced spdx_id "SPDXRef-nothing"'
bad "a license expression that is not SPDX" '.packages[0].licenseDeclared = "GPL-2.0-only WITH"' 'LicenseExpression'
bad "a SHA1 of the wrong length" '.files[0].checksums |= map(if .algorithm == "SHA1" then .checksumValue = "abc" else . end)' 'must consist of 40 lowercase hexadecimal digits'
bad "a package without a download location" 'del(.packages[0].downloadLocation)' 'download_location'

# ---- every file of the image, read back from the cpio ------------------------
mkdir -p "$t/root"
if xz -dc "$IMAGE" | (cd "$t/root" && cpio -idm --quiet --no-absolute-filenames 2>/dev/null); then
	(cd "$t/root" && find . -type f | LC_ALL=C sort | xargs sha256sum | awk '{ print $2, $1 }') >"$t/cpio.sums"
	jq -r '.files[] | select(.SPDXID as $f | any($rel[]; .relatedSpdxElement == $f)) | .fileName + " " + (.checksums[] | select(.algorithm == "SHA256") | .checksumValue)' \
		--argjson rel "$(jq '[.relationships[] | select(.spdxElementId == "SPDXRef-Image" and .relationshipType == "CONTAINS")]' "$SBOM")" \
		"$SBOM" | LC_ALL=C sort >"$t/sbom.sums"
	if cmp -s "$t/cpio.sums" "$t/sbom.sums"; then
		ok "all $(wc -l <"$t/cpio.sums") regular files of the cpio are in the SBOM with their sha256, and no other"
	else
		ko "the cpio's files and the SBOM's differ:"
		diff "$t/cpio.sums" "$t/sbom.sums" | head -n 8 | sed 's/^/           /'
	fi
	owner=$(jq -r '.relationships[] | select(.spdxElementId == "SPDXRef-File--bin-busybox" and .relationshipType == "GENERATED_FROM") | .relatedSpdxElement' "$SBOM")
	[ "$owner" = SPDXRef-Package-busybox ] && ok "/bin/busybox is GENERATED_FROM SPDXRef-Package-busybox" ||
		ko "/bin/busybox comes from '$owner', not busybox"
else
	ko "cannot read $IMAGE back"
fi

# ---- the sources: the lock's versions, purl, CPE, patches ---------------------
bad=
for src in busybox musl; do
	read -r n v h <<-EOF
	$(awk -v n="$src" '$1 == n' "$lock")
	EOF
	got=$(jq -r --arg n "$src" '.packages[] | select(.name == $n) | [.versionInfo, .checksums[0].checksumValue, (.externalRefs[] | .referenceLocator)] | join(" ")' "$SBOM")
	purl="pkg:deb/debian/$src@$(echo "$v" | sed 's/+/%2B/g')?arch=source&distro=debian-12"
	case "$got" in "$v $h $purl cpe:2.3:a:"*) ;; *) bad="$bad $src($got)" ;; esac
done
[ -z "$bad" ] && ok "Debian sources: the lock's version and .dsc sha256, a purl and a CPE (busybox, musl)" ||
	ko "Debian sources differ from the lock:$bad"
np=$(ls "$TOP"/patches/linux/*.patch | wc -l)
na=$(jq '[.relationships[] | select(.relationshipType == "PATCH_APPLIED" and .relatedSpdxElement == "SPDXRef-Package-linux")] | length' "$SBOM")
kc=$(jq -r '.files[] | select(.SPDXID == "SPDXRef-File-kernel-config") | .checksums[] | select(.algorithm == "SHA256") | .checksumValue' "$SBOM")
[ "$na" = "$np" ] && [ "$kc" = "$(sha256sum <"$KCONFIG" | cut -c1-64)" ] &&
	ok "the kernel: its $np patches PATCH_APPLIED, its .config described (sha256 ${kc%"${kc#????????????}"}...)" ||
	ko "the kernel: $na of $np patches, .config $kc"

# ---- the disk image, the ISO, the OCI layout -----------------------------------
# $(sha SBOM PATH): the SBOM's sha256 of a file of the image;
# $(owner SBOM PATH): the package it is GENERATED_FROM.
sha() { jq -r --arg f ".$2" '.files[] | select(.fileName == $f) | .checksums[] | select(.algorithm == "SHA256") | .checksumValue' "$1"; }
owner() {
	jq -r --arg f ".$2" '(.files[] | select(.fileName == $f) | .SPDXID) as $id |
		.relationships[] | select(.spdxElementId == $id and .relationshipType == "GENERATED_FROM") | .relatedSpdxElement' "$1"
}
contained() { jq '[.relationships[] | select(.spdxElementId == "SPDXRef-Image" and .relationshipType == "CONTAINS")] | length' "$1"; }
pc=$PC_OUT/images
d=$pc/disk.img.spdx.json
# Every file of the pc root filesystem list, with the sha256 of what the
# list put there (its stage copy).
bad=
while read -r type path src rest; do
	[ "$type" = file ] || continue
	[ "$(sha "$d" "$path")" = "$(sha256sum <"$src" | cut -c1-64)" ] || bad="$bad $path"
done <"$PC_OUT/initramfs-tinyinit.list"
[ -z "$bad" ] && [ "$(sha "$d" /boot-partition/bzImage)" = "$(sha256sum <"$pc/bzImage" | cut -c1-64)" ] &&
	[ "$(owner "$d" /boot-partition/EFI/BOOT/BOOTX64.EFI)" = SPDXRef-Package-deb-syslinux-efi ] &&
	[ "$(owner "$d" /boot-partition/ldlinux.sys)" = SPDXRef-Package-deb-syslinux ] &&
	ok "pc disk: $(contained "$d") files read back (mtools, debugfs): the root list's with their sha256, the kernel, syslinux from syslinux-efi and syslinux" ||
	ko "pc disk SBOM: wrong or missing:$bad $(owner "$d" /boot-partition/EFI/BOOT/BOOTX64.EFI)"
i=$pc/tinylinux.iso.spdx.json
[ "$(sha "$i" /boot/initramfs.cpio.xz)" = "$(sha256sum <"$pc/initramfs-tinyinit.cpio.xz" | cut -c1-64)" ] &&
	[ "$(owner "$i" /isolinux/isolinux.bin)" = SPDXRef-Package-deb-isolinux ] &&
	[ "$(owner "$i" /efiboot.img)" = SPDXRef-Package-deb-grub-efi-amd64-bin ] &&
	ok "pc ISO: $(contained "$i") files read back (xorriso): the initramfs with its sha256, isolinux, GRUB's EFI image" ||
	ko "pc ISO SBOM: initramfs $(sha "$i" /boot/initramfs.cpio.xz), isolinux.bin from $(owner "$i" /isolinux/isolinux.bin)"
dv=$DEVEL_OUT/images/disk.img.spdx.json
set -- $(awk '$1 == "gcc-12:amd64" { print $2, $3 }' "$lock")
v=$1 h=$2
got=$(jq -r '.packages[] | select(.name == "gcc-12") | [.versionInfo, .checksums[0].checksumValue, .externalRefs[0].referenceLocator] | join(" ")' "$dv")
[ "$got" = "$v $h pkg:deb/debian/gcc-12@$(echo "$v" | sed 's/+/%2B/g')?arch=amd64&distro=debian-12" ] &&
	[ "$(owner "$dv" /usr/bin/x86_64-linux-gnu-gcc-12)" = SPDXRef-Package-deb-gcc-12 ] &&
	[ "$(owner "$dv" /bin/busybox)" = SPDXRef-Package-busybox ] &&
	ok "devel disk: $(contained "$dv") files, $(jq '[.packages[] | select(.primaryPackagePurpose == "INSTALL")] | length' "$dv") Debian packages at the lock's versions and .deb sha256 (gcc-12 $v owns x86_64-linux-gnu-gcc-12)" ||
	ko "devel disk SBOM: gcc-12 is '$got', gcc-12's file from $(owner "$dv" /usr/bin/x86_64-linux-gnu-gcc-12)"
# The server's firewall: nft and the libraries it loads are Debian's,
# copied from the host (dpkg -S says whose), not ours.
sv=$SERVER_OUT/images/initramfs-tinyinit.cpio.xz.spdx.json
got=$(jq -r '.packages[] | select(.name == "libc6") | .versionInfo' "$sv")
[ "$(owner "$sv" /usr/sbin/nft)" = SPDXRef-Package-deb-nftables ] &&
	[ "$(owner "$sv" /lib/x86_64-linux-gnu/libc.so.6)" = SPDXRef-Package-deb-libc6 ] &&
	[ "$got" = "$(dpkg-query -W -f='${Version}' libc6)" ] &&
	ok "server initramfs: nft from nftables, libc.so.6 from libc6 $got (the host's, by dpkg -S), $(jq '[.packages[] | select(.primaryPackagePurpose == "INSTALL")] | length' "$sv") Debian packages" ||
	ko "server SBOM: nft from $(owner "$sv" /usr/sbin/nft), libc.so.6 from $(owner "$sv" /lib/x86_64-linux-gnu/libc.so.6)"
o=$DEVEL_OUT/images/oci.spdx.json
nt=$(tar -tvf "$DEVEL_OUT/images/rootfs.tar" | grep -c '^-')
[ "$(contained "$o")" = "$nt" ] && [ "$(owner "$o" /usr/bin/x86_64-linux-gnu-gcc-12)" = SPDXRef-Package-deb-gcc-12 ] &&
	ok "devel OCI layout: its $nt files (the layer read back through index.json and the manifest), each with its package" ||
	ko "devel OCI SBOM: $(contained "$o") files, rootfs.tar has $nt"

# ---- reproducible -----------------------------------------------------------
cp "$SBOM" "$t/first.json"
rm -rf "$SBOM" "$SBOM_DIR"
if $MAKE --no-print-directory -C "$TOP" sbom >"$t/again.log" 2>&1 && cmp -s "$t/first.json" "$SBOM"; then
	ok "made again from nothing: the same bytes (sha256 $(sha256sum <"$SBOM" | cut -c1-16)...)"
else
	ko "made again, the SBOM differs:"
	diff "$t/first.json" "$SBOM" 2>&1 | head -n 6 | sed 's/^/           /'
fi

# ---- a package of a scratch profile ---------------------------------------------
s=$t/tree
scratch_tree "$s"
cp "$s.greet.mk" "$t/greet.mk"
mkdir -p "$t/o/images"
for d in busybox init hello linux-config; do cp -a "$DEFAULT_OUT/$d" "$t/o/"; done
cp -a "$DEFAULT_OUT/images/$(basename "$KERNEL")" "$t/o/images/"
sm() { $MAKE --no-print-directory -C "$s" BUILD="$BUILD" OUT="$t/o" PROFILE=greet "$@"; }
g=$t/o/images/initramfs-tinyinit.cpio.xz.spdx.json
if sm sbom >"$t/greet.log" 2>&1 &&
	[ "$(jq -r '.relationships[] | select(.spdxElementId == "SPDXRef-File--usr-bin-greet" and .relationshipType == "GENERATED_FROM") | .relatedSpdxElement' "$g")" = SPDXRef-Package-greet ] &&
	[ "$(jq -r '.files[] | select(.fileName == "./usr/bin/greet") | .checksums[] | select(.algorithm == "SHA256") | .checksumValue' "$g")" = "$(sha256sum <"$t/o/greet/greet" | cut -c1-64)" ]; then
	ok "a package added in a scratch profile: Package-greet $(jq -r '.packages[] | select(.name == "greet") | .licenseConcluded' "$g"), ./usr/bin/greet with its sha256"
else
	ko "the scratch profile's package is not in its SBOM:"
	tail -n 8 "$t/greet.log" | sed 's/^/           /'
fi

# ---- bad input ----------------------------------------------------------------
sed 's/^greet_LICENSE := .*/greet_LICENSE := LicenseRef-greet-terms/' "$t/greet.mk" >"$s/packages/greet/greet.mk"
rm -f "$g"
expect_error "a license without a text" "tlsbom: package greet: license LicenseRef-greet-terms has no text" sm sbom
[ ! -e "$g" ] && [ ! -e "$g.tmp" ] && ok "no SBOM left behind" || ko "an SBOM was left behind: $(ls "$g"*)"
echo "These are the terms of greet." >"$s/packages/greet/LicenseRef-greet-terms.txt"
if sm sbom >"$t/terms.log" 2>&1 &&
	jq -e '.hasExtractedLicensingInfos[] | select(.licenseId == "LicenseRef-greet-terms" and (.extractedText | startswith("These are the terms")))' "$g" >/dev/null; then
	ok "with packages/greet/LicenseRef-greet-terms.txt, its text is in the SBOM"
else
	ko "a LicenseRef text of ours is not taken:"
	tail -n 5 "$t/terms.log" | sed 's/^/           /'
fi
grep -v '^greet_LICENSE' "$t/greet.mk" >"$s/packages/greet/greet.mk"
expect_error "a package without a license" "packages/greet/greet.mk: greet_LICENSE is missing" sm sbom
{ cat "$t/greet.mk"; echo 'greet_LICENSE_FILES := NOTICE'; } >"$s/packages/greet/greet.mk"
expect_error "a license file that is not there" "package greet: license file NOTICE is not in its source" sm legal-info
[ ! -e "$t/o/legal-info" ] && [ ! -e "$t/o/legal-info.tmp" ] && ok "no legal-info left behind" ||
	ko "a legal-info directory was left behind"

# ---- legal-info ------------------------------------------------------------------
if $MAKE --no-print-directory -C "$TOP" legal-info >"$t/legal.log" 2>&1; then
	ok "$(grep LEGAL "$t/legal.log" | sed 's/^ *LEGAL *//' | cut -c1-100)"
	bad=
	for src in busybox musl; do
		read -r n v h <<-EOF
		$(awk -v n="$src" '$1 == n' "$lock")
		EOF
		dsc=$(ls "$LEGAL/sources/$src/"*.dsc 2>/dev/null)
		[ "$(sha256sum <"$dsc" | cut -c1-64)" = "$h" ] || bad="$bad $src(.dsc)"
		grep -q "^$src,$v,.*,sources/$src/$(basename "$dsc"),$h\$" "$LEGAL/manifest.csv" || bad="$bad $src(manifest)"
		for f in $(awk '/^Files:/ { on = 1; next } /^[^ ]/ { on = 0 } on { print $3 }' "$dsc"); do
			[ -f "$LEGAL/sources/$src/$f" ] || bad="$bad $src($f)"
		done
	done
	read -r n v h <<-EOF
	$(awk '$1 == "linux-source-6.1"' "$lock")
	EOF
	grep -q "^linux,$v,.*,$h\$" "$LEGAL/manifest.csv" || bad="$bad linux"
	[ "$(ls "$LEGAL/patches/linux" | wc -l)" = "$np" ] || bad="$bad patches"
	[ -f "$LEGAL/licenses/busybox/LICENSE" ] && [ -f "$LEGAL/licenses/linux/COPYING" ] || bad="$bad licenses"
	[ -z "$bad" ] && ok "legal-info: the sources are sources.lock's (busybox, musl: .dsc, tarballs, manifest.csv; linux: the tarball), $np patches, the license files" ||
		ko "legal-info differs from sources.lock:$bad"
else
	ko "make legal-info failed:"
	tail -n 5 "$t/legal.log" | sed 's/^/           /'
fi

# pc's legal-info: every Debian binary package its disk and ISO documents
# name has its source package (the one apt names as its Source, at that
# version), each file with the sha256 the .dsc gives, in manifest.csv,
# and its debian/copyright.
pl=$PC_OUT/legal-info
if $MAKE --no-print-directory -C "$TOP" PROFILE=pc ARCH=x86_64 OUT="$PC_OUT" legal-info >"$t/legal-pc.log" 2>&1; then
	bad= srcs=
	for b in $(jq -r '.packages[] | select(.SPDXID | startswith("SPDXRef-Package-deb-")) | .name + "=" + .versionInfo' \
		"$PC_OUT/images/disk.img.spdx.json" "$PC_OUT/images/tinylinux.iso.spdx.json" | sort -u); do
		set -- $(apt-cache show "$b" | awk '/^Source:/ { s = $2; v = $3; gsub(/[()]/, "", v) } /^$/ { exit } END { print s, v }')
		src=${1:-${b%%=*}} ver=${2:-${b#*=}}
		dsc=$pl/sources/deb-$src/${src}_${ver#*:}.dsc
		[ -f "$dsc" ] || { bad="$bad $b(no $src $ver)"; continue; }
		case " $srcs " in *" $src "*) continue ;; esac
		srcs="$srcs $src"
		grep -q "^deb-$src,$ver,.*,sources/deb-$src/$(basename "$dsc"),$(sha256sum <"$dsc" | cut -c1-64)\$" "$pl/manifest.csv" || bad="$bad $src(manifest)"
		awk '/^Checksums-Sha256:/ { on = 1; next } /^[^ ]/ { on = 0 } on { print $1 "  " $3 }' "$dsc" >"$t/dsc.sums"
		(cd "$pl/sources/deb-$src" && sha256sum -c --quiet "$t/dsc.sums") >/dev/null 2>&1 || bad="$bad $src(sha256)"
		[ -s "$pl/licenses/deb-$src/copyright" ] || bad="$bad $src(copyright)"
	done
	[ -n "$srcs" ] && [ -z "$bad" ] &&
		ok "pc's legal-info: the source packages of its Debian binaries (${srcs# }), each file with the .dsc's sha256, in manifest.csv, with its debian/copyright" ||
		ko "pc's legal-info:${bad:- no Debian source}"
else
	ko "make PROFILE=pc legal-info failed:"
	tail -n 5 "$t/legal-pc.log" | sed 's/^/           /'
fi

echo "check-sbom: $pass passed, $fail failed"
[ "$fail" = 0 ]
