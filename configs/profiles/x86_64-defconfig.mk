# The seed's "before": the kernel's own x86_64_defconfig with nothing
# removed, booted the same way.  Only "make bench" uses it, to compare.
ARCH_NAME := x86_64
LINUX_BASE := x86_64_defconfig
LINUX_FRAGMENTS :=
BUSYBOX_FRAGMENTS := base
# What the image holds besides the init of INIT (packages/).
PACKAGES := busybox hello
QEMU_MEM := 128M
# x86_64's own defconfig: no other architecture.
PROFILE_ARCHES := x86_64
PROFILE_ARCHES_WHY := its kernel configuration is the kernel's x86_64_defconfig
