#!/bin/sh
# mkdebian.sh OUT.tar SUITE PACKAGE...: a tarball of Debian's own binary
# packages PACKAGE... and of everything they depend on, for the root
# filesystem of a profile (the devel profile's gcc, libc6-dev...).
#
# mmdebstrap does the work: apt resolves the dependencies (no hand-kept
# list to rot), downloads the packages from the host's Debian mirror and
# mmdebstrap's "extract" variant unpacks them, without running their
# maintainer scripts: no dpkg, apt or Essential packages in the image,
# busybox provides the rest.  Manual pages, info and translations are
# left out.  With SOURCE_DATE_EPOCH set, the same package versions give
# the same tarball; OUT.packages (next to OUT.tar, without .tar) lists
# them, "name version sha256-of-the-.deb" per line (scripts/sources.sh
# debs checks them against sources.lock), and OUT.owners which package
# each path comes from (deb-owners.sh; the SBOM reads it, mk/sbom.mk).
#
#   env: DEBIAN_MIRROR (default: the host's, from /etc/apt), LOG,
#        DEBIAN_ARCH (Debian's architecture, default: the host's),
#        DEBIAN_EXCLUDE (more paths to leave out, dpkg globs: /usr/lib/*/dri/*),
#        DEBIAN_HOOK (a script run on the unpacked tree, "HOOK ROOT", before
#        it is packed: what the packages' triggers would have made; an
#        extract hook, since the extract variant runs no customize hook)
set -eu
prog=mkdebian
. "$(dirname "$0")/media-lib.sh"

[ $# -ge 3 ] || die "usage: mkdebian.sh OUT.tar SUITE PACKAGE..."
out=$1 suite=$2
shift 2
need_tools mmdebstrap:mmdebstrap
log=${LOG:-$out.log}
for p; do
	# Debian policy 5.6.7: lower case letters, digits, + - and .
	case $p in
	[a-z0-9]*[!a-z0-9+.-]* | [!a-z0-9]* | ?)
		die "DEBIAN_PACKAGES: '$p' is not a Debian package name" ;;
	esac
done

# The host's mirror for SUITE and for SUITE-security, from its apt
# sources (one-line "deb URI SUITE ..." or deb822 paragraphs).
sources() {
	cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
		awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) while ($i !~ /\]$/) i++; if ($2 ~ /^\[/) i++; print $i, $(i + 1) }'
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk 'function flush() { if (t ~ /(^| )deb( |$)/ && (!e || e == "yes")) { n = split(u, U, " "); m = split(s, S, " "); for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) print U[i], S[j] } t = u = s = e = "" }
			/^[[:space:]]*$/ { flush(); next }
			/^Types:/ { t = $0; sub(/^Types:[[:space:]]*/, "", t) }
			/^URIs:/ { u = $0; sub(/^URIs:[[:space:]]*/, "", u) }
			/^Suites:/ { s = $0; sub(/^Suites:[[:space:]]*/, "", s) }
			/^Enabled:/ { e = $2 }
			END { flush() }' "$f"
	done
}
mirror=${DEBIAN_MIRROR:-$(sources | awk -v s="$suite" '$2 == s { print $1; exit }')}
security=$(sources | awk -v s="$suite-security" '$2 == s { print $1; exit }')
[ -n "$mirror" ] || die "no Debian mirror for '$suite' in /etc/apt/sources.list*: set DEBIAN_MIRROR=http://..."
include=$(echo "$*" | tr ' ' ,)
set -- "deb $mirror $suite main" "deb $mirror $suite-updates main" \
	${security:+"deb $security $suite-security main"}

# The profile's own exclusions, as dpkg's path-exclude options (globs
# for dpkg, not for this shell: set -f).
set -f
excl=
for g in ${DEBIAN_EXCLUDE:-}; do
	case $g in
	/*) excl="$excl --dpkgopt=path-exclude=$g" ;;
	*) die "DEBIAN_EXCLUDE: '$g' is not an absolute path (a dpkg glob such as /usr/lib/*/dri/*)" ;;
	esac
done
opts="--variant=extract --mode=auto --format=tar ${DEBIAN_ARCH:+--architectures=$DEBIAN_ARCH}
	--dpkgopt=path-exclude=/usr/share/man/* --dpkgopt=path-exclude=/usr/share/info/*
	--dpkgopt=path-exclude=/usr/share/locale/* --dpkgopt=path-exclude=/usr/share/doc/*
	--dpkgopt=path-include=/usr/share/doc/*/copyright $excl --include=$include"

# The step cache ($STEP_CACHE, scripts/stepcache.sh): apt resolves the
# packages without downloading them (mmdebstrap --simulate, seconds), and
# the exact list of names and versions, with these options and scripts,
# is the key.  The same list gives the same tarball (the lock checks
# that a version is always the same bytes), so another clone takes it
# instead of downloading and unpacking again; any new version misses.
dir=$(dirname "$out") base=$(basename "$out" .tar)
key=
if [ -n "${STEP_CACHE:-}" ] &&
	mmdebstrap --verbose --simulate $opts "$suite" "$out.sim" "$@" >"$log.sim" 2>&1; then
	key=$({
		grep '^Inst ' "$log.sim" | LC_ALL=C sort
		echo "$opts $suite $* ${SOURCE_DATE_EPOCH:-}"
		cat "$0" "$(dirname "$0")/deb-owners.sh" ${DEBIAN_HOOK:+"$DEBIAN_HOOK"}
	} | sha256sum | cut -c1-16)
	rm -rf "$dir/.$base.cache"
	if "$(dirname "$0")/stepcache.sh" get debian "$key" "$dir/.$base.cache" \
		"$base.tar" "$base.packages" "$base.owners"; then
		for f in packages owners tar; do
			mv "$dir/.$base.cache/$base.$f" "$dir/$base.$f"
		done
		rm -rf "$dir/.$base.cache" "$log.sim"
		echo "mkdebian: $(wc -l <"$dir/$base.packages") packages, the same as an earlier build's (step cache, key $key)" >"$log"
		exit 0
	fi
fi
rm -f "$log.sim"

rm -rf "$out.tmp"
if ! mmdebstrap $opts \
	--extract-hook="cd \"\$1/var/cache/apt/archives\" && sha256sum *.deb >'$out.debs' && sh '$(dirname "$0")/deb-owners.sh' *.deb >'$out.owners'${DEBIAN_HOOK:+ && sh '$DEBIAN_HOOK' \"\$1\"}" \
	"$suite" "$out.tmp" "$@" >"$log" 2>&1; then
	rm -rf "$out.tmp"
	missing=$(sed -n 's/^E: Unable to locate package \(.*\)$/\1/p; s/^E: Package .\(.*\). has no installation candidate$/\1/p' "$log" | head -1)
	[ -z "$missing" ] ||
		die "Debian $suite has no package '$missing' (DEBIAN_PACKAGES; 'apt-cache search' finds names; log: $log)"
	tail -n 15 "$log" >&2
	die "mmdebstrap failed (is $mirror reachable?); log: $log"
fi
set +f
# What went in, "name version sha256" per line, from the files apt
# downloaded (package_version_arch.deb, the version's ":" written "%3a").
[ -s "$out.debs" ] || die "mmdebstrap left no list of the packages it downloaded; log: $log"
sed -n 's/%3a/:/; s/^\([0-9a-f]*\)  \([^_]*\)_\([^_]*\)_.*\.deb$/\2 \3 \1/p' "$out.debs" | sort >"$out.packages.tmp"
rm -f "$out.debs"
[ -s "$out.owners" ] || die "no list of the packages' files (deb-owners.sh); log: $log"
# What mmdebstrap writes itself (apt's sources, dpkg's status and
# configuration, lock files) is in no package: mmdebstrap's.
tar -tf "$out.tmp" | sed -n 's|^\./\(.*[^/]\)$|/\1|p' | LC_ALL=C sort |
	LC_ALL=C join -t "$(printf '\t')" -v 1 - "$out.owners" | sed 's/$/\tmmdebstrap/' >"$out.own"
LC_ALL=C sort -m "$out.owners" "$out.own" >"${out%.tar}.owners"
rm -f "$out.owners" "$out.own"
mv "$out.packages.tmp" "${out%.tar}.packages"
mv "$out.tmp" "$out"
[ -z "$key" ] || "$(dirname "$0")/stepcache.sh" put debian "$key" "$dir" \
	"$base.tar" "$base.packages" "$base.owners"
