#!/bin/sh
# mkconf.sh check
# mkconf.sh files OUTDIR OVERLAY
#
# A profile's system settings (mk/sysconf.mk), checked and turned into
# files of the image's /etc.  Settings come from the environment:
#   NET_CONFIG     static (tinyinit.conf's ip=) | dhcp (udhcpc in rcS)
#   LOGIN          shell (a root shell on the console) | getty (login)
#   SERVICES       services of the profile's packages, started by rcS in order
#   FIREWALL       off | on (nftables, default-deny input)
#   FIREWALL_ALLOW ports let in: 22, 22/tcp, ssh, domain/udp...
#   PROFILE_FILE   the profile, to name the line of a bad setting;
#   ORIGINS        "VAR=ORIGIN ..." (make's $(origin VAR), "_" for spaces)
#   KNOWN_SERVICES "SERVICE=PACKAGE ..." of every package (mk/package.mk)
#   PACKAGES       the profile's packages
#   CONSOLE        the serial console getty asks on (the arch table's: ttyS0...)
#
# check: every setting valid, or one line naming the bad one and exit 1.
# files: OUTDIR/{rc.conf,tinyinit.conf,inittab,nftables.conf} and
# OUTDIR/list, their gen_init_cpio lines (with the firewall, nft and its
# shared libraries too).  The services' scripts are their packages' part.
set -eu

die() { echo "$*" >&2; exit 1; }

# where VAR: "configs/profiles/x.mk:LINE" or "the command line".
where() {
	o=$(echo " ${ORIGINS:-} " | sed -n "s/.* $1=\([^ ]*\) .*/\1/p")
	case $o in
	file)
		line=$(grep -n "^[[:space:]]*$1[[:space:]]*[:?+]*=" "$PROFILE_FILE" |
			head -n 1 | cut -d: -f1)
		echo "${PROFILE_FILE#"${TOP:-}/"}:${line:-?}"
		;;
	command_line) echo "the command line" ;;
	*) echo "the $o setting" ;;
	esac
}

# port WORD: "PORT PROTO NAME" or nothing if WORD is not a port.
port() {
	w=$1 proto=tcp
	case $w in
	*/tcp | */udp) proto=${w##*/} w=${w%/*} ;;
	*/*) return 0 ;;
	esac
	case $w in
	'' | *[!0-9a-z-]*) return 0 ;;
	*[!0-9]*)
		p=$(getent services "$w/$proto" 2>/dev/null | awk '{ print $2 }')
		p=${p%/*}
		[ -n "$p" ] && echo "$p $proto $w"
		;;
	*)
		[ "$w" -ge 1 ] && [ "$w" -le 65535 ] && echo "$w $proto $w"
		;;
	esac
	return 0
}

check() {
	case ${NET_CONFIG:-static} in
	static | dhcp) ;;
	*) die "$(where NET_CONFIG): NET_CONFIG='$NET_CONFIG': use static or dhcp" ;;
	esac
	case ${LOGIN:-shell} in
	shell | getty) ;;
	*) die "$(where LOGIN): LOGIN='$LOGIN': use shell (a root shell on the console) or getty (a login prompt)" ;;
	esac
	case ${FIREWALL:-off} in
	on | off) ;;
	*) die "$(where FIREWALL): FIREWALL='$FIREWALL': use on or off" ;;
	esac
	for s in ${SERVICES:-}; do
		pkg=$(echo " ${KNOWN_SERVICES:-} " | sed -n "s/.* $s=\([^ ]*\) .*/\1/p")
		[ -n "$pkg" ] || die "$(where SERVICES): unknown service '$s' in SERVICES (known: ${KNOWN_SERVICES:-none}, as SERVICE=PACKAGE; a package's scripts are packages/NAME/SERVICE)"
		case " ${PACKAGES:-} " in
		*" $pkg "*) ;;
		*) die "$(where SERVICES): service '$s' comes from package $pkg, which is not in PACKAGES" ;;
		esac
	done
	for w in ${FIREWALL_ALLOW:-}; do
		case $w in
		[a-z]*) [ -r /etc/services ] ||
			die "$(where FIREWALL_ALLOW): port names such as '$w' need /etc/services: install netbase, or give numbers" ;;
		esac
		[ -n "$(port "$w")" ] || die "$(where FIREWALL_ALLOW): unknown port '$w' in FIREWALL_ALLOW: a number 1-65535 or a name of /etc/services, optionally /tcp or /udp"
	done
	if [ -n "${FIREWALL_ALLOW:-}" ] && [ "${FIREWALL:-off}" != on ]; then
		die "$(where FIREWALL_ALLOW): FIREWALL_ALLOW is set but FIREWALL is not on"
	fi
	return 0
}

# The ruleset: drop what comes in unless it is loopback, part of a
# connection the guest has (established, related), or to an allowed port.
nftables_conf() {
	cat <<EOF
#!/usr/sbin/nft -f
# /etc/nftables.conf: written by the build from FIREWALL_ALLOW of the
# profile, loaded by rcS ("nft -f") before any service starts.  Input is
# dropped unless allowed below; forwarding too (this is not a router);
# the guest's own traffic goes out freely.  "nft list ruleset" shows it.
flush ruleset

table ip filter {
	chain input {
		type filter hook input priority filter; policy drop;
		iif "lo" accept
		ct state established,related accept
		ct state invalid drop
EOF
	for w in ${FIREWALL_ALLOW:-}; do
		set -- $(port "$w")
		printf '\t\t%s dport %s accept comment "%s"\n' "$2" "$1" "$w"
	done
	cat <<EOF
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
	}
	chain output {
		type filter hook output priority filter; policy accept;
	}
}
EOF
}

# nft and every shared library it loads, as gen_init_cpio lines: the
# host's own (Debian's binaries, glibc included, found by ldd) when the
# image is for the host's architecture, else the target's (NFT_ROOT).
nft_files() {
	if [ -n "${NFT_ROOT:-}" ]; then
		nft_target_files
		return
	fi
	nft=$(command -v nft || echo /usr/sbin/nft)
	[ -x "$nft" ] || die "nft not found: install Debian's nftables package (make deps)"
	echo "file /usr/sbin/nft $nft 755 0 0"
	ldd "$nft" | awk '/=>/ { print $3 } /^[[:space:]]*\/.*ld-linux/ { print $1 }' |
		while read -r lib; do
			[ -n "$lib" ] || continue
			echo "file $lib $(readlink -f "$lib") 755 0 0"
		done
	# The ELF interpreter's directory (/lib64 on x86_64) and the
	# multiarch one of the C library (/lib/x86_64-linux-gnu).
	interp=$(ldd "$nft" | awk '/^[[:space:]]*\/.*ld-linux/ { print $1 }')
	libc=$(ldd "$nft" | awk '$1 == "libc.so.6" { print $3 }')
	[ "${interp%/*}" = /lib ] || echo "dir ${interp%/*} 755 0 0"
	echo "dir /lib 755 0 0"
	echo "dir ${libc%/*} 755 0 0"
}

# inroot PATH: the file PATH names in the target's tree $NFT_ROOT,
# following its symbolic links inside the tree.
inroot() {
	p=$NFT_ROOT$1
	while [ -L "$p" ]; do
		t=$(readlink "$p")
		case $t in
		/*) p=$NFT_ROOT$t ;;
		*) p=$(dirname "$p")/$t ;;
		esac
	done
	echo "$p"
}

# needed ELF: its DT_NEEDED names.
needed() {
	readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'
}

# The target's nft: Debian's nftables package and its dependencies for
# ARCH, unpacked in $NFT_ROOT (mk/sysconf.mk).  Its libraries are found
# as the target's dynamic linker finds them, each DT_NEEDED name in the
# multiarch directories, transitively: readelf reads any architecture's
# ELF files, where ldd would have to run them.
nft_target_files() {
	nft=$NFT_ROOT/usr/sbin/nft
	[ -f "$nft" ] || die "$nft is missing (mk/sysconf.mk unpacks Debian's nftables there)"
	interp=$(readelf -l "$nft" | sed -n 's/.*Requesting program interpreter: \(.*\)]$/\1/p')
	[ -n "$interp" ] || die "$nft has no ELF interpreter"
	echo "file /usr/sbin/nft $nft 755 0 0"
	echo "file $interp $(inroot "$interp") 755 0 0"
	libdirs=$(cd "$NFT_ROOT" && ls -d lib/*-linux-* usr/lib/*-linux-* 2>/dev/null)
	seen=" ${interp##*/} " todo=$(needed "$nft") multiarch=
	while [ -n "$todo" ]; do
		set -- $todo
		lib=$1
		shift
		todo=$*
		case $seen in *" $lib "*) continue ;; esac
		seen="$seen$lib "
		f=
		for d in $libdirs; do
			[ ! -e "$NFT_ROOT/$d/$lib" ] || { f=$d/$lib; break; }
		done
		[ -n "$f" ] || die "nft needs $lib, which Debian's packages in $NFT_ROOT do not have"
		real=$(inroot "/$f")
		# /lib/MULTIARCH/, as on the host: glibc looks there.
		f=${f#usr/}
		multiarch=${f#lib/}
		multiarch=${multiarch%%/*}
		echo "file /$f $real 755 0 0"
		todo="$todo $(needed "$real")"
	done
	echo "dir /lib 755 0 0"
	echo "dir /lib/$multiarch 755 0 0"
	[ "${interp%/*}" = /lib ] || echo "dir ${interp%/*} 755 0 0"
}

files() {
	out=$1 overlay=$2
	check
	mkdir -p "$out"
	{
		echo "# /etc/rc.conf: the profile's system settings, written by the build"
		echo "# (scripts/mkconf.sh) and read by /etc/init.d/rcS."
		echo "# How eth0 gets its address (tinyinit passes its own NET):"
		echo ": \"\${NET:=${NET_CONFIG:-static}}\""
		echo "# Started by rcS in this order (/etc/init.d/NAME start):"
		echo "SERVICES=\"${SERVICES:-}\""
		echo "# on: rcS loads /etc/nftables.conf before starting them."
		echo "FIREWALL=${FIREWALL:-off}"
	} >"$out/rc.conf"
	if [ "${NET_CONFIG:-static}" = dhcp ]; then
		sed 's/^ip=.*/ip=dhcp/' "$overlay/etc/tinyinit.conf"
	else
		cat "$overlay/etc/tinyinit.conf"
	fi >"$out/tinyinit.conf"
	if [ "${LOGIN:-shell}" = getty ]; then
		printf '%s\n' "# The console asks for a user and a password (getty, login)." \
			"login=getty" >>"$out/tinyinit.conf"
		sed "s|^::askfirst:-/bin/sh\$|${CONSOLE:-ttyS0}::respawn:/sbin/getty -L 0 ${CONSOLE:-ttyS0} vt100|" \
			"$overlay/etc/inittab" >"$out/inittab"
	else
		cp "$overlay/etc/inittab" "$out/inittab"
	fi
	{
		echo "file /etc/rc.conf $out/rc.conf 644 0 0"
		echo "file /etc/tinyinit.conf $out/tinyinit.conf 644 0 0"
		echo "file /etc/inittab $out/inittab 644 0 0"
		if [ "${FIREWALL:-off}" = on ]; then
			nftables_conf >"$out/nftables.conf"
			echo "file /etc/nftables.conf $out/nftables.conf 600 0 0"
			nft_files
		fi
	} >"$out/list.tmp"
	mv "$out/list.tmp" "$out/list"
}

cmd=${1:-}
case $cmd in
check) check ;;
files) shift; files "$@" ;;
*) die "usage: mkconf.sh check | files OUTDIR OVERLAY" ;;
esac
