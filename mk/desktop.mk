# The desktop profile (issue 24, docs/desktop.md): check-desktop is
# mk/suites.mk's SUITE_desktop (tests/desktop, the disk built into
# $(BUILD)/desktop by a sub-make whatever PROFILE is).
DESKTOP_OUT := $(BUILD)/desktop

# make bench-desktop: the disk's size, the package count, QEMU start to
# the desktop on the screen, memory in use at the idle desktop
# (scripts/bench-desktop.sh), median of BOOTS boots (3 unless given: a
# boot takes minutes under TCG).
.PHONY: bench-desktop desktop-screenshot
bench-desktop: desktop-images
	$(Q)mkdir -p $(BENCH)
	$(Q)accel=$$($(call probe_accel,$(DESKTOP_OUT)/images/run-qemu.sh)) || exit 1; \
	echo "  BENCH    desktop profile ($$accel, BOOTS=$(if $(filter command line,$(origin BOOTS)),$(BOOTS),3))"; \
	$(call suite_env,desktop,x86_64) ACCEL=$$accel TESTLOGS=$(BENCH) DESKTOP_OUT=$(DESKTOP_OUT) \
		BOOTS=$(if $(filter command line,$(origin BOOTS)),$(BOOTS),3) \
		$(TOP)/scripts/bench-desktop.sh | tee $(BENCH)/desktop.md
	@echo "report: $(BENCH:$(TOP)/%=%)/desktop.md"

# make desktop-screenshot: the docs' picture, docs/images/desktop.png,
# from check-desktop's last screendump (the terminal on the desktop).
desktop-screenshot:
	$(Q)shot=$(TESTLOGS)/desktop-x86_64/desktop/terminal.ppm; \
	[ -f $$shot ] || { echo "error: no $${shot#$(TOP)/}: run make check-desktop first" >&2; exit 1; }; \
	pnmtopng -compression 9 $$shot > $(TOP)/docs/images/desktop.png.tmp && \
	mv $(TOP)/docs/images/desktop.png.tmp $(TOP)/docs/images/desktop.png && \
	echo "  PNG      docs/images/desktop.png ($$(pamfile $$shot | sed 's/.*, //'))"
