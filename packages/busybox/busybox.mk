# busybox: the shell and the tools, one static binary linked with musl,
# from Debian's source package.
#
# Configuration = busybox's defconfig + our fragments (configs/busybox/,
# BUSYBOX_FRAGMENTS of the profile), merged with the kernel's
# merge_config.sh (busybox uses the same Kconfig format), then "make
# oldconfig" settles the rest.  In the image: /bin/busybox and a link per
# applet; with TRUSTED=y (the kml profile) the binary is /trusted/busybox,
# which Kernel Mode Linux runs in ring 0, and /bin/busybox a link to it.
busybox_SOURCE := debian
busybox_LICENSE := GPL-2.0-only
busybox_LICENSE_FILES := LICENSE debian/copyright
# The name vulnerability databases (NVD) know it by: CPE vendor:product.
busybox_CPE := busybox:busybox
busybox_DEPENDS := musl
busybox_TARGET = $(BUSYBOX)
TRUSTED ?= n
busybox_FILES = $(if $(filter y,$(TRUSTED)),/trusted/busybox,/bin/busybox)=$(BUSYBOX)
busybox_LINKS = $(if $(filter y,$(TRUSTED)),/bin/busybox=/trusted/busybox) \
	$(if $(filter busybox,$(INIT)),/init=/bin/busybox)
busybox_APPLETS = $(BB_OBJ)/busybox.links
busybox_APPLET_TARGET := /bin/busybox

BB_OBJ = $(OUT)/busybox
BUSYBOX = $(BB_OBJ)/busybox

define busybox_RULES
BB_FRAGMENT_FILES := $(foreach f,$(BUSYBOX_FRAGMENTS),$(TOP)/configs/busybox/$(f).config)
$(foreach f,$(BB_FRAGMENT_FILES),$(if $(wildcard $(f)),,\
  $(error profile '$(PROFILE)' names busybox fragment '$(f:$(TOP)/%=%)', which does not exist (see configs/busybox/))))

# musl-gcc finds musl's headers; the kernel's UAPI headers (linux/*.h,
# asm/*.h) come from "make headers_install" of our kernel tree.
BB_MAKE = $(MAKE) --no-print-directory -C $(busybox_TREE) O=$(BB_OBJ) \
	CC="$(MUSL_CC_CMD)" HOSTCC="ccache gcc" CROSS_COMPILE=$(CROSS_COMPILE) \
	EXTRA_CFLAGS="-isystem $(LINUX_HEADERS)/include" -j$(JOBS)

# The configuration and the binary are kept in the step cache
# (scripts/stepcache.sh, mk/linux.mk) under a key made of what they are
# made from: the fragments, busybox's source and patches, this file, and
# for the binary the .config, musl (its installed files, or Debian's
# packages), the kernel headers' source and the compilers.  So the
# profiles whose busybox comes out the same (default, pc, server, devel)
# build it once, and a new clone builds it not at all.  (busybox and
# busybox.links are made one after the other: given both at once, with
# only a .config from the cache, busybox's make runs busybox.links
# before it has generated include/autoconf.h.)
BB_SOURCE_ID = $(busybox_TREE) $$(cat $(DL)/$(busybox_SRCNAME)/.source)
BB_CONFIG := $(BB_OBJ)/.config
$(BB_CONFIG): $(BB_FRAGMENT_FILES) $(busybox_TREE_STAMP) $(LINUX_UNPACKED) $(TOP)/packages/busybox/busybox.mk
	$(Q)mkdir -p $(BB_OBJ)
	$(Q)key=$(call step_key,$(BB_FRAGMENT_FILES) $(TOP)/packages/busybox/busybox.mk,$(BB_FRAGMENT_FILES) $(BB_SOURCE_ID) $(LINUX_ID) $(CC_ID)); \
	if $(STEPCACHE) get busybox-config-$(ARCH) $$key $(BB_OBJ) .config; then \
		printf '  %-8s %s\n' BBCONFIG "$(PROFILE): defconfig + $(notdir $(BB_FRAGMENT_FILES)) (step cache)"; \
	else \
		printf '  %-8s %s\n' BBCONFIG "$(PROFILE): defconfig + $(notdir $(BB_FRAGMENT_FILES))"; \
		$(LOGRUN) $(LOGS)/$(LOGTAG)-busybox-config.log sh -c '\
		$(BB_MAKE) defconfig && \
		$(LINUX_TREE)/scripts/kconfig/merge_config.sh -m -O $(BB_OBJ) $(BB_OBJ)/.config $(BB_FRAGMENT_FILES) && \
		yes "" | $(BB_MAKE) oldconfig' && \
		$(TOP)/scripts/check-config.sh $@ $(BB_FRAGMENT_FILES) && \
		$(STEPCACHE) put busybox-config-$(ARCH) $$key $(BB_OBJ) .config || { rm -f $@; exit 1; }; \
	fi

.PHONY: busybox busybox-menuconfig
busybox: $(BUSYBOX)

$(BUSYBOX): $(BB_CONFIG) $(LINUX_HEADERS_STAMP) $(MUSL_GCC_DEP)
	$(Q)key=$(call step_key,$(BB_CONFIG) $(TOP)/packages/busybox/busybox.mk,$(BB_SOURCE_ID) $(LINUX_ID) $(CC_ID) $(MUSL_GCC) $(MUSL_ID) $(CROSS_COMPILE) $(SOURCE_DATE_EPOCH)); \
	if $(STEPCACHE) get busybox-$(ARCH) $$key $(BB_OBJ) busybox busybox.links; then \
		printf '  %-8s %s\n' BUSYBOX "$(PROFILE)$(if $(CROSS_COMPILE), $(ARCH)): the same as an earlier build's (step cache)"; \
	else \
		printf '  %-8s %s\n' BUSYBOX "$(PROFILE)$(if $(CROSS_COMPILE), $(ARCH)): building (log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-busybox.log)"; \
		PROGRESS_KEY=busybox-$(ARCH)-$$key $(LOGRUN) $(LOGS)/$(LOGTAG)-busybox.log sh -c '$(BB_MAKE) busybox && $(BB_MAKE) busybox.links' && \
		$(STEPCACHE) put busybox-$(ARCH) $$key $(BB_OBJ) busybox busybox.links || exit 1; \
	fi
	$(Q)touch $@
	$(say) SIZE "busybox: $$(stat -c %s $@) bytes, $$(wc -l < $(BB_OBJ)/busybox.links) applets"

$(BB_OBJ)/busybox.links: $(BUSYBOX)

busybox-menuconfig: $(BB_CONFIG)
	$(Q)$(BB_MAKE) menuconfig
endef
