# Shared by the suites that are one script each (tests/packages.sh,
# tests/sbom.sh; sourced).  Each sets t, its scratch directory, first.
pass=0 fail=0
ok() { echo "  PASS     $*"; pass=$((pass + 1)); }
ko() { echo "  FAIL     $*"; fail=$((fail + 1)); }

# expect_error DESCRIPTION PATTERN COMMAND...: COMMAND fails and prints
# a line matching PATTERN.
expect_error() {
	desc=$1 pat=$2
	shift 2
	if "$@" >"$t/out" 2>&1; then
		ko "$desc: succeeded"
	elif ! grep -q -- "$pat" "$t/out"; then
		ko "$desc: no line matching '$pat' in:"
		tail -n 8 "$t/out" | sed 's/^/           /'
	else
		ok "$desc: $(grep -m1 -- "$pat" "$t/out" | cut -c1-110)"
	fi
}

# scratch_tree DIR: a copy of this tree in DIR with one more package,
# greet (one C file, /usr/bin/greet), and a profile "greet" that holds
# it: what tests/packages.sh and tests/sbom.sh add a package to.  The
# package file as written is kept as DIR.greet.mk, for tests that edit
# it.  TOP is the tree to copy.
scratch_tree() {
	mkdir -p "$1"
	(cd "$TOP" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp -p --parents -t "$1") 2>/dev/null ||
		(cd "$TOP" && tar -cf - --exclude=./build --exclude=./.git . | tar -xf - -C "$1")
	mkdir -p "$1/packages/greet" "$1/src/greet"
	printf '#include <stdio.h>\n\nint main(void)\n{\n\tputs("greetings");\n\treturn 0;\n}\n' >"$1/src/greet/greet.c"
	cat >"$1.greet.mk" <<'PKG'
# greet: a test package (tests/scratch.sh).
greet_SOURCE := local:src/greet
greet_VERSION := 1
greet_LICENSE := GPL-2.0-only
greet_TARGET = $(OUT)/greet/greet
greet_FILES = /usr/bin/greet=$(OUT)/greet/greet
define greet_RULES
$(OUT)/greet/greet: $(TOP)/src/greet/greet.c
	$(call musl_prog,$@,$<,greet,-Os)
endef
PKG
	cp "$1.greet.mk" "$1/packages/greet/greet.mk"
	sed 's/^PACKAGES := .*/PACKAGES := busybox hello greet/' "$1/configs/profiles/default.mk" >"$1/configs/profiles/greet.mk"
}
