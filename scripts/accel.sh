#!/bin/sh
# accel.sh auto|kvm|tcg [KERNEL [CACHE]]: print the QEMU accelerator to use.
#
# "auto" does not trust the mere presence of /dev/kvm: on some hosts it
# exists, and even runs a trivial guest, but a real kernel hangs or QEMU
# aborts.  So the probe boots KERNEL under KVM with no root filesystem
# and panic=-1: a working KVM reaches the panic and resets within a
# second, and -no-reboot turns that into QEMU exiting with status 0.
# Anything else (a hang, an error) means TCG.  The answer is kept in
# CACHE for as long as the host stays up (keyed by its boot id).
want=${1:-auto}
kernel=${2:-}
cache=${3:-}
case $want in
kvm | tcg)
	echo "$want"
	exit 0
	;;
auto) ;;
*)
	echo "error: ACCEL=$want: use auto, kvm or tcg" >&2
	exit 1
	;;
esac
if [ ! -w /dev/kvm ] || [ ! -f "$kernel" ]; then
	echo tcg
	exit 0
fi
boot_id=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null)
if [ -n "$cache" ] && [ -f "$cache" ]; then
	read -r id answer <"$cache"
	if [ "$id" = "$boot_id" ]; then
		echo "$answer"
		exit 0
	fi
fi
if timeout 15 qemu-system-x86_64 -accel kvm -nodefaults -no-user-config \
	-display none -no-reboot -m 64M -serial null -kernel "$kernel" \
	-append "panic=-1 console=ttyS0" >/dev/null 2>&1; then
	answer=kvm
else
	answer=tcg
fi
if [ -n "$cache" ]; then
	mkdir -p "$(dirname "$cache")"
	echo "$boot_id $answer" >"$cache.tmp" && mv "$cache.tmp" "$cache"
fi
echo "$answer"
