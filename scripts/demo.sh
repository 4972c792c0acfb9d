#!/bin/sh
# make demo: a demo outlet ledger (NTT Mart Kupang) under demo/, made once,
# then the cashier program on it. Users: ani/1234 and yosef/2345 (kasir),
# maria/9876 (manajer), admin/0000.
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
pos=$build/pos/ntt-pos
mkdir -p demo
if [ ! -f demo/kupang.db ]; then
	"$pos" init --db demo/kupang.db --demo
	"$pos" verify --db demo/kupang.db
fi
if [ -t 0 ] && [ -t 1 ]; then
	exec "$pos" --db demo/kupang.db
fi
# No terminal (a script or CI): show what the counter would open on.
exec "$pos" summary --db demo/kupang.db
