#!/bin/sh
# SPDX-License-Identifier: ISC
# QRIS and a split payment: a manager stores the outlet's static QRIS once
# (a bad CRC is refused first); the cashier takes Rp100.000 by QRIS shown
# as a QR that must decode (zbarimg) to exactly the dynamic payload of
# `ntt-pos qris`, at 80x24 in quadrant blocks and at 120x40 in half
# blocks; Esc leaves it unrecorded; confirmed with a reference; a debit
# above what is due is refused; the rest in cash with change.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

V1=00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung\ Sayur\ Bu\ Sugeng6010Kab.\ Demak610559567630458C7
BADCRC=$(echo "$V1" | sed 's/58C7$/58C8/')

pos_setup
pos_start 80 24
pos_login maria 9876
pos_keys C-k
pos_wait "QRIS statis toko"
pos_type "$BADCRC"
pos_keys Enter
pos_wait "CRC"
pos_keys C-k
pos_type "$V1"
pos_keys Enter
pos_wait "QRIS toko tersimpan"
pos_keys Escape
pos_wait "Masuk kasir"

pos_login ani 1234
pos_scan "3*8997214001027" "Kopi Arabika Bajawa Bubuk"
pos_keys F10
pos_wait "SISA TAGIHAN"
pos_type 100000
pos_keys F6
pos_wait "Minta pelanggan scan kode ini."
pos_wait "Warung Sayur Bu Sugeng"
WANT=$("$POS" qris "$V1" 100000)
GOT=$(pos_qr_decode quad 23)
[ "$GOT" = "$WANT" ] || pos_fail "QR at 80x24: got '$GOT' want '$WANT'"
# A larger terminal: square modules from half blocks.
tmux -L "$SOCK" resize-window -x 120 -y 40
sleep 0.5
pos_screen | grep -qF "▀" || pos_fail "half blocks at 120x40"
pos_screen | grep -qF "▘" && pos_fail "quadrants at 120x40"
GOT=$(pos_qr_decode half 39)
[ "$GOT" = "$WANT" ] || pos_fail "QR at 120x40"
tmux -L "$SOCK" resize-window -x 80 -y 24
pos_keys Escape
pos_wait "QRIS tidak dicatat"
pos_wait "SISA TAGIHAN"

pos_keys F6
pos_wait "Minta pelanggan scan kode ini."
pos_keys Enter
pos_wait "QRIS diterima: nomor referensi"
pos_type RRN123
pos_keys Enter
pos_wait "QRIS RRN123"
pos_screen | grep -E "Sisa +Rp125.000" >/dev/null || pos_fail "rest due"

pos_type 200000
pos_keys F7
pos_wait "nomor referensi"
pos_keys Enter
pos_wait "Kartu Debit melebihi sisa tagihan"
pos_type 150000
pos_keys Enter
pos_wait "kembalian Rp25.000"

pos_quit
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 maria login
$((POS_BASE + 2)) catalog 0 2 maria setting
$((POS_BASE + 3)) event 0 1 maria logout
$((POS_BASE + 4)) event 0 2 ani login
$((POS_BASE + 5)) sale 225000 5 ani -
$((POS_BASE + 6)) event 0 1 ani logout
EOT
# The lots the sale took (lot lines) are not the cashier's lines.
"$POS" journal --db "$DB" --from $((POS_BASE + 5)) --lines | grep -v "^  lot " | sed -n 3,5p \
    >"$DIR/lines"
cat >"$DIR/want" <<EOT
  pay qris 0 - 0 0 100000 0 0 - RRN123
  pay cash 0 - 0 0 150000 0 0 - -
  change cash 0 - 0 0 25000 0 0 - -
EOT
diff -u "$DIR/want" "$DIR/lines" || pos_fail "pay lines"
echo "pos-qris: ok"
