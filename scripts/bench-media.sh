#!/bin/sh
# bench-media.sh: each boot medium's size and time to userspace, and the
# kill-during-writes test repeated KILL_ROUNDS times (make bench-media,
# docs/benchmarks.md).  Prints a Markdown report; asserts nothing.
#   env: DISK DISKS ISO TOP TLEXPECT ACCEL MEM LAUNCHER
#        TESTLOGS BOOTS KILL_ROUNDS
. "$TOP/tests/lib.sh"
set +e

# time_boot KIND FIRMWARE: seconds from QEMU's start to "init: userspace
# up" (firmware, boot loader, kernel, init), median of $BOOTS boots.
time_boot() {
	FIRMWARE=$2
	printf 'timeout 180\nexpect init: userspace up at\nmark UP\nsend poweroff\nexpect init: poweroff: done\nexit 0\n' >"$work/script"
	i=0
	while [ $i -lt "$BOOTS" ]; do
		i=$((i + 1))
		case $1 in
		disk) cp "$DISK" "$work/m.img" && boot_disk "$work/script" "$work/m.img" ;;
		iso-cd) boot_cd "$work/script" "$ISO" ;;
		iso-disk) cp "$ISO" "$work/m.img" && boot_disk "$work/script" "$work/m.img" ;;
		esac >"$work/out" 2>&1 || { echo "FAILED"; return; }
		sed -n 's/^UP //p' "$work/out"
	done | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f s", v[int((NR + 1) / 2)]; else print "FAILED" }'
}

echo "## Boot media ($(date -u +%Y-%m-%d), $(nproc) CPUs, accelerator: $ACCEL, -m $MEM, median of $BOOTS boots)"
echo
echo "| medium | size (bytes) | allocated | firmware | QEMU start -> userspace |"
echo "| --- | --- | --- | --- | --- |"
for m in disk iso-cd iso-disk; do
	f=$DISK
	[ $m = disk ] || f=$ISO
	for fw in bios uefi; do
		echo "| $m | $(stat -c %s "$f") | $(($(stat -c %b "$f") * 512)) | $fw | $(time_boot $m $fw) |"
	done
done
for n in $("$TOP/scripts/disks.sh" list "$DISKS" | cut -d' ' -f1); do
	f=$(dirname "$DISK")/disk-$n.img
	echo "| data disk $n (empty ext4) | $(stat -c %s "$f") | $(($(stat -c %b "$f") * 512)) | | |"
done

echo
echo "## Pulling the plug ($KILL_ROUNDS rounds of tests/media/kill.sh)"
echo
pass=0 fail=0 i=0
while [ $i -lt "$KILL_ROUNDS" ]; do
	i=$((i + 1))
	if FIRMWARE=bios TESTLOGS=$work/kill-$i "$TOP/tests/media/kill.sh" >"$work/kill-$i.out" 2>&1; then
		pass=$((pass + 1))
		echo "- round $i: $(tail -1 "$work/kill-$i.out")"
	else
		fail=$((fail + 1))
		echo "- round $i: FAILED ($(grep -m1 FAIL "$work/kill-$i.out"); log $work/kill-$i.out)"
	fi
done
echo
echo "$pass passed, $fail failed"
