# xdesktop: our glue between Debian's Xorg and Xfce (the desktop
# profile's DEBIAN_PACKAGES, unpacked without their maintainer scripts)
# and a system without udev, logind or a display manager: what those
# scripts and daemons would have written, and the autologin.
#   /etc/X11/Xwrapper.config    startx from the console starts Xorg as
#                               root (xserver-xorg-legacy's setuid
#                               wrapper), the session stays the user's
#   /etc/X11/xorg.conf.d/10-tinylinux.conf   the fbdev driver on the
#                               DRM driver's /dev/fb0, no hot-plugging
#                               (no udev): the service lists the input
#                               devices at boot
#   /etc/xdg/xfce4/xfconf/.../xfce4-desktop.xml   a plain backdrop
#   /etc/init.d/desktop         the service: input devices, machine-id,
#                               then user "tiny" logged in on tty1,
#                               startx, Xfce
# Debian's own files are not edited: ours sit beside them.
xdesktop_SOURCE := local:src/xdesktop
xdesktop_VERSION := 1
xdesktop_LICENSE := GPL-2.0-only
xdesktop_LICENSE_FILES := COPYING
xdesktop_FILES = /etc/X11/Xwrapper.config=$(TOP)/src/xdesktop/Xwrapper.config=644 \
	/etc/X11/xorg.conf.d/10-tinylinux.conf=$(TOP)/src/xdesktop/xorg.conf=644 \
	/usr/libexec/tinylinux/xsession=$(TOP)/src/xdesktop/xsession=755 \
	/etc/xdg/xfce4/xfconf/xfce-perchannel-xml/xfce4-desktop.xml=$(TOP)/src/xdesktop/xfce4-desktop.xml=644
xdesktop_SERVICES := desktop
