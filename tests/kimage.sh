#!/bin/sh
# kimage on the project's bzImage: it finds the boot header and the xz
# payload, "extract" gives back the build's vmlinux.bin byte for byte,
# --json is one JSON object, and bad files give one line and status 1.
set -u
t=$TESTLOGS/kimage
rm -rf "$t"
mkdir -p "$t"
pass=0 fail=0
ok() { echo "  PASS     $1"; pass=$((pass + 1)); }
ko() { echo "  FAIL     $1"; fail=$((fail + 1)); }

"$KIMAGE" info "$IMAGE" >"$t/info.txt" 2>&1
if grep -q "boot protocol   2\.15" "$t/info.txt" && grep -q "payload .*, xz$" "$t/info.txt" &&
	grep -q "ELF64 x86_64" "$t/info.txt"; then
	ok "info: protocol 2.15, xz payload, ELF64 x86_64 vmlinux"
else
	ko "info:"; cat "$t/info.txt"
fi
if "$KIMAGE" extract "$IMAGE" "$t/vmlinux" >/dev/null && cmp -s "$t/vmlinux" "$VMLINUX_BIN"; then
	ok "extract: byte-identical to the build's vmlinux.bin ($(stat -c %s "$t/vmlinux") bytes)"
else
	ko "extract differs from $VMLINUX_BIN"
fi
"$KIMAGE" info --json "$IMAGE" >"$t/info.json"
if [ "$(wc -l <"$t/info.json")" = 1 ] && grep -q '^{"file_size":.*"protocol":"2.15".*"compression":"xz".*}$' "$t/info.json"; then
	ok "info --json: one object"
else
	ko "info --json:"; cat "$t/info.json"
fi

# Debian's signed kernel: another build, relocatable, with a signature
# appended after the decompressor.
"$KIMAGE" info "$DEBIAN_VMLINUZ" >"$t/debian.txt" 2>&1
if grep -q "kernel_version  .*Debian" "$t/debian.txt" && grep -q "relocatable     1" "$t/debian.txt" &&
	grep -q "ELF64 x86_64" "$t/debian.txt" &&
	"$KIMAGE" extract "$DEBIAN_VMLINUZ" "$t/debian.vmlinux" >/dev/null &&
	[ "$(head -c 4 "$t/debian.vmlinux" | od -An -c | tr -d ' ')" = '177ELF' ]; then
	ok "Debian's $(basename "$DEBIAN_VMLINUZ"): $(sed -n 's/.*payload  *//p' "$t/debian.txt"), vmlinux $(stat -c %s "$t/debian.vmlinux") bytes"
else
	ko "Debian's vmlinuz:"; cat "$t/debian.txt"
fi
rm -f "$t/debian.vmlinux"

# bad FILE: exit status 1, exactly one line on stderr, nothing on stdout.
bad() {
	"$KIMAGE" info "$2" >"$t/out" 2>"$t/err"
	st=$?
	if [ $st = 1 ] && [ "$(wc -l <"$t/err")" = 1 ] && [ ! -s "$t/out" ]; then
		ok "$1: $(cat "$t/err")"
	else
		ko "$1: status $st"; cat "$t/err" "$t/out"
	fi
}
: >"$t/empty"
bad "empty file" "$t/empty"
head -c 300000 "$IMAGE" >"$t/truncated"
bad "truncated image" "$t/truncated"
head -c 65536 /dev/urandom >"$t/random"
bad "random bytes" "$t/random"
bad "missing file" "$t/nonexistent"
# A corrupt payload: flip bytes in the middle of the compressed kernel.
cp "$IMAGE" "$t/corrupt"
printf 'garbagegarbage' | dd of="$t/corrupt" bs=1 seek=500000 conv=notrunc 2>/dev/null
"$KIMAGE" extract "$t/corrupt" "$t/out.vmlinux" 2>"$t/err"
if [ $? = 1 ] && [ ! -e "$t/out.vmlinux" ] && [ ! -e "$t/out.vmlinux.tmp" ]; then
	ok "corrupt payload: $(cat "$t/err"), nothing written"
else
	ko "corrupt payload"
fi
"$KIMAGE" info "$t/corrupt" >"$t/out" 2>"$t/err"
if [ $? = 1 ] && [ "$(wc -l <"$t/err")" = 1 ] && grep -q "boot protocol" "$t/out"; then
	ok "info on a corrupt payload: the header, then one error line, status 1"
else
	ko "info on a corrupt payload"
fi
echo "check-kimage: $pass passed, $fail failed"
[ "$fail" = 0 ]
