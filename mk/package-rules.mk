# The packages' rules (mk/package.mk declares them).  This file is
# read last, after every other: a package's rules may use the variables
# of any package and of any mk/*.mk file.

# pkg_debian NAME: the unpacked (and patched) tree of a Debian source.
# dpkg-source unpacks the upstream tarball and applies Debian's patches;
# ours are applied to a copy named after their hash.
define pkg_debian
$(1)_SRCNAME := $(call pkg_debian_src,$(1))
$(1)_PRISTINE := $$(BUILD)/src/$$($(1)_SRCNAME)
$(1)_PATCH_ID := $$(if $$($(1)_PATCHES),$$(shell cat $$($(1)_PATCHES) | sha256sum | cut -c1-12))
$(1)_TREE := $$($(1)_PRISTINE)$$(if $$($(1)_PATCHES),-p$$($(1)_PATCH_ID))
$(1)_TREE_STAMP := $$($(1)_TREE)/.tinylinux-$$(if $$($(1)_PATCHES),patched,unpacked)

ifndef pkg_unpacked_$$($(1)_SRCNAME)
pkg_unpacked_$$($(1)_SRCNAME) := y
$$($(1)_PRISTINE)/.tinylinux-unpacked: $$(DL)/$$($(1)_SRCNAME)/.source | $$(DEPS_STAMP)
	$$(say) UNPACK "$$($(1)_SRCNAME) $$$$(cut -d' ' -f2 $$<) -> $$($(1)_PRISTINE:$$(TOP)/%=%)"
	$$(Q)rm -rf $$($(1)_PRISTINE) $$($(1)_PRISTINE).tmp && mkdir -p $$(dir $$($(1)_PRISTINE))
	$$(Q)$$(LOGRUN) $$(LOGS)/$$($(1)_SRCNAME)-unpack.log dpkg-source --no-check -x $$$$(ls $$(DL)/$$($(1)_SRCNAME)/*.dsc) $$($(1)_PRISTINE).tmp
	$$(Q)touch $$($(1)_PRISTINE).tmp/.tinylinux-unpacked && mv $$($(1)_PRISTINE).tmp $$($(1)_PRISTINE)

# The fetch itself is make deps' (one apt session for all sources).
$$(DL)/$$($(1)_SRCNAME)/.source: | $$(DEPS_STAMP)
	$$(Q)test -f $$@ || { echo "error: $$@ is missing: run 'make deps'" >&2; exit 1; }
endif

ifneq ($$($(1)_PATCHES),)
# The patches are order-only: the tree's name is their hash.
$$($(1)_TREE_STAMP): $$($(1)_PRISTINE)/.tinylinux-unpacked | $$($(1)_PATCHES) $$(TOP)/scripts/apply-patches.sh
	$$(say) PATCH "$$(words $$($(1)_PATCHES)) patch(es) -> $$($(1)_TREE:$$(TOP)/%=%)"
	$$(Q)TOP=$$(TOP) $$(TOP)/scripts/apply-patches.sh $$($(1)_PRISTINE) $$($(1)_TREE) \
		$(1) $$(LOGS)/$(1)-patch.log $$($(1)_PATCHES)
endif
endef

define pkg_local
$(1)_TREE := $$(TOP)/$$(call pkg_arg,$(1))
$(1)_TREE_STAMP :=
endef

$(foreach p,$(ALL_PACKAGES),$(if $(filter debian,$(call pkg_kind,$(p))),$(eval $(call pkg_debian,$(p)))))
$(foreach p,$(ALL_PACKAGES),$(if $(filter local,$(call pkg_kind,$(p))),$(eval $(call pkg_local,$(p)))))

# pkg_part NAME: its gen_init_cpio fragment, $(PARTS)/NAME.list
# (scripts/mkpart.sh).  mk/rootfs.mk joins the parts.
define pkg_part
$(1)_PART := $$(PARTS)/$(1).list
$$($(1)_PART): $$(foreach f,$$($(1)_FILES),$$(word 2,$$(subst =, ,$$(f)))) $$($(1)_APPLETS) \
		$$(foreach s,$$($(1)_SERVICES),$$(TOP)/packages/$(1)/$$(s)) \
		$$(TOP)/packages/$(1)/$(1).mk $$(TOP)/scripts/mkpart.sh
	$$(Q)mkdir -p $$(@D)
	$$(Q)FILES="$$($(1)_FILES)" LINKS="$$($(1)_LINKS)" \
		SERVICES="$$(foreach s,$$($(1)_SERVICES),$$(s)=$$(TOP)/packages/$(1)/$$(s))" \
		APPLETS="$$($(1)_APPLETS)" APPLET_TARGET="$$($(1)_APPLET_TARGET)" \
		$$(TOP)/scripts/mkpart.sh > $$@.tmp
	$$(Q)mv $$@.tmp $$@
endef

# The packages' own rules (NAME_RULES, written as in any makefile), then
# the generic ones: all after every package file is read.
$(foreach p,$(ALL_PACKAGES),$(eval $(value $(p)_RULES)))
$(foreach p,$(ALL_PACKAGES),$(eval $(call pkg_part,$(p))))


# The exact sources of this build, in its images directory: one line per
# package of the image and of their build (DEPENDS, the kernel), "PACKAGE
# KIND VERSION SHA256" (the sha256 of the .dsc, of the kernel's tarball;
# "-" for our own; musl-tools' version when Debian's musl-gcc is used).
pkg_closure = $(sort $(1) $(foreach p,$(1),$(call pkg_closure,$($(p)_DEPENDS))))
# The images directory holds both inits' initramfs (make check builds
# both): tinyinit is listed whatever INIT this make has, so that the file
# does not depend on which of the two was made last.
IMAGE_PACKAGES := $(call pkg_closure,$(PACKAGES) tinyinit linux)
IMAGE_SOURCES := $(IMAGES)/sources.txt
srcline_debian = echo "$(1) debian $$(cut -d' ' -f2- $(DL)/$(call pkg_debian_src,$(1))/.source)$(if $($(1)_PATCHES), patches $(words $($(1)_PATCHES)))";
srcline_local = echo "$(1) local $($(1)_VERSION) -";
srcline_linux = echo "linux $(if $(LINUX_UNPACK_DIR),tarball $(if $(wildcard $(DL)/$(LINUX_PACKAGE)/.source),$$(cut -d' ' -f2- $(DL)/$(LINUX_PACKAGE)/.source),$(notdir $(LINUX_SRC)) $$(cat $(LINUX_UNPACK_DIR)/.tinylinux-unpacked)),tree $(LINUX_TREE) -) patches $(words $(linux_PATCHES))";
srcline_musltools = echo "musl debian-binary musl-tools=$$(dpkg-query -W -f='$${Version}' musl-tools) -";
srcline = $(if $(and $(filter musl,$(1)),$(filter-out y,$(MUSL_FROM_SOURCE))),$(srcline_musltools),$(call srcline_$(call pkg_kind,$(1)),$(1)))
$(IMAGE_SOURCES): $(foreach p,$(IMAGE_PACKAGES),$(if $(call pkg_debian_src,$(p)),$(DL)/$(call pkg_debian_src,$(p))/.source)) \
		$(LINUX_UNPACKED) $(TOP)/mk/package-rules.mk | $(DEPS_STAMP)
	$(Q)mkdir -p $(@D)
	$(Q){ $(foreach p,$(IMAGE_PACKAGES),$(call srcline,$(p))) } > $@.tmp
	$(Q)mv $@.tmp $@
$(INITRAMFS): | $(IMAGE_SOURCES)
