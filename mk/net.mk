# check-net: the networked and secured system (issue 6), tests/net.
# The server profile's images are built into $(BUILD)/server by a
# sub-make whatever PROFILE is; "listen" boots this profile's images
# (the default one under make check: nothing may listen there).  The
# tests that need our test network (a network namespace) say "SKIP"
# where namespaces cannot be made.
SERVER_OUT := $(BUILD)/server
SUITE_TESTS_net := $(sort $(wildcard $(TOP)/tests/net/*.sh))
SERVER_MEM := $(shell sed -n 's/^QEMU_MEM[[:space:]]*:*=[[:space:]]*//p' $(TOP)/configs/profiles/server.mk)
SERVER_DISKS := $(shell sed -n 's/^DISKS[[:space:]]*?*=[[:space:]]*//p' $(TOP)/configs/profiles/server.mk)

net_env = KERNEL=$(SERVER_OUT)/images/bzImage INITRAMFS=$(SERVER_OUT)/images/initramfs-tinyinit.cpio.xz \
	MEM=$(SERVER_MEM) DISKS="$(SERVER_DISKS)" BUSYBOX=$(SERVER_OUT)/busybox/busybox \
	DEFAULT_KERNEL=$(KERNEL_IMAGE) DEFAULT_INITRAMFS=$(INITRAMFS_TINYINIT) \
	DEFAULT_INITRAMFS_BUSYBOX=$(INITRAMFS_BUSYBOX) DEFAULT_MEM=$(MEM) \
	BUILD_KEY=$(BUILD_KEY) SERVER_OUT=$(SERVER_OUT) MAKE="$(MAKE)" TLEXPECT=$(TLEXPECT) \
	ACCEL=$$accel TOP=$(TOP)

.PHONY: check-net server-images ssh
server-images: $(TLEXPECT)
	$(Q)$(MAKE) --no-print-directory PROFILE=server OUT=$(SERVER_OUT) images

check-net: server-images $(KERNEL_IMAGE) $(INITRAMFS_TINYINIT) $(INITRAMFS_BUSYBOX)
	$(Q)accel=$$($(call probe_accel,$(SERVER_OUT)/images/run-qemu.sh)) || exit 1; \
	echo "  TEST     networked system ($$accel, logs in $(TESTLOGS:$(TOP)/%=%)/net)"; \
	$(net_env) TESTLOGS=$(TESTLOGS)/net \
	$(TOP)/tests/run.sh check-net $(call pick_tests,$(SUITE_TESTS_net))

# make ssh: log in to a running "make PROFILE=server run" through its
# forwarded port, with the build's key.  The host key changes whenever
# the state disk is new, so it is not remembered (this is a local VM).
SSH_USER ?= tiny
ssh:
	$(Q)exec ssh -i $(BUILD_KEY) -p $(SSH_PORT) -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR $(SSH_USER)@127.0.0.1

# make bench-net: sizes, boot times and SSH login time of the server
# profile (docs/benchmarks.md).
.PHONY: bench-net
bench-net: server-images $(KERNEL_IMAGE) $(INITRAMFS_TINYINIT)
	$(Q)mkdir -p $(BENCH)
	$(Q)accel=$$($(call probe_accel,$(SERVER_OUT)/images/run-qemu.sh)) || exit 1; \
	echo "  BENCH    server profile ($$accel, BOOTS=$(BOOTS))"; \
	$(net_env) TESTLOGS=$(BENCH) BOOTS=$(BOOTS) $(TOP)/scripts/bench-net.sh | tee $(BENCH)/net.md
	@echo "report: $(BENCH:$(TOP)/%=%)/net.md"
