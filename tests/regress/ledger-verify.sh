#!/bin/sh
# ntt-pos verify checks everything it can (docs/ledger.md §What verify
# checks): on a real demo ledger, each change made behind the program's
# back with the sqlite3 shell is named by table; a tail cut off (triggers
# dropped) is caught by the province's acknowledgement in sync_state and
# by a printed receipt code; a -wal deleted after a writer was killed is
# reported as possible loss.
#	ledger-verify.sh NTT_POS LEDGER_HAMMER
set -eu
pos=$1
hammer=$2
command -v sqlite3 >/dev/null 2>&1 || { echo "SKIP: sqlite3 not installed"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/verify-XXXXXX")
hpid=""
trap '[ -n "$hpid" ] && kill -9 "$hpid" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
ok() { pass=$((pass + 1)); }
die() { echo "FAIL: $*"; echo "$pass passed, 1 failed"; exit 1; }
db=$tmp/kupang.db

"$pos" init --db "$db" --demo > /dev/null || die "init"
"$pos" verify --db "$db" > "$tmp/out" || die "fresh demo ledger: $(cat "$tmp/out")"
grep -q "tabel turunan sama dengan jurnal" "$tmp/out" || die "replay line"; ok

# Some writes: goods in and back, a day closed, a setting.
# maria mistypes her PIN once: the next entry she writes clears it, and
# the replay must see that too.
echo 1111 | "$pos" receive --db "$db" --sku SEI-BBI-KG --qty 1 --user maria \
    --pin-stdin > /dev/null 2>&1 && die "a wrong PIN was taken"
echo 9876 | "$pos" receive --db "$db" --sku SEI-BBI-KG --qty 2500 \
    --user maria --pin-stdin > /dev/null || die "receive"
echo 9876 | "$pos" return --db "$db" --sku SEI-BBI-KG --qty 1000 \
    --user maria --pin-stdin > /dev/null || die "return"
echo 9876 | "$pos" report --db "$db" --close --user maria --pin-stdin \
    > /dev/null || die "close day"
"$pos" verify --db "$db" > "$tmp/out" 2>&1 || die "after writes: $(cat "$tmp/out")"; ok
head=$(sqlite3 "$db" "SELECT max(seq) FROM journal")
code=$("$pos" receipt-code --db "$db" --seq "$head") || die "receipt-code"
"$pos" verify --db "$db" --receipt "$code" > "$tmp/out" 2>&1 ||
    die "receipt of the head: $(cat "$tmp/out")"
grep -q "struk 1 cocok" "$tmp/out" || die "receipt line"; ok

# One change behind the program's back, on a copy; verify must name it.
copy() {
	rm -f "$tmp/t.db" "$tmp/t.db-wal" "$tmp/t.db-shm" "$tmp/t.db-open"
	cp "$db" "$tmp/t.db"
	cp "$db.key" "$tmp/t.db.key"
}
tamper() {
	copy
	sqlite3 "$tmp/t.db" "$1" || die "sqlite3: $1"
	if "$pos" verify --db "$tmp/t.db" > "$tmp/out" 2> "$tmp/err"; then
		die "verify passed after: $1"
	fi
	grep -q "^ntt-pos: verify GAGAL: .*$2" "$tmp/err" ||
	    die "after $1: want '$2', got: $(cat "$tmp/err")"
	ok
}
tamper "UPDATE stock SET qty = qty + 1 WHERE sku = 'SEI-BBI-KG'" \
    "stok SEI-BBI-KG (stock.qty): ledger [0-9]*, dari jurnal"
tamper "UPDATE products SET price_rp = 1000 WHERE sku = 'SEI-BBI-KG'" \
    "(products.price_rp): ledger 1000, dari jurnal"
tamper "UPDATE users SET role = 'admin' WHERE code = 'ani'" \
    "pengguna ani (users.role): ledger 'admin', dari jurnal 'kasir'"
tamper "UPDATE settings SET value = '1' WHERE key = 'pkp'" \
    "pengaturan pkp (settings.value): ledger '1', dari jurnal '0'"
tamper "UPDATE users SET failed_pins = 3 WHERE code = 'yosef'" \
    "pengguna yosef (users.failed_pins)"
tamper "UPDATE users SET locked = 1 WHERE code = 'yosef'" \
    "pengguna yosef (users.locked)"
tamper "INSERT INTO products SELECT 'KOP-PALSU', name, unit, price_rp, \
    category, supplier, ownership, commission_bp, cost_rp, tax_class, \
    kabupaten, '', active, updated_seq FROM products LIMIT 1" \
    "produk KOP-PALSU (products): ada di ledger, tidak ada menurut jurnal"
tamper "DELETE FROM barcodes WHERE rowid = (SELECT min(rowid) FROM barcodes)" \
    "(barcodes): tidak ada di ledger, ada menurut jurnal"
# The PIN hash is not the journal's: changing it is no difference.
copy
sqlite3 "$tmp/t.db" "UPDATE users SET pin_hash = 'x' WHERE code = 'ani'"
"$pos" verify --db "$tmp/t.db" > /dev/null 2>&1 || die "pin_hash compared"; ok

# The province acknowledged the head: recorded as ntt-sync would.
sqlite3 "$db" "UPDATE sync_state SET acked_seq = $head, acked_hash = \
    (SELECT hash FROM journal WHERE seq = $head), server_sig = zeroblob(64)"
"$pos" verify --db "$db" > "$tmp/out" 2>&1 || die "acked head: $(cat "$tmp/out")"
grep -q "sama dengan tanda terima provinsi" "$tmp/out" || die "ack line"; ok
# Without the server's key nothing checks the signature; with a key that
# did not sign it, verify says so.
if "$pos" verify --db "$db" --server-key \
    "0000000000000000000000000000000000000000000000000000000000000001" \
    > /dev/null 2> "$tmp/err"; then die "forged ack signature"; fi
grep -q "tidak ditandatangani kunci server" "$tmp/err" || die "sig message"; ok
tamper "UPDATE sync_state SET acked_hash = zeroblob(32)" \
    "entri $head berbeda dari yang sudah diakui provinsi"

# Cut the tail: the chain that is left is whole, but the province and the
# printed receipt know better.
cut=$((head - 2))
cp "$db" "$tmp/cut.db"
cp "$db.key" "$tmp/cut.db.key"
sqlite3 "$tmp/cut.db" "DROP TRIGGER journal_no_delete; \
    DROP TRIGGER journal_lines_no_delete; \
    DELETE FROM print_jobs WHERE seq > $cut; \
    DELETE FROM journal_lines WHERE seq > $cut; \
    DELETE FROM journal WHERE seq > $cut"
if "$pos" verify --db "$tmp/cut.db" > "$tmp/out" 2> "$tmp/err"; then
	die "cut tail passed"
fi
grep -q "OK: $cut entri, rantai utuh" "$tmp/out" || die "the rest is whole"; ok
grep -q "^ntt-pos: verify GAGAL: ledger lebih pendek dari yang sudah diakui provinsi: provinsi menerima sampai entri $head" "$tmp/err" ||
    die "cut tail message: $(cat "$tmp/err")"; ok
sqlite3 "$tmp/cut.db" "UPDATE sync_state SET acked_seq = 0, acked_hash = NULL"
if "$pos" verify --db "$tmp/cut.db" --receipt "$code" > /dev/null \
    2> "$tmp/err"; then die "cut receipt passed"; fi
grep -q "^ntt-pos: verify GAGAL: ledger lebih pendek dari struk yang sudah dicetak" "$tmp/err" ||
    die "cut receipt message: $(cat "$tmp/err")"; ok
if "$pos" verify --db "$tmp/cut.db" --receipt "NTT1_x" > /dev/null \
    2>&1; then die "garbage receipt passed"; fi; ok

# A writer killed with its -wal, and the -wal deleted while nothing runs.
# hammer_start DB SEED: sells on DB and returns after 50 sales;
# hammer_kill: kill -9 of the seller.
hammer_start() {
	: > "$tmp/sold"
	"$hammer" run "$1" "$2" 1000000000 > "$tmp/sold" &
	hpid=$!
	n=0
	while [ "$(wc -l < "$tmp/sold")" -lt 50 ]; do
		n=$((n + 1))
		[ $n -lt 300 ] || die "hammer sold nothing"
		sleep 0.1
	done
}
hammer_kill() {
	kill -9 "$hpid"
	wait "$hpid" 2>/dev/null || true
	hpid=""
}
hdb=$tmp/hammer.db
"$hammer" init "$hdb" > /dev/null || die "hammer init"
"$pos" verify --db "$hdb" > /dev/null 2>&1 || die "hammer ledger"; ok
hammer_start "$hdb" 1
# Beside a writer that does not stop, verify sees one consistent ledger.
for i in 1 2 3; do
	"$pos" verify --db "$hdb" > "$tmp/out" 2>&1 ||
	    die "verify beside a writer: $(cat "$tmp/out")"
done; ok
hammer_kill
[ -s "$hdb-wal" ] || die "no -wal after the kill"
# What the file holds without its -wal, read from a copy of the file
# alone, against the high-water mark the writer kept in -open.
mark=$(awk '{ print $3 }' "$hdb-open")
cp "$hdb" "$tmp/alone.db"
alone=$(sqlite3 "$tmp/alone.db" "SELECT coalesce(max(seq), 0) FROM journal" 2>/dev/null || echo damaged)
rm -f "$hdb-wal"
if [ "$alone" != damaged ] && [ "$alone" -ge "$mark" ]; then
	# The kill came just after a checkpoint: nothing was lost.
	"$pos" verify --db "$hdb" > /dev/null 2>&1 || die "nothing lost, yet"
	echo "(the -wal held nothing new: the loss case was not reached)"
else
	if "$pos" verify --db "$hdb" > "$tmp/out" 2> "$tmp/err"; then
		die "vanished -wal passed"
	fi
	# A file damaged by the missing -wal is refused outright; one that
	# is whole but short says which entries are gone.
	grep -q "^ntt-pos: verify GAGAL: entri terakhir hilang: .*lebih pendek\|rusak" "$tmp/err" ||
	    die "vanished -wal message: $(cat "$tmp/err")"; ok
	if [ "$alone" != damaged ]; then
		# It stays said, whoever opens the ledger next.
		"$pos" summary --db "$hdb" > /dev/null 2> "$tmp/err" ||
		    die "summary"
		grep -q "hilang" "$tmp/err" || die "summary warning"; ok
		"$pos" receipt-code --db "$hdb" --seq 2 > /dev/null 2>&1 ||
		    die "writer open"
		if "$pos" verify --db "$hdb" > /dev/null 2> "$tmp/err"; then
			die "forgotten"
		fi
		grep -q "lebih pendek" "$tmp/err" ||
		    die "forgotten: $(cat "$tmp/err")"; ok
	fi
fi
# The counter opens, and says it on its first screen.
if [ "$alone" != damaged ] && [ "$alone" -lt "$mark" ] &&
    command -v tmux > /dev/null 2>&1; then
	sock=verify$$
	tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 24 \
	    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen $pos --db $hdb; sleep 30"
	n=0
	until tmux -L "$sock" capture-pane -p | grep -q "PERINGATAN: entri terakhir hilang"; do
		n=$((n + 1))
		if [ $n -gt 50 ]; then
			tmux -L "$sock" capture-pane -p
			tmux -L "$sock" kill-server
			die "no warning at the counter"
		fi
		sleep 0.1
	done
	tmux -L "$sock" kill-server; ok
	grep -q "hilang" "$hdb.log" || die "not in the counter's log"; ok
fi
# A clean run after a kill with the -wal kept is not a loss.
"$hammer" init "$tmp/h2.db" > /dev/null || die "hammer init 2"
hammer_start "$tmp/h2.db" 2
hammer_kill
"$pos" verify --db "$tmp/h2.db" > "$tmp/out" 2>&1 || die "kept -wal: $(cat "$tmp/out")"; ok
"$pos" receipt-code --db "$tmp/h2.db" --seq 2 > /dev/null || die "reopen"
[ ! -e "$tmp/h2.db-wal" ] || die "-wal left after a clean close"
"$pos" verify --db "$tmp/h2.db" > /dev/null 2>&1 || die "after a clean close"; ok
echo "$pass passed, 0 failed"
