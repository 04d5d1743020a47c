# The C library for our static programs.  Profiles use Debian's musl-gcc
# (package musl-tools) unless they set MUSL_FROM_SOURCE := y: then musl
# is built from Debian's source package with the patches in
# patches/musl/ (the kml profile: system calls through the Kernel Mode
# Linux fast entry, docs/kml.md).  Like the kernel: unpacked once under
# $(BUILD)/src, patched (scripts/apply-patches.sh) in a hard-linked copy
# named after the series' hash, built out of tree, installed under
# $(OUT)/musl.

MUSL_FROM_SOURCE ?= n
# The patch series (ARCH other than x86_64: none, mk/arch.mk).
MUSL_PATCH_DIR ?= $(TOP)/patches/musl
MUSL_GCC := musl-gcc
MUSL_GCC_DEP :=

ifeq ($(MUSL_FROM_SOURCE),y)
MUSL_PRISTINE := $(BUILD)/src/musl
MUSL_PATCHES := $(if $(MUSL_PATCH_DIR),$(sort $(wildcard $(MUSL_PATCH_DIR)/*.patch)))
MUSL_PATCH_ID := $(shell cat /dev/null $(MUSL_PATCHES) | sha256sum | cut -c1-12)
MUSL_TREE := $(BUILD)/src/musl-p$(MUSL_PATCH_ID)
MUSL_OBJ := $(OUT)/musl-obj
MUSL_PREFIX := $(OUT)/musl
MUSL_GCC := $(MUSL_PREFIX)/bin/musl-gcc
MUSL_GCC_DEP := $(MUSL_GCC)

$(MUSL_PRISTINE)/.tinylinux-unpacked: | $(DEPS_STAMP)
	$(say) UNPACK "musl source package -> $(MUSL_PRISTINE:$(TOP)/%=%)"
	$(Q)rm -rf $(MUSL_PRISTINE) $(MUSL_PRISTINE).tmp
	$(Q)$(LOGRUN) $(LOGS)/musl-unpack.log dpkg-source --no-check -x $$(ls $(DL)/musl_*.dsc | head -n 1) $(MUSL_PRISTINE).tmp
	$(Q)touch $(MUSL_PRISTINE).tmp/.tinylinux-unpacked && mv $(MUSL_PRISTINE).tmp $(MUSL_PRISTINE)

$(MUSL_TREE)/.tinylinux-patched: $(MUSL_PRISTINE)/.tinylinux-unpacked | $(MUSL_PATCHES) \
		$(TOP)/scripts/apply-patches.sh
	$(say) PATCH "$(words $(MUSL_PATCHES)) patch(es)$(if $(MUSL_PATCHES), from patches/musl) -> $(MUSL_TREE:$(TOP)/%=%)"
	$(Q)TOP=$(TOP) $(TOP)/scripts/apply-patches.sh $(MUSL_PRISTINE) $(MUSL_TREE) \
		musl $(LOGS)/musl-patch.log $(MUSL_PATCHES)

# The wrapper musl-gcc calls plain gcc, or the cross compiler of ARCH
# (configure's CC); ccache is used for musl's own objects only (make's
# CC).
MUSL_CC := $(CROSS_COMPILE)gcc
# musl's own name for the architecture, given on its make's command line
# (ours, ARCH=arm64 say, reaches sub-makes through MAKEFLAGS).
MUSL_ARCH := $(patsubst arm64,aarch64,$(ARCH))
$(MUSL_GCC): $(MUSL_TREE)/.tinylinux-patched
	$(say) MUSL "$(PROFILE)$(if $(CROSS_COMPILE), $(ARCH)): $(if $(MUSL_PATCHES),patched musl,musl, cross-compiled) (log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-musl.log)"
	$(Q)rm -rf $(MUSL_OBJ) $(MUSL_PREFIX) && mkdir -p $(MUSL_OBJ)
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-musl.log sh -c '\
		cd $(MUSL_OBJ) && $(MUSL_TREE)/configure --prefix=$(MUSL_PREFIX) \
			--disable-shared CC=$(MUSL_CC) $(if $(CROSS_COMPILE),--target=$(CROSS_COMPILE:-=) CROSS_COMPILE=$(CROSS_COMPILE) --enable-wrapper=gcc) && \
		$(MAKE) --no-print-directory ARCH=$(MUSL_ARCH) CC="ccache $(MUSL_CC)" WRAPCC_GCC=$(MUSL_CC) -j$(JOBS) && \
		$(MAKE) --no-print-directory ARCH=$(MUSL_ARCH) WRAPCC_GCC=$(MUSL_CC) install'
	$(Q)test -x $@
endif

# A small static test program of ours, one C file linked with this
# profile's musl: $(call musl_prog,OUTPUT,SOURCE,NAME,FLAGS) in a recipe
# (kmltest, hello).
define musl_prog
	$(say) CC "$(3) ($(if $(MUSL_GCC_DEP),$(if $(MUSL_PATCHES),patched musl,musl for $(ARCH)),musl-gcc) -static)"
	$(Q)mkdir -p $(dir $(1))
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-$(3).log $(MUSL_GCC) -std=c11 -Wall -Wextra -Werror \
		-static -s $(4) -o $(1).tmp $(2)
	$(Q)mv $(1).tmp $(1)
endef
