#!/bin/sh
# The package mechanism and sources.lock (make check-packages):
#   - the lock: a malformed line, a drifted version (reported, fetched,
#     listed by "sources.sh drift"), a wrong checksum at the locked
#     version (stops, leaves nothing), the kernel tarball's check;
#   - a package added in a scratch copy of the tree (one file, one name
#     in a profile) is in the image, and in "make packages";
#   - two parts claiming a path stop the build, naming both;
#   - bad package files and profiles: one line each, a non-zero exit.
# The scratch copy builds with this build's sources (BUILD/src, dl) and
# its own output directory, starting from copies of the default
# profile's programs (DEFAULT_OUT): times are kept, so that make builds
# only the new package.
set -u
t=$TESTLOGS/packages
rm -rf "$t"
mkdir -p "$t"
. "$TOP/tests/suite-lib.sh"
src=$TOP/scripts/sources.sh
lock=$TOP/sources.lock

# ---- sources.lock ---------------------------------------------------------
printf '# a lock\nbusybox 1:1.35.0-4 nothex\n' >"$t/bad.lock"
expect_error "malformed lock line" "bad.lock:2: malformed line" "$src" check "$t/bad.lock"
expect_error "malformed lock line stops make" "bad.lock:2: malformed line" \
	$MAKE --no-print-directory -C "$TOP" LOCK="$t/bad.lock" -n images
grep -v '^nuttcp ' "$lock" >"$t/drift.lock"
echo "nuttcp 6.1.1-1 $(printf '0%.0s' $(seq 64))" >>"$t/drift.lock"
if "$src" fetch "$t/drift.lock" "$t/dl" nuttcp >"$t/drift.out" 2>&1 &&
	grep -q 'DRIFT    nuttcp: sources.lock has 6.1.1-1, the mirror offers' "$t/drift.out" &&
	[ -f "$t/dl/nuttcp/.drift" ] && ls "$t/dl/nuttcp/"*.dsc >/dev/null 2>&1 &&
	"$src" drift "$t/dl" | grep -q 'drift from sources.lock: nuttcp 6.1.1-1 -> '; then
	ok "drifted version: fetched, one loud line, listed ($(grep -m1 DRIFT "$t/drift.out" | cut -c1-90))"
else
	ko "drifted version:"
	sed 's/^/           /' "$t/drift.out"
fi
v=$(awk '$1 == "nuttcp" { print $2 }' "$lock")
grep -v '^nuttcp ' "$lock" >"$t/sum.lock"
echo "nuttcp $v $(printf 'f%.0s' $(seq 64))" >>"$t/sum.lock"
expect_error "wrong checksum at the locked version" "the same version must be the same bytes" \
	"$src" fetch "$t/sum.lock" "$t/dl2" nuttcp
[ ! -e "$t/dl2/nuttcp" ] && [ ! -e "$t/dl2/nuttcp.tmp" ] && ok "nothing half-fetched left behind" ||
	ko "a fetch was left behind in $t/dl2"
# The devel profile's binary packages (a list as mkdebian.sh writes it).
a=$(dpkg --print-architecture)
h1=$(printf 'a%.0s' $(seq 64)) h2=$(printf 'b%.0s' $(seq 64))
{ grep -v "^make:$a " "$lock"; echo "make:$a 4.3-4.1 $h1"; } >"$t/debs.lock"
printf 'make 4.3-4.1 %s\n' "$h2" >"$t/debs.list"
expect_error "binary package with another checksum" "Debian package make 4.3-4.1: the .deb's sha256 is $h2" \
	"$src" debs "$t/debs.lock" "$t/dl4" "$t/debs.list"
printf 'make 4.3-4.2 %s\n' "$h2" >"$t/debs.list"
if "$src" debs "$t/debs.lock" "$t/dl4" "$t/debs.list" 2>"$t/debs.out" &&
	grep -q "DRIFT    1 Debian binary package(s) differ from sources.lock: make:$a 4.3-4.1 -> 4.3-4.2" "$t/debs.out"; then
	ok "drifted binary package: reported ($(cut -c1-80 "$t/debs.out"))"
else
	ko "drifted binary package:"
	sed 's/^/           /' "$t/debs.out"
fi
printf 'not a kernel\n' >"$t/linux.tar.xz"
expect_error "kernel tarball that differs from the lock" "the same version must be the same bytes" \
	"$src" tarball "$lock" "$t/dl3" linux-source-6.1 "$t/linux.tar.xz"

# ---- a new package, in a scratch copy ---------------------------------------
s=$t/tree
scratch_tree "$s"
mkdir -p "$t/o"
for d in busybox init hello; do cp -a "$DEFAULT_OUT/$d" "$t/o/"; done
sm() { $MAKE --no-print-directory -C "$s" BUILD="$BUILD" OUT="$t/o" PROFILE=greet "$@"; }
if sm initramfs >"$t/greet.log" 2>&1 &&
	xz -dc "$t/o/images/initramfs-tinyinit.cpio.xz" | cpio -it --quiet 2>/dev/null | grep -qx 'usr/bin/greet'; then
	ok "a new package (one file, one name in a profile) is in the image: usr/bin/greet"
else
	ko "a new package is not in the image:"
	tail -n 15 "$t/greet.log" | sed 's/^/           /'
fi
if sm packages 2>&1 | grep -q '^greet  *local  *1  *image  *GPL-2.0-only$'; then
	ok "make packages lists it"
else
	ko "make packages does not list greet"
fi

# ---- collisions and bad input ----------------------------------------------
cp "$s/packages/greet/greet.mk" "$t/greet.mk"
sed 's|^greet_FILES = .*|greet_FILES = /bin/busybox=$(OUT)/greet/greet|' "$t/greet.mk" >"$s/packages/greet/greet.mk"
rm -f "$t/o/initramfs-tinyinit.list"
expect_error "two parts claim a path" "rootfs: /bin/busybox is claimed by part busybox (.*) and part greet" sm initramfs
[ ! -e "$t/o/initramfs-tinyinit.list" ] && [ ! -e "$t/o/initramfs-tinyinit.list.tmp" ] &&
	ok "no root filesystem list left behind" || ko "a root filesystem list was left behind"
grep -v '^greet_LICENSE' "$t/greet.mk" >"$s/packages/greet/greet.mk"
expect_error "package file without its license" "packages/greet/greet.mk: greet_LICENSE is missing" sm -n initramfs
sed 's/^greet_SOURCE := .*/greet_SOURCE := ftp:somewhere/' "$t/greet.mk" >"$s/packages/greet/greet.mk"
expect_error "package file with an unknown source" "greet_SOURCE 'ftp:somewhere' is not debian" sm -n initramfs
cp "$t/greet.mk" "$s/packages/greet/greet.mk"
expect_error "profile naming a package that does not exist" "names package 'nosuch' in PACKAGES, which does not exist" \
	sm PACKAGES="busybox nosuch" -n initramfs

echo "check-packages: $pass passed, $fail failed"
[ "$fail" = 0 ]
