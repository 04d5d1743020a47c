#!/bin/sh
# kshrink's search, without building kernels: the "build and test"
# command is a stand-in that fails when the trial fragment turns off
# CONFIG_PCI or CONFIG_X86_MPPARSE, and writes an image whose size falls
# with every symbol turned off.  Checks the delta debugging (those two
# stay on, every other candidate goes off), the kept-symbol fragments,
# and that a second run replays every try without running one.
# Environment: KSHRINK KCONFIG LINUX_TREE TOP TESTLOGS
set -eu
t=$TESTLOGS/shrink
rm -rf "$t"
mkdir -p "$t"
cat >"$t/fake" <<'F'
#!/bin/sh
t=$(dirname "$0")
echo run >>"$t/runs"
grep -qE '^# CONFIG_(PCI|X86_MPPARSE) is not set' "$t/state/try.config" && exit 1
head -c $((100000 - 10 * $(wc -l <"$t/state/try.config"))) /dev/zero >"$t/image"
F
chmod +x "$t/fake"
run() {
	"$KSHRINK" --state "$t/state" --config "$KCONFIG" --srctree "$LINUX_TREE" \
		--keep "$TOP/configs/linux/serial.config" --image "$t/image" -- "$t/fake"
}
run >"$t/run1.log" || { echo "FAIL: kshrink failed:"; cat "$t/run1.log"; exit 1; }
for s in PCI X86_MPPARSE SERIAL_8250; do
	grep -q "CONFIG_$s is not set" "$t/state/shrink.config" &&
		{ echo "FAIL: CONFIG_$s was turned off"; cat "$t/state/shrink.config"; exit 1; }
done
off=$(grep -c 'is not set' "$t/state/shrink.config")
[ "$off" -ge 5 ] || { echo "FAIL: only $off symbols turned off"; cat "$t/run1.log"; exit 1; }
runs=$(wc -l <"$t/runs")
run >"$t/run2.log"
[ "$(wc -l <"$t/runs")" = "$runs" ] || { echo "FAIL: the second run built again"; exit 1; }
grep -q "replayed" "$t/run2.log" || { echo "FAIL: nothing replayed"; exit 1; }
echo "  PASS     kshrink: $off symbols off in $runs tries, PCI and X86_MPPARSE kept, the second run replayed all"
