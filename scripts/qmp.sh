#!/bin/sh
# qmp.sh SOCKET COMMAND...: talk to a running QEMU through QMP, its
# machine protocol (the launcher's --qmp SOCKET), with socat.  The
# desktop's tests and benchmark use it; by hand, on a guest started with
# "run-qemu.sh --qmp /tmp/q.sock":
#   qmp.sh SOCKET screendump FILE.ppm   the screen, as QEMU's monitor shows it
#   qmp.sh SOCKET keys ctrl-alt-t       keys pressed together, then let go
#   qmp.sh SOCKET type 'TEXT'           typed one key at a time ("\n": Return)
#   qmp.sh SOCKET click X Y W H         the absolute pointer (the USB tablet)
#                                       moved to pixel X,Y of a W x H screen,
#                                       then the left button pressed and let go
#   qmp.sh SOCKET quit                  stop QEMU
# Keys are QEMU's qcodes (QMP's "send-key"): a..z, 0..9, ret, spc, ctrl,
# alt, shift, minus, slash, dot... Each command waits for QEMU's answer
# and fails with QEMU's error in one line.
set -eu
die() {
	echo "qmp.sh: $*" >&2
	exit 1
}
[ $# -ge 2 ] || die "usage: qmp.sh SOCKET screendump FILE | keys K-K | type TEXT | click X Y W H | quit"
sock=$1 cmd=$2
shift 2
command -v socat >/dev/null || die "socat not found: install Debian's socat (make deps)"
[ -S "$sock" ] || die "$sock: no QMP socket (is QEMU running with --qmp $sock?)"

# qmp JSON...: one session: the capabilities handshake, then each
# command; every answer must be a "return".
qmp() {
	answers=$({
		echo '{"execute":"qmp_capabilities"}'
		for c; do echo "$c"; done
	} | socat -t 30 - "UNIX-CONNECT:$sock") || die "cannot talk to $sock"
	err=$(echo "$answers" | sed -n 's/.*"error": *{[^}]*"desc": *"\([^"]*\)".*/\1/p' | head -n 1)
	[ -z "$err" ] || die "$cmd: QEMU says: $err"
	n=$(echo "$answers" | grep -c '"return"' || true)
	[ "$n" -eq $(($# + 1)) ] || die "$cmd: QEMU answered $n of $(($# + 1)) commands"
}

# key_event QCODE DOWN: one input-send-event element.
key_event() {
	printf '{"type":"key","data":{"down":%s,"key":{"type":"qcode","data":"%s"}}}' "$2" "$1"
}

# press K...: the keys go down in order, then up in reverse: one chord.
press() {
	down= up=
	for k; do
		down="$down${down:+,}$(key_event "$k" true)"
		up="$(key_event "$k" false)${up:+,}$up"
	done
	echo "{\"execute\":\"input-send-event\",\"arguments\":{\"events\":[$down,$up]}}"
}

# qcode CHAR: the keys that type CHAR on a US keyboard ("shift x" for the
# shifted ones).
qcode() {
	case $1 in
	[a-z0-9]) echo "$1" ;;
	[A-Z]) echo "shift $(echo "$1" | tr A-Z a-z)" ;;
	' ') echo spc ;;
	'-') echo minus ;;
	'_') echo "shift minus" ;;
	'=') echo equal ;;
	'+') echo "shift equal" ;;
	'.') echo dot ;;
	',') echo comma ;;
	'/') echo slash ;;
	';') echo semicolon ;;
	':') echo "shift semicolon" ;;
	"'") echo apostrophe ;;
	'"') echo "shift apostrophe" ;;
	'>') echo "shift dot" ;;
	'<') echo "shift comma" ;;
	'|') echo "shift backslash" ;;
	'&') echo "shift 7" ;;
	'$') echo "shift 4" ;;
	'*') echo "shift 8" ;;
	'(') echo "shift 9" ;;
	')') echo "shift 0" ;;
	*) die "type: no key for '$1' (letters, digits, space and - _ = + . , / ; : ' \" > < | & \$ * ( ))" ;;
	esac
}

case $cmd in
screendump)
	[ $# -eq 1 ] || die "usage: qmp.sh SOCKET screendump FILE"
	rm -f "$1.tmp"
	qmp "{\"execute\":\"screendump\",\"arguments\":{\"filename\":\"$1.tmp\"}}"
	[ -s "$1.tmp" ] || die "screendump: QEMU wrote nothing to $1.tmp"
	mv "$1.tmp" "$1"
	;;
keys)
	[ $# -eq 1 ] || die "usage: qmp.sh SOCKET keys KEY-KEY..."
	qmp "$(press $(echo "$1" | tr - ' '))"
	;;
type)
	[ $# -eq 1 ] || die "usage: qmp.sh SOCKET type TEXT"
	# One command per character, in one session: QEMU queues them in
	# order; each key is down and up before the next.
	rest=$1
	set --
	while [ -n "$rest" ]; do
		case $rest in
		'\n'*)
			set -- "$@" "$(press ret)"
			rest=${rest#??}
			;;
		*)
			c=${rest%"${rest#?}"} rest=${rest#?}
			k=$(qcode "$c") || exit 1
			set -- "$@" "$(press $k)"
			;;
		esac
	done
	qmp "$@"
	;;
click)
	[ $# -eq 4 ] || die "usage: qmp.sh SOCKET click X Y WIDTH HEIGHT"
	for v; do
		case $v in '' | *[!0-9]*) die "click: '$v' is not a whole number of pixels" ;; esac
	done
	[ "$1" -lt "$3" ] && [ "$2" -lt "$4" ] || die "click: $1,$2 is off a $3x$4 screen"
	# QEMU's absolute axes run from 0 to 0x7fff across the screen.
	x=$(($1 * 32767 / ($3 - 1))) y=$(($2 * 32767 / ($4 - 1)))
	move='{"type":"abs","data":{"axis":"x","value":'$x'}},{"type":"abs","data":{"axis":"y","value":'$y'}}'
	btn() { printf '{"type":"btn","data":{"down":%s,"button":"left"}}' "$1"; }
	qmp "{\"execute\":\"input-send-event\",\"arguments\":{\"events\":[$move]}}" \
		"{\"execute\":\"input-send-event\",\"arguments\":{\"events\":[$(btn true)]}}" \
		"{\"execute\":\"input-send-event\",\"arguments\":{\"events\":[$(btn false)]}}"
	;;
quit) qmp '{"execute":"quit"}' ;;
*) die "unknown command '$cmd': screendump, keys, type, click or quit" ;;
esac
