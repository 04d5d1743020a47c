#!/bin/sh
# ip= and hostname= on the kernel command line override /etc.
APPEND="ip=10.0.2.16::10.0.2.2:255.255.255.0:othername:eth0:off"
. "$(dirname "$0")/../lib.sh"
cat >"$work/script" <<'S'
timeout 120
expect init: network: eth0 10.0.2.16/24 via 10.0.2.2
expect init: userspace up at
timeout 30
check hostname
output othername
S
boot "$work/script" --netdev restrict=on
