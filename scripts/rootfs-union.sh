#!/bin/sh
# rootfs-union.sh STAGE LIST PART=FILE...: the root filesystem as the
# union of its parts (mk/rootfs.mk): each FILE is a part's gen_init_cpio
# list fragment (busybox, the init, accounts, settings, modules, the
# overlay, each package...).  LIST is their sorted union:
#   - a path claimed by two parts is an error that names both, unless
#     both say "dir" with the same mode and owner (directories are
#     shared);
#   - a "weak" entry (busybox's applet links) gives way to any other
#     part's entry at its path;
#   - a file or link whose directory no part lists gets that directory,
#     mode 755, as a copy into a directory would;
#   - files are copied to STAGE/PATH with their time set to
#     SOURCE_DATE_EPOCH (gen_init_cpio stores each file's mtime), so the
#     archive is the same whatever the files' times and places on disk.
# Entries are sorted by path: the same parts give the same archive.
set -eu
stage=$1 list=$2
shift 2
epoch=${SOURCE_DATE_EPOCH:?}

for a; do
	f=${a#*=}
	[ -f "$f" ] || { echo "rootfs: part ${a%%=*}: no list $f" >&2; exit 1; }
done

rm -rf "$stage" "$list.tmp"
trap 'rm -f "$list.merged" "$list.tmp"' EXIT
mkdir -p "$stage"
# awk: one line per path, "part<TAB>entry", after the checks above.
for a; do
	awk -v part="${a%%=*}" '!/^[[:space:]]*(#|$)/ { print part "\t" $0 }' "${a#*=}"
done | awk -F '\t' '
	function fail(msg) { print "rootfs: " msg > "/dev/stderr"; bad = 1; exit 1 }
	{
		part = $1; e = $2; n = split(e, w, " ")
		weak = (w[1] == "weak")
		if (weak) { e = substr(e, 6); n = split(e, w, " ") }
		type = w[1]; path = w[2]
		if (type !~ /^(file|dir|slink|nod|pipe|sock)$/)
			fail("part " part ": unknown entry \"" e "\"")
		if (path !~ /^\//) fail("part " part ": path \"" path "\" is not absolute")
		if (weak) { if (!(path in wk)) { wk[path] = e; wkpart[path] = part }; next }
		if (path in ent) {
			if (type == "dir" && ent[path] == e) next
			fail(path " is claimed by part " owner[path] " (" ent[path] ") and part " part " (" e ")")
		}
		ent[path] = e; owner[path] = part; order[++count] = path
	}
	END {
		if (bad) exit 1
		for (p in wk) if (!(p in ent)) { ent[p] = wk[p]; order[++count] = p }
		# The directories of every entry.
		for (i = 1; i <= count; i++) {
			p = order[i]
			while (sub(/\/[^\/]*$/, "", p) && p != "")
				if (!(p in ent)) { ent[p] = "dir " p " 755 0 0"; order[++count] = p }
		}
		for (i = 1; i <= count; i++) print ent[order[i]]
	}' >"$list.merged"

# Files go to the stage, with the fixed time.
while read -r type path src rest; do
	if [ "$type" = file ]; then
		mkdir -p "$stage$(dirname "$path")"
		cp "$src" "$stage$path"
		touch -d "@$epoch" "$stage$path"
		src=$stage$path
	fi
	echo "$type $path $src $rest"
done <"$list.merged" | sort -k2,2 >"$list.tmp"
mv "$list.tmp" "$list"
