# Tests.  "make check" runs them all; each area has its own target.
TLEXPECT := $(HOST)/tlexpect
UNIT_TEST := $(HOST)/test_parse
TESTLOGS := $(BUILD)/tests
INITRAMFS_TINYINIT := $(IMAGES)/initramfs-tinyinit.cpio.xz
INITRAMFS_BUSYBOX := $(IMAGES)/initramfs-busybox.cpio.xz

$(TLEXPECT): $(TOP)/src/tlexpect/tlexpect.c
	$(say) HOSTCC "tlexpect"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) -O2 -o $@.tmp $< && mv $@.tmp $@

# Unit tests (and kimage's, mk/kimage.mk) run with AddressSanitizer and
# UBSan, stopping at the first report.
SANITIZE := -g -fsanitize=address,undefined -fno-sanitize-recover=all
USERS_TEST := $(HOST)/test_users
$(USERS_TEST): $(TOP)/tests/unit/test_users.c $(TOP)/src/users/users.c $(TOP)/src/users/users.h | $(DEPS_STAMP)
	$(say) HOSTCC "user table tests (cmocka, ASan, UBSan)"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) $(SANITIZE) -I$(TOP)/src/users -o $@.tmp \
		$(TOP)/tests/unit/test_users.c $(TOP)/src/users/users.c -lcmocka && mv $@.tmp $@

$(UNIT_TEST): $(TOP)/tests/unit/test_parse.c $(TOP)/src/init/parse.c $(INIT_HDRS) | $(DEPS_STAMP)
	$(say) HOSTCC "unit tests (cmocka, ASan, UBSan)"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) $(SANITIZE) -I$(TOP)/src/init -o $@.tmp \
		$(TOP)/tests/unit/test_parse.c $(TOP)/src/init/parse.c -lcmocka && mv $@.tmp $@

# make check: every suite, in this order, through tests/check.sh (each
# suite's time, the kernels built, ccache's hits and the total at the
# end; a failed suite does not stop the rest).  Inside a suite the guests
# run TEST_JOBS at a time (tests/run.sh); TEST_JOBS=1 runs one at a time.
# (The suites of mk/suites.mk come in IMAGE_SUITES.)
CHECK_SUITES = style unit kimage size fuzz config packages distcc errors boot parallel kml $(IMAGE_SUITES) sbom repro
TEST_JOBS ?= $(JOBS)
export TEST_JOBS
# TESTS="NAME...": only these tests of a suite, by their file names
# without .sh: make check-net TESTS=ssh.  Each suite declares its tests
# once, as SUITE_TESTS_<suite>; a name that the suites asked for do not
# have stops make at once (the Makefile's end).  $(call pick_tests,FILES):
# the FILES that TESTS names, or all of them.
TESTS ?=
pick_tests = $(if $(strip $(TESTS)),$(filter $(addprefix %/,$(addsuffix .sh,$(TESTS))),$(1)),$(1))
.PHONY: check check-unit check-config check-packages check-boot check-repro check-errors check-style
check:
	$(Q)MAKE="$(MAKE)" TOP=$(TOP) BUILD=$(BUILD) TESTLOGS=$(TESTLOGS) ACCEL=$(ACCEL) \
		$(TOP)/tests/check.sh $(CHECK_SUITES)

check-unit: $(UNIT_TEST) $(USERS_TEST)
	$(say) TEST "unit tests"
	$(Q)$(UNIT_TEST)
	$(Q)$(USERS_TEST)
	$(Q)$(BOOTTRACE_TEST)
	$(Q)$(DEP5_TEST)
	$(Q)TOP=$(TOP) TESTLOGS=$(TESTLOGS) $(TOP)/tests/runner.sh

# The boot tests need both initramfs images: the one for the other INIT
# is made by a sub-make.
ifneq ($(INIT),busybox)
$(INITRAMFS_BUSYBOX): FORCE
	$(Q)$(MAKE) -s --no-print-directory INIT=busybox initramfs
endif
ifneq ($(INIT),tinyinit)
$(INITRAMFS_TINYINIT): FORCE
	$(Q)$(MAKE) -s --no-print-directory INIT=tinyinit initramfs
endif

# What tests/run.sh IMAGES-DIR boots: the images, both inits' initramfs
# and test.env (the suites of mk/suites.mk make it in each sub-make).
.PHONY: test-images
test-images: images $(INITRAMFS_TINYINIT) $(INITRAMFS_BUSYBOX) $(TEST_ENV)

BOOT_TESTS := $(sort $(wildcard $(TOP)/tests/boot/*.sh))
SUITE_TESTS_boot := $(BOOT_TESTS)
# The boot tests that boot the images they are given: make-run.sh boots
# the default build through "make run" itself (check-kml, make shrink).
IMAGE_BOOT_TESTS := $(filter-out %/make-run.sh,$(BOOT_TESTS))
# They boot this make's own images (PROFILE, OUT: make shrink runs them on
# its trial kernels), described by their test.env; MEM= of make's command
# line wins.
check-boot: test-images $(TLEXPECT) $(HOST)/boottrace $(HOST)/memreport
	$(Q)accel=$$($(call probe_accel,$(LAUNCHER))) || exit 1; \
	echo "  TEST     boot tests ($$accel, -m $(MEM), logs in $(TESTLOGS:$(TOP)/%=%))"; \
	ACCEL=$$accel MEM=$(MEM) TESTLOGS=$(TESTLOGS) MAKE="$(MAKE)" SUITE_NAME=check-boot \
	$(TOP)/tests/run.sh $(IMAGES) $(call pick_tests,$(SUITE_TESTS_boot))

# make -j is safe (tests/parallel.sh): make -j4 check-boot in a scratch
# output directory gives the same results and the same images.
.PHONY: check-parallel
check-parallel: $(KERNEL_IMAGE) $(INITRAMFS_TINYINIT) $(INITRAMFS_BUSYBOX)
	$(say) TEST "make -j4 check-boot in a scratch output directory"
	$(Q)MAKE="$(MAKE)" TOP=$(TOP) TESTLOGS=$(TESTLOGS) DEFAULT_OUT=$(OUT) $(TOP)/tests/parallel.sh

# Reproducibility: a second clean build in another directory must give
# bit-identical images.  Its kernel is built again in an object directory
# of its own (not the shared one of $(KERNELS), nor a copy from the
# kernel cache), through ccache: ccache makes it cheaper, not different.
# Its configurations and busybox are made again too, not taken from the
# step cache.  (The repro directories sit beside the others, at the same
# depth: ccache's base_dir makes the paths relative.)
REPRO_OUT := $(BUILD)/$(PROFILE)-repro
REPRO_KERNELS := $(BUILD)/$(PROFILE)-repro-kernels
check-repro: $(KERNEL_IMAGE) $(INITRAMFS_TINYINIT)
	$(say) TEST "reproducibility: clean rebuild in $(REPRO_OUT:$(TOP)/%=%)"
	$(Q)rm -rf $(REPRO_OUT) $(REPRO_KERNELS)
	$(Q)$(MAKE) --no-print-directory OUT=$(REPRO_OUT) KERNELS=$(REPRO_KERNELS) KERNEL_CACHE= STEP_CACHE= images >/dev/null
	$(Q)cmp $(KERNEL_IMAGE) $(REPRO_OUT)/images/$(ARCH_KIMAGE) && \
	cmp $(INITRAMFS_TINYINIT) $(REPRO_OUT)/images/initramfs-tinyinit.cpio.xz && \
	echo "  PASS     $(ARCH_KIMAGE) and initramfs are bit-identical ($$(sha256sum < $(KERNEL_IMAGE) | cut -c1-16)..., $$(sha256sum < $(INITRAMFS_TINYINIT) | cut -c1-16)...)"
	$(Q)rm -rf $(REPRO_OUT) $(REPRO_KERNELS)

check-config: $(KCONFIG)
	$(say) TEST "configuration tools (savefragment, check-config, patch series, kernel builds, step cache)"
	$(Q)TOP=$(TOP) KCONFIG=$(KCONFIG) LINUX_TREE=$(LINUX_TREE) TESTLOGS=$(TESTLOGS) \
		BUILD=$(BUILD) MAKE="$(MAKE)" $(TOP)/tests/config.sh
	$(Q)TOP=$(TOP) TESTLOGS=$(TESTLOGS) $(TOP)/tests/kbuild.sh
	$(Q)TOP=$(TOP) TESTLOGS=$(TESTLOGS) $(TOP)/tests/stepcache.sh
	$(Q)dot -Tsvg $(TOP)/docs/architecture.dot | cmp -s - $(TOP)/docs/architecture.svg || \
		{ echo "error: docs/architecture.svg is not what docs/architecture.dot draws: run make docs-pictures" >&2; exit 1; }
	$(say) PASS "docs/architecture.svg is what docs/architecture.dot draws"

# make docs-pictures: the pictures of docs/ drawn from their sources
# (graphviz).
.PHONY: docs-pictures
docs-pictures: $(TOP)/docs/architecture.svg
$(TOP)/docs/architecture.svg: $(TOP)/docs/architecture.dot | $(DEPS_STAMP)
	$(Q)dot -Tsvg $< > $@.tmp && mv $@.tmp $@
	$(say) DOT "$(@:$(TOP)/%=%)"

# Packages and sources.lock (tests/packages.sh): a scratch copy of the
# tree builds its initramfs with this build's sources.
check-packages: $(INITRAMFS_TINYINIT)
	$(say) TEST "packages: the lock, a new package, collisions, bad package files"
	$(Q)MAKE="$(MAKE)" TOP=$(TOP) BUILD=$(BUILD) DEFAULT_OUT=$(OUT) TESTLOGS=$(TESTLOGS) $(TOP)/tests/packages.sh

# Distributed builds (tests/distcc.sh): busybox through distccd on
# 127.0.0.1, bit-identical to this build's.
.PHONY: check-distcc
check-distcc: $(BUSYBOX) $(TLEXPECT)
	$(say) TEST "distributed builds: busybox through distccd on 127.0.0.1"
	$(Q)MAKE="$(MAKE)" TOP=$(TOP) TLEXPECT=$(TLEXPECT) BUSYBOX=$(BUSYBOX) DEFAULT_OUT=$(OUT) \
		TESTLOGS=$(TESTLOGS) $(TOP)/tests/distcc.sh

# The module cases build against the devel profile's kernel: it is built
# first (check-devel uses it too), with its progress line.
check-errors: devel-linux $(HOST)/memreport | $(DEPS_STAMP)
	$(say) TEST "bad input gives one clear error"
	$(Q)MAKE="$(MAKE)" TOP=$(TOP) BUILD=$(BUILD) TESTLOGS=$(TESTLOGS) $(TOP)/tests/errors.sh

# Our C in the kernel's style: its .clang-format and checkpatch.pl, from
# the unpacked kernel tree.  Ignored checkpatch types: kernel-only macros
# (__noreturn, __printf) that userspace does not have, and "static const
# char *" for argv arrays, which execv() wants as char *const[]; u8/u32,
# which are kernel types (userspace has uint8_t...); CamelCase, which
# cmocka's names use; and volatile, which kernel code should not need
# (it has barriers and READ_ONCE) but a user-space probe such as
# src/kml/kmltest.c does, to keep the compiler from removing the bad
# pointer, the busy loop and the stack it is testing.
STYLE_SRCS := $(wildcard $(TOP)/src/*/*.[ch] $(TOP)/src/modules/*/*.[ch] $(TOP)/tests/unit/*.c $(TOP)/tests/fuzz/*.c)
CHECKPATCH_IGNORE := PREFER_DEFINED_ATTRIBUTE_MACRO,STATIC_CONST_CHAR_ARRAY,CAMELCASE,PREFER_KERNEL_TYPES,VOLATILE
check-style: $(LINUX_UNPACKED)
	$(say) TEST "style: clang-format and checkpatch.pl on $(words $(STYLE_SRCS)) files"
	$(Q)clang-format --dry-run --Werror --style=file:$(LINUX_TREE)/.clang-format $(STYLE_SRCS)
	$(Q)out=$$($(LINUX_TREE)/scripts/checkpatch.pl --no-tree --terse --strict \
		--ignore $(CHECKPATCH_IGNORE) -f $(STYLE_SRCS)) || { echo "$$out"; exit 1; }
