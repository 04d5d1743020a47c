#!/bin/sh
# spdx-validate.sh DOC.spdx.json: SPDX's own validator on an SPDX 2.3
# JSON document, pyspdxtools from SPDX's tools-python (Debian's
# python3-spdx-tools, unpacked into $HOSTDEBS by make deps: Debian 12
# has none).  It parses the document into SPDX's model (every field's
# type, license expressions against the SPDX license list) and
# validates it (required fields, identifiers, checksums' lengths, that
# every relationship names an element of the document).  We write no
# validator of our own.
#
# Valid: status 0 and no output.  Not valid: one line naming DOC and
# the first issue found, the whole report in DOC.log, status 1; the
# validator itself broken (a Python traceback): said apart.
set -eu
[ $# -eq 1 ] || { echo "usage: spdx-validate.sh DOC.spdx.json" >&2; exit 2; }
doc=$1
tool=${HOSTDEBS:?HOSTDEBS: where make deps unpacked python3-spdx-tools}/usr/bin/pyspdxtools
[ -f "$tool" ] ||
	{ echo "error: $tool not found: run make deps (it unpacks python3-spdx-tools from Debian forky)" >&2; exit 1; }
log=$doc.log
# Debian's python3 and the host's dist-packages (python3-rdflib...), not
# another python3 earlier in PATH.
if PYTHONPATH=$HOSTDEBS/usr/lib/python3/dist-packages /usr/bin/python3 "$tool" --version SPDX-2.3 -i "$doc" >"$log" 2>&1; then
	rm -f "$log"
	exit 0
fi
if grep -q '^Traceback' "$log"; then
	echo "error: SPDX's pyspdxtools itself failed on $doc: $(tail -n 1 "$log") (all: $log; make deps, or make update-lock if forky moved on)" >&2
	exit 1
fi
first=$(grep -v -e '^ERROR:root:' -e '^[[:space:]]*$' "$log" | head -n 1)
echo "error: $doc is not a valid SPDX 2.3 document (SPDX's pyspdxtools): ${first:-$(tail -n 1 "$log")} (all: $log)" >&2
exit 1
