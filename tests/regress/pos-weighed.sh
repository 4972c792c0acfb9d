#!/bin/sh
# SPDX-License-Identifier: ISC
# Weighed goods and name search as you type: an in-store scale label
# (prefix 21, PLU 00031, 1,250 kg) and one with a bad check digit, a PLU
# typed that asks for the weight, a name search narrowed keystroke by
# keystroke with a count (3*), a weighed product picked by name, a line
# voided, then paid. The ledger holds exactly a login, the sale (voided
# line included) and a logout.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

pos_setup
pos_start 80 24
pos_login ani 1234

LABEL=$(pos_ean13 210003101250)
pos_scan "$LABEL" "Kopi Arabika Bajawa Biji Curah"
pos_screen | grep -E "1,250 kg +290.000/kg +362.500" >/dev/null ||
    pos_fail "scale label line"
BAD=$(echo "$LABEL" | sed 's/.$//')$(( ($(echo "$LABEL" | cut -c13) + 1) % 10 ))
pos_scan "$BAD" "digit periksa salah"
pos_wait "TOTAL (1 barang)"

# A weighed PLU typed by hand: the weight is asked.
pos_type 00032
pos_keys Enter
pos_wait "Berat Se'i Babi Curah"
pos_type "0,5 kg"
pos_keys Enter
pos_wait "0,500 kg"
pos_screen | grep -E "Se'i Babi Curah +0,500 kg +280.000/kg +140.000" \
    >/dev/null || pos_fail "weighed PLU line"

# Search as you type: "mete" lists all mete, " 500" narrows to one.
pos_type "3*mete"
pos_wait "CARI BARANG"
pos_wait "Kacang Mete Goreng Flores 250 g"
pos_wait "Kacang Mete Goreng Curah"
pos_type " 500"
pos_wait "Kacang Mete Goreng Flores 500 g"
pos_gone "Kacang Mete Goreng Flores 250 g"
pos_keys Enter
pos_wait "TOTAL (3 barang)"
pos_screen | grep -E "Kacang Mete Goreng Flores 500 g +3 +125.000 +375.000" \
    >/dev/null || pos_fail "3*search line"
# A weighed product found by name asks its weight too.
pos_type "garam kro"
pos_wait "Garam Krosok Oebelo Curah"
pos_keys Enter
pos_wait "Berat Garam Krosok Oebelo Curah"
pos_type 2000
pos_keys Enter
pos_wait "TOTAL (4 barang)"

# Void the Se'i line: Up twice from the last line, F4, Enter.
pos_keys Up
pos_keys Up
pos_keys F4
pos_wait "Hapus baris 2: Se'i Babi Curah?"
pos_keys Enter
pos_wait "dihapus"
pos_wait "TOTAL (3 barang)"

pos_keys F10
pos_wait "Rp751.500 (uang pas)"
pos_keys F2
pos_wait "Lunas, tersimpan"

pos_quit
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 ani login
$((POS_BASE + 2)) sale 751500 8 ani -
$((POS_BASE + 3)) event 0 1 ani logout
EOT
# The lots the sale took (lot lines) are not the cashier's lines.
"$POS" journal --db "$DB" --from $((POS_BASE + 2)) --lines | grep -v "^  lot " | sed -n 2,6p \
    >"$DIR/lines"
cat >"$DIR/want" <<EOT
  item KOP-BJW-KG 1250 g 290000 0 362500 0 308125 SUP-006 Kopi Arabika Bajawa Biji Curah
  item MET-FLT-500 3 pcs 125000 0 375000 0 318750 SUP-015 Kacang Mete Goreng Flores 500 g
  item GRM-KPG-KG 2000 g 7000 0 14000 0 12600 SUP-012 Garam Krosok Oebelo Curah
  void SEI-BBI-KG 500 g 280000 0 140000 0 0 SUP-010 Se'i Babi Curah
  pay cash 0 - 0 0 751500 0 0 - -
EOT
diff -u "$DIR/want" "$DIR/lines" || pos_fail "sale lines"
echo "pos-weighed: ok"
