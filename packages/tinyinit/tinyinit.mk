# tinyinit, our PID 1 (src/init, docs/tinyinit.md): static, musl, -Os,
# stripped.  It is /init; /sbin/init links to it.  Profiles get it with
# INIT=tinyinit (the default); INIT=busybox uses busybox's init instead.
tinyinit_SOURCE := local:src/init
tinyinit_VERSION := 1
tinyinit_LICENSE := GPL-2.0-only
tinyinit_LICENSE_FILES := COPYING
tinyinit_DEPENDS := musl
tinyinit_TARGET = $(TINYINIT)
tinyinit_FILES = /init=$(TINYINIT)
tinyinit_LINKS := /sbin/init=/init

TINYINIT = $(OUT)/init/tinyinit
INIT_SRCS := $(TOP)/src/init/tinyinit.c $(TOP)/src/init/parse.c
INIT_HDRS := $(TOP)/src/init/parse.h
CSTD := -std=c11 -Wall -Wextra -Werror

define tinyinit_RULES
.PHONY: init
init: $(TINYINIT)

# Debian's musl-gcc on x86_64; for another ARCH, the musl built with its
# cross compiler (mk/arch.mk).
INIT_CC := $(if $(CROSS_COMPILE),$(MUSL_GCC),musl-gcc)
$(TINYINIT): $(INIT_SRCS) $(INIT_HDRS) $(if $(CROSS_COMPILE),$(MUSL_GCC_DEP)) | $(DEPS_STAMP)
	$(say) CC "tinyinit ($(if $(CROSS_COMPILE),musl for $(ARCH),musl-gcc) -static -Os)"
	$(Q)mkdir -p $(@D)
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-tinyinit.log $(INIT_CC) $(CSTD) -static -Os -s \
		-ffunction-sections -fdata-sections -Wl,--gc-sections \
		-o $@.tmp $(INIT_SRCS)
	$(Q)mv $@.tmp $@
	$(say) SIZE "tinyinit: $$(stat -c %s $@) bytes"
endef
