#!/bin/sh
# kbuild.sh: build a kernel configuration once, whichever profile asks.
#
#   kbuild.sh CONFIG KERNELS DIR LINK LABEL LOG -- MAKE-COMMAND...
#
# The object directory is named after what decides the result: the final
# .config (which records the compiler's and the kernel's versions too)
# and the rest of the key in $KEY (source tarball, patch series, ARCH,
# make targets, compilers, reproducibility settings).  Two profiles whose
# configurations come out the same (pc and devel) share one directory,
# one build, one set of objects.  DIR, when not empty, is used instead
# (make shrink's trials: one private directory, rebuilt incrementally).
#
# The build holds a lock on the directory, so parallel makes that want
# the same kernel wait for one build instead of running two in the same
# place.  A finished build leaves .tinylinux-built; a directory with it
# is not built again (unless $FORCE: a source tree that the user owns,
# which kbuild itself checks).  $CACHE, when set, is a directory of
# finished builds kept across build directories and clones (the newest
# $KEEP): a build found there is copied instead of built, and a new build
# is stored there.  LINK becomes a relative symbolic link to the object
# directory: the profile's view of its kernel.  Each build's (or copy's)
# wall time is appended to $TIMES, for make check's summary.
set -eu
config=$1 kernels=$2 dir=$3 link=$4 label=$5 log=$6
shift 6
[ "$1" = -- ] && shift

name=
if [ -z "$dir" ]; then
	key=$({ cat "$config" && echo "${KEY:-}"; } | sha256sum | cut -c1-12)
	name=${ARCH:-x86_64}-$key
	dir=$kernels/$name
fi
mkdir -p "$dir"
show=${dir#"${TOP:-}/"}
cache=${CACHE:-}
[ -n "$name" ] || cache=

say() { printf '  %-8s %s\n' LINUX "$label: $*"; }
record() {
	[ -n "${TIMES:-}" ] || return 0
	mkdir -p "$(dirname "$TIMES")"
	echo "$(date +%s) $(($(date +%s) - start)) $1 $show $label" >>"$TIMES"
}

exec 9>"$dir.lock"
flock 9
start=$(date +%s)
if [ -f "$dir/.tinylinux-built" ] && [ -z "${FORCE:-}" ]; then
	say "reusing $show (built for $(cat "$dir/.tinylinux-built"); same configuration)"
elif [ -n "$cache" ] && [ -f "$cache/$name/.tinylinux-built" ] && [ -z "${FORCE:-}" ]; then
	say "copying $name from the kernel cache (${cache#"${HOME:-/nonexistent}/"}, built for $(cat "$cache/$name/.tinylinux-built"))"
	find "$dir" -mindepth 1 -delete
	cp -a "$cache/$name/." "$dir/"
	touch "$cache/$name"
	record copied
else
	cmp -s "$config" "$dir/.config" || cp "$config" "$dir/.config"
	say "building in $show (log: ${log#"${TOP:-}/"})"
	rm -f "$dir/.tinylinux-built"
	# The progress line's count of objects is keyed by the configuration
	# (scripts/logrun.sh): the directory's name.
	# ccache's base_dir (Makefile) hands the compiler each source by
	# its path relative to the object directory, which the kernel's
	# own -fmacro-prefix-map=$(srctree)/= (an absolute path) does not
	# match: __FILE__, in the messages of WARN() and BUG(), would carry
	# the tree's name, and with it the patch series' hash, into every
	# image.  The relative form is mapped too.
	rel=$(realpath -m --relative-to="$dir" "${SRCTREE:?kbuild.sh needs SRCTREE}")
	PROGRESS_KEY=${name:-any} "$(dirname "$0")/logrun.sh" "$log" "$@" O="$dir" \
		KCFLAGS="-fmacro-prefix-map=$rel/="
	echo "$label" >"$dir/.tinylinux-built.tmp"
	mv "$dir/.tinylinux-built.tmp" "$dir/.tinylinux-built"
	record built
	if [ -n "$cache" ] && [ -z "${FORCE:-}" ] && mkdir -p "$cache" 2>/dev/null; then
		# Stored under a temporary name, then renamed: another build
		# storing the same kernel at the same time finds it whole or
		# not at all.  The oldest beyond $KEEP go.
		tmp=$cache/.$name.$$
		rm -rf "$tmp"
		if cp -a "$dir" "$tmp" && mv -T "$tmp" "$cache/$name" 2>/dev/null; then
			:
		else
			rm -rf "$tmp"
		fi
		ls -dt "$cache"/*-* 2>/dev/null | tail -n +$((${KEEP:-16} + 1)) | while read -r old; do
			rm -rf "$old"
		done
	fi
fi
ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$dir")" "$link.tmp"
mv -T "$link.tmp" "$link"
