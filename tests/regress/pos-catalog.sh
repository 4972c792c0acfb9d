#!/bin/sh
# SPDX-License-Identifier: ISC
# The back office's labels (menu 5) and CSV import (menu 6) in a real
# terminal: a manager sets the printer, prints two shelf labels of a
# product that had no barcode (it gets the outlet's number, one signed
# entry), and the labels' barcode reads back from the printed bytes; then
# types the paths of two CSV files, sees every refused row by line and
# column with nothing written, and commits the rest on F10 in one
# transaction; verify rebuilds the catalog from the journal.
#	pos-catalog.sh NTT-POS [ESCPOS2PNG]
POS=$1
TOPNG=${2:-}
. "$(dirname "$0")/pos-lib.sh"

pos_setup
printf 'kode;nama;nib\nSUP-301;UD Satu;9120105400011\nSUP-302;UD Dua;12345\n' \
    >"$DIR/pemasok.csv"
printf 'sku;nama;harga;pemasok\nIMP-1;Tikar Pandan;75000;SUP-301\nIMP-2;Nol;0;SUP-301\nIMP-3;Tas;5000;SUP-302\n' \
    >"$DIR/produk.csv"
pos_start 80 24
pos_login maria 9876
pos_keys F11
pos_wait "MENU MANAJER"
pos_wait "Cetak label"
pos_wait "Impor/ekspor CSV"
# The printer: a file, so the labels can be read back.
pos_type 9
pos_wait "disc.max_bp.kasir"
pos_type printer
pos_wait "printer.profile"
pos_keys Enter
pos_wait "Pengaturan printer"
for i in 1 2 3 4; do pos_keys BSpace; done
pos_type "file:$DIR/printer.bin"
pos_keys F10
pos_wait "Pengaturan tersimpan"
pos_keys Escape
pos_wait "MENU MANAJER"

# Labels: search, pick, two copies.
pos_type 5
pos_wait "Nama barang (ketik untuk mencari)"
pos_type "TEN-SBT-SLD"
pos_wait "TEN-SBT-SLD"
pos_keys Enter
pos_wait "Cetak label TEN-SBT-SLD"
pos_keys Tab
pos_keys BSpace
pos_type 2
pos_keys F10
pos_wait "2 label TEN-SBT-SLD tercetak, barcode 2900010000015 (nomor toko baru"
pos_keys Escape
pos_wait "MENU MANAJER"

# The CSV screen: a dry run lists every refusal, F10 writes the rest.
pos_type 6
pos_wait "IMPOR/EKSPOR CSV"
pos_type "$DIR/pemasok.csv"
pos_keys Tab
pos_type "$DIR/produk.csv"
pos_keys F5
pos_wait "pemasok baris 3 kolom 3 (nib): NIB: harus 13 angka"
pos_wait "produk baris 3 kolom 3 (harga): Harga: harus Rp1"
pos_wait "produk baris 4 kolom 4 (pemasok): pemasok SUP-302 tidak"
pos_wait "Uji coba: 3 baris ditolak"
pos_journal_count=$("$POS" journal --db "$DB" | wc -l)
pos_keys F10
pos_wait "3 baris ditolak tidak diimpor. Simpan baris lainnya?"
pos_keys Enter
pos_wait "Tersimpan: 2 entri katalog"
pos_keys Escape
pos_wait "MENU MANAJER"
pos_keys Escape
pos_wait "TOTAL (0 barang)"
pos_keys Escape
pos_quit
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 maria login
$((POS_BASE + 2)) catalog 0 2 maria setting
$((POS_BASE + 3)) catalog 0 14 maria product
$((POS_BASE + 4)) catalog 0 8 maria supplier
$((POS_BASE + 5)) catalog 0 13 maria product
$((POS_BASE + 6)) event 0 1 maria logout
EOT
[ "$pos_journal_count" -eq $((POS_BASE + 3)) ] ||
    pos_fail "the dry run wrote"
if [ -n "$TOPNG" ] && command -v zbarimg >/dev/null 2>&1; then
	"$TOPNG" -w 384 -o "$DIR/printer.png" "$DIR/printer.bin"
	got=$(zbarimg --quiet -Sdisable -Sean13.enable "$DIR/printer.png" \
	    2>/dev/null | sort -u)
	[ "$got" = "EAN-13:2900010000015" ] ||
	    pos_fail "labels read back: '$got'"
fi
# Two copies: the label twice on the paper.
[ "$(grep -ao "TEN-SBT-SLD" "$DIR/printer.bin" | wc -l)" -eq 2 ] ||
    pos_fail "two labels"
echo "pos-catalog: ok"
