#!/bin/sh
# sources.sh: the sources the build uses, checked against sources.lock.
#
#   sources.sh check LOCK
#       every line of LOCK is "NAME VERSION SHA256" (or a comment)
#   sources.sh fetch LOCK DL NAME
#       Debian's source package NAME into DL/NAME (.dsc and tarballs)
#   sources.sh tarball LOCK DL NAME FILE
#       FILE, shipped by the installed binary package NAME (the kernel's
#       linux-source-6.1), checked against the lock
#   sources.sh debs LOCK DL LIST
#       Debian's binary packages of LIST ("name version sha256" of each
#       .deb, the devel profile's, scripts/mkdebian.sh), locked as
#       "name:ARCH VERSION SHA256" (ARCH: DEBIAN_ARCH, default the host's)
#   sources.sh update LOCK DL
#       rewrite LOCK with what DL holds (make update-lock)
#   sources.sh drift DL
#       one line: the sources that differ from the lock, or none
#
# What was used is recorded in DL/NAME/.source ("NAME VERSION SHA256"),
# and a difference from the lock in DL/NAME/.drift ("NAME LOCKED USED").
#
# At the locked version, a different sha256 is an error: the same
# version must be the same bytes.  Another version than the lock's (the
# mirror moved to a new point release and no longer offers the old one)
# is drift: the build goes on with what is offered, says so in one
# line, and the patches decide (scripts/apply-patches.sh stops with the
# reject when one no longer applies).  A fetch goes to DL/NAME.tmp and
# is renamed when checked: nothing half-fetched is left behind.
set -eu

die() {
	echo "error: $*" >&2
	exit 1
}

# lock_check LOCK: every line well formed, each NAME once.
lock_check() {
	[ -f "$1" ] || die "$1: no such lock file"
	awk -v f="$1" '
		/^[[:space:]]*(#|$)/ { next }
		NF != 3 || $3 !~ /^[0-9a-f]+$/ || length($3) != 64 || $2 !~ /^[0-9A-Za-z.+~:-]+$/ {
			printf "error: %s:%d: malformed line \"%s\": expected NAME VERSION SHA256 (64 hex digits)\n", f, NR, $0
			bad = 1; exit 1
		}
		seen[$1]++ { printf "error: %s:%d: %s is locked twice\n", f, NR, $1; bad = 1; exit 1 }
		END { exit bad }' "$1" >&2
}

# lock_get LOCK NAME: "VERSION SHA256", or nothing.
lock_get() {
	awk -v n="$2" '!/^[[:space:]]*#/ && $1 == n { print $2, $3; exit }' "$1"
}

# record DIR NAME VERSION SHA LOCKED_VERSION: the .source and .drift
# files, and the loud line when the version is not the locked one.
record() {
	d=$1 n=$2 v=$3 s=$4 lv=$5
	echo "$n $v $s" >"$d/.source"
	rm -f "$d/.drift"
	if [ -z "$lv" ]; then
		echo "$n (none) $v" >"$d/.drift"
		echo "  DRIFT    $n: not in sources.lock; using $v (make update-lock records it)" >&2
	elif [ "$lv" != "$v" ]; then
		echo "$n $lv $v" >"$d/.drift"
		echo "  DRIFT    $n: sources.lock has $lv, the mirror offers $v: building with $v (make update-lock records it)" >&2
	fi
}

# newest VERSION...: the highest Debian version of its arguments.
newest() {
	best=
	for v; do
		if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then
			best=$v
		fi
	done
	echo "$best"
}

fetch() {
	lock=$1 dl=$2 name=$3
	lock_check "$lock"
	set -- $(lock_get "$lock" "$name")
	lv=${1:-} ls=${2:-}
	dir=$dl/$name
	log=$dl/$name.log
	mkdir -p "$dl"
	# apt-cache lists the versions the mirror offers (deb-src entries).
	offered=$(apt-cache showsrc "$name" 2>/dev/null |
		awk -v n="$name" '/^Package:/ { p = $2 } /^Version:/ && p == n { print $2 }')
	[ -n "$offered" ] ||
		die "apt knows no source package '$name': is there a deb-src entry (make deps adds one) and a recent apt-get update?"
	v=
	for o in $offered; do
		[ "$o" = "$lv" ] && v=$lv
	done
	[ -n "$v" ] || v=$(newest $offered)
	rm -rf "$dir.tmp"
	mkdir -p "$dir.tmp"
	echo "  FETCH    $name $v (apt-get source, log: $log)"
	if ! (cd "$dir.tmp" && apt-get source --download-only "$name=$v") >"$log" 2>&1; then
		rm -rf "$dir.tmp"
		echo "error: apt-get source $name=$v failed:" >&2
		tail -n 5 "$log" >&2
		exit 1
	fi
	dsc=$(ls "$dir.tmp"/*.dsc)
	s=$(sha256sum <"$dsc" | cut -d' ' -f1)
	if [ "$v" = "$lv" ] && [ "$s" != "$ls" ]; then
		rm -rf "$dir.tmp"
		die "$name $v: the .dsc's sha256 is $s, sources.lock says $ls: the same version must be the same bytes; stopping"
	fi
	record "$dir.tmp" "$name" "$v" "$s" "$lv"
	rm -rf "$dir"
	mv "$dir.tmp" "$dir"
}

tarball() {
	lock=$1 dl=$2 name=$3 file=$4
	lock_check "$lock"
	set -- $(lock_get "$lock" "$name")
	lv=${1:-} ls=${2:-}
	v=$(dpkg-query -W -f='${Version}' "$name" 2>/dev/null) ||
		die "$file: the package $name is not installed (make deps installs it)"
	s=$(sha256sum <"$file" | cut -d' ' -f1)
	if [ "$v" = "$lv" ] && [ "$s" != "$ls" ]; then
		die "$file ($name $v): sha256 $s, sources.lock says $ls: the same version must be the same bytes; stopping"
	fi
	mkdir -p "$dl/$name"
	record "$dl/$name" "$name" "$v" "$s" "$lv"
}

debs() {
	lock=$1 dl=$2 list=$3
	lock_check "$lock"
	# Another architecture than the host's (the firewall's nft for
	# ARCH=arm64) is recorded apart.
	arch=${DEBIAN_ARCH:-$(dpkg --print-architecture)}
	d=$dl/debian-binary
	[ "$arch" = "$(dpkg --print-architecture)" ] || d=$d-$arch
	mkdir -p "$d"
	: >"$d/.source.tmp"
	: >"$d/.drift.tmp"
	while read -r n v s; do
		set -- $(lock_get "$lock" "$n:$arch")
		lv=${1:-} ls=${2:-}
		echo "$n:$arch $v $s" >>"$d/.source.tmp"
		if [ "$v" = "$lv" ] && [ "$s" != "$ls" ]; then
			rm -f "$d/.source.tmp" "$d/.drift.tmp"
			die "Debian package $n $v: the .deb's sha256 is $s, sources.lock says $ls: the same version must be the same bytes; stopping"
		fi
		[ "$v" = "$lv" ] || echo "$n:$arch ${lv:-(none)} $v" >>"$d/.drift.tmp"
	done <"$list"
	if [ -s "$d/.drift.tmp" ]; then
		echo "  DRIFT    $(wc -l <"$d/.drift.tmp") Debian binary package(s) differ from sources.lock: $(awk 'NR <= 3 { printf "%s%s %s -> %s", sep, $1, $2, $3; sep = ", " } END { if (NR > 3) printf " and %d more", NR - 3 }' "$d/.drift.tmp") (make update-lock records them)" >&2
		mv "$d/.drift.tmp" "$d/.drift"
	else
		rm -f "$d/.drift.tmp" "$d/.drift"
	fi
	mv "$d/.source.tmp" "$d/.source"
}

update() {
	lock=$1 dl=$2
	lock_check "$lock"
	{
		awk '/^#/ { print; next } { exit }' "$lock"
		# Every locked source and every fetched one, sorted by name.
		{
			# What was used replaces what was locked; the rest stays.
			cat "$dl"/*/.source 2>/dev/null
			cat "$dl"/*/.source 2>/dev/null | awk '{ print $1 }' >"$lock.used"
			awk 'NR == FNR { used[$1] = 1; next } !/^[[:space:]]*(#|$)/ && !($1 in used)' "$lock.used" "$lock"
			rm -f "$lock.used"
		} | sort -k1,1
	} >"$lock.tmp"
	if cmp -s "$lock" "$lock.tmp"; then
		rm -f "$lock.tmp"
		echo "  LOCK     sources.lock is up to date"
	else
		diff "$lock" "$lock.tmp" | sed -n 's/^[<>] /  LOCK     &/p' || true
		mv "$lock.tmp" "$lock"
		rm -f "$dl"/*/.drift
	fi
}

drift() {
	dl=$1
	d=$(cat "$dl"/*/.drift 2>/dev/null |
		awk 'NR <= 5 { printf "%s%s %s -> %s", sep, $1, $2, $3; sep = ", " } END { if (NR > 5) printf " and %d more", NR - 5 }')
	if [ -n "$d" ]; then
		echo "sources: drift from sources.lock: $d (re-verify, then make update-lock)"
	else
		echo "sources: as in sources.lock"
	fi
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
check) [ $# = 1 ] || die "usage: sources.sh check LOCK"; lock_check "$1" ;;
fetch) [ $# = 3 ] || die "usage: sources.sh fetch LOCK DL NAME"; fetch "$@" ;;
tarball) [ $# = 4 ] || die "usage: sources.sh tarball LOCK DL NAME FILE"; tarball "$@" ;;
debs) [ $# = 3 ] || die "usage: sources.sh debs LOCK DL LIST"; debs "$@" ;;
update) [ $# = 2 ] || die "usage: sources.sh update LOCK DL"; update "$@" ;;
drift) [ $# = 1 ] || die "usage: sources.sh drift DL"; drift "$@" ;;
*) die "usage: sources.sh check|fetch|tarball|debs|update|drift ..." ;;
esac
