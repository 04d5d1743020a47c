#!/bin/sh
# The hybrid ISO boots (FIRMWARE=bios: SeaBIOS and isolinux, or the
# isohybrid MBR; FIRMWARE=uefi: OVMF and syslinux.efi from the El Torito
# EFI image, or from the GPT's EFI system partition) as a CD-ROM and as a
# disk, runs from its initramfs, and passes the network test both ways:
# the guest downloads 1 MiB from the host's 127.0.0.1 (guestfwd) and its
# sha256 matches, the host fetches a page from the guest's httpd
# (hostfwd).
. "$(dirname "$0")/../lib.sh"
serve_random
NETDEV="restrict=on,guestfwd=tcp:10.0.2.100:80-cmd:$BUSYBOX nc 127.0.0.1 $port,hostfwd=tcp:127.0.0.1:$hport-:80"
for as in cd disk; do
	cat >"$work/script" <<S
timeout 180
expect init: network: eth0 10.0.2.15/24 via 10.0.2.2
expect init: userspace up at
timeout 60
check grep ' / ' /proc/mounts
output rootfs / rootfs
check if [ -d /sys/firmware/efi ]; then echo uefi; else echo bios; fi
output $FIRMWARE
check wget -q -O /tmp/rand.bin http://10.0.2.100/rand.bin
check sha256sum /tmp/rand.bin
output $sum
check mkdir -p /tmp/www && echo token-42 > /tmp/www/index.html && httpd -p 80 -h /tmp/www
run $BUSYBOX wget -q -O - http://127.0.0.1:$hport/ | grep -q token-42
send poweroff
expect init: poweroff: done
exit 0
S
	cp "$ISO" "$work/tinylinux.iso"
	if [ $as = cd ]; then
		boot_cd "$work/script" "$work/tinylinux.iso"
	else
		boot_disk "$work/script" "$work/tinylinux.iso"
	fi
	mv "$work/serial.log" "$work/serial-$as.log"
	echo "$FIRMWARE, as a $as: booted, downloaded 1 MiB (sha256 ok), served a page to the host"
done
