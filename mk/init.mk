# tinyinit, our PID 1: static, musl, -Os, stripped.
INIT_SRCS := $(TOP)/src/init/tinyinit.c $(TOP)/src/init/parse.c
INIT_HDRS := $(TOP)/src/init/parse.h
TINYINIT := $(OUT)/init/tinyinit
CSTD := -std=c11 -Wall -Wextra -Werror

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
