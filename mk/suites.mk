# Suites that boot a profile's images on one or more architectures, one
# block each:
#   SUITE_<name> := PROFILE ARCH...
#   SUITE_<name>_GOALS := ...          what the sub-make builds (default
#                                      test-images: the images, both
#                                      initramfs, test.env)
#   SUITE_<name>_ALSO := PROFILE...    other profiles' images the tests
#                                      read (their SUITE_<name>_ALSO_GOALS)
#   SUITE_<name>_VARS_<arch> := V=X    make variables for that ARCH's build
#   SUITE_<name>_RUNS := V=X V=Y       run the tests once per setting
#   SUITE_<name>_SHARED := DIR/T.sh    other suites' tests it runs too
# Their tests are tests/<name>/*.sh (and the SHARED ones).  make check-<name> builds the images
# (a sub-make per profile and ARCH, into mk/arch.mk's output directories),
# then runs tests/run.sh on each images directory: its test.env
# (mk/launcher.mk) tells the tests what the images are.  A user runs one
# of them by hand the same way:
#   tests/run.sh build/server-arm64/images tests/net/ssh.sh
#   make check-net TESTS=ssh
# make <name>-images builds them only.  (check-boot runs on this make's
# own images, check-kml boots the kml kernel with two profiles' images:
# mk/tests.mk, mk/kml-check.mk.)
SUITE_net := server x86_64 arm64 riscv64
SUITE_net_ALSO := default
# bookworm has no riscv64 port, so no nft for its firewall (mk/arch.mk
# refuses FIREWALL=on there): the rest of the server, and firewall.sh
# says SKIP.
SUITE_net_VARS_riscv64 := FIREWALL=off

SUITE_arch := default arm arm64 riscv64

# The pc profile's disk image, its data disks and the hybrid ISO, under
# SeaBIOS and under OVMF.
SUITE_media := pc x86_64
SUITE_media_GOALS := disk data-disks iso
SUITE_media_RUNS := FIRMWARE=bios FIRMWARE=uefi

# The devel profile's disk and OCI image, and the default profile's OCI
# image beside it.
SUITE_devel := devel x86_64
SUITE_devel_GOALS := disk oci
SUITE_devel_ALSO := default
SUITE_devel_ALSO_GOALS := oci

# The micro profile on QEMU's microvm: the default system's checks
# (shell, a download and httpd both ways, poweroff, the hello system
# call) on a kernel without PCI booted through PVH, and its own.
SUITE_micro := micro x86_64
SUITE_micro_SHARED := arch/boot-net.sh boot/poweroff.sh boot/hello-syscall.sh

# The desktop profile's disk (Xorg and Xfce), booted headless: QMP's
# screendump and keys stand in for the screen and the keyboard.
SUITE_desktop := desktop x86_64
SUITE_desktop_GOALS := disk

# make check runs them in this order (mk/tests.mk, CHECK_SUITES).
IMAGE_SUITES := media net devel arch micro desktop

$(call needs,TLEXPECT KIMAGE BOOTTRACE,mk/suites.mk)
suite_profile = $(firstword $(SUITE_$(1)))
suite_arches = $(wordlist 2,$(words $(SUITE_$(1))),$(SUITE_$(1)))

# $(call suite_run,SUITE,PROFILE,ARCH,RUN): a recipe line (RUN: one
# setting of SUITE_<name>_RUNS, or empty).
suite_tag = $(3)$(if $(4),-$(lastword $(subst =, ,$(4))))
suite_run = accel=$$($(call probe_accel,$(call profile_out,$(2),$(3))/images/run-qemu.sh)) || exit 1; \
	echo "  TEST     $(1): $(2) on $(3)$(if $(4), $(4)) ($$accel, logs in $(TESTLOGS:$(TOP)/%=%)/$(1)-$(call suite_tag,$(1),$(2),$(3),$(4)))"; \
	$(4) ACCEL=$$accel MAKE="$(MAKE)" TESTLOGS=$(TESTLOGS)/$(1)-$(call suite_tag,$(1),$(2),$(3),$(4)) \
	SUITE_NAME="check-$(1) ($(3)$(if $(4), $(4)))" \
	$(TOP)/tests/run.sh $(call profile_out,$(2),$(3))/images $(call pick_tests,$(SUITE_TESTS_$(1))) || exit 1;

# $(call suite_env,PROFILE,ARCH): the test.env of those images, for a
# benchmark's recipe (bench-net, bench-media, bench-devel).
suite_env = IMAGES=$(call profile_out,$(1),$(2))/images && set -a && . $$IMAGES/test.env && set +a &&

define image_suite
SUITE_TESTS_$(1) := $$(sort $$(wildcard $$(TOP)/tests/$(1)/*.sh)) $$(addprefix $$(TOP)/tests/,$$(SUITE_$(1)_SHARED))
$$(foreach t,$$(SUITE_$(1)_SHARED),$$(if $$(wildcard $$(TOP)/tests/$$(t)),,$$(error mk/suites.mk: SUITE_$(1)_SHARED names tests/$$(t), which does not exist)))
$$(foreach a,$$(call suite_arches,$(1)),$$(if $$(filter $$(a),$$(ARCHES)),,$$(error mk/suites.mk: SUITE_$(1) names unknown ARCH '$$(a)')))
.PHONY: check-$(1) $(1)-images
$(1)-images: $$(TLEXPECT) $$(BUSYBOX) $$(KIMAGE) $$(BOOTTRACE)
	$$(Q)$$(foreach a,$$(call suite_arches,$(1)),\
		$$(MAKE) --no-print-directory PROFILE=$$(call suite_profile,$(1)) ARCH=$$(a) \
			OUT=$$(call profile_out,$$(call suite_profile,$(1)),$$(a)) $$(SUITE_$(1)_VARS_$$(a)) \
			$$(or $$(SUITE_$(1)_GOALS),test-images) test-env || exit 1; \
		$$(foreach p,$$(SUITE_$(1)_ALSO),\
		$$(MAKE) --no-print-directory PROFILE=$$(p) ARCH=$$(a) OUT=$$(call profile_out,$$(p),$$(a)) \
			$$(SUITE_$(1)_VARS_$$(a)) test-images $$(SUITE_$(1)_ALSO_GOALS) || exit 1;))
check-$(1): $(1)-images
	$$(Q)[ "$$(ARCH)" = x86_64 ] || { echo "error: run check-$(1) without ARCH= (SUITE_$(1) in mk/suites.mk names the architectures)" >&2; exit 1; }
	$$(Q)$$(foreach a,$$(call suite_arches,$(1)),$$(foreach r,$$(or $$(SUITE_$(1)_RUNS),-),\
		$$(call suite_run,$(1),$$(call suite_profile,$(1)),$$(a),$$(filter-out -,$$(r)))))
endef
$(foreach s,$(IMAGE_SUITES),$(eval $(call image_suite,$(s))))
