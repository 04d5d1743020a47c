#!/bin/sh
# bench-devel.sh: the devel profile's sizes (kernel, module, Debian
# packages, disk, container exports) and times (boot, gcc compiling and
# linking a C program in the guest, a module's load and unload), median
# of $BOOTS boots (make bench-devel, docs/benchmarks.md).  Prints a
# Markdown report; asserts nothing.
#   env: DEVEL_OUT DISK TOP TLEXPECT ACCEL MEM TESTLOGS BOOTS
. "$TOP/tests/lib.sh"
set +e
images=$DEVEL_OUT/images

median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f s", v[int((NR + 1) / 2)]; else print "FAILED" }'
}

# One boot: the time to userspace, then gcc (compile + link + run), then
# modprobe + rmmod, each as the time between two marks.
cat >"$work/script" <<'S'
timeout 180
expect init: userspace up at
mark UP
timeout 120
send echo 'int main(void) { puts("bench"); return 0; }' > /tmp/b.c; echo READY=$((1 + 1))
expect READY=2
mark GCC0
send gcc -include stdio.h -o /tmp/b /tmp/b.c && /tmp/b | sed 's/^/RAN=/'
expect RAN=bench
mark GCC1
send modprobe hello && cat /dev/hello >/dev/null && modprobe -r hello; echo MOD=$?
expect MOD=0
mark MOD1
send poweroff
expect init: poweroff: done
exit 0
S
bench_disk_boots "$work/script"
field() { cat "$work"/out-* | awk -v a="$1" -v b="$2" '$1 == a { x = $2 } $1 == b { print $2 - x }'; }

ko=$(find "$DEVEL_OUT/modules/root" -name hello.ko)
echo "## The development system ($(date -u +%Y-%m-%d), $(nproc) CPUs, accelerator: $ACCEL, -m $MEM, median of $BOOTS boots)"
echo
echo "| what | bytes |"
echo "| --- | --- |"
echo "| bzImage (pc kernel + modules, tmpfs, epoll...) | $(stat -c %s "$images/bzImage") |"
echo "| hello.ko (our out-of-tree driver) | $(stat -c %s "$ko") |"
echo "| Debian packages: $(cut -d' ' -f3- "$DEVEL_OUT/debian/spec") + dependencies: $(wc -l <"$DEVEL_OUT/debian/root.packages") packages (mmdebstrap's tarball, $(tar -tf "$DEVEL_OUT/debian/root.tar" | wc -l) entries) | $(stat -c %s "$DEVEL_OUT/debian/root.tar") |"
echo "| disk.img (apparent; sparse) | $(stat -c %s "$DISK") |"
echo "| disk.img (allocated on the host) | $(($(stat -c %b "$DISK") * 512)) |"
echo "| rootfs.tar (for docker import) | $(stat -c %s "$images/rootfs.tar") |"
echo "| OCI layout (gzip layer + manifest + config) | $(du -sb "$images/oci" | cut -f1) |"
echo
echo "| time | value |"
echo "| --- | --- |"
echo "| QEMU start -> userspace (SeaBIOS, syslinux, kernel, tinyinit) | $(sed -n 's/^UP //p' "$work"/out-* | median) |"
echo "| gcc: compile, link and run hello.c in the guest | $(field GCC0 GCC1 | median) |"
echo "| modprobe hello, read /dev/hello, modprobe -r | $(field GCC1 MOD1 | median) |"
