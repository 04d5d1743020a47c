# make shrink: turn kernel options off while the profile still builds,
# boots and passes its boot tests (src/kshrink, docs/size.md).
#   make shrink                     the default profile
#   make shrink SHRINK_TRIES=20     stop after 20 builds (run again to go on)
# Work and results in $(BUILD)/shrink/$(PROFILE): tries.tsv (every try,
# so an interrupted run resumes), shrink.config (the fragment), report.md.
KSHRINK := $(HOST)/kshrink
SHRINK_DIR := $(BUILD)/shrink/$(PROFILE)
SHRINK_TRIES ?= 0
# Fragments whose symbols are never tried: what the tests cannot see (the
# e1000 NIC and the serial console the issue asks for; the tests use
# virtio-net).  Every other symbol set to y is a candidate.
SHRINK_KEEP ?= $(TOP)/configs/linux/nic.config $(TOP)/configs/linux/serial.config

$(KSHRINK): $(TOP)/src/kshrink/kshrink.c $(TOP)/src/ksize/strtab.c $(TOP)/src/ksize/strtab.h | $(DEPS_STAMP)
	$(say) HOSTCC "kshrink"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) -O2 -o $@.tmp $(TOP)/src/kshrink/kshrink.c $(TOP)/src/ksize/strtab.c && mv $@.tmp $@

# Each try: a sub-make configures with the trial fragment, builds the
# kernel (in one private object directory, incrementally: every try has
# another configuration) and the images into $(SHRINK_DIR)/out and runs the boot tests
# (without make-run, which boots the default build itself).
.PHONY: shrink
shrink: size-report $(KSHRINK) $(TLEXPECT)
	$(Q)mkdir -p $(SHRINK_DIR)
	$(Q)$(KSHRINK) --state $(SHRINK_DIR) --config $(KCONFIG) --srctree $(LINUX_TREE) \
		--symbols $(SIZE_DIR)/symbols.tsv $(foreach k,$(SHRINK_KEEP),--keep $(k)) \
		--image $(SHRINK_DIR)/out/images/$(ARCH_KIMAGE) --max-tries $(SHRINK_TRIES) -- \
		sh -c '$(MAKE) -s --no-print-directory PROFILE=$(PROFILE) OUT=$(SHRINK_DIR)/out \
			LINUX_OBJ_DIR=$(SHRINK_DIR)/out/linux-obj \
			LINUX_EXTRA_CONFIG=$(SHRINK_DIR)/try.config TESTLOGS=$(SHRINK_DIR)/tests \
			BOOT_TESTS="$(IMAGE_BOOT_TESTS)" images check-boot \
			> $(SHRINK_DIR)/try.log 2>&1'
	$(Q)cat $(SHRINK_DIR)/report.md
