#!/bin/sh
# SPDX-License-Identifier: ISC
# One stuck row lock, and then a hung PostgreSQL, against the real server
# (docs/sync-install.md §Limits): a psql session holds the row of one
# device while that device's requests pile up; they end in a clear 503
# after the lock timeout, requests whose client left are cancelled, and
# other devices are served all along. Then PostgreSQL is stopped (SIGSTOP):
# requests and the health check end with 503 instead of hanging, and all
# is well once it runs again.
. "$(dirname "$0")/sync-lib.sh"

setup_province
cat > "$T/server.conf" <<-EOC
	pg_lock_timeout = 2000
	pg_statement_timeout = 4000
	pg_wait = 3000
	pg_connect_timeout = 2
EOC
SERVER_CONFIG="$T/server.conf" SERVER_THREADS=3 start_server
new_outlet a AAA01 AAA01-K1 200
new_outlet b BBB01 BBB01-K1 200
new_outlet c CCC01 CCC01-K1 200
"$NTT_SYNCTEST" batch --db "$T/a.db" --from 1 --to 200 > "$T/a.json"

health() {
	curl -sS -o "$T/health" -w '%{http_code}' --max-time 10 \
	    --cacert "$T/ca.pem" "https://localhost:$SERVER_PORT/v1/health" \
	    2>/dev/null || echo 000
}

# post_a N MAXTIME: N batches of device A at once; codes and seconds in
# $T/a.N.
post_a() {
	pids=""
	for i in $(seq 1 "$1"); do
		curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' \
		    --max-time "$2" --cacert "$T/ca.pem" \
		    -H "Authorization: Bearer $(token a)" \
		    -H 'Content-Type: application/json' \
		    --data-binary @"$T/a.json" \
		    "https://localhost:$SERVER_PORT/v1/batch" > "$T/a.$i" \
		    2>/dev/null &
		pids="$pids $!"
	done
	wait $pids || true
}

waiting_on_locks() {
	pg_sql "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type =
	    'Lock' AND state = 'active'"
}

check "health before: 200" test "$(health)" = 200

# A psql session takes device A's row and keeps it for 40 s.
psql -X -q -d "$PG_CONNINFO" -c "BEGIN" -c "SELECT 1 FROM devices WHERE
    device_id = 'AAA01-K1' FOR UPDATE" -c "SELECT pg_sleep(40)" \
    > /dev/null 2>&1 &
LOCK_PID=$!
BG_PIDS="$BG_PIDS $LOCK_PID"
sleep 1

# Eight requests of A at once, and the other outlets syncing meanwhile.
t0=$(date +%s)
post_a 8 20 &
apid=$!
sleep 0.5
tb=$(date +%s%N)
sync_once b & bpid=$!
sync_once c & cpid=$!
wait $bpid && brc=0 || brc=$?
wait $cpid && crc=0 || crc=$?
echo "# B and C synced in $((($(date +%s%N) - tb) / 1000000)) ms while A's row was locked"
check "other devices served while A's row is locked (B)" test $brc = 0
check "other devices served while A's row is locked (C)" test $crc = 0
check "health while the lock is held: 200" test "$(health)" = 200
wait $apid
echo "# A's eight requests: $(cat "$T"/a.[0-9]* | tr '\n' ' ')"
check "every request of A ended, none hung" test "$(($(date +%s) - t0))" -le 12
check "every request of A answered 503" test \
    "$(cut -d' ' -f1 "$T"/a.[0-9]* | sort -u)" = 503
check "the answer says why" grep -q "unavailable.*lock timeout\|kunci\|lock" \
    "$T/server.log"
check "nothing of A stored" test "$(pg_sql "SELECT count(*) FROM entries
    WHERE device_id = 'AAA01-K1'")" = 0

# Clients that leave after a second: their work is cancelled, no session
# is left waiting on the lock.
rm -f "$T"/a.[0-9]*
post_a 4 1
sleep 1
check "no session waits on the lock once its client has gone" \
    test "$(waiting_on_locks)" = 0
check "the server says it dropped the work" grep -qi "klien.*memutuskan" \
    "$T/server.log"

kill "$LOCK_PID" 2>/dev/null || true
pg_sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE
    query LIKE '%pg_sleep(40)%' AND pid <> pg_backend_pid()" > /dev/null
check "A delivers once the lock is gone" sync_until a 5
check "oracle a" oracle a AAA01-K1
check "oracle b" oracle b BBB01-K1
check "oracle c" oracle c CCC01-K1

# PostgreSQL hangs: every process of the cluster stopped.
pm=$(head -n 1 "$PG_DIR/data/postmaster.pid")
pgpids="$pm $(ps -o pid= --ppid "$pm" | tr '\n' ' ')"
kill -STOP $pgpids
"$NTT_SYNCTEST" sales --db "$T/b.db" --n 10 --seed 7 > /dev/null
sleep 1.5	# health trusts an answer of the last second
t0=$(date +%s)
h=$(health)
check "hung database: health says 503" test "$h" = 503
check "hung database: health answers within 5 s" test \
    $(($(date +%s) - t0)) -le 5
t0=$(date +%s)
st=$(post b /v1/head /dev/null -X GET --max-time 30 || true)
echo "# head during the hang: $st after $(($(date +%s) - t0)) s"
check "hung database: a request ends with 503, not a hang" test "$st" = 503
check "hung database: within the statement and connect timeouts" test \
    $(($(date +%s) - t0)) -le 12
kill -CONT $pgpids
sleep 1
check "database back: health 200" test "$(health)" = 200
check "database back: B delivers" sync_until b 5
check "oracle b after the hang" oracle b BBB01-K1
finish
