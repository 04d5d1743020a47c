#!/bin/sh
# run-qemu.sh: boot this directory's images in QEMU.  The one place where
# a QEMU command line is assembled: make run, run-disk, run-iso,
# boot-trace, every test and every benchmark call it.
#
# The build writes it into each images directory as images/run-qemu.sh:
# the lines above "@IMAGE@" (mk/launcher.mk) say what this image is, from
# the architecture table (mk/arch.mk) and the profile; this part is the
# same for all.  It needs only QEMU (and, for UEFI, OVMF; for riscv64,
# OpenSBI) from Debian: copy the images directory anywhere and run it.
#
# usage: run-qemu.sh [OPTION...] [-- QEMU-ARGUMENT...]
#   -m SIZE              memory (default: the profile's, $MEM)
#   --accel auto|kvm|tcg auto (default): KVM where it really runs a
#                        guest (probed by booting this kernel), else TCG
#   --probe              print the accelerator auto chooses, and exit
#   --initrd FILE        boot the kernel with this initramfs (default:
#                        the image's own, $INITRD)
#   --append ARGS        more kernel arguments (after console=)
#   --disk FILE          boot a disk image instead, through the firmware
#   --iso FILE           boot an ISO image from a CD-ROM drive
#   --iso-disk FILE      boot an ISO image as a disk (a USB stick)
#   --firmware bios|uefi the PC's firmware for --disk and --iso (SeaBIOS,
#                        or OVMF with a fresh copy of its variables)
#   --state DIR          where OVMF's variables are kept (default: here)
#   --net user|tap|none  QEMU's user network (default), the test
#                        network's tap device tltap0, or no NIC
#   --netdev SPEC        the -netdev options after "user," or "tap,"
#                        (restrict=on, guestfwd=..., hostfwd=...); after
#                        --net none, it means the user network
#   --fwd HOST:GUEST     forward 127.0.0.1:HOST to the guest's TCP port
#   --nic virtio|e1000   the PC's NIC (the boards have their own)
#   --serial stdio|mon   the console on stdio, with QEMU's monitor on
#                        Ctrl-A C (mon, the default) or without (stdio)
#   --display none|auto|gtk|sdl|vnc=...   the screen of --disk and
#                        --iso boots; auto: gtk when this session has a
#                        display (refused if QEMU has no gtk), else VNC on
#                        127.0.0.1 (the first free display from :1, said
#                        on stderr)
#   --qmp SOCKET         QEMU's QMP on a unix socket (screendump, keys:
#                        the desktop's tests)
#   --data FILE:NAME:BUS a data disk (scripts/disks.sh args writes these):
#                        BUS virtio (the board's virtio-blk, $BLK), sata
#                        (an AHCI controller) or ide (the PC's PIIX);
#                        NAME is its serial number
#   --icount             count instructions: the guest's clock advances
#                        1 ns per instruction (-icount shift=0,sleep=off,
#                        TCG only), so a time the guest measures is an
#                        instruction count, free of the host's noise
#   --dry-run            print the command instead of running it
# Everything after "--" goes to QEMU as it is.
# -no-reboot makes the guest's poweroff (and reboot) end QEMU with
# status 0.
set -eu
# @IMAGE@
die() {
	echo "run-qemu.sh: $*" >&2
	exit 1
}
here=$(cd "$(dirname "$0")" && pwd)
accel=auto mem=$MEM initrd=$here/$INITRD append= medium=kernel file= firmware=bios
state=$here net=user netdev= fwd= nic=$NIC serial=mon display=none dry=
probe= data= icount= qmp=
while [ $# -gt 0 ]; do
	case $1 in
	--) shift; break ;;
	-m | --accel | --initrd | --append | --disk | --iso | --iso-disk | \
		--firmware | --state | --net | --netdev | --fwd | --nic | --serial | --display | --data | --qmp)
		[ $# -ge 2 ] || die "$1 needs a value"
		case $1 in
		-m) mem=$2 ;;
		--accel) accel=$2 ;;
		--initrd) initrd=$2 ;;
		--append) append=$2 ;;
		--disk) medium=disk file=$2 ;;
		--iso) medium=iso file=$2 ;;
		--iso-disk) medium=isodisk file=$2 ;;
		--firmware) firmware=$2 ;;
		--state) state=$2 ;;
		--net) net=$2 ;;
		--netdev) netdev=$2 net=${net#none} net=${net:-user} ;;
		--fwd) fwd="$fwd $2" ;;
		--nic) nic=$2 ;;
		--serial) serial=$2 ;;
		--display) display=$2 ;;
		--data) data="$data $2" ;;
		--qmp) qmp=$2 ;;
		esac
		shift 2
		;;
	--probe) probe=y; shift ;;
	--icount) icount=y; shift ;;
	--dry-run) dry=y; shift ;;
	-h | --help)
		sed -n '/^# usage/,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'
		echo "This image: $PROFILE for $ARCH, kernel $KERNEL, initramfs $INITRD, -m $MEM."
		exit 0
		;;
	*) die "unknown option '$1' (--help lists them; QEMU's own go after --)" ;;
	esac
done

# Inputs are checked before QEMU sees them: one line each.
case $accel in auto | kvm | tcg) ;; *) die "--accel $accel: use auto, kvm or tcg" ;; esac
case $firmware in bios | uefi) ;; *) die "--firmware $firmware: use bios or uefi" ;; esac
case $net in user | tap | none) ;; *) die "--net $net: use user, tap or none" ;; esac
case $serial in stdio | mon) ;; *) die "--serial $serial: use stdio or mon" ;; esac
# The screen's back-end: one QEMU may lack gtk or sdl (Debian puts them
# in qemu-system-gui), and auto needs a display to open a window on.
has_display() {
	$QEMU -display help 2>/dev/null | grep -qx "$1"
}
free_vnc() {
	# The first display N (TCP port 5900+N) nobody listens on.
	n=1
	while awk -v p="$(printf '%04X' $((5900 + n)))" '$2 ~ ":" p "$" && $4 == "0A" { f = 1 } END { exit !f }' \
		/proc/net/tcp /proc/net/tcp6 2>/dev/null; do
		n=$((n + 1))
	done
	echo "$n"
}
case $display in
none | vnc=*) ;;
auto)
	if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
		n=$(free_vnc)
		echo "run-qemu.sh: no display in this session (DISPLAY is not set): the screen is on VNC at 127.0.0.1:$((5900 + n)) (vncviewer 127.0.0.1:$n)" >&2
		display=vnc=127.0.0.1:$n
	else
		has_display gtk ||
			die "--display auto: this session has a display, but this QEMU has no 'gtk' display back-end: install Debian's qemu-system-gui (or use --display vnc=127.0.0.1:1)"
		display=gtk
	fi
	;;
gtk | sdl | curses | egl-headless | spice-app | dbus)
	has_display "$display" ||
		die "--display $display: this QEMU has no '$display' display back-end (Debian's qemu-system-gui has gtk and sdl; --display vnc=127.0.0.1:1 needs none)"
	;;
*) die "--display $display: use none, auto, gtk, sdl or vnc=HOST:N" ;;
esac
nicdev=$NIC_DEVICE
if [ -n "$NICS" ]; then
	case " $NICS " in
	*" $nic "*) ;;
	*) die "--nic $nic: $ARCH has $NICS" ;;
	esac
	nicdev="-device $(eval echo "\$NIC_$nic"),netdev=n0"
fi
[ -f "$here/$KERNEL" ] || die "missing image: $here/$KERNEL (build it first: make)"

# KVM, where it really runs a guest: the mere presence of /dev/kvm is not
# enough (on some hosts a trivial guest runs and a real kernel hangs or
# QEMU aborts).  The probe boots this kernel under KVM with no root
# filesystem and panic=-1: a working KVM panics and resets within a
# second, and -no-reboot makes QEMU exit with status 0.  Anything else
# means TCG.  The answer is kept in $ACCEL_CACHE (when set) for as long
# as the host stays up.
probe_kvm() {
	[ "$KVM" = y ] && [ -w /dev/kvm ] || { echo tcg; return; }
	id=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null || echo none)
	if [ -n "${ACCEL_CACHE:-}" ] && [ -f "$ACCEL_CACHE" ]; then
		read -r cid answer <"$ACCEL_CACHE" || true
		[ "$cid" != "$id" ] || { echo "$answer"; return; }
	fi
	if timeout 15 $QEMU -accel kvm -nodefaults -no-user-config -display none \
		-no-reboot -m 64M -serial null -kernel "$here/$KERNEL" \
		-append "panic=-1 console=$CONSOLE${BOOT_APPEND:+ $BOOT_APPEND}" >/dev/null 2>&1; then
		answer=kvm
	else
		answer=tcg
	fi
	if [ -n "${ACCEL_CACHE:-}" ]; then
		mkdir -p "$(dirname "$ACCEL_CACHE")"
		echo "$id $answer" >"$ACCEL_CACHE.tmp" && mv "$ACCEL_CACHE.tmp" "$ACCEL_CACHE"
	fi
	echo "$answer"
}
if [ -n "$icount" ]; then
	[ "$accel" != kvm ] || die "--icount counts TCG's instructions: not with --accel kvm"
	accel=tcg
fi
[ "$accel" != auto ] || accel=$(probe_kvm)
if [ -n "$probe" ]; then
	echo "$accel"
	exit 0
fi

case $medium in
kernel)
	[ -f "$initrd" ] || die "missing initramfs: $initrd"
	;;
*)
	[ -f "$file" ] || die "missing image: $file"
	[ -n "$PC" ] || die "--disk and --iso boot a PC through its firmware: $ARCH boots its kernel directly"
	;;
esac

# The command, built in "$@" (the pass-through arguments stay at the end).
n=$#
set -- "$@" $QEMU -nodefaults -no-user-config -no-reboot -accel "$accel" -m "$mem"
[ -z "$icount" ] || set -- "$@" -icount shift=0,sleep=off
if [ "$serial" = mon ]; then set -- "$@" -serial mon:stdio; else set -- "$@" -serial stdio; fi
case $medium in
kernel)
	set -- "$@" -display none -kernel "$here/$KERNEL"
	[ -z "$DTB" ] || set -- "$@" -dtb "$here/$DTB"
	# (BOOT_APPEND: what the machine needs, microvm's reboot=t.)
	set -- "$@" -initrd "$initrd" -append "console=$CONSOLE${BOOT_APPEND:+ $BOOT_APPEND}${append:+ $append}"
	;;
*)
	set -- "$@" -M pc -vga std -display "$display"
	# An absolute pointer (the desktop's): the guest's pointer is where
	# the host's mouse is, without a grab.
	[ "$POINTER" != usb-tablet ] || set -- "$@" -device qemu-xhci,id=usb -device usb-tablet,bus=usb.0
	if [ "$firmware" = uefi ]; then
		[ -f "$OVMF_CODE" ] || die "missing $OVMF_CODE: install Debian's ovmf"
		mkdir -p "$state"
		cp "$OVMF_VARS" "$state/OVMF_VARS.fd"
		set -- "$@" -drive "if=pflash,format=raw,readonly=on,file=$OVMF_CODE" \
			-drive "if=pflash,format=raw,file=$state/OVMF_VARS.fd"
	fi
	if [ "$medium" = iso ]; then
		set -- "$@" -drive "file=$file,format=raw,if=none,id=cd,media=cdrom,readonly=on" \
			-device ide-cd,drive=cd,bootindex=0
	else
		# A disk image is written to; an ISO booted as a disk (a USB
		# stick, make run-iso ISO_AS=disk) is not.
		ro=
		[ "$medium" != isodisk ] || ro=,readonly=on
		set -- "$@" -drive "file=$file,format=raw,if=none,id=root$ro" \
			-device virtio-blk-pci,drive=root,bootindex=0
	fi
	;;
esac
[ -z "$qmp" ] || set -- "$@" -qmp "unix:$qmp,server=on,wait=off"
case $net in
user)
	spec=user,id=n0${netdev:+,$netdev}
	for f in $fwd; do
		spec="$spec,hostfwd=tcp:127.0.0.1:${f%%:*}-:${f#*:}"
	done
	set -- "$@" -netdev "$spec" $nicdev
	;;
tap) set -- "$@" -netdev "tap,id=n0,ifname=tltap0,script=no,downscript=no${netdev:+,$netdev}" $nicdev ;;
none) ;;
esac
# The data disks, after the NIC (their PCI slots come after it, as they
# always did), the AHCI controller of sata disks first: each bus numbers
# its own.
nsata=0 nide=0
case $data in *:sata | *:sata\ *) set -- "$@" -device ahci,id=tlsata ;; esac
for d in $data; do
	IFS=: read -r dfile dname dbus dextra <<EOF
$d
EOF
	[ -n "$dname" ] && [ -z "$dextra" ] || die "--data $d: use FILE:NAME:BUS"
	[ -f "$dfile" ] || die "missing disk image: $dfile"
	set -- "$@" -drive "file=$dfile,format=raw,if=none,id=d-$dname"
	case $dbus in
	virtio)
		[ -n "$BLK" ] || die "--data $d: $ARCH's board has no virtio transport"
		set -- "$@" -device "$BLK,drive=d-$dname,serial=$dname"
		;;
	sata | ide)
		[ -n "$PC" ] || die "--data $d: $dbus is a controller of the PC; $ARCH has virtio only"
		if [ "$dbus" = sata ]; then
			set -- "$@" -device "ide-hd,drive=d-$dname,bus=tlsata.$nsata,serial=$dname"
			nsata=$((nsata + 1))
		else
			set -- "$@" -device "ide-hd,drive=d-$dname,bus=ide.$((nide / 2)),unit=$((nide % 2)),serial=$dname"
			nide=$((nide + 1))
		fi
		;;
	*) die "--data $d: BUS must be virtio, sata or ide" ;;
	esac
done
# Move the pass-through arguments (the first $n) to the end.
while [ $n -gt 0 ]; do
	set -- "$@" "$1"
	shift
	n=$((n - 1))
done
if [ -n "$dry" ]; then
	# One line a shell takes back: arguments with spaces are quoted.
	for a in "$@"; do
		case $a in
		*[!A-Za-z0-9_./:,=+-]*) printf "'%s' " "$a" ;;
		*) printf '%s ' "$a" ;;
		esac
	done | sed 's/ $//'
	echo
	exit 0
fi
[ -z "$QEMU_ENV" ] || export $QEMU_ENV
exec "$@"
