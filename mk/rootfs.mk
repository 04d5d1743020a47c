# The root filesystem: the sorted union of its parts, each a gen_init_cpio
# list fragment (scripts/rootfs-union.sh; owners 0:0 unless a part says
# otherwise, device nodes declared, nothing created on the host):
#
#   skeleton   configs/rootfs/skeleton.list: the usual directories and
#              /dev/console
#   overlay    the plain files of rootfs/ (755 if executable in git, 644
#              otherwise), but for the templates that parts below fill in
#   fstab      rootfs/etc/fstab, with the lines of the data disks
#              (DISKS, mk/disks.mk) and of the packages, and their mount
#              points
#   users      the accounts (tlusers, mk/sysconf.mk)
#   sysconf    /etc settings, inittab and tinyinit.conf (mkconf.sh)
#   modules    the kernel's modules (MODULES, mk/modules.mk)
#   profile    the profile's own files and links (ROOTFS_FILES,
#              ROOTFS_LINKS)
#   each package of PACKAGES (mk/package.mk): busybox and its applets,
#              the init, dropbear...
#
# Two parts claiming the same path is an error naming both.  The same
# list makes the initramfs (gen_init_cpio, then xz), the disk images
# (mk/disk.mk) and the OCI export (mk/oci.mk).

$(call needs,USERS_LIST SYSCONF_LIST MODULES_LIST DISKS_FSTAB GEN_INIT_CPIO,mk/rootfs.mk)
OVERLAY := $(TOP)/rootfs
OVERLAY_FILES := $(shell find $(OVERLAY) 2>/dev/null)
# Overlay files that are templates of another part, not files of the
# image as they are.
OVERLAY_TEMPLATES := etc/fstab etc/inittab etc/tinyinit.conf
PARTS := $(OUT)/parts-$(INIT)
ROOTFS_STAGE := $(OUT)/rootfs-$(INIT)
ROOTFS_LIST := $(OUT)/initramfs-$(INIT).list
INITRAMFS := $(IMAGES)/initramfs-$(INIT).cpio.xz

# A profile may add files (ROOTFS_FILES := PATH=FILE[=MODE] ...) and
# symbolic links (ROOTFS_LINKS := PATH=TARGET ...) of its own.
ROOTFS_FILES ?=
ROOTFS_LINKS ?=

ROOTFS_PARTS := skeleton=$(TOP)/configs/rootfs/skeleton.list overlay=$(PARTS)/overlay.list \
	fstab=$(PARTS)/fstab.list users=$(USERS_LIST) sysconf=$(SYSCONF_LIST) \
	$(if $(MODULES_LIST),modules=$(MODULES_LIST)) profile=$(PARTS)/profile.list \
	$(foreach p,$(PACKAGES),$(p)=$(PARTS)/$(p).list)

.PHONY: initramfs rootfs-parts
initramfs: $(INITRAMFS)

$(PARTS)/overlay.list: $(OVERLAY_FILES) $(TOP)/mk/rootfs.mk
	$(Q)mkdir -p $(@D)
	$(Q)cd $(OVERLAY) && find . -mindepth 1 | sed 's|^\./||' | sort | while IFS= read -r p; do \
		case " $(OVERLAY_TEMPLATES) " in *" $$p "*) continue ;; esac; \
		if [ -d "$$p" ]; then echo "dir /$$p 755 0 0"; \
		elif [ -x "$$p" ]; then echo "file /$$p $(OVERLAY)/$$p 755 0 0"; \
		else echo "file /$$p $(OVERLAY)/$$p 644 0 0"; fi; \
	done > $@.tmp
	$(Q)mv $@.tmp $@

$(PARTS)/fstab.list: $(OVERLAY)/etc/fstab $(DISKS_FSTAB) $(PACKAGE_FSTAB) $(TOP)/mk/rootfs.mk
	$(Q)mkdir -p $(@D)
	$(Q)cat $(OVERLAY)/etc/fstab $(DISKS_FSTAB) $(PACKAGE_FSTAB) > $(PARTS)/fstab
	$(Q){ echo "file /etc/fstab $(PARTS)/fstab 644 0 0"; \
		awk '!/^#/ && $$2 ~ /^\// && $$2 != "/" { print "dir " $$2 " 755 0 0" }' $(DISKS_FSTAB) $(PACKAGE_FSTAB) /dev/null; } > $@.tmp
	$(Q)mv $@.tmp $@

$(PARTS)/profile.list: $(foreach f,$(ROOTFS_FILES),$(word 2,$(subst =, ,$(f)))) \
		$(TOP)/configs/profiles/$(PROFILE).mk $(TOP)/scripts/mkpart.sh
	$(Q)mkdir -p $(@D)
	$(Q)FILES="$(ROOTFS_FILES)" LINKS="$(ROOTFS_LINKS)" $(TOP)/scripts/mkpart.sh > $@.tmp
	$(Q)mv $@.tmp $@

$(ROOTFS_LIST): $(foreach p,$(ROOTFS_PARTS),$(lastword $(subst =, ,$(p)))) $(TOP)/scripts/rootfs-union.sh
	$(say) ROOTFS "$(PROFILE): $(words $(ROOTFS_PARTS)) parts for INIT=$(INIT) -> $(@:$(TOP)/%=%)"
	$(Q)$(TOP)/scripts/rootfs-union.sh $(ROOTFS_STAGE) $@ $(ROOTFS_PARTS)

# make rootfs-parts: which part gives which path.
rootfs-parts: $(foreach p,$(ROOTFS_PARTS),$(lastword $(subst =, ,$(p))))
	$(Q)for p in $(ROOTFS_PARTS); do \
		printf '  %-9s %4d entries  %s\n' "$${p%%=*}" "$$(grep -cv '^[[:space:]]*\(#\|$$\)' "$${p#*=}")" "$$(echo "$${p#*=}" | sed "s|^$(TOP)/||")"; \
	done

$(INITRAMFS): $(ROOTFS_LIST) $(GEN_INIT_CPIO)
	$(say) CPIO "$(PROFILE): $(@:$(TOP)/%=%)"
	$(Q)mkdir -p $(@D)
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-initramfs.log sh -c '\
		$(GEN_INIT_CPIO) -t $(SOURCE_DATE_EPOCH) $(ROOTFS_LIST) > $@.cpio && \
		xz -T1 --check=crc32 --lzma2=preset=9e,dict=1MiB -c $@.cpio > $@.tmp && rm $@.cpio'
	$(Q)mv $@.tmp $@
	$(say) SIZE "initramfs: $$(stat -c %s $@) bytes"
