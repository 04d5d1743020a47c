#!/bin/sh
# The launcher needs no build tree: a copy of the images directory
# elsewhere boots with its own run-qemu.sh (relative to itself), to a
# shell, and poweroff ends it with status 0.  --dry-run shows the
# command it would run, naming the copy's files.
. "$(dirname "$0")/../lib.sh"
copy=$work/copy/images
mkdir -p "$copy"
cp -r "$(dirname "$KERNEL")"/. "$copy/"
"$copy/run-qemu.sh" --accel tcg --dry-run >"$work/dry-run"
grep -q -- "-kernel $copy/" "$work/dry-run" ||
	{ echo "FAIL: the copy's launcher does not boot the copy:"; cat "$work/dry-run"; exit 1; }
up_steps >"$work/script"
cat >>"$work/script" <<'S'
check uname -r
send poweroff
exit 0
S
# (The initramfs under test is the copy's when it came from the same
# directory: check-kml also boots the kml kernel with another's.)
[ "$(dirname "$INITRD")" != "$(dirname "$KERNEL")" ] || INITRD=$copy/$(basename "$INITRD")
LAUNCHER=$copy/run-qemu.sh boot "$work/script" --netdev restrict=on
echo "a copy of $(basename "$(dirname "$(dirname "$KERNEL")")")/images booted through its own run-qemu.sh; poweroff gave status 0"
