# tinyinit, our PID 1: static, musl, -Os, stripped.
INIT_SRCS := $(TOP)/src/init/tinyinit.c $(TOP)/src/init/parse.c
INIT_HDRS := $(TOP)/src/init/parse.h
TINYINIT := $(OUT)/init/tinyinit
CSTD := -std=c11 -Wall -Wextra -Werror

.PHONY: init
init: $(TINYINIT)

$(TINYINIT): $(INIT_SRCS) $(INIT_HDRS) | $(DEPS_STAMP)
	$(say) CC "tinyinit (musl-gcc -static -Os)"
	$(Q)mkdir -p $(@D)
	$(Q)$(LOGRUN) $(LOGS)/tinyinit.log musl-gcc $(CSTD) -static -Os -s \
		-ffunction-sections -fdata-sections -Wl,--gc-sections \
		-o $@.tmp $(INIT_SRCS)
	$(Q)mv $@.tmp $@
	$(say) SIZE "tinyinit: $$(stat -c %s $@) bytes"
