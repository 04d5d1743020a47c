#!/bin/sh
# mkroottar.sh OUT.tar LIST [BASE.tar]: the profile's root filesystem as
# one plain tar archive, the one "docker import" takes (as smart-os's
# 04_run_docker.sh does) and the layer of "make oci".
#
# The root is made as for the disk image (populate.sh: LIST over
# BASE.tar, inside fakeroot), then archived by GNU tar in the same
# fakeroot session: entries sorted by name, numeric owners as the list
# says, every time SOURCE_DATE_EPOCH, GNU format (no pax headers with
# process ids or access times), so the same inputs give the same bytes.
# /dev is kept empty: a container runtime mounts its own /dev, and device
# nodes in an image cannot be unpacked without root.
set -eu
prog=mkroottar
. "$(dirname "$0")/media-lib.sh"
[ $# -ge 2 ] && [ $# -le 3 ] || die "usage: mkroottar.sh OUT.tar LIST [BASE.tar]"
out=$1 list=$2 base=${3:-}
need_tools fakeroot:fakeroot tar:tar
[ -f "$list" ] || die "$list: no such rootfs list"
[ -z "$base" ] || [ -f "$base" ] || die "$base: no such base tarball"
: "${SOURCE_DATE_EPOCH:?}"
export SOURCE_DATE_EPOCH
work=$out.d
rm -rf "$work" "$out.tmp"
mkdir -p "$work"
fakeroot -- sh -c '
	sh "$1" "$2" "$3" "$4" &&
	tar -C "$2" --sort=name --format=gnu --numeric-owner \
		--exclude="./dev/?*" -cf "$5" .' \
	sh "$(dirname "$0")/populate.sh" "$work/root" "$list" "$base" "$out.tmp" \
	>"$work/log" 2>&1 || {
	tail -n 20 "$work/log" >&2
	rm -f "$out.tmp"
	die "building the root filesystem archive failed (log: $work/log)"
}
rm -rf "$work"
mv "$out.tmp" "$out"
