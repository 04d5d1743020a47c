# make disk: a bootable PC disk image (scripts/mkdisk.sh, docs/disk.md):
# a FAT boot partition with the kernel and syslinux (BIOS and UEFI) and
# an ext4 root filesystem, made without root, loop devices or mounts.
#   make disk                        build/pc/images/disk.img
#   make run-disk                    boot it (SeaBIOS)
#   make run-disk FIRMWARE=uefi      boot it under OVMF
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

$(DISK_IMAGE): $(KERNEL_IMAGE) $(ROOTFS_LIST) $(TOP)/scripts/mkdisk.sh $(TOP)/mk/disk.mk | $(DEPS_STAMP)
	$(Q)grep -q '^CONFIG_BLOCK=y' $(KCONFIG) && grep -q '^CONFIG_EXT4_FS=y' $(KCONFIG) || \
		{ echo "error: profile '$(PROFILE)' has no block layer or ext4 in its kernel: use PROFILE=pc (or add configs/linux/disk.config)" >&2; exit 1; }
	$(say) DISK "$(PROFILE): boot $(DISK_BOOT_MB) MiB + root $(DISK_ROOT_MB) MiB -> $(@:$(TOP)/%=%)"
	$(Q)mkdir -p $(@D)
	$(Q)BOOT_MB=$(DISK_BOOT_MB) ROOT_MB=$(DISK_ROOT_MB) CMDLINE="$(APPEND)" \
		$(TOP)/scripts/mkdisk.sh $@ $(KERNEL_IMAGE) $(ROOTFS_LIST) $(OUT)/disk
	$(say) SIZE "disk: $$(stat -c %s $@) bytes"

# The firmware's variables are written at run time: each boot gets a copy.
qemu_firmware_bios :=
qemu_firmware_uefi = -drive if=pflash,format=raw,readonly=on,file=$(OVMF_CODE) \
	-drive if=pflash,format=raw,file=$(OUT)/OVMF_VARS.fd

run-disk: $(DISK_IMAGE)
	$(Q)accel=$$($(TOP)/scripts/accel.sh $(ACCEL) $(KERNEL_IMAGE) $(BUILD)/accel) || exit 1; \
	$(if $(filter uefi,$(FIRMWARE)),cp $(OVMF_VARS) $(OUT)/OVMF_VARS.fd;) \
	echo "  QEMU     $(PROFILE) disk, $(FIRMWARE), $$accel, -m $(MEM); 'poweroff' ends QEMU, Ctrl-A X kills it"; \
	exec $(QEMU) -nodefaults -no-user-config -no-reboot -m $(MEM) -accel $$accel \
		-M q35 $(qemu_firmware_$(FIRMWARE)) -vga std -display $(QEMU_DISPLAY) -serial mon:stdio \
		-drive file=$(DISK_IMAGE),format=raw,if=virtio $(qemu_net)

# check-media: the media tests (tests/media) on the pc profile's images,
# built into $(BUILD)/pc by a sub-make whatever PROFILE is; each test
# runs under SeaBIOS and under OVMF.
PC_OUT := $(BUILD)/pc
# The pc profile's memory, from its profile file (PROFILE may be another).
PC_MEM := $(shell sed -n 's/^QEMU_MEM := //p' $(TOP)/configs/profiles/pc.mk)
.PHONY: check-media pc-media
pc-media: $(TLEXPECT)
	$(Q)$(MAKE) --no-print-directory PROFILE=pc OUT=$(PC_OUT) disk

check-media: pc-media
	$(Q)accel=$$($(TOP)/scripts/accel.sh $(ACCEL) $(PC_OUT)/images/bzImage $(BUILD)/accel) || exit 1; \
	echo "  TEST     disk images ($$accel, logs in $(TESTLOGS:$(TOP)/%=%)/media-*)"; \
	export DISK=$(PC_OUT)/images/disk.img TLEXPECT=$(TLEXPECT) ACCEL=$$accel MEM=$(PC_MEM) \
		OVMF_CODE=$(OVMF_CODE) OVMF_VARS=$(OVMF_VARS) TOP=$(TOP); \
	for fw in bios uefi; do \
		FIRMWARE=$$fw TESTLOGS=$(TESTLOGS)/media-$$fw \
		$(TOP)/tests/run.sh "check-media ($$fw)" $(sort $(wildcard $(TOP)/tests/media/*.sh)) || exit 1; \
	done
