#!/bin/sh
# bench-desktop.sh: the desktop profile's figures (make bench-desktop,
# docs/benchmarks.md): the disk image's size (apparent and allocated),
# how many Debian packages it holds, QEMU start to a desktop on the
# screen (the time scripts/desktop-shot.sh first sees Xfce's panel, a
# poll every second), and the memory in use at an idle desktop (the
# guest's MemTotal - MemAvailable), median of $BOOTS boots.  Prints a
# Markdown report; asserts nothing.
#   env: DESKTOP_OUT DISK TOP TLEXPECT ACCEL MEM TESTLOGS BOOTS
. "$TOP/tests/lib.sh"
set +e
sock=$work/qmp.sock

median() {
	sort -n | awk -v u="$1" '{ v[NR] = $1 } END { if (NR) printf "%.1f %s", v[int((NR + 1) / 2)], u; else print "FAILED" }'
}

cat >"$work/script" <<S
timeout 300
expect init: userspace up at
mark UP
timeout 900
run $TOP/scripts/desktop-shot.sh $sock $work/shot.ppm 840
mark DESKTOP
timeout 120
check i=0; until pidof xfdesktop >/dev/null; do i=\$((i + 1)); [ \$i -lt 100 ] || exit 1; sleep 1; done; awk '/^MemTotal/ { t = \$2 } /^MemAvailable/ { a = \$2 } END { print "MEMUSED=" t - a }' /proc/meminfo
send echo poweroff >/run/initctl
expect init: poweroff: done
exit 0
S
bench_disk_boots "$work/script" --qmp "$sock"

echo "## The desktop ($(date -u +%Y-%m-%d), $(nproc) CPUs, accelerator: $ACCEL, -m $MEM, median of $BOOTS boots)"
echo
echo "| what | value |"
echo "| --- | --- |"
echo "| disk.img, apparent (sparse) | $(stat -c %s "$DISK") bytes |"
echo "| disk.img, allocated on the host | $(($(stat -c %b "$DISK") * 512)) bytes |"
echo "| Debian packages (DEBIAN_PACKAGES + dependencies) | $(wc -l <"$DESKTOP_OUT/debian/root.packages") |"
echo "| mmdebstrap's tarball | $(stat -c %s "$DESKTOP_OUT/debian/root.tar") bytes, $(tar -tf "$DESKTOP_OUT/debian/root.tar" | wc -l) entries |"
echo "| QEMU start -> userspace (SeaBIOS, syslinux, kernel, tinyinit) | $(sed -n 's/^UP //p' "$work"/out-* | median s) |"
echo "| QEMU start -> Xfce's panel on the screen | $(sed -n 's/^DESKTOP //p' "$work"/out-* | median s) |"
echo "| memory in use at the idle desktop (MemTotal - MemAvailable) | $(sed -n 's/.*MEMUSED=\([0-9][0-9]*\).*/\1/p' "$work"/serial-*.log | awk '{ print $1 / 1024 }' | median MiB) |"
