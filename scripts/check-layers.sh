#!/bin/sh
# The layer rules of docs/STYLE.md, checked (run by ctest as lint.layers):
# which folder may include what, banned functions, durability settings,
# and rupiah never in floating point. Prints every violation; exit 1 if any.
set -u
cd "${1:-$(dirname "$0")/..}" || exit 2
bad=0
fail() { printf '%s\n' "$*"; bad=1; }

src() { find "$@" -name '*.[ch]' 2>/dev/null; }
dirs=""
for d in core db receipts pos sync server; do
	[ -d "$d" ] && dirs="$dirs $d"
done

# Only db/ (and tests) include sqlite3.h; only server/ includes libpq.
for f in $(src core receipts pos sync server); do
	grep -Hn '#include <sqlite3.h>' "$f" && fail "$f: sqlite3.h outside db/"
done
for f in $(src core db receipts pos sync); do
	grep -Hn '#include <libpq-fe.h>' "$f" && fail "$f: libpq outside server/"
done
# Programs call core only: no db.h, no receipts internals, no SQL.
for f in $(src pos sync server); do
	grep -HnE '#include "(db|db-int|ledger-int|printer-int)\.h"' "$f" &&
	    fail "$f: a program includes a library-internal header"
done
for f in $(src pos sync); do
	grep -HniE '"(SELECT|INSERT|UPDATE|DELETE) ' "$f" &&
	    fail "$f: SQL outside db/"
done
# curses only in pos/, curl only in sync/, cJSON only in sync/ and server/.
for f in $(src core db receipts sync server); do
	grep -Hn '#include <n\?cursesw\?\.h>\|#include <ncursesw/' "$f" &&
	    fail "$f: curses outside pos/"
done
for f in $(src core db receipts pos server); do
	grep -Hn '#include <curl/curl.h>' "$f" && fail "$f: curl outside sync/"
done
for f in $(src core db receipts pos); do
	grep -Hn '#include <cjson/cJSON.h>' "$f" && fail "$f: cJSON in $f"
done
# Banned functions (curl's list, in spirit).
for f in $(src core db receipts pos sync server); do
	grep -HnE '\b(strcpy|strcat|sprintf|vsprintf|gets|strtok|atoi|atol)\s*\(' \
	    "$f" && fail "$f: banned function"
done
# Durability never weakened (reliability.md R1.1).
grep -rnE --include='*.[ch]' --include='*.sql' \
    'synchronous *= *(NORMAL|OFF|0|1)\b' $dirs &&
    fail "weaker durability than synchronous=FULL"
# Rupiah never held in floating point.
grep -rnE --include='*.[ch]' '\b(float|double)\b[^;]*_rp\b' $dirs &&
    fail "rupiah in floating point"
[ $bad -eq 0 ] && echo "layers: 1 passed, 0 failed" && exit 0
echo "layers: 0 passed, 1 failed"
exit 1
