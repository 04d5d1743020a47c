#!/bin/sh
# Accounts: on the serial console (getty + login) a wrong password is
# refused, root cannot log in (locked in the profile: the next thing on
# the console is getty's prompt again, not a shell), and the right
# password logs "tiny" in, with the uid, groups and home of the user
# table.  /etc/shadow is 0600 root.  tiny, in wheel, powers the machine
# off through init's /run/initctl (0620 root:wheel).
. "$(dirname "$0")/../lib.sh"
cat >"$work/script" <<'S'
timeout 120
expect tinylinux login:
timeout 30
send tiny
expect Password:
send not-the-password
expect Login incorrect
expect tinylinux login:
send root
expect Password:
send tinylinux
# A locked hash ("!") is not even tried: login gives up, getty starts over.
expect tinylinux login:
send tiny
expect Password:
send tinylinux
expect ~$
send PS1='TL> '
expect TL> 
send echo "ID=$(id -u):$(id -g):$(id -Gn | tr ' ' ,) HOME=$HOME"
expect ID=1000:1000:tiny,wheel HOME=/home/tiny
send cat /etc/shadow || echo SHADOW-DENIED
expect SHADOW-DENIED
send stat -c 'MODE=%a %U' /etc/shadow /home/tiny
expect MODE=600 root
expect MODE=700 tiny
send exit
expect tinylinux login:
send tiny
expect Password:
send tinylinux
expect ~$
# Root is locked, but tiny is in wheel: /run/initctl takes its poweroff.
send stat -c 'INITCTL=%a %U:%G' /run/initctl
expect INITCTL=620 root:wheel
send poweroff
expect init: poweroff: stopping all processes
exit 0
S
NETDEV=user,id=n0,restrict=on
boot "$work/script" -netdev "$NETDEV" -device virtio-net-pci,netdev=n0
echo "wrong password refused, root refused, tiny logged in (uid 1000, groups tiny,wheel); /etc/shadow 600; poweroff by wheel through /run/initctl"
