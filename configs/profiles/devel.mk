# The development system (issue 7, docs/devel.md): the pc profile's
# kernel (with loadable modules), on a disk whose root filesystem is a
# dynamically linked glibc userland with gcc, binutils and the C library
# headers, taken from Debian's own binary packages (dependencies resolved
# by mmdebstrap), busybox for the rest and our init as PID 1.  The
# project's own driver (src/modules/hello) is built against the kernel
# and installed under /lib/modules.
#   make PROFILE=devel run     build the disk and boot it
#   make PROFILE=devel oci     the userland as an OCI image and a tarball
ARCH_NAME := x86_64
# The same fragments as the pc profile: one kernel configuration, and
# one build of it through ccache.
LINUX_FRAGMENTS := base serial net nic small disk ata pc distro
BUSYBOX_FRAGMENTS := base
# What the image holds besides the init of INIT (packages/).
PACKAGES := busybox hello
QEMU_MEM := 256M
# Debian's packages in the root filesystem (mk/debian.mk): apt resolves
# their dependencies; gcc brings binutils and cpp, libc6-dev the headers,
# libc-bin and bash give ldd, kmod gives modprobe and depmod.
DEBIAN_PACKAGES ?= gcc libc6-dev libc-bin bash kmod make
# What the packages' maintainer scripts would have made (mmdebstrap only
# unpacks them): cc, the name make's built-in rules and most build
# scripts call the C compiler by.
ROOTFS_LINKS := /usr/bin/cc=gcc
# Out-of-tree modules (mk/modules.mk): names under src/modules/, or paths.
MODULES ?= hello
# The disk: the root partition holds the Debian packages (about 210 MB).
DISK_ROOT_MB ?= 400
# make run boots the disk image, not a kernel and an initramfs.
RUN_MEDIUM := disk
# The images it ships (make sbom, mk/sbom.mk).
SHIP := disk oci
