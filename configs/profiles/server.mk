# The server profile (issue 6): the default system made fit for a real
# network.  eth0 is configured by DHCP (busybox udhcpc) and takes its DNS
# server from it; the console asks for a login (getty + login, accounts
# from configs/users/server.users, root locked); dropbear serves SSH with
# keys only; nftables drops every incoming connection but the ports of
# the packages (dropbear's ssh) and of FIREWALL_ALLOW.  docs/security.md
# lists every choice.
ARCH_NAME := x86_64
LINUX_FRAGMENTS := base serial net nic small disk packet firewall harden
BUSYBOX_FRAGMENTS := base
# What the image holds besides the init of INIT (packages/): dropbear
# brings the sshd service, and port 22 through the firewall; nuttcp
# measures throughput (make bench-net).
PACKAGES := busybox hello dropbear nuttcp
QEMU_MEM := 96M
NET_CONFIG := dhcp
LOGIN := getty
USERS := $(TOP)/configs/users/server.users
FIREWALL := on
# A small persistent disk for the machine's state: SSH host keys live in
# /var/lib/dropbear, made on the first boot and kept.
DISKS ?= state:8M:virtio:/var/lib
