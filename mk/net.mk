# check-net: the networked and secured system (issue 6), tests/net, on
# the architectures of SUITE_net (mk/suites.mk): the server profile's
# images, and the default profile's beside them (listen.sh: nothing may
# listen there).  The tests that need our test network (a network
# namespace) say "SKIP" where namespaces cannot be made.
SERVER_OUT := $(BUILD)/server

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
bench-net: SUITE_net := server x86_64
bench-net: net-images $(KERNEL_IMAGE) $(INITRAMFS_TINYINIT)
	$(Q)mkdir -p $(BENCH)
	$(Q)accel=$$($(call probe_accel,$(SERVER_OUT)/images/run-qemu.sh)) || exit 1; \
	echo "  BENCH    server profile ($$accel, BOOTS=$(BOOTS))"; \
	$(call suite_env,server,x86_64) ACCEL=$$accel MAKE="$(MAKE)" TESTLOGS=$(BENCH) BOOTS=$(BOOTS) $(TOP)/scripts/bench-net.sh | tee $(BENCH)/net.md
	@echo "report: $(BENCH:$(TOP)/%=%)/net.md"
