#!/bin/sh
# SPDX-License-Identifier: ISC
# A cashier's shift and the day's Z, all by keyboard (docs/cashier.md
# §Shifts): ani logs in and is asked her opening cash (Rp200.000), sells
# for cash with change and for QRIS, takes Rp20.000 out of the drawer,
# closes with a blind count Rp30.000 short, which is recorded, not refused,
# and past the limit needs maria's approval with a note; maria's Z is
# printed to a file: printer and must be the golden bytes
# (tests/golden/z-shift-58.bin; NTT_UPDATE_GOLDEN=1 rewrites it and its
# hexdump). The clock is fixed, so the paper is the same every run.
POS=$1
GOLDEN=$(dirname "$0")/../golden/z-shift-58
. "$(dirname "$0")/pos-lib.sh"

V1=00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung\ Sayur\ Bu\ Sugeng6010Kab.\ Demak610559567630458C7
POS_NO_SHIFTS=1
# 23-11-2026 10:00 WITA.
NTT_FAKE_NOW_MS=1795399200000
export NTT_FAKE_NOW_MS
POS_ENV="NTT_FAKE_NOW_MS=$NTT_FAKE_NOW_MS"
pos_setup
pos_start 80 24

# Maria sets the shop up: QRIS, and the printer a file.
pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Buka shift: hitung modal awal"
pos_keys Escape
pos_wait "Kode:"
pos_keys C-k
pos_wait "QRIS statis toko"
pos_type "$V1"
pos_keys Enter
pos_wait "QRIS toko tersimpan"
pos_keys F11
pos_wait "MENU MANAJER"
pos_type 9
pos_wait "printer.profile"
pos_type printer
pos_gone "receipt.footer"
pos_keys Enter
pos_wait "Pengaturan printer"
for i in 1 2 3 4; do pos_keys BSpace; done
pos_type "file:$DIR/paper.bin"
pos_keys F10
pos_wait "Pengaturan tersimpan"
pos_keys Escape
pos_keys Escape
pos_wait "Kode:"
pos_keys Escape
pos_wait "Masuk kasir"

# Ani: no sale without a shift; the login asks the opening cash.
pos_type ani; pos_keys Enter; pos_type 1234; pos_keys Enter
pos_wait "Buka shift: hitung modal awal"
pos_type 2
pos_keys F10
pos_wait "Shift dibuka"
pos_wait "Shift buka 10:00"
pos_scan "2*8997214001027" "Kopi Arabika Bajawa Bubuk"
pos_keys F10
pos_wait "SISA TAGIHAN"
pos_type 200000
pos_keys Enter
pos_wait "Lunas, tersimpan"
pos_scan "8997214001027" "Kopi Arabika Bajawa Bubuk"
pos_keys F10
pos_wait "SISA TAGIHAN"
pos_keys F6
pos_wait "Minta pelanggan scan kode ini."
pos_keys Enter
pos_wait "QRIS diterima: nomor referensi"
pos_type RRN777
pos_keys Enter
pos_wait "Lunas, tersimpan"
# Rp20.000 out for shopping: below the limit, no manager.
pos_keys C-e
pos_wait "Kas masuk / kas keluar"
pos_keys Enter
pos_type 20000
pos_keys Enter
pos_type "air galon"
pos_keys F10
pos_wait "Kas tercatat"
# The X changes nothing.
pos_keys C-x
pos_wait "LAPORAN X SHIFT"
pos_keys NPage
pos_wait "Tunai seharusnya       Rp330.000"
pos_keys Escape
pos_wait "Kode:"
# The blind count: 3 x Rp100.000 and the QRIS total; nothing expected
# is shown before it is written.
pos_keys C-t
pos_wait "Tutup shift: hitung semua uang"
pos_gone "seharusnya"
pos_type 3
for i in 1 2 3 4 5 6 7 8 9 10; do pos_keys Enter; done
pos_type 75000
pos_keys F10
pos_wait "Selisih kas -Rp30.000 di atas batas"
pos_type "uang terselip"
pos_keys F10
pos_wait "Persetujuan manajer"
pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Selisih disetujui manajer"
pos_keys NPage
pos_wait "KURANG"
pos_keys Escape
pos_wait "Shift belum buka"
pos_keys Escape
pos_wait "Masuk kasir"

# Maria closes the day: the Z on paper.
pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Buka shift: hitung modal awal"
pos_keys Escape
pos_wait "Kode:"
before=$(wc -c < "$DIR/paper.bin")
pos_keys F11
pos_wait "MENU MANAJER"
pos_type e
pos_wait "Tutup hari usaha 2026-11-23"
pos_keys Enter
pos_wait "LAPORAN Z"
pos_wait "Hari ditutup"
tail -c +$((before + 1)) "$DIR/paper.bin" > "$DIR/z.bin"
if [ "${NTT_UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$DIR/z.bin" "$GOLDEN.bin"
	hexdump -C "$DIR/z.bin" > "$GOLDEN.txt"
fi
cmp -s "$DIR/z.bin" "$GOLDEN.bin" || {
	hexdump -C "$DIR/z.bin" | diff -u "$GOLDEN.txt" - >&2 || true
	pos_fail "Z bytes differ from $GOLDEN.bin"
}
pos_keys Escape
pos_wait "MENU MANAJER"
pos_keys Escape
pos_wait "Kode:"
pos_quit
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 maria login
$((POS_BASE + 2)) catalog 0 2 maria setting
$((POS_BASE + 3)) catalog 0 2 maria setting
$((POS_BASE + 4)) event 0 1 maria logout
$((POS_BASE + 5)) event 0 2 ani login
$((POS_BASE + 6)) shift.open 200000 1 ani -
$((POS_BASE + 7)) sale 150000 4 ani -
$((POS_BASE + 8)) sale 75000 3 ani -
$((POS_BASE + 9)) cash -20000 1 ani belanja
$((POS_BASE + 10)) shift.close 300000 21 ani -
$((POS_BASE + 11)) event 0 4 ani approval
$((POS_BASE + 12)) event 0 3 ani shift.diff
$((POS_BASE + 13)) event 0 1 ani logout
$((POS_BASE + 14)) event 0 2 maria login
$((POS_BASE + 15)) day.close 225000 30 maria -
$((POS_BASE + 16)) event 0 1 maria logout
EOT
