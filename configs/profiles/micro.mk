# A microVM: the default system's userland on QEMU's microvm machine
# (MACHINE, mk/arch.mk): no PCI, no firmware BIOS (qboot only jumps to
# the kernel), virtio-net on virtio-mmio, the 8250 console, and the
# uncompressed vmlinux entered through its PVH note.  The kernel is the
# default's without PCI, e1000 and virtio-pci, plus virtio-mmio and PVH,
# loaded at 2 MiB (configs/linux/lowmem.config).  docs/boot.md.
ARCH_NAME := x86_64
PROFILE_ARCHES := x86_64
PROFILE_ARCHES_WHY := QEMU's microvm machine is x86's (on arm64 and riscv64 the default profile already boots an uncompressed Image on virtio-mmio, without a firmware BIOS)
MACHINE := microvm
LINUX_FRAGMENTS := base serial net small lowmem microvm
BUSYBOX_FRAGMENTS := base
# What the image holds besides the init of INIT (packages/).
PACKAGES := busybox hello
QEMU_MEM := 64M
