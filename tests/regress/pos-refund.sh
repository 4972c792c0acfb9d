#!/bin/sh
# SPDX-License-Identifier: ISC
# A refund by receipt number: part of a sale returned with a manager's
# approval (refused once with Esc, recorded), then the rest; a third try
# finds nothing left to return, and more than was sold is refused. Each
# refund is an entry referring to the sale.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

pos_setup
pos_start 80 24
pos_login ani 1234
pos_scan 8997214001027 "Kopi Arabika Bajawa Bubuk"
pos_scan "3*8992647000111" "Madu Hutan Timor 250 ml"
pos_pay_exact

pos_keys F12
pos_wait "Retur: nomor nota"
pos_type KPG01-K1-999999
pos_keys Enter
pos_wait "tidak ada"
pos_refund_open "$NUM"
pos_screen | grep -E "Madu Hutan Timor 250 ml +0/3" >/dev/null ||
    pos_fail "refund lines"
pos_keys Down
pos_keys F3
pos_wait "Jumlah yang dikembalikan"
pos_type 4
pos_keys Enter
pos_wait "paling banyak 3"
pos_keys F3
pos_type 2
pos_keys Enter
pos_wait "TOTAL RETUR (1 barang)"
pos_keys F10
pos_wait "UANG DIKEMBALIKAN"
pos_keys Enter
pos_wait "Retur $NUM Rp150.000"
pos_keys Escape
pos_wait "Tidak disetujui (tercatat)"
pos_keys Enter
pos_wait "Persetujuan manajer"
pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Retur tersimpan"

# The rest: 1 kopi and 1 madu are all that is left.
pos_refund_open "$NUM"
pos_screen | grep -E "Madu Hutan Timor 250 ml +0/1" >/dev/null ||
    pos_fail "left after the first refund"
pos_keys C-a
pos_wait "TOTAL RETUR (2 barang)"
pos_keys F10
pos_keys Enter
pos_wait "Persetujuan manajer"
pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Retur tersimpan"

# Nothing left to return.
pos_refund_open "$NUM"
pos_keys C-a
pos_keys F10
pos_wait "Pilih jumlah retur dulu"
pos_keys F9
pos_keys Enter
pos_wait "TOTAL (0 barang)"

pos_quit
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 ani login
$((POS_BASE + 2)) sale 300000 5 ani -
$((POS_BASE + 3)) event 0 4 ani approval
$((POS_BASE + 4)) event 0 4 ani approval
$((POS_BASE + 5)) refund -150000 4 ani retur $NUM
$((POS_BASE + 6)) event 0 4 ani approval
$((POS_BASE + 7)) refund -150000 6 ani retur $NUM
$((POS_BASE + 8)) event 0 1 ani logout
EOT
echo "pos-refund: ok"
