#!/bin/sh
# SSH: OpenSSH's client on the host logs in to the server profile's
# dropbear through a forwarded 127.0.0.1 port with the build's key and
# runs a command; a password login and a root login are refused.  The
# host key is made on the first boot and kept on the state disk: the same
# key after a reboot, another key for another machine (a fresh disk).
. "$(dirname "$0")/../lib.sh"
ssh_opts="-i $BUILD_KEY -o BatchMode=yes -o StrictHostKeyChecking=no \
	-o UserKnownHostsFile=$work/known_hosts -o ConnectTimeout=20 -o LogLevel=ERROR"
: >"$work/known_hosts"

# boot_ssh DISKDIR: boot with the state disk of DISKDIR, log in over SSH,
# keep the host key's fingerprint in DISKDIR/fingerprint.
boot_ssh() {
	dir=$1
	mkdir -p "$dir"
	"$TOP/scripts/disks.sh" images "$DISKS" "$dir" >/dev/null
	port=$($TLEXPECT --free-port)
	cat >"$work/script" <<S
timeout 120
expect sshd: listening on port 22
expect tinylinux login:
run ssh $ssh_opts -p $port tiny@127.0.0.1 'echo "SSH-OK uid=\$(id -u) host=\$(hostname)"' > $work/ssh.out 2>&1
run grep -q 'SSH-OK uid=1000 host=tinylinux' $work/ssh.out
run ! ssh $ssh_opts -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive -p $port tiny@127.0.0.1 true > $work/pw.out 2>&1
run grep -q 'Permission denied' $work/pw.out
run ! ssh $ssh_opts -p $port root@127.0.0.1 true > $work/root.out 2>&1
run ssh-keyscan -t ed25519 -p $port 127.0.0.1 2>/dev/null | ssh-keygen -lf - | awk '{ print \$2 }' > $dir/fingerprint
run test -s $dir/fingerprint
S
	login_steps tiny tinylinux | sed 1,2d >>"$work/script"
	# A clean poweroff (tiny is in wheel: /run/initctl), so that the host
	# key is surely on the state disk for the next boot.
	printf '%s\n' 'send poweroff' 'exit 0' >>"$work/script"
	boot "$work/script" \
		--netdev "restrict=on,hostfwd=tcp:127.0.0.1:$port-:22" \
		$("$TOP/scripts/disks.sh" args "$DISKS" "$dir")
}

boot_ssh "$work/a"
first=$(cat "$work/a/fingerprint")
boot_ssh "$work/a"
again=$(cat "$work/a/fingerprint")
boot_ssh "$work/b"
other=$(cat "$work/b/fingerprint")
echo "host keys: first boot $first, reboot $again, other machine $other"
[ "$first" = "$again" ] || { echo "FAIL: the host key changed across a reboot"; exit 1; }
[ "$first" != "$other" ] || { echo "FAIL: two machines share a host key"; exit 1; }
grep -q 'sshd: new host key' "$work/serial.log"
echo "key login ran a command; password and root logins refused"
