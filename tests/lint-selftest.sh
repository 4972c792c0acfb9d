#!/bin/sh
# The layer check must catch what it claims to: copy the tree, break one rule
# at a time, and expect check-layers.sh to fail; the clean copy must pass.
set -eu
top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
for case in sqlite sql curses strcpy durability float; do
	rm -rf "$tmp/t"
	mkdir -p "$tmp/t"
	cp -r "$top/core" "$top/db" "$top/pos" "$top/receipts" "$tmp/t/"
	f=$tmp/t/pos/violation.c
	case $case in
	sqlite) echo '#include <sqlite3.h>' > "$tmp/t/core/violation.c" ;;
	sql) echo 'const char *q = "SELECT * FROM journal";' > "$f" ;;
	curses) echo '#include <ncurses.h>' > "$tmp/t/db/violation.c" ;;
	strcpy) echo 'void f(char *a) { strcpy(a, "x"); }' > "$f" ;;
	durability) echo '/* PRAGMA synchronous=NORMAL */' > "$tmp/t/db/v.sql" ;;
	float) echo 'double total_rp;' > "$f" ;;
	esac
	if "$top/scripts/check-layers.sh" "$tmp/t" >/dev/null; then
		echo "not caught: $case"
		exit 1
	fi
	n=$((n + 1))
done
rm -rf "$tmp/t/pos/violation.c"
echo "$n passed, 0 failed"
