# tinylinux: build, boot and test a tiny Linux with TCP/IP (x86_64, and
# ARCH=arm, arm64 or riscv64 under QEMU).
#
#   make run      build everything (installing what is missing) and boot it
#   make check    all tests
#   make help     everything else
#
# All outputs go under $(BUILD); sources are unpacked there once and never
# edited.  Each step prints one line; its full log is in $(BUILD)/logs.

TOP := $(CURDIR)
BUILD ?= $(TOP)/build
# The media targets need a kernel with disks and a screen: "make disk",
# "make iso", their run-* and data-disks with no PROFILE use the "pc"
# profile (the default one has no block layer, to stay small).  Mixed with other goals, PROFILE
# stays the default, so that those goals are not silently changed.
MEDIA_GOALS := disk run-disk iso run-iso data-disks
ifeq ($(origin PROFILE),undefined)
PROFILE := $(if $(MAKECMDGOALS),$(if $(filter-out $(MEDIA_GOALS),$(MAKECMDGOALS)),default,pc),default)
endif
INIT ?= tinyinit
V ?= 0
# Distributed builds: DISTCC_HOSTS="host/N ..." (distcc's own syntax)
# sends the compiles of the kernel and of busybox and the other musl
# programs through Debian's distcc, ccache bypassed; make then runs as
# many jobs as the hosts offer (distcc -j).  docs/distcc.md.
DISTCC_HOSTS ?=
export DISTCC_HOSTS
JOBS ?= $(if $(strip $(DISTCC_HOSTS)),$(shell DISTCC_HOSTS='$(DISTCC_HOSTS)' distcc -j 2>/dev/null || nproc),$(shell nproc 2>/dev/null || echo 2))
LINUX_SRC ?= /usr/src/linux-source-6.1.tar.xz
# Fixed build time: the same inputs give bit-identical images.
SOURCE_DATE_EPOCH ?= 1704067200

ifeq ($(V),1)
Q :=
else
Q := @
endif

export V SOURCE_DATE_EPOCH
# ccache: the user's own cache, shared by every clone and kept by "make
# distclean": CCACHE_DIR when the user sets it, else ccache's default
# (~/.cache/ccache), with ccache's size cap (max_size, 5 GB unless the
# user's ccache.conf says otherwise; "make ccache-stats" shows both).
# base_dir makes the absolute paths under the tree relative, so that a
# clone in another directory hits what an earlier one compiled.  ccache
# still hashes the compiler and every flag: a change there misses.
export CCACHE_BASEDIR ?= $(if $(filter $(TOP)/%,$(abspath $(BUILD))),$(TOP),$(abspath $(BUILD)))
export KBUILD_BUILD_TIMESTAMP := $(shell date -u -d @$(SOURCE_DATE_EPOCH) 2>/dev/null)
export KBUILD_BUILD_USER := tinylinux
export KBUILD_BUILD_HOST := tinylinux
export KBUILD_BUILD_VERSION := 1
export TZ := UTC
export LC_ALL := C

# ---- validate the user's choices before doing anything -------------------
PROFILES := $(sort $(basename $(notdir $(wildcard $(TOP)/configs/profiles/*.mk))))
ifeq ($(filter $(PROFILE),$(PROFILES)),)
$(error unknown PROFILE '$(PROFILE)': choose one of $(PROFILES) (files in configs/profiles/))
endif
include $(TOP)/configs/profiles/$(PROFILE).mk
include $(TOP)/mk/arch.mk

INITS := tinyinit busybox
ifeq ($(filter $(INIT),$(INITS)),)
$(error unknown INIT '$(INIT)': choose tinyinit (our PID 1, in C) or busybox (busybox init + the seed's inittab))
endif
ifneq ($(filter-out 0 1,$(V)),)
$(error V must be 0 or 1, not '$(V)')
endif

# ---- where things go ------------------------------------------------------
LOGS := $(BUILD)/logs
STAMPS ?= $(BUILD)/stamps
DL ?= $(BUILD)/dl
HOST := $(BUILD)/host
IMAGES := $(OUT)/images
# Log names start with the output directory's name (the profile by default).
LOGTAG = $(notdir $(OUT))
LOGRUN := $(TOP)/scripts/logrun.sh
# The object counts of the long steps, by configuration, for their
# progress line on a machine that never built them (scripts/logrun.sh;
# refreshed from this build's logs by make update-counts).
export OBJECT_COUNTS := $(TOP)/configs/object-counts
say = @printf '  %-8s %s\n'

# Every recipe that writes a file writes FILE.tmp and renames it, and make
# deletes the target of a failed recipe.
.DELETE_ON_ERROR:
.SUFFIXES:

# make -j is safe.  One image's build is one make, whose graph orders
# every step.  The tests, benchmarks and make shrink run sub-makes for
# other profiles, INITs and architectures, which share this build
# directory's sources, headers and host tools: their make runs its own
# steps one at a time (.NOTPARALLEL), and each sub-make is parallel
# inside.  The compilers run $(JOBS) jobs anyway (the kernel's, busybox's,
# musl's makes) and the tests boot TEST_JOBS guests at once
# (tests/run.sh).  Kernel builds also take a lock (scripts/kbuild.sh).
ifneq ($(filter check% bench% shrink,$(MAKECMDGOALS)),)
.NOTPARALLEL:
endif

.PHONY: all
all: images

# What the image holds: the packages (packages/*/, mk/package.mk).
include $(TOP)/mk/package.mk

# The rules.  Where a file needs another's variable in a prerequisite
# (expanded as make reads it), it says so with $(call needs,...): make
# stops, naming both, if the files are ever put in the wrong order.
needs = $(foreach v,$(1),$(if $(filter undefined,$(origin $(v))),\
  $(error $(2) uses $(v), which is not set yet: include the file that sets it before $(2) (Makefile))))
include $(TOP)/mk/deps.mk
include $(TOP)/mk/linux.mk
include $(TOP)/mk/launcher.mk
include $(TOP)/mk/disks.mk
include $(TOP)/mk/modules.mk
include $(TOP)/mk/debian.mk
include $(TOP)/mk/sysconf.mk
include $(TOP)/mk/rootfs.mk
include $(TOP)/mk/oci.mk
include $(TOP)/mk/qemu.mk
include $(TOP)/mk/tests.mk
include $(TOP)/mk/kml-check.mk
include $(TOP)/mk/kimage.mk
include $(TOP)/mk/boottrace.mk
include $(TOP)/mk/memreport.mk
include $(TOP)/mk/shrink.mk
include $(TOP)/mk/size.mk
include $(TOP)/mk/bench.mk
include $(TOP)/mk/disk.mk
include $(TOP)/mk/net.mk
include $(TOP)/mk/arch-check.mk
include $(TOP)/mk/devel.mk
include $(TOP)/mk/desktop.mk
include $(TOP)/mk/suites.mk
# Last: the packages' own rules, which may use anything above.
include $(TOP)/mk/package-rules.mk
# After them: the SBOM and legal-info read every package's variables.
include $(TOP)/mk/sbom.mk

# TESTS= names tests of the check-SUITE goals (mk/tests.mk): checked here,
# when every suite has declared its tests, before anything is built.
ifneq ($(strip $(TESTS)),)
ifneq ($(filter check-%,$(MAKECMDGOALS)),)
tl_suites := $(patsubst check-%,%,$(filter check-%,$(MAKECMDGOALS)))
tl_known := $(sort $(basename $(notdir $(foreach s,$(tl_suites),$(SUITE_TESTS_$(s))))))
$(foreach t,$(TESTS),$(if $(filter $(t),$(tl_known)),,\
  $(error unknown test '$(t)' in TESTS= ($(addprefix check-,$(tl_suites)) has: $(or $(tl_known),no tests to choose from)))))
else ifneq ($(filter check,$(MAKECMDGOALS)),)
$(error TESTS= chooses tests of one suite: make check-SUITE TESTS="..." (make check runs them all))
endif
endif

.PHONY: images
images: $(KERNEL_IMAGE) $(INITRAMFS) $(LAUNCHER) $(TEST_ENV)
	$(say) DONE "$(PROFILE)$(if $(CROSS_COMPILE), $(ARCH)): $(ARCH_KIMAGE) $$(stat -c %s $(KERNEL_IMAGE)) + initramfs $$(stat -c %s $(INITRAMFS)) bytes in $(IMAGES:$(TOP)/%=%)"

# make update-counts: the object counts of the kernels and busybox builds
# of this build directory's logs, into configs/object-counts (a line per
# configuration; those of other configurations stay).
.PHONY: update-counts
update-counts:
	$(Q){ cat $(OBJECT_COUNTS) 2>/dev/null; cat $(LOGS)/*-linux.log.objects $(LOGS)/*-busybox.log.objects 2>/dev/null | \
		awk 'NF == 2 && $$1 != "any"'; } | awk '{ n[$$1] = $$2 } END { for (k in n) print k, n[k] }' | \
		LC_ALL=C sort > $(OBJECT_COUNTS).tmp
	$(Q)mv $(OBJECT_COUNTS).tmp $(OBJECT_COUNTS)
	$(say) COUNTS "$$(wc -l < $(OBJECT_COUNTS)) configurations in $(OBJECT_COUNTS:$(TOP)/%=%)"

.PHONY: clean distclean help
clean:
	$(say) CLEAN "$(BUILD) (keeping downloads and unpacked sources)"
	$(Q)rm -rf $(filter-out $(DL) $(BUILD)/src,$(wildcard $(BUILD)/*))

distclean:
	$(say) CLEAN "$(BUILD) (everything but ccache's cache, which is the user's)"
	$(Q)rm -rf $(BUILD)

# ccache's cache: where it is, its cap, what it holds.
.PHONY: ccache-stats
ccache-stats: | $(DEPS_STAMP)
	$(Q)echo "ccache: $$(ccache -k cache_dir), max_size $$(ccache -k max_size), base_dir $(CCACHE_BASEDIR)"
	$(Q)ccache -s

help:
	@echo 'tinylinux: a tiny Linux with TCP/IP (x86_64, arm, arm64, riscv64), built from Debian sources'
	@echo
	@echo 'Main targets:'
	@echo '  run               build what is missing and boot it in QEMU (poweroff to leave)'
	@echo '  check             all tests (unit, boot, network, reproducibility, bad input)'
	@echo '  images            build bzImage and initramfs only (the default), and images/run-qemu.sh'
	@echo '  launcher          only images/run-qemu.sh, the image'"'"'s QEMU launcher (docs/launcher.md)'
	@echo '  bench             measure sizes, boot times, memory, build times'
	@echo
	@echo 'Pieces:'
	@echo '  deps              install missing Debian packages, fetch the sources sources.lock pins'
	@echo '  linux             the kernel (bzImage)        linux-config      only its .config'
	@echo '  linux-menuconfig  edit the kernel config      linux-savefragment  save edits as configs/linux/$$(FRAGMENT).config'
	@echo '  busybox           static busybox (musl)       busybox-menuconfig'
	@echo '  init              our PID 1 (tinyinit)        initramfs'
	@echo '  kimage            the kernel image inspector (build/host/kimage)'
	@echo '  size-report       where vmlinux'"'"'s bytes go, per Kconfig symbol, and what the'
	@echo '                    SIZE_XZ=$(SIZE_XZ) largest weigh in the xz payload (docs/size.md)'
	@echo '  size-diff OLD=DIR compare with another build directory'
	@echo '  boot-trace        boot once with initcall_debug: where the boot time goes (docs/boot.md)'
	@echo '  mem-report        boot once and show where the memory goes (MEM=16M; docs/boot.md)'
	@echo '  shrink            turn options off while the boot tests pass (SHRINK_TRIES=N)'
	@echo '  disk              a bootable disk image (pc profile: FAT boot + ext4 root, BIOS and UEFI)'
	@echo '  run-disk          boot it (FIRMWARE=bios|uefi, QEMU_DISPLAY=none|auto|gtk|vnc=127.0.0.1:1)'
	@echo '  iso               a hybrid ISO (pc profile: kernel + initramfs, BIOS and UEFI, CD or disk)'
	@echo '  run-iso           boot it (ISO_AS=cd|disk, FIRMWARE=bios|uefi)'
	@echo '  data-disks        only the data disks of DISKS="NAME:SIZE[:BUS[:DIR]] ..." (docs/disk.md)'
	@echo '  check-media       disk and ISO boots, data disks, persistence, kill mid-write'
	@echo '  bench-media       media sizes, boot times, KILL_ROUNDS=10 kill tests'
	@echo '  ssh               log in to a running "make PROFILE=server run" (the build'"'"'s key)'
	@echo '  users             only the account files of USERS (passwd, group, shadow, keys)'
	@echo '  check-net         server profile: DHCP/DNS, login, SSH, firewall; nothing listens'
	@echo '  bench-net         server profile: sizes, boot times, SSH login time'
	@echo '  oci               the userland as an OCI image layout (umoci) and rootfs.tar (docker import)'
	@echo '  debian            the Debian packages of DEBIAN_PACKAGES, with dependencies (PROFILE=devel)'
	@echo '  modules           the out-of-tree kernel modules of MODULES (PROFILE=devel)'
	@echo '  check-devel       devel profile: gcc in the guest, modprobe hello, the OCI image in runc'
	@echo '  bench-devel       devel profile: sizes, boot, gcc and module times'
	@echo '  check-desktop     desktop profile (Xorg + Xfce on the pc disk): up, screendump, QMP keys, poweroff'
	@echo '  bench-desktop     desktop profile: disk size, packages, QEMU start to the desktop, memory (BOOTS=3)'
	@echo '  desktop-screenshot  docs/images/desktop.png from check-desktop'"'"'s last screendump'
	@echo '  check-arch        build and boot the default system for arm, arm64 and riscv64'
	@echo '  bench-arch        their sizes, boot times and smallest memory'
	@echo '  bench-kml         Kernel Mode Linux: null system calls and syscall-heavy work, ring 0 vs 3'
	@echo '  kml-trace         Kernel Mode Linux: one getppid traced instruction by instruction (gdb), ring 0 vs 3'
	@echo '  fuzz              fuzz kimage'"'"'s parsers (libFuzzer) for FUZZ_SECONDS=$(FUZZ_SECONDS)'
	@echo '  packages          the packages (packages/NAME/NAME.mk): source, version, license, in this image?'
	@echo '  sbom              an SPDX 2.3 document of each image the profile ships (SHIP): packages, licenses, every file (docs/sbom.md)'
	@echo '  legal-info        legal-info/: the sources as fetched, our patches, license texts, manifest.csv'
	@echo '  check-sbom        the SBOMs read back against the images, legal-info against sources.lock'
	@echo '  rootfs-parts      the parts whose union is the root filesystem, and their sizes'
	@echo '  update-lock       write the sources this build fetched into sources.lock (docs/packages.md)'
	@echo '  update-counts     record the object counts of this build'"'"'s kernels and busybox in configs/object-counts (progress lines)'
	@echo '  sources-drift     the sources that differ from sources.lock'
	@echo '  check-packages    the package mechanism, the lock and the union'
	@echo '  check-style check-unit check-kimage check-size check-fuzz check-config check-packages check-distcc check-errors'
	@echo '  check-SUITE TESTS="NAME..."   only these tests of a suite (make check-net TESTS=ssh)'
	@echo '  check-boot check-parallel check-kml check-media check-net check-devel check-arch check-micro check-desktop check-sbom check-repro'
	@echo '                    the parts of check, in the order it runs them'
	@echo '  clean             remove outputs, keep the sources'
	@echo '  ccache-stats      where the compiler cache is, its size cap, its hits (shared by all clones)'
	@echo '  DISTCC_HOSTS="h/N ..."  compile the kernel and busybox on distcc hosts (docs/distcc.md)'
	@echo '  docs-pictures     redraw docs/architecture.svg from docs/architecture.dot (graphviz)'
	@echo '  distclean         remove $(BUILD) entirely (ccache'"'"'s cache stays: it is the user'"'"'s)'
	@echo
	@echo 'Variables (current value):'
	@echo '  PROFILE=$(PROFILE)   one of: $(PROFILES)'
	@echo '  ARCH=$(ARCH)   one of: $(ARCHES) (outputs in build/ARCH; docs/arch.md)'
	@echo '  INIT=$(INIT)         tinyinit | busybox'
	@echo '  LINUX_SRC=$(LINUX_SRC)   a kernel tarball or source tree'
	@echo '  BUILD=$(BUILD)   output directory'
	@echo '  V=$(V)   1 shows every command and log'
	@echo '  TEST_JOBS=$(TEST_JOBS)   guests booted at once by a test suite (make check: each suite builds first)'
	@echo '  CCACHE_DIR=$(if $(CCACHE_DIR),$(CCACHE_DIR),(unset: ~/.cache/ccache))   the compiler cache, shared by every clone'
	@echo '  KERNEL_CACHE=$(KERNEL_CACHE)   finished kernels, shared by every clone (newest $(KERNEL_CACHE_KEEP); empty: off)'
	@echo '  STEP_CACHE=$(STEP_CACHE)   kernel configurations and headers, busybox, Debian package tarballs (empty: off)'
	@echo '  ACCEL=$(ACCEL)   kvm | tcg | auto (boot-test KVM, else TCG)'
	@echo '  MEM=$(MEM)   guest memory for run'
	@echo '  RESTRICT=$(RESTRICT)   on: the guest of run reaches only the forwarded port'
	@echo '  NET=$(NET)   user (QEMU user mode) | tap (our test network in a namespace, root)'
	@echo '  USERS=$(USERS:$(TOP)/%=%)   the user table (docs/security.md)'
	@echo '  DEBIAN_PACKAGES=$(DEBIAN_PACKAGES)   Debian packages in the root (docs/devel.md)'
	@echo '  MODULES=$(MODULES)   out-of-tree modules (src/modules/NAME or a directory)'
