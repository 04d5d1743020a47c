#!/bin/sh
# make oci: a profile's userland as an OCI image layout and as a plain
# root filesystem tarball (for "docker import").  For the devel profile
# (glibc, gcc) and the default one (static busybox):
#   - a real OCI tool reads the layout: skopeo inspect (containers/image);
#   - the image's only layer is exactly rootfs.tar (its diff_id is the
#     tarball's sha256), which holds the userland with numeric owners
#     and no device nodes;
#   - umoci unpacks it into a runtime bundle, and a real container runtime
#     runs a command in it: crun or runc, the first that works here, else
#     unshare + chroot, with the reason printed; in the devel image the
#     command compiles and runs a C program with gcc;
#   - both are reproducible: made again from the same inputs, they are
#     the same bytes (rootfs.tar) and the same files (the layout).
. "$(dirname "$0")/../lib.sh"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1704067200}
fail() {
	echo "FAIL: $*"
	exit 1
}

# run_in BUNDLE COMMAND: run the shell COMMAND in the bundle's container;
# its output goes to $work/out, the runtime used to $runtime.
run_in() {
	b=$1
	jq --arg cmd "echo TL-STARTED; $2" '.process.terminal = false | .process.args = ["/bin/sh", "-c", $cmd]' \
		<"$b/config.json" >"$b/config.new" &&
		mv "$b/config.new" "$b/config.json" || fail "cannot edit $b/config.json"
	why=
	for rt in crun runc; do
		if ! command -v $rt >/dev/null; then
			why="$why $rt: not installed;"
			continue
		fi
		$rt run --bundle "$b" "tl-$name-$$" </dev/null >"$work/out" 2>"$work/err" || true
		$rt delete -f "tl-$name-$$" >/dev/null 2>&1 || true
		if grep -q TL-STARTED "$work/out"; then
			runtime=$rt
			return 0
		fi
		why="$why $rt: $(tail -n 1 "$work/err");"
	done
	runtime="unshare + chroot, because no container runtime works here"
	echo "NOTE: $runtime:$why"
	unshare $([ "$(id -u)" = 0 ] || echo --map-root-user) --mount --uts --ipc --pid --fork \
		chroot "$b/rootfs" /bin/sh -c "echo TL-STARTED; $2" \
		</dev/null >"$work/out" 2>"$work/err" || true
	grep -q TL-STARTED "$work/out" || { cat "$work/err"; fail "unshare + chroot could not run the container's shell"; }
}

check_image() {
	prof=$1 out=$2 cmd=$3 want=$4
	oci=$out/images/oci tar=$out/images/rootfs.tar
	[ -f "$oci/index.json" ] && [ -f "$tar" ] || fail "$prof: run 'make PROFILE=$prof oci' first"

	skopeo inspect "oci:$oci:$prof" >"$work/$prof.inspect" 2>&1 ||
		{ cat "$work/$prof.inspect"; fail "$prof: skopeo cannot read the OCI layout"; }
	[ "$(jq -r '.Architecture + " " + .Os + " " + (.Layers | length | tostring)' "$work/$prof.inspect")" = "amd64 linux 1" ] ||
		{ cat "$work/$prof.inspect"; fail "$prof: skopeo does not see one amd64/linux layer"; }

	manifest=$(jq -r '.manifests[0].digest' "$oci/index.json" | sed 's|:|/|')
	config=$(jq -r '.config.digest' "$oci/blobs/$manifest" | sed 's|:|/|')
	diffid=$(jq -r '.rootfs.diff_ids[0]' "$oci/blobs/$config")
	[ "$diffid" = "sha256:$(sha256sum <"$tar" | cut -d' ' -f1)" ] ||
		fail "$prof: the image's layer ($diffid) is not rootfs.tar"
	tar -tvf "$tar" >"$work/$prof.list"
	grep -q ' \./bin/sh -> ' "$work/$prof.list" || fail "$prof: no /bin/sh in rootfs.tar"
	! grep -q '^[cb]' "$work/$prof.list" || fail "$prof: rootfs.tar holds device nodes"
	! awk '{ print $2 }' "$work/$prof.list" | grep -qv '^[0-9]*/[0-9]*$' ||
		fail "$prof: rootfs.tar has owner names, not only numbers"
	grep -q '^-rwxr-xr-x 0/0 .* \./bin/busybox$' "$work/$prof.list" || fail "$prof: /bin/busybox is not 0:0, 755"

	rm -rf "$work/bundle-$prof"
	umoci unpack $([ "$(id -u)" = 0 ] || echo --rootless) --image "$oci:$prof" "$work/bundle-$prof" \
		>"$work/$prof.unpack" 2>&1 || { tail "$work/$prof.unpack"; fail "$prof: umoci unpack failed"; }
	run_in "$work/bundle-$prof" "$cmd"
	grep -q "$want" "$work/out" || { cat "$work/out" "$work/err"; fail "$prof: the container did not print '$want'"; }
	echo "$prof: skopeo reads the layout, layer = rootfs.tar ($(stat -c %s "$tar") bytes), ran in $runtime${why:+ (not in:$why)}: $(grep "$want" "$work/out" | head -1)"
}

check_repro() {
	prof=$1 out=$2 base=${3:-}
	"$TOP/scripts/mkroottar.sh" "$work/rootfs-$prof.tar" "$out/initramfs-tinyinit.list" $base ||
		fail "$prof: mkroottar.sh failed"
	cmp "$work/rootfs-$prof.tar" "$out/images/rootfs.tar" || fail "$prof: rootfs.tar is not reproducible"
	"$TOP/scripts/mkoci.sh" "$work/oci-$prof" "$work/rootfs-$prof.tar" "$prof" amd64 || fail "$prof: mkoci.sh failed"
	diff -r "$work/oci-$prof" "$out/images/oci" >/dev/null || fail "$prof: the OCI layout is not reproducible"
	rm -rf "$work/rootfs-$prof.tar" "$work/oci-$prof"
	echo "$prof: made again, rootfs.tar and the OCI layout are the same bytes (manifest $(jq -r '.manifests[0].digest' "$out/images/oci/index.json" | cut -c1-23)...)"
}

check_image devel "$OUT" \
	"cd /tmp && echo 'int main(void) { puts(\"hello from gcc in a container\"); return 0; }' >c.c && gcc -include stdio.h -o c c.c && ./c" \
	"hello from gcc in a container"
check_image default "$DEFAULT_OUT" "echo hello from busybox in a container, \$(readlink /bin/sh)" \
	"hello from busybox in a container, /bin/busybox"
check_repro devel "$OUT" "$OUT/debian/root.tar"
check_repro default "$DEFAULT_OUT"
