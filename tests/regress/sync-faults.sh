#!/bin/sh
# SPDX-License-Identifier: ISC
# The real daemon against the real server through faultproxy: the link cut
# before and after the server commits, answers dropped (the classic
# duplicate), truncated, reset, stalled, slow; the server and the daemon
# killed with SIGKILL mid-batch; the server restored from an older backup.
# After every scenario the oracle: the server holds exactly the outlet's
# entries, none lost, none duplicated, none unexpected, heads equal.
. "$(dirname "$0")/sync-lib.sh"

setup_province
start_server
start_proxy
new_outlet f FLT01 FLT01-K1 1000
write_config f "$PROXY_PORT" "batch_entries = 100"

sales() {
	"$NTT_SYNCTEST" sales --db "$T/f.db" --n "$1" --seed "$2" > /dev/null
}

rows() {
	pg_sql "SELECT count(*) FROM entries WHERE device_id = 'FLT01-K1'"
}

acked() {
	"$NTT_SYNC" status --config "$T/f.conf" |
	    sed -n 's/^Diakui server *: \([0-9]*\) .*/\1/p'
}

pending() {
	"$NTT_SYNC" status --config "$T/f.conf" |
	    sed -n 's/^Tertunda *: \([0-9]*\) entri/\1/p'
}

# A background daemon until nothing is pending (at most $1 tenths).
daemon_until_done() {
	"$NTT_SYNC" --config "$T/f.conf" >> "$T/f.sync.log" 2>&1 &
	dpid=$!
	BG_PIDS="$BG_PIDS $dpid"
	w=0
	until [ "$(pending)" = 0 ] || [ $w -ge "$1" ]; do
		sleep 0.1
		w=$((w + 1))
	done
	kill -TERM $dpid 2>/dev/null || true
	wait $dpid 2>/dev/null || true
}

# expect_fail NAME: one --once run must not finish.
expect_fail() {
	if sync_once f; then fail "$1"; else ok "$1"; fi
}

check "baseline through the proxy" sync_once f
check "oracle: baseline" oracle f FLT01-K1

# Cut before the server commits, inside the body (past the first 16 KiB
# TLS record, so the server has read the head): nothing stored, all sent
# again. libcurl resends once by itself on a fresh connection when a
# reused one dies before any answer, so the second connection is cut too.
sales 250 1
before=$(rows)
faults "cut-request 20000" "cut-request 18000" pass
expect_fail "link cut mid-request: the run does not finish"
check "cut mid-request: the server committed nothing" test "$(rows)" = \
    "$before"
check "cut mid-request: recovered" sync_until f 5
check "oracle: cut before commit" oracle f FLT01-K1

# Cut after the server commits: the answer is lost; the next run takes
# the server's signed head instead of sending the batch again.
sales 250 2
before=$(rows)
faults "drop-response 3000" "drop-response 500" pass
expect_fail "answer lost after commit: the run does not finish"
check "answer lost: the server did commit" test "$(rows)" -gt "$before"
check "answer lost: the outlet did not record it" test "$(acked)" -lt \
    "$(rows)"
: > "$T/f.sync.log"
check "answer lost: recovered" sync_until f 5
check "answer lost: took the server's head" grep -q \
    "server head for this device" "$T/f.sync.log"
check "answer lost: nothing sent twice" test \
    "$(grep ' sent ' "$T/f.sync.log" | grep -vc ' 0 already there')" = 0
check "oracle: cut after commit" oracle f FLT01-K1

# The duplicate a timeout makes (odoo#40567): the same batch reaches the
# server twice; it is stored once.
sales 350 3
faults "dup 30000" pass
: > "$T/f.sync.log"
daemon_until_done 150
check "dup: the server received a batch again" grep -q \
    "(0 new, 100 already there)" "$T/f.sync.log"
check "oracle: duplicate delivery" oracle f FLT01-K1

# A truncated answer, resets, a dead link, a stalled transfer.
sales 150 4
faults "truncate-response 3000 40" pass
check "truncated answer: recovered" sync_until f 5
check "oracle: truncated answer" oracle f FLT01-K1
sales 100 5
faults reset reset pass
check "connection resets: recovered" sync_until f 5
check "oracle: resets" oracle f FLT01-K1
write_config f "$PROXY_PORT" "batch_entries = 100" "connect_timeout = 2" \
    "stall_time = 2"
sales 100 6
faults blackhole pass
expect_fail "no TLS answer: gives up the try after connect_timeout"
faults "stall 3000" pass
t0=$(date +%s)
expect_fail "transfer stalls mid-body: stall timeout"
check "stall noticed within seconds" test $(($(date +%s) - t0)) -le 6
check "stall: the reason in plain words" grep -q "Jaringan macet" \
    "$T/f.sync.log"
faults pass
check "dead link and stall: recovered" sync_until f 5
check "oracle: dead link and stall" oracle f FLT01-K1

# A slow link: every chunk held, then a rate limit.
sales 200 7
faults "delay 15"
check "slow link (15 ms per chunk)" sync_once f
sales 200 8
faults "rate 60000"
check "slow link (60 kB/s)" sync_once f
check "oracle: slow link" oracle f FLT01-K1

# SIGKILL of the server mid-batch, then of the daemon, three times.
sales 600 9
faults "rate 25000"
"$NTT_SYNC" --config "$T/f.conf" >> "$T/f.sync.log" 2>&1 &
dpid=$!
BG_PIDS="$BG_PIDS $dpid"
sleep 1.5
kill_server
sleep 0.5
start_server
w=0
until [ "$(pending)" = 0 ] || [ $w -ge 300 ]; do
	sleep 0.1
	w=$((w + 1))
done
kill -TERM $dpid 2>/dev/null || true
wait $dpid 2>/dev/null || true
check "server killed mid-batch: the daemon carried on" test "$(pending)" = 0
check "oracle: server SIGKILL" oracle f FLT01-K1
sales 600 10
for k in 1 2 3; do
	"$NTT_SYNC" --config "$T/f.conf" >> "$T/f.sync.log" 2>&1 &
	dpid=$!
	sleep 0.$((4 + k * 2))
	kill -9 $dpid
	wait $dpid 2>/dev/null || true
done
faults pass
check "daemon killed: the next one starts (lock freed) and finishes" \
    sync_until f 5
check "oracle: daemon SIGKILL" oracle f FLT01-K1

# PostgreSQL crashes and comes back under the running server: refusals
# with 503 (nothing stored, nothing lost), then the pool reconnects.
sales 200 11
pg_restart
: > "$T/f.sync.log"
check "database restarted: recovered" sync_until f 10
check "the outage answered 503, not a silent loss" grep -q \
    "503 unavailable" "$T/f.sync.log"
check "oracle: database restart" oracle f FLT01-K1

# The server restored from a backup older than its acknowledgements.
keep=$(($(rows) - 333))
pg_sql "ALTER TABLE entries DISABLE TRIGGER entries_no_change;
    DELETE FROM entries WHERE device_id = 'FLT01-K1' AND seq > $keep;
    ALTER TABLE entries ENABLE TRIGGER entries_no_change;
    UPDATE devices SET head_seq = $keep, head_hash = (SELECT hash FROM
    entries WHERE device_id = 'FLT01-K1' AND seq = $keep)
    WHERE device_id = 'FLT01-K1'" > /dev/null
: > "$T/f.sync.log"
check "server lost 333 acknowledged entries: sent again" sync_once f
check "the outlet said so" grep -q "holds entries up to $keep only" \
    "$T/f.sync.log"
check "oracle: server restored from an old backup" oracle f FLT01-K1
check "no alarm in any of this" test "$(pg_sql "SELECT count(*) FROM
    alarms")" = 0
check "no row but the outlet's" oracle_total f
check "the province's copy verifies" "$NTT_SERVER" verify --pg \
    "$PG_CONNINFO"
finish
