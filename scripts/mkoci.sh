#!/bin/sh
# mkoci.sh OUTDIR ROOT.tar TAG ARCH: an OCI image layout (the directory
# form of the OCI image specification: oci-layout, index.json and
# blobs/sha256/) holding one image, TAG, whose only layer is ROOT.tar
# (mkroottar.sh) and whose command is /bin/sh.
#
# umoci writes it: it gzips the layer, computes the digests and writes the
# manifest and the configuration.  Every time in them (the image's
# "created", the layer's history) is SOURCE_DATE_EPOCH, and umoci's gzip
# is deterministic, so the same ROOT.tar gives the same layout, digests
# included.  ARCH is OCI's name for the architecture, Go's (amd64, arm,
# arm64, riscv64: mk/arch.mk's table, OCIARCH_*).
set -eu
prog=mkoci
. "$(dirname "$0")/media-lib.sh"
[ $# -eq 4 ] || die "usage: mkoci.sh OUTDIR ROOT.tar TAG ARCH"
out=$1 rootfs=$2 tag=$3 arch=$4
need_tools umoci:umoci
[ -f "$rootfs" ] || die "$rootfs: no such root filesystem archive"
case $arch in
amd64 | arm | arm64 | riscv64) goarch=$arch ;;
*) die "unknown OCI architecture '$arch' (amd64, arm, arm64, riscv64)" ;;
esac
created=$(date -u -d "@${SOURCE_DATE_EPOCH:?}" +%Y-%m-%dT%H:%M:%SZ)
tmp=$out.tmp
log=$out.log
rm -rf "$tmp"
{
	umoci init --layout "$tmp" &&
		umoci new --image "$tmp:$tag" &&
		umoci raw add-layer --image "$tmp:$tag" \
			--history.created "$created" --history.author tinylinux \
			--history.created_by "tinylinux: make oci (scripts/mkroottar.sh)" \
			"$rootfs" &&
		umoci config --image "$tmp:$tag" --no-history \
			--created "$created" --author tinylinux \
			--os linux --architecture "$goarch" \
			--config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
			--config.workingdir / --config.cmd /bin/sh \
			--config.label "org.opencontainers.image.title=tinylinux-$tag" &&
		umoci gc --layout "$tmp"
} >"$log" 2>&1 || {
	tail -n 10 "$log" >&2
	rm -rf "$tmp"
	die "umoci could not write the OCI layout (log: $log)"
}
# umoci writes its blobs readable by their owner only; an image is data
# for anyone to read.
chmod -R a+rX "$tmp"
rm -rf "$out"
mv "$tmp" "$out"
