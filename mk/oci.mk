# The userland as a container image (docs/devel.md):
#
#   make oci                  $(IMAGES)/rootfs.tar  a plain root filesystem
#                                                  for "docker import"
#                             $(IMAGES)/oci/        an OCI image layout,
#                                                  image PROFILE, /bin/sh
#   skopeo inspect oci:build/devel/images/oci:devel
#   umoci unpack --image build/devel/images/oci:devel bundle; runc run ...
#
# Both are the profile's root filesystem as the disk image holds it (its
# rootfs list over its Debian packages, if any), without device nodes and
# without a kernel; both are reproducible (scripts/mkroottar.sh,
# scripts/mkoci.sh).
ROOTFS_TAR := $(IMAGES)/rootfs.tar
OCI_DIR := $(IMAGES)/oci

.PHONY: oci rootfs-tar
oci: $(OCI_DIR)/index.json
rootfs-tar: $(ROOTFS_TAR)

$(ROOTFS_TAR): $(ROOTFS_LIST) $(DEBIAN_TAR) $(TOP)/scripts/mkroottar.sh $(TOP)/scripts/populate.sh | $(DEPS_STAMP)
	$(say) ROOTTAR "$(PROFILE): $(@:$(TOP)/%=%)$(if $(DEBIAN_TAR), (Debian packages + our files))"
	$(Q)mkdir -p $(@D)
	$(Q)$(TOP)/scripts/mkroottar.sh $@ $(ROOTFS_LIST) $(DEBIAN_TAR)
	$(say) SIZE "rootfs.tar: $$(stat -c %s $@) bytes"

$(OCI_DIR)/index.json: $(ROOTFS_TAR) $(TOP)/scripts/mkoci.sh | $(DEPS_STAMP)
	$(say) OCI "$(PROFILE): $(OCI_DIR:$(TOP)/%=%), image '$(PROFILE)' (umoci)"
	$(Q)$(TOP)/scripts/mkoci.sh $(OCI_DIR) $(ROOTFS_TAR) $(PROFILE) $(OCIARCH_$(ARCH))
	$(say) SIZE "oci: $$(du -sb $(OCI_DIR) | cut -f1) bytes, $$(ls $(OCI_DIR)/blobs/sha256 | wc -l) blobs"
