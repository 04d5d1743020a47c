# Kernel Mode Linux (docs/kml.md): the probe program kmltest and what a
# /trusted image holds.  The tests and the benchmark: mk/kml-check.mk.

KMLTEST := $(OUT)/kml/kmltest
$(KMLTEST): $(TOP)/src/kml/kmltest.c $(MUSL_GCC_DEP) | $(DEPS_STAMP)
	$(say) CC "kmltest ($(if $(MUSL_GCC_DEP),patched musl,musl-gcc) -static)"
	$(Q)mkdir -p $(@D)
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-kmltest.log $(MUSL_GCC) -std=c11 -Wall -Wextra -Werror \
		-static -O2 -s -o $@.tmp $<
	$(Q)mv $@.tmp $@

# In a /trusted image: kmltest in ring 0 and in ring 3, and a ring-3
# copy of busybox for the benchmark's comparisons.
ifeq ($(TRUSTED),y)
ROOTFS_EXTRA += trusted/kmltest=$(KMLTEST) usr/bin/kmltest=$(KMLTEST) \
	usr/libexec/busybox-ring3=$(BUSYBOX)
endif
