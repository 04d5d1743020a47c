#!/bin/sh
# savefragment.sh BASE NEW FRAGMENT
# Write into FRAGMENT every symbol whose value in the .config NEW differs
# from BASE (the .config the fragments produced): the edit made in
# menuconfig, as a fragment merge_config.sh can apply again.
base=$1 new=$2 frag=$3
norm() {
	sed -n -e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set/\1=n/p' \
		-e '/^CONFIG_/p' "$1" | sort
}
norm "$base" >"$frag.base.$$"
norm "$new" >"$frag.new.$$"
{
	echo "# Saved by 'make linux-savefragment' from menuconfig edits."
	[ -f "$frag" ] && grep '^[#C]' "$frag" | grep -v "^# Saved by"
	comm -13 "$frag.base.$$" "$frag.new.$$" |
		sed 's/^\(CONFIG_[A-Za-z0-9_]*\)=n$/# \1 is not set/'
} | awk '!seen[$0]++' >"$frag.tmp.$$"
rm -f "$frag.base.$$" "$frag.new.$$"
n=$(grep -c '^[#C]' "$frag.tmp.$$")
mv "$frag.tmp.$$" "$frag"
echo "wrote $frag ($((n - 1)) symbols)"
