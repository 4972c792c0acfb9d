#!/bin/sh
# SPDX-License-Identifier: ISC
# The open sale survives SIGKILL: lines, a weighed label, a discount and
# a debit tender, then kill -9 of ntt-pos itself. The ledger verifies,
# and after a restart and login the same sale is back exactly as it was
# on screen, tender included, and is paid. No sale entry exists until then.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

pos_setup
pos_start_exec 80 24
pos_login ani 1234
pos_scan 8997214001027 "Kopi Arabika Bajawa Bubuk"
pos_scan "2*8992647000111" "Madu Hutan Timor 250 ml"
pos_scan "$(pos_ean13 210003300750)" "Se'i Babi Rusuk Curah"
pos_keys F5
pos_type "5%"
pos_keys Enter
pos_wait "-9.375"
pos_keys F10
pos_type 50000
pos_keys F7
pos_type EDC77
pos_keys Enter
pos_wait "Kartu Debit EDC77"
pos_keys Escape
pos_wait "Sudah dibayar Rp50.000"
pos_screen | sed -n 2,20p >"$DIR/before"

kill -9 "$(pos_pid)"
sleep 0.5
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 ani login
EOT

pos_start_exec 80 24
pos_login ani 1234
pos_wait "Transaksi terbuka dilanjutkan"
pos_screen | sed -n 2,20p >"$DIR/after"
diff -u "$DIR/before" "$DIR/after" || pos_fail "sale not the same"
pos_keys F10
pos_wait "Kartu Debit EDC77"
pos_keys Enter
pos_wait "Lunas, tersimpan"

pos_keys Escape
pos_wait "Masuk kasir"
pos_keys F10
sleep 0.5
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 ani login
$((POS_BASE + 2)) event 0 2 ani login
$((POS_BASE + 3)) sale 403125 9 ani -
$((POS_BASE + 4)) event 0 1 ani logout
EOT
echo "pos-kill: ok"
