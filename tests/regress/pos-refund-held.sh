#!/bin/sh
# SPDX-License-Identifier: ISC
# A held refund cannot return what another refund returned meanwhile: 3
# sold and paid; a refund of all 3 is held (F7); a second refund of all 3
# is paid with the manager's PIN; the held one, recalled (F8), is refused
# with a message, wherever in paying it the refusal comes. The journal
# holds exactly one refund of the sale, of 3 pieces, and verifies.
POS=$1
. "$(dirname "$0")/pos-lib.sh"

# The refusal on screen: a message about the refund, not one of the
# screen's fixed texts.
refusal_shown() {
	pos_screen | grep -iE "melebihi|sudah|retur" |
	    grep -vE "No Barang \(retur\)|RETUR nota|TOTAL RETUR" |
	    grep -vE "Retur tersimpan|Retur: nomor|│ Retur KPG" >/dev/null
}

# Waits for TEXT (true) or the refusal (false).
step() {
	i=0
	while [ $i -lt 50 ]; do
		pos_screen | grep -qF -- "$1" && return 0
		refusal_shown && return 1
		sleep 0.1
		i=$((i + 1))
	done
	pos_fail "screen never showed: $1, nor a refusal"
}

pos_setup
pos_start 80 24
pos_login ani 1234
pos_scan "3*8992647000111" "Madu Hutan Timor 250 ml"
pos_pay_exact

# All 3 to refund, held.
pos_refund_open "$NUM"
pos_keys C-a
pos_wait "TOTAL RETUR (1 barang)"
pos_keys F7
pos_wait "Transaksi ditahan sebagai #1"

# All 3 refunded and paid.
pos_refund_open "$NUM"
pos_keys C-a
pos_wait "TOTAL RETUR (1 barang)"
pos_keys F10
pos_wait "UANG DIKEMBALIKAN"
pos_keys Enter
pos_wait "Persetujuan manajer"
pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Retur tersimpan"

# The held one: recalled and paid as far as it goes.
pos_keys F8
pos_wait "TRANSAKSI DITAHAN"
pos_keys Enter
if step "Transaksi #1 diambil"; then
	pos_keys F10
	if step "Sisa"; then
		pos_keys Enter
		if step "Persetujuan manajer"; then
			pos_type maria; pos_keys Enter
			pos_type 9876; pos_keys Enter
			step "Retur tersimpan: " || true
		fi
	fi
fi
sleep 0.3

pos_verify
"$POS" journal --db "$DB" --from $((POS_BASE + 1)) --lines >"$DIR/journal" ||
    pos_fail "journal"
n=$(grep -c "^[0-9]* refund .* retur $NUM\$" "$DIR/journal" || true)
pcs=$(awk -v num="$NUM" '/^[0-9]/ { r = $2 == "refund" && $NF == num }
    r && $1 == "item" { s += $3 } END { print s + 0 }' "$DIR/journal")
[ "$n" -eq 1 ] && [ "$pcs" -eq 3 ] || pos_fail "$n refunds of $NUM" \
    "committed, $pcs pieces returned of 3 sold"
refusal_shown || pos_fail "no refusal on the screen"
echo "pos-refund-held: ok"
