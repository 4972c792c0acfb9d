#!/bin/sh
# SPDX-License-Identifier: ISC
# The back office (screen-office.c): a kasir sees the manager's rows but
# cannot open them; a manager opens the settings, a bad value is refused
# with the rule it breaks and nothing written, a good one is one signed
# entry, and verify rebuilds the settings from the journal.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

pos_setup
pos_start 80 24
pos_login ani 1234
pos_keys F11
pos_wait "MENU MANAJER"
pos_wait "(hanya manajer)"
pos_type 9
pos_wait "hanya manajer atau admin"
pos_keys Escape
pos_wait "TOTAL (0 barang)"
pos_keys Escape
pos_wait "Masuk kasir"

pos_login maria 9876
pos_keys F11
pos_wait "MENU MANAJER"
pos_type 9
pos_wait "disc.max_bp.kasir"
# Search narrows the list as one types.
pos_type disc.max
pos_gone "receipt.footer"
pos_wait "disc.max_bp.manajer"
pos_keys Enter
pos_wait "Pengaturan disc.max_bp.kasir"
for i in 1 2 3 4; do pos_keys BSpace; done
pos_type 20000
pos_keys F10
pos_wait "harus 0 sampai 10000"
for i in 1 2 3 4 5; do pos_keys BSpace; done
pos_type 1500
pos_keys F10
pos_wait "Pengaturan tersimpan"
pos_wait "1500"
# A closed set is chosen, not typed.
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18; do pos_keys BSpace; done
pos_type printer.profile
pos_keys Enter
pos_wait "Pengaturan printer.profile"
pos_type x
pos_keys Right
pos_keys F10
pos_wait "Pengaturan tersimpan"
pos_keys Escape
pos_keys Escape
pos_wait "TOTAL (0 barang)"
pos_keys Escape
pos_quit
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 ani login
$((POS_BASE + 2)) event 0 1 ani logout
$((POS_BASE + 3)) event 0 2 maria login
$((POS_BASE + 4)) catalog 0 2 maria setting
$((POS_BASE + 5)) catalog 0 2 maria setting
$((POS_BASE + 6)) event 0 1 maria logout
EOT
"$POS" journal --db "$DB" --from $((POS_BASE + 4)) --lines | grep -q "value.*1500" ||
    pos_fail "the discount limit entry"
"$POS" journal --db "$DB" --from $((POS_BASE + 5)) --lines | grep -q "value.*80" ||
    pos_fail "the paper entry"
echo "pos-office: ok"
