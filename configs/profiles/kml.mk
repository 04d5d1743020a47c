# Kernel Mode Linux: the default system, plus CONFIG_KERNEL_MODE_LINUX.
# Busybox lives in /trusted (/bin/busybox is a link to it), so the shell
# and every applet run in ring 0; busybox and kmltest are linked with a
# patched musl that makes system calls through the kernel's fast entry.
# See docs/kml.md.
ARCH_NAME := x86_64
LINUX_FRAGMENTS := base serial net nic small lowmem kml
BUSYBOX_FRAGMENTS := base
# What the image holds besides the init of INIT (packages/).
PACKAGES := busybox hello kmltest
QEMU_MEM := 64M
MUSL_FROM_SOURCE := y
TRUSTED := y
