# Host packages and the busybox source package (scripts/deps.sh).
# The stamp is remade only when the package list changes, so a normal
# build costs nothing here; "make deps" re-checks explicitly.
DEPS_STAMP := $(STAMPS)/deps

$(DEPS_STAMP): $(TOP)/configs/packages.txt $(TOP)/scripts/deps.sh
	$(say) DEPS "checking Debian packages (configs/packages.txt)"
	$(Q)$(TOP)/scripts/deps.sh $(TOP)/configs/packages.txt $(DL)
	$(Q)mkdir -p $(@D) && touch $@

.PHONY: deps
deps:
	$(Q)rm -f $(DEPS_STAMP)
	$(Q)$(MAKE) --no-print-directory $(DEPS_STAMP)
