# Out-of-tree kernel modules (the devel profile, docs/devel.md).
#
#   MODULES := hello             names under src/modules/, or directories
#
# Each module's directory (a Kbuild file and its sources) is copied to
# $(OUT)/modules/build/NAME, so the source tree never holds objects, and
# built there by the kernel's own build against this profile's kernel
# objects ("make M=... modules").  "make modules_install" then puts the
# kernel's module lists and each module under $(OUT)/modules/root/lib/
# modules/RELEASE (extra/NAME.ko) and runs depmod, as a distribution
# would; the result joins the root filesystem as a gen_init_cpio list.
MODULES ?=
MODULE_DIRS := $(foreach m,$(MODULES),$(if $(findstring /,$(m)),$(abspath $(m)),$(TOP)/src/modules/$(m)))
MODULES_DIR ?= $(OUT)/modules
MODULES_LIST := $(if $(strip $(MODULES)),$(MODULES_DIR)/list)
MODULE_SRCS := $(foreach d,$(MODULE_DIRS),$(wildcard $(d)/*))

$(foreach d,$(MODULE_DIRS),$(if $(wildcard $(d)/Kbuild $(d)/Makefile),,\
  $(error MODULES: module '$(notdir $(d))' has no Kbuild file in $(d:$(TOP)/%=%) (see src/modules/hello))))

.PHONY: modules
modules: $(MODULES_LIST)

# depmod comes from kmod; the kernel's scripts/depmod.sh only warns when
# it is missing, so the check is ours.
$(MODULES_LIST): $(KERNEL_IMAGE) $(MODULE_SRCS) $(TOP)/mk/modules.mk | $(DEPS_STAMP)
	$(Q)grep -q '^CONFIG_MODULES=y' $(KCONFIG) || \
		{ echo "error: MODULES=$(MODULES): the kernel of profile '$(PROFILE)' has no CONFIG_MODULES (add configs/linux/distro.config)" >&2; exit 1; }
	$(Q)PATH=$$PATH:/sbin:/usr/sbin command -v depmod >/dev/null || \
		{ echo "error: depmod not found: install the Debian package kmod" >&2; exit 1; }
	$(Q)rm -rf $(MODULES_DIR) && mkdir -p $(MODULES_DIR)/build
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-modules-install.log $(KMAKE) INSTALL_MOD_PATH=$(MODULES_DIR)/root \
		DEPMOD=/sbin/depmod modules_install
	$(Q)set -e; rel=$$(cat $(KOBJ)/include/config/kernel.release); \
	for d in $(MODULE_DIRS); do \
		n=$$(basename $$d); \
		printf '  %-8s %s\n' MODULE "$$n: $${d#$(TOP)/} against Linux $$rel (log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-module-$$n.log)"; \
		cp -R $$d $(MODULES_DIR)/build/$$n; \
		$(LOGRUN) $(LOGS)/$(LOGTAG)-module-$$n.log $(KMAKE) M=$(MODULES_DIR)/build/$$n modules || \
			{ echo "error: module '$$n' ($${d#$(TOP)/}) does not build against Linux $$rel" >&2; exit 1; }; \
		$(LOGRUN) $(LOGS)/$(LOGTAG)-module-$$n.log $(KMAKE) M=$(MODULES_DIR)/build/$$n \
			INSTALL_MOD_PATH=$(MODULES_DIR)/root DEPMOD=/sbin/depmod modules_install; \
	done; \
	/sbin/depmod -b $(MODULES_DIR)/root $$rel; \
	cd $(MODULES_DIR)/root && find lib -mindepth 1 ! -name build ! -name source | sort | while read -r p; do \
		if [ -d "$$p" ]; then echo "dir /$$p 755 0 0"; \
		else touch -d @$(SOURCE_DATE_EPOCH) "$$p"; echo "file /$$p $(MODULES_DIR)/root/$$p 644 0 0"; fi; \
	done > $@.tmp
	$(Q)mv $@.tmp $@
	$(say) SIZE "modules: $$(awk '/\.ko /' $@ | wc -l) module(s), $$(cd $(MODULES_DIR)/root && find lib -name '*.ko' | xargs -r du -bc | tail -1 | cut -f1) bytes"
