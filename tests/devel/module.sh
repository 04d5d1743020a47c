#!/bin/sh
# Our out-of-tree driver, src/modules/hello, built against the devel
# kernel and installed under /lib/modules/RELEASE with depmod's data:
# modprobe finds and loads it with a parameter, /dev/hello counts the
# opens with that greeting, the kernel log shows the load and the unload,
# and modprobe -r removes it cleanly (no module left, no device node).
. "$(dirname "$0")/../lib.sh"
cp "$DISK" "$work/disk.img"
up_steps 180 60 >"$work/script"
cat >>"$work/script" <<'S'
check ls /lib/modules/$(uname -r)/extra/ && [ "$(grep -c hello /lib/modules/$(uname -r)/modules.dep)" = 1 ]
check modinfo -F parm hello
output greeting:what each line read from /dev/hello starts with
check [ "$(lsmod | grep -c '^hello')" = 0 ]
check modprobe hello greeting=Salut
check cat /dev/hello; cat /dev/hello
output Salut 1
output Salut 2
check [ "$(cat /sys/module/hello/parameters/greeting)" = Salut ]
check dd if=/dev/hello bs=1 2>/dev/null
output Salut 3
check dmesg | grep 'hello: loaded'
output hello: loaded, greeting "Salut", /dev/hello is 10:
check [ "$(lsmod | grep -c '^hello ')" = 1 ]
check modprobe -r hello
check dmesg | grep 'hello: unloaded'
output hello: unloaded after 3 opens
check [ ! -e /dev/hello ] && [ "$(lsmod | grep -c '^hello')" = 0 ]
send poweroff
expect init: poweroff: done
exit 0
S
boot_disk "$work/script" "$work/disk.img"
echo "modprobe hello greeting=Salut: /dev/hello read 'Salut 1..3', kernel log shows load and unload, modprobe -r left no module"
