# The default profile: an x86_64 guest with TCP/IP, virtio-net and e1000,
# a serial console, our init and a static busybox.
ARCH_NAME := x86_64
LINUX_FRAGMENTS := base serial net nic small lowmem
BUSYBOX_FRAGMENTS := base
# What the image holds besides the init of INIT (packages/).
PACKAGES := busybox hello
QEMU_MEM := 64M
