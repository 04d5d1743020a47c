# "make bench": measure, print, and keep the report in $(BUILD)/bench.md
# (copy the figures into docs/benchmarks.md).  Nothing here is asserted.
# The micro profile is measured too, and the boot time of both is split
# into its phases (scripts/bench-boot.sh, a timeline in boot-timeline.svg).
#   BOOTS=5        boots per median
#   BENCH_SEED=1   also build x86_64_defconfig (the seed's "before"; a
#                  long build) and measure it the same way
BOOTS ?= 5
BENCH_SEED ?= 1
BENCH := $(BUILD)/bench
MICRO_OUT = $(call profile_out,micro,x86_64)

.PHONY: bench
bench: $(KERNEL_IMAGE) $(INITRAMFS_TINYINIT) $(LAUNCHER) $(TLEXPECT)
	$(Q)mkdir -p $(BENCH)
	$(Q)accel=$$($(call probe_accel,$(LAUNCHER))) || exit 1; \
	{ echo "# make bench, $$(date -u +%Y-%m-%d), $$(nproc) CPUs, $$(uname -m), accelerator: $$accel"; echo; \
	KERNEL=$(KERNEL_IMAGE) INITRAMFS=$(INITRAMFS_TINYINIT) TINYINIT=$(TINYINIT) \
	BUSYBOX=$(BUSYBOX) TLEXPECT=$(TLEXPECT) ACCEL=$$accel WORK=$(BENCH) BOOTS=$(BOOTS) \
	$(TOP)/scripts/bench.sh; } | tee $(BENCH)/report.md
	$(Q){ \
	t0=$$(date +%s.%N); $(MAKE) --no-print-directory images >/dev/null; t1=$$(date +%s.%N); \
	echo "| no-op rebuild (make images) | $$(echo "$$t0 $$t1" | awk '{ printf "%.2f", $$2 - $$1 }') s |"; \
	touch $(TOP)/rootfs/etc/profile; \
	t0=$$(date +%s.%N); $(MAKE) --no-print-directory images > $(BENCH)/overlay.log; t1=$$(date +%s.%N); \
	echo "| rebuild after touching rootfs/etc/profile (steps: $$(awk '{ print $$1 }' $(BENCH)/overlay.log | tr '\n' ' ')) | $$(echo "$$t0 $$t1" | awk '{ printf "%.2f", $$2 - $$1 }') s |"; \
	rm -rf $(BUILD)/bench-clean; \
	t0=$$(date +%s.%N); CCACHE_DISABLE=1 $(MAKE) --no-print-directory OUT=$(BUILD)/bench-clean KERNELS=$(BUILD)/bench-clean/kernels KERNEL_CACHE= STEP_CACHE= images >/dev/null; t1=$$(date +%s.%N); \
	echo "| clean build, no ccache (kernel, busybox, init, initramfs) | $$(echo "$$t0 $$t1" | awk '{ printf "%.0f", $$2 - $$1 }') s |"; \
	rm -rf $(BUILD)/bench-clean; \
	} | tee -a $(BENCH)/report.md
	$(Q)$(MAKE) --no-print-directory PROFILE=micro images
	$(Q)accel=$$($(call probe_accel,$(LAUNCHER))) || exit 1; \
	{ echo; KERNEL=$(MICRO_OUT)/images/vmlinux INITRAMFS=$(MICRO_OUT)/images/initramfs-tinyinit.cpio.xz \
	BUSYBOX=$(BUSYBOX) TLEXPECT=$(TLEXPECT) ACCEL=$$accel WORK=$(BENCH) BOOTS=$(BOOTS) \
	LABEL="micro: microvm, qboot, vmlinux through PVH" $(TOP)/scripts/bench.sh; \
	echo "| micro's kernel compressed (bzImage of the same vmlinux; xz payload) | $$(stat -c %s $(MICRO_OUT)/linux/arch/x86/boot/bzImage) bytes; $$(stat -c %s $(MICRO_OUT)/linux/arch/x86/boot/compressed/vmlinux.bin.xz) bytes |"; \
	echo; echo "## Boot time split: default and micro, in turn"; echo; \
	TLEXPECT=$(TLEXPECT) ACCEL=$$accel WORK=$(BENCH) BOOTS=$(BOOTS) $(TOP)/scripts/bench-boot.sh \
		default=$(KERNEL_IMAGE):$(INITRAMFS_TINYINIT) \
		micro=$(MICRO_OUT)/images/vmlinux:$(MICRO_OUT)/images/initramfs-tinyinit.cpio.xz && \
	gnuplot -e "data='$(BENCH)/boot-split.dat'; out='$(BENCH)/boot-timeline.svg.tmp'; accel='$$accel'" \
		$(TOP)/scripts/boot-timeline.gp && mv $(BENCH)/boot-timeline.svg.tmp $(BENCH)/boot-timeline.svg && \
	echo && echo "timeline: $(BENCH:$(TOP)/%=%)/boot-timeline.svg (docs/images/boot-timeline.svg)"; } | tee -a $(BENCH)/report.md
ifeq ($(BENCH_SEED),1)
	$(Q)t0=$$(date +%s); $(MAKE) --no-print-directory PROFILE=x86_64-defconfig linux; t1=$$(date +%s); \
	accel=$$($(call probe_accel,$(LAUNCHER))); \
	{ echo; KERNEL=$(BUILD)/x86_64-defconfig/images/bzImage INITRAMFS=$(INITRAMFS_TINYINIT) \
	BUSYBOX=$(BUSYBOX) TLEXPECT=$(TLEXPECT) ACCEL=$$accel WORK=$(BENCH) BOOTS=$(BOOTS) \
	LABEL="x86_64_defconfig, same source, same initramfs" $(TOP)/scripts/bench.sh; \
	echo "| build time (ccache as it was) | $$((t1 - t0)) s |"; } | tee -a $(BENCH)/report.md
endif
	@echo "report: $(BENCH:$(TOP)/%=%)/report.md"
