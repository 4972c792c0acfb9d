#!/bin/sh
# SPDX-License-Identifier: ISC
# Two real processes racing one action, many rounds each: closing the day,
# paying a producer, goods back to a producer, a refund of one receipt.
# Every rule is checked inside the transaction that writes (core/gate.c),
# so in every round exactly one wins and the other is told why and writes
# nothing. Both racers wait at one barrier and start within microseconds;
# the refusals are counted by reason to show the races were real.
#   ledger-race.sh NTT-POS NTT-RACE    (NTT_RACE_ROUNDS, default 50)
set -u
pos=$1
race=$2
rounds=${NTT_RACE_ROUNDS:-50}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ledger-race.XXXXXX")
db=$tmp/r.db
pass=0
fail() {
	echo "FAIL: $*"
	for i in 1 2; do
		[ -e "$tmp/rc$i" ] && echo "racer $i: exit $(cat "$tmp/rc$i"):" \
		    "$(cat "$tmp/o$i" "$tmp/e$i" 2>/dev/null)"
	done
	echo "kept: $tmp"; echo "$pass passed, 1 failed"; exit 1
}
ok() { pass=$((pass + 1)); }

# 02-11-2026 10:00 WITA: business days are counted from here.
base_ms=1793584800000
day_ms=86400000
export NTT_FAKE_NOW_MS=$base_ms
"$pos" init --db "$db" --demo > /dev/null || fail "init"
SKU=TEN-SBT-HNG-L	# consigned, SUP-001

# race NAME CMD...: two copies of CMD at once (the PIN on standard input);
# sets $won (how many exited 0) and leaves their stderr in $tmp/NAME.err.
race() {
	name=$1; shift
	rm -f "$tmp/go" "$tmp/o1" "$tmp/o2" "$tmp/e1" "$tmp/e2"
	for i in 1 2; do
		(while [ ! -e "$tmp/go" ]; do :; done
		 echo 9876 | "$@" > "$tmp/o$i" 2> "$tmp/e$i"
		 echo $? > "$tmp/rc$i") &
	done
	: > "$tmp/go"
	wait
	won=0
	for i in 1 2; do
		[ "$(cat "$tmp/rc$i")" = 0 ] && won=$((won + 1))
		[ "$(cat "$tmp/rc$i")" = 0 ] || cat "$tmp/e$i" >> "$tmp/$name.err"
	done
}
count() { "$pos" journal --db "$db" | awk -v k="$1" '$2 == k' | wc -l; }

# Closing the day: each round one sale opens a day, two managers close it.
for r in $(seq 1 "$rounds"); do
	"$race" sale "$db" $SKU 1 > /dev/null || fail "sale $r"
	race close "$pos" report --db "$db" --close --user maria --pin-stdin
	[ $won -eq 1 ] || fail "close round $r: $won won"
done
[ "$(count day.close)" -eq "$rounds" ] || fail "closures: $(count day.close)"
ok
echo "close: $rounds rounds, 1 winner each; losers: $(grep -c 'Tidak ada transaksi' "$tmp/close.err") nothing left to close"

# Paying the weaver: each closed day once, two managers at once.
export NTT_FAKE_NOW_MS=$((base_ms + (rounds + 10) * day_ms))
for r in $(seq 1 "$rounds"); do
	day=$(python3 -c "import datetime as d; print((d.date(2026,11,2) + d.timedelta(days=$r - 1)).isoformat())")
	race settle "$pos" settle --db "$db" --supplier SUP-001 --from "$day" \
	    --to "$day" --ref "TRF-$r" --user maria --pin-stdin
	[ $won -eq 1 ] || fail "settle round $r ($day): $won won"
done
[ "$(count consign.settle)" -eq "$rounds" ] ||
    fail "settlements: $(count consign.settle)"
ok
echo "settle: $rounds rounds, 1 winner each; losers: $(grep -c 'sudah (sebagian) dibayar' "$tmp/settle.err") already paid"

# Goods back to the producer: all that is in stock, twice at once.
stock() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT qty FROM stock WHERE sku = '$SKU'\").fetchone()[0])" "$db"; }
for r in $(seq 1 "$rounds"); do
	have=$(stock)	# below zero after the sales of the first part
	echo 9876 | "$pos" receive --db "$db" --sku $SKU \
	    --qty $((1 + r % 4 - have)) --user maria --pin-stdin > /dev/null ||
	    fail "receive $r"
	have=$(stock)
	[ "$have" -gt 0 ] || fail "stock $have"
	race return "$pos" return --db "$db" --sku $SKU --qty "$have" \
	    --user maria --pin-stdin
	[ $won -eq 1 ] || fail "return round $r ($have): $won won"
done
have=$(stock)
[ "$have" -eq 0 ] || fail "stock after returns: $have"
ok
echo "return: $rounds rounds, 1 winner each; losers: $(grep -c 'tinggal' "$tmp/return.err") past stock"

# A refund of one receipt at two counters at once, in maria's shift.
"$race" shift "$db" maria || fail "maria's shift"
for r in $(seq 1 "$rounds"); do
	seq=$("$race" sale "$db" KOP-BJW-250 2) || fail "sale $r"
	race refund "$race" refund "$db" "$seq"
	[ $won -eq 1 ] || fail "refund round $r: $won won"
done
[ "$(count refund)" -eq "$rounds" ] || fail "refunds: $(count refund)"
ok
echo "refund: $rounds rounds, 1 winner each; losers: $(grep -c 'melebihi' "$tmp/refund.err") caught in the write, $(grep -c 'sudah diretur semua' "$tmp/refund.err") on screen"

"$pos" verify --db "$db" > /dev/null || fail "verify"; ok
rm -rf "$tmp"
echo "$pass passed, 0 failed"
