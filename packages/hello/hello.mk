# hello: the test program of our example system call hello(2)
# (patches/linux/0002-hello-syscall.patch, tests/boot/hello-syscall.sh),
# /usr/bin/hello.  hello(2) has a number in x86_64's system call table
# only.
hello_SOURCE := local:src/hello
hello_VERSION := 1
hello_LICENSE := GPL-2.0-only
hello_LICENSE_FILES := COPYING
hello_DEPENDS := musl
hello_ARCHES := x86_64
hello_TARGET = $(HELLO)
hello_FILES = /usr/bin/hello=$(HELLO)

HELLO = $(OUT)/hello/hello

define hello_RULES
$(HELLO): $(TOP)/src/hello/hello.c $(MUSL_GCC_DEP) | $(DEPS_STAMP)
	$(call musl_prog,$@,$<,hello,-Os)
endef
