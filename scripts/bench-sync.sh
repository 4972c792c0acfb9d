#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench, the sync part (docs/sync-protocol.md): real ntt-sync, real
# ntt-server, real PostgreSQL, real TLS over loopback, on this machine.
#
#  1. A busy week: one outlet with 10,000 sales (plus its 185 catalog
#     entries) pushed by one `ntt-sync --once` through faultproxy in pass
#     mode, which counts the bytes on the wire (TLS, HTTP and all, both
#     ways). Compared with gzip -9 of the same entries as one JSON batch.
#     Goals: <= 5 s, wire <= 1.3 x gzip -9.
#  2. Server ingest, 50 outlets at once, 2,185 entries each:
#     a. the server alone: each outlet's batches prepared beforehand
#        (gzip bodies of 200 entries) and sent by 50 curl processes at
#        once, one keep-alive connection each;
#     b. the real thing: 50 ntt-sync daemons started together.
#     Goal: >= 10,000 entries/s on 2 cores. Both ends share the 2 cores.
#
#	scripts/bench-sync.sh [BUILD]
#	BENCH_SYNC_SALES=N (10000) BENCH_SYNC_OUTLETS=N (50) BENCH_SYNC_PER=N (2000)
set -eu
build=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
export NTT_SERVER=$build/server/ntt-server NTT_SYNC=$build/sync/ntt-sync
export NTT_POS=$build/pos/ntt-pos FAULTPROXY=$build/tests/faultproxy
export NTT_SYNCTEST=$build/tests/ntt-synctest NTT_TOOLS=$root/tests/tools
for f in "$NTT_SERVER" "$NTT_SYNC" "$NTT_POS" "$FAULTPROXY" "$NTT_SYNCTEST"; do
	[ -x "$f" ] || { echo "bench-sync: $f missing: run make bench" >&2; exit 1; }
done
for tool in openssl psql curl gzip /usr/lib/postgresql/15/bin/initdb; do
	command -v $tool >/dev/null ||
	    { echo "sync bench skipped: $tool missing (make deps-test)"; exit 0; }
done
mkdir -p "$build/bench"
export TMPDIR=$build/bench
SERVER_THREADS=${BENCH_SYNC_THREADS:-4}
. "$root/tests/regress/sync-lib.sh"
sales=${BENCH_SYNC_SALES:-10000}
outlets=${BENCH_SYNC_OUTLETS:-50}
per=${BENCH_SYNC_PER:-2000}

now_ms() {
	date +%s%3N
}

# The server and every PostgreSQL process of its cluster.
server_pids() {
	echo "$SERVER_PID" $(pg_pids)
}

# CPU microseconds per entry from a tick difference.
per_entry_us() {
	echo $(($1 * 1000000 / $(getconf CLK_TCK) / $2))
}

# rate COUNT MS: entries per second.
rate() {
	echo $(($1 * 1000 / ($2 > 0 ? $2 : 1)))
}

# ratio A B: A / B with two decimals.
ratio() {
	echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'
}

echo "Sync bench, $(date -u '+%F %H:%M') UTC, $(nproc) cores," \
    "PostgreSQL $(pg_config --version 2>/dev/null | cut -d' ' -f2 || echo 15)," \
    "server threads $SERVER_THREADS"
setup_province
start_server
start_proxy

# 1. A busy week.
new_outlet week WEEK01 WEEK01-K1 "$sales"
write_config week "$PROXY_PORT"
n=$("$NTT_SYNCTEST" list --db "$T/week.db" | wc -l)
t0=$(now_ms)
sync_once week
t1=$(now_ms)
oracle week WEEK01-K1 || { echo "bench-sync: busy week incomplete" >&2; exit 1; }
up=$(sed -n 's/^up //p' "$T/proxy.stats")
down=$(sed -n 's/^down //p' "$T/proxy.stats")
"$NTT_SYNCTEST" entries --db "$T/week.db" > "$T/week.json"
json=$(wc -c < "$T/week.json")
gz9=$(gzip -9 -c "$T/week.json" | wc -c)
wall=$((t1 - t0))
echo
echo "Busy week: $sales sales + $((n - sales)) catalog entries = $n entries," \
    "one ntt-sync --once, loopback HTTPS"
echo "  wall time          $(ratio $wall 1000) s   (goal <= 5 s)"
echo "  throughput         $(rate $n $wall) entries/s"
echo "  batches            $(grep -c ' sent ' "$T/week.sync.log")"
echo "  on the wire        $((up + down)) bytes ($up up, $down down)," \
    "$(($((up + down)) / n)) per entry"
echo "  JSON of the entries $json bytes; gzip -9 of it $gz9 bytes"
echo "  wire / gzip -9     $(ratio $((up + down)) $gz9)   (goal <= 1.3)"

# 2. Fifty outlets.
i=1
while [ $i -le "$outlets" ]; do
	id=$(printf 'OUT%02d' $i)
	new_outlet "o$i" "$id" "$id-K1" "$per"
	mkdir -p "$T/o$i.batches"
	"$NTT_SYNCTEST" batches --db "$T/o$i.db" --n 200 \
	    --dir "$T/o$i.batches" > /dev/null
	{
		sep=""
		for b in "$T/o$i.batches"/*.json.gz; do
			[ -z "$sep" ] || echo "$sep"
			sep=next
			echo "url = \"https://localhost:$SERVER_PORT/v1/batch\""
			echo "cacert = \"$T/ca.pem\""
			echo "header = \"Authorization: Bearer $(token "o$i")\""
			echo "header = \"Content-Type: application/json\""
			echo "header = \"Content-Encoding: gzip\""
			echo "data-binary = \"@$b\""
			echo "output = \"/dev/null\""
			printf '%s\n' 'write-out = "%{http_code}\n"'
		done
	} > "$T/o$i.curl"
	i=$((i + 1))
done
total=$((outlets * (per + 185)))

# 2a. The server alone.
c0=$(cpu_ticks $(server_pids))
t0=$(now_ms)
i=1
pids=""
while [ $i -le "$outlets" ]; do
	curl -sS -K "$T/o$i.curl" > "$T/o$i.codes" 2>&1 &
	pids="$pids $!"
	i=$((i + 1))
done
wait $pids || true
t1=$(now_ms)
c1=$(cpu_ticks $(server_pids))
bad=$(cat "$T"/o*.codes | grep -vc '^200$' || true)
got=$(pg_sql "SELECT count(*) FROM entries WHERE device_id LIKE 'OUT%'")
echo
echo "Server ingest, $outlets outlets at once, $((per + 185)) entries each" \
    "($total entries)"
echo "  a. prepared batches, $outlets curl senders: $(ratio $((t1 - t0)) 1000) s," \
    "$(rate "$got" $((t1 - t0))) entries/s (goal >= 10000);" \
    "$got stored, $bad refused"
[ "$got" = "$total" ] && [ "$bad" = 0 ] ||
    { echo "bench-sync: ingest incomplete" >&2; exit 1; }
us=$(per_entry_us $((c1 - c0)) "$got")
echo "     server + PostgreSQL CPU: $us us per entry, so $((2000000 / us))" \
    "entries/s on 2 cores of their own (the senders and anything else" \
    "on this machine share them here)"

# 2b. The real daemons, on a server emptied of these outlets.
pg_sql "TRUNCATE entries; UPDATE devices SET head_seq = 0,
    head_hash = decode(repeat('00', 32), 'hex')" > /dev/null
t0=$(now_ms)
i=1
pids=""
while [ $i -le "$outlets" ]; do
	write_config "o$i" "$SERVER_PORT"
	"$NTT_SYNC" --config "$T/o$i.conf" --once >> "$T/o$i.sync.log" 2>&1 &
	pids="$pids $!"
	i=$((i + 1))
done
failed=0
for p in $pids; do
	wait "$p" || failed=$((failed + 1))
done
t1=$(now_ms)
got=$(pg_sql "SELECT count(*) FROM entries WHERE device_id LIKE 'OUT%'")
first_last=$(pg_sql "SELECT round(extract(epoch FROM max(received_at) -
    min(received_at)) * 1000) FROM entries")
echo "  b. $outlets ntt-sync daemons: $(ratio $((t1 - t0)) 1000) s," \
    "$(rate "$got" $((t1 - t0))) entries/s end to end" \
    "($(rate "$got" "${first_last:-1}") entries/s between the first and last" \
    "commit); $failed runs did not finish"
i=1
while [ $i -le "$outlets" ]; do
	id=$(printf 'OUT%02d' $i)
	oracle "o$i" "$id-K1" ||
	    { echo "bench-sync: outlet o$i incomplete" >&2; exit 1; }
	i=$((i + 1))
done
echo "  every outlet: server rows = ledger entries, heads equal"
