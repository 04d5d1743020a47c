# The target architecture: ARCH=x86_64 (the default, from the profile's
# ARCH_NAME), arm (QEMU's versatilepb board: ARM926EJ-S, as in the seed's
# ARM tutorial), arm64 (QEMU's virt board, Cortex-A57) or riscv64
# (QEMU's virt board, OpenSBI from Debian).  Everything else follows
# from it: the cross compiler (Debian's gcc-*-linux-gnu*), the kernel's
# ARCH and image, a musl built from Debian's source with that compiler,
# the kernel fragment that replaces the PC's (configs/linux/arch-*.config),
# and QEMU's machine, console and NIC.  Outputs go to $(BUILD)/$(ARCH)
# for every ARCH but x86_64.
#   make run ARCH=arm64        make check-arch (every ARCH, tests/arch)
ARCHES := x86_64 arm arm64 riscv64
comma := ,
ARCH ?= $(ARCH_NAME)
ifeq ($(filter $(ARCH),$(ARCHES)),)
$(error unknown ARCH '$(ARCH)': choose one of $(ARCHES))
endif

# Per architecture: the kernel's ARCH, the cross compiler's prefix, the
# kernel image (make target, file under arch/), musl's target, QEMU.
KARCH_x86_64 := x86_64
KARCH_arm := arm
KARCH_arm64 := arm64
KARCH_riscv64 := riscv
CROSS_x86_64 :=
CROSS_arm := arm-linux-gnueabi-
CROSS_arm64 := aarch64-linux-gnu-
CROSS_riscv64 := riscv64-linux-gnu-
KIMAGE_x86_64 := bzImage
KIMAGE_arm := zImage
KIMAGE_arm64 := Image
KIMAGE_riscv64 := Image
KIMAGE_DIR_x86_64 := x86
KIMAGE_DIR_arm := arm
KIMAGE_DIR_arm64 := arm64
KIMAGE_DIR_riscv64 := riscv
# What ksize needs to read the kernel's Kbuild files (the variables they
# test), and where the x86 decompressor keeps the payload it unpacks
# (kimage's byte-exact test).
KSIZE_VARS_x86_64 := SRCARCH=x86 BITS=64
KSIZE_VARS_arm := SRCARCH=arm BITS=32
KSIZE_VARS_arm64 := SRCARCH=arm64 BITS=64
KSIZE_VARS_riscv64 := SRCARCH=riscv BITS=64
KPAYLOAD_x86_64 := arch/x86/boot/compressed/vmlinux.bin
# The device tree the versatilepb kernel boots with (QEMU's virt boards
# make their own).
KDTB_arm := versatile-pb.dtb
QEMU_x86_64 := qemu-system-x86_64
QEMU_arm := qemu-system-arm -M versatilepb
# (versatilepb has a sound chip: no audio back-end, no ALSA noise)
QEMU_ENV_arm := QEMU_AUDIO_DRV=none
QEMU_arm64 := qemu-system-aarch64 -M virt -cpu cortex-a57
# fw_dynamic: QEMU tells OpenSBI where it put the kernel and the device
# tree.  (fw_jump moves the device tree to a fixed address, 34 MiB into
# RAM, which Linux 6.1 cannot map with -m 64M: it oopses reading it.)
OPENSBI := /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin
QEMU_riscv64 := qemu-system-riscv64 -M virt -bios $(OPENSBI)
CONSOLE_x86_64 := ttyS0
CONSOLE_arm := ttyAMA0
CONSOLE_arm64 := ttyAMA0
CONSOLE_riscv64 := ttyS0
# QEMU's NIC: a -device, or the board's own (versatilepb's SMC91C111,
# which only -net nic can attach).
NICARG_arm := -net nic,netdev=n0,model=smc91c111
NICARG_arm64 := -device virtio-net-device,netdev=n0
NICARG_riscv64 := -device virtio-net-device,netdev=n0
# x86_64: a PC, with a choice of PCI NICs (NIC=, the first is the
# default), firmware (SeaBIOS, OVMF) that boots disks and ISOs, and KVM
# when the host has a working one (the host is x86_64).
NICS_x86_64 := virtio e1000
PC_x86_64 := y
KVM_x86_64 := y

KARCH := $(KARCH_$(ARCH))
CROSS_COMPILE := $(CROSS_$(ARCH))
ARCH_KIMAGE := $(KIMAGE_$(ARCH))
ARCH_KIMAGE_PATH := arch/$(KIMAGE_DIR_$(ARCH))/boot/$(ARCH_KIMAGE)
ARCH_DTB := $(KDTB_$(ARCH))
ARCH_CONSOLE := $(CONSOLE_$(ARCH))
ARCH_KSIZE_VARS := $(foreach v,$(KSIZE_VARS_$(ARCH)),-D $(v))

ifneq ($(ARCH),x86_64)
ifneq ($(PROFILE),default)
$(error ARCH=$(ARCH) is made for the default profile only (PROFILE=$(PROFILE) is x86_64))
endif
# The PC's fragments (8250 UART, PCI NICs, x86 CPU vendors) give way to
# the board's own.
LINUX_FRAGMENTS := $(filter-out serial nic small,$(LINUX_FRAGMENTS)) arch-$(ARCH)
# musl from Debian's source, built with the cross compiler, unpatched
# (patches/musl is Kernel Mode Linux's, x86_64 only).
MUSL_FROM_SOURCE := y
MUSL_PATCH_DIR :=
OUT ?= $(BUILD)/$(ARCH)
# No KVM for another architecture: TCG.
ACCEL := tcg
else
LINUX_FRAGMENTS := $(LINUX_FRAGMENTS) $(if $(filter base,$(LINUX_FRAGMENTS)),arch-x86_64)
endif
