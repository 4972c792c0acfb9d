#!/bin/sh
# SPDX-License-Identifier: ISC
# Lots through the back office (office-lots.c), on a fixed clock: a
# manager receives a lot of madu at a fixed 60.000 a jar with dates, the
# counter sells 2 (taken from that lot first: it expires first), one
# jar goes back to the producer, the day closes, the producer is paid in
# cash from the drawer and the statement is the golden one; its copy
# prints again. Then, three days on, a kasir sells a sachet from a lot
# past its best-before date: refused until a manager approves.
POS=$1
. "$(dirname "$0")/pos-lib.sh"
GOLDEN=$(dirname "$0")/../golden/consign-statement-58.txt

# 22-11-2026 10:00 WITA.
NTT_FAKE_NOW_MS=1795312800000
export NTT_FAKE_NOW_MS
POS_ENV="NTT_FAKE_NOW_MS=$NTT_FAKE_NOW_MS"
pos_setup
pos_start 80 24
pos_login maria 9876
pos_keys F11
pos_wait "MENU MANAJER"
pos_type i
pos_wait "Terima barang (lot)"
# Pemasok: the product's. A return-by before the intake is refused.
pos_keys Tab
pos_type 8992647000111; pos_keys Tab
pos_type 6; pos_keys Tab
pos_keys Tab
pos_keys Tab
pos_keys Tab
pos_type 60000; pos_keys Tab
pos_keys Tab
pos_type 2026-12-31; pos_keys Tab
pos_type 2026-11-01
pos_keys F10
pos_wait "Kembali paling lambat 2026-11-01 sebelum tanggal terima"
for i in 1 2 3 4 5 6 7 8 9 10; do pos_keys BSpace; done
pos_type 2027-01-31
pos_keys F10
pos_wait "Diterima, tanda terima dicetak KPG01-K1-"
# A sachet lot that will be past its date in three days.
pos_type i
pos_wait "Terima barang (lot)"
pos_keys Tab
pos_type 8992647000210; pos_keys Tab
pos_type 5; pos_keys Tab
for i in 1 2 3 4 5; do pos_keys Tab; done
pos_type 2026-11-23
pos_keys F10
pos_wait "Diterima, tanda terima dicetak KPG01-K1-"
pos_keys Escape
pos_wait "TOTAL (0 barang)"

# Two jars sold: from the new lot, at 60.000 each for the producer.
pos_scan "2*8992647000111" "TOTAL (1 barang)"
pos_pay_exact
pos_wait "Lunas"

# One jar back to the producer, from the list of lots.
pos_keys F11
pos_wait "MENU MANAJER"
pos_type j
pos_wait "Baik-seb."
pos_type MDU-TTS-250
pos_wait "2026-12-31"
pos_keys Enter
pos_wait "Retur ke pemasok"
pos_keys BSpace
pos_type 9
pos_keys F10
pos_wait "tinggal 4"
pos_keys BSpace
pos_type 1
pos_keys F10
pos_wait "Dikembalikan, nota retur dicetak"
pos_keys Escape
pos_keys Escape
pos_wait "F10Bayar"

# The shifts close and the day closes at a shell; then the producer is
# paid in cash, out of the manager's drawer (docs/ledger.md §Shifts).
pos_shift close ani 1234 0
pos_shift close yosef 2345 0
pos_shift close maria 9876 150000
printf '9876\n' | "$POS" report --db "$DB" --close --user maria --pin-stdin \
    >"$DIR/z.txt" || pos_fail "close"
pos_shift open maria 9876 200000
grep -q "Lot jatuh tempo" "$DIR/z.txt" || pos_fail "lots due on the Z"
pos_keys F11
pos_wait "MENU MANAJER"
pos_type m
pos_wait "Pelunasan konsinyasi"
pos_type SUP-008; pos_keys Tab
pos_keys F10
pos_wait "Isi periode"
pos_type 2026-11-22; pos_keys Tab
pos_type 2026-11-23; pos_keys Tab
pos_keys Right; pos_keys Tab
pos_type KW-0001
pos_keys F10
pos_wait "belum ditutup"
pos_keys Up; pos_keys Up
for i in 1 2 3 4 5 6 7 8 9 10; do pos_keys BSpace; done
pos_type 2026-11-22
pos_keys F10
pos_wait "Dibayar, nota konsinyasi dicetak: Rp120.000"
SETTLE=$("$POS" journal --db "$DB" | awk '$2 == "consign.settle" { print $1 }')
[ -n "$SETTLE" ] || pos_fail "no settlement"
cmp -s "$GOLDEN" "$DIR/struk/KPG01-K1-$(printf %06d "$SETTLE").txt" || {
	diff -u "$GOLDEN" "$DIR/struk/KPG01-K1-$(printf %06d "$SETTLE").txt" >&2
	pos_fail "statement differs from $GOLDEN"
}
pos_type n
pos_wait "KW-0001"
pos_keys Enter
pos_wait "Salinan nota dicetak"
pos_keys Escape
pos_keys Escape
pos_wait "F10Bayar"
pos_keys Escape
pos_quit
# The drawer holds Rp200.000 less the Rp120.000 paid: more is refused.
echo 9876 | "$POS" shift --db "$DB" --user maria --pin-stdin --out 80100 \
    --reason belanja >/dev/null 2>&1 && pos_fail "cash out past the drawer"
pos_shift close maria 9876 80000
grep -q "^SELISIH  *Rp0$" "$DIR/shift.out" ||
    { cat "$DIR/shift.out" >&2; pos_fail "the drawer less the producer"; }
printf '9876\n' | "$POS" report --db "$DB" --close --user maria --pin-stdin \
    >/dev/null || pos_fail "close 2"

# Three days on: the sachet lot is past its best-before date.
NTT_FAKE_NOW_MS=$((NTT_FAKE_NOW_MS + 3 * 86400000))
POS_ENV="NTT_FAKE_NOW_MS=$NTT_FAKE_NOW_MS"
pos_shift open ani 1234 0
pos_start 80 24
pos_login ani 1234
pos_scan "8992647000210" "TOTAL (1 barang)"
pos_keys F10
pos_keys Enter
pos_wait "Persetujuan manajer"
pos_wait "kedaluwarsa"
pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Lunas"
pos_keys Escape
pos_quit
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 maria login
$((POS_BASE + 2)) consign.in 0 4 maria -
$((POS_BASE + 3)) consign.in 0 3 maria -
$((POS_BASE + 4)) sale 150000 3 maria -
$((POS_BASE + 5)) consign.return 0 3 maria -
$((POS_BASE + 6)) shift.close 0 20 ani -
$((POS_BASE + 7)) shift.close 0 20 yosef -
$((POS_BASE + 8)) shift.close 150000 22 maria -
$((POS_BASE + 9)) day.close 150000 30 maria -
$((POS_BASE + 10)) shift.open 200000 1 maria -
$((POS_BASE + 11)) consign.settle -120000 10 maria KW-0001
$((POS_BASE + 12)) event 0 1 maria logout
$((POS_BASE + 13)) shift.close 80000 23 maria -
$((POS_BASE + 14)) day.close 0 27 maria -
$((POS_BASE + 15)) shift.open 0 0 ani -
$((POS_BASE + 16)) event 0 2 ani login
$((POS_BASE + 17)) event 0 4 ani approval
$((POS_BASE + 18)) sale 25000 4 ani -
$((POS_BASE + 19)) event 0 1 ani logout
EOT
"$POS" journal --db "$DB" --from $((POS_BASE + 14)) --lines |
    grep -q "^  field cash_out_rp 0 - 120000 " || pos_fail "the Z's cash out"
"$POS" journal --db "$DB" --from $((POS_BASE + 18)) --lines |
    grep -q "^  approval kedaluwarsa .* maria$" || pos_fail "the approval line"
echo "pos-lots: ok"
