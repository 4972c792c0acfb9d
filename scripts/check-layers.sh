#!/bin/sh
# The layer rules of docs/STYLE.md, checked (run by ctest as lint.layers):
# which folder may include what, banned functions, durability settings,
# rupiah never in floating point, and citations of the project's own docs.
# Prints every violation; exit 1 if any.
set -u
cd "${1:-$(dirname "$0")/..}" || exit 2
bad=0
fail() { printf '%s\n' "$*"; bad=1; }

src() { find "$@" -name '*.[ch]' 2>/dev/null; }
dirs=""
for d in rules core db receipts pos sync server; do
	[ -d "$d" ] && dirs="$dirs $d"
done

# Who may include whom (docs/STYLE.md §Layers), by the folder that holds
# the header a quoted #include names:
#	rules/     the pure rules: nothing above it
#	db/        rules/          receipts/  rules/
#	core/      rules/ db/ receipts/ (the services)
#	pos/       core.h only     sync/  core.h, rules/ (proto.c: the server's too)
#	server/    rules/, sync/proto.h: never the ledger
may() {
	case $1 in
	rules) echo "rules" ;;
	db) echo "db rules" ;;
	receipts) echo "receipts rules" ;;
	core) echo "core db receipts rules" ;;
	pos) echo "pos core.h" ;;
	sync) echo "sync core.h rules" ;;
	server) echo "server rules proto.h" ;;
	esac
}
owner() {
	for d in rules db receipts core pos sync server; do
		[ -f "$d/$1" ] && { echo "$d"; return; }
	done
}
for d in rules db receipts core pos sync server; do
	[ -d "$d" ] || continue
	allowed=$(may "$d")
	for f in $(src "$d"); do
		for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
			o=$(owner "$h")
			[ -n "$o" ] || continue	# generated (version.h)
			ok=0
			for a in $allowed; do
				[ "$a" = "$o" ] || [ "$a" = "$h" ] && ok=1
			done
			[ $ok -eq 1 ] || fail "$f: includes $o/$h (layer $d may: $allowed)"
		done
	done
done
# The pure rules touch no file, socket or clock: time comes in as a
# parameter, from clock_now_ms() (rules/clock.c, which honours the test
# clock); only rules/log.c opens a file (the log).
for f in $(src rules); do
	case $f in rules/clock.c|rules/log.c) continue ;; esac
	grep -HnE '\b(fopen|open|openat|socket|connect|time|gettimeofday|clock_gettime|getenv|system|popen)\s*\(' \
	    "$f" && fail "$f: I/O or the clock in the pure rules"
	case $f in *.h) continue ;; esac
	grep -Hn 'clock_now_ms' "$f" && fail "$f: reads the clock: pass the time in"
done

# Only db/ (and tests) include sqlite3.h; only server/ includes libpq.
for f in $(src rules core receipts pos sync server); do
	grep -Hn '#include <sqlite3.h>' "$f" && fail "$f: sqlite3.h outside db/"
done
for f in $(src rules core db receipts pos sync); do
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
for f in $(src rules core db receipts sync server); do
	grep -Hn '#include <n\?cursesw\?\.h>\|#include <ncursesw/' "$f" &&
	    fail "$f: curses outside pos/"
done
for f in $(src rules core db receipts pos server); do
	grep -Hn '#include <curl/curl.h>' "$f" && fail "$f: curl outside sync/"
done
for f in $(src rules core db receipts pos); do
	grep -Hn '#include <cjson/cJSON.h>' "$f" && fail "$f: cJSON in $f"
done
# Banned functions (curl's list, in spirit).
for f in $(src rules core db receipts pos sync server); do
	grep -HnE '\b(strcpy|strcat|sprintf|vsprintf|gets|strtok|atoi|atol)\s*\(' \
	    "$f" && fail "$f: banned function"
done
# Durability never weakened (docs/requirements.md R1.1).
grep -rnE --include='*.[ch]' --include='*.sql' \
    'synchronous *= *(NORMAL|OFF|0|1)\b' $dirs &&
    fail "weaker durability than synchronous=FULL"
# Rupiah never held in floating point.
grep -rnE --include='*.[ch]' '\b(float|double)\b[^;]*_rp\b' $dirs &&
    fail "rupiah in floating point"
# Docs live in the repo: comments, docs and scripts cite only this tree's
# docs/, never the research notes outside it (the brackets keep this file
# from matching itself), and every requirement number cited (R2.5) is an
# anchor of docs/requirements.md.
texts() {
	for d in rules core db receipts pos sync server tests scripts docs; do
		[ -d "$d" ] && find "$d" -type f \( -name '*.[ch]' -o \
		    -name '*.md' -o -name '*.sh' -o -name '*.py' -o \
		    -name '*.txt' -o -name '*.service' -o -name '*.sql' \)
	done
	for f in README.md Makefile CMakeLists.txt; do
		[ -f "$f" ] && echo "$f"
	done
}
outside='shared/doc[s]|machine-note[s]'
outside="$outside|(^|[^A-Za-z])(reliabilit[y]|spec[s]|styl[e]|peer[s])\.md"
texts | xargs -r grep -HnE "$outside" |
    grep . && fail "a citation outside the project: cite docs/ of this tree"
for r in $(texts | xargs -r grep -ohE '(^|[^A-Za-z0-9_])R[1-5]\.[0-9]+' |
    sed 's/^[^R]*//' | sort -u); do
	grep -qF "<a id=\"$r\"></a>" docs/requirements.md 2>/dev/null ||
	    fail "$r is cited but not an anchor of docs/requirements.md"
done
[ $bad -eq 0 ] && echo "layers: 1 passed, 0 failed" && exit 0
echo "layers: 0 passed, 1 failed"
exit 1
