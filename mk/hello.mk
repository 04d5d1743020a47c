# hello: the test program of our example system call hello(2)
# (patches/linux/0002-hello-syscall.patch, tests/boot/hello-syscall.sh).
# Every x86_64 image has it as /usr/bin/hello.

HELLO := $(OUT)/hello/hello
$(HELLO): $(TOP)/src/hello/hello.c $(MUSL_GCC_DEP) | $(DEPS_STAMP)
	$(call musl_prog,$@,$<,hello,-Os)

# hello(2) has a number in x86_64's system call table only.
ROOTFS_EXTRA += $(if $(filter x86_64,$(ARCH)),usr/bin/hello=$(HELLO))
