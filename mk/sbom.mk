# What is inside an image, for the people who ship it (docs/sbom.md):
#
#   make sbom         $(IMAGES)/IMAGE.spdx.json for the image of INIT: an
#                     SPDX 2.3 document (src/sbom/tlsbom.c) with one
#                     package per source (Debian's name, version, .dsc
#                     sha256, purl, CPE, declared license from its
#                     debian/copyright), the kernel with its .config and
#                     patches, and every regular file of the image with
#                     its checksums and the package it came from
#   make legal-info   $(OUT)/legal-info/: the sources as fetched, our
#                     patches, each package's license texts and a
#                     manifest.csv, like Buildroot's
#
# Everything comes from the packages' declarations (packages/*/*.mk,
# mk/package.mk): NAME_LICENSE, NAME_PATCHES, NAME_CPE,
# NAME_LICENSE_FILES, NAME_COPYRIGHT; nothing here names a package but
# the project itself.
$(call needs,ARCH_DEBARCH FUZZ_DIR DISK_IMAGE ISO_IMAGE OCI_DIR pkg_closure ROOTFS_LIST ROOTFS_PARTS KERNEL_IMAGE KCONFIG INITRAMFS,mk/sbom.mk)

TLSBOM := $(HOST)/tlsbom
TLSBOM_SRCS := $(TOP)/src/sbom/tlsbom.c $(TOP)/src/sbom/dep5.c
SBOM_LICMAP := $(TOP)/configs/sbom/debian-licenses
$(TLSBOM): $(TLSBOM_SRCS) $(TOP)/src/sbom/dep5.h | $(DEPS_STAMP)
	$(say) HOSTCC "tlsbom"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) -O2 -o $@.tmp $(TLSBOM_SRCS) && mv $@.tmp $@

# dep5's unit tests (cmocka, ASan, UBSan), part of check-unit.
DEP5_TEST := $(HOST)/test_dep5
$(DEP5_TEST): $(TOP)/tests/unit/test_dep5.c $(TOP)/src/sbom/dep5.c $(TOP)/src/sbom/dep5.h | $(DEPS_STAMP)
	$(say) HOSTCC "debian/copyright reader tests (cmocka, ASan, UBSan)"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) $(SANITIZE) -I$(TOP)/src/sbom -o $@.tmp \
		$(TOP)/tests/unit/test_dep5.c $(TOP)/src/sbom/dep5.c -lcmocka && mv $@.tmp $@
check-unit: $(DEP5_TEST)
# tests/errors.sh gives tlsbom bad descriptions.
check-errors: $(TLSBOM)

# The project itself: the files of the image that no package of
# packages/ gives (the skeleton, rootfs/, the settings and accounts
# mk/sysconf.mk writes, our modules) are its own, under its license.
PROJECT_VERSION := $(shell git -C $(TOP) describe --always --dirty 2>/dev/null || echo unknown)
tinylinux_LICENSE := GPL-2.0-only
tinylinux_LICENSE_FILES := COPYING

# The packages an image's document names: the image's, what their
# builds link in (DEPENDS: musl), and the kernel.
SBOM_PACKAGES = $(call pkg_closure,$(PACKAGES) linux)
# Per package: where its declared license and copyright come from
# (debian/copyright; the kernel's is that of Debian's linux-source
# package), and the files of its license texts, relative to its tree
# (our own: to this repository).
pkg_copyright = $(or $($(1)_COPYRIGHT),$(if $(filter debian,$(call pkg_kind,$(1))),$($(1)_PRISTINE)/debian/copyright,-))
pkg_license_files = $(or $($(1)_LICENSE_FILES),$(if $(filter debian,$(call pkg_kind,$(1))),debian/copyright,COPYING))
SBOM_LINUX_TREE = $(or $(LINUX_PRISTINE),$(LINUX_TREE))
pkg_tree_dir = $(if $(filter debian,$(call pkg_kind,$(1))),$($(1)_PRISTINE),$(if $(filter linux,$(call pkg_kind,$(1))),$(SBOM_LINUX_TREE),$(TOP)))
# Its source's name, version and sha256: the fetched .source of a
# Debian source, the kernel tarball's, our own version.
# (The kernel's .source is written when its tarball is unpacked; a
# LINUX_SRC of the user's has none: its name and sha256 then.)
pkg_srcfile = $(if $(filter debian,$(call pkg_kind,$(1))),$(DL)/$(call pkg_debian_src,$(1))/.source)
pkg_unpacked = $(if $(filter debian,$(call pkg_kind,$(1))),$($(1)_PRISTINE)/.tinylinux-unpacked,$(if $(filter linux,$(call pkg_kind,$(1))),$(or $(LINUX_PRISTINE_STAMP),$(LINUX_UNPACKED))))

# dep5 under libFuzzer, with make fuzz (and check-fuzz's short run):
# any bytes as a debian/copyright and as a License expression; the
# corpus starts from the debian/copyright files of our Debian sources.
DEP5_FUZZER := $(HOST)/fuzz_dep5
$(DEP5_FUZZER): $(TOP)/tests/fuzz/fuzz_dep5.c $(TOP)/src/sbom/dep5.c $(TOP)/src/sbom/dep5.h | $(DEPS_STAMP)
	$(say) CLANG "fuzz_dep5 (libFuzzer, ASan, UBSan)"
	$(Q)mkdir -p $(@D) && clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -I$(TOP)/src/sbom \
		-o $@.tmp $(TOP)/tests/fuzz/fuzz_dep5.c $(TOP)/src/sbom/dep5.c && mv $@.tmp $@
.PHONY: fuzz-dep5
fuzz: fuzz-dep5
fuzz-dep5: $(DEP5_FUZZER) $(foreach p,$(SBOM_PACKAGES),$(call pkg_unpacked,$(p)))
	$(Q)mkdir -p $(FUZZ_DIR)/dep5/corpus
	$(Q)$(foreach p,$(SBOM_PACKAGES),$(if $(filter debian,$(call pkg_kind,$(p))),cp $($(p)_PRISTINE)/debian/copyright $(FUZZ_DIR)/dep5/corpus/$(p);))
	$(say) FUZZ "debian/copyright reader for $(FUZZ_SECONDS) s (log: $(FUZZ_DIR:$(TOP)/%=%)/dep5/fuzz.log)"
	$(Q)cd $(FUZZ_DIR)/dep5 && $(DEP5_FUZZER) -max_total_time=$(FUZZ_SECONDS) -max_len=16384 \
		-rss_limit_mb=1024 -print_final_stats=1 corpus > fuzz.log 2>&1 || \
		{ tail -n 30 fuzz.log; echo "fuzz: a finding, see $(FUZZ_DIR)/dep5/fuzz.log and crash-* there" >&2; exit 1; }
	$(Q)grep -E "^stat::number_of_executed_units|^stat::new_units_added" $(FUZZ_DIR)/dep5/fuzz.log | \
		sed 's/^stat::/  FUZZ     /'

# $(OUT)/sbom/packages-INIT.tsv: one line per package (scripts/sbom.sh
# and scripts/legal-info.sh read it): NAME KIND SRCNAME VERSION SHA256
# LICENSE COPYRIGHT CPE DOWNLOAD DEPENDS PATCHES TREE LICENSE_FILES
# SOURCES (the fetched files' directory, the kernel's tarball, or "-").
SBOM_DIR := $(OUT)/sbom
SBOM_PKGS := $(SBOM_DIR)/packages-$(INIT).tsv
# The documents name the project's version (the commit): a file that
# changes only when it does makes them (and the packages file, whose
# tinylinux line carries it) again after a commit.
SBOM_VERSION := $(SBOM_DIR)/project-version
$(SBOM_VERSION): FORCE
	$(Q)mkdir -p $(@D); echo "$(PROJECT_VERSION)" | cmp -s - $@ || echo "$(PROJECT_VERSION)" > $@

sbom_srcvars = $(if $(call pkg_srcfile,$(1)),read -r s v h < $(call pkg_srcfile,$(1)),$(if $(filter linux,$(call pkg_kind,$(1))),\
	if [ -f $(DL)/$(LINUX_PACKAGE)/.source ]; then read -r s v h < $(DL)/$(LINUX_PACKAGE)/.source; \
	else s=$(notdir $(LINUX_SRC)) v=- h=$$(cat $(SBOM_LINUX_TREE)/.tinylinux-unpacked 2>/dev/null || echo -); fi,\
	s=$(1) v=$(or $($(1)_VERSION),$(PROJECT_VERSION)) h=-))
sbom_line = $(call sbom_srcvars,$(1)); \
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t-\t%s\t%s\t%s\t%s\t%s\n' $(1) $(or $(call pkg_kind,$(1)),local) "$$s" "$$v" "$$h" \
		"$($(1)_LICENSE)" "$(call pkg_copyright,$(1))" "$(or $($(1)_CPE),-)" "$(or $($(1)_DEPENDS),-)" "$(or $($(1)_PATCHES),-)" \
		"$(call pkg_tree_dir,$(1))" "$(call pkg_license_files,$(1))" \
		"$(if $(filter debian,$(call pkg_kind,$(1))),$(DL)/$(call pkg_debian_src,$(1)),$(if $(filter linux,$(call pkg_kind,$(1))),$(LINUX_SRC),-))";
$(SBOM_PKGS): $(foreach p,$(SBOM_PACKAGES),$(call pkg_srcfile,$(p)) $(call pkg_unpacked,$(p)) $($(p)_PATCHES)) \
		$(foreach p,$(SBOM_PACKAGES),$(TOP)/packages/$(p)/$(p).mk) $(TOP)/mk/sbom.mk $(SBOM_VERSION) | $(DEPS_STAMP)
	$(Q)mkdir -p $(@D)
	$(Q){ $(foreach p,$(SBOM_PACKAGES) tinylinux,$(call sbom_line,$(p))) } > $@.tmp
	$(Q)mv $@.tmp $@

# $(OUT)/sbom/files-INIT.tsv: PATH OWNER SOURCE for every regular file
# of the root filesystem (scripts/sbom-rootfs.sh): the part that lists it
# (mk/rootfs.mk) is a package of PACKAGES, or the project's, or a Debian
# package the settings copy a file of (the firewall's nft); and the
# package lines of those Debian packages (scripts/sbom-debs.sh).
SBOM_FILES := $(SBOM_DIR)/files-$(INIT).tsv
SBOM_DEBS := $(SBOM_DIR)/debs-$(INIT).tsv
SBOM_NFT = $(if $(NFT_ROOT),NFT_ROOT=$(NFT_ROOT) NFT_OWNERS=$(OUT)/nft/nftables.owners)
$(SBOM_FILES): $(ROOTFS_LIST) $(TOP)/scripts/sbom-rootfs.sh $(TOP)/scripts/sbom-debs.sh $(TOP)/mk/sbom.mk
	$(Q)mkdir -p $(@D)
	$(Q)TOP=$(TOP) BUILD=$(BUILD) $(SBOM_NFT) $(TOP)/scripts/sbom-rootfs.sh $(ROOTFS_LIST) "$(PACKAGES)" $(ROOTFS_PARTS) > $@.tmp
	$(Q)DEB_LISTS="$(if $(NFT_ROOT),$(OUT)/nft/nftables.packages)" DEB_ROOTS="$(NFT_ROOT)" DEB_ARCH=$(ARCH_DEBARCH) \
		$(TOP)/scripts/sbom-debs.sh $@.tmp > $(SBOM_DEBS)
	$(Q)mv $@.tmp $@

# $(call sbom_write,SPEC): tlsbom writes the document under a name of
# its own, SPDX's validator reads it (scripts/spdx-validate.sh:
# pyspdxtools, make deps unpacks it), and only a valid document becomes
# $@; an invalid one is removed, its report kept in the log named.
sbom_unchecked = $(@:.spdx.json=.unchecked.spdx.json)
define sbom_write
	$(Q)$(TLSBOM) $(1) $(sbom_unchecked)
	$(Q)HOSTDEBS=$(HOSTDEBS) $(TOP)/scripts/spdx-validate.sh $(sbom_unchecked) || { rm -f $(sbom_unchecked); exit 1; }
	$(Q)mv $(sbom_unchecked) $@
	$(say) SIZE "sbom: $$(stat -c %s $@) bytes: $$(grep -c '"relationshipType": "CONTAINS"' $@) files of the image, $$(grep -c '"SPDXID": "SPDXRef-Package-' $@) packages; valid SPDX 2.3 (pyspdxtools)"
endef

INITRAMFS_SBOM := $(INITRAMFS).spdx.json
SBOM_ENV = TOP=$(TOP) PKGS=$(SBOM_PKGS) KERNEL=$(KERNEL_IMAGE) KCONFIG=$(KCONFIG) PROFILE=$(PROFILE) ARCH=$(ARCH) \
	LICMAP=$(SBOM_LICMAP) PROJECT_VERSION=$(PROJECT_VERSION)
SBOM_TEXTS = $(wildcard $(foreach p,$(SBOM_PACKAGES),$(TOP)/packages/$(p)/LicenseRef-*.txt))
$(INITRAMFS_SBOM): $(INITRAMFS) $(SBOM_PKGS) $(SBOM_FILES) $(KERNEL_IMAGE) $(TLSBOM) $(SBOM_LICMAP) $(SBOM_TEXTS) $(TOP)/scripts/sbom.sh \
		$(TOP)/scripts/spdx-validate.sh $(SBOM_VERSION)
	$(say) SBOM "$(PROFILE): $(@:$(TOP)/%=%)"
	$(Q)$(SBOM_ENV) IMAGE=$(INITRAMFS) IMAGE_KIND=initramfs FILES=$(SBOM_FILES) EXTRA_PKGS=$(SBOM_DEBS) \
		$(TOP)/scripts/sbom.sh $(SBOM_DIR)/$(notdir $(INITRAMFS)).spec
	$(call sbom_write,$(SBOM_DIR)/$(notdir $(INITRAMFS)).spec)

# A disk image, an ISO, an OCI layout: their files are read back from
# the image (scripts/sbom-files.sh), and traced to their packages through
# the root filesystem's parts, what mkdisk.sh and mkiso.sh say they put
# on the boot partition, and which Debian package each file of a Debian
# base comes from (mkdebian.sh).
DISK_SBOM := $(DISK_IMAGE).spdx.json
ISO_SBOM := $(ISO_IMAGE).spdx.json
OCI_SBOM := $(OCI_DIR).spdx.json
SBOM_BASE = BASE_OWNERS=$(if $(DEBIAN_TAR),$(OUT)/debian/root.owners) BASE_PACKAGES=$(if $(DEBIAN_TAR),$(OUT)/debian/root.packages)
SBOM_MEDIA_DEPS := $(SBOM_PKGS) $(SBOM_FILES) $(KERNEL_IMAGE) $(TLSBOM) $(SBOM_LICMAP) $(TOP)/scripts/sbom.sh $(TOP)/scripts/sbom-files.sh \
	$(TOP)/scripts/spdx-validate.sh $(SBOM_VERSION)
# $(call sbom_media,KIND,IMAGE,BOOT-OWNERS): the recipe.
define sbom_media
	$(say) SBOM "$(PROFILE): $(@:$(TOP)/%=%) (reading $(notdir $(2)) back)"
	$(Q)ROOTFS_FILES=$(SBOM_FILES) BOOT_OWNERS=$(3) $(SBOM_BASE) DEB_ARCH=$(DEBARCH_$(ARCH)) \
		$(TOP)/scripts/sbom-files.sh $(1) $(2) $(SBOM_DIR)/$(1)
	$(Q)$(SBOM_ENV) IMAGE=$(if $(filter oci,$(1)),$(2)/index.json,$(2)) IMAGE_NAME=$(notdir $(2)) IMAGE_KIND=$(1) \
		FILES=$(SBOM_DIR)/$(1)/files.tsv EXTRA_PKGS=$(SBOM_DIR)/$(1)/debs.tsv \
		$(TOP)/scripts/sbom.sh $(SBOM_DIR)/$(1).spec
	$(call sbom_write,$(SBOM_DIR)/$(1).spec)
	$(Q)rm -rf $(SBOM_DIR)/$(1)/root
endef
$(DISK_SBOM): $(DISK_IMAGE) $(SBOM_MEDIA_DEPS)
	$(call sbom_media,disk,$(DISK_IMAGE),$(OUT)/disk/boot.owners)
$(ISO_SBOM): $(ISO_IMAGE) $(SBOM_MEDIA_DEPS)
	$(call sbom_media,iso,$(ISO_IMAGE),$(OUT)/iso/owners)
$(OCI_SBOM): $(OCI_DIR)/index.json $(SBOM_MEDIA_DEPS)
	$(call sbom_media,oci,$(OCI_DIR),)

# make sbom: the documents of the images the profile ships (SHIP, in
# its profile: initramfs by default; pc: initramfs disk iso; devel: disk
# oci).
SHIP ?= initramfs
SBOM_OF_initramfs := $(INITRAMFS_SBOM)
SBOM_OF_disk := $(DISK_SBOM)
SBOM_OF_iso := $(ISO_SBOM)
SBOM_OF_oci := $(OCI_SBOM)
$(foreach k,$(SHIP),$(if $(SBOM_OF_$(k)),,$(error profile '$(PROFILE)': SHIP names '$(k)': the images are initramfs, disk, iso and oci)))
.PHONY: sbom legal-info
sbom: $(foreach k,$(SHIP),$(SBOM_OF_$(k)))

# make legal-info: $(OUT)/legal-info/, like Buildroot's
# (scripts/legal-info.sh): the sources as fetched, our patches, each
# package's license files, manifest.csv.
# The Debian binary packages that own files of the shipped images come
# from their SBOMs (the package lines of DEBS_OF_KIND, the documents for
# their licenses): legal-info holds their source packages too.
LEGAL_INFO := $(OUT)/legal-info
DEBS_OF_initramfs := $(SBOM_DEBS)
DEBS_OF_disk := $(SBOM_DIR)/disk/debs.tsv
DEBS_OF_iso := $(SBOM_DIR)/iso/debs.tsv
DEBS_OF_oci := $(SBOM_DIR)/oci/debs.tsv
legal-info: $(SBOM_PKGS) $(foreach p,$(SBOM_PACKAGES),$(call pkg_unpacked,$(p))) $(foreach k,$(SHIP),$(SBOM_OF_$(k)))
	$(Q)PKGS=$(SBOM_PKGS) DEBS="$(foreach k,$(SHIP),$(DEBS_OF_$(k)))" DOCS="$(foreach k,$(SHIP),$(SBOM_OF_$(k)))" \
		DEBSRC=$(DL)/debian-sources $(TOP)/scripts/legal-info.sh $(LEGAL_INFO)
	$(say) LEGAL "$(LEGAL_INFO:$(TOP)/%=%): $(words $(SBOM_PACKAGES) tinylinux) packages, $$(ls $(LEGAL_INFO)/sources | grep -vc '^deb-') with sources; $$(ls $(LEGAL_INFO)/sources | grep -c '^deb-') Debian source packages of the images' Debian binaries; $$(du -sh --apparent-size $(LEGAL_INFO) | cut -f1) (manifest.csv)"

# make check-sbom (tests/sbom.sh): the document of the default image, read
# back against its cpio; the pc profile's disk and ISO, the devel
# profile's disk and OCI layout, the server's initramfs (make check builds
# them before, in the media, devel and net suites); legal-info against sources.lock; a scratch
# profile's package; bad input.
SBOM_PC_OUT := $(call profile_out,pc,x86_64)
SBOM_DEVEL_OUT := $(call profile_out,devel,x86_64)
SBOM_SERVER_OUT := $(call profile_out,server,x86_64)
.PHONY: check-sbom
# (The media suite boots pc's own disk image, which writes to it: it is
# made again first, as built.)
check-sbom: $(INITRAMFS_SBOM)
	$(Q)rm -f $(SBOM_PC_OUT)/images/disk.img
	$(Q)$(MAKE) --no-print-directory PROFILE=pc ARCH=x86_64 OUT=$(SBOM_PC_OUT) sbom
	$(Q)$(MAKE) --no-print-directory PROFILE=devel ARCH=x86_64 OUT=$(SBOM_DEVEL_OUT) sbom
	$(Q)$(MAKE) --no-print-directory PROFILE=server ARCH=x86_64 OUT=$(SBOM_SERVER_OUT) sbom
	$(say) TEST "sbom: SPDX documents, files read back from the images, legal-info, bad input"
	$(Q)MAKE="$(MAKE)" TOP=$(TOP) BUILD=$(BUILD) TESTLOGS=$(TESTLOGS) SBOM=$(INITRAMFS_SBOM) SBOM_DIR=$(SBOM_DIR) \
		IMAGE=$(INITRAMFS) KERNEL=$(KERNEL_IMAGE) KCONFIG=$(KCONFIG) DEFAULT_OUT=$(OUT) LEGAL=$(LEGAL_INFO) \
		PC_OUT=$(SBOM_PC_OUT) DEVEL_OUT=$(SBOM_DEVEL_OUT) SERVER_OUT=$(SBOM_SERVER_OUT) HOSTDEBS=$(HOSTDEBS) \
		$(TOP)/tests/sbom.sh
