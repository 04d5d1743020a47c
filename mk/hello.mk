# hello: the test program of our example system call hello(2)
# (patches/linux/0002-hello-syscall.patch, tests/boot/hello-syscall.sh).
# Every image has it as /usr/bin/hello.

HELLO := $(OUT)/hello/hello
$(HELLO): $(TOP)/src/hello/hello.c $(MUSL_GCC_DEP) | $(DEPS_STAMP)
	$(say) CC "hello (musl-gcc -static)"
	$(Q)mkdir -p $(@D)
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-hello.log $(MUSL_GCC) -std=c11 -Wall -Wextra -Werror \
		-static -Os -s -o $@.tmp $<
	$(Q)mv $@.tmp $@

ROOTFS_EXTRA += usr/bin/hello=$(HELLO)
