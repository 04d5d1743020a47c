#!/bin/sh
# Bad input gives one clear line naming the problem, a non-zero exit, and
# no output that looks valid.  Run by "make check-errors".
set -u
pass=0 fail=0
t=$TESTLOGS/errors
rm -rf "$t"
mkdir -p "$t"

# expect_error DESCRIPTION PATTERN COMMAND...: COMMAND must fail and print
# a line matching PATTERN.
expect_error() {
	desc=$1 pat=$2
	shift 2
	if "$@" >"$t/out" 2>&1; then
		echo "  FAIL     $desc: succeeded"
		fail=$((fail + 1))
	elif ! grep -q -- "$pat" "$t/out"; then
		echo "  FAIL     $desc: no line matching '$pat' in:"
		sed 's/^/           /' "$t/out"
		fail=$((fail + 1))
	else
		echo "  PASS     $desc: $(grep -m1 -- "$pat" "$t/out" | cut -c1-110)"
		pass=$((pass + 1))
	fi
}

m() { $MAKE --no-print-directory -C "$TOP" "$@"; }

expect_error "unknown profile" "unknown PROFILE 'nope'" m PROFILE=nope images
expect_error "unknown init" "unknown INIT 'systemd'" m INIT=systemd images
expect_error "bad V" "V must be 0 or 1" m V=2 images
expect_error "unknown NIC" "unknown NIC 'rtl'" m NIC=rtl run
expect_error "bad ACCEL" "ACCEL must be auto, kvm or tcg, not 'warp'" m ACCEL=warp run
# Profile x architecture: a pair that cannot work is refused, saying why.
expect_error "kml on arm64" "PROFILE=kml ARCH=arm64 cannot be built: configs/linux/kml.config is for x86_64 only" m PROFILE=kml ARCH=arm64 images
expect_error "server on riscv64" "FIREWALL=on needs Debian's nftables, and bookworm has no riscv64 port" m PROFILE=server ARCH=riscv64 images
expect_error "server on arm" "has a virtio disk, and QEMU's versatilepb board has no virtio transport" m PROFILE=server ARCH=arm images
expect_error "pc on riscv64" "PROFILE=pc ARCH=riscv64 cannot be built: configs/linux/ata.config is for x86_64 only" m PROFILE=pc ARCH=riscv64 images
expect_error "micro on arm64" "PROFILE=micro ARCH=arm64 cannot be built: the profile is for x86_64 only: QEMU's microvm machine is x86's" m PROFILE=micro ARCH=arm64 images
expect_error "defconfig on arm64" "the profile is for x86_64 only: its kernel configuration is the kernel's x86_64_defconfig" m PROFILE=x86_64-defconfig ARCH=arm64 images
m ARCH=arm64 OUT="$t/launch-arm64" launcher >"$t/launcher.log" 2>&1 ||
	{ echo "  FAIL     make ARCH=arm64 launcher:"; sed 's/^/           /' "$t/launcher.log"; fail=$((fail + 1)); }
touch "$t/launch-arm64/images/Image" "$t/launch-arm64/images/initramfs-tinyinit.cpio.xz" "$t/x.img"
expect_error "disk on a board" "make disk ARCH=riscv64: a disk image or an ISO boots a PC through its firmware" m PROFILE=default ARCH=riscv64 disk
expect_error "launcher, SATA disk on a board" "--data $t/x.img:y:sata: sata is a controller of the PC; arm64 has virtio only" \
	"$t/launch-arm64/images/run-qemu.sh" --dry-run --accel tcg --data "$t/x.img:y:sata"
expect_error "launcher, icount with KVM" "--icount counts TCG's instructions: not with --accel kvm" \
	"$t/launch-arm64/images/run-qemu.sh" --dry-run --icount --accel kvm
expect_error "launcher, missing data disk" "missing disk image: $t/none.img" \
	"$t/launch-arm64/images/run-qemu.sh" --dry-run --accel tcg --data "$t/none.img:y:virtio"
expect_error "unknown test in TESTS=" "unknown test 'nosuch' in TESTS= (check-net has: dhcp-dns" m check-net TESTS=nosuch
# The launcher (images/run-qemu.sh) checks what it is given, before QEMU.
m OUT="$t/launch" launcher >"$t/launcher.log" 2>&1 ||
	{ echo "  FAIL     make launcher:"; sed 's/^/           /' "$t/launcher.log"; fail=$((fail + 1)); }
expect_error "launcher, missing image" "missing image: $t/launch/images/bzImage" "$t/launch/images/run-qemu.sh"
expect_error "launcher, bad accelerator" "--accel warp: use auto, kvm or tcg" "$t/launch/images/run-qemu.sh" --accel warp
expect_error "launcher, unknown option" "unknown option '--bogus'" "$t/launch/images/run-qemu.sh" --bogus
# The desktop (issue 24): QEMU without the display back-end asked for,
# and a kernel without DRM, are refused in one line, before QEMU runs
# and before the kernel is built (its configuration is enough).
m PROFILE=desktop OUT="$t/launch-desktop" launcher >"$t/launcher.log" 2>&1 ||
	{ echo "  FAIL     make PROFILE=desktop launcher:"; sed 's/^/           /' "$t/launcher.log"; fail=$((fail + 1)); }
: >"$t/launch-desktop/images/bzImage"
: >"$t/desk.img"
# A QEMU without Debian's qemu-system-gui, whatever this host has: the
# launcher asks "-display help" of the QEMU its vars name.
printf '#!/bin/sh\necho "Available display backend types:"\necho none\necho curses\n' >"$t/qemu-nogui"
chmod +x "$t/qemu-nogui"
sed "s|^QEMU=.*|QEMU='$t/qemu-nogui'|" "$t/launch-desktop/images/run-qemu.sh" >"$t/launch-desktop/images/nogui.sh"
chmod +x "$t/launch-desktop/images/nogui.sh"
expect_error "launcher, no gtk display" "--display gtk: this QEMU has no 'gtk' display back-end" \
	"$t/launch-desktop/images/nogui.sh" --dry-run --accel tcg --disk "$t/desk.img" --display gtk
expect_error "launcher, a display but no gtk" "this session has a display, but this QEMU has no 'gtk' display back-end" \
	env DISPLAY=:99 "$t/launch-desktop/images/nogui.sh" --dry-run --accel tcg --disk "$t/desk.img" --display auto
expect_error "launcher, unknown display" "--display warp: use none, auto, gtk, sdl or vnc=HOST:N" \
	"$t/launch-desktop/images/run-qemu.sh" --dry-run --accel tcg --disk "$t/desk.img" --display warp
expect_error "desktop kernel without DRM" "profile 'desktop' needs CONFIG_DRM in its kernel" \
	m PROFILE=desktop OUT="$t/desktop" LINUX_FRAGMENTS="base serial net nic small disk ata pc distro" disk
[ ! -e "$t/desktop/images/disk.img" ] && [ ! -e "$t/desktop/debian/root.tar" ] ||
	{ echo "  FAIL     a desktop disk or Debian tarball was made for a kernel without DRM"; fail=$((fail + 1)); }
expect_error "missing kernel fragment" "fragment 'configs/linux/nosuch.config', which does not exist" \
	m LINUX_FRAGMENTS="base nosuch" linux-config
expect_error "kernel source that does not exist" "neither a kernel source tree nor a tarball" \
	m LINUX_SRC=/nonexistent/linux.tar.xz BUILD="$t/build" DL="$BUILD/dl" STAMPS="$BUILD/stamps" linux-config
mkdir -p "$t/notlinux"
echo hello >"$t/notlinux/README"
tar -cJf "$t/notlinux.tar.xz" -C "$t" notlinux
expect_error "tarball that is not a kernel" "does not hold a Linux kernel source tree" \
	m LINUX_SRC="$t/notlinux.tar.xz" BUILD="$t/build" DL="$BUILD/dl" STAMPS="$BUILD/stamps" linux-config
[ ! -e "$t/build/src/notlinux" ] && [ ! -e "$t/build/src/notlinux.tmp" ] ||
	{ echo "  FAIL     a half-unpacked tree was left behind"; fail=$((fail + 1)); }

# A fragment value that Kconfig drops must fail the build, naming it.
printf 'CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=y\n' >"$t/config"
printf '# a fragment\nCONFIG_A=y\nCONFIG_B=y\n' >"$t/frag.config"
expect_error "symbol that did not survive" "frag.config:3: CONFIG_B=y did not survive" \
	"$TOP/scripts/check-config.sh" "$t/config" "$t/frag.config"

# A failed apt step names the package and the log.
printf 'tinylinux-no-such-package\n' >"$t/packages.txt"
if [ "$(id -u)" = 0 ]; then
	expect_error "failed apt step" "apt-get install tinylinux-no-such-package failed" \
		"$TOP/scripts/deps.sh" "$t/packages.txt" "$t/dl" "$TOP/sources.lock"
fi

# Disk media (issue 5): a DISKS spec that does not parse stops make
# before anything is built; a partition too small for what goes in it and
# a missing boot loader package stop mkdisk.sh and mkiso.sh with one line,
# leaving neither the image nor its temporary file.
expect_error "DISKS that does not parse" "DISKS: 'data:64X': SIZE must be" m DISKS="data:64X" images
expect_error "DISKS with an unknown bus" "DISKS: 'logs:8M:usb': BUS must be virtio, sata or ide" \
	m DISKS="data:8M logs:8M:usb" images
expect_error "DISKS naming a disk twice" "DISKS: 'data:16M': NAME 'data' is used twice" \
	m DISKS="data:8M data:16M" images
head -c 2000000 /dev/zero >"$t/bzImage"
head -c 6000000 /dev/zero >"$t/bigfile"
printf 'dir /etc 755 0 0\nfile /big %s 644 0 0\n' "$t/bigfile" >"$t/root.list"
expect_error "root partition too small" "ROOT_MB=6 is too small for the root filesystem" \
	env ROOT_MB=6 "$TOP/scripts/mkdisk.sh" "$t/disk.img" "$t/bzImage" "$t/root.list" "$t/disk"
expect_error "boot partition too small" "BOOT_MB=2 is too small for the kernel" \
	env BOOT_MB=2 "$TOP/scripts/mkdisk.sh" "$t/disk.img" "$t/bzImage" "$t/root.list" "$t/disk"
expect_error "disk: boot loader missing" "mbr.bin not found: install the Debian package syslinux-common" \
	env SYSLINUX_DIR="$t/none" "$TOP/scripts/mkdisk.sh" "$t/disk.img" "$t/bzImage" "$t/root.list" "$t/disk"
expect_error "iso: boot loader missing" "isolinux.bin not found: install the Debian package isolinux" \
	env ISOLINUX_DIR="$t/none" "$TOP/scripts/mkiso.sh" "$t/tl.iso" "$t/bzImage" "$t/bigfile" "$t/iso"
for f in disk.img disk.img.tmp tl.iso tl.iso.tmp; do
	[ ! -e "$t/$f" ] || { echo "  FAIL     $f was left behind"; fail=$((fail + 1)); }
done

# Accounts and system settings (issue 6): a bad user table stops tlusers
# naming its line, and leaves no list; a bad setting stops make before
# anything is built, naming the profile's line (or the command line).
printf '# users\nroot 0 root /bin/sh locked\ntiny 1000 tiny /bin/sh\n' >"$t/bad.users"
expect_error "malformed user table" "bad.users:3: 4 fields, expected 5 or 6" \
	m USERS="$t/bad.users" OUT="$t/o" users
[ ! -e "$t/o/users/list" ] || { echo "  FAIL     a user list was left behind"; fail=$((fail + 1)); }
printf 'root 0 root /bin/sh locked\ntiny 1000 tiny /bin/sh locked\nbob 1000 tiny /bin/sh locked\n' >"$t/dup.users"
expect_error "duplicate uid" "dup.users:3: duplicate uid 1000 (also used by 'tiny' on line 2)" \
	m USERS="$t/dup.users" OUT="$t/o" users
printf 'root 0 root /bin/sh locked\ntiny 1000 tiny /bin/sh locked %s\n' "$t/bad.users" >"$t/key.users"
expect_error "authorized keys that are no keys" "bad.users:2: not an SSH public key" \
	m USERS="$t/key.users" OUT="$t/o" users
expect_error "unknown service on the command line" "the command line: unknown service 'telnetd' in SERVICES" \
	m SERVICES=telnetd images
printf '# a profile\nARCH_NAME := x86_64\nFIREWALL := on\nSERVICES := sshd telnetd\nFIREWALL_ALLOW := ssh sshh\n' >"$t/x.mk"
expect_error "unknown service in a profile" "x.mk:4: unknown service 'telnetd'" \
	env SERVICES="sshd telnetd" FIREWALL=on ORIGINS="SERVICES=file" PROFILE_FILE="$t/x.mk" \
	KNOWN_SERVICES="sshd=dropbear" PACKAGES="busybox dropbear" "$TOP/scripts/mkconf.sh" check
expect_error "service of a package the profile lacks" "the command line: service 'sshd' comes from package dropbear, which is not in PACKAGES" \
	m SERVICES=sshd images
expect_error "unknown port name in a profile" "x.mk:5: unknown port 'sshh' in FIREWALL_ALLOW" \
	env FIREWALL_ALLOW="ssh sshh" FIREWALL=on ORIGINS="FIREWALL_ALLOW=file" PROFILE_FILE="$t/x.mk" \
	"$TOP/scripts/mkconf.sh" check
expect_error "port out of range" "the command line: unknown port '70000/tcp'" \
	m FIREWALL=on FIREWALL_ALLOW=70000/tcp images
expect_error "NET=tap with a bad NET" "NET must be user (QEMU's user mode) or tap" m NET=bridge run

# The development system (issue 7): a package Debian does not have, a
# module directory without a Kbuild file, a module that does not build
# against the kernel, and modules for a kernel without CONFIG_MODULES are
# each named in one line, and leave no tarball or module list behind.
expect_error "Debian package that does not exist" "Debian $(. /etc/os-release && echo "$VERSION_CODENAME") has no package 'tinylinux-no-such-package'" \
	m PROFILE=devel OUT="$t/devel" DEBIAN_PACKAGES="gcc tinylinux-no-such-package" debian
[ ! -e "$t/devel/debian/root.tar" ] && [ ! -e "$t/devel/debian/root.tar.tmp" ] ||
	{ echo "  FAIL     a Debian tarball was left behind"; fail=$((fail + 1)); }
expect_error "not a Debian package name" "DEBIAN_PACKAGES: 'Gcc_12' is not a Debian package name" \
	"$TOP/scripts/mkdebian.sh" "$t/x.tar" bookworm gcc Gcc_12
mkdir -p "$t/nokbuild" "$t/badmod"
expect_error "module without a Kbuild file" "module 'nokbuild' has no Kbuild file" \
	m PROFILE=devel MODULES="$t/nokbuild" modules
printf 'obj-m := badmod.o\n' >"$t/badmod/Kbuild"
printf '#include <linux/module.h>\nstatic int __init badmod_init(void)\n{\n\treturn no_such_kernel_function(42);\n}\nmodule_init(badmod_init);\nMODULE_LICENSE("GPL");\n' >"$t/badmod/badmod.c"
expect_error "module that does not build" "module 'badmod' (.*) does not build against Linux 6.1" \
	m PROFILE=devel MODULES="$t/badmod" MODULES_DIR="$t/modules" modules
[ ! -e "$t/modules/list" ] || { echo "  FAIL     a module list was left behind"; fail=$((fail + 1)); }
expect_error "modules for a kernel without them" "the kernel of profile 'default' has no CONFIG_MODULES" \
	m MODULES=hello MODULES_DIR="$t/modules0" modules

# tlsbom (the SBOM's writer, src/sbom/): bad descriptions, one line each.
tlsbom=$BUILD/host/tlsbom
printf 'document\td\thttps://x/d\t2024-01-01T00:00:00Z\ncreator\tTool: t\n' >"$t/spec"
{ cat "$t/spec"; printf 'rel\tDOCUMENT\tDESCRIBES\tPackage-x\n'; } >"$t/dangling.spec"
expect_error "SBOM: a relationship to nothing" "relationship DOCUMENT DESCRIBES Package-x: no element Package-x" \
	"$tlsbom" "$t/dangling.spec" "$t/sbom.json"
{ cat "$t/spec"; printf 'file\tF\t./a\t12\t34\t-\n'; } >"$t/sum.spec"
expect_error "SBOM: a checksum that is not one" "the SHA1 and SHA256 must be 40 and 64 hex digits" \
	"$tlsbom" "$t/sum.spec" "$t/sbom.json"
{ cat "$t/spec"; printf 'package\tA B\tx\t1\t-\t-\t-\tMIT\t-\t-\t-\t-\t-\n'; } >"$t/id.spec"
expect_error "SBOM: an ID SPDX does not allow" "an SPDX ID has letters, digits" "$tlsbom" "$t/id.spec" "$t/sbom.json"
expect_error "SBOM: an unknown kind of line" "unknown kind of line \"documnet\"" \
	sh -c 'printf "documnet\tx\n" >"$1/typo.spec" && "$2" "$1/typo.spec" "$1/sbom.json"' sh "$t" "$tlsbom"
# SPDX's validator (scripts/spdx-validate.sh) when make deps has not
# unpacked it, and a host package from another suite named wrong.
expect_error "SBOM: no validator" "pyspdxtools not found: run make deps (it unpacks python3-spdx-tools" \
	env HOSTDEBS="$t/nodebs" "$TOP/scripts/spdx-validate.sh" "$t/sbom.spdx.json"
mkdir -p "$t/brokendebs/usr/bin"
echo 'raise ImportError("no module named beartype")' >"$t/brokendebs/usr/bin/pyspdxtools"
echo '{}' >"$t/any.spdx.json"
expect_error "SBOM: the validator itself broken" "SPDX's pyspdxtools itself failed on $t/any.spdx.json: ImportError: no module named beartype" \
	env HOSTDEBS="$t/brokendebs" "$TOP/scripts/spdx-validate.sh" "$t/any.spdx.json"
expect_error "host package without a suite" "'python3-spdx-tools': expected NAME/SUITE" \
	"$TOP/scripts/hostdebs.sh" "$t/hostdebs" "$t/dl" "$TOP/sources.lock" python3-spdx-tools
expect_error "host packages from two suites" "every package from another suite comes from the same one (forky)" \
	"$TOP/scripts/hostdebs.sh" "$t/hostdebs" "$t/dl" "$TOP/sources.lock" python3-spdx-tools/forky python3-beartype/sid
# legal-info, for an image with a Debian binary apt knows nothing of.
: >"$t/nopkgs.tsv"
printf 'deb:nosuchdeb\tdeb\tnosuchdeb\t1.0-1\t-\tNOASSERTION\t-\t-\t-\t-\t-\t-\t-\tamd64:nosuchdeb\n' >"$t/debs.tsv"
expect_error "legal-info: a Debian binary apt does not know" "Debian package nosuchdeb 1.0-1 is in the images, but apt has no record of it" \
	env PKGS="$t/nopkgs.tsv" DEBS="$t/debs.tsv" DEBSRC="$t/debsrc" "$TOP/scripts/legal-info.sh" "$t/legal"
if [ ! -e "$t/sbom.json" ] && [ ! -e "$t/sbom.json.tmp" ] && [ ! -e "$t/legal" ] && [ ! -e "$t/legal.tmp" ]; then
	echo "  PASS     SBOM: nothing half-written left"
	pass=$((pass + 1))
else
	echo "  FAIL     SBOM: a half-written document was left"
	fail=$((fail + 1))
fi

# memreport (make mem-report, src/memreport/): files that are not what it
# reads, one line each.
memreport=$BUILD/host/memreport
printf 'not a map\n' >"$t/bad.map"
printf 'ffffffff80200000 T _text\nffffffff80400000 B _end\n' >"$t/ok.map"
: >"$t/empty.log"
expect_error "memreport: not a System.map" "bad.map: not a System.map" "$memreport" -m "$t/bad.map" "$t/empty.log"
expect_error "memreport: a log without the kernel's figures" 'no "Memory:" line and no /proc/meminfo' \
	"$memreport" -m "$t/ok.map" "$t/empty.log"
expect_error "memreport: an image that is no kernel" "neither a bzImage nor an ELF vmlinux" \
	"$memreport" -i "$t/ok.map" -m "$t/ok.map" "$t/empty.log"

echo "check-errors: $pass passed, $fail failed"
[ "$fail" = 0 ]
