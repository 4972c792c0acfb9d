#!/bin/sh
# gen-outlet (the generator behind make bench) at a tiny size: the ledger it
# writes must verify with ntt-pos, hold exactly the entries it says, be the
# same for the same seed, and its sales must add up. So it cannot rot.
set -eu
gen=$1
pos=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gen-outlet.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0
ok() { pass=$((pass + 1)); }
die() { echo "FAIL: $*"; echo "$pass passed, 1 failed"; exit 1; }

"$gen" --db "$tmp/a.db" --products 300 --sales 2000 --seed 7 \
    > "$tmp/a.out" 2> "$tmp/a.err" || die "gen-outlet: $(cat "$tmp/a.err")"
# 1 genesis + 5 settings + 8 users + 5 suppliers + 300 products
# + 300 opening-stock entries + the closure of that day + 2000 sales + 310
# day closures (2025-01-02 to 2026-01-01 without Sundays, New Year, Good
# Friday and Christmas) + 6 cashiers' shifts opened and closed on each of
# those 310 days.
grep -q ": 6650 entries, 5 suppliers, 300 products, 2000 sales, 310 day \
closures," "$tmp/a.out" || die "gen-outlet said: $(cat "$tmp/a.out")"; ok
grep -q "sales 2000/2000 (100%)" "$tmp/a.err" || die "no progress line"; ok

out=$("$pos" verify --db "$tmp/a.db") || die "verify: $out"
echo "$out" | grep -q "^OK: 6650 entri, rantai utuh" || die "verify: $out"; ok

"$pos" summary --db "$tmp/a.db" > "$tmp/a.sum" || die "summary"
grep -q "Pemasok    : 5$" "$tmp/a.sum" || die "suppliers: $(cat "$tmp/a.sum")"; ok
grep -q "Pengguna   : 8$" "$tmp/a.sum" || die "users"; ok
# Packed goods carry one barcode each, weighed goods none.
weighed=$(sed -n 's/.*300 products (\([0-9]*\) weighed).*/\1/p' "$tmp/a.err")
[ -n "$weighed" ] && [ "$weighed" -gt 5 ] && [ "$weighed" -lt 80 ] ||
    die "weighed: $weighed"; ok
grep -q "Produk     : 300 ($((300 - weighed)) barcode)$" "$tmp/a.sum" ||
    die "products: $(cat "$tmp/a.sum")"; ok

# The same seed gives the same outlet (stock and money); another does not.
"$gen" --db "$tmp/b.db" --products 300 --sales 2000 --seed 7 \
    > "$tmp/b.out" 2> /dev/null || die "second run"
"$pos" summary --db "$tmp/b.db" > "$tmp/b.sum" || die "summary b"
grep -v "Perangkat" "$tmp/a.sum" > "$tmp/a.cmp"
grep -v "Perangkat" "$tmp/b.sum" > "$tmp/b.cmp"
cmp -s "$tmp/a.cmp" "$tmp/b.cmp" || die "same seed, other outlet"; ok
[ "$(sed 's/.* sales, //; s/bytes.*//' "$tmp/a.out" | cut -d, -f1-3)" = \
    "$(sed 's/.* sales, //; s/bytes.*//' "$tmp/b.out" | cut -d, -f1-3)" ] ||
    die "same seed, other sales"; ok
"$gen" --db "$tmp/c.db" --products 300 --sales 2000 --seed 8 \
    > "$tmp/c.out" 2> /dev/null || die "third run"
"$pos" summary --db "$tmp/c.db" | grep -v "Perangkat" > "$tmp/c.cmp"
if cmp -s "$tmp/a.cmp" "$tmp/c.cmp"; then die "seed ignored"; fi; ok

# An existing ledger is refused and left alone.
sum=$(sha256sum "$tmp/a.db" | cut -c1-64)
if "$gen" --db "$tmp/a.db" --products 10 --sales 10 2> "$tmp/err"; then
	die "overwrote a ledger"
fi
grep -q "sudah ada" "$tmp/err" || die "refusal: $(cat "$tmp/err")"; ok
[ "$sum" = "$(sha256sum "$tmp/a.db" | cut -c1-64)" ] || die "changed"; ok

# The sales are well formed: items add up to the total, payment less
# change is the total, 1 to 15 items, WITA business day, no Sundays. Every
# receipt is printed; each day with sales is closed once, after its sales
# (and the day of the opening stock before them).
python3 - "$tmp/a.db" > "$tmp/py.out" <<'PY' || die "sales: $(cat "$tmp/py.out")"
import datetime, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
bad = []
n = 0
for seq, total, at, day in db.execute(
        "SELECT seq, total_rp, created_at_ms, business_day FROM journal "
        "WHERE kind = 'sale'"):
    n += 1
    items = db.execute("SELECT count(*), coalesce(sum(amount_rp), 0) "
                       "FROM journal_lines WHERE seq = ? AND type = 'item'",
                       (seq,)).fetchone()
    pay = db.execute("SELECT coalesce(sum(amount_rp), 0) FROM journal_lines "
                     "WHERE seq = ? AND type = 'pay'", (seq,)).fetchone()[0]
    chg = db.execute("SELECT coalesce(sum(amount_rp), 0) FROM journal_lines "
                     "WHERE seq = ? AND type = 'change'", (seq,)).fetchone()[0]
    wita = datetime.datetime.utcfromtimestamp(at / 1000 + 8 * 3600)
    if not 1 <= items[0] <= 15 or items[1] != total or pay - chg != total \
            or total <= 0 or chg < 0 or wita.strftime("%Y-%m-%d") != day \
            or wita.weekday() == 6 or not 8 <= wita.hour < 21:
        bad.append(seq)
codes = [r[0] for r in db.execute("SELECT code FROM barcodes")]
def ean_ok(c):
    s = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(c[:12]))
    return len(c) == 13 and (10 - s % 10) % 10 == int(c[12])
badcodes = [c for c in codes if not ean_ok(c)]
single = db.execute("SELECT count(*) FROM journal j WHERE kind = 'sale' AND "
                    "(SELECT count(*) FROM journal_lines l WHERE l.seq = j.seq"
                    " AND type = 'item') <= 3").fetchone()[0]
pending = db.execute("SELECT count(*) FROM print_jobs WHERE state <> 'done'"
                     ).fetchone()[0]
# Every receipt printed (or settled): printed jobs leave the queue.
jobs = db.execute("SELECT count(*) FROM print_jobs").fetchone()[0]
closes = db.execute("SELECT count(*), count(DISTINCT business_day) FROM "
                    "journal WHERE kind = 'day.close'").fetchone()
late = db.execute("SELECT count(*) FROM journal s JOIN journal c ON "
                  "c.kind = 'day.close' AND s.business_day = c.business_day "
                  "WHERE s.kind = 'sale' AND s.seq > c.seq").fetchone()[0]
print(n, len(bad), bad[:5], len(badcodes), single, pending, jobs, closes,
      late)
sys.exit(0 if n == 2000 and not bad and not badcodes and single > 1200
         and pending == 0 and jobs == 0 and closes == (311, 311)
         and late == 0 else 1)
PY
ok

echo "$pass passed, 0 failed"
