# check-devel (mk/suites.mk's SUITE_devel): the devel profile's tests
# (tests/devel) on its disk image and OCI image, built into $(BUILD)/devel
# by a sub-make whatever PROFILE is: gcc inside the guest, the hello
# module, the container export.  The default profile's OCI image is
# checked too (a static busybox userland, no Debian packages).
DEVEL_OUT := $(BUILD)/devel

.PHONY: bench-devel devel-linux
# The devel kernel alone (check-errors builds modules against it).
devel-linux:
	$(Q)$(MAKE) --no-print-directory PROFILE=devel OUT=$(DEVEL_OUT) linux

# make bench-devel: sizes of the devel images, its boot, gcc's time in
# the guest, a module's load and unload (scripts/bench-devel.sh).
bench-devel: devel-images
	$(Q)mkdir -p $(BENCH)
	$(Q)accel=$$($(call probe_accel,$(DEVEL_OUT)/images/run-qemu.sh)) || exit 1; \
	$(call suite_env,devel,x86_64) ACCEL=$$accel TESTLOGS=$(BENCH) BOOTS=$(BOOTS) DEVEL_OUT=$(DEVEL_OUT) \
		$(TOP)/scripts/bench-devel.sh | tee $(BENCH)/devel.md
	@echo "report: $(BENCH:$(TOP)/%=%)/devel.md"
