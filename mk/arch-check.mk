# check-arch: the default system on every other architecture (mk/arch.mk),
# each built by a sub-make into $(BUILD)/ARCH and booted by tests/arch
# under QEMU (TCG): shell, guest -> host download (sha256), host -> guest,
# poweroff.  The host side of the network tests uses x86_64's busybox.
CHECK_ARCHES ?= arm arm64 riscv64
SUITE_TESTS_arch := $(sort $(wildcard $(TOP)/tests/arch/*.sh))
arch_images = $(BUILD)/$(1)/images
# The environment of tests/lib.sh and scripts/bench.sh for one ARCH (the
# images boot through their launcher, beside KERNEL).
arch_env = ARCH=$(1) KERNEL=$(call arch_images,$(1))/$(KIMAGE_$(1)) \
	INITRAMFS=$(call arch_images,$(1))/initramfs-tinyinit.cpio.xz \
	MEM=$(QEMU_MEM) ACCEL=tcg BUSYBOX=$(BUSYBOX) TLEXPECT=$(TLEXPECT) KIMAGE=$(KIMAGE) TOP=$(TOP) \
	MAKE="$(MAKE)"

.PHONY: check-arch arch-images
arch-images:
	$(Q)for a in $(CHECK_ARCHES); do \
		$(MAKE) --no-print-directory ARCH=$$a images || exit 1; \
	done

check-arch: arch-images $(TLEXPECT) $(BUSYBOX) $(KIMAGE)
	$(Q)[ "$(ARCH)" = x86_64 ] || { echo "error: run check-arch without ARCH= (it builds and boots every ARCH)" >&2; exit 1; }
	$(Q)echo "  TEST     other architectures: $(CHECK_ARCHES) (tcg, logs in $(TESTLOGS:$(TOP)/%=%)/arch-*)"; \
	$(foreach a,$(CHECK_ARCHES),$(call arch_env,$(a)) TESTLOGS=$(TESTLOGS)/arch-$(a) \
		$(if $(filter arm,$(a)),KOBJ_IMAGE=$(BUILD)/arm/linux/arch/arm/boot/Image) \
		$(TOP)/tests/run.sh "check-arch ($(a))" $(call pick_tests,$(SUITE_TESTS_arch)) || exit 1;)

# make bench-arch: scripts/bench.sh (sizes, time to userspace, the
# smallest -m passing the network test) for each architecture.
.PHONY: bench-arch
bench-arch: arch-images $(TLEXPECT) $(BUSYBOX)
	$(Q)mkdir -p $(BENCH)
	$(Q){ echo "# make bench-arch, $$(date -u +%Y-%m-%d), $$(nproc) CPUs, accelerator: tcg"; echo; \
	$(foreach a,$(CHECK_ARCHES),$(call arch_env,$(a)) WORK=$(BENCH)/arch-$(a) BOOTS=$(BOOTS) \
		GUEST_BUSYBOX=$(BUILD)/$(a)/busybox/busybox TINYINIT=$(BUILD)/$(a)/init/tinyinit \
		LABEL="$(a): $(QEMU_$(a))" BOOT_TIMEOUT=300 $(TOP)/scripts/bench.sh || exit 1; echo;) \
	} | tee $(BENCH)/arch.md
	@echo "report: $(BENCH:$(TOP)/%=%)/arch.md"
