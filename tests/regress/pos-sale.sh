#!/bin/sh
# SPDX-License-Identifier: ISC
# The main path at the counter, in a real 80x24 terminal: log in, scan,
# 3* for a count, a bad check digit refused, the help screen, Esc backing
# out of payment without losing anything, cash with change, the receipt
# written after the commit, the status line, a resize to 120x40 and to
# too small, logout. Then the ledger verifies and holds exactly a login,
# one sale and a logout after the demo.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

pos_setup
pos_start 80 24
pos_screen | grep -qF "F10Keluar" || pos_fail "login legend"
# A second counter on the same ledger is refused.
if "$POS" --db "$DB" >"$DIR/second.out" 2>&1; then
	pos_fail "second ntt-pos started"
fi
grep -qF "sudah berjalan" "$DIR/second.out" || pos_fail "second: message"

# A wrong PIN is refused (and is an entry of its own).
pos_type ani; pos_keys Enter; pos_type 1111; pos_keys Enter
pos_wait "PIN salah"
pos_type 1234; pos_keys Enter
pos_wait "Kode:"
pos_wait "F10Bayar"
pos_screen | grep -qF "Ani Seran (kasir)" || pos_fail "header"
pos_screen | tail -1 | grep -qF "│ani│" || pos_fail "status: cashier"
pos_screen | tail -1 | grep -qF "Printer tidak ada" || pos_fail "status: printer"

pos_scan 8997214001027 "Kopi Arabika Bajawa Bubuk"
pos_scan "3*8992647000111" "Madu Hutan Timor 250 ml"
pos_screen | grep -E "^ +2 Madu Hutan Timor 250 ml +3 +75.000 +225.000" \
    >/dev/null || pos_fail "3* line"
pos_wait "TOTAL (2 barang)"
# A bad check digit: refused, nothing changed.
pos_scan 8997214001028 "digit periksa salah"
pos_wait "TOTAL (2 barang)"
# Absurd quantity.
pos_scan "5000*8997214001027" "Jumlah harus 1 sampai 999"

# Help lists every key, Esc returns.
pos_keys F1
pos_wait "BANTUAN: SEMUA TOMBOL"
pos_wait "Hapus baris terpilih (tercatat)"
pos_keys Escape
pos_wait "TOTAL (2 barang)"

# Payment, then Esc: back with nothing lost.
pos_keys F10
pos_wait "SISA TAGIHAN"
pos_wait "Rp300.000 (uang pas)"
pos_type 100
pos_keys Escape
pos_wait "TOTAL (2 barang)"
pos_keys F10
pos_wait "SISA TAGIHAN"
pos_type 500000
pos_keys Enter
pos_wait "Lunas, tersimpan: nota KPG01-K1-000"
pos_wait "kembalian Rp200.000"
pos_wait "KEMBALIAN"
NUM=$(pos_screen | sed -n 's/.*Nota \(KPG01-K1-[0-9]*\).*/\1/p' | head -1)
[ -n "$NUM" ] || pos_fail "receipt number"
grep -qF "Rp300.000" "$DIR/struk/$NUM.txt" || pos_fail "receipt file"
grep -qF "Kembalian" "$DIR/struk/$NUM.txt" || pos_fail "receipt change"

# A larger terminal is used; a too small one is told so.
tmux -L "$SOCK" resize-window -x 120 -y 40
pos_wait "WITA"
pos_screen | grep -qF "F10Bayar F12Retur EscKeluar" || pos_fail "legend 120"
tmux -L "$SOCK" resize-window -x 70 -y 20
pos_wait "Layar terlalu kecil"
tmux -L "$SOCK" resize-window -x 80 -y 24
pos_wait "F10Bayar"

pos_quit
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOF
$((POS_BASE + 1)) event 0 2 ani pin.fail
$((POS_BASE + 2)) event 0 2 ani login
$((POS_BASE + 3)) sale 300000 6 ani -
$((POS_BASE + 4)) event 0 1 ani logout
EOF
echo "pos-sale: ok"
