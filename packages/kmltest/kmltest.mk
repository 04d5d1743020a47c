# kmltest: Kernel Mode Linux's probe program (src/kml, docs/kml.md), in
# ring 0 (/trusted/kmltest) and in ring 3 (/usr/bin/kmltest), with a
# ring-3 copy of busybox for the benchmark's comparisons.  The tests and
# the benchmark: mk/kml-check.mk.
kmltest_SOURCE := local:src/kml
kmltest_VERSION := 1
kmltest_LICENSE := GPL-2.0-only
kmltest_LICENSE_FILES := COPYING
kmltest_DEPENDS := musl busybox
kmltest_ARCHES := x86_64
# make bench-kml's instruction trace of one getppid (scripts/kml-trace.sh)
# single-steps the guest with gdb, through QEMU's gdb stub.
kmltest_HOST_DEPS := gdb
kmltest_TARGET = $(KMLTEST)
kmltest_FILES = /trusted/kmltest=$(KMLTEST) /usr/bin/kmltest=$(KMLTEST) \
	/usr/libexec/busybox-ring3=$(BUSYBOX)

KMLTEST = $(OUT)/kml/kmltest

define kmltest_RULES
$(KMLTEST): $(TOP)/src/kml/kmltest.c $(MUSL_GCC_DEP) | $(DEPS_STAMP)
	$(call musl_prog,$@,$<,kmltest,-O2)
endef
