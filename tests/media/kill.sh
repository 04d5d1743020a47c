#!/bin/sh
# Pull the plug: QEMU is killed (SIGKILL) while the guest writes files
# on the root filesystem and on a data disk, fsync'ing each one and then
# saying so on the console, with a large unsynced write going on beside
# them (a write that fails ends the loop: the test then times out
# waiting, with "WRITE FAILED" in the log).  The next boot must mount both filesystems (ext4 replays its
# journal), find every file that was reported synced intact, and power
# off cleanly; then e2fsck on the host finds both filesystems clean.
# SeaBIOS only (the firmware plays no part in this); make bench-media
# repeats it (KILL_ROUNDS) and counts the failures.
. "$(dirname "$0")/../lib.sh"
if [ "$FIRMWARE" = uefi ]; then
	echo "skipped under UEFI: the same test as under BIOS"
	exit 0
fi
PATH=$PATH:/usr/sbin:/sbin
cp "$DISK" "$work/disk.img"
"$TOP/scripts/disks.sh" images "crash:32M" "$work" >/dev/null
data=$("$TOP/scripts/disks.sh" args "crash:32M" "$work")
# The first N files are awaited; the kill comes while later ones are
# being written.
N=${KILL_AFTER:-20}
content='seq $i $((i + 3000))'
up_steps 180 60 >"$work/script"
cat >>"$work/script" <<S
check mkdir -p /m /stress && mount LABEL=crash /m && mkdir -p /m/stress
send for d in /stress /m/stress; do (dd if=/dev/zero of=\$d/big bs=64k count=64 2>/dev/null &); done; i=0; while :; do i=\$((i + 1)); for d in /stress /m/stress; do $content | dd of=\$d/f\$i conv=fsync 2>/dev/null || break 2; done; echo SYNCED \$i; done; echo WRITE FAILED \$i
expect SYNCED $N
kill 9
exit 137
S
boot_disk "$work/script" "$work/disk.img" $data
synced=$(tr -d '\r' <"$work/serial.log" | sed -n 's/^SYNCED \([0-9][0-9]*\)$/\1/p' | tail -1)
[ "${synced:-0}" -ge "$N" ] || { echo "FAIL: the log shows $synced files synced, expected at least $N"; exit 1; }
mv "$work/serial.log" "$work/serial-1.log"
up_steps 180 120 >"$work/script"
cat >>"$work/script" <<S
check mkdir -p /m && mount LABEL=crash /m && [ "\$(grep -c -e ' / ext4 rw' -e ' /m ext4 rw' /proc/mounts)" = 2 ]
check n=0; for i in \$(seq 1 $synced); do for d in /stress /m/stress; do $content | cmp -s - \$d/f\$i && n=\$((n + 1)); done; done; echo "\$n intact"; [ \$n = $((synced * 2)) ]
check [ "\$(dmesg | grep -c 'EXT4-fs.*error')" = 0 ]
send umount /m && poweroff
expect init: poweroff: done
exit 0
S
boot_disk "$work/script" "$work/disk.img" $data
recovered=$(grep -ac 'recovery complete' "$work/serial.log" || true)
# The root partition starts after the MBR's 1 MiB and the boot partition.
start=$(sfdisk -d "$work/disk.img" | sed -n 's/.*disk.img2 : start= *\([0-9]*\),.*/\1/p')
[ -n "$start" ] || { echo "FAIL: no second partition in the disk image"; exit 1; }
dd if="$work/disk.img" of="$work/root.img" bs=512 skip="$start" status=none
for fs in root.img disk-crash.img; do
	e2fsck -fn "$work/$fs" >"$work/e2fsck-$fs.log" 2>&1 ||
		{ echo "FAIL: e2fsck finds $fs damaged:"; tail -5 "$work/e2fsck-$fs.log"; exit 1; }
done
echo "killed after $synced synced files (x2), all intact; $recovered journal(s) replayed; e2fsck clean"
