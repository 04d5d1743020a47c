# Host packages (configs/packages.txt, and the packages' NAME_HOST_DEPS)
# and the Debian source packages the
# packages of packages/ build from (DEBIAN_SOURCES, asked of them by
# mk/package.mk), fetched at the versions sources.lock pins
# (scripts/deps.sh, scripts/sources.sh).  The stamp is remade only when
# one of those changes, so a normal build costs nothing here; "make deps"
# re-checks explicitly.
# Packages of a newer suite (NAME/SUITE in configs/packages.txt: SPDX's
# validator) are unpacked into $(HOSTDEBS) (scripts/hostdebs.sh); a
# missing $(HOSTDEBS)/.unpacked remakes the stamp (a target without a
# recipe that does not exist counts as new).
DEPS_STAMP := $(STAMPS)/deps
HOSTDEBS := $(HOST)/debs

$(HOSTDEBS)/.unpacked:
$(DEPS_STAMP): $(TOP)/configs/packages.txt $(TOP)/scripts/deps.sh $(TOP)/scripts/sources.sh $(TOP)/scripts/hostdebs.sh \
		$(LOCK) $(wildcard $(TOP)/packages/*/*.mk) $(HOSTDEBS)/.unpacked
	$(say) DEPS "checking Debian packages (configs/packages.txt; packages' $(HOST_DEPS)) and sources ($(DEBIAN_SOURCES))"
	$(Q)HOST_PACKAGES="$(HOST_DEPS)" HOSTDEBS=$(HOSTDEBS) $(TOP)/scripts/deps.sh $(TOP)/configs/packages.txt $(DL) $(LOCK) $(DEBIAN_SOURCES)
	$(Q)mkdir -p $(@D) && touch $@

.PHONY: deps update-lock sources-drift
deps:
	$(Q)rm -f $(DEPS_STAMP)
	$(Q)$(MAKE) --no-print-directory $(DEPS_STAMP)

# The versions fetched (after drift: what the mirror offers now) become
# the lock.  Re-verify the build before committing it.
update-lock: $(DEPS_STAMP)
	$(Q)$(if $(filter /usr/src/$(LINUX_PACKAGE).tar.xz,$(LINUX_SRC)),$(TOP)/scripts/sources.sh tarball $(LOCK) $(DL) $(LINUX_PACKAGE) $(LINUX_SRC) &&) \
		$(TOP)/scripts/sources.sh update $(LOCK) $(DL)

# One line: the sources that differ from sources.lock (make check ends
# with it).
sources-drift:
	$(Q)$(TOP)/scripts/sources.sh drift $(DL)
