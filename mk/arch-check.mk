# check-arch (mk/suites.mk's SUITE_arch): the default system on every
# other architecture (mk/arch.mk), booted by tests/arch under QEMU (TCG):
# shell, guest -> host download (sha256), host -> guest, poweroff, and
# kimage reading its kernel image.  The host side of the network tests
# uses x86_64's busybox.
CHECK_ARCHES = $(call suite_arches,arch)
arch_images = $(call profile_out,default,$(1))/images
# bench.sh's environment for one ARCH.
arch_env = ARCH=$(1) KERNEL=$(call arch_images,$(1))/$(KIMAGE_$(1)) \
	INITRAMFS=$(call arch_images,$(1))/initramfs-tinyinit.cpio.xz \
	MEM=$(QEMU_MEM) ACCEL=tcg BUSYBOX=$(BUSYBOX) TLEXPECT=$(TLEXPECT) KIMAGE=$(KIMAGE) TOP=$(TOP) \
	MAKE="$(MAKE)"

# make bench-arch: scripts/bench.sh (sizes, time to userspace, the
# smallest -m passing the network test) for each architecture.
.PHONY: bench-arch
bench-arch: arch-images $(TLEXPECT) $(BUSYBOX)
	$(Q)mkdir -p $(BENCH)
	$(Q){ echo "# make bench-arch, $$(date -u +%Y-%m-%d), $$(nproc) CPUs, accelerator: tcg"; echo; \
	$(foreach a,$(CHECK_ARCHES),$(call arch_env,$(a)) WORK=$(BENCH)/arch-$(a) BOOTS=$(BOOTS) \
		GUEST_BUSYBOX=$(call profile_out,default,$(a))/busybox/busybox TINYINIT=$(call profile_out,default,$(a))/init/tinyinit \
		LABEL="$(a): $(QEMU_$(a))" BOOT_TIMEOUT=300 $(TOP)/scripts/bench.sh || exit 1; echo;) \
	} | tee $(BENCH)/arch.md
	@echo "report: $(BENCH:$(TOP)/%=%)/arch.md"
