# The initramfs: an overlay of plain files (rootfs/), busybox and its
# applet links, and the init, described as a gen_init_cpio list (owners
# 0:0, device nodes declared, nothing created on the host), packed by the
# kernel's usr/gen_init_cpio and compressed with xz.

OVERLAY := $(TOP)/rootfs
OVERLAY_FILES := $(shell find $(OVERLAY) 2>/dev/null)
ROOTFS_STAGE := $(OUT)/rootfs-$(INIT)
ROOTFS_LIST := $(OUT)/initramfs-$(INIT).list
INITRAMFS := $(IMAGES)/initramfs-$(INIT).cpio.xz
INIT_BIN := $(if $(filter tinyinit,$(INIT)),$(TINYINIT))

.PHONY: initramfs
initramfs: $(INITRAMFS)

# A profile may add files (ROOTFS_EXTRA := PATH=FILE ...) and symbolic
# links (ROOTFS_LINKS := PATH=TARGET ...), and put busybox in /trusted
# (TRUSTED := y).
TRUSTED ?= n
ROOTFS_EXTRA ?=
ROOTFS_LINKS ?=
$(ROOTFS_LIST): $(TOP)/configs/profiles/$(PROFILE).mk $(OVERLAY_FILES) $(BUSYBOX) $(INIT_BIN) $(foreach e,$(ROOTFS_EXTRA),$(lastword $(subst =, ,$(e)))) \
		$(DISKS_FSTAB) $(USERS_LIST) $(SYSCONF_LIST) $(MODULES_LIST) $(TOP)/scripts/mkrootfs.sh $(TOP)/mk/rootfs.mk
	$(say) ROOTFS "$(PROFILE): list for INIT=$(INIT) -> $(@:$(TOP)/%=%)"
	$(Q)TRUSTED=$(TRUSTED) EXTRA="$(ROOTFS_EXTRA)" LINKS="$(ROOTFS_LINKS)" FSTAB_EXTRA=$(DISKS_FSTAB) \
		LISTS="$(USERS_LIST) $(SYSCONF_LIST) $(MODULES_LIST)" $(TOP)/scripts/mkrootfs.sh $(ROOTFS_STAGE) $@.tmp $(OVERLAY) $(BUSYBOX) $(INIT) $(TINYINIT)
	$(Q)mv $@.tmp $@

$(INITRAMFS): $(ROOTFS_LIST) $(GEN_INIT_CPIO)
	$(say) CPIO "$(PROFILE): $(@:$(TOP)/%=%)"
	$(Q)mkdir -p $(@D)
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-initramfs.log sh -c '\
		$(GEN_INIT_CPIO) -t $(SOURCE_DATE_EPOCH) $(ROOTFS_LIST) > $@.cpio && \
		xz -T1 --check=crc32 --lzma2=preset=9e,dict=1MiB -c $@.cpio > $@.tmp && rm $@.cpio'
	$(Q)mv $@.tmp $@
	$(say) SIZE "initramfs: $$(stat -c %s $@) bytes"
