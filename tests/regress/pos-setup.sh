#!/bin/sh
# SPDX-License-Identifier: ISC
# The first-run setup (docs/cashier.md §First-run setup) through the real
# ntt-pos at 80x24: on a path with no ledger it walks through the outlet,
# tax, the first manager (a weak PIN refused), the printer (a test page to
# a file: printer), the static QRIS shown as a QR that decodes back, and
# enrolment; quitting or a kill -9 half-way leaves nothing and the next
# start begins again. Then the new manager adds a producer and a product
# and sells it, the receipt printed to the file: printer, and verify
# passes.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

QRIS='00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458C7'
PRN=$DIR/printer.out

pos_clear() {
	i=0
	while [ $i -lt ${1:-40} ]; do
		pos_keys BSpace
		i=$((i + 1))
	done
}

setup_start() {
	pos_new_server
	tmux -u -L "$SOCK" -f /dev/null new-session -d -x 80 -y 24 \
	    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen $POS $*; \
	    echo EXIT=\$?; sleep 120"
}

nothing_made() {
	for f in "$DB" "$DB.key" "$DB-wal" "$DB.init-tmp" "$DB.key.init-tmp"; do
		[ -e "$f" ] && pos_fail "$1: $f was left"
	done
	return 0
}

# --- Quit half-way: nothing is made. ---
setup_start --db "$DB"
pos_wait "1/6 Outlet"
pos_type KPG09; pos_keys Tab; pos_type "NTT Mart Uji"
pos_keys Escape
pos_wait "Penyiapan outlet baru"
pos_keys Escape
pos_wait "EXIT=0"
nothing_made "quit"

# --- Killed half-way: nothing is made, and it starts again. ---
pos_new_server
tmux -u -L "$SOCK" -f /dev/null new-session -d -x 80 -y 24 \
    "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen $POS setup --db $DB"
tmux -L "$SOCK" set-option -t 0 remain-on-exit on >/dev/null
pos_wait "1/6 Outlet"
pos_type KPG09
kill -9 "$(pos_pid)"
sleep 0.3
nothing_made "kill -9"

# --- The whole walk. ---
setup_start setup --db "$DB"
pos_wait "1/6 Outlet"
pos_type kpg09; pos_keys Tab
pos_type "NTT Mart Uji Atambua"; pos_keys Tab
pos_type KPG09-K1; pos_keys Tab
pos_type "Jl. Uji No. 1, Atambua"; pos_keys Tab
pos_type 0389-21001; pos_keys Tab
pos_keys F10
pos_wait "Kode outlet: huruf besar"
pos_keys Up; pos_keys Up; pos_keys Up; pos_keys Up; pos_keys Up
pos_clear 8; pos_type KPG09
pos_keys F10
pos_wait "Kabupaten/kota: pilih satu"
pos_keys Up
pos_keys Right; pos_keys Right			# Belu
pos_keys F10
pos_wait "2/6 Pajak"
pos_keys Right					# PKP 1
pos_keys Tab
pos_type 12345
pos_keys F10
pos_wait "NPWP harus 15 atau 16 angka"
pos_clear 8
pos_type 0123456789012345
pos_keys F10
pos_wait "3/6 Manajer pertama"
pos_type "Yohana Manek"; pos_keys Tab
pos_type yohana; pos_keys Tab
pos_type 0000; pos_keys Tab; pos_type 0000
pos_keys F10
pos_wait "PIN: terlalu mudah ditebak"
pos_keys Up; pos_clear 8; pos_type 7391; pos_keys Tab; pos_clear 8
pos_type 7391
pos_keys F10
pos_wait "4/6 Printer dan kertas"
pos_wait "Yang terpasang di mesin ini"
pos_keys Tab
pos_type "file:$PRN"
pos_keys F10
pos_wait "5/6 QRIS statis"
[ -s "$PRN" ] || pos_fail "no test page"
grep -qa "HALAMAN UJI PRINTER" "$PRN" || pos_fail "test page text"
pos_type "${QRIS}X"
pos_keys F10
pos_wait "QRIS"
pos_screen | grep -q "6/6" && pos_fail "a bad QRIS was taken"
pos_keys BSpace
pos_keys F10
pos_wait "Pindai dengan ponsel"
if command -v zbarimg >/dev/null 2>&1; then
	got=$(pos_qr_decode quad 23 || true)
	[ "$got" = "$QRIS" ] || pos_fail "the QR on screen reads '$got'"
fi
pos_keys Enter
pos_wait "6/6 Pendaftaran ke provinsi"
pos_keys Right					# kode
pos_keys Tab
pos_type 7KQ2-M9XW
pos_keys F10
pos_wait "Kode pendaftaran: 16 huruf"
pos_clear 12
pos_keys Up; pos_keys Left			# offline
pos_keys F10
pos_wait "Enter: buat outlet sekarang"
pos_wait "KPG09 NTT Mart Uji Atambua"
nothing_made "before the last Enter"
pos_keys Enter
pos_wait "Masuk kasir"
pos_wait "Outlet dibuat"
[ -e "$DB" ] && [ -e "$DB.key" ] || pos_fail "ledger not made"

# --- The new manager: a producer, a product, a first sale. ---
pos_login yohana 7391 open
pos_wait "Yohana Manek (manajer)"
pos_keys F11
pos_type 2
pos_keys F2
pos_wait "Pemasok baru"
pos_type SUP-001; pos_keys Tab
pos_type "Kelompok Tenun Belu"
pos_keys F10
pos_wait "Pemasok tersimpan"
pos_keys Escape
pos_type 1
pos_keys F2
pos_wait "Barang baru"
pos_type TEN-BLU-SEL; pos_keys Tab
pos_type "Selendang Tenun Belu"; pos_keys Tab
pos_type 150000
for i in 1 2 3 4 5 6 7 8; do pos_keys Tab; done
pos_type SUP-001
pos_keys F10
pos_wait "Barang baru tersimpan"
pos_keys Escape
pos_keys Escape
pos_wait "F11Menu"
pos_scan TEN-BLU-SEL "Selendang Tenun Belu"
pos_wait "PERINGATAN"
pos_keys F10
pos_keys Enter
pos_wait "Lunas, tersimpan"
sleep 0.5
grep -qa "Selendang Tenun Belu" "$PRN" || pos_fail "receipt not printed"
grep -qa "NTT Mart Uji Atambua" "$PRN" || pos_fail "receipt header"
pos_quit
pos_verify
"$POS" journal --db "$DB" --lines >"$DIR/j"
grep -q "field key .* outlet.kabupaten" "$DIR/j" || pos_fail "kabupaten"
grep -q "field value .* Belu" "$DIR/j" || pos_fail "kabupaten value"
grep -q "field value .* offline" "$DIR/j" || pos_fail "enrol recorded"
grep -q "^[0-9]* catalog 0 5 yohana user" "$DIR/j" || pos_fail "manager"
grep -q "0123456789012345" "$DIR/j" || pos_fail "npwp"
# Setup refuses a ledger that exists.
if "$POS" setup --db "$DB" >"$DIR/again" 2>&1; then
	pos_fail "setup over a ledger"
fi
grep -q "sudah ada" "$DIR/again" || pos_fail "setup over a ledger: message"
echo "pos-setup: ok"
