# Booting the images in QEMU: make run calls the image's launcher,
# $(IMAGES)/run-qemu.sh (mk/launcher.mk), with the choices below.
#
# ACCEL=auto probes KVM by booting our kernel under it (the launcher's
# --probe), and falls back to TCG.  Networking is QEMU's user mode
# (slirp): the guest is 10.0.2.15, the host is reachable as 10.0.2.2,
# and PORT on 127.0.0.1 is forwarded to the guest's port 80 (and each
# package's NAME_HOSTFWD, dropbear's SSH).  The guest's poweroff ends
# QEMU with status 0.
ACCEL ?= auto
ifeq ($(filter auto kvm tcg,$(ACCEL)),)
$(error ACCEL must be auto, kvm or tcg, not '$(ACCEL)')
endif
MEM ?= $(QEMU_MEM)
NIC ?= virtio
PORT ?= 8080
APPEND ?=
# RESTRICT=on cuts the guest off from everything but the forwarded port
# (the tests use it: their guests talk only to their own servers).
RESTRICT ?= off
ifeq ($(filter on off,$(RESTRICT)),)
$(error RESTRICT must be on or off, not '$(RESTRICT)')
endif
# NET=tap: the guest on our test network instead (scripts/testnet.sh: a
# namespace with a bridge, dnsmasq for DHCP and DNS of test.lan, and a web
# server at www.test.lan); root needed, nothing outside the namespace is
# touched.  Use it with a profile that asks for DHCP (PROFILE=server).
NET ?= user
ifeq ($(filter user tap,$(NET)),)
$(error NET must be user (QEMU's user mode) or tap (our test network, root needed), not '$(NET)')
endif
TESTNET_NS := tinylinux
TESTNET_DIR := $(BUILD)/testnet

ifeq ($(filter virtio e1000,$(NIC)),)
$(error unknown NIC '$(NIC)': choose virtio or e1000)
endif

# The host's side of the test network (its web server) is busybox built
# for the host: this profile's own on x86_64, the default profile's
# x86_64 one for another ARCH (made by a sub-make when missing).
HOST_BUSYBOX = $(if $(filter x86_64,$(ARCH)),$(BUSYBOX),$(BUILD)/default/busybox/busybox)
ifneq ($(ARCH),x86_64)
$(BUILD)/default/busybox/busybox:
	$(Q)$(MAKE) --no-print-directory PROFILE=default ARCH=x86_64 OUT=$(BUILD)/default $@
endif

# The guest's network for make run and make run-disk: user mode, PORT on
# the host's 127.0.0.1 forwarded to the guest's port 80.
ifeq ($(NET),tap)
qemu_net = --net tap --nic $(NIC)
qemu_wrap = env BUSYBOX=$(HOST_BUSYBOX) $(TOP)/scripts/testnet.sh run $(TESTNET_NS) $(TESTNET_DIR)
qemu_where = test network (namespace $(TESTNET_NS): DHCP, DNS test.lan, http://www.test.lan/ serves $(TESTNET_DIR:$(TOP)/%=%)/www)
else
qemu_net = --netdev restrict=$(RESTRICT) --fwd $(PORT):80 $(foreach f,$(PACKAGE_HOSTFWD),--fwd $(f)) --nic $(NIC)
qemu_wrap =
qemu_where = 127.0.0.1:$(PORT) -> guest port 80$(foreach f,$(PACKAGE_HOSTFWD),$(comma) 127.0.0.1:$(subst :, -> ,$(f)))$(if $(filter dropbear,$(PACKAGES)), (make ssh))
endif
SSH_PORT ?= 2222
# The PC's pointer besides the PS/2 mouse: usb-tablet (the desktop
# profile's) adds QEMU's USB tablet on an xHCI controller, an absolute
# pointer (the launcher's POINTER).
QEMU_POINTER ?=

.PHONY: run
# A profile whose system lives on a disk (the devel profile: RUN_MEDIUM
# := disk) boots its disk image; the others boot kernel + initramfs.
RUN_MEDIUM ?= initramfs
ifeq ($(RUN_MEDIUM),disk)
run: run-disk
else
run: $(KERNEL_IMAGE) $(INITRAMFS) $(LAUNCHER) $(if $(filter tap,$(NET)),$(HOST_BUSYBOX))
	$(Q)accel=$$($(call probe_accel,$(LAUNCHER))) || exit 1; \
	$(disks_prepare) \
	echo "  QEMU     $(PROFILE), $(ARCH), INIT=$(INIT), $$accel, -m $(MEM), NIC=$(if $(NICARG_$(ARCH)),the board's,$(NIC)); $(qemu_where)"; \
	echo "           $(LAUNCHER:$(TOP)/%=%) boots it; 'poweroff' in the guest (as root) ends QEMU; Ctrl-A X kills it."; \
	exec $(qemu_wrap) $(LAUNCHER) --accel $$accel -m $(MEM) --initrd $(INITRAMFS) \
		$(if $(APPEND),--append "$(APPEND)") $(qemu_net) $$disks
endif
