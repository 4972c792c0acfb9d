#!/bin/sh
# regress.label-barcode: a label's barcode survives the whole path, in
# both forms. Renders the sample labels with label-sample, draws the
# ESC/POS bytes with escpos2png (GS k EAN-13 on 80 and 80-42, a GS v 0
# image on 58 and 80-noqr) and reads the barcode back with zbarimg: it
# must be the outlet's number the label was given.
#	label-barcode.sh LABEL-SAMPLE ESCPOS2PNG
set -eu
sample=$1
topng=$2
command -v zbarimg >/dev/null 2>&1 || {
	echo "label-barcode: zbarimg missing (apt-get install zbar-tools)" >&2
	exit 77
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/label-barcode.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

n=0
check() {
	name=$1 profile=$2 dots=$3 want=$4
	"$sample" "$name" "$profile" >"$tmp/$name-$profile.bin"
	"$topng" -w "$dots" -o "$tmp/$name-$profile.png" \
	    "$tmp/$name-$profile.bin"
	got=$(zbarimg --quiet -Sdisable -Sean13.enable \
	    "$tmp/$name-$profile.png" 2>"$tmp/err") || true
	if [ "$got" != "EAN-13:$want" ]; then
		cat "$tmp/err" >&2
		echo "FAIL: $name $profile: read '$got', want EAN-13:$want" >&2
		exit 1
	fi
	n=$((n + 1))
}

for p in "58 384" "80 576" "80-noqr 576" "80-42 512"; do
	set -- $p
	check rak "$1" "$2" 2900010000015
	check barang "$1" "$2" 2900010000022
done
echo "$n passed, 0 failed"
