#!/bin/sh
# SPDX-License-Identifier: ISC
# regress.catalog-csv: the CSV import and export through the real ntt-pos
# (docs/catalog-csv.md), and labels for what it brings in.
#  - an export imports back as it is: nothing to write;
#  - a producers' spreadsheet as Excel writes it (BOM, semicolons, CRLF,
#    CR and LF mixed, quotes, a cut last line) is read row by row;
#  - every bad row is refused by line and column, and nothing is written
#    until every row is good (or --skip-refused), all in one transaction;
#  - verify rebuilds the catalog from the journal after the import;
#  - 100 000 rows: the dry run's time and memory, measured and said;
#  - labels of an imported product: the outlet's number given once, the
#    label's barcode read back by zbarimg from the printed bytes.
#	catalog-csv.sh NTT-POS ESCPOS2PNG
set -eu
POS=$1
TOPNG=${2:-}
T=$(mktemp -d "${TMPDIR:-/tmp}/catalog-csv.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
DB=$T/l.db
n=0
fail() {
	echo "catalog-csv: FAIL: $*" >&2
	exit 1
}
ok() {
	n=$((n + 1))
}
# Lines of the journal: the count, to see that nothing was written.
entries() {
	"$POS" journal --db "$DB" | wc -l
}
# run EXIT CMD...: the command's exit status must be EXIT; out in $T/out.
run() {
	want=$1
	shift
	set +e
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	set -e
	[ "$got" = "$want" ] || { cat "$T/out" "$T/err" >&2;
	    fail "exit $got, want $want: $*"; }
}
has() {
	grep -qF -- "$1" "$T/out" || { cat "$T/out" >&2;
	    fail "output lacks: $1"; }
}
import() {
	printf '9876\n' | "$POS" import --db "$DB" --user maria --pin-stdin "$@"
}

"$POS" init --db "$DB" --demo >/dev/null

# An export reads back as it is: every row the same, nothing written.
run 0 "$POS" export --db "$DB" --producers "$T/p.csv" --products "$T/x.csv"
has "Diekspor: 96 baris"
head -c 3 "$T/x.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "no BOM"
before=$(entries)
run 0 import --producers "$T/p.csv" --products "$T/x.csv"
has "pemasok: 17 baris: 0 baru, 0 berubah, 17 sama, 0 ditolak"
has "produk: 79 baris: 0 baru, 0 berubah, 79 sama, 0 ditolak"
has "Tersimpan: 0 entri katalog"
[ "$(entries)" = "$before" ] || fail "an unchanged import wrote"
ok

# A producers' file as a spreadsheet writes it: BOM, semicolons, every
# line end, a quoted name with a semicolon and a line break, a blank row,
# and a last line cut short without its line end.
printf '\357\273\277Kode;Nama Usaha;NIB;Kabupaten/Kota;Desa;HP;No.\r\n' \
    >"$T/prod.csv"
printf 'SUP-101;"Kelompok Tenun; Ina ""Ndao""";9120105400011;Rote Ndao;' \
    >>"$T/prod.csv"
printf 'Desa Oelunggu;0812 3456 7890;1\r\nSUP-102;"UD Madu\nHutan Mutis";;TTS;;;2\n' \
    >>"$T/prod.csv"
printf ';;;;;;\rSUP-103;KUB Kopi Colol;9120105400035;Manggarai Timur;;;3' \
    >>"$T/prod.csv"
cat >"$T/new.csv" <<'EOT'
sku,name,price_rp,supplier,barcodes,certs,kategori
TEN-RND-101,Selimut Tenun Rote,650000,SUP-101,,,Tenun
MDU-TTS-102,Madu Hutan Mutis 250 ml,85000,SUP-102,8995500000013,pirt:2015301010012-30:2030-04-01,Makanan
KOP-MTM-103,Kopi Colol 200 g,60.000,SUP-103,,halal:ID53190000123450224,Kopi
EOT
before=$(entries)
run 0 "$POS" import --db "$DB" --producers "$T/prod.csv" --products \
    "$T/new.csv" --dry-run
has "pemasok: 3 baris: 3 baru, 0 berubah, 0 sama, 0 ditolak"
has "pemasok: kolom diabaikan: No."
has "produk: 3 baris: 3 baru, 0 berubah, 0 sama, 0 ditolak"
has "Uji coba: tidak ada yang disimpan"
[ "$(entries)" = "$before" ] || fail "a dry run wrote"
run 0 import --producers "$T/prod.csv" --products "$T/new.csv"
has "Tersimpan: 6 entri katalog"
[ "$(entries)" = $((before + 6)) ] || fail "6 entries"
"$POS" journal --db "$DB" --from $((before + 1)) --lines >"$T/j"
grep -q 'Kelompok Tenun; Ina "Ndao"' "$T/j" || fail "the quoted name"
grep -q "UD Madu" "$T/j" || fail "the name over two lines"
grep -q "KUB Kopi Colol" "$T/j" || fail "the cut last line"
grep -q "price_rp 0 - 60000" "$T/j" || fail "60.000 as rupiah"
"$POS" journal --db "$DB" --from $((before + 1)) | awk '{ print $2, $5,
    $6 }' | sort | uniq -c | tr -s ' ' >"$T/kinds"
printf ' 3 catalog maria product\n 3 catalog maria supplier\n' |
    cmp -s - "$T/kinds" ||
    fail "six catalog entries by maria"
ok

# Bad rows: each refused by line and column, and nothing written.
printf 'code;name;nib\nSUP-201;UD Satu;912010540004\nSUP-202;UD Dua;\n' \
    >"$T/badp.csv"
{
	echo "sku;name;price_rp;supplier;barcodes;unit"
	echo "B-1;Dupe barcode;5000;SUP-101;8995500000013;pcs"
	echo "B-2;Bad check;5000;SUP-101;8995500000012;pcs"
	echo "B-3;Price zero;0;SUP-101;;pcs"
	echo "B-4;Price cap;1000000000001;SUP-101;;pcs"
	printf 'B-5;Kain \351 Ikat;5000;SUP-101;;pcs\r\n'
	echo "B-6;Twice A;5000;SUP-101;8990000000006;pcs"
	echo "B-7;Twice B;5000;SUP-101;8990000000006;pcs"
	echo "B-8;No producer;5000;SUP-999;;pcs"
	echo "B-9;Good one;5000;SUP-202;;pcs"
	printf 'B-10;"Cut short;5000'
} >"$T/bad.csv"
before=$(entries)
run 2 "$POS" import --db "$DB" --producers "$T/badp.csv" --products \
    "$T/bad.csv" --dry-run
has "DITOLAK pemasok baris 2 kolom 3 (nib): NIB: harus 13 angka (atau kosong bila belum ada)"
has "DITOLAK produk baris 2 kolom 5 (barcodes): barcode 8995500000013 sudah dipakai MDU-TTS-102"
has "DITOLAK produk baris 3 kolom 5 (barcodes): Barcode 8995500000012: digit periksa salah (EAN-13/EAN-8)"
has "DITOLAK produk baris 4 kolom 3 (price_rp): Harga: harus Rp1 sampai Rp100.000.000 (per buah, atau per kg)"
has "DITOLAK produk baris 5 kolom 3 (price_rp): 1000000000001 di atas batas Rp1.000.000.000.000"
has "DITOLAK produk baris 6 kolom 2 (name): bukan teks UTF-8"
has "DITOLAK produk baris 8 kolom 5 (barcodes): barcode 8990000000006 sudah dipakai B-6 di baris 7"
has "DITOLAK produk baris 9 kolom 4 (supplier): pemasok SUP-999 tidak terdaftar"
has "DITOLAK produk baris 11 kolom 2 (name): tanda kutip tidak ditutup"
has "produk: 10 baris: 2 baru, 0 berubah, 0 sama, 8 ditolak"
run 2 import --producers "$T/badp.csv" --products "$T/bad.csv"
has "Uji coba: tidak ada yang disimpan"
grep -q "9 baris ditolak: tidak ada yang disimpan" "$T/err" ||
    fail "the refusal of the commit"
[ "$(entries)" = "$before" ] || fail "a refused import wrote"
# ... unless the rest is wanted: the good rows, in one go.
run 0 import --producers "$T/badp.csv" --products "$T/bad.csv" \
    --skip-refused
has "Tersimpan: 3 entri katalog"
[ "$(entries)" = $((before + 3)) ] || fail "3 entries"
ok

# A file that cannot be read, or a header without its key: said, exit 2.
run 2 "$POS" import --db "$DB" --products "$T/none.csv" --dry-run
grep -q "tidak bisa dibuka" "$T/err" || fail "a missing file"
printf 'nama;harga\nKopi;5000\n' >"$T/nokey.csv"
run 2 "$POS" import --db "$DB" --products "$T/nokey.csv" --dry-run
grep -q "baris 1: baris judul tanpa kolom sku" "$T/err" || fail "no key"
# A kasir may check a file, not write one: the rule gate says no.
printf '1234\n' | run 1 "$POS" import --db "$DB" --products "$T/new.csv" \
    --user ani --pin-stdin
ok

# The catalog is what the journal says.
run 0 "$POS" verify --db "$DB"
has "OK: tabel turunan sama dengan jurnal"
ok

# Labels for an imported product without a barcode: the outlet's number
# once (block 0001 of the demo), the same number the next time.
before=$(entries)
run 1 "$POS" labels --db "$DB" --sku TEN-RND-101 --printer "file:$T/l.bin"
grep -q "pemberian nomor toko perlu manajer" "$T/err" || fail "no --user"
printf '9876\n' | run 0 "$POS" labels --db "$DB" --sku TEN-RND-101 \
    --copies 2 --printer "file:$T/l.bin" --user maria --pin-stdin
has "Nomor toko 2900010000015 diberikan ke TEN-RND-101"
has "2 label rak TEN-RND-101 tercetak, barcode 2900010000015"
printf '9876\n' | run 0 "$POS" labels --db "$DB" --sku KOP-MTM-103 \
    --kind barang --printer "file:$T/l2.bin" --user maria --pin-stdin
has "barcode 2900010000022"
printf '9876\n' | run 0 "$POS" labels --db "$DB" --sku TEN-RND-101 \
    --printer "file:$T/l3.bin" --user maria --pin-stdin
has "barcode 2900010000015"
[ "$(entries)" = $((before + 2)) ] || fail "one number each, once"
run 0 "$POS" labels --db "$DB" --sku TEN-RND-101 --preview
has "[EAN-13: 2900010000015]"
has "R p 6 5 0 . 0 0 0"
# After goods in, labels for them.
printf '9876\n' | run 0 "$POS" receive --db "$DB" --sku MDU-TTS-102 \
    --qty 3 --labels 3 --printer "file:$T/r.bin" --user maria --pin-stdin
has "3 label tercetak"
run 0 "$POS" verify --db "$DB"
if [ -n "$TOPNG" ] && command -v zbarimg >/dev/null 2>&1; then
	# The 58 mm default draws the barcode as an image.
	"$TOPNG" -w 384 -o "$T/l.png" "$T/l.bin"
	got=$(zbarimg --quiet -Sdisable -Sean13.enable "$T/l.png" \
	    2>/dev/null | sort -u)
	[ "$got" = "EAN-13:2900010000015" ] || fail "read back '$got'"
	"$TOPNG" -w 384 -o "$T/r.png" "$T/r.bin"
	got=$(zbarimg --quiet -Sdisable -Sean13.enable "$T/r.png" \
	    2>/dev/null | sort -u)
	[ "$got" = "EAN-13:8995500000013" ] || fail "read back '$got'"
	ok
fi
ok

# 100 000 rows: the dry run reads and checks them all; time and memory
# are measured and said, the memory held to what the rows' keys need.
awk 'BEGIN { print "sku;name;price_rp;supplier;barcodes"
	for (i = 1; i <= 100000; i++) {
		s = sprintf("89%010d", i); t = 0
		for (j = 1; j <= 12; j++)
			t += substr(s, j, 1) * (j % 2 ? 1 : 3)
		printf "GEN-%06d;Barang Uji %d;%d;SUP-%03d;%s%d\n", i, i,
		    1000 + i, i % 17 + 1, s, (10 - t % 10) % 10
	} }' >"$T/big.csv"
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f "%e %M" -o "$T/time" "$POS" import --db "$DB" \
	    --products "$T/big.csv" --dry-run >"$T/out" 2>"$T/err" ||
	    { cat "$T/err" >&2; fail "100k dry run"; }
	read -r secs kb <"$T/time"
	echo "catalog-csv: 100000 rows checked in $secs s, peak $((kb / 1024)) MiB"
	[ "$kb" -lt 307200 ] || fail "100k rows took $kb KiB"
else
	run 0 "$POS" import --db "$DB" --products "$T/big.csv" --dry-run
fi
has "produk: 100000 baris: 100000 baru, 0 berubah, 0 sama, 0 ditolak"
ok
echo "$n passed, 0 failed"
