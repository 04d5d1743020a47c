# Suites that boot a profile's images on one or more architectures, one
# line each:
#   SUITE_<name> := PROFILE ARCH...
#   SUITE_<name>_ALSO := PROFILE...   other profiles' images the tests read
#   SUITE_<name>_VARS_<arch> := V=X   make variables for that ARCH's build
# Their tests are tests/<name>/*.sh.  make check-<name> builds the images
# (a sub-make per profile and ARCH, into mk/arch.mk's output directories),
# then runs tests/run.sh on each images directory: its test.env
# (mk/launcher.mk) tells the tests what the images are.  A user runs one
# of them by hand the same way:
#   tests/run.sh build/server-arm64/images tests/net/ssh.sh
#   make check-net TESTS=ssh
# make <name>-images builds them only.
SUITE_net := server x86_64 arm64 riscv64
SUITE_net_ALSO := default
# bookworm has no riscv64 port, so no nft for its firewall (mk/arch.mk
# refuses FIREWALL=on there): the rest of the server, and firewall.sh
# says SKIP.
SUITE_net_VARS_riscv64 := FIREWALL=off
SUITE_arch := default arm arm64 riscv64
IMAGE_SUITES := net arch

$(call needs,TLEXPECT KIMAGE BOOTTRACE,mk/suites.mk)
# $(call profile_out,PROFILE,ARCH): where that sub-make puts its outputs.
profile_out = $(BUILD)/$(1)$(if $(filter x86_64,$(2)),,-$(2))
suite_profile = $(firstword $(SUITE_$(1)))
suite_arches = $(wordlist 2,$(words $(SUITE_$(1))),$(SUITE_$(1)))

# $(call suite_run,SUITE,PROFILE,ARCH): a recipe line.
suite_run = accel=$$($(call probe_accel,$(call profile_out,$(2),$(3))/images/run-qemu.sh)) || exit 1; \
	echo "  TEST     $(1): $(2) on $(3) ($$accel, logs in $(TESTLOGS:$(TOP)/%=%)/$(1)-$(3))"; \
	ACCEL=$$accel MAKE="$(MAKE)" TESTLOGS=$(TESTLOGS)/$(1)-$(3) SUITE_NAME="check-$(1) ($(3))" \
	$(TOP)/tests/run.sh $(call profile_out,$(2),$(3))/images $(call pick_tests,$(SUITE_TESTS_$(1))) || exit 1;

define image_suite
SUITE_TESTS_$(1) := $$(sort $$(wildcard $$(TOP)/tests/$(1)/*.sh))
$$(foreach a,$$(call suite_arches,$(1)),$$(if $$(filter $$(a),$$(ARCHES)),,$$(error mk/suites.mk: SUITE_$(1) names unknown ARCH '$$(a)')))
.PHONY: check-$(1) $(1)-images
$(1)-images: $$(TLEXPECT) $$(BUSYBOX) $$(KIMAGE) $$(BOOTTRACE)
	$$(Q)$$(foreach a,$$(call suite_arches,$(1)),$$(foreach p,$$(call suite_profile,$(1)) $$(SUITE_$(1)_ALSO),\
		$$(MAKE) --no-print-directory PROFILE=$$(p) ARCH=$$(a) OUT=$$(call profile_out,$$(p),$$(a)) $$(SUITE_$(1)_VARS_$$(a)) test-images || exit 1;))
check-$(1): $(1)-images
	$$(Q)[ "$$(ARCH)" = x86_64 ] || { echo "error: run check-$(1) without ARCH= (SUITE_$(1) in mk/suites.mk names the architectures)" >&2; exit 1; }
	$$(Q)$$(foreach a,$$(call suite_arches,$(1)),$$(call suite_run,$(1),$$(call suite_profile,$(1)),$$(a)))
endef
$(foreach s,$(IMAGE_SUITES),$(eval $(call image_suite,$(s))))
