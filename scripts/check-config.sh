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
	# As in merge_config.sh, a later fragment overrides an earlier one.
	parse($0) { want[sym] = val; where[sym] = FILENAME ":" FNR }
	END {
		for (sym in want) {
			got = (sym in have) ? have[sym] : "n"
			if (got == want[sym])
				continue
			printf "error: %s: %s=%s did not survive into the final .config (it is %s there): a dependency is missing or the symbol does not exist; search for it in menuconfig (/)\n", \
				where[sym], sym, want[sym], got > "/dev/stderr"
			bad = 1
		}
		exit bad
	}
' "$config" "$@"
