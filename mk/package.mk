# Packages: everything the image holds comes from a package, declared in
# one file, packages/NAME/NAME.mk, with variables named NAME_*:
#
#   NAME_SOURCE    where it comes from:
#                    debian         Debian's source package NAME
#                    debian:SRC     Debian's source package SRC
#                    linux          the kernel's tarball (mk/linux.mk)
#                    local:DIR      our own, DIR of this repository
#                  Debian's sources are pinned in sources.lock.
#   NAME_VERSION   (local sources) the version; Debian's come from the lock
#   NAME_LICENSE   its license, as an SPDX expression
#   NAME_LICENSE_FILES  the files of its source tree that hold its
#                  license texts (our own: of this repository; default
#                  debian/copyright, or COPYING); make legal-info copies
#                  them (mk/sbom.mk)
#   NAME_CPE       vendor:product, its name in the vulnerability
#                  databases (NVD's CPE dictionary), for the SBOM
#   NAME_COPYRIGHT the debian/copyright its declared license and
#                  copyright come from (default: its source's)
#   NAME_PATCHES   our patches, applied in order (scripts/apply-patches.sh)
#                  to a hard-linked copy of the unpacked tree
#   NAME_DEPENDS   the packages whose outputs its build needs
#   NAME_TARGET    the file its build makes
#   NAME_RULES     its rules (configure, build, install for $(ARCH)),
#                  in a define: made after every package is read, so
#                  that they may use any package's variables
#   NAME_ARCHES    the architectures it is made for (default: all; on
#                  the others, profiles leave it out)
#   NAME_HOST_DEPS Debian packages the build host needs for it: its
#                  source or compiler, or the host's side of it (the
#                  client that tests and make run use); make deps
#                  installs them, with configs/packages.txt's
# and what it adds to the image when a profile names it in PACKAGES:
#   NAME_FILES     PATH=FILE or PATH=FILE=MODE (default 755)
#   NAME_LINKS     PATH=TARGET symbolic links
#   NAME_APPLETS   a file of paths that become links to NAME_APPLET_TARGET
#                  unless another part has that path (busybox's applets)
#   NAME_SERVICES  scripts packages/NAME/SERVICE, installed as
#                  /etc/init.d/SERVICE and started by rcS in order
#   NAME_FIREWALL  ports the firewall lets in (FIREWALL=on)
#   NAME_HOSTFWD   HOSTPORT:GUESTPORT forwarded by make run
# and, as files of packages/NAME/: a service script of NAME_SERVICES,
# and fstab, lines added to /etc/fstab (their mount points are made).
#
# The generic rules below give each package, from its SOURCE:
#   NAME_TREE      the source tree to build from (patched when it has
#                  patches), made by the prerequisite NAME_TREE_STAMP
#   NAME_PART      its part of the root filesystem: a gen_init_cpio list
#                  fragment of what it adds (mk/rootfs.mk joins them)
# Every rule is made after all packages are read: a package may use
# another's variables, whatever the order of the files (outside
# NAME_RULES, only in variables set with =).
#
# To add a package: a new packages/NAME/NAME.mk (docs/packages.md shows
# iperf3's) and its name in a profile's PACKAGES.

PACKAGE_DIRS := $(sort $(wildcard $(TOP)/packages/*/))
ALL_PACKAGES := $(notdir $(patsubst %/,%,$(PACKAGE_DIRS)))
$(foreach p,$(ALL_PACKAGES),$(if $(wildcard $(TOP)/packages/$(p)/$(p).mk),,\
  $(error packages/$(p)/ has no $(p).mk: a package is declared in packages/NAME/NAME.mk)))
include $(foreach p,$(ALL_PACKAGES),$(TOP)/packages/$(p)/$(p).mk)

# Every declaration is complete and sound.
PACKAGE_SOURCE_KINDS := debian linux local
pkg_kind = $(firstword $(subst :, ,$($(1)_SOURCE)))
pkg_arg = $(word 2,$(subst :, ,$($(1)_SOURCE)))
$(foreach p,$(ALL_PACKAGES),\
  $(if $($(p)_SOURCE),,$(error packages/$(p)/$(p).mk: $(p)_SOURCE is missing (debian, debian:SRC, linux or local:DIR)))\
  $(if $(filter $(call pkg_kind,$(p)),$(PACKAGE_SOURCE_KINDS)),,$(error packages/$(p)/$(p).mk: $(p)_SOURCE '$($(p)_SOURCE)' is not debian, debian:SRC, linux or local:DIR))\
  $(if $($(p)_LICENSE),,$(error packages/$(p)/$(p).mk: $(p)_LICENSE is missing (an SPDX expression)))\
  $(if $(filter local,$(call pkg_kind,$(p))),$(if $($(p)_VERSION),,$(error packages/$(p)/$(p).mk: $(p)_VERSION is missing (a local source has no lock entry))))\
  $(foreach d,$($(p)_DEPENDS),$(if $(filter $(d),$(ALL_PACKAGES)),,$(error packages/$(p)/$(p).mk: $(p)_DEPENDS names '$(d)', which is not a package)))\
  $(foreach f,$($(p)_PATCHES),$(if $(wildcard $(f)),,$(error packages/$(p)/$(p).mk: patch $(f:$(TOP)/%=%) does not exist))))

# The profile's packages, and the init INIT chooses (tinyinit; busybox's
# own init is in busybox).
PACKAGES ?=
override PACKAGES := $(PACKAGES) $(filter tinyinit,$(INIT))
$(foreach p,$(PACKAGES),$(if $(filter $(p),$(ALL_PACKAGES)),,\
  $(error profile '$(PROFILE)' names package '$(p)' in PACKAGES, which does not exist (packages: $(ALL_PACKAGES)))))
# A package made for some ARCHes only is left out of the others (hello:
# its system call has a number on x86_64 only).
pkg_for_arch = $(if $($(1)_ARCHES),$(filter $(ARCH),$($(1)_ARCHES)),y)
override PACKAGES := $(foreach p,$(PACKAGES),$(if $(call pkg_for_arch,$(p)),$(p)))

# Debian's source packages, fetched by make deps (scripts/deps.sh, which
# asks this list) and checked against sources.lock.
LOCK ?= $(TOP)/sources.lock
LOCK_ERROR := $(shell $(TOP)/scripts/sources.sh check $(LOCK) 2>&1)
ifneq ($(LOCK_ERROR),)
$(error $(strip $(patsubst error:,,$(LOCK_ERROR))))
endif
pkg_debian_src = $(if $(filter debian,$(call pkg_kind,$(1))),$(or $(call pkg_arg,$(1)),$(1)))
DEBIAN_SOURCES := $(sort $(foreach p,$(ALL_PACKAGES),$(call pkg_debian_src,$(p))))
# The host packages every package and every architecture asks for (all
# of them: make check builds every profile and every ARCH).
HOST_DEPS = $(sort $(foreach p,$(ALL_PACKAGES),$($(p)_HOST_DEPS)) $(foreach a,$(ARCHES),$(HOST_DEPS_$(a))))

# What the profile's packages add to the system's settings (mk/sysconf.mk,
# mk/qemu.mk).
PACKAGE_SERVICES := $(strip $(foreach p,$(PACKAGES),$($(p)_SERVICES)))
PACKAGE_FIREWALL := $(strip $(foreach p,$(PACKAGES),$($(p)_FIREWALL)))
PACKAGE_HOSTFWD = $(strip $(foreach p,$(PACKAGES),$($(p)_HOSTFWD)))
PACKAGE_FSTAB := $(wildcard $(foreach p,$(PACKAGES),$(TOP)/packages/$(p)/fstab))

# Each package's part of the root filesystem (mk/package-rules.mk).
PACKAGE_PARTS := $(foreach p,$(PACKAGES),$(OUT)/parts-$(INIT)/$(p).list)

# make packages: every package, its source, version (the lock's, for
# Debian's), whether this profile's image holds it (or only its build
# uses it: musl, the kernel), and its license.
.PHONY: packages
packages:
	@printf '%-10s %-7s %-20s %-9s %s\n' PACKAGE SOURCE VERSION "$(PROFILE)" LICENSE
	@$(foreach p,$(ALL_PACKAGES),printf '%-10s %-7s %-20s %-9s %s\n' $(p) $(call pkg_kind,$(p)) \
		"$(or $($(p)_VERSION),$$(awk -v n=$(or $(call pkg_debian_src,$(p)),$(LINUX_PACKAGE)) '$$1 == n { print $$2 }' $(LOCK)))" \
		$(if $(filter $(p),$(PACKAGES)),image,$(if $(filter $(p),$(IMAGE_PACKAGES)),build,-)) "$($(p)_LICENSE)";)
