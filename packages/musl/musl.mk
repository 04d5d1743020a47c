# musl: the C library of our static programs.  Profiles use Debian's
# musl-gcc (package musl-tools, built from this same source package)
# unless they set MUSL_FROM_SOURCE := y: then musl is built from
# Debian's source package, with the patches of musl_PATCHES (the kml
# profile: system calls through the Kernel Mode Linux fast entry,
# docs/kml.md), out of tree, installed under $(OUT)/musl.  Every ARCH
# but x86_64 builds it with its cross compiler (mk/arch.mk).
musl_SOURCE := debian
musl_LICENSE := MIT
MUSL_FROM_SOURCE ?= n
# The patch series (ARCH other than x86_64: none, mk/arch.mk).
MUSL_PATCH_DIR ?= $(TOP)/patches/musl
musl_PATCHES := $(if $(filter y,$(MUSL_FROM_SOURCE)),$(if $(MUSL_PATCH_DIR),$(sort $(wildcard $(MUSL_PATCH_DIR)/*.patch))))
musl_TARGET = $(MUSL_GCC_DEP)

# musl's own name for the architecture, given on its make's command line
# (ours, ARCH=arm64 say, reaches sub-makes through MAKEFLAGS), and the
# triplet of configure scripts that build against it (--host).
MUSL_ARCH = $(patsubst arm64,aarch64,$(ARCH))
MUSL_TRIPLET = $(MUSL_ARCH)-linux-musl

ifeq ($(MUSL_FROM_SOURCE),y)
MUSL_OBJ = $(OUT)/musl-obj
MUSL_PREFIX = $(OUT)/musl
MUSL_GCC = $(MUSL_PREFIX)/bin/musl-gcc
MUSL_GCC_DEP = $(MUSL_GCC)
else
MUSL_GCC := musl-gcc
MUSL_GCC_DEP :=
endif

define musl_RULES
ifeq ($(MUSL_FROM_SOURCE),y)
# The wrapper musl-gcc calls plain gcc, or the cross compiler of ARCH
# (configure's CC); ccache is used for musl's own objects only (make's
# CC).
MUSL_CC := $(CROSS_COMPILE)gcc
$(MUSL_GCC): $(musl_TREE_STAMP)
	$(say) MUSL "$(PROFILE)$(if $(CROSS_COMPILE), $(ARCH)): $(if $(musl_PATCHES),patched musl,musl, cross-compiled) (log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-musl.log)"
	$(Q)rm -rf $(MUSL_OBJ) $(MUSL_PREFIX) && mkdir -p $(MUSL_OBJ)
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-musl.log sh -c '\
		cd $(MUSL_OBJ) && $(musl_TREE)/configure --prefix=$(MUSL_PREFIX) \
			--disable-shared CC=$(MUSL_CC) $(if $(CROSS_COMPILE),--target=$(CROSS_COMPILE:-=) CROSS_COMPILE=$(CROSS_COMPILE) --enable-wrapper=gcc) && \
		$(MAKE) --no-print-directory ARCH=$(MUSL_ARCH) CC="ccache $(MUSL_CC)" WRAPCC_GCC=$(MUSL_CC) -j$(JOBS) && \
		$(MAKE) --no-print-directory ARCH=$(MUSL_ARCH) WRAPCC_GCC=$(MUSL_CC) install'
	$(Q)test -x $@
endif
endef

# A small static program of ours, one C file linked with this profile's
# musl: $(call musl_prog,OUTPUT,SOURCE,NAME,FLAGS) in a recipe (kmltest,
# hello).
define musl_prog
	$(say) CC "$(3) ($(if $(MUSL_GCC_DEP),$(if $(musl_PATCHES),patched musl,musl for $(ARCH)),musl-gcc) -static)"
	$(Q)mkdir -p $(dir $(1))
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-$(3).log $(MUSL_GCC) -std=c11 -Wall -Wextra -Werror \
		-static -s $(4) -o $(1).tmp $(2)
	$(Q)mv $(1).tmp $(1)
endef
