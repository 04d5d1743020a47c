# Busybox from Debian's source package, built statically against musl.
#
# Configuration = busybox's defconfig + our fragments (configs/busybox/),
# merged with the kernel's merge_config.sh (busybox uses the same Kconfig
# format), then "make oldconfig" settles the rest.

BB_TREE := $(BUILD)/src/busybox
BB_OBJ := $(OUT)/busybox
BUSYBOX := $(BB_OBJ)/busybox
BB_FRAGMENT_FILES := $(foreach f,$(BUSYBOX_FRAGMENTS),$(TOP)/configs/busybox/$(f).config)

$(foreach f,$(BB_FRAGMENT_FILES),$(if $(wildcard $(f)),,\
  $(error profile '$(PROFILE)' names busybox fragment '$(f:$(TOP)/%=%)', which does not exist (see configs/busybox/))))

# musl-gcc finds musl's headers; the kernel's UAPI headers (linux/*.h,
# asm/*.h) come from "make headers_install" of our kernel tree.
BB_MAKE = $(MAKE) --no-print-directory -C $(BB_TREE) O=$(BB_OBJ) \
	CC="ccache $(MUSL_GCC)" HOSTCC="ccache gcc" CROSS_COMPILE=$(CROSS_COMPILE) \
	EXTRA_CFLAGS="-isystem $(LINUX_HEADERS)/include" -j$(JOBS)

# dpkg-source unpacks the upstream tarball and applies Debian's patches.
$(BB_TREE)/.tinylinux-unpacked: | $(DEPS_STAMP)
	$(say) UNPACK "busybox source package -> $(BB_TREE:$(TOP)/%=%)"
	$(Q)rm -rf $(BB_TREE) $(BB_TREE).tmp
	$(Q)$(LOGRUN) $(LOGS)/busybox-unpack.log dpkg-source --no-check -x $$(ls $(DL)/busybox_*.dsc | head -n 1) $(BB_TREE).tmp
	$(Q)touch $(BB_TREE).tmp/.tinylinux-unpacked && mv $(BB_TREE).tmp $(BB_TREE)

BB_CONFIG := $(BB_OBJ)/.config
$(BB_CONFIG): $(BB_FRAGMENT_FILES) $(BB_TREE)/.tinylinux-unpacked $(LINUX_UNPACKED) $(TOP)/mk/busybox.mk
	$(say) BBCONFIG "$(PROFILE): defconfig + $(notdir $(BB_FRAGMENT_FILES))"
	$(Q)mkdir -p $(BB_OBJ)
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-busybox-config.log sh -c '\
		$(BB_MAKE) defconfig && \
		$(LINUX_TREE)/scripts/kconfig/merge_config.sh -m -O $(BB_OBJ) $(BB_OBJ)/.config $(BB_FRAGMENT_FILES) && \
		yes "" | $(BB_MAKE) oldconfig'
	$(Q)$(TOP)/scripts/check-config.sh $@ $(BB_FRAGMENT_FILES) || { rm -f $@; exit 1; }

.PHONY: busybox busybox-menuconfig
busybox: $(BUSYBOX)

$(BUSYBOX): $(BB_CONFIG) $(LINUX_HEADERS_STAMP) $(MUSL_GCC_DEP)
	$(say) BUSYBOX "$(PROFILE)$(if $(CROSS_COMPILE), $(ARCH)): building (log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-busybox.log)"
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-busybox.log $(BB_MAKE) busybox busybox.links
	$(Q)touch $@
	$(say) SIZE "busybox: $$(stat -c %s $@) bytes, $$(wc -l < $(BB_OBJ)/busybox.links) applets"

busybox-menuconfig: $(BB_CONFIG)
	$(Q)$(BB_MAKE) menuconfig
