#!/bin/sh
# mkpart.sh: a package's part of the root filesystem, as gen_init_cpio
# lines on stdout, from the environment (mk/package.mk):
#   FILES          PATH=FILE or PATH=FILE=MODE (mode 755 by default)
#   LINKS          PATH=TARGET
#   SERVICES       NAME=SCRIPT: /etc/init.d/NAME
#   APPLETS        a file of paths (busybox.links), each a link to
#   APPLET_TARGET  marked "weak": another part's entry at that path wins
set -eu
for f in ${FILES:-}; do
	path=${f%%=*} rest=${f#*=}
	src=${rest%%=*} mode=755
	[ "$rest" = "$src" ] || mode=${rest#*=}
	[ -f "$src" ] || { echo "mkpart: $path: no file $src" >&2; exit 1; }
	echo "file $path $src $mode 0 0"
done
for l in ${LINKS:-}; do
	echo "slink ${l%%=*} ${l#*=} 777 0 0"
done
for s in ${SERVICES:-}; do
	echo "file /etc/init.d/${s%%=*} ${s#*=} 755 0 0"
done
if [ -n "${APPLETS:-}" ]; then
	[ -s "$APPLETS" ] || { echo "mkpart: $APPLETS is missing or empty" >&2; exit 1; }
	sed "s|^|weak slink |; s|\$| ${APPLET_TARGET:?} 777 0 0|" "$APPLETS"
fi
