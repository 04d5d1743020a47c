#!/bin/sh
# kimage reads this architecture's kernel image: the ARM zImage header
# (magic 0x016f2818) and its xz payload, which "extract" unpacks to the
# very Image the kernel build made; the arm64 and RISC-V Image headers,
# whose image_size covers the file.
. "$(dirname "$0")/../lib.sh"
case $ARCH in
arm) want=arm-zimage ;;
arm64) want=arm64-image ;;
riscv64) want=riscv-image ;;
*) echo "FAIL: no kimage format known for ARCH=$ARCH"; exit 1 ;;
esac
"$KIMAGE" info "$KERNEL"
"$KIMAGE" info --json "$KERNEL" >"$work/info.json"
grep -q "\"format\":\"$want\"" "$work/info.json" ||
	{ echo "FAIL: format is not $want:"; cat "$work/info.json"; exit 1; }
size=$(stat -c %s "$KERNEL")
if [ "$want" = arm-zimage ]; then
	grep -q '"compression":"xz"' "$work/info.json" &&
		! grep -q '"unpacked_size":0' "$work/info.json" ||
		{ echo "FAIL: the zImage's xz payload was not unpacked:"; cat "$work/info.json"; exit 1; }
	# The kernel build's own Image, in its object directory (test.env's
	# KOBJ): extract must give the same bytes.
	if [ -n "$KOBJ" ]; then
		[ -f "$KOBJ/arch/arm/boot/Image" ] || { echo "FAIL: $KOBJ/arch/arm/boot/Image is missing"; exit 1; }
		"$KIMAGE" extract "$KERNEL" "$work/Image"
		cmp "$work/Image" "$KOBJ/arch/arm/boot/Image" ||
			{ echo "FAIL: extract differs from $KOBJ/arch/arm/boot/Image"; exit 1; }
		echo "extract: byte-exact with the kernel build's arch/arm/boot/Image"
	fi
else
	isz=$(sed -n 's/.*"image_size":\([0-9]*\).*/\1/p' "$work/info.json")
	[ "$isz" -ge "$size" ] ||
		{ echo "FAIL: image_size $isz < file size $size"; exit 1; }
fi
echo "$ARCH: kimage reads $(basename "$KERNEL") as $want"
