#!/bin/sh
# apply-patches.sh PRISTINE TREE NAME LOG PATCH...
# Make TREE: hard links to the PRISTINE source tree, then each PATCH in
# order with patch -p1 --fuzz=0.  patch(1) writes a new file and renames
# it, so the pristine files are never modified.  A patch that does not
# apply stops with "error: PATCH does not apply to NAME", patch's output
# and the reject; TREE is then not made.  Its stamp: TREE/.tinylinux-patched.
# Used for the kernel (mk/linux.mk) and every package with NAME_PATCHES
# (mk/package-rules.mk).
set -eu
pristine=$1 tree=$2 name=$3 log=$4
shift 4
mkdir -p "$(dirname "$log")"
rm -rf "$tree.tmp"
cp -al "$pristine" "$tree.tmp"
for p in "$@"; do
	if ! patch -d "$tree.tmp" -p1 --batch --forward --fuzz=0 \
		--no-backup-if-mismatch -i "$p" >"$log" 2>&1; then
		echo "error: ${p#"${TOP:-}"/} does not apply to $name:" >&2
		cat "$log" >&2
		find "$tree.tmp" -name '*.rej' -exec cat {} + >&2
		rm -rf "$tree.tmp"
		exit 1
	fi
done
rm -f "$tree.tmp/.tinylinux-unpacked"
touch "$tree.tmp/.tinylinux-patched"
rm -rf "$tree"
mv "$tree.tmp" "$tree"
