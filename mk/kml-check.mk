# Kernel Mode Linux: check-kml and bench-kml (after tests.mk: they use
# its variables).  Both build the kml profile into $(BUILD)/kml with a
# sub-make, whatever PROFILE is.

KML_OUT := $(BUILD)/kml
KML_TESTS := $(sort $(wildcard $(TOP)/tests/kml/*.sh))
# (and the boot tests, twice: IMAGE_BOOT_TESTS of mk/tests.mk)
SUITE_TESTS_kml = $(KML_TESTS) $(IMAGE_BOOT_TESTS)
KML_KERNEL := $(KML_OUT)/images/bzImage
DEFAULT_OUT := $(BUILD)/default

.PHONY: kml-images check-kml bench-kml kml-trace
kml-images: $(TLEXPECT) $(HOST)/boottrace $(HOST)/memreport
	$(Q)$(MAKE) --no-print-directory PROFILE=kml OUT=$(KML_OUT) images
	$(Q)$(MAKE) -s --no-print-directory PROFILE=kml OUT=$(KML_OUT) INIT=busybox initramfs
	$(Q)$(MAKE) --no-print-directory PROFILE=default OUT=$(DEFAULT_OUT) images
	$(Q)$(MAKE) -s --no-print-directory PROFILE=default OUT=$(DEFAULT_OUT) INIT=busybox initramfs

# 1. tests/kml: ring 0 and ring 3, signals, faults, preemption, chroot,
#    fork/exec cycles.  2. The boot tests with the kml image, whose shell
#    and applets run in ring 0.  3. The boot tests with the kml kernel and
#    the default image: nothing changes for programs outside /trusted.
check-kml: kml-images
	$(Q)accel=$$($(call probe_accel,$(dir $(KML_KERNEL))run-qemu.sh)) || exit 1; \
	echo "  TEST     Kernel Mode Linux ($$accel, logs in $(TESTLOGS:$(TOP)/%=%)/kml*)"; \
	export KERNEL=$(KML_KERNEL) BUSYBOX=$(DEFAULT_OUT)/busybox/busybox \
		TLEXPECT=$(TLEXPECT) BOOTTRACE=$(BOOTTRACE) MEMREPORT=$(HOST)/memreport ACCEL=$$accel MEM=$(QEMU_MEM) MAKE="$(MAKE)" TOP=$(TOP); \
	INITRAMFS=$(KML_OUT)/images/initramfs-tinyinit.cpio.xz \
	INITRAMFS_BUSYBOX=$(KML_OUT)/images/initramfs-busybox.cpio.xz \
	TESTLOGS=$(TESTLOGS)/kml $(TOP)/tests/run.sh check-kml $(call pick_tests,$(KML_TESTS)) && \
	INITRAMFS=$(KML_OUT)/images/initramfs-tinyinit.cpio.xz \
	INITRAMFS_BUSYBOX=$(KML_OUT)/images/initramfs-busybox.cpio.xz \
	TESTLOGS=$(TESTLOGS)/kml-ring0 $(TOP)/tests/run.sh "check-kml (boot tests, ring-0 busybox)" $(call pick_tests,$(IMAGE_BOOT_TESTS)) && \
	INITRAMFS=$(DEFAULT_OUT)/images/initramfs-tinyinit.cpio.xz \
	INITRAMFS_BUSYBOX=$(DEFAULT_OUT)/images/initramfs-busybox.cpio.xz \
	TESTLOGS=$(TESTLOGS)/kml-ring3 $(TOP)/tests/run.sh "check-kml (boot tests, default image)" $(call pick_tests,$(IMAGE_BOOT_TESTS))

# Where one getppid's instructions go, function by function, in ring 0
# (fast entry) and in ring 3 (SYSCALL): gdb steps through QEMU's stub.
KML_TRACE = KERNEL=$(KML_KERNEL) VMLINUX=$(KML_OUT)/linux/vmlinux \
	INITRAMFS=$(KML_OUT)/images/initramfs-tinyinit.cpio.xz \
	WORK=$(BUILD)/bench/kml-trace $(TOP)/scripts/kml-trace.sh

kml-trace: kml-images
	$(Q)$(KML_TRACE)

bench-kml: kml-images
	$(Q)mkdir -p $(BUILD)/bench
	$(Q)accel=$$($(call probe_accel,$(dir $(KML_KERNEL))run-qemu.sh)) || exit 1; \
	KERNEL=$(KML_KERNEL) INITRAMFS=$(KML_OUT)/images/initramfs-tinyinit.cpio.xz \
	DEFAULT_KERNEL=$(DEFAULT_OUT)/images/bzImage \
	TLEXPECT=$(TLEXPECT) ACCEL=$$accel WORK=$(BUILD)/bench \
	$(TOP)/scripts/bench-kml.sh | tee $(BUILD)/bench/kml.md.tmp
	$(Q)$(KML_TRACE) >$(BUILD)/bench/kml-trace.md
	$(Q){ echo; echo "Where one getppid's instructions go in the kernel (make bench-kml:"; \
	echo "scripts/kml-trace.sh, gdb single-stepping QEMU under TCG):"; echo; \
	cat $(BUILD)/bench/kml-trace.md; } | tee -a $(BUILD)/bench/kml.md.tmp
	$(Q)mv $(BUILD)/bench/kml.md.tmp $(BUILD)/bench/kml.md
