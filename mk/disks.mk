# Data disks: DISKS="NAME:SIZE[:BUS[:DIR]] ..." (a profile's default, or
# the command line).  scripts/disks.sh parses the spec; each disk is an
# empty ext4 image $(IMAGES)/disk-NAME.img, labelled NAME, listed in the
# root filesystem's /etc/fstab (mounted by rcS's "mount -a") and attached
# by make run and make run-disk.  An image that exists is kept, with its
# data: delete it (or make clean) for an empty one.
#   make PROFILE=pc run DISKS="data:64M logs:32M:sata"
DISKS ?=
ifneq ($(strip $(DISKS)),)
DISKS_ERROR := $(shell $(TOP)/scripts/disks.sh check '$(DISKS)' 2>&1 >/dev/null)
ifneq ($(DISKS_ERROR),)
$(error $(DISKS_ERROR))
endif
endif

# The spec as a file, rewritten only when it changes: what depends on
# DISKS (the root filesystem's fstab) is remade when DISKS changes.
DISKS_SPEC := $(OUT)/disks.spec
DISKS_FSTAB := $(OUT)/disks.fstab
$(DISKS_SPEC): FORCE
	$(Q)mkdir -p $(@D); echo '$(strip $(DISKS))' | cmp -s - $@ || echo '$(strip $(DISKS))' > $@

$(DISKS_FSTAB): $(DISKS_SPEC) $(TOP)/scripts/disks.sh
	$(Q)$(TOP)/scripts/disks.sh fstab "$$(cat $<)" > $@.tmp && mv $@.tmp $@

# Recipe lines for the targets that boot with the disks: check that the
# kernel has each bus's driver, make the missing images, and set $$disks
# to the launcher's options (--data).
define disks_prepare
$(if $(strip $(DISKS)),VIRTIO_BUS=$(if $(filter virtio-blk-device,$(ARCH_BLK)),VIRTIO_MMIO,VIRTIO_PCI) $(TOP)/scripts/disks.sh kconfig '$(DISKS)' $(KCONFIG) && \
	TOP=$(TOP) $(TOP)/scripts/disks.sh images '$(DISKS)' $(IMAGES) && \
	disks="$$($(TOP)/scripts/disks.sh args '$(DISKS)' $(IMAGES))" || exit 1;,disks=;)
endef

# make data-disks: only the images (check-media makes them this way).
.PHONY: data-disks
data-disks: $(KERNEL_IMAGE)
	$(Q)$(disks_prepare) :
