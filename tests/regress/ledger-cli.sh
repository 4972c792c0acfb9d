#!/bin/sh
# ntt-pos init/verify on a real demo ledger, and the independent Python
# verifier (scripts/ledger-verify.py) agreeing with it: same head when
# intact, same bad entry when tampered. Bad input changes nothing.
set -eu
pos=$1
top=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
ok() { pass=$((pass + 1)); }
die() { echo "FAIL: $*"; echo "$pass passed, 1 failed"; exit 1; }

"$pos" init --db "$tmp/kupang.db" --demo > "$tmp/init.out"
grep -q "Produk     : 79" "$tmp/init.out" || die "demo products"; ok
[ "$(stat -c %a "$tmp/kupang.db.key")" = 600 ] || die "key mode"; ok

out=$("$pos" verify --db "$tmp/kupang.db") || die "verify intact"
c_head=$(echo "$out" | sed -n 's/.*kepala \([0-9a-f]*\)$/\1/p')
py=$(python3 "$top/scripts/ledger-verify.py" "$tmp/kupang.db") ||
    die "python verify intact"
py_head=${py##* }
[ -n "$c_head" ] && [ "$c_head" = "$py_head" ] || die "heads differ: $c_head / $py_head"; ok
n=$(echo "$py" | cut -d' ' -f2)
[ "$n" -gt 150 ] || die "entries $n"; ok

# The vector in docs/ledger.md, computed independently.
python3 "$top/scripts/ledger-verify.py" --vector | grep -q \
    "a71488e01855c347ac29db4e9a388655af2c89042f6b62e5fe51f4e4cd9cb882" ||
    die "python vector"; ok

# Init refuses an existing ledger and leaves it alone.
sum=$(sha256sum "$tmp/kupang.db" | cut -c1-64)
if "$pos" init --db "$tmp/kupang.db" 2> "$tmp/err"; then die "re-init"; fi
grep -q "sudah ada" "$tmp/err" || die "re-init message"; ok
[ "$sum" = "$(sha256sum "$tmp/kupang.db" | cut -c1-64)" ] || die "changed"; ok

# A file that is not a ledger.
printf 'not a ledger\n' > "$tmp/x.db"
if "$pos" verify --db "$tmp/x.db" 2> "$tmp/err"; then die "verify garbage"; fi
grep -q "bukan ledger" "$tmp/err" || die "garbage message"; ok
if "$pos" verify --db "$tmp/none.db" 2> "$tmp/err"; then die "missing"; fi
[ ! -e "$tmp/none.db" ] || die "verify created a file"; ok
if "$pos" verify --db "$tmp/kupang.db" --pubkey zz 2>/dev/null; then
	die "bad pubkey accepted"
fi; ok

# Receipt codes: made from the ledger, checked offline with the public key
# alone and against the ledger; a changed total is refused.
code=$("$pos" receipt-code --db "$tmp/kupang.db" --seq 100) || die "receipt-code"
pk=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT hex(public_key) FROM device").fetchone()[0].lower())' "$tmp/kupang.db")
"$pos" verify-receipt "$code" --db "$tmp/kupang.db" | grep -q "^SAH: .*struk 100" || die "verify-receipt db"; ok
"$pos" verify-receipt "$code" --pubkey "$pk" | grep -q "^SAH" || die "verify-receipt pubkey"; ok
forged=$(echo "$code" | awk -F_ 'BEGIN { OFS = "_" } { $6 = $6 + 1000; print }')
if "$pos" verify-receipt "$forged" --pubkey "$pk" > "$tmp/out"; then die "forged receipt"; fi
grep -q "TIDAK SAH" "$tmp/out" || die "forged message"; ok

# Konsinyasi at the back office, by a manager who typed her PIN: goods in,
# goods back (never more than in stock), and no settlement of days not yet
# closed or not yet over.
n0=$("$pos" journal --db "$tmp/kupang.db" | wc -l)
echo 9876 | "$pos" receive --db "$tmp/kupang.db" --sku SEI-BBI-KG --qty 2500 \
    --user maria --pin-stdin > /dev/null || die "receive"; ok
echo 9876 | "$pos" return --db "$tmp/kupang.db" --sku SEI-BBI-KG --qty 1000 \
    --user maria --pin-stdin > /dev/null || die "return"; ok
if echo 9876 | "$pos" return --db "$tmp/kupang.db" --sku SEI-BBI-KG \
    --qty 999999 --user maria --pin-stdin 2> "$tmp/err"; then
	die "return past stock"
fi
grep -q "tinggal" "$tmp/err" || die "return message"; ok
set +e
echo 9876 | "$pos" settle --db "$tmp/kupang.db" --supplier SUP-010 \
    --from 2026-01-01 --to 2099-12-31 --ref TRF-1 --user maria --pin-stdin \
    2> "$tmp/err"
rc=$?
set -e
[ $rc -eq 2 ] || die "settled a future period ($rc)"
grep -q "belum lewat" "$tmp/err" || die "settle future message"; ok
if echo 9876 | "$pos" settle --db "$tmp/kupang.db" --supplier SUP-010 \
    --from 2026-01-01 --to 2026-01-31 --ref TRF-1 --user maria --pin-stdin \
    2> "$tmp/err"; then
	die "settled days not closed"
fi
grep -q "belum ditutup" "$tmp/err" || die "settle message"; ok
[ "$("$pos" journal --db "$tmp/kupang.db" | wc -l)" -eq $((n0 + 2)) ] ||
    die "journal should have grown by exactly 2"; ok

# Tamper with entry 100 through SQL, as someone with the file could.
python3 - "$tmp/kupang.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("DROP TRIGGER journal_lines_no_update;"
                 "UPDATE journal_lines SET qty = qty + 1 WHERE seq = 100;")
db.commit()
PY
if "$pos" verify --db "$tmp/kupang.db" 2> "$tmp/err"; then die "tamper"; fi
grep -q "entri 100: isi tidak cocok" "$tmp/err" || die "tamper message: $(cat "$tmp/err")"; ok
if python3 "$top/scripts/ledger-verify.py" "$tmp/kupang.db" 2> "$tmp/err"; then
	die "python tamper"
fi
grep -q "entry 100: content" "$tmp/err" || die "python tamper message"; ok
echo "$pass passed, 0 failed"
