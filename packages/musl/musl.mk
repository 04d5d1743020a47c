# musl: the C library of our static programs.  Profiles use Debian's
# musl-gcc (package musl-tools, built from this same source package)
# unless they set MUSL_FROM_SOURCE := y: then musl is built from
# Debian's source package, with the patches of musl_PATCHES (the kml
# profile: system calls through the Kernel Mode Linux fast entry,
# docs/kml.md), out of tree, installed under $(OUT)/musl.  Every ARCH
# but x86_64 builds it with its cross compiler (mk/arch.mk).
musl_SOURCE := debian
musl_LICENSE := MIT
musl_LICENSE_FILES := COPYRIGHT debian/copyright
musl_CPE := musl-libc:musl
# Debian's musl-gcc (built from this source package) for x86_64.
musl_HOST_DEPS := musl-tools
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

# ccache in front of $(MUSL_GCC), for the packages that compile with it
# (CC="$(MUSL_CCACHE) $(MUSL_GCC)").  ccache knows a compiler by its
# file's mtime and size: right for Debian's /usr/bin/musl-gcc, but a
# musl-gcc built here is a new file in every clone, and every object
# would miss (busybox for arm64: 569 misses, 4 min 27 s, in a clone
# whose musl was built again).  So such a wrapper is known by what it
# is instead (ccache's compiler_check "string:"): the hash of its specs,
# with this clone's prefix taken out, and of the real compiler's target
# and version.  The headers it includes are hashed by ccache anyway.
MUSL_CCACHE = $(if $(MUSL_GCC_DEP),env CCACHE_COMPILERCHECK=$$(cat $(MUSL_PREFIX)/ccache-compilercheck 2>/dev/null || echo mtime) ccache,ccache)

# The compiler command of the packages built against musl:
#   CC="$(MUSL_CC_CMD)"
# ccache in front of musl-gcc, or with DISTCC_HOSTS (Makefile) distcc in
# front of Debian's musl-gcc (the hosts need musl-tools, and distccd told
# to run it: docs/distcc.md).  A musl built here (ARCH other than
# x86_64) lives in this build tree, which other hosts do not have: ccache
# then.
MUSL_CC_CMD = $(if $(and $(strip $(DISTCC_HOSTS)),$(filter-out y,$(MUSL_FROM_SOURCE))),distcc $(MUSL_GCC),$(MUSL_CCACHE) $(MUSL_GCC))

# What identifies this musl, in a recipe (the keys of the step cache,
# scripts/stepcache.sh): the files installed here, with this prefix taken
# out, or Debian's packages.
MUSL_ID = $(if $(MUSL_GCC_DEP),$$(cd $(MUSL_PREFIX) && find . -type f ! -name ccache-compilercheck | LC_ALL=C sort | xargs cat | sed 's|$(MUSL_PREFIX)|@P@|g' | sha256sum),$$(dpkg-query -W -f='$${Package}=$${Version} ' musl musl-dev musl-tools))

define musl_RULES
ifeq ($(MUSL_FROM_SOURCE),y)
# The wrapper musl-gcc calls plain gcc, or the cross compiler of ARCH
# (configure's CC); ccache is used for musl's own objects only (make's
# CC).
MUSL_CC := $(CROSS_COMPILE)gcc
# The installed prefix is kept in the step cache (scripts/stepcache.sh,
# relocated: its wrapper and specs name the prefix) under a key made of
# the source and patches, this file, ARCH and the compiler.
$(MUSL_GCC): $(musl_TREE_STAMP)
	$(Q)rm -rf $(MUSL_OBJ) $(MUSL_PREFIX) && mkdir -p $(MUSL_OBJ)
	$(Q)key=$(call step_key,$(TOP)/packages/musl/musl.mk,$(musl_TREE) $$(cat $(DL)/$(musl_SRCNAME)/.source) $(MUSL_ARCH) $(CROSS_COMPILE) $(CC_ID) $(SOURCE_DATE_EPOCH)); \
	what="$(PROFILE)$(if $(CROSS_COMPILE), $(ARCH)): $(if $(musl_PATCHES),patched musl,musl, cross-compiled)"; \
	if STEP_RELOCATE=y $(STEPCACHE) get musl-$(ARCH) $$key $(MUSL_PREFIX) bin lib include ccache-compilercheck; then \
		printf '  %-8s %s\n' MUSL "$$what: the same as an earlier build's (step cache)"; \
	else \
		printf '  %-8s %s\n' MUSL "$$what (log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-musl.log)"; \
		$(LOGRUN) $(LOGS)/$(LOGTAG)-musl.log sh -c '\
		cd $(MUSL_OBJ) && $(musl_TREE)/configure --prefix=$(MUSL_PREFIX) \
			--disable-shared CC=$(MUSL_CC) $(if $(CROSS_COMPILE),--target=$(CROSS_COMPILE:-=) CROSS_COMPILE=$(CROSS_COMPILE) --enable-wrapper=gcc) && \
		$(MAKE) --no-print-directory ARCH=$(MUSL_ARCH) CC="ccache $(MUSL_CC)" WRAPCC_GCC=$(MUSL_CC) -j$(JOBS) && \
		$(MAKE) --no-print-directory ARCH=$(MUSL_ARCH) WRAPCC_GCC=$(MUSL_CC) install' && \
		{ sed 's|$(MUSL_PREFIX)|@PREFIX@|g' $(MUSL_PREFIX)/lib/musl-gcc.specs && \
		$(MUSL_CC) -v 2>&1 | grep -E '^(Target|gcc version)'; } | sha256sum | \
		sed 's/^\([0-9a-f]*\).*/string:musl-gcc-\1/' > $(MUSL_PREFIX)/ccache-compilercheck && \
		STEP_RELOCATE=y $(STEPCACHE) put musl-$(ARCH) $$key $(MUSL_PREFIX) bin lib include ccache-compilercheck || exit 1; \
	fi
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
