# Debian's binary packages as the base of a profile's root filesystem
# (the devel profile, docs/devel.md):
#
#   DEBIAN_PACKAGES := gcc libc6-dev ...    what to install; apt adds
#                                           their dependencies
#   DEBIAN_SUITE    the release (default: the host's, from os-release)
#   DEBIAN_MIRROR   the mirror (default: the host's apt sources)
#   DEBIAN_HOOK     a script run on the unpacked tree before it is packed
#                   (the desktop's: what the packages' triggers would
#                   have made, src/xdesktop/triggers.sh)
#   DEBIAN_EXCLUDE  paths (dpkg globs) left out of the unpacked packages:
#                   what a dependency brings that the profile never runs
#                   (the desktop's Mesa drivers and LLVM)
#
# scripts/mkdebian.sh runs mmdebstrap once; the tarball is remade only
# when the package list or the suite changes.  The disk image and the
# root filesystem archive (make oci) are made from it and the profile's
# own files (populate.sh).
DEBIAN_PACKAGES ?=
DEBIAN_EXCLUDE ?=
DEBIAN_HOOK ?=
DEBIAN_SUITE ?= $(shell . /etc/os-release 2>/dev/null && echo $$VERSION_CODENAME)
DEBIAN_TAR := $(if $(strip $(DEBIAN_PACKAGES)),$(OUT)/debian/root.tar)

ifneq ($(DEBIAN_TAR),)
ifeq ($(DEBIAN_SUITE),)
$(error DEBIAN_PACKAGES needs a Debian release: this host's /etc/os-release names none, set DEBIAN_SUITE=bookworm)
endif
DEBIAN_SPEC := $(OUT)/debian/spec
$(DEBIAN_SPEC): FORCE
	$(Q)mkdir -p $(@D); echo "$(DEBIAN_SUITE) $(DEBIAN_MIRROR) $(DEBIAN_PACKAGES)$(if $(DEBIAN_EXCLUDE), exclude $(DEBIAN_EXCLUDE))" | cmp -s - $@ || \
		echo "$(DEBIAN_SUITE) $(DEBIAN_MIRROR) $(DEBIAN_PACKAGES)$(if $(DEBIAN_EXCLUDE), exclude $(DEBIAN_EXCLUDE))" > $@

$(DEBIAN_TAR): $(DEBIAN_SPEC) $(TOP)/scripts/mkdebian.sh $(TOP)/scripts/deb-owners.sh $(DEBIAN_HOOK) | $(DEPS_STAMP)
	$(say) DEBIAN "$(PROFILE): $(DEBIAN_PACKAGES) + dependencies from $(DEBIAN_SUITE) (mmdebstrap, log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-debian.log)"
	$(Q)mkdir -p $(LOGS)
	$(Q)LOG=$(LOGS)/$(LOGTAG)-debian.log DEBIAN_MIRROR=$(DEBIAN_MIRROR) DEBIAN_EXCLUDE='$(DEBIAN_EXCLUDE)' DEBIAN_HOOK=$(DEBIAN_HOOK) STEP_CACHE=$(STEP_CACHE) \
		$(TOP)/scripts/mkdebian.sh $@ $(DEBIAN_SUITE) $(DEBIAN_PACKAGES)
	$(Q)$(TOP)/scripts/sources.sh debs $(LOCK) $(DL) $(@D)/root.packages
	$(say) SIZE "debian: $$(tar -tf $@ | wc -l) entries, $$(stat -c %s $@) bytes"
endif

.PHONY: debian
debian: $(DEBIAN_TAR)
