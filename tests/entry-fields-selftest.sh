#!/bin/sh
# The entry's field list (rules/entry.h) is the one place a field is
# written: on a copy of the tree, with the compile commands of the build,
#   - a new field of each existing type, in both lists, compiles in every
#     place that walks the lists (nothing else to edit);
#   - a new type that no place handles fails to compile in each of those
#     places on its own (-Werror=switch);
#   - a field of a type with no declaration fails to compile.
# tests/db/test-entry-fields.c then takes any field of the list through
# every form at run time.
#
#	entry-fields-selftest.sh SOURCE_DIR BUILD_DIR
set -eu
top=$1
build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sites="rules/entry.c db/db-journal.c sync/proto.c server/pg.c"
users="tests/db/test-entry-fields.c tests/unit/test-entry.c
    tests/tools/ntt-synctest.c"
fails=0

# cmd FILE: its compile command from the build, on the copy, checking only.
cmd() {
	python3 - "$build/compile_commands.json" "$top" "$tmp/t" "$1" <<'EOF'
import json, shlex, sys
db, top, copy, want = sys.argv[1:]
for e in json.load(open(db)):
    if e["file"] != top + "/" + want:
        continue
    args = shlex.split(e["command"]) if "command" in e else e["arguments"]
    out = []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c":
            continue
        for d in ("rules", "db", "sync", "server", "core", "receipts",
                  "tests", "pos"):
            if a.startswith("-I" + top + "/" + d):
                a = "-I" + copy + a[len("-I" + top):]
            if a == top + "/" + d or a.startswith(top + "/" + d + "/"):
                a = copy + a[len(top):]
        out.append(a)
    print(shlex.join(out + ["-fsyntax-only", "-Werror=switch"]))
    sys.exit(0)
sys.exit("no compile command for " + want)
EOF
}

fresh() {
	rm -rf "$tmp/t"
	mkdir -p "$tmp/t"
	for d in rules db sync server core receipts tests pos; do
		cp -r "$top/$d" "$tmp/t/"
	done
}

# add AFTER LINE: puts LINE (an X(...) row) after the row starting AFTER.
add() {
	awk -v after="$1" -v row="$2" '
		{ print }
		index($0, after) == 2 { printf "\t%s\t\\\n", row }
	' "$tmp/t/rules/entry.h" > "$tmp/t/rules/entry.h.new"
	mv "$tmp/t/rules/entry.h.new" "$tmp/t/rules/entry.h"
	grep -qF "$2" "$tmp/t/rules/entry.h"
}

compiles() {
	eval "$(cmd "$1")" >"$tmp/log" 2>&1
}

# A field of each type in both lists: every place compiles untouched.
fresh
for t in I64 TEXT UUID KEYID HASH SIG; do
	add "X(total_rp," "X(extra_$t, $t, , \"tambahan\")"
	add "X(party," "X(extra_$t, $t, , \"tambahan\")"
done
add "X(note," "X(extra_srv, TEXT, extra_srv, \"tambahan\")"
for f in $sites $users; do
	if compiles "$f"; then
		echo "ok: a new field of each type compiles in $f"
	else
		echo "FAIL: a new field of a known type does not compile in $f"
		cat "$tmp/log"
		fails=$((fails + 1))
	fi
done

# A new type no place handles: each place on its own refuses it.
fresh
sed -e 's/^\tENTRY_T_SIG,$/&\n\tENTRY_T_BOGUS,/' \
    -e 's/^#define ENTRY_DECL_SIG(n).*$/&\n#define ENTRY_DECL_BOGUS(n)\tint64_t n;/' \
    "$top/rules/entry.h" > "$tmp/t/rules/entry.h"
grep -q ENTRY_T_BOGUS "$tmp/t/rules/entry.h"
add "X(note," "X(bogus, BOGUS, , \"palsu\")"
for f in $sites; do
	if compiles "$f"; then
		echo "FAIL: $f compiles with a type it does not handle"
		fails=$((fails + 1))
	elif grep -q "ENTRY_T_BOGUS" "$tmp/log"; then
		echo "ok: $f refuses a type it does not handle"
	else
		echo "FAIL: $f fails for another reason:"
		cat "$tmp/log"
		fails=$((fails + 1))
	fi
done

# A type with no declaration at all.
fresh
add "X(note," "X(bogus, NOSUCH, , \"palsu\")"
if compiles rules/entry.c; then
	echo "FAIL: a field of an unknown type compiles"
	fails=$((fails + 1))
else
	echo "ok: a field of an unknown type does not compile"
fi
[ "$fails" = 0 ]
