#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench, the province at full size (docs/scale.md): a bounded model of
# the Monday-morning burst, when every outlet that synced weekly delivers
# a week of sales at once. Loopback only; it stops by itself.
#
# OUTLETS outlets (scaled down from 5,000 to what this machine holds), each
# a real ledger with its own device key: the demo catalog (185 entries,
# once) and SALES sales (a week). Every outlet is enrolled, its ledger cut
# into the gzip bodies ntt-sync sends (200 entries), and then all outlets
# send at once, one curl keep-alive connection each, to one ntt-server
# on real PostgreSQL and real TLS. Measured: wall time, entries/s, CPU
# microseconds per entry of ntt-server and of PostgreSQL apart, WAL bytes
# and table bytes per entry. Then the figures for 5,000 outlets, worked
# out from those measurements (docs/scale.md says how).
#
#	scripts/bench-province.sh [BUILD]
#	PROVINCE_OUTLETS=N (200) PROVINCE_SALES=N (1400: 200 a day)
#	PROVINCE_FULL=N (5000) PROVINCE_THREADS=N (4)
#	PROVINCE_SMOKE=1: 4 outlets of 50 sales, exit 1 unless all is stored
#	(the make check version, regress.sync-province)
set -eu
if [ -z "${NTT_SERVER:-}" ]; then
	build=$(cd "${1:-build}" && pwd)
	root=$(cd "$(dirname "$0")/.." && pwd)
	export NTT_SERVER=$build/server/ntt-server NTT_SYNC=$build/sync/ntt-sync
	export NTT_POS=$build/pos/ntt-pos FAULTPROXY=$build/tests/faultproxy
	export NTT_SYNCTEST=$build/tests/ntt-synctest NTT_TOOLS=$root/tests/tools
	mkdir -p "$build/bench"
	export TMPDIR=$build/bench
else
	root=$(cd "$(dirname "$0")/.." && pwd)
fi
for tool in openssl psql curl gzip /usr/lib/postgresql/15/bin/initdb; do
	command -v $tool >/dev/null || { echo "province bench skipped:" \
	    "$tool missing (make deps-test)"; exit 0; }
done
outlets=${PROVINCE_OUTLETS:-200}
sales=${PROVINCE_SALES:-1400}
full=${PROVINCE_FULL:-5000}
SERVER_THREADS=${PROVINCE_THREADS:-4}
if [ -n "${PROVINCE_SMOKE:-}" ]; then
	outlets=4
	sales=50
fi
. "$root/tests/regress/sync-lib.sh"

now_ms() {
	date +%s%3N
}

echo "Province model, $(date -u '+%F %H:%M') UTC, $(nproc) cores:" \
    "$outlets outlets x ($sales sales + 185 catalog entries)," \
    "server threads $SERVER_THREADS"
setup_province
start_server

# The outlets, two at a time (the machine has two cores).
t0=$(now_ms)
make_one() {
	id=$(printf 'P%04d' "$1")
	new_outlet "p$1" "$id" "$id-K1" "$sales"
	mkdir -p "$T/p$1.b"
	"$NTT_SYNCTEST" batches --db "$T/p$1.db" --n 200 --dir "$T/p$1.b" \
	    > /dev/null
	tok=$(token "p$1")
	for b in "$T/p$1.b"/*.json.gz; do
		echo "next"
		echo "url = \"https://localhost:$SERVER_PORT/v1/batch\""
		echo "cacert = \"$T/ca.pem\""
		echo "header = \"Authorization: Bearer $tok\""
		echo "header = \"Content-Type: application/json\""
		echo "header = \"Content-Encoding: gzip\""
		echo "data-binary = \"@$b\""
		echo "output = \"/dev/null\""
		printf '%s\n' 'write-out = "%{http_code}\n"'
	done | sed 1d > "$T/p$1.curl"
}
i=1
while [ $i -le "$outlets" ]; do
	make_one $i &
	mpid=$!
	if [ $((i + 1)) -le "$outlets" ]; then
		make_one $((i + 1))
	fi
	wait $mpid
	i=$((i + 2))
done
per=$("$NTT_SYNCTEST" list --db "$T/p1.db" | wc -l)
total=$((outlets * per))
gz=$(cat "$T"/p*.b/*.json.gz | wc -c)
echo "  made $outlets ledgers ($total entries, $gz bytes of gzip bodies)" \
    "in $(( ($(now_ms) - t0) / 1000 )) s"

# The burst.
spid=$SERVER_PID
wal0=$(pg_sql "SELECT pg_current_wal_lsn()")
cs0=$(cpu_ticks $spid)
cp0=$(cpu_ticks $(pg_pids))
t0=$(now_ms)
pids=""
i=1
while [ $i -le "$outlets" ]; do
	curl -sS -K "$T/p$i.curl" > "$T/p$i.codes" 2>&1 &
	pids="$pids $!"
	i=$((i + 1))
done
wait $pids || true
t1=$(now_ms)
cs1=$(cpu_ticks $spid)
cp1=$(cpu_ticks $(pg_pids))
got=$(pg_sql "SELECT count(*) FROM entries")
bad=$(cat "$T"/p*.codes | grep -vc '^200$' || true)
wal=$(pg_sql "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal0')")
tbl=$(pg_sql "SELECT pg_total_relation_size('entries')")
heap=$(pg_sql "SELECT pg_relation_size('entries') +
    coalesce(pg_total_relation_size(reltoastrelid), 0) FROM pg_class
    WHERE relname = 'entries'")
ms=$((t1 - t0))
hz=$(getconf CLK_TCK)
echo "  burst: $got of $total entries stored in $ms ms, $bad refused"
[ "$got" = "$total" ] && [ "$bad" = 0 ] ||
    { echo "bench-province: the burst was not stored whole" >&2; exit 1; }
awk -v n="$got" -v ms="$ms" -v cs=$((cs1 - cs0)) -v cp=$((cp1 - cp0)) \
    -v hz="$hz" -v wal="$wal" -v tbl="$tbl" -v heap="$heap" \
    -v full="$full" -v per_week="$sales" -v outlets="$outlets" \
    -v gz="$gz" '
function hm(s) { return sprintf("%d h %02d min", s / 3600, (s % 3600) / 60) }
BEGIN {
	rate = n * 1000 / ms
	us_s = cs * 1e6 / hz / n
	us_p = cp * 1e6 / hz / n
	printf "  measured: %.0f entries/s on %d cores shared with %d senders\n",
	    rate, 2, outlets
	printf "  CPU per entry: ntt-server %.0f us, PostgreSQL %.0f us\n",
	    us_s, us_p
	printf "  WAL %.0f bytes per entry; entries table %.0f bytes per entry" \
	    " (%.0f heap + TOAST, %.0f indexes)\n", wal / n, tbl / n,
	    heap / n, (tbl - heap) / n
	printf "  on the wire (gzip bodies) %.0f bytes per entry\n", gz / n
	# The province: full outlets, one week of per_week sales each, plus
	# 50 other entries a week (shifts, day closes, goods in, payouts).
	week = full * (per_week + 50)
	year = week * 52
	printf "Province of %d outlets, %d sales a week each:\n", full, per_week
	printf "  entries per week            %.2f million\n", week / 1e6
	printf "  entries per year            %.0f million\n", year / 1e6
	printf "  storage per year            %.0f GB table and indexes," \
	    " %.0f GB WAL (x2 with the standby)\n", year * tbl / n / 1e9,
	    year * wal / n / 1e9
	printf "  upload per week             %.1f GB gzip\n",
	    week * gz / n / 1e9
	# Ingest time of the whole week in one burst at the rates measured.
	printf "  Monday burst, this machine  %s (%.0f entries/s)\n",
	    hm(week / rate), rate
	srv = 1e6 / us_s
	pg = 1e6 / us_p
	printf "  per core: ntt-server %.0f entries/s, PostgreSQL %.0f" \
	    " entries/s\n", srv, pg
	for (goal = 3600; goal >= 900; goal /= 2) {
		need = week / goal
		printf "  burst in %3d min needs %.0f entries/s: %.1f server" \
		    " cores, %.1f PostgreSQL cores\n", goal / 60, need,
		    need / srv, need / pg
	}
}'
