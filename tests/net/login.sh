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
check echo "$(id -u):$(id -g):$(id -Gn | tr ' ' ,) $HOME"
output 1000:1000:tiny,wheel /home/tiny
fails cat /etc/shadow
check stat -c '%a %U' /etc/shadow /home/tiny
output 600 root
output 700 tiny
send exit
expect tinylinux login:
send tiny
expect Password:
send tinylinux
expect ~$
# Root is locked, but tiny is in wheel: /run/initctl takes its poweroff.
check stat -c '%a %U:%G' /run/initctl
output 620 root:wheel
send poweroff
expect init: poweroff: stopping all processes
exit 0
S
boot "$work/script" --netdev restrict=on
echo "wrong password refused, root refused, tiny logged in (uid 1000, groups tiny,wheel); /etc/shadow 600; poweroff by wheel through /run/initctl"
