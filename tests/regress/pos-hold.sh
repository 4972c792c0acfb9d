#!/bin/sh
# SPDX-License-Identifier: ISC
# Hold and recall, void and cancel: a sale held while another customer is
# served and cancelled (logged, with a manager's approval), recalled, held
# again across a change of cashier, recalled by the other cashier and paid.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

pos_setup
pos_start 80 24
pos_login ani 1234
pos_scan 8997214001027 "Kopi Arabika Bajawa Bubuk"
pos_scan 8992647000111 "Madu Hutan Timor 250 ml"
pos_keys F7
pos_wait "Transaksi ditahan sebagai #1"
pos_wait "TOTAL (0 barang)"

pos_scan 8993350002010 "Garam Beryodium Kupang 500 g"
pos_keys F9
pos_wait "Batalkan seluruh transaksi?"
pos_keys Escape
pos_wait "Garam Beryodium Kupang 500 g"
pos_keys F9
pos_keys Enter
# A kasir cancels a sale only with a manager, on the spot.
pos_wait "Persetujuan manajer"
pos_wait "Batal transaksi Garam Beryodium Kupang 500 g Rp8.000"
pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Transaksi dibatalkan (tercatat)"

pos_keys F8
pos_wait "TRANSAKSI DITAHAN"
pos_screen | grep -E "#1 .* ani .*Kopi Arabika Bajawa Bubuk 250 g \+1 +Rp150.000" \
    >/dev/null || pos_fail "held list"
pos_keys Enter
pos_wait "Transaksi #1 diambil"
pos_wait "TOTAL (2 barang)"

# Held again; another cashier takes it over.
pos_keys F7
pos_wait "ditahan sebagai #1"
pos_keys Escape
pos_wait "Masuk kasir"
pos_login yosef 2345
pos_keys F8
pos_wait "TRANSAKSI DITAHAN"
pos_keys Enter
pos_wait "TOTAL (2 barang)"
pos_keys F10
pos_type 200000
pos_keys Enter
pos_wait "kembalian Rp50.000"

pos_quit
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 ani login
$((POS_BASE + 2)) event 0 4 ani approval
$((POS_BASE + 3)) event 0 4 ani sale.cancel
$((POS_BASE + 4)) event 0 1 ani logout
$((POS_BASE + 5)) event 0 2 yosef login
$((POS_BASE + 6)) sale 150000 6 yosef -
$((POS_BASE + 7)) event 0 1 yosef logout
EOT
echo "pos-hold: ok"
