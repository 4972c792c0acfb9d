#!/bin/sh
# The layer check must catch what it claims to: copy the tree, break one rule
# at a time, and expect check-layers.sh to fail; the clean copy must pass.
set -eu
top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
# The parts of the tree the check reads: sources, and for citations the
# docs, scripts and tests too.
copy() {
	rm -rf "$tmp/t"
	mkdir -p "$tmp/t"
	for d in rules core db pos receipts sync server docs scripts tests; do
		[ -d "$top/$d" ] && cp -r "$top/$d" "$tmp/t/"
	done
	for f in README.md Makefile CMakeLists.txt; do
		[ -f "$top/$f" ] && cp "$top/$f" "$tmp/t/"
	done
}
for case in sqlite sql curses strcpy durability float rules-up db-up \
    receipts-up pos-db pos-rules server-core pure-file pure-clock \
    cite-shared cite-bare cite-script cite-number anchor-gone; do
	copy
	f=$tmp/t/pos/violation.c
	case $case in
	rules-up) echo '#include "db.h"' > "$tmp/t/rules/violation.c" ;;
	db-up) echo '#include "counter.h"' > "$tmp/t/db/violation.c" ;;
	receipts-up) echo '#include "ledger-int.h"' > \
	    "$tmp/t/receipts/violation.c" ;;
	pos-db) echo '#include "db.h"' > "$f" ;;
	pos-rules) echo '#include "sale.h"' > "$f" ;;
	server-core) echo '#include "core.h"' > "$tmp/t/server/violation.c" ;;
	pure-file) echo 'void f(void) { fopen("x", "r"); }' > \
	    "$tmp/t/rules/violation.c" ;;
	pure-clock) echo 'long f(void) { return clock_now_ms(); }' > \
	    "$tmp/t/rules/violation.c" ;;
	sqlite) echo '#include <sqlite3.h>' > "$tmp/t/core/violation.c" ;;
	sql) echo 'const char *q = "SELECT * FROM journal";' > "$f" ;;
	curses) echo '#include <ncurses.h>' > "$tmp/t/db/violation.c" ;;
	strcpy) echo 'void f(char *a) { strcpy(a, "x"); }' > "$f" ;;
	durability) echo '/* PRAGMA synchronous=NORMAL */' > "$tmp/t/db/v.sql" ;;
	float) echo 'double total_rp;' > "$f" ;;
	# Citations are built with printf so that this file cites nothing.
	cite-shared) printf '/* See ../shared/%s/x. */\n' docs > \
	    "$tmp/t/rules/violation.c" ;;
	cite-bare) printf 'As %s.md says.\n' specs > "$tmp/t/docs/v.md" ;;
	cite-script) printf '# %s.md Part B\n' style >> \
	    "$tmp/t/scripts/demo.sh" ;;
	cite-number) printf '/* R5.%s */\n' 99 > "$tmp/t/db/violation.c" ;;
	anchor-gone) sed 's/<a id="R1\.1"><\/a>//' \
	    "$top/docs/requirements.md" > "$tmp/t/docs/requirements.md" ;;
	esac
	if "$top/scripts/check-layers.sh" "$tmp/t" >/dev/null; then
		echo "not caught: $case"
		exit 1
	fi
	n=$((n + 1))
done
# The tree as it is passes.
copy
"$top/scripts/check-layers.sh" "$tmp/t" >/dev/null || { echo "clean tree fails"; exit 1; }
n=$((n + 1))
echo "$n passed, 0 failed"
