#!/bin/sh
# make bench: the ledger's speed as figures and ratios against a floor
# measured in the same run (docs/bench.md). Builds nothing: make bench has
# built already. The big outlet (100k products, 1M sales) is generated once
# into $BUILD/bench/outlet-100k.db and reused by later runs; delete it to
# generate it again.
#
#	scripts/bench.sh [BUILD]
#	BENCH_QUICK=1	skip the whole-chain verify and the copy commit test
#	BENCH_COMMITS=N	sale commits measured each way (default 2000)
set -eu
build=${1:-build}
gen=$build/tests/bench/gen-outlet
bench=$build/tests/bench/bench-ledger
dir=$build/bench
big=$dir/outlet-100k.db
info=$dir/outlet-100k.gen
commits=${BENCH_COMMITS:-2000}

for f in "$gen" "$bench"; do
	[ -x "$f" ] || { echo "bench: $f missing: run make bench" >&2; exit 1; }
done
mkdir -p "$dir"
start=$(date +%s)

# Generate under a temporary name so an interrupted run is never reused,
# and again when gen-outlet now writes a different ledger.
version=$("$gen" --version)
if [ ! -f "$big" ] || [ ! -f "$big.key" ] || [ ! -f "$info" ] ||
    ! grep -q "^$version: " "$info"; then
	rm -f "$big" "$big.key" "$big-wal" "$big-shm" "$info"
	part=$dir/outlet-100k.partial.db
	rm -f "$part" "$part.key" "$part-wal" "$part-shm"
	echo "bench: generating $big (100k products, 1M sales; once, a few" \
	    "minutes)"
	t0=$(date +%s)
	"$gen" --db "$part" --products 100000 --sales 1000000 --seed 1 \
	    > "$dir/gen.out"
	t1=$(date +%s)
	[ ! -e "$part-wal" ] || { echo "bench: $part-wal left over" >&2; exit 1; }
	mv "$part.key" "$big.key"
	mv "$part" "$big"
	{
		sed "s|$part|$big|" "$dir/gen.out"
		echo "generated in $((t1 - t0)) s on $(date -u +%F)"
	} > "$info"
fi

copy=""
verify=""
if [ -z "${BENCH_QUICK:-}" ]; then
	# Commits on a year-old ledger go to a copy: the generated file stays
	# as generated.
	copy=$dir/copy.db
	rm -f "$copy" "$copy.key" "$copy-wal" "$copy-shm"
	cp "$big" "$copy"
	cp -p "$big.key" "$copy.key"
	# Else the first checkpoint's fsync flushes the whole fresh copy
	# (a 0.7 s "commit").
	sync "$copy"
	verify=--verify-big
fi

# tee hides a failing exit status: the status file keeps it.
{
	echo "NTT Mart POS bench, $(date -u '+%F %H:%M') UTC, $(uname -srm)," \
	    "$(nproc) cores"
	echo
	echo "Big outlet generation (gen-outlet, reused when present)"
	sed 's/^/  /' "$info"
	if "$bench" --dir "$dir" --commits "$commits" --big "$big" \
	    ${copy:+--big-copy "$copy"} $verify; then
		echo 0 > "$dir/status"
	else
		echo 1 > "$dir/status"
	fi
	# The counter (bench-sale: scan to line, search per keystroke), on a
	# copy: it logs in and writes drafts.
	scopy=${copy:-$dir/sale-copy.db}
	if [ -z "$copy" ]; then
		cp "$big" "$scopy"
		cp -p "$big.key" "$scopy.key"
		sync "$scopy"
	fi
	"$build/tests/bench/bench-sale" --db "$scopy" ||
	    echo 1 > "$dir/status"
	[ -n "$copy" ] || rm -f "$scopy" "$scopy.key" "$scopy-wal" "$scopy-shm"
	echo
	echo "bench: finished in $(($(date +%s) - start)) s"
} | tee "$dir/results.txt"
[ -z "$copy" ] || rm -f "$copy" "$copy.key" "$copy-wal" "$copy-shm"
# Sync: a busy week over loopback HTTPS, 50 outlets at once (bench-sync.sh).
[ -n "${BENCH_NO_SYNC:-}" ] || { "$(dirname "$0")/bench-sync.sh" "$build" ||
    echo 1 > "$dir/status"; } 2>&1 | tee -a "$dir/results.txt"
# The province at full size, scaled down and worked out (docs/scale.md).
[ -n "${BENCH_NO_SYNC:-}" ] || { "$(dirname "$0")/bench-province.sh" "$build" ||
    echo 1 > "$dir/status"; } 2>&1 | tee -a "$dir/results.txt"
[ "$(cat "$dir/status")" = 0 ] || { echo "bench: FAILED" >&2; exit 1; }
