# The kernel: unpack once, configure = tinyconfig + fragments, build out of
# tree with O=.
#
# LINUX_SRC is a tarball (unpacked once under $(BUILD)/src) or a source
# tree (used as is, read-only).  Kernel changes live in patches/linux/.

ifneq ($(wildcard $(LINUX_SRC)/Makefile),)
# A tree the user owns: we cannot know what changed in it, so kbuild
# always runs (it is incremental itself).
LINUX_TREE := $(abspath $(LINUX_SRC))
LINUX_NAME := $(notdir $(LINUX_TREE))
LINUX_UNPACKED := $(LINUX_TREE)/Makefile
LINUX_FORCE := FORCE
else
LINUX_NAME := $(basename $(basename $(notdir $(LINUX_SRC))))
LINUX_TREE := $(BUILD)/src/$(LINUX_NAME)
LINUX_UNPACK_DIR := $(LINUX_TREE)
LINUX_UNPACKED := $(LINUX_TREE)/.tinylinux-unpacked
LINUX_FORCE :=
# The unpacked tree's stamp holds the tarball's sha256: the source's
# identity, in the key of the kernel builds.
LINUX_SRC_ID = $$(cat $(LINUX_UNPACK_DIR)/.tinylinux-unpacked)
endif

# Kernel changes are the patches of packages/linux (patches/linux/),
# applied in order (by name) to a copy of the tree: hard links to the
# pristine files, which patch(1) replaces instead of editing, so the
# unpacked tree is never modified.  The copy and the object directory
# are named after a hash of the series: a changed patch gives a new tree
# and a rebuild.
LINUX_PATCHES = $(linux_PATCHES)
ifneq ($(linux_PATCHES),)
LINUX_PRISTINE := $(LINUX_TREE)
LINUX_PRISTINE_STAMP := $(LINUX_UNPACKED)
LINUX_PATCH_ID := $(shell cat $(LINUX_PATCHES) | sha256sum | cut -c1-12)
LINUX_NAME := $(LINUX_NAME)-p$(LINUX_PATCH_ID)
LINUX_TREE := $(BUILD)/src/$(LINUX_NAME)
LINUX_UNPACKED := $(LINUX_TREE)/.tinylinux-patched
endif

# The configuration is made in the profile's own directory; the kernel is
# built in one object directory per distinct configuration, shared by
# every profile whose .config (and source, patches and ARCH) comes out the
# same (scripts/kbuild.sh): pc and devel build one kernel, not two.
# $(KOBJ) is the profile's link to it.  KERNELS is where they live;
# LINUX_OBJ_DIR, when set, is a private object directory instead (make
# shrink's trials, rebuilt incrementally).
KERNELS ?= $(BUILD)/kernels
LINUX_OBJ_DIR ?=
# Finished kernels are kept across builds and clones too, as Yocto keeps
# its shared state: KERNEL_CACHE (the user's cache directory, like
# ccache's; empty: none) holds the newest KERNEL_CACHE_KEEP object
# directories, under the same key.  A fresh clone, "make distclean" or CI
# copies a kernel built before instead of building it again; anything
# that changes the result (the .config with the compiler's and the
# kernel's versions, the source tarball's sha256, the patch series, ARCH,
# the targets, the compilers, KBUILD_KEY's version, the reproducibility
# settings) changes the key.  Its size: about 100-150 MB a kernel.
KERNEL_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/tinylinux/kernels
KERNEL_CACHE_KEEP ?= 16
# The small steps every clone would repeat (scripts/stepcache.sh): the
# kernel's configuration, its UAPI headers, busybox's configuration and
# binary, kept under a key made of every input of the step (empty: off;
# a kernel tree the user owns is never cached).  $(call step_key,FILES,
# WORDS), in a recipe: the key, from the files' contents and the words,
# with this clone's path taken out.
STEP_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/tinylinux/steps
STEPCACHE = STEP_CACHE=$(if $(LINUX_FORCE),,$(STEP_CACHE)) $(TOP)/scripts/stepcache.sh
step_key = $$({ sha256sum $(1) | cut -d' ' -f1; echo "$(2)"; } | sed 's|$(TOP)|@TOP@|g' | sha256sum | cut -c1-16)
# What identifies the kernel's source (the tarball's sha256, the patch
# series) and the compilers, in a recipe.
LINUX_ID = $(LINUX_SRC_ID) $(LINUX_PATCH_ID) $(KARCH)
CC_ID = $$($(CROSS_COMPILE)gcc --version | head -n 1) $$(gcc --version | head -n 1)
KCONFIG_DIR := $(OUT)/linux-config
KOBJ := $(OUT)/linux
# The starting point of the configuration (a profile may choose another).
LINUX_BASE ?= tinyconfig
KERNEL_IMAGE := $(IMAGES)/$(ARCH_KIMAGE)
# versatilepb's device tree, next to its zImage.
KERNEL_DTB := $(if $(ARCH_DTB),$(IMAGES)/$(ARCH_DTB))
LINUX_FRAGMENT_FILES := $(foreach f,$(LINUX_FRAGMENTS),$(TOP)/configs/linux/$(f).config)
# A fragment saved by "make linux-savefragment" joins every profile.
LINUX_LOCAL := $(wildcard $(TOP)/configs/linux/local.config)
LINUX_FRAGMENT_FILES += $(LINUX_LOCAL)
# Fragments given by path, last (make shrink's trial fragment).
LINUX_EXTRA_CONFIG ?=
LINUX_FRAGMENT_FILES += $(LINUX_EXTRA_CONFIG)

$(foreach f,$(LINUX_FRAGMENT_FILES),$(if $(wildcard $(f)),,\
  $(error profile '$(PROFILE)' names kernel fragment '$(f:$(TOP)/%=%)', which does not exist (see configs/linux/))))

# kbuild in the kernel tree, without its object directory: KMAKE_IN adds
# O=, KMAKE_CONF works on the profile's configuration, KMAKE on its built
# kernel (the link resolved when the recipe runs).
# (DISTCC_HOSTS: distcc instead of ccache, Makefile.)
KMAKE_IN = $(MAKE) --no-print-directory -C $(LINUX_TREE) \
	ARCH=$(KARCH) CROSS_COMPILE=$(CROSS_COMPILE) CC="$(if $(strip $(DISTCC_HOSTS)),distcc,ccache) $(CROSS_COMPILE)gcc" \
	HOSTCC="ccache gcc" -j$(JOBS)
KMAKE_CONF = $(KMAKE_IN) O=$(KCONFIG_DIR)
KMAKE = $(KMAKE_IN) O=$$(readlink -f $(KOBJ))

ifneq ($(LINUX_UNPACK_DIR),)
$(LINUX_UNPACK_DIR)/.tinylinux-unpacked: | $(DEPS_STAMP)
	$(Q)[ -f "$(LINUX_SRC)" ] || { echo "error: LINUX_SRC=$(LINUX_SRC) is neither a kernel source tree nor a tarball (default: /usr/src/linux-source-6.1.tar.xz from package linux-source-6.1)" >&2; exit 1; }
	$(say) UNPACK "$(LINUX_SRC) -> $(LINUX_UNPACK_DIR:$(TOP)/%=%)"
	$(Q)rm -rf $(LINUX_UNPACK_DIR) $(LINUX_UNPACK_DIR).tmp && mkdir -p $(LINUX_UNPACK_DIR).tmp
	$(Q)$(LOGRUN) $(LOGS)/linux-unpack.log tar -xf $(LINUX_SRC) --strip-components=1 -C $(LINUX_UNPACK_DIR).tmp
	$(Q)[ -f $(LINUX_UNPACK_DIR).tmp/Kconfig ] && [ -f $(LINUX_UNPACK_DIR).tmp/scripts/kconfig/merge_config.sh ] || \
		{ echo "error: $(LINUX_SRC) does not hold a Linux kernel source tree (no Kconfig at its top)" >&2; rm -rf $(LINUX_UNPACK_DIR).tmp; exit 1; }
	$(if $(filter /usr/src/$(LINUX_PACKAGE).tar.xz,$(LINUX_SRC)),$(Q)$(TOP)/scripts/sources.sh tarball $(LOCK) $(DL) $(LINUX_PACKAGE) $(LINUX_SRC) || \
		{ rm -rf $(LINUX_UNPACK_DIR).tmp; exit 1; })
	$(Q)sha256sum < $(LINUX_SRC) | cut -d' ' -f1 > $(LINUX_UNPACK_DIR).tmp/.tinylinux-unpacked && \
		mv $(LINUX_UNPACK_DIR).tmp $(LINUX_UNPACK_DIR)
endif

ifneq ($(linux_PATCHES),)
# The patches are order-only: the tree's name is their hash, so a changed
# patch already means a new tree, and a fresh checkout's new mtimes don't.
$(LINUX_UNPACKED): $(LINUX_PRISTINE_STAMP) | $(LINUX_PATCHES) $(TOP)/scripts/apply-patches.sh
	$(say) PATCH "$(words $(LINUX_PATCHES)) patch(es) from $(LINUX_PATCH_DIR:$(TOP)/%=%) -> $(LINUX_TREE:$(TOP)/%=%)"
	$(Q)TOP=$(TOP) $(TOP)/scripts/apply-patches.sh $(LINUX_PRISTINE) $(LINUX_TREE) \
		$(LINUX_NAME) $(LOGS)/linux-patch.log $(LINUX_PATCHES)
endif

# The configuration: "make tinyconfig", then the kernel's own
# merge_config.sh adds our fragments and runs allnoconfig with the result
# as KCONFIG_ALLCONFIG (-n): whatever neither tinyconfig nor a fragment
# asks for stays off, even where its Kconfig default is y (the seed's
# "allnoconfig, then enable" method).  Finally every symbol a fragment
# sets must still have its value.
KCONFIG := $(KCONFIG_DIR)/.config
$(KCONFIG): $(LINUX_FRAGMENT_FILES) $(LINUX_UNPACKED) $(TOP)/configs/profiles/$(PROFILE).mk $(TOP)/mk/linux.mk
	$(Q)[ -f $(LINUX_TREE)/Kconfig ] || { echo "error: LINUX_SRC=$(LINUX_SRC) is not a kernel source tree (no Kconfig)" >&2; exit 1; }
	$(Q)mkdir -p $(KCONFIG_DIR)
	$(Q)key=$(call step_key,$(LINUX_FRAGMENT_FILES) $(TOP)/mk/linux.mk,$(LINUX_BASE) $(LINUX_FRAGMENT_FILES) $(LINUX_ID) $(CC_ID)); \
	what="$(PROFILE)$(if $(CROSS_COMPILE), $(ARCH)): $(LINUX_BASE)$(if $(strip $(LINUX_FRAGMENT_FILES)), + $(notdir $(LINUX_FRAGMENT_FILES)))"; \
	if $(STEPCACHE) get linux-config-$(ARCH) $$key $(KCONFIG_DIR) .config; then \
		printf '  %-8s %s\n' KCONFIG "$$what (step cache)"; \
	else \
		printf '  %-8s %s\n' KCONFIG "$$what"; \
		$(LOGRUN) $(LOGS)/$(LOGTAG)-linux-config.log sh -c '\
		$(KMAKE_CONF) $(LINUX_BASE) && \
		if [ -n "$(strip $(LINUX_FRAGMENT_FILES))" ]; then \
		cd $(LINUX_TREE) && MAKEFLAGS= ARCH=$(KARCH) CROSS_COMPILE=$(CROSS_COMPILE) scripts/kconfig/merge_config.sh -n -O $(KCONFIG_DIR) $(KCONFIG) $(LINUX_FRAGMENT_FILES); fi' && \
		$(TOP)/scripts/check-config.sh $@ $(LINUX_FRAGMENT_FILES) && \
		$(STEPCACHE) put linux-config-$(ARCH) $$key $(KCONFIG_DIR) .config || { rm -f $@; exit 1; }; \
	fi
	$(Q)cp $@ $@.fragments
	$(Q)touch $@ # kconfig leaves an unchanged .config as it was

.PHONY: linux linux-config linux-menuconfig linux-savefragment FORCE
FORCE:
linux-config: $(KCONFIG)
linux: $(KERNEL_IMAGE) $(LAUNCHER)

# With CONFIG_MODULES (the devel profile), "modules" too: it writes
# Module.symvers, which out-of-tree modules are checked against.
# The key of the shared build: the .config (kbuild.sh reads it) and what
# else decides the objects.  KBUILD_KEY: the compilers as KMAKE_IN calls
# them, and a version to raise when this recipe changes what it builds.
KBUILD_KEY = v2 $(CROSS_COMPILE)gcc gcc
KBUILD_TARGETS = $(ARCH_KIMAGE) $(ARCH_KIMAGE_ALSO) $(ARCH_DTB) $$(grep -q '^CONFIG_MODULES=y' $(KCONFIG) && echo modules)
KERNEL_BUILDS := $(LOGS)/kernel-builds.txt
$(KERNEL_IMAGE): $(KCONFIG) $(TOP)/mk/linux.mk $(TOP)/scripts/kbuild.sh $(LINUX_FORCE)
	$(Q)KEY="$(KBUILD_KEY) $(LINUX_NAME) $(LINUX_SRC_ID) $(KARCH) $(CROSS_COMPILE) $(KBUILD_TARGETS) \
		$(SOURCE_DATE_EPOCH) $(KBUILD_BUILD_USER) $(KBUILD_BUILD_HOST) $(KBUILD_BUILD_VERSION)" \
		ARCH=$(ARCH) TOP=$(TOP) SRCTREE=$(LINUX_TREE) FORCE=$(LINUX_FORCE) TIMES=$(KERNEL_BUILDS) \
		CACHE="$(if $(LINUX_FORCE)$(LINUX_OBJ_DIR),,$(KERNEL_CACHE))" KEEP=$(KERNEL_CACHE_KEEP) \
		$(TOP)/scripts/kbuild.sh $(KCONFIG) $(KERNELS) \
		"$(LINUX_OBJ_DIR)" $(KOBJ) "$(PROFILE)$(if $(CROSS_COMPILE), $(ARCH))" $(LOGS)/$(LOGTAG)-linux.log -- \
		$(KMAKE_IN) $(KBUILD_TARGETS)
	$(Q)mkdir -p $(@D) && cp $(KOBJ)/System.map $(@D)/System.map.tmp && mv $(@D)/System.map.tmp $(@D)/System.map
	$(if $(ARCH_DTB),$(Q)cp $(KOBJ)/arch/$(KARCH)/boot/dts/$(ARCH_DTB) $(KERNEL_DTB).tmp && mv $(KERNEL_DTB).tmp $(KERNEL_DTB))
	$(Q)cp $(KOBJ)/$(ARCH_KIMAGE_PATH) $@.tmp && mv $@.tmp $@
	$(say) SIZE "$(ARCH_KIMAGE): $$(stat -c %s $@) bytes ($(@:$(TOP)/%=%))"

linux-menuconfig: $(KCONFIG)
	$(Q)$(KMAKE_CONF) menuconfig
	@echo "Edited $(KCONFIG). 'make linux' builds it; 'make linux-savefragment' keeps the change in configs/linux/$(FRAGMENT).config."

# Write the symbols whose values differ from what the fragments gave into
# a fragment file, so that the change survives "make clean".
FRAGMENT ?= local
linux-savefragment:
	$(Q)[ -f $(KCONFIG).fragments ] || { echo "error: no configuration yet: run 'make linux-menuconfig' first" >&2; exit 1; }
	$(Q)$(TOP)/scripts/savefragment.sh $(KCONFIG).fragments $(KCONFIG) $(TOP)/configs/linux/$(FRAGMENT).config

# Kernel headers for building userland against (busybox, init).
# One set per architecture (x86_64's keeps its old name).
HDR_SUFFIX := $(if $(filter-out x86_64,$(ARCH)),-$(ARCH))
LINUX_HEADERS := $(BUILD)/linux-headers$(HDR_SUFFIX)
LINUX_HEADERS_STAMP := $(STAMPS)/linux-headers$(HDR_SUFFIX)
$(LINUX_HEADERS_STAMP): $(LINUX_UNPACKED)
	$(Q)key=$(call step_key,$(TOP)/mk/linux.mk,$(LINUX_ID)); \
	if $(STEPCACHE) get linux-headers-$(ARCH) $$key $(LINUX_HEADERS) include; then \
		printf '  %-8s %s\n' HEADERS "kernel UAPI headers -> $(LINUX_HEADERS:$(TOP)/%=%) (step cache)"; \
	else \
		printf '  %-8s %s\n' HEADERS "installing kernel UAPI headers -> $(LINUX_HEADERS:$(TOP)/%=%)"; \
		mkdir -p $(BUILD)/linux-headers-obj$(HDR_SUFFIX) && \
		$(LOGRUN) $(LOGS)/linux-headers$(HDR_SUFFIX).log $(MAKE) --no-print-directory -C $(LINUX_TREE) O=$(BUILD)/linux-headers-obj$(HDR_SUFFIX) \
			ARCH=$(KARCH) INSTALL_HDR_PATH=$(LINUX_HEADERS) headers_install && \
		$(STEPCACHE) put linux-headers-$(ARCH) $$key $(LINUX_HEADERS) include || exit 1; \
	fi
	$(Q)mkdir -p $(@D) && touch $@

# gen_init_cpio, the kernel's own initramfs packer, built for the host.
GEN_INIT_CPIO := $(HOST)/gen_init_cpio
$(GEN_INIT_CPIO): $(LINUX_UNPACKED)
	$(say) HOSTCC "gen_init_cpio (from the kernel's usr/gen_init_cpio.c)"
	$(Q)mkdir -p $(@D) && gcc -O2 -o $@.tmp $(LINUX_TREE)/usr/gen_init_cpio.c && mv $@.tmp $@
