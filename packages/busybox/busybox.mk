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
	CC="$(MUSL_CCACHE) $(MUSL_GCC)" HOSTCC="ccache gcc" CROSS_COMPILE=$(CROSS_COMPILE) \
	EXTRA_CFLAGS="-isystem $(LINUX_HEADERS)/include" -j$(JOBS)

BB_CONFIG := $(BB_OBJ)/.config
$(BB_CONFIG): $(BB_FRAGMENT_FILES) $(busybox_TREE_STAMP) $(LINUX_UNPACKED) $(TOP)/packages/busybox/busybox.mk
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

$(BB_OBJ)/busybox.links: $(BUSYBOX)

busybox-menuconfig: $(BB_CONFIG)
	$(Q)$(BB_MAKE) menuconfig
endef
