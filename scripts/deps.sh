#!/bin/sh
# Install what tinylinux needs on a Debian 12 host, and nothing that is
# already there.  Usage: deps.sh PACKAGE-LIST DL-DIR LOCK [SOURCE...]
#
#  1. Every package named in PACKAGE-LIST or in $HOST_PACKAGES (the
#     host needs that packages/ declare, NAME_HOST_DEPS) that dpkg does
#     not report as installed is installed with apt-get (one "apt-get
#     update" first); NAME/SUITE, a package of a newer suite, is
#     unpacked into $HOSTDEBS instead (scripts/hostdebs.sh), and what
#     it depends on is installed.
#  2. The Debian source packages the packages of packages/ build from
#     (make passes their names: this script keeps no list of its own)
#     are fetched into DL-DIR/NAME by scripts/sources.sh, at the
#     version LOCK (sources.lock) pins, and checked against it; a
#     deb-src entry for the running suite is added when the host has
#     none.
#  3. A deb-src entry for the security suite, when the host takes
#     binaries from it but has none (make legal-info fetches the
#     sources of the images' Debian binaries).
set -eu

list=$1
dl=$2
lock=$3
shift 3

die() { echo "deps: $*" >&2; exit 1; }

need_root() {
	[ "$(id -u)" = 0 ] ||
		die "not root: run 'make' as root, or install by hand: apt-get install $*"
}

updated=
apt_update() {
	[ -n "$updated" ] && return 0
	echo "  APT     update (log: $dl/apt.log)"
	apt-get update >>"$dl/apt.log" 2>&1 ||
		die "apt-get update failed; see $dl/apt.log (is the Debian mirror reachable?)"
	updated=1
}

mkdir -p "$dl"
: >>"$dl/apt.log"

# NAME/SUITE: a package Debian 12 lacks, taken from a newer suite and
# unpacked into $HOSTDEBS (scripts/hostdebs.sh); what it depends on is
# installed from the host's suite like the rest.
names=
other=
for p in $(sed 's/#.*//' "$list") ${HOST_PACKAGES:-}; do
	case $p in
	*/*) other="$other $p" ;;
	*) names="$names $p" ;;
	esac
done
if [ -n "$other" ]; then
	[ -n "${HOSTDEBS:-}" ] || die "HOSTDEBS (where to unpack$other) is not set"
	names="$names $("$(dirname "$0")/hostdebs.sh" "$HOSTDEBS" "$dl" "$lock" $other)" || exit 1
elif [ -n "${HOSTDEBS:-}" ]; then
	mkdir -p "$HOSTDEBS" && : >"$HOSTDEBS/.unpacked"
fi

missing=
for p in $names; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $st in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done

if [ -n "$missing" ]; then
	need_root "$missing"
	apt_update
	echo "  APT     install$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		$missing >>"$dl/apt.log" 2>&1 ||
		die "apt-get install$missing failed; see $dl/apt.log"
fi

# Source packages (.dsc + tarballs), each fetched once per locked version.
"$(dirname "$0")/sources.sh" check "$lock"
for src; do
	if [ -f "$dl/$src/.source" ]; then
		locked=$(awk -v n="$src" '!/^[[:space:]]*#/ && $1 == n { print; exit }' "$lock")
		# Fetched at the locked version, or drifted from a lock that
		# has not changed since: nothing to do.
		[ "$(cat "$dl/$src/.source")" = "$locked" ] && continue
		[ -f "$dl/$src/.drift" ] && [ "$dl/$src/.source" -nt "$lock" ] && continue
	fi
	need_root "dpkg-dev (and a deb-src entry)"
	if ! grep -rqsE '^[[:space:]]*(deb-src|Types:.*deb-src)' \
		/etc/apt/sources.list /etc/apt/sources.list.d/; then
		. /etc/os-release
		suite=${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}
		# Reuse the mirror the host already uses for binary packages.
		uri=$(grep -rhsE '^[[:space:]]*(URIs:|deb )' \
			/etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
			/etc/apt/sources.list.d/*.list 2>/dev/null |
			grep -v security | grep -o 'https\?://[^ ]*' | head -n 1)
		[ -n "$uri" ] || die "no Debian mirror found in /etc/apt/sources.list*; add a deb-src line by hand"
		echo "  APT     adding deb-src $uri $suite"
		cat >/etc/apt/sources.list.d/tinylinux-src.sources <<SRC
# Added by tinylinux (scripts/deps.sh) to fetch source packages.
Types: deb-src
URIs: $uri
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
		updated=
	fi
	apt-cache showsrc "$src" 2>/dev/null | grep -q '^Version:' || apt_update
	"$(dirname "$0")/sources.sh" fetch "$lock" "$dl" "$src"
done

# The security suite's sources too: some of the Debian binaries an image
# carries are security updates, and make legal-info fetches their
# sources.  A deb-src entry beside the host's deb entry for it, when it
# has none (as root; otherwise said).
targets=$(apt-get indextargets --format '$(TARGET_OF) $(RELEASE) $(REPO_URI)' 2>/dev/null | sort -u)
sec=$(echo "$targets" | awk '$1 == "deb" && $2 ~ /-security$/ { print $2, $3; exit }')
if [ -n "$sec" ] && ! echo "$targets" | awk -v r="${sec%% *}" '$1 == "deb-src" && $2 == r { f = 1 } END { exit !f }'; then
	if [ "$(id -u)" != 0 ]; then
		echo "  APT     no deb-src entry for ${sec%% *}: make legal-info cannot fetch the sources of its updates (add one, or run make deps as root)" >&2
	else
		echo "  APT     adding deb-src ${sec#* } ${sec%% *}"
		cat >/etc/apt/sources.list.d/tinylinux-src-security.sources <<SRC
# Added by tinylinux (scripts/deps.sh) to fetch the sources of security updates.
Types: deb-src
URIs: ${sec#* }
Suites: ${sec%% *}
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
		updated=
		apt_update
	fi
fi
