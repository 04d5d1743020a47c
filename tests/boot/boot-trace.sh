#!/bin/sh
# make boot-trace's way of booting: initcall_debug, a log buffer large
# enough, setup.bin's early console.  boottrace must name every initcall
# through System.map, give each its level and see every step of the boot.
APPEND=${BOOTTRACE_APPEND:?is set by make (mk/boottrace.mk)}
. "$(dirname "$0")/../lib.sh"
boot "$TOP/tests/boot-trace.expect" --netdev restrict=on >"$work/marks"
"$BOOTTRACE" -n 1000 -m "${KERNEL%/*}/System.map" -t "$work/marks" \
	"$work/serial.log" >"$work/report.txt"
calls=$(grep -c 'calling  0x' "$work/serial.log")
fail() {
	echo "FAIL: $1 (report: $work/report.txt)"
	cat "$work/report.txt"
	exit 1
}
[ "$calls" -gt 100 ] || fail "only $calls initcalls in the serial log"
grep -Eq "^  total +$calls " "$work/report.txt" || fail "not all $calls initcalls returned and counted"
for l in early core postcore arch subsys fs device late; do
	grep -Eq "^  $l +[0-9]" "$work/report.txt" || fail "no initcall of level $l"
done
! grep -Eq '0xffff|  \? ' "$work/report.txt" || fail "an initcall without a name or a level"
grep -q ' virtio_net_driver_init$' "$work/report.txt" || fail "virtio_net_driver_init is missing"
for step in 'setup.bin runs' 'kernel clock starts' 'initramfs unpacked' \
	'executes /init as PID 1' 'userspace up'; do
	grep -q "$step" "$work/report.txt" || fail "no timeline step '$step'"
done
sed -n '1,16p' "$work/report.txt"
