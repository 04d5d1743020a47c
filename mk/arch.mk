# The target architecture: ARCH=x86_64 (the default, from the profile's
# ARCH_NAME), arm (QEMU's versatilepb board: ARM926EJ-S, as in the seed's
# ARM tutorial), arm64 (QEMU's virt board, Cortex-A57) or riscv64
# (QEMU's virt board, OpenSBI from Debian).  Everything else follows
# from it: the cross compiler (Debian's gcc-*-linux-gnu*), the kernel's
# ARCH and image, a musl built from Debian's source with that compiler,
# the kernel fragment that replaces the PC's (configs/linux/arch-*.config),
# and QEMU's machine, console and NIC.  Outputs go to
# $(BUILD)/PROFILE-ARCH for every ARCH but x86_64 (below).
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
# Messages from the earliest boot (make boot-trace): x86's setup.bin
# prints on the PC's first serial port.
EARLYPRINTK_x86_64 := earlyprintk=serial,ttyS0,115200
CONSOLE_x86_64 := ttyS0
CONSOLE_arm := ttyAMA0
CONSOLE_arm64 := ttyAMA0
CONSOLE_riscv64 := ttyS0
# QEMU's NIC: a -device, or the board's own (versatilepb's SMC91C111,
# which only -net nic can attach).
NICARG_arm := -net nic,netdev=n0,model=smc91c111
NICARG_arm64 := -device virtio-net-device,netdev=n0
NICARG_riscv64 := -device virtio-net-device,netdev=n0
# The Debian packages the host needs for the architecture: its cross
# compiler, its QEMU, its firmware (make deps installs them).
HOST_DEPS_x86_64 := qemu-system-x86
HOST_DEPS_arm := gcc-arm-linux-gnueabi qemu-system-arm
HOST_DEPS_arm64 := gcc-aarch64-linux-gnu qemu-system-arm
HOST_DEPS_riscv64 := gcc-riscv64-linux-gnu qemu-system-misc opensbi
# x86_64: a PC, with a choice of PCI NICs (NIC=, the first is the
# default), firmware (SeaBIOS, OVMF) that boots disks and ISOs, and KVM
# when the host has a working one (the host is x86_64).
NICS_x86_64 := virtio e1000
PC_x86_64 := y
KVM_x86_64 := y

# A machine other than the architecture's usual board (a profile's
# MACHINE): its rows replace the architecture's.  x86_64 on QEMU's
# microvm (the micro profile): no PCI, no ACPI, no PS/2 controller;
# virtio devices on virtio-mmio, which QEMU announces on the kernel's
# command line (virtio_mmio.device=...); qboot, a firmware that only
# hands over to the kernel, which QEMU loads as an uncompressed ELF
# vmlinux entered through its PVH note (no setup.bin, no decompressor;
# the bzImage is built as well, for its size).  Without ACPI or a
# keyboard controller, a reboot is a triple fault (reboot=t), which
# -no-reboot turns into QEMU's exit: tinyinit's poweroff.
MACHINES_x86_64 := microvm
QEMU_x86_64_microvm := qemu-system-x86_64 -M microvm,acpi=off,x-option-roms=off -bios /usr/share/qemu/qboot.rom
NICS_x86_64_microvm :=
NICARG_x86_64_microvm := -device virtio-net-device,netdev=n0
PC_x86_64_microvm :=
BLK_x86_64_microvm := virtio-blk-device
KIMAGE_x86_64_microvm := vmlinux
KIMAGE_PATH_x86_64_microvm := vmlinux
KIMAGE_ALSO_x86_64_microvm := bzImage
APPEND_x86_64_microvm := reboot=t
# (A profile for some architectures only says so first.)
ifneq ($(PROFILE_ARCHES),)
ifeq ($(filter $(ARCH),$(PROFILE_ARCHES)),)
$(error PROFILE=$(PROFILE) ARCH=$(ARCH) cannot be built: the profile is for $(PROFILE_ARCHES) only: $(PROFILE_ARCHES_WHY))
endif
endif
MACHINE ?=
# The board's own kernel image (the default profile's, which test.env
# names beside a machine's).
BOARD_KIMAGE := $(KIMAGE_$(ARCH))
ifneq ($(MACHINE),)
ifeq ($(filter $(MACHINE),$(MACHINES_$(ARCH))),)
$(error PROFILE=$(PROFILE) ARCH=$(ARCH): unknown MACHINE '$(MACHINE)' ($(ARCH) has $(or $(MACHINES_$(ARCH)),only its own board)))
endif
$(foreach v,QEMU NICS NICARG PC BLK KIMAGE KIMAGE_PATH KIMAGE_ALSO APPEND,  $(eval $(v)_$(ARCH) := $(value $(v)_$(ARCH)_$(MACHINE))))
endif

KARCH := $(KARCH_$(ARCH))
CROSS_COMPILE := $(CROSS_$(ARCH))
ARCH_KIMAGE := $(KIMAGE_$(ARCH))
ARCH_KIMAGE_PATH := $(or $(KIMAGE_PATH_$(ARCH)),arch/$(KIMAGE_DIR_$(ARCH))/boot/$(ARCH_KIMAGE))
# Built too, not booted (the micro profile's bzImage, for its size).
ARCH_KIMAGE_ALSO := $(KIMAGE_ALSO_$(ARCH))
# Kernel arguments the machine needs (before the user's).
ARCH_APPEND := $(APPEND_$(ARCH))
ARCH_DTB := $(KDTB_$(ARCH))
ARCH_CONSOLE := $(CONSOLE_$(ARCH))
ARCH_KSIZE_VARS := $(foreach v,$(KSIZE_VARS_$(ARCH)),-D $(v))

# Debian's name for the architecture, for its binary packages (nft of
# the firewall): bookworm has no riscv64 port (it is in debian-ports).
# arm: armel, Debian's ARMv5TE port, what versatilepb's ARM926EJ-S runs.
DEBARCH_x86_64 := amd64
DEBARCH_arm := armel
DEBARCH_arm64 := arm64
# The virtio disk of DISKS: on PCI on the PC, on virtio-mmio on the virt
# boards; versatilepb has no virtio transport at all.
BLK_x86_64 := virtio-blk-pci
BLK_arm64 := virtio-blk-device
BLK_riscv64 := virtio-blk-device
# OCI's name (Go's) for the architecture, in make oci's image index.
OCIARCH_x86_64 := amd64
OCIARCH_arm := arm
OCIARCH_arm64 := arm64
OCIARCH_riscv64 := riscv64
ARCH_DEBARCH := $(DEBARCH_$(ARCH))
ARCH_BLK := $(BLK_$(ARCH))

# Outputs: $(BUILD)/PROFILE for x86_64 (the host's own, kept short),
# $(BUILD)/PROFILE-ARCH for every other (build/server-arm64).
# $(call profile_out,PROFILE,ARCH): the one place the scheme is written
# (the suites' sub-makes, test.env's default images and the host's
# busybox use it too).
profile_out = $(BUILD)/$(1)$(if $(filter x86_64,$(2)),,-$(2))
OUT ?= $(call profile_out,$(PROFILE),$(ARCH))
# OUT=build/x on the command line means the same as $(CURDIR)/build/x:
# the recipes run in other directories (busybox's, the kernel's).
override OUT := $(abspath $(OUT))

# ---- profile x architecture ------------------------------------------------
# Any profile builds for any ARCH whose parts exist.  A kernel fragment
# says in its first lines which architectures it is for, and what
# happens elsewhere:
#   # ARCHES: x86_64
#   # ELSEWHERE: board          left out: arch-ARCH.config has the board's
#                               own (a PC's UART, NICs and CPU vendors)
#   # ELSEWHERE: REASON         the profile is refused, with REASON
# and NAME-ARCH.config, when it exists, follows NAME.config (harden's
# CPU-specific mitigations).  arch-ARCH.config comes last.
frag_file = $(TOP)/configs/linux/$(1).config
frag_field = $(shell sed -n 's/^# $(2): *//p' $(call frag_file,$(1)) 2>/dev/null)
frag_for_arch = $(if $(call frag_field,$(1),ARCHES),$(if $(filter $(ARCH),$(call frag_field,$(1),ARCHES)),$(1),$(if $(filter board,$(call frag_field,$(1),ELSEWHERE)),,$(error PROFILE=$(PROFILE) ARCH=$(ARCH) cannot be built: configs/linux/$(1).config is for $(call frag_field,$(1),ARCHES) only: $(call frag_field,$(1),ELSEWHERE)))),$(1))
frag_companion = $(if $(wildcard $(call frag_file,$(1)-$(ARCH))),$(1)-$(ARCH))
LINUX_FRAGMENTS := $(strip $(foreach f,$(LINUX_FRAGMENTS),$(foreach g,$(call frag_for_arch,$(f)),$(g) $(call frag_companion,$(g)))) \
	$(if $(filter base,$(LINUX_FRAGMENTS)),arch-$(ARCH)))

# The data disks of DISKS (scripts/disks.sh): virtio where the board has
# a virtio transport, IDE and SATA on the PC only.
disk_buses := $(sort $(foreach e,$(DISKS),$(or $(word 3,$(subst :, ,$(e))),virtio)))
ifneq ($(filter virtio,$(disk_buses)),)
ifeq ($(ARCH_BLK),)
$(error PROFILE=$(PROFILE) ARCH=$(ARCH) cannot be built: DISKS='$(DISKS)' has a virtio disk, and QEMU's $(word 3,$(QEMU_$(ARCH))) board has no virtio transport (DISKS= builds without it))
endif
endif
ifneq ($(filter sata ide,$(disk_buses)),)
ifneq ($(PC_$(ARCH)),y)
$(error PROFILE=$(PROFILE) ARCH=$(ARCH) cannot be built: DISKS='$(DISKS)' has a $(filter sata ide,$(disk_buses)) disk, a controller of QEMU's PC only)
endif
endif

# The firewall loads its rules with Debian's nft (and its libraries):
# the host's own on x86_64, the target's from Debian's mirror elsewhere
# (mk/sysconf.mk).
ifeq ($(FIREWALL),on)
ifeq ($(ARCH_DEBARCH),)
$(error PROFILE=$(PROFILE) ARCH=$(ARCH) cannot be built: FIREWALL=on needs Debian's nftables, and bookworm has no $(ARCH) port (FIREWALL=off builds the rest))
endif
endif

ifneq ($(ARCH),x86_64)
# musl from Debian's source, built with the cross compiler, unpatched
# (patches/musl is Kernel Mode Linux's, x86_64 only).
MUSL_FROM_SOURCE := y
MUSL_PATCH_DIR :=
# No KVM for another architecture: TCG.
ACCEL := tcg
endif
