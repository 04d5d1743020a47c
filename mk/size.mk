# Where the kernel's bytes go (docs/size.md).
#   make size-report            the report for PROFILE, in $(OUT)/size/
#   make size-diff OLD=DIR      compare with another build's OUT directory
#                               (e.g. OLD=build/kml), which must have had
#                               its own "make size-report"
# ksize (src/ksize) reads the kernel's link map, vmlinux.map (from
# CONFIG_VMLINUX_MAP in configs/linux/base.config), and the Kbuild files.
KSIZE := $(HOST)/ksize
KSIZE_SRCS := $(addprefix $(TOP)/src/ksize/,ksize.c kbuild.c ldmap.c strtab.c xzcost.c) \
	$(TOP)/src/kimage/elf.c
KSIZE_HDRS := $(wildcard $(TOP)/src/ksize/*.h) $(TOP)/src/kimage/elf.h
KSIZE_TEST := $(HOST)/test_ksize
SIZE_DIR := $(OUT)/size
SIZE_ROWS ?= 20
# How many of the largest symbols get their xz cost (what each weighs in
# the compressed kernel: one compression of vmlinux's bytes per symbol,
# about a second each; 0: none).
SIZE_XZ ?= 15

$(KSIZE): $(KSIZE_SRCS) $(KSIZE_HDRS) | $(DEPS_STAMP)
	$(say) HOSTCC "ksize"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) -O2 -o $@.tmp $(KSIZE_SRCS) -llzma -lm && mv $@.tmp $@

$(KSIZE_TEST): $(TOP)/tests/unit/test_ksize.c $(filter-out %/ksize.c,$(KSIZE_SRCS)) $(KSIZE_HDRS) | $(DEPS_STAMP)
	$(say) HOSTCC "ksize unit tests (cmocka, ASan, UBSan)"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) $(SANITIZE) -I$(TOP)/src/ksize -o $@.tmp $< \
		$(filter-out %/ksize.c %/elf.c,$(KSIZE_SRCS)) -lcmocka -llzma && mv $@.tmp $@

KSIZE_ARGS = -n $(SIZE_ROWS) --xz $(SIZE_XZ) $(ARCH_KSIZE_VARS) \
	--objects $(SIZE_DIR)/objects.tsv --symbols $(SIZE_DIR)/symbols.tsv

.PHONY: size-report size-diff check-size
size-report: $(KERNEL_IMAGE) $(KSIZE)
	$(Q)mkdir -p $(SIZE_DIR)
	$(Q)[ -f $(KOBJ)/vmlinux.map ] || { echo "error: $(KOBJ:$(TOP)/%=%)/vmlinux.map is missing: profile $(PROFILE) needs CONFIG_VMLINUX_MAP=y (configs/linux/base.config)" >&2; exit 1; }
	$(Q)$(KSIZE) report $(KSIZE_ARGS) $(KOBJ) $(LINUX_TREE) > $(SIZE_DIR)/report.txt.tmp
	$(Q)mv $(SIZE_DIR)/report.txt.tmp $(SIZE_DIR)/report.txt
	$(Q)ln -f $(KOBJ)/vmlinux $(SIZE_DIR)/vmlinux
	$(Q)gnuplot -e "data='$(SIZE_DIR)/symbols.tsv'; out='$(SIZE_DIR)/symbols.svg.tmp'; name='$(PROFILE)'" \
		$(TOP)/scripts/size-chart.gp && mv $(SIZE_DIR)/symbols.svg.tmp $(SIZE_DIR)/symbols.svg
	$(Q)cat $(SIZE_DIR)/report.txt
	$(say) SIZE "report, objects.tsv, symbols.tsv and the chart symbols.svg in $(SIZE_DIR:$(TOP)/%=%)"

NEW ?= $(OUT)
size-diff: $(KSIZE)
	$(Q)[ -n "$(OLD)" ] || { echo "error: say which build to compare with: make size-diff OLD=build/<profile>" >&2; exit 1; }
	$(Q)for d in $(OLD) $(NEW); do [ -f $$d/size/symbols.tsv ] || \
		{ echo "error: $$d/size/symbols.tsv is missing: run 'make PROFILE=<its profile> size-report' first" >&2; exit 1; }; done
	$(Q)echo "By Kconfig symbol (ksize diff):"; $(KSIZE) diff -n $(SIZE_ROWS) $(OLD)/size/symbols.tsv $(NEW)/size/symbols.tsv
	$(Q)echo; echo "By function and variable (the kernel's scripts/bloat-o-meter):"; \
		python3 $(LINUX_TREE)/scripts/bloat-o-meter $(OLD)/size/vmlinux $(NEW)/size/vmlinux | head -n $$(($(SIZE_ROWS) + 2))

# The report on this profile's kernel must account for at least 95% of
# vmlinux's text+data, and its xz estimate of the whole come within 2% of
# the real vmlinux.bin.xz (or its per-symbol costs mean nothing); the
# unit tests cover the parsers; tests/shrink.sh runs make shrink's search
# with a stand-in for the builds.
check-size: $(KSIZE_TEST) $(KERNEL_IMAGE) $(KSIZE) $(KSHRINK)
	$(say) TEST "ksize (unit tests, and the report on $(PROFILE)'s vmlinux)"
	$(Q)$(KSIZE_TEST)
	$(Q)mkdir -p $(TESTLOGS)
	$(Q)$(KSIZE) report -n 5 --xz 2 --xz-tolerance 2 $(ARCH_KSIZE_VARS) --min-coverage 95 \
		$(KOBJ) $(LINUX_TREE) > $(TESTLOGS)/size-report.txt || \
		{ cat $(TESTLOGS)/size-report.txt; exit 1; }
	$(Q)sed -n '1,4p;/own payload/{N;p;}' $(TESTLOGS)/size-report.txt
	$(Q)KSHRINK=$(KSHRINK) KCONFIG=$(KCONFIG) LINUX_TREE=$(LINUX_TREE) TOP=$(TOP) \
		TESTLOGS=$(TESTLOGS) $(TOP)/tests/shrink.sh
