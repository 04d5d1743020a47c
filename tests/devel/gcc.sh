#!/bin/sh
# The devel profile's disk boots with our init as PID 1 over Debian's
# glibc userland, and gcc works inside the guest: a C program is
# compiled, linked against glibc and run, make's built-in rule builds
# another with cc, and ldd shows the dynamic
# loader where glibc programs look for it, /lib64/ld-linux-x86-64.so.2
# (without which, as smart-os warns, every dynamic program fails).
. "$(dirname "$0")/../lib.sh"
cp "$DISK" "$work/disk.img"
up_steps 180 120 >"$work/script"
cat >>"$work/script" <<'S'
check echo '#include <stdio.h>' > /tmp/hello.c
check echo 'int main(void) { printf("hello from gcc %d.%d in tinylinux", __GNUC__, __GNUC_MINOR__); puts(""); return 0; }' >> /tmp/hello.c
check cd /tmp && gcc -Wall -o hello hello.c
check ./hello
output hello from gcc 12.
check printf 'int main(void) { return 7; }\\n' > seven.c && make seven CFLAGS=-O2; ./seven; [ $? = 7 ]
output cc -O2 
check ldd ./hello
output libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x
output /lib64/ld-linux-x86-64.so.2 (0x
check [ "$(readlink -f /lib64/ld-linux-x86-64.so.2)" = /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 ] && [ -x /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 ]
send poweroff
expect init: poweroff: done
exit 0
S
boot_disk "$work/script" "$work/disk.img"
echo "booted the devel disk; gcc $(grep -o 'hello from gcc [0-9][0-9.]*' "$work/serial.log" | head -1 | cut -d' ' -f4) compiled and ran a program; ldd shows /lib64/ld-linux-x86-64.so.2"
