#!/bin/sh
# SPDX-License-Identifier: ISC
# The back office at 80x24 (docs/cashier.md §Back office), through the real
# ntt-pos: a producer and a product added (each bad field refused with the
# rule it breaks and nothing written), the product sold, its price changed
# now (the earlier sale keeps its price) and from a later day, a cashier
# added who then logs in, a PIN reset, a locked user unlocked, the stock
# list, a kasir asked for a manager before selling a food whose P-IRT
# expired. verify rebuilds the catalog from the journal.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

# Empties the focused form field (the longest is a few dozen bytes).
pos_clear() {
	i=0
	while [ $i -lt ${1:-40} ]; do
		pos_keys BSpace
		i=$((i + 1))
	done
}
# Tab n times.
pos_tab() {
	i=0
	while [ $i -lt "$1" ]; do
		pos_keys Tab
		i=$((i + 1))
	done
}

pos_setup
pos_start 80 24
pos_login maria 9876
pos_keys F11
pos_wait "MENU MANAJER"
pos_wait "4  Stok per barang"

# --- A producer: the NIB is 13 digits, the kabupaten one of NTT's. ---
pos_type 2
pos_wait "SUP-001"
pos_keys F2
pos_wait "Pemasok baru"
pos_type SUP-100; pos_keys Tab
pos_type "Kelompok Madu Uji"; pos_keys Tab
pos_type 12345; pos_keys Tab
pos_keys F10
pos_wait "NIB: harus 13 angka"
pos_keys Up; pos_clear 10
pos_type 9120105423799; pos_keys Tab
pos_keys Right; pos_keys Tab			# Alor
pos_type "Desa Uji"; pos_keys Tab
pos_type "madu hutan"; pos_keys Tab
pos_type "12ab"; pos_keys Tab
pos_keys F10
pos_wait "Telepon: 8-15 angka"
pos_keys Up; pos_clear 10
pos_type 081234567890
pos_keys F10
pos_wait "Pemasok tersimpan"
pos_wait "Kelompok Madu Uji"
pos_keys Escape
pos_wait "MENU MANAJER"

# --- A product: price 0, a bad check digit, a barcode taken, refused. ---
pos_type 1
pos_wait "Abon Ikan Tuna"
pos_keys F2
pos_wait "Barang baru"
pos_type MDU-UJI-250; pos_keys Tab
pos_type "Madu Uji 250 ml"; pos_keys Tab
pos_type 0
pos_keys F10
pos_wait "Harga: harus Rp1 sampai Rp100.000.000"
pos_clear 3
pos_type 45000
pos_tab 3					# -> Kategori
pos_type Madu
pos_tab 4					# -> Harga beli/pemasok
pos_tab 1					# -> Pemasok
pos_type SUP-100
pos_tab 3					# -> Barcode
pos_type 8990000001236
pos_keys F10
pos_wait "digit periksa salah"
pos_clear 14
pos_type 8997214001027				# the demo's Kopi Bajawa
pos_keys F10
pos_wait "sudah dipakai KOP-BJW-250"
pos_clear 14
pos_type 8990000001232
pos_keys Tab
pos_keys Right					# pirt
pos_keys Tab
pos_type 2105311010099-30
pos_keys Tab
pos_type 2026-01-31
pos_keys Tab
pos_type 2025-01-31
pos_keys F10
pos_wait "kedaluwarsa 2025-01-31 sebelum terbit 2026-01-31"
pos_clear 12
pos_type 2030-12-31
pos_keys F10
pos_wait "Barang baru tersimpan"
pos_keys Escape
pos_wait "MENU MANAJER"
pos_keys Escape
pos_wait "TOTAL (0 barang)"

# --- Sold: no stock received, so a warning, not a refusal. ---
pos_scan 8990000001232 "Madu Uji 250 ml"
pos_wait "PERINGATAN Madu Uji 250 ml: stok tercatat 0"
pos_wait "45.000"
pos_pay_exact
FIRST=$NUM

# --- The price now: the next sale at 50.000, the first keeps 45.000. ---
pos_keys F11
pos_type 1
pos_type MDU-UJI
pos_wait "Madu Uji 250 ml"
pos_keys Enter
pos_wait "Barang MDU-UJI-250"
pos_tab 2
pos_clear 10
pos_type 50000
pos_keys F10
pos_wait "Barang tersimpan"
pos_wait "Rp50.000"
# ... and one from a later day: scheduled, today's price stays.
pos_keys Enter
pos_wait "Barang MDU-UJI-250"
pos_tab 2
pos_clear 10
pos_type 60000
pos_keys Tab
pos_type 2020-01-01
pos_keys F10
pos_wait "Harga mulai: harus sesudah hari ini"
pos_clear 12
pos_type 2199-01-01
pos_keys F10
pos_wait "Barang tersimpan"
pos_wait "Rp50.000"
pos_keys Enter
pos_wait "Barang MDU-UJI-250"
pos_tab 3
pos_wait "Terjadwal: Rp60.000 mulai 2199-01-01"
pos_keys Escape
pos_keys Escape
pos_keys Escape
pos_wait "F11Menu"
pos_scan 8990000001232 "50.000"
pos_pay_exact
SECOND=$NUM

# --- The stock list: sold twice, never received. ---
pos_keys F11
pos_type 4
pos_wait "Stok per barang"
pos_type "Madu Uji"
pos_wait "-2 !"
pos_keys Escape
pos_wait "MENU MANAJER"

# --- A cashier: a weak PIN and a PIN typed twice differently refused. ---
pos_type 3
pos_wait "maria"
pos_keys F2
pos_wait "Pengguna baru"
pos_type budi; pos_keys Tab
pos_type "Budi Lena"; pos_tab 3
pos_type 1234; pos_keys Tab
pos_type 1234
pos_keys F10
pos_wait "PIN: terlalu mudah ditebak"
pos_keys Up; pos_clear 8
pos_type 4826; pos_keys Tab; pos_clear 8
pos_type 4827
pos_keys F10
pos_wait "kedua ketikan tidak sama"
pos_clear 8
pos_type 4826
pos_keys F10
pos_wait "Pengguna tersimpan"
pos_wait "Budi Lena"
pos_keys Escape
pos_keys Escape
pos_keys Escape
pos_wait "Masuk kasir"
pos_login budi 4826
pos_wait "Budi Lena (kasir)"
# A kasir opens no manager screen.
pos_keys F11
pos_type 3
pos_wait "hanya manajer atau admin"
pos_keys Escape
pos_keys Escape
pos_wait "Masuk kasir"

# --- PIN reset with budi there; wrong PINs then an unlock. ---
pos_type budi; pos_keys Enter; pos_type 1111; pos_keys Enter
pos_wait "PIN salah"
pos_keys Escape
pos_keys Escape
pos_login maria 9876
pos_keys F11
pos_type 3
pos_type budi
pos_wait "1 PIN salah (F7)"
pos_keys F7
pos_wait "budi dibuka"
pos_wait "aktif"
pos_keys Enter
pos_wait "Pengguna budi"
pos_tab 4
pos_type 5937; pos_keys Tab; pos_type 5937
pos_keys F10
pos_wait "Pengguna tersimpan"
pos_keys Escape
pos_keys Escape
pos_keys Escape
pos_wait "Masuk kasir"
pos_type budi; pos_keys Enter; pos_type 4826; pos_keys Enter
pos_wait "PIN salah"
pos_keys Escape
pos_keys Escape
pos_login budi 5937
pos_wait "Budi Lena (kasir)"

# --- A food whose P-IRT expired in 2025: a kasir needs a manager. ---
pos_scan 8998321000118 "Persetujuan manajer"
pos_wait "pirt kedaluwarsa 2025-09-30"

pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Minyak Kelapa Kampung Sikka"
pos_wait "PERINGATAN"
pos_wait "disetujui maria"
pos_keys F9
pos_wait "Batalkan"
pos_keys Enter
pos_wait "Persetujuan manajer"
pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "TOTAL (0 barang)"
pos_quit
pos_verify

# The first sale keeps its price; the second has the new one.
j=$("$POS" journal --db "$DB" --lines)
echo "$j" | awk -v n="${FIRST##*-}" '$1 + 0 == n + 0 { p = 1; next }
    /^[0-9]/ { p = 0 } p && $1 == "item" && $2 == "MDU-UJI-250" { print $5 }' |
    grep -qx 45000 || pos_fail "first sale's price"
echo "$j" | awk -v n="${SECOND##*-}" '$1 + 0 == n + 0 { p = 1; next }
    /^[0-9]/ { p = 0 } p && $1 == "item" && $2 == "MDU-UJI-250" { print $5 }' |
    grep -qx 50000 || pos_fail "second sale's price"
echo "$j" | grep -q "catalog 0 3 maria price" || pos_fail "price entry"
echo "$j" | grep -q "field cert_issued .* pirt|2026-01-31" ||
    pos_fail "cert issue date"
echo "$j" | grep -q "approval .*jual-peringatan" ||
    echo "$j" | grep -q "field action .*jual-peringatan" ||
    pos_fail "approval event"
# Receipt reprinted from the ledger still says 45.000.
"$POS" verify --db "$DB" | grep -q "OK" || pos_fail "verify"
echo "pos-backoffice: ok"
