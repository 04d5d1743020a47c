#!/bin/sh
# The configuration tools, on the default profile's real .config:
#   - savefragment.sh turns an edit (made here with the kernel's
#     scripts/config, as menuconfig would) into a fragment holding
#     exactly the changed symbols;
#   - check-config.sh accepts the edited .config against that fragment
#     and rejects the original one;
#   - the patches/linux mechanism (with a throw-away series).
# Run by "make check-config".
set -eu
t=$TESTLOGS/config
rm -rf "$t"
mkdir -p "$t"
cp "$KCONFIG.fragments" "$t/base"
cp "$KCONFIG.fragments" "$t/new"
"$LINUX_TREE/scripts/config" --file "$t/new" -e IPV6 -d UNIX -e CONFIG_PACKET
"$TOP/scripts/savefragment.sh" "$t/base" "$t/new" "$t/edit.config" >/dev/null
got=$(grep -v '^# Saved by' "$t/edit.config" | sort | tr '\n' ' ')
want=$(printf '%s\n' 'CONFIG_IPV6=y' 'CONFIG_PACKET=y' '# CONFIG_UNIX is not set' | sort | tr '\n' ' ')
if [ "$got" != "$want" ]; then
	echo "FAIL: savefragment wrote [$got], expected [$want]"
	exit 1
fi
"$TOP/scripts/check-config.sh" "$t/new" "$t/edit.config"
if "$TOP/scripts/check-config.sh" "$t/base" "$t/edit.config" 2>"$t/err"; then
	echo "FAIL: check-config accepted a .config without the fragment's values"
	exit 1
fi
[ "$(wc -l <"$t/err")" = 3 ] || { echo "FAIL: expected 3 errors:"; cat "$t/err"; exit 1; }
# A later fragment overrides an earlier one (merge_config.sh's rule).
printf 'CONFIG_UNIX=y\n' >"$t/a.config"
printf '# CONFIG_UNIX is not set\n' >"$t/b.config"
"$TOP/scripts/check-config.sh" "$t/new" "$t/a.config" "$t/b.config" ||
	{ echo "FAIL: a later fragment did not override an earlier one"; exit 1; }

# The patch series: applied in order to a hard-linked copy of the tree,
# leaving the unpacked tree untouched; a hunk that fails stops the build
# and shows the reject; nothing is redone when nothing changed.
# The trees this test makes are named after its own series' hashes
# (patches/linux's tree is left alone); the pristine tree is the one
# without a -p<hash> suffix.
# The throw-away series is the real one plus a test patch after it (the
# profiles' fragments need the real patches' options).
mkdir -p "$t/patches"
cp "$TOP"/patches/linux/*.patch "$t/patches/"
pristine=${LINUX_TREE%-p*}
series_tree() { echo "$pristine-p$(cat "$t"/patches/*.patch | sha256sum | cut -c1-12)"; }
cat >"$t/patches/9000-good.patch" <<'P'
--- a/init/Kconfig
+++ b/init/Kconfig
@@ -1,3 +1,4 @@
 # SPDX-License-Identifier: GPL-2.0-only
+# tinylinux patch-series test
 config CC_VERSION_TEXT
 	string
P
tree=$(series_tree)
trap 'rm -rf "$t/out" "$tree"' EXIT
pm() {
	$MAKE --no-print-directory -C "$TOP" LINUX_PATCH_DIR="$t/patches" \
		OUT="$t/out" linux-config
}
pm >"$t/patch.out" 2>&1 || { echo "FAIL: a good patch did not apply:"; cat "$t/patch.out"; exit 1; }
grep -q "patch-series test" "$tree/init/Kconfig" || { echo "FAIL: the patch is not in $tree"; exit 1; }
grep -q "patch-series test" "$pristine/init/Kconfig" && { echo "FAIL: the pristine tree was modified"; exit 1; }
pm | grep -q "Nothing to be done" || { echo "FAIL: applying again redid work"; exit 1; }
sed 's/patch-series test/second patch/; s/^ config CC_VERSION_TEXT/ config CC_VERSION_TEXTX/' \
	"$t/patches/9000-good.patch" >"$t/patches/9001-bad.patch"
trap 'rm -rf "$t/out" "$tree" "$(series_tree)" "$(series_tree).tmp"' EXIT
if pm >"$t/patch.out" 2>&1; then
	echo "FAIL: a patch that does not apply was accepted"
	exit 1
fi
grep -q "9001-bad.patch does not apply" "$t/patch.out" && grep -q "^+# tinylinux second patch" "$t/patch.out" ||
	{ echo "FAIL: no clear error with the reject:"; cat "$t/patch.out"; exit 1; }
echo "check-config: 3 passed, 0 failed"
