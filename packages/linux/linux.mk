# linux: the kernel, from the tarball of Debian's linux-source-6.1
# package (/usr/src/linux-source-6.1.tar.xz, pinned in sources.lock), or
# from LINUX_SRC, a tarball or a tree of the user's (not locked).  Our
# changes are the patches of patches/linux/, applied in order.  How it
# is configured and built: mk/linux.mk; what each change is:
# docs/kml.md, docs/boot.md.
linux_SOURCE := linux
linux_LICENSE := GPL-2.0-only WITH Linux-syscall-note
linux_LICENSE_FILES := COPYING LICENSES/preferred/GPL-2.0 LICENSES/exceptions/Linux-syscall-note
linux_CPE := linux:linux_kernel
# Its declared licenses and copyright: Debian's linux-source package's
# (the tarball has no debian/ directory of its own).
linux_COPYRIGHT = /usr/share/doc/$(LINUX_PACKAGE)/copyright
LINUX_PATCH_DIR ?= $(TOP)/patches/linux
linux_PATCHES := $(sort $(wildcard $(LINUX_PATCH_DIR)/*.patch))
linux_TARGET = $(KERNEL_IMAGE)
# The Debian package that ships the default tarball.
LINUX_PACKAGE := linux-source-6.1
linux_HOST_DEPS := $(LINUX_PACKAGE)
