# A PC with disks (issue 5): the default system, plus the block layer,
# ext4, virtio-blk and IDE/SATA disks, ACPI and EFI (the kernel's EFI
# stub), a console on the screen as well as on the serial port, and
# loadable modules (configs/linux/distro.config; the devel profile has
# the same kernel).  "make disk" and "make iso" build their media from
# this profile.
ARCH_NAME := x86_64
LINUX_FRAGMENTS := base serial net nic small disk ata pc distro
BUSYBOX_FRAGMENTS := base
# What the image holds besides the init of INIT (packages/).
PACKAGES := busybox hello
QEMU_MEM := 128M
# Two data disks (mk/disks.mk), on virtio-blk and on SATA (AHCI),
# mounted by LABEL from /etc/fstab.  (ide disks work too, under SeaBIOS:
# OVMF leaves the PIIX's IDE channels off, docs/disk.md.)
DISKS ?= data:32M logs:16M:sata:/var/log
# The images it ships (make sbom, mk/sbom.mk).
SHIP := initramfs disk iso
