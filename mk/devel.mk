# check-devel: the devel profile's tests (tests/devel) on its disk image
# and OCI image, built into $(BUILD)/devel by a sub-make whatever PROFILE
# is: gcc inside the guest, the hello module, the container export.
# The default profile's OCI image is checked too (a static busybox
# userland, no Debian packages).
DEVEL_OUT := $(BUILD)/devel
SUITE_TESTS_devel := $(sort $(wildcard $(TOP)/tests/devel/*.sh))
DEVEL_MEM := $(shell sed -n 's/^QEMU_MEM := //p' $(TOP)/configs/profiles/devel.mk)
# What tests/devel and scripts/bench-devel.sh are told, in a recipe where
# $$accel is set.
devel_env = MAKE="$(MAKE)" TOP=$(TOP) DEVEL_OUT=$(DEVEL_OUT) DISK=$(DEVEL_OUT)/images/disk.img \
	DEFAULT_OUT=$(BUILD)/default TLEXPECT=$(TLEXPECT) ACCEL=$$accel MEM=$(DEVEL_MEM)

.PHONY: check-devel devel-images bench-devel devel-linux
devel-linux:
	$(Q)$(MAKE) --no-print-directory PROFILE=devel OUT=$(DEVEL_OUT) linux

devel-images: $(TLEXPECT)
	$(Q)$(MAKE) --no-print-directory PROFILE=devel OUT=$(DEVEL_OUT) disk oci
	$(Q)$(MAKE) --no-print-directory PROFILE=default OUT=$(BUILD)/default oci

check-devel: devel-images
	$(Q)accel=$$($(call probe_accel,$(DEVEL_OUT)/images/run-qemu.sh)) || exit 1; \
	echo "  TEST     development system ($$accel, -m $(DEVEL_MEM), logs in $(TESTLOGS:$(TOP)/%=%)/devel)"; \
	$(devel_env) TESTLOGS=$(TESTLOGS)/devel \
	$(TOP)/tests/run.sh check-devel $(call pick_tests,$(SUITE_TESTS_devel))

# make bench-devel: sizes of the devel images, its boot, gcc's time in
# the guest, a module's load and unload (scripts/bench-devel.sh).
bench-devel: devel-images
	$(Q)mkdir -p $(BENCH)
	$(Q)accel=$$($(call probe_accel,$(DEVEL_OUT)/images/run-qemu.sh)) || exit 1; \
	$(devel_env) TESTLOGS=$(BENCH) BOOTS=$(BOOTS) $(TOP)/scripts/bench-devel.sh | tee $(BENCH)/devel.md
	@echo "report: $(BENCH:$(TOP)/%=%)/devel.md"
