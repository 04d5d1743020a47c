#!/bin/sh
# hostdebs.sh ROOT DL LOCK NAME/SUITE...: Debian packages that Debian 12
# lacks, for the build host, taken from a newer suite of Debian's own
# mirror and unpacked into ROOT instead of installed: the host's dpkg
# and apt sources are not touched.  Used for SPDX's own validator,
# pyspdxtools (python3-spdx-tools), which is in forky and sid only.
#
#   1. A private apt (its lists and configuration in DL/hostdebs/apt; the
#      host's mirror, DEBIAN_MIRROR to override; Debian's archive
#      keyring checks the suite's Release file) downloads each NAME at
#      the version sources.lock pins as "NAME:all VERSION SHA256", or,
#      when the suite no longer offers it, the newest it offers (drift,
#      said in one line, as for every source: scripts/sources.sh).
#   2. Only architecture-independent packages are taken: a binary built
#      against another suite's libraries would not run here.
#   3. The .debs' sha256 are checked against the lock (sources.sh debs,
#      recorded in DL/debian-binary-all for make update-lock).
#   4. dpkg-deb -x unpacks them into ROOT.tmp, renamed to ROOT.
#   5. What they depend on that is not among them is printed, a package
#      name per line, for deps.sh to install from the host's own suite
#      (python3-click, python3-rdflib...); ROOT/.depends keeps it.
# Nothing is fetched when ROOT/.unpacked already lists the lock's
# versions of the same packages.
set -eu
prog=hostdebs
. "$(dirname "$0")/media-lib.sh"

[ $# -ge 4 ] || die "usage: hostdebs.sh ROOT DL LOCK NAME/SUITE..."
root=$1 dl=$2 lock=$3
shift 3
need_tools apt-get:apt dpkg-deb:dpkg

suite=
names=
for a; do
	n=${a%%/*} s=${a#*/}
	case $n/$s in
	"$a") [ -n "$n" ] && [ -n "$s" ] && [ "$s" = "${s%/*}" ] ;;
	*) false ;;
	esac || die "'$a': expected NAME/SUITE (python3-spdx-tools/forky)"
	[ -z "$suite" ] || [ "$suite" = "$s" ] ||
		die "'$a': every package from another suite comes from the same one ($suite)"
	suite=$s
	names="$names $n"
done

# The lock's lines for these packages, sorted as ROOT/.unpacked is.
want=$(for n in $names; do
	awk -v n="$n:all" '!/^[[:space:]]*#/ && $1 == n { print; exit }' "$lock"
done | sort)
if [ -f "$root/.unpacked" ] && [ -f "$root/.depends" ] &&
	[ "$(cat "$root/.unpacked")" = "$want" ]; then
	cat "$root/.depends"
	exit 0
fi

# The private apt: the host's mirror, the suite asked for, main only.
mirror=${DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
	. /etc/os-release
	mirror=$(apt-get indextargets --format '$(REPO_URI)' "Release: ${VERSION_CODENAME:-}" \
		'Created-By: Packages' 2>/dev/null | head -n 1)
fi
[ -n "$mirror" ] || die "no Debian mirror in the host's apt sources: set DEBIAN_MIRROR=http://..."
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
need_files "$keyring:debian-archive-keyring"
a=$dl/hostdebs/apt
mkdir -p "$a/lists/partial" "$a/cache/archives/partial" "$dl/hostdebs"
echo "deb [signed-by=$keyring] $mirror $suite main" >"$a/sources.list"
# apt TOOL ARGS...: apt-get or apt-cache on the private configuration.
apt() {
	t=$1
	shift
	"$t" -o Dir::Etc::SourceList="$a/sources.list" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null \
		-o Dir::State::Lists="$a/lists" -o Dir::Cache="$a/cache" -o Dir::State::status=/dev/null \
		-o Debug::NoLocking=1 -o Acquire::Languages=none -o APT::Sandbox::User="$(id -un)" "$@"
}
log=$dl/hostdebs/apt.log
echo "  APT      $suite's index ($mirror, log: $log)" >&2
apt apt-get update >"$log" 2>&1 ||
	{ tail -n 5 "$log" >&2; die "apt-get update of $suite failed; see $log (is $mirror reachable?)"; }

# Each package at the locked version when the suite offers it.
rm -rf "$dl/hostdebs/debs.tmp" "$root.tmp"
mkdir -p "$dl/hostdebs/debs.tmp"
get=
for n in $names; do
	lv=$(echo "$want" | awk -v n="$n:all" '$1 == n { print $2 }')
	offered=$(apt apt-cache madison "$n" 2>/dev/null | awk -F'|' '{ gsub(/[[:space:]]/, "", $2); print $2 }')
	[ -n "$offered" ] || die "$suite offers no package '$n' (log: $log)"
	v=
	for o in $offered; do
		[ "$o" = "$lv" ] && v=$lv
	done
	[ -n "$v" ] || v=$(echo "$offered" | head -n 1)
	get="$get $n=$v"
done
echo "  FETCH    from $suite:$get" >&2
(cd "$dl/hostdebs/debs.tmp" && apt apt-get download $get) >>"$log" 2>&1 ||
	{ tail -n 5 "$log" >&2; die "apt-get download$get from $suite failed; see $log"; }

# Checked against the lock, unpacked, their needs listed.
list=$dl/hostdebs/debs.tmp/.list
: >"$list"
mkdir -p "$root.tmp"
deps=
for d in "$dl"/hostdebs/debs.tmp/*.deb; do
	n=$(dpkg-deb -f "$d" Package) v=$(dpkg-deb -f "$d" Version)
	[ "$(dpkg-deb -f "$d" Architecture)" = all ] ||
		die "$n: architecture $(dpkg-deb -f "$d" Architecture); only packages for all architectures can come from $suite"
	echo "$n $v $(sha256sum <"$d" | cut -d' ' -f1)" >>"$list"
	dpkg-deb -x "$d" "$root.tmp"
	deps="$deps $(dpkg-deb -f "$d" Depends | tr ',' '\n' | sed 's/[|(].*//; s/:any//; s/[[:space:]]//g')"
done
DEBIAN_ARCH=all "$(dirname "$0")/sources.sh" debs "$lock" "$dl" "$list"
for p in $deps; do
	case " $names " in *" $p "*) continue ;; esac
	echo "$p"
done | sort -u >"$root.tmp/.depends"
awk '{ print $1 ":all", $2, $3 }' "$list" | sort >"$root.tmp/.unpacked"
rm -rf "$root" "$dl/hostdebs/debs"
mv "$root.tmp" "$root"
mv "$dl/hostdebs/debs.tmp" "$dl/hostdebs/debs"
cat "$root/.depends"
