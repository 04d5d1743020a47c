# The launcher: every build writes $(IMAGES)/run-qemu.sh, the one place
# where a QEMU command line is assembled for its images (scripts/run-qemu.sh
# is its body; the lines written here say what the image is).  make run,
# run-disk, run-iso, boot-trace, the tests and the benchmarks call it; a
# copy of the images directory boots on any machine with QEMU.
#   build/default/images/run-qemu.sh --help
# It depends on the profile and the architecture only: not on INIT, MEM
# or NIC of one make command, which make run passes as options.
LAUNCHER := $(IMAGES)/run-qemu.sh
OVMF_CODE := /usr/share/OVMF/OVMF_CODE_4M.fd
OVMF_VARS := /usr/share/OVMF/OVMF_VARS_4M.fd
# The PCI NICs a PC offers (NIC=, --nic).
NIC_virtio := virtio-net-pci
NIC_e1000 := e1000

# $(call launcher_vars): the image's description, one shell assignment
# per line.
launcher_vars = \
	PROFILE='$(PROFILE)' ARCH='$(ARCH)' \
	QEMU='$(QEMU_$(ARCH))' QEMU_ENV='$(QEMU_ENV_$(ARCH))' \
	KERNEL='$(ARCH_KIMAGE)' DTB='$(ARCH_DTB)' INITRD='initramfs-tinyinit.cpio.xz' \
	CONSOLE='$(ARCH_CONSOLE)' BOOT_APPEND='$(ARCH_APPEND)' MEM='$(QEMU_MEM)' \
	NIC='$(firstword $(NICS_$(ARCH)))' NICS='$(NICS_$(ARCH))' \
	$(foreach n,$(NICS_$(ARCH)),NIC_$(n)='$(NIC_$(n))') NIC_DEVICE='$(NICARG_$(ARCH))' \
	PC='$(PC_$(ARCH))' KVM='$(KVM_$(ARCH))' BLK='$(ARCH_BLK)' \
	OVMF_CODE='$(OVMF_CODE)' OVMF_VARS='$(OVMF_VARS)' POINTER='$(QEMU_POINTER)'

# $(IMAGES)/test.env: what the tests need to know of these images, for
# "tests/run.sh IMAGES-DIR TEST..." (one test by hand, and the suites):
# the image files (relative to the directory: run.sh sets $IMAGES; the
# disk image and ISO when the build made them), the output directory,
# the default profile's of the same ARCH (tests/net/listen.sh,
# tests/devel/oci.sh), and the build's tools: tlexpect, kimage,
# boottrace, the build's SSH key, and a static busybox that runs on the
# host (the host side of the network tests: x86_64's).
TEST_ENV := $(IMAGES)/test.env
DEFAULT_OUT_ARCH = $(call profile_out,default,$(ARCH))
test_env_vars = \
	PROFILE='$(PROFILE)' ARCH='$(ARCH)' OUT='$(OUT)' \
	KERNEL='$$IMAGES/$(ARCH_KIMAGE)' INITRAMFS='$$IMAGES/initramfs-tinyinit.cpio.xz' \
	INITRAMFS_BUSYBOX='$$IMAGES/initramfs-busybox.cpio.xz' \
	DISK='$$IMAGES/disk.img' ISO='$$IMAGES/tinylinux.iso' \
	MEM='$(QEMU_MEM)' DISKS='$(strip $(DISKS))' FIREWALL='$(FIREWALL)' \
	DEFAULT_OUT='$(DEFAULT_OUT_ARCH)' \
	DEFAULT_KERNEL='$(DEFAULT_OUT_ARCH)/images/$(BOARD_KIMAGE)' \
	DEFAULT_INITRAMFS='$(DEFAULT_OUT_ARCH)/images/initramfs-tinyinit.cpio.xz' \
	DEFAULT_INITRAMFS_BUSYBOX='$(DEFAULT_OUT_ARCH)/images/initramfs-busybox.cpio.xz' \
	DEFAULT_MEM='$(shell sed -n 's/^QEMU_MEM[[:space:]]*:*=[[:space:]]*//p' $(TOP)/configs/profiles/default.mk)' \
	KOBJ='$(OUT)/linux' TOP='$(TOP)' BUILD='$(BUILD)' \
	TLEXPECT='$(HOST)/tlexpect' KIMAGE='$(HOST)/kimage' BOOTTRACE='$(HOST)/boottrace' MEMREPORT='$(HOST)/memreport' \
	BOOTTRACE_APPEND='$(BOOTTRACE_APPEND)' \
	BUSYBOX='$(if $(filter x86_64,$(ARCH)),$(BUSYBOX),$(BUILD)/default/busybox/busybox)' \
	BUILD_KEY='$(BUILD)/ssh/id_ed25519'
# (Rewritten only when it changes: DISKS may come from the command line.)
$(TEST_ENV): FORCE
	$(Q)mkdir -p $(@D)
	$(Q){ echo '# The images of this directory, for tests/run.sh (written by mk/launcher.mk).'; \
		for v in $(test_env_vars); do echo "$$v"; done | sed 's/^\([A-Za-z_0-9]*\)=\(.*\)$$/\1="\2"/'; } > $@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

.PHONY: launcher test-env
launcher: $(LAUNCHER) $(TEST_ENV)
test-env: $(TEST_ENV)
$(LAUNCHER): $(TOP)/scripts/run-qemu.sh $(TOP)/mk/launcher.mk $(TOP)/mk/arch.mk \
		$(TOP)/configs/profiles/$(PROFILE).mk
	$(Q)mkdir -p $(@D)
	$(Q)printf '# This image: %s %s (written by mk/launcher.mk).\n' $(PROFILE) $(ARCH) > $@.vars
	$(Q)for v in $(launcher_vars); do echo "$$v"; done | sed "s/^\([A-Za-z_0-9]*\)=\(.*\)$$/\1='\2'/" >> $@.vars
	$(Q)sed -e '/^# @IMAGE@$$/{r $@.vars' -e 'd;}' $< > $@.tmp
	$(Q)rm -f $@.vars && chmod 755 $@.tmp && mv $@.tmp $@

# $(call probe_accel,LAUNCHER): the accelerator ACCEL means for that
# image (auto: KVM if it really works here, else TCG), in a recipe.
probe_accel = ACCEL_CACHE=$(BUILD)/accel $(1) --accel $(ACCEL) --probe
