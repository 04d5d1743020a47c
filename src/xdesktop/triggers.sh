#!/bin/sh
# triggers.sh ROOT: what the desktop's Debian packages' dpkg triggers
# would have run after unpacking, run on the unpacked tree ROOT by
# mkdebian.sh (mmdebstrap's customize hook; DEBIAN_HOOK in
# configs/profiles/desktop.mk).  mmdebstrap's extract variant runs no
# maintainer script and no trigger, and without these caches GTK cannot
# load an icon (xfce4-panel dies of it) nor Thunar tell a file's type.
#
# Each tool is the tree's own, run from outside through the tree's own
# dynamic loader and libraries (the desktop is x86_64, as the build
# host): nothing of the host's goes into the image, and no root, chroot
# or emulation is needed.  Their outputs depend only on the tree.
set -eu
root=${1:?usage: triggers.sh ROOT}
lib=/usr/lib/x86_64-linux-gnu
ldso=$root/lib64/ld-linux-x86-64.so.2
[ -x "$ldso" ] || { echo "triggers.sh: $ldso: no x86_64 dynamic loader in the tree" >&2; exit 1; }
run() {
	"$ldso" --library-path "$root/lib/x86_64-linux-gnu:$root$lib" "$@"
}
# libglib2.0-0's trigger: the compiled GSettings schemas.
run "$root/usr/bin/glib-compile-schemas" "$root/usr/share/glib-2.0/schemas"
# libgdk-pixbuf-2.0-0's: the loaders' cache (which module reads SVG...),
# with the tree's paths as the guest sees them.
loaders=$lib/gdk-pixbuf-2.0/2.10.0
run "$root$lib/gdk-pixbuf-2.0/gdk-pixbuf-query-loaders" "$root$loaders"/loaders/*.so |
	sed "s|$root||g" >"$root$loaders/loaders.cache.tmp"
mv "$root$loaders/loaders.cache.tmp" "$root$loaders/loaders.cache"
# shared-mime-info's: the MIME database.
run "$root/usr/bin/update-mime-database" "$root/usr/share/mime"
# gtk-update-icon-cache's: each icon theme's cache (GTK reads one file
# instead of walking thousands).
for d in "$root"/usr/share/icons/*/; do
	[ -f "$d/index.theme" ] || continue
	run "$root/usr/bin/gtk-update-icon-cache" -q -f -t "$d"
done
echo "triggers.sh: GSettings schemas, gdk-pixbuf loaders ($(grep -c '^"/' "$root$loaders/loaders.cache")), MIME database, $(ls "$root"/usr/share/icons/*/icon-theme.cache 2>/dev/null | wc -l) icon caches"
