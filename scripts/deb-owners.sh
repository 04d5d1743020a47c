#!/bin/sh
# deb-owners.sh DEB...: "PATH<TAB>PACKAGE" for every path (not
# directory) of each Debian package file, from its data archive
# (dpkg-deb --fsys-tarfile), sorted by path.  mkdebian.sh runs it on the
# packages mmdebstrap downloaded, as an extract hook: the image's files
# can then be traced to their package without a dpkg database in the
# image (mk/sbom.mk).
set -eu
for d; do
	dpkg-deb --fsys-tarfile "$d" | tar -t |
		awk -v p="$(dpkg-deb -f "$d" Package)" '!/\/$/ { sub(/^\./, ""); print $0 "\t" p }'
done | LC_ALL=C sort
