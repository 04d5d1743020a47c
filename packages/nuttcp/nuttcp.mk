# nuttcp: TCP and UDP throughput, from Debian's source package, built
# statically against musl: one C file, one binary, /usr/bin/nuttcp, in
# the server image.  make bench-net runs it against Debian's nuttcp on
# the host; docs/packages.md walks through this file as the example of a
# package.
#
# (The issue asked for iperf3.  Debian's mirror, the only one this
# project may use, answers 404 for iperf3_3.12.orig.tar.gz, while its
# .dsc and debian tarball are there: iperf3 cannot be built from source
# here.  nuttcp measures the same two directions, in C, with no
# library.)
nuttcp_SOURCE := debian
nuttcp_LICENSE := GPL-2.0-only
nuttcp_LICENSE_FILES := LICENSE debian/copyright
nuttcp_DEPENDS := musl
nuttcp_TARGET = $(NUTTCP)
nuttcp_FILES = /usr/bin/nuttcp=$(NUTTCP)
# The host's side of the measurements (check-net, bench-net).
nuttcp_HOST_DEPS := nuttcp

NUTTCP = $(OUT)/nuttcp/nuttcp

define nuttcp_RULES
.PHONY: nuttcp
nuttcp: $(NUTTCP)
# Its Makefile is one compiler call: made here, so the object lands out
# of the tree.
$(NUTTCP): $(nuttcp_TREE_STAMP) $(MUSL_GCC_DEP) $(TOP)/packages/nuttcp/nuttcp.mk
	$(say) NUTTCP "$(PROFILE)$(if $(CROSS_COMPILE), $(ARCH)): static, musl (log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-nuttcp.log)"
	$(Q)mkdir -p $(@D)
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-nuttcp.log $(MUSL_CCACHE) $(MUSL_GCC) -Os -static -s \
		-o $@.tmp $(nuttcp_TREE)/nuttcp.c
	$(Q)mv $@.tmp $@
	$(say) SIZE "nuttcp: $$(stat -c %s $@) bytes"
endef
