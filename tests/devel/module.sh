#!/bin/sh
# Our out-of-tree driver, src/modules/hello, built against the devel
# kernel and installed under /lib/modules/RELEASE with depmod's data:
# modprobe finds and loads it with a parameter, /dev/hello counts the
# opens with that greeting, the kernel log shows the load and the unload,
# and modprobe -r removes it cleanly (no module left, no device node).
. "$(dirname "$0")/../lib.sh"
cp "$DISK" "$work/disk.img"
cat >"$work/script" <<'S'
timeout 180
expect init: userspace up at
timeout 60
send ls /lib/modules/$(uname -r)/extra/ && grep -c hello /lib/modules/$(uname -r)/modules.dep | sed 's/^/DEP=/'
expect DEP=1
send modinfo -F parm hello
expect greeting:what each line read from /dev/hello starts with
send lsmod | grep -c '^hello' | sed 's/^/BEFORE=/'
expect BEFORE=0
send modprobe hello greeting=Salut && echo LOADED=$?
expect LOADED=0
send cat /dev/hello; cat /dev/hello; cat /sys/module/hello/parameters/greeting | sed 's/^/PARAM=/'
expect Salut 1
expect Salut 2
expect PARAM=Salut
send dd if=/dev/hello bs=1 2>/dev/null | sed 's/^/BYTEWISE=/'
expect BYTEWISE=Salut 3
send dmesg | grep 'hello: loaded' | sed 's/^.*] /KLOG /'
expect KLOG hello: loaded, greeting "Salut", /dev/hello is 10:
send lsmod | grep -c '^hello ' | sed 's/^/LSMOD=/'
expect LSMOD=1
send modprobe -r hello && echo REMOVED=$?
expect REMOVED=0
send dmesg | grep 'hello: unloaded' | sed 's/^.*] /KLOG /'
expect KLOG hello: unloaded after 3 opens
send [ -e /dev/hello ] && n=present || n=gone; echo NODE=$n; lsmod | grep -c '^hello' | sed 's/^/AFTER=/'
expect NODE=gone
expect AFTER=0
send poweroff
expect init: poweroff: done
exit 0
S
boot_disk "$work/script" "$work/disk.img"
echo "modprobe hello greeting=Salut: /dev/hello read 'Salut 1..3', kernel log shows load and unload, modprobe -r left no module"
