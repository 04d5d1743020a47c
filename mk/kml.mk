# Kernel Mode Linux (docs/kml.md): the probe program kmltest and what a
# /trusted image holds.  The tests and the benchmark: mk/kml-check.mk.

KMLTEST := $(OUT)/kml/kmltest
$(KMLTEST): $(TOP)/src/kml/kmltest.c $(MUSL_GCC_DEP) | $(DEPS_STAMP)
	$(call musl_prog,$@,$<,kmltest,-O2)

# In a /trusted image: kmltest in ring 0 and in ring 3, and a ring-3
# copy of busybox for the benchmark's comparisons.
ifeq ($(TRUSTED),y)
ROOTFS_EXTRA += trusted/kmltest=$(KMLTEST) usr/bin/kmltest=$(KMLTEST) \
	usr/libexec/busybox-ring3=$(BUSYBOX)
endif
