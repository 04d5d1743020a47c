# The seed's "before": the kernel's own x86_64_defconfig with nothing
# removed, booted the same way.  Only "make bench" uses it, to compare.
ARCH_NAME := x86_64
LINUX_BASE := x86_64_defconfig
LINUX_FRAGMENTS :=
BUSYBOX_FRAGMENTS := base
QEMU_MEM := 128M
