# make disk: a bootable PC disk image (scripts/mkdisk.sh, docs/disk.md):
# a FAT boot partition with the kernel and syslinux (BIOS and UEFI) and
# an ext4 root filesystem, made without root, loop devices or mounts.
#   make disk                        build/pc/images/disk.img
#   make run-disk                    boot it (SeaBIOS)
#   make run-disk FIRMWARE=uefi      boot it under OVMF
#   make iso; make run-iso           the hybrid ISO (ISO_AS=cd or disk)
DISK_IMAGE := $(IMAGES)/disk.img
# What the profile's root filesystem needs of the kernel besides what
# every disk needs (the block layer and ext4), checked before the disk is
# made: Kconfig symbols without CONFIG_ (the desktop profile: DRM and its
# framebuffer for Xorg, evdev for input).
KERNEL_NEEDS ?=
DISK_KERNEL_NEEDS = BLOCK EXT4_FS $(KERNEL_NEEDS)
DISK_BOOT_MB ?= 16
DISK_ROOT_MB ?= 32
FIRMWARE ?= bios
# The screen: none (serial console only), or gtk, sdl, vnc=:0 ... to see VGA.
QEMU_DISPLAY ?= none
ifeq ($(filter bios uefi,$(FIRMWARE)),)
$(error FIRMWARE must be bios or uefi, not '$(FIRMWARE)')
endif

# A disk image and an ISO boot a PC through its firmware (the arch
# table's PC_ARCH); a board boots its kernel directly.
ifneq ($(filter disk iso run-disk run-iso,$(MAKECMDGOALS)),)
ifneq ($(PC_$(ARCH)),y)
$(error make $(filter disk iso run-disk run-iso,$(MAKECMDGOALS)) ARCH=$(ARCH): a disk image or an ISO boots a PC through its firmware (SeaBIOS, OVMF); $(ARCH)'s board boots its kernel directly: make run ARCH=$(ARCH))
endif
endif

.PHONY: disk run-disk
disk: $(DISK_IMAGE) $(LAUNCHER)

# Checked first, on the kernel's configuration alone: a kernel without
# what the disk and the profile need is refused before anything is built.
KERNEL_NEEDS_OK := $(OUT)/kernel-needs.ok
$(KERNEL_NEEDS_OK): $(KCONFIG) $(TOP)/configs/profiles/$(PROFILE).mk
	$(Q)$(foreach n,$(DISK_KERNEL_NEEDS),grep -q '^CONFIG_$(n)=y' $(KCONFIG) || \
		{ echo "error: profile '$(PROFILE)' needs CONFIG_$(n) in its kernel, and $(KCONFIG:$(TOP)/%=%) lacks it (LINUX_FRAGMENTS: $(LINUX_FRAGMENTS); $(notdir $(shell grep -l '^CONFIG_$(n)=y' $(TOP)/configs/linux/*.config)) sets it)" >&2; exit 1; };)
	$(Q)echo "$(DISK_KERNEL_NEEDS)" > $@

$(DISK_IMAGE): $(KERNEL_NEEDS_OK) $(KERNEL_IMAGE) $(ROOTFS_LIST) $(DEBIAN_TAR) $(TOP)/scripts/mkdisk.sh $(TOP)/scripts/populate.sh $(TOP)/mk/disk.mk | $(DEPS_STAMP)
	$(say) DISK "$(PROFILE): boot $(DISK_BOOT_MB) MiB + root $(DISK_ROOT_MB) MiB$(if $(DEBIAN_TAR), (Debian packages + our files)) -> $(@:$(TOP)/%=%)"
	$(Q)mkdir -p $(@D)
	$(Q)BOOT_MB=$(DISK_BOOT_MB) ROOT_MB=$(DISK_ROOT_MB) CMDLINE="$(APPEND)" BASE_TAR=$(DEBIAN_TAR) CONSOLE=$(ARCH_CONSOLE) \
		$(TOP)/scripts/mkdisk.sh $@ $(KERNEL_IMAGE) $(ROOTFS_LIST) $(OUT)/disk
	$(say) SIZE "disk: $$(stat -c %s $@) bytes"

# make iso: a hybrid ISO with the kernel and the initramfs (scripts/mkiso.sh):
# BIOS and UEFI, CD-ROM and disk.
ISO_IMAGE := $(IMAGES)/tinylinux.iso
.PHONY: iso run-iso
iso: $(ISO_IMAGE) $(LAUNCHER)

$(ISO_IMAGE): $(KERNEL_IMAGE) $(INITRAMFS) $(TOP)/scripts/mkiso.sh $(TOP)/mk/disk.mk | $(DEPS_STAMP)
	$(say) ISO "$(PROFILE): kernel + initramfs, BIOS and UEFI, CD and disk -> $(@:$(TOP)/%=%)"
	$(Q)mkdir -p $(@D)
	$(Q)CMDLINE="$(APPEND)" CONSOLE=$(ARCH_CONSOLE) $(TOP)/scripts/mkiso.sh $@ $(KERNEL_IMAGE) $(INITRAMFS) $(OUT)/iso
	$(say) SIZE "iso: $$(stat -c %s $@) bytes"

# $(call qemu_pc,WHAT,MEDIUM): boot the PC through FIRMWARE from MEDIUM
# (the launcher's --disk or --iso), with the VGA screen, the serial
# console, the network of make run and the data disks of DISKS.  OVMF's
# variables are written at run time: each boot gets a copy in $(OUT).
define qemu_pc
	$(Q)accel=$$($(call probe_accel,$(LAUNCHER))) || exit 1; \
	$(disks_prepare) \
	echo "  QEMU     $(PROFILE) $(1), $(FIRMWARE), $$accel, -m $(MEM); 'poweroff' ends QEMU, Ctrl-A X kills it"; \
	exec $(LAUNCHER) --accel $$accel -m $(MEM) --firmware $(FIRMWARE) --state $(OUT) \
		--display $(QEMU_DISPLAY) $(2) $(qemu_net) $$disks
endef

run-disk: $(DISK_IMAGE) $(LAUNCHER)
	$(call qemu_pc,disk,--disk $(DISK_IMAGE))

# make run-iso: boot the ISO as a CD-ROM (ISO_AS=cd) or as a disk
# (ISO_AS=disk, the way a USB stick would be), under FIRMWARE=bios|uefi.
ISO_AS ?= cd
ifeq ($(filter cd disk,$(ISO_AS)),)
$(error ISO_AS must be cd or disk, not '$(ISO_AS)')
endif
iso_drive_cd := --iso $(ISO_IMAGE)
iso_drive_disk := --iso-disk $(ISO_IMAGE)
run-iso: $(ISO_IMAGE) $(LAUNCHER)
	$(call qemu_pc,ISO as a $(ISO_AS),$(iso_drive_$(ISO_AS)))

# check-media (mk/suites.mk's SUITE_media): the media tests (tests/media)
# on the pc profile's images, built into $(BUILD)/pc by a sub-make
# whatever PROFILE is; each test runs under SeaBIOS and under OVMF.
PC_OUT := $(BUILD)/pc

# make bench-media: each medium's size and time to userspace, and the
# kill-during-writes test KILL_ROUNDS times (scripts/bench-media.sh).
KILL_ROUNDS ?= 10
.PHONY: bench-media
bench-media: media-images
	$(Q)mkdir -p $(BENCH)
	$(Q)accel=$$($(call probe_accel,$(PC_OUT)/images/run-qemu.sh)) || exit 1; \
	$(call suite_env,pc,x86_64) ACCEL=$$accel MAKE="$(MAKE)" TESTLOGS=$(BENCH) BOOTS=$(BOOTS) KILL_ROUNDS=$(KILL_ROUNDS) \
	$(TOP)/scripts/bench-media.sh | tee $(BENCH)/media.md
	@echo "report: $(BENCH:$(TOP)/%=%)/media.md"
