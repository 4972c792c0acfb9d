#!/bin/sh
# SPDX-License-Identifier: ISC
# `ntt-pos init` is all or nothing (docs/ledger.md, "Creating a ledger"):
# a refused init changes nothing in the folder; an init that fails half
# way, or is killed with SIGKILL at any moment (random ones, and every
# named step through NTT_TEST_INIT_PAUSE_AT), leaves either nothing at
# FILE and FILE.key, after which init works again, or a whole demo ledger
# that verifies, whose key the next open puts in place when the kill came
# between the two renames. No temporary file outlives the next init.
set -eu
pos=$1
rounds=${2:-40}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ledger-init.XXXXXX")
kids=""
cleanup() {
	for p in $kids; do kill -9 "$p" 2>/dev/null || true; done
	chmod -R u+w "$tmp" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
pass=0
ok() { pass=$((pass + 1)); }
die() { echo "FAIL: $*"; echo "$pass passed, 1 failed"; exit 1; }

# Every name in the folder with its content's hash.
listing() {
	(cd "$1" && for f in $(ls -A); do
		if [ -f "$f" ]; then
			printf '%s %s\n' "$f" "$(sha256sum <"$f" | cut -c1-16)"
		else
			printf '%s\n' "$f"
		fi
	done)
}

# init with args must be refused (exit 1, the message matching re) and
# leave the folder dir exactly as it was.
refused() {
	dir=$1 re=$2
	shift 2
	listing "$dir" >"$tmp/before"
	if "$@" >"$tmp/out" 2>"$tmp/err"; then die "accepted: $*"; fi
	grep -q -- "$re" "$tmp/err" || die "$*: said $(cat "$tmp/err")"
	listing "$dir" >"$tmp/after"
	cmp -s "$tmp/before" "$tmp/after" ||
	    die "$* changed $dir: $(diff "$tmp/before" "$tmp/after")"
	ok
}

# A whole demo ledger at $1 with its key: verifies, has the demo users,
# and opens with its key (which puts a key left under the temporary name
# in place). Nothing temporary is left beside it.
whole() {
	"$pos" verify --db "$1" >"$tmp/v" 2>&1 ||
	    die "verify $1: $(cat "$tmp/v")"
	"$pos" summary --db "$1" >"$tmp/s" 2>&1 || die "summary $1"
	grep -q "Pengguna   : 4$" "$tmp/s" || die "$1 has no demo users"
	grep -q "Produk     : 79 " "$tmp/s" || die "$1 has no demo products"
	"$pos" receipt-code --db "$1" --seq 1 >/dev/null 2>"$tmp/e" ||
	    die "open with the key: $(cat "$tmp/e")"
	[ -f "$1.key" ] || die "$1.key missing after open"
	[ "$(stat -c %a "$1.key")" = 600 ] || die "key mode"
	for f in "$1"*; do
		case $f in
		"$1"|"$1.key"|"$1-open") ;;
		*) die "left beside a whole ledger: $f" ;;
		esac
	done
}

# Nothing at $1: not the ledger, its key, nor SQLite's or our files.
nothing() {
	for f in "$1" "$1.key" "$1-wal" "$1-shm" "$1-open" "$1-journal"; do
		[ ! -e "$f" ] || die "$f left by a failed init"
	done
}

# After an init was killed: one of the two outcomes (which, in $got),
# then a clean slate.
outcome() {
	if [ -e "$1" ]; then
		whole "$1"
		got=whole
	else
		nothing "$1"
		"$pos" init --db "$1" --demo >/dev/null 2>"$tmp/e" ||
		    die "init after a killed one: $(cat "$tmp/e")"
		whole "$1"
		got=nothing
	fi
	rm -f "$1" "$1.key" "$1-open"
	[ -z "$(ls -A "$(dirname "$1")")" ] ||
	    die "left in the folder: $(ls -A "$(dirname "$1")")"
}

# 1. Refused inits change nothing.
mkdir "$tmp/r"
refused "$tmp/r" "Kode outlet" "$pos" init --db "$tmp/r/a.db" --outlet kpg01
refused "$tmp/r" "Nama outlet" "$pos" init --db "$tmp/r/a.db" --name ""
refused "$tmp/r" "tidak dapat dibuat" "$pos" init --db "$tmp/r/a.db" \
    --key "$tmp/none/a.key" --demo
"$pos" init --db "$tmp/r/a.db" >/dev/null || die "init"
refused "$tmp/r" "sudah ada" "$pos" init --db "$tmp/r/a.db" --demo
echo "not a key" >"$tmp/r/b.db.key"
refused "$tmp/r" "sudah ada" "$pos" init --db "$tmp/r/b.db" --demo
: >"$tmp/r/c.db"
refused "$tmp/r" "sudah ada" "$pos" init --db "$tmp/r/c.db"
# The leftovers of a killed init are not touched by a refused one.
echo stale >"$tmp/r/a.db.init-tmp"
echo stale >"$tmp/r/b.db.key.init-tmp"
refused "$tmp/r" "sudah ada" "$pos" init --db "$tmp/r/a.db" --demo
refused "$tmp/r" "sudah ada" "$pos" init --db "$tmp/r/b.db"
refused "$tmp/r" "Kode outlet" "$pos" init --db "$tmp/r/d.db" --device x

# 2. A folder nobody may write in: as root, through another user.
mkdir "$tmp/ro"
chmod 755 "$tmp" "$tmp/ro"
chmod 555 "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
	refused "$tmp/ro" "tidak dapat dibuat" "$pos" init \
	    --db "$tmp/ro/a.db" --demo
elif command -v setpriv >/dev/null 2>&1; then
	refused "$tmp/ro" "tidak dapat dibuat" setpriv --reuid=65534 \
	    --regid=65534 --clear-groups "$pos" init --db "$tmp/ro/a.db" --demo
else
	echo "note: root without setpriv, unwritable folder not tried"
fi
chmod 700 "$tmp/ro"

# 3. A write that fails half way through the demo (file size limit):
# an error, and nothing left, temporary files included.
mkdir "$tmp/f"
if (trap '' XFSZ; ulimit -f 150; exec "$pos" init --db "$tmp/f/a.db" \
    --demo) >/dev/null 2>"$tmp/e"; then
	die "init past the file size limit succeeded"
fi
[ -z "$(ls -A "$tmp/f")" ] || die "a failed init left: $(ls -A "$tmp/f")"; ok

# 4. SIGKILL at random moments from the start to a little past the time
# a whole init takes here (about 0.3 s).
# The second of two inits is timed: the first reads from a cold disk.
mkdir "$tmp/k"
for t in cold warm; do
	t0=$(date +%s%N)
	"$pos" init --db "$tmp/k/k.db" --demo >/dev/null || die "init"
	span=$(( ($(date +%s%N) - t0) / 1000000 * 6 / 5 ))
	rm -f "$tmp/k/k.db" "$tmp/k/k.db.key" "$tmp/k/k.db-open"
done
n_whole=0 n_nothing=0 i=0
while [ $i -lt "$rounds" ]; do
	i=$((i + 1))
	ms=$(awk -v s="$i$$" -v n="$span" \
	    'BEGIN { srand(s); printf "%.3f", rand() * n / 1000 }')
	"$pos" init --db "$tmp/k/k.db" --demo >/dev/null 2>&1 &
	p=$!
	sleep "$ms"
	kill -9 $p 2>/dev/null || true
	wait $p 2>/dev/null || true
	outcome "$tmp/k/k.db"
	case $got in
	whole) n_whole=$((n_whole + 1)) ;;
	*) n_nothing=$((n_nothing + 1)) ;;
	esac
done
echo "random kills within $span ms: $rounds rounds, $n_nothing left nothing," \
    "$n_whole whole"
ok

# 5. SIGKILL at every step, in order. The ledger's rename is the commit
# point: before it nothing is left, after it a whole ledger.
for step in key genesis filled closed ledger-placed key-placed synced; do
	NTT_TEST_INIT_PAUSE_AT=$step "$pos" init --db "$tmp/k/k.db" --demo \
	    >/dev/null 2>"$tmp/pause" &
	p=$!
	kids="$kids $p"
	j=0
	until grep -q "NTT_TEST_INIT_PAUSE_AT $step" "$tmp/pause"; do
		j=$((j + 1))
		[ $j -lt 100 ] || die "init never stopped at $step"
		sleep 0.1
	done
	case $step in
	closed|ledger-placed)
		ls "$tmp/k" | grep -q "init-tmp" ||
		    die "no temporary file at $step"
		;;
	esac
	if [ $step = key ]; then
		# Another init meanwhile is refused and takes nothing away.
		refused "$tmp/k" "sedang dibuat" "$pos" init --db "$tmp/k/k.db"
	fi
	kill -9 $p
	wait $p 2>/dev/null || true
	outcome "$tmp/k/k.db"
	case $step in
	key|genesis|filled|closed) want=nothing ;;
	*) want=whole ;;
	esac
	[ "$got" = "$want" ] || die "killed at $step: $got, not $want"
	ok
done

# 6. A key left under its temporary name that is not the ledger's is not
# put in place, and the ledger is not opened for writing.
"$pos" init --db "$tmp/k/a.db" >/dev/null || die "init a"
"$pos" init --db "$tmp/k/b.db" >/dev/null || die "init b"
rm "$tmp/k/a.db.key"
mv "$tmp/k/b.db.key" "$tmp/k/a.db.key.init-tmp"
if "$pos" receipt-code --db "$tmp/k/a.db" --seq 1 >/dev/null 2>"$tmp/e"; then
	die "opened with another ledger's key"
fi
grep -q "bukan kunci ledger ini" "$tmp/e" || die "said: $(cat "$tmp/e")"
[ ! -e "$tmp/k/a.db.key" ] || die "another ledger's key put in place"; ok
echo "$pass passed, 0 failed"
