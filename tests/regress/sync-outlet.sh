#!/bin/sh
# SPDX-License-Identifier: ISC
# What the outlet's daemon does for the people around it (issue 13, 4): a
# device enrolled again while its daemon runs is picked up without a
# restart; the province rotates its acknowledgement key and outlets that
# were given the next key carry on while the others stop and say why; a
# ledger the daemon cannot write is said on the counter's status line,
# in `ntt-pos summary` and `ntt-sync status`, with the pending count that
# is true; and `ntt-pos summary` shows pending, age, last acknowledgement.
. "$(dirname "$0")/sync-lib.sh"

setup_province
start_server
new_outlet a ALT01 ALT01-K1 300

summary() {
	"$NTT_POS" summary --db "$T/$1.db"
}

# wait_for SECONDS COMMAND...: until COMMAND succeeds.
wait_for() {
	w=0
	lim=$(($1 * 10))
	shift
	until "$@"; do
		w=$((w + 1))
		[ $w -lt $lim ] || return 1
		sleep 0.1
	done
}

pending_is() {
	"$NTT_SYNC" status --config "$T/$1.conf" | grep -q "^Tertunda *: $2 entri"
}

n=$("$NTT_SYNCTEST" list --db "$T/a.db" | wc -l)
check "summary before any sync: pending and its age" sh -c "\"$NTT_POS\" \
    summary --db \"$T/a.db\" | grep -q '^Tertunda   : $n entri, tertua [0-9]'"
check "summary before any sync: no acknowledgement yet" sh -c "\"$NTT_POS\" \
    summary --db \"$T/a.db\" | grep -q '^Diakui     : 0 (belum pernah)'"

"$NTT_SYNC" --config "$T/a.conf" >> "$T/a.sync.log" 2>&1 &
DPID=$!
BG_PIDS="$BG_PIDS $DPID"
check "the daemon delivers everything" wait_for 20 pending_is a 0
check "summary after: nothing pending" sh -c "\"$NTT_POS\" summary \
    --db \"$T/a.db\" | grep -q '^Tertunda   : 0 entri\$'"
check "summary after: the last acknowledgement and when" sh -c "\"$NTT_POS\" \
    summary --db \"$T/a.db\" | grep -q '^Diakui     : sampai entri $n, [0-9]'"

# 1. The credential revoked, the device enrolled again while the daemon
# runs: it must take the new credential without a restart.
pg_sql "UPDATE devices SET token_hash = NULL WHERE device_id = 'ALT01-K1'"
"$NTT_SYNCTEST" sales --db "$T/a.db" --n 50 --seed 21 > /dev/null
check "a revoked credential is refused (401 on the status)" wait_for 20 \
    sh -c "\"$NTT_SYNC\" status --config \"$T/a.conf\" |
    grep -q 'Galat terakhir *: Server menolak (401'"
check "summary shows the refusal" sh -c "\"$NTT_POS\" summary \
    --db \"$T/a.db\" | grep -q '^Sinkron    : Server menolak (401'"
code=$("$NTT_SERVER" code --pg "$PG_CONNINFO" --outlet ALT01 \
    --device ALT01-K1)
rm -f "$T/a.token"
check "enrolled again while the daemon runs" "$NTT_SYNC" enrol \
    --config "$T/a.conf" --code "$code"
check "the running daemon took the new credential" wait_for 15 \
    pending_is a 0
check "it said so" grep -q "credential $T/a.token read again" \
    "$T/a.sync.log"
check "without a restart (the same process)" kill -0 $DPID
check "oracle after the new credential" oracle a ALT01-K1

# 2. A ledger the daemon cannot write (here: a trigger refuses every
# update of sync_state, as a full disk or a lost write permission would).
sqlite3 "$T/a.db" "CREATE TRIGGER test_no_sync BEFORE UPDATE ON sync_state
    BEGIN SELECT RAISE(ABORT, 'disk penuh (uji)'); END;"
acked=$(pg_sql "SELECT head_seq FROM devices WHERE device_id = 'ALT01-K1'")
"$NTT_SYNCTEST" sales --db "$T/a.db" --n 40 --seed 22 > /dev/null
server_head_is() {
	test "$(pg_sql "SELECT head_seq FROM devices
	    WHERE device_id = 'ALT01-K1'")" = "$1"
}
check "the province holds the 40 new entries" wait_for 20 server_head_is \
    $((acked + 40))
check "the daemon could not record it" wait_for 10 grep -q \
    "sync state not saved: .*disk penuh (uji)" "$T/a.sync.log"
check "the ledger still says what it said" test "$(sqlite3 "$T/a.db" \
    "SELECT acked_seq FROM sync_state")" = "$acked"
check "ntt-sync status: held, not recorded, and why" sh -c "\"$NTT_SYNC\" \
    status --config \"$T/a.conf\" | grep -q '^Dipegang daemon: \
$((acked + 40)), TIDAK TERCATAT di ledger: .*disk penuh (uji)'"
check "ntt-sync status: nothing pending, truly" pending_is a 0
check "summary: nothing pending, truly" sh -c "\"$NTT_POS\" summary \
    --db \"$T/a.db\" | grep -q '^Tertunda   : 0 entri\$'"
check "summary: the failure in words" sh -c "\"$NTT_POS\" summary \
    --db \"$T/a.db\" | grep -q '^Sinkron    : GAGAL dicatat: server \
memegang sampai $((acked + 40)) .*disk penuh (uji)'"
if command -v tmux > /dev/null; then
	tmux -L "sync$$" new-session -d -x 160 -y 30 \
	    "$NTT_POS --db $T/a.db" 2>/dev/null
	screen_has() {
		tmux -L "sync$$" capture-pane -p | grep -q "$1"
	}
	check "the counter's status line says it" wait_for 10 screen_has \
	    "Sinkron GAGAL dicatat, 0 blm │"
fi

# The ledger writable again: the daemon records what it holds.
sqlite3 "$T/a.db" "DROP TRIGGER test_no_sync"
check "writable again: sync_state catches up" wait_for 10 sh -c "test \
    \"\$(sqlite3 \"$T/a.db\" 'SELECT acked_seq FROM sync_state')\" = \
    $((acked + 40))"
check "summary: the failure is gone" sh -c "! \"$NTT_POS\" summary \
    --db \"$T/a.db\" | grep -q GAGAL"
if command -v tmux > /dev/null; then
	check "the status line is back to normal" wait_for 10 screen_has \
	    "Tersinkron"
	tmux -L "sync$$" kill-server 2>/dev/null || true
fi
check "oracle after the ledger came back" oracle a ALT01-K1
kill -TERM $DPID
wait $DPID 2>/dev/null || true

# 3. The province rotates its acknowledgement key: outlet a was given the
# next key beforehand (server_key_next), outlet b was not.
new_outlet b BLT01 BLT01-K1 100
check "b synced under the first key" sync_once b
"$NTT_SERVER" keygen --out "$T/sign2.key" > "$T/sign2.pub"
KEY2=$(cat "$T/sign2.pub")
write_config a "$SERVER_PORT" "server_key_next = $KEY2"
stop_server
cp "$T/sign.key" "$T/sign1.key"
chmod 600 "$T/sign.key"
cp "$T/sign2.key" "$T/sign.key"
start_server
"$NTT_SYNCTEST" sales --db "$T/a.db" --n 30 --seed 23 > /dev/null
"$NTT_SYNCTEST" sales --db "$T/b.db" --n 30 --seed 24 > /dev/null
: > "$T/a.sync.log"
check "rotated: the outlet with the next key carries on" sync_once a
check "and says the rotation happened" grep -q \
    "server signs with server_key_next" "$T/a.sync.log"
check "oracle after the rotation" oracle a ALT01-K1
sync_once b && rc=0 || rc=$?
check "rotated: the outlet without it stops (exit 75)" test $rc = 75
check "and says why on its status line" sh -c "\"$NTT_SYNC\" status \
    --config \"$T/b.conf\" | grep -q '^Galat terakhir *: .*Tanda tangan server'"
check "its ledger records no acknowledgement it cannot check" \
    pending_is b 30
write_config b "$SERVER_PORT" "server_key_next = $KEY2"
check "b given the next key: carries on" sync_once b
check "oracle for b" oracle b BLT01-K1
# A device enrolled during the rotation checks the answer with either key.
"$NTT_POS" init --db "$T/c.db" --demo --outlet CLT01 --device CLT01-K1 \
    --name "NTT Mart CLT01" > /dev/null 2>&1
write_config c "$SERVER_PORT" "server_key_next = $KEY2"
code=$("$NTT_SERVER" code --pg "$PG_CONNINFO" --outlet CLT01 \
    --device CLT01-K1)
check "enrolment during the rotation" "$NTT_SYNC" enrol \
    --config "$T/c.conf" --code "$code"
check "and its first sync" sync_once c
finish
