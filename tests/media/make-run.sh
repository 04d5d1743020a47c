#!/bin/sh
# "make PROFILE=pc run" (the initramfs), "make run-disk" and "make run-iso"
# attach the profile's data disks, and /etc/fstab mounts them, read-write,
# where it says.  Once, under FIRMWARE=bios.
# exclusive: the guests boot the build's own disk images and write to
# them, which the other media tests copy (tests/run.sh).
. "$(dirname "$0")/../lib.sh"
if [ "$FIRMWARE" = uefi ]; then
	echo "skipped under UEFI: done under BIOS"
	exit 0
fi
ndisks=$(echo "$DISKS" | wc -w)
for goal in run run-disk run-iso; do
	hport=$($TLEXPECT --free-port)
	up_steps 180 60 >"$work/script"
	cat >>"$work/script" <<S
check n=0; for d in \$(awk '/^LABEL=/ { print \$2 }' /etc/fstab); do grep -q " \$d ext4 rw" /proc/mounts && n=\$((n + 1)); done; echo "\$n mounted"; [ \$n = $ndisks ]
send poweroff
exit 0
S
	"$TLEXPECT" -l "$work/serial-$goal.log" -a "Kernel panic" "$work/script" -- \
		$MAKE --no-print-directory -C "$TOP" PROFILE=pc OUT="$OUT" $goal \
		ACCEL="$ACCEL" PORT="$hport" RESTRICT=on
	echo "make $goal: $ndisks data disks attached and mounted by fstab"
done
