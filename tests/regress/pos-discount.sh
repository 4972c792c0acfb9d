#!/bin/sh
# SPDX-License-Identifier: ISC
# Discounts and a manager's PIN on the spot: 10% is within the kasir's
# limit; 25% asks for a manager; a kasir cannot approve, Esc refuses, a
# wrong manager PIN is refused, the right one approves; after a refusal
# the box starts again from an empty code. A sale discount in rupiah
# within limit. Every attempt is an entry, approved or not.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

# The approval box after a refusal: code and PIN empty, the cursor in the
# code (what is typed next shows there).
appr_empty() {
	sleep 0.3
	pos_screen | grep -qE "Kode manajer: +│" ||
	    pos_fail "the code is kept after a refusal"
	pos_screen | grep -qE "PIN: +│" ||
	    pos_fail "the PIN is kept after a refusal"
	pos_type "$1"
	pos_wait "Kode manajer:   $1"
}

pos_setup
pos_start 80 24
pos_login ani 1234
pos_scan "3*8997214001027" "Kopi Arabika Bajawa Bubuk"

pos_keys F5
pos_wait "Diskon baris 1"
pos_type "10%"
pos_keys Enter
pos_wait "-22.500"

pos_keys F5
pos_type "25%"
pos_keys Enter
pos_wait "Persetujuan manajer"
pos_wait "Diskon 25% baris 1 Kopi Arabika Bajawa Bubuk 250 g"
pos_type yosef; pos_keys Enter; pos_type 2345; pos_keys Enter
pos_wait "yosef bukan manajer"
appr_empty maria
pos_keys Escape
pos_wait "Tidak disetujui (tercatat)"
pos_wait "-22.500"

pos_keys F5
pos_type "25%"
pos_keys Enter
pos_wait "Persetujuan manajer"
pos_type maria; pos_keys Enter; pos_type 1111; pos_keys Enter
pos_wait "PIN salah"
appr_empty maria
pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Diskon disetujui manajer"
pos_screen | grep -E "3 +75.000 +-56.250 +168.750" >/dev/null ||
    pos_fail "25% line"

pos_keys F6
pos_wait "Diskon total transaksi"
pos_type "5.000"
pos_keys Enter
pos_wait "Subtotal Rp168.750  Diskon -Rp5.000"
pos_keys F10
pos_wait "Rp163.750 (uang pas)"
pos_keys Enter
pos_wait "Lunas, tersimpan"

pos_quit
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 ani login
$((POS_BASE + 2)) event 0 4 ani approval
$((POS_BASE + 3)) event 0 4 ani approval
$((POS_BASE + 4)) event 0 2 maria pin.fail
$((POS_BASE + 5)) event 0 4 ani approval
$((POS_BASE + 6)) event 0 4 ani approval
$((POS_BASE + 7)) sale 163750 5 ani -
$((POS_BASE + 8)) event 0 1 ani logout
EOT
"$POS" journal --db "$DB" --from $((POS_BASE + 2)) --lines |
    sed -n 's/^  field result 0 - 0 0 0 0 0 - //p' >"$DIR/results"
printf '%s\n' "bukan manajer" batal ditolak disetujui | diff -u - \
    "$DIR/results" || pos_fail "approval results"
"$POS" journal --db "$DB" --from $((POS_BASE + 7)) --lines | grep -F \
    "  disc KOP-BJW-250 2500 - 0 0 56250 0 0 maria baris 1" >/dev/null ||
    pos_fail "approver on the discount"
echo "pos-discount: ok"
