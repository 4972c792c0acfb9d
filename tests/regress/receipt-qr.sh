#!/bin/sh
# regress.receipt-qr: a receipt's QR survives the whole path. Renders the
# sample receipts with receipt-sample, draws the ESC/POS bytes with
# escpos2png (raster GS v 0 on 58 mm and 80-noqr, native GS ( k on 80),
# and reads the QR back with zbarimg: it must be the text we gave.
#	receipt-qr.sh RECEIPT-SAMPLE ESCPOS2PNG
set -eu
sample=$1
topng=$2
command -v zbarimg >/dev/null 2>&1 || {
	echo "receipt-qr: zbarimg missing (apt-get install zbar-tools)" >&2
	exit 77
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/receipt-qr.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

n=0
check() {
	name=$1 profile=$2 dots=$3 want=$4
	"$sample" "$name" "$profile" >"$tmp/$name-$profile.bin"
	"$topng" -w "$dots" -o "$tmp/$name-$profile.png" \
	    "$tmp/$name-$profile.bin"
	# zbarimg talks to D-Bus on stderr; show it only on failure.
	got=$(zbarimg --quiet --raw "$tmp/$name-$profile.png" 2>"$tmp/err") ||
	    true
	if [ "$got" != "$want" ]; then
		cat "$tmp/err" >&2
		echo "FAIL: $name $profile: read '$got', want '$want'" >&2
		exit 1
	fi
	n=$((n + 1))
}

kupang='https://nttmart.id/s/KPG01-K1-000123?v=7f3a9c'
ende='https://nttmart.id/s/END01-K2-000045?v=0b1d22'
check pkp 58 384 "$kupang"
check pkp 80 576 "$kupang"
check pkp 80-noqr 576 "$kupang"
check pkp 80-42 512 "$kupang"
check duplikat 58 384 "$kupang"
check nonpkp 58 384 "$ende"
check nonpkp 80 576 "$ende"
echo "$n passed, 0 failed"
