# The graphical desktop (issue 24, docs/desktop.md), the demo smart-os
# planned: the pc profile's kernel plus DRM, the framebuffer console and
# input (configs/linux/desktop.config), on a disk image whose root
# filesystem holds Debian's Xorg and Xfce (unpacked by mmdebstrap, as
# the devel profile's gcc is), busybox and our init.  At boot the
# desktop package's service logs the user "tiny" in on tty1 and runs
# startx; the serial console keeps a root shell and the logs.
#   make PROFILE=desktop run     QEMU's window (gtk), or VNC without one
ARCH_NAME := x86_64
# The pc kernel's fragments, then the desktop's.
LINUX_FRAGMENTS := base serial net nic small disk ata pc distro desktop
BUSYBOX_FRAGMENTS := base
# What the image holds besides the init of INIT (packages/): xdesktop is
# our glue (packages/xdesktop): the X server's settings, the session,
# the autologin service.
PACKAGES := busybox xdesktop
USERS := $(TOP)/configs/users/desktop.users
QEMU_MEM := 512M
# Xfce's parts: the session, the window manager, the panel, the desktop
# (background, icons) and the settings daemon (keyboard shortcuts,
# xfsettingsd), a terminal, a file manager and a text editor.  The X
# server: Debian's Xorg with its setuid wrapper (xserver-xorg-legacy:
# the server runs as root, the session as the user), the fbdev driver
# (draws on the DRM driver's /dev/fb0) and evdev for input; xinit gives
# startx.  dbus-x11 gives the session its message bus (xfconf, the
# settings store, is started through it); DejaVu is the only font.
# librsvg2-common reads SVG icons (GTK's symbolic icons), libglib2.0-bin
# compiles GSettings schemas (src/xdesktop/triggers.sh runs it).
# util-linux gives startx its mcookie (the X authority cookie): Debian
# marks util-linux Essential, so nothing declares it, and mmdebstrap's
# extract variant takes only what is declared.
DEBIAN_PACKAGES ?= util-linux librsvg2-common libglib2.0-bin xserver-xorg-core xserver-xorg-legacy xserver-xorg-video-fbdev \
	xserver-xorg-input-evdev xinit xfce4-session xfwm4 xfce4-panel xfdesktop4 \
	xfce4-settings thunar xfce4-terminal mousepad dbus-x11 dbus-daemon fonts-dejavu-core
# Left out of the unpacked packages: Mesa's OpenGL drivers and the LLVM
# they are built with (166 MB of the tarball), which xserver-xorg-core's
# dependencies bring; the fbdev driver draws without OpenGL.
# util-linux's su is left out too: it asks PAM, which nothing here
# configures; busybox's su logs the desktop's user in.
DEBIAN_EXCLUDE := /usr/lib/x86_64-linux-gnu/dri/* /usr/lib/x86_64-linux-gnu/libLLVM* \
	/usr/lib/x86_64-linux-gnu/libz3.so* /bin/su
# What the packages' triggers would have made (dpkg runs them after
# unpacking; mmdebstrap's extract variant does not): GSettings schemas,
# gdk-pixbuf's loader cache, the MIME database, icon caches.
DEBIAN_HOOK := $(TOP)/src/xdesktop/triggers.sh
# What the packages' maintainer scripts would have made (mmdebstrap only
# unpacks them): Debian's alternatives for the session, the window
# manager and the terminal (Ctrl-Alt-T runs x-terminal-emulator, through
# exo's helpers.rc).
ROOTFS_LINKS := /usr/bin/x-session-manager=xfce4-session /usr/bin/x-window-manager=xfwm4 \
	/usr/bin/x-terminal-emulator=xfce4-terminal.wrapper
# The disk: the root partition holds the Debian packages.
DISK_ROOT_MB ?= 900
# make run boots the disk image, with QEMU's window (the launcher's
# --display auto: gtk when there is a display, else VNC on 127.0.0.1).
RUN_MEDIUM := disk
QEMU_DISPLAY ?= auto
# An absolute pointer (a USB tablet on xHCI): the guest's pointer is
# where the host's mouse is, without grabbing it.
QEMU_POINTER := usb-tablet
# The images it ships (make sbom, mk/sbom.mk).
SHIP := disk
# What Xorg needs of the kernel, checked before the disk is made
# (mk/disk.mk): a kernel without it is refused, naming the symbol.
KERNEL_NEEDS := DRM DRM_FBDEV_EMULATION INPUT_EVDEV
