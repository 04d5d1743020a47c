# hello: the test program of our example system call hello(2)
# (patches/linux/0002-hello-syscall.patch, tests/boot/hello-syscall.sh).
# Every image has it as /usr/bin/hello.

HELLO := $(OUT)/hello/hello
$(HELLO): $(TOP)/src/hello/hello.c $(MUSL_GCC_DEP) | $(DEPS_STAMP)
	$(call musl_prog,$@,$<,hello,-Os)

ROOTFS_EXTRA += usr/bin/hello=$(HELLO)
