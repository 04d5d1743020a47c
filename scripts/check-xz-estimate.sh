#!/bin/sh
# check-xz-estimate.sh REPORT: ksize's compressed size of all objects
# (report --xz) must be within 2% of the kernel's own vmlinux.bin.xz,
# or its per-symbol costs mean nothing.
awk '
	/of all objects compressed,/ { for (i = 1; i < NF; i++) if ($(i + 1) == "bytes") est = $i }
	/vmlinux.bin.xz:/ { for (i = 1; i < NF; i++) if ($(i + 1) == "bytes)") real = $i }
	END {
		if (!est || !real) {
			print "error: the report has no xz estimate or no vmlinux.bin.xz size" > "/dev/stderr"
			exit 1
		}
		d = est > real ? est - real : real - est
		printf "  xz estimate of all objects: %d bytes, the kernel'"'"'s payload: %d (%.2f%% apart)\n", est, real, 100 * d / real
		if (d > real / 50) {
			print "error: the xz estimate is more than 2% from the real payload" > "/dev/stderr"
			exit 1
		}
	}' "$1"
