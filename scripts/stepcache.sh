#!/bin/sh
# stepcache.sh: the outputs of a build step, kept across build directories
# and clones under a key made of everything the step reads.
#
#   stepcache.sh get NAME KEY DIR PATH...   copy the PATHs stored under
#                                           NAME-KEY into DIR: status 0;
#                                           status 1 when not there
#   stepcache.sh put NAME KEY DIR PATH...   store DIR's PATHs as NAME-KEY
#
# The cache is $STEP_CACHE (empty: off; get misses, put does nothing); its
# newest $STEP_CACHE_KEEP entries (default 64) are kept.  The kernel's
# objects have a cache of their own (scripts/kbuild.sh); this one holds
# the small steps around it that every clone would otherwise repeat: the
# kernel's configuration, its UAPI headers, busybox's configuration and
# binary.  The caller makes KEY from the contents of every input (files,
# the compiler's version, the recipe), so a change anywhere misses.  An
# entry is stored under a temporary name, then renamed: a reader finds it
# whole or not at all.  With STEP_RELOCATE=y, DIR's own path in the text
# files stored is written as @STEP_DIR@, and put back as the new DIR on
# the way out (musl's installed prefix names itself).
set -eu
[ $# -ge 5 ] || {
	echo "usage: stepcache.sh get|put NAME KEY DIR PATH..." >&2
	exit 2
}
cmd=$1 name=$2 key=$3 dir=$4
shift 4
cache=${STEP_CACHE:-}
entry=$cache/$name-$key
case $cmd in
get)
	[ -n "$cache" ] && [ -f "$entry/.complete" ] || exit 1
	mkdir -p "$dir"
	for p in "$@"; do
		rm -rf "${dir:?}/$p"
		mkdir -p "$(dirname "$dir/$p")"
		# Not -a: the copies get the time of now, so that make sees
		# them newer than the inputs of this clone.
		cp -R "$entry/$p" "$dir/$p"
	done
	if [ "${STEP_RELOCATE:-}" = y ]; then
		grep -rlI --null @STEP_DIR@ "$dir" | xargs -0 -r sed -i "s|@STEP_DIR@|$dir|g"
	fi
	touch "$entry"
	;;
put)
	[ -n "$cache" ] || exit 0
	mkdir -p "$cache" 2>/dev/null || exit 0
	tmp=$cache/.$name-$key.$$
	rm -rf "$tmp"
	mkdir -p "$tmp"
	for p in "$@"; do
		mkdir -p "$(dirname "$tmp/$p")"
		cp -a "$dir/$p" "$tmp/$p"
	done
	if [ "${STEP_RELOCATE:-}" = y ]; then
		grep -rlI --null -F "$dir" "$tmp" | xargs -0 -r sed -i "s|$dir|@STEP_DIR@|g"
	fi
	touch "$tmp/.complete"
	if [ -d "$entry" ]; then
		rm -rf "$tmp"
	elif ! mv -T "$tmp" "$entry" 2>/dev/null; then
		rm -rf "$tmp"
	fi
	ls -dt "$cache"/*-* 2>/dev/null | tail -n +$((${STEP_CACHE_KEEP:-64} + 1)) |
		while read -r old; do rm -rf "$old"; done
	;;
*)
	echo "stepcache.sh: unknown command '$cmd' (get or put)" >&2
	exit 2
	;;
esac
