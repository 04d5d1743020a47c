#!/bin/sh
# bench.sh: measure what "make bench" reports (sizes, boot times, the
# smallest memory that still passes the network test).  Measures only:
# nothing here is asserted.  Environment (from mk/bench.mk): KERNEL
# INITRAMFS TINYINIT BUSYBOX TLEXPECT ACCEL WORK BOOTS, and optionally
# LABEL (a name for this kernel in the report); for another architecture
# BUSYBOX is always the host's: it serves the download.  The guest boots
# through the launcher beside KERNEL (images/run-qemu.sh).
set -eu
LAUNCHER=${LAUNCHER:-$(dirname "$KERNEL")/run-qemu.sh}
mkdir -p "$WORK/www"
head -c 65536 /dev/urandom >"$WORK/www/f.bin"
sum=$(sha256sum "$WORK/www/f.bin" | cut -d' ' -f1)
port=$($TLEXPECT --free-port)
"$BUSYBOX" httpd -f -p "127.0.0.1:$port" -h "$WORK/www" &
httpd=$!
trap 'kill $httpd 2>/dev/null || true' EXIT
i=0
until "$BUSYBOX" wget -q -O /dev/null "http://127.0.0.1:$port/f.bin" 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "bench: host httpd did not start" >&2; exit 1; }
	"$BUSYBOX" usleep 50000
done

# boot MEM: one boot; prints "userspace S" and "network S" (seconds since
# QEMU started); fails if the download does not arrive intact, or if the
# host cannot then fetch a page from the guest's httpd (the network test
# both ways, as tests/arch/boot-net.sh does it).  The quotes in
# "HTTPD=u''p" keep the console's echo of the command from matching.
boot() {
	hport=$($TLEXPECT --free-port)
	cat >"$WORK/script" <<S
timeout ${BOOT_TIMEOUT:-60}
expect userspace up at
mark userspace
send wget -q -O /tmp/f http://10.0.2.100/f.bin && sha256sum /tmp/f | sed 's/^/NET=/'
expect NET=$sum
mark network
send mkdir -p /tmp/www && echo bench-42 >/tmp/www/index.html && httpd -p 80 -h /tmp/www && echo HTTPD=u''p
expect HTTPD=up
run $BUSYBOX wget -q -O - http://127.0.0.1:$hport/ | grep -q bench-42
S
	"$TLEXPECT" -l "$WORK/serial.log" -a "Kernel panic" -a "Out of memory" \
		"$WORK/script" -- "$LAUNCHER" --accel "$ACCEL" -m "$1" --serial stdio \
		--initrd "$INITRAMFS" \
		--netdev "restrict=on,guestfwd=tcp:10.0.2.100:80-cmd:$BUSYBOX nc 127.0.0.1 $port,hostfwd=tcp:127.0.0.1:$hport-:80" 2>/dev/null
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

label=${LABEL:-tinylinux}
echo "## $label ($ACCEL)"
echo
echo "| what | value |"
echo "| --- | --- |"
echo "| kernel ($(basename "$KERNEL")) | $(stat -c %s "$KERNEL") bytes |"
echo "| initramfs | $(stat -c %s "$INITRAMFS") bytes |"
[ -n "${TINYINIT:-}" ] && echo "| tinyinit | $(stat -c %s "$TINYINIT") bytes |"
echo "| busybox | $(stat -c %s "${GUEST_BUSYBOX:-$BUSYBOX}") bytes |"
echo "| kernel + initramfs | $(($(stat -c %s "$KERNEL") + $(stat -c %s "$INITRAMFS"))) bytes |"

: >"$WORK/times"
n=0
while [ $n -lt "$BOOTS" ]; do
	boot 128M >>"$WORK/times" || { echo "bench: boot failed, see $WORK/serial.log" >&2; exit 1; }
	n=$((n + 1))
done
u=$(awk '$1 == "userspace" { print $2 }' "$WORK/times" | median)
w=$(awk '$1 == "network" { print $2 }' "$WORK/times" | median)
echo "| QEMU start to userspace (median of $BOOTS, -m 128M) | $u s |"
echo "| QEMU start to network-ready (1st download done) | $w s |"

# The smallest -m (in MiB) with which the network test passes: bisection
# between a size known to fail and one known to pass.
lo=4 hi=128
while [ $((hi - lo)) -gt 1 ]; do
	mid=$(((lo + hi) / 2))
	if boot "${mid}M" >/dev/null 2>&1; then hi=$mid; else lo=$mid; fi
done
echo "| smallest -m passing the network test (a download and httpd, both ways) | ${hi}M |"
