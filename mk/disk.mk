# make disk: a bootable PC disk image (scripts/mkdisk.sh, docs/disk.md):
# a FAT boot partition with the kernel and syslinux (BIOS and UEFI) and
# an ext4 root filesystem, made without root, loop devices or mounts.
#   make disk                        build/pc/images/disk.img
#   make run-disk                    boot it (SeaBIOS)
#   make run-disk FIRMWARE=uefi      boot it under OVMF
#   make iso; make run-iso           the hybrid ISO (ISO_AS=cd or disk)
DISK_IMAGE := $(IMAGES)/disk.img
DISK_BOOT_MB ?= 16
DISK_ROOT_MB ?= 32
FIRMWARE ?= bios
# The screen: none (serial console only), or gtk, sdl, vnc=:0 ... to see VGA.
QEMU_DISPLAY ?= none
OVMF_CODE := /usr/share/OVMF/OVMF_CODE_4M.fd
OVMF_VARS := /usr/share/OVMF/OVMF_VARS_4M.fd
ifeq ($(filter bios uefi,$(FIRMWARE)),)
$(error FIRMWARE must be bios or uefi, not '$(FIRMWARE)')
endif

.PHONY: disk run-disk
disk: $(DISK_IMAGE)

$(DISK_IMAGE): $(KERNEL_IMAGE) $(ROOTFS_LIST) $(DEBIAN_TAR) $(TOP)/scripts/mkdisk.sh $(TOP)/scripts/populate.sh $(TOP)/mk/disk.mk | $(DEPS_STAMP)
	$(Q)grep -q '^CONFIG_BLOCK=y' $(KCONFIG) && grep -q '^CONFIG_EXT4_FS=y' $(KCONFIG) || \
		{ echo "error: profile '$(PROFILE)' has no block layer or ext4 in its kernel: use PROFILE=pc (or add configs/linux/disk.config)" >&2; exit 1; }
	$(say) DISK "$(PROFILE): boot $(DISK_BOOT_MB) MiB + root $(DISK_ROOT_MB) MiB$(if $(DEBIAN_TAR), (Debian packages + our files)) -> $(@:$(TOP)/%=%)"
	$(Q)mkdir -p $(@D)
	$(Q)BOOT_MB=$(DISK_BOOT_MB) ROOT_MB=$(DISK_ROOT_MB) CMDLINE="$(APPEND)" BASE_TAR=$(DEBIAN_TAR) \
		$(TOP)/scripts/mkdisk.sh $@ $(KERNEL_IMAGE) $(ROOTFS_LIST) $(OUT)/disk
	$(say) SIZE "disk: $$(stat -c %s $@) bytes"

# make iso: a hybrid ISO with the kernel and the initramfs (scripts/mkiso.sh):
# BIOS and UEFI, CD-ROM and disk.
ISO_IMAGE := $(IMAGES)/tinylinux.iso
.PHONY: iso run-iso
iso: $(ISO_IMAGE)

$(ISO_IMAGE): $(KERNEL_IMAGE) $(INITRAMFS) $(TOP)/scripts/mkiso.sh $(TOP)/mk/disk.mk | $(DEPS_STAMP)
	$(say) ISO "$(PROFILE): kernel + initramfs, BIOS and UEFI, CD and disk -> $(@:$(TOP)/%=%)"
	$(Q)mkdir -p $(@D)
	$(Q)CMDLINE="$(APPEND)" $(TOP)/scripts/mkiso.sh $@ $(KERNEL_IMAGE) $(INITRAMFS) $(OUT)/iso
	$(say) SIZE "iso: $$(stat -c %s $@) bytes"

# The firmware's variables are written at run time: each boot gets a copy.
qemu_firmware_bios :=
qemu_firmware_uefi = -drive if=pflash,format=raw,readonly=on,file=$(OVMF_CODE) \
	-drive if=pflash,format=raw,file=$(OUT)/OVMF_VARS.fd

# $(call qemu_pc,WHAT,MEDIUM): boot QEMU's pc machine through FIRMWARE
# from MEDIUM (QEMU's drive arguments), with the VGA screen, the serial
# console, the network of make run and the data disks of DISKS.
define qemu_pc
	$(Q)accel=$$($(TOP)/scripts/accel.sh $(ACCEL) $(KERNEL_IMAGE) $(BUILD)/accel) || exit 1; \
	$(if $(filter uefi,$(FIRMWARE)),cp $(OVMF_VARS) $(OUT)/OVMF_VARS.fd;) \
	$(disks_prepare) \
	echo "  QEMU     $(PROFILE) $(1), $(FIRMWARE), $$accel, -m $(MEM); 'poweroff' ends QEMU, Ctrl-A X kills it"; \
	exec $(QEMU) -nodefaults -no-user-config -no-reboot -m $(MEM) -accel $$accel \
		-M pc $(qemu_firmware_$(FIRMWARE)) -vga std -display $(QEMU_DISPLAY) -serial mon:stdio \
		$(2) $(qemu_net) $$disks
endef

disk_drive := -drive file=$(DISK_IMAGE),format=raw,if=none,id=root \
	-device virtio-blk-pci,drive=root,bootindex=0
run-disk: $(DISK_IMAGE)
	$(call qemu_pc,disk,$(disk_drive))

# make run-iso: boot the ISO as a CD-ROM (ISO_AS=cd) or as a disk
# (ISO_AS=disk, the way a USB stick would be), under FIRMWARE=bios|uefi.
ISO_AS ?= cd
ifeq ($(filter cd disk,$(ISO_AS)),)
$(error ISO_AS must be cd or disk, not '$(ISO_AS)')
endif
iso_drive_cd := -drive file=$(ISO_IMAGE),format=raw,if=none,id=cd,media=cdrom,readonly=on \
	-device ide-cd,drive=cd,bootindex=0
iso_drive_disk := -drive file=$(ISO_IMAGE),format=raw,if=none,id=root,readonly=on \
	-device virtio-blk-pci,drive=root,bootindex=0
run-iso: $(ISO_IMAGE)
	$(call qemu_pc,ISO as a $(ISO_AS),$(iso_drive_$(ISO_AS)))

# check-media: the media tests (tests/media) on the pc profile's images,
# built into $(BUILD)/pc by a sub-make whatever PROFILE is; each test
# runs under SeaBIOS and under OVMF.
PC_OUT := $(BUILD)/pc
# The pc profile's memory, from its profile file (PROFILE may be another).
PC_MEM := $(shell sed -n 's/^QEMU_MEM := //p' $(TOP)/configs/profiles/pc.mk)
# What the media tests and benchmarks are told (tests/lib.sh), in a
# recipe where $$accel is set.
media_env = MAKE="$(MAKE)" TOP=$(TOP) PC_OUT=$(PC_OUT) DISK=$(PC_OUT)/images/disk.img \
	ISO=$(PC_OUT)/images/tinylinux.iso BUSYBOX=$(PC_OUT)/busybox/busybox \
	DISKS="$$(cat $(PC_OUT)/disks.spec)" TLEXPECT=$(TLEXPECT) ACCEL=$$accel MEM=$(PC_MEM) \
	OVMF_CODE=$(OVMF_CODE) OVMF_VARS=$(OVMF_VARS)
.PHONY: check-media pc-media
pc-media: $(TLEXPECT)
	$(Q)$(MAKE) --no-print-directory PROFILE=pc OUT=$(PC_OUT) disk data-disks iso

check-media: pc-media
	$(Q)accel=$$($(TOP)/scripts/accel.sh $(ACCEL) $(PC_OUT)/images/bzImage $(BUILD)/accel) || exit 1; \
	echo "  TEST     disk images ($$accel, logs in $(TESTLOGS:$(TOP)/%=%)/media-*)"; \
	export $(media_env); \
	for fw in bios uefi; do \
		FIRMWARE=$$fw TESTLOGS=$(TESTLOGS)/media-$$fw \
		$(TOP)/tests/run.sh "check-media ($$fw)" $(sort $(wildcard $(TOP)/tests/media/*.sh)) || exit 1; \
	done

# make bench-media: each medium's size and time to userspace, and the
# kill-during-writes test KILL_ROUNDS times (scripts/bench-media.sh).
KILL_ROUNDS ?= 10
.PHONY: bench-media
bench-media: pc-media
	$(Q)mkdir -p $(BENCH)
	$(Q)accel=$$($(TOP)/scripts/accel.sh $(ACCEL) $(PC_OUT)/images/bzImage $(BUILD)/accel) || exit 1; \
	$(media_env) TESTLOGS=$(BENCH) BOOTS=$(BOOTS) KILL_ROUNDS=$(KILL_ROUNDS) \
	$(TOP)/scripts/bench-media.sh | tee $(BENCH)/media.md
	@echo "report: $(BENCH:$(TOP)/%=%)/media.md"
