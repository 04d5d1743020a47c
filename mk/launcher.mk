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
	CONSOLE='$(ARCH_CONSOLE)' MEM='$(QEMU_MEM)' \
	NIC='$(firstword $(NICS_$(ARCH)))' NICS='$(NICS_$(ARCH))' \
	$(foreach n,$(NICS_$(ARCH)),NIC_$(n)='$(NIC_$(n))') NIC_DEVICE='$(NICARG_$(ARCH))' \
	PC='$(PC_$(ARCH))' KVM='$(KVM_$(ARCH))' \
	OVMF_CODE='$(OVMF_CODE)' OVMF_VARS='$(OVMF_VARS)'

.PHONY: launcher
launcher: $(LAUNCHER)
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
