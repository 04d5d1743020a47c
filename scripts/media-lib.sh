# media-lib.sh: shared by mkdisk.sh, mkiso.sh and disks.sh (sourced).
# Set $prog first: every error is one line "$prog: ...", status 1.
# The tools these scripts use (mkfs.fat, sfdisk, mke2fs) live in /usr/sbin,
# which is not in an ordinary user's PATH on Debian.
PATH=$PATH:/usr/sbin:/sbin

die() {
	echo "$prog: $*" >&2
	exit 1
}

# need_tools CMD:PACKAGE...: each command is there, or name its package.
need_tools() {
	for t; do
		command -v "${t%%:*}" >/dev/null ||
			die "${t%%:*} not found: install the Debian package ${t#*:}"
	done
}

# need_files PATH:PACKAGE...: each file is there, or name its package.
need_files() {
	for f; do
		[ -f "${f%:*}" ] || die "${f%:*} not found: install the Debian package ${f##*:}"
	done
}
