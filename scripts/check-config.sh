#!/bin/sh
# check-config.sh CONFIG FRAGMENT...
# Fail, naming the symbol, when a value a fragment asks for is not what
# the final .config holds: Kconfig silently drops a symbol whose
# dependencies are not met, or that this source tree does not have.
config=$1
shift
awk -v config="$config" '
	# "# CONFIG_X is not set" and an absent symbol both mean "n".
	function parse(line) {
		if (line ~ /^# CONFIG_[A-Za-z0-9_]+ is not set/) {
			split(line, w, " ")
			sym = w[2]; val = "n"
			return 1
		}
		if (line ~ /^CONFIG_[A-Za-z0-9_]+=/) {
			sym = substr(line, 1, index(line, "=") - 1)
			val = substr(line, index(line, "=") + 1)
			sub(/[ \t]+(#.*)?$/, "", val)
			return 1
		}
		return 0
	}
	FILENAME == config { if (parse($0)) have[sym] = val; next }
	parse($0) {
		got = (sym in have) ? have[sym] : "n"
		if (got != val) {
			printf "error: %s:%d: %s=%s did not survive into the final .config (it is %s there): a dependency is missing or the symbol does not exist; search for it in menuconfig (/)\n", \
				FILENAME, FNR, sym, val, got > "/dev/stderr"
			bad = 1
		}
	}
	END { exit bad }
' "$config" "$@"
