#!/bin/sh
# desktop-shot.sh SOCKET OUT.ppm [SECONDS]: QEMU's screen (screendump
# through QMP, scripts/qmp.sh) as OUT.ppm, once it shows a desktop, or
# fail after SECONDS (default 0: one look).  A desktop, told apart from a
# text console or a blank screen by counting colours with netpbm:
#   - the whole screen has more than 64 colours (a text console has 16
#     at most, a screen being cleared one);
#   - the strip where Xfce's panel sits, the top 24 rows, has at least
#     8: the panel's icons and its clock's anti-aliased text.  A blank
#     strip has one.
# It prints what it saw in one line: "screen 1024x768, 3121 colours;
# panel strip 57 colours".
set -eu
die() {
	echo "desktop-shot.sh: $*" >&2
	exit 1
}
[ $# -ge 2 ] || die "usage: desktop-shot.sh SOCKET OUT.ppm [SECONDS]"
sock=$1 out=$2 wait=${3:-0}
case $wait in '' | *[!0-9]*) die "SECONDS must be a whole number, not '$wait'" ;; esac
for t in pamfile:netpbm pamcut:netpbm ppmhist:netpbm; do
	command -v "${t%%:*}" >/dev/null || die "${t%%:*} not found: install Debian's ${t#*:} (make deps)"
done
qmp=$(dirname "$0")/qmp.sh
strip=24

# colours FILE: the number of distinct colours.
colours() {
	ppmhist -noheader "$1" | wc -l
}

deadline=$(($(date +%s) + wait))
while :; do
	"$qmp" "$sock" screendump "$out.look"
	set -- $(pamfile "$out.look" | sed -n 's/.* \([0-9][0-9]*\) by \([0-9][0-9]*\).*/\1 \2/p')
	[ $# -eq 2 ] || die "$out.look: not a picture netpbm reads"
	w=$1 h=$2
	all=$(colours "$out.look")
	pamcut -top 0 -height "$strip" "$out.look" >"$out.strip"
	top=$(colours "$out.strip")
	rm -f "$out.strip"
	seen="screen ${w}x$h, $all colours; panel strip (top $strip rows) $top colours"
	if [ "$all" -gt 64 ] && [ "$top" -ge 8 ]; then
		mv "$out.look" "$out"
		echo "$seen"
		exit 0
	fi
	if [ "$(date +%s)" -ge "$deadline" ]; then
		mv "$out.look" "$out"
		die "no desktop on the screen after ${wait}s: $seen (last screen: $out)"
	fi
	# Look again in a second (a bounded poll: the deadline above).
	sleep 1
done
