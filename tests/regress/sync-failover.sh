#!/bin/sh
# SPDX-License-Identifier: ISC
# Failover of PostgreSQL under a running ntt-server (issue 13, 5;
# docs/sync-install.md §Replication and failover): a primary and a
# streaming synchronous standby on loopback, ntt-server given both hosts
# with target_session_attrs=read-write, outlets delivering at once. The
# primary's WAL sender is held for a moment (a slow link between the two
# machines) and the primary is killed with SIGKILL, every one of its
# processes, mid-batch; the standby is promoted. Then, before any outlet
# may send again: every entry any outlet recorded as acknowledged is on
# the new primary, the same entry. Then the outlets resume against the
# same ntt-server process: none lost, none duplicated.
#
# During the hold an operator cancels the COMMITs that wait for the
# standby (pg_cancel_backend, as a deadline of the server's own might):
# PostgreSQL then reports them done with a WARNING, committed on the
# primary alone; ntt-server must not acknowledge them.
#
# Each way of breaking it must make the test fail: FAILOVER_BREAK=async
# (no synchronous standby: the primary acknowledges alone, and entries are
# lost), FAILOVER_BREAK=onehost (the server is given the primary only, so
# it cannot follow the failover and the outlets never finish).
. "$(dirname "$0")/sync-lib.sh"

OUTLETS=${FAILOVER_OUTLETS:-4}
SALES=${FAILOVER_SALES:-1500}

make_pki
"$NTT_SERVER" keygen --out "$T/sign.key" > "$T/sign.pub"
SERVER_KEY=$(cat "$T/sign.pub")

pg_start "$T/pg"
P1=$PG_PORT
P1_DIR=$PG_DIR

# The standby: a base backup of the primary with -R (standby.signal and
# primary_conninfo), started on a port of its own as "standby1".
mkdir -p "$T/pg2"
chmod 700 "$T/pg2"
[ "$(id -u)" != 0 ] || chown postgres "$T/pg2"
if ! pg_as "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U ntt \
    -D "$T/pg2/data" -R -X stream -c fast > "$T/pg2/basebackup.log" 2>&1; then
	cat "$T/pg2/basebackup.log"
	exit 1
fi
P2=$("$FAULTPROXY" --free-port)
pg_as "$PGBIN/pg_ctl" -D "$T/pg2/data" -l "$T/pg2/data/log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $P2 -k '' -c max_connections=150 \
 -c shared_buffers=64MB -c cluster_name=standby1" \
    start > /dev/null 2>&1 || { cat "$T/pg2/data/log"; exit 1; }
P2_DIR=$T/pg2
# Only the primary waits for a standby: the promoted one runs alone (the
# two-machine layout of docs/sync-install.md; three machines keep a
# synchronous standby after a failover too).
if [ "${FAILOVER_BREAK:-}" != async ]; then
	pg_sql "ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (standby1)'"
	pg_sql "ALTER SYSTEM SET synchronous_commit = on"
	pg_sql "SELECT pg_reload_conf()" > /dev/null
fi

standby_stop() {
	pg_as "$PGBIN/pg_ctl" -D "$P2_DIR/data" -m immediate stop \
	    > /dev/null 2>&1 || true
}
trap 'sync_cleanup; standby_stop' EXIT

sql_at() {
	psql -X -q -A -t -v ON_ERROR_STOP=1 -d "host=127.0.0.1 port=$1 \
	    user=ntt dbname=postgres" -c "$2"
}

want=sync
[ "${FAILOVER_BREAK:-}" != async ] || want=async
i=0
until [ "$(sql_at "$P1" "SELECT sync_state FROM pg_stat_replication")" = \
    "$want" ]; do
	i=$((i + 1))
	[ $i -lt 100 ] || { fail "the standby streams ($want)"; exit 1; }
	sleep 0.1
done
ok "a $want standby streams from the primary"

# ntt-server, told both hosts; it finds the primary by itself.
PG_CONNINFO="host=127.0.0.1,127.0.0.1 port=$P1,$P2 user=ntt dbname=postgres \
target_session_attrs=read-write connect_timeout=3"
[ "${FAILOVER_BREAK:-}" != onehost ] ||
    PG_CONNINFO="host=127.0.0.1 port=$P1 user=ntt dbname=postgres"
"$NTT_SERVER" serve --listen 127.0.0.1:0 --cert "$T/server.pem" \
    --tls-key "$T/server.key" --sign-key "$T/sign.key" --pg \
    "host=127.0.0.1,127.0.0.1 port=$P1,$P2 user=ntt dbname=postgres" \
    --ready-file "$T/refused.port" > "$T/refused.log" 2>&1 && rc=0 || rc=$?
check "several hosts without target_session_attrs: refused" test $rc != 0
check "saying why" grep -q "target_session_attrs=read-write" "$T/refused.log"
start_server
SPID=$SERVER_PID

FLEET_ID=FO
fleet_new "$OUTLETS" "$SALES" "batch_entries = 40"
fleet_start
DPIDS=$FLEET_PIDS

# Let them deliver a quarter, then hold the primary's WAL sender.
total=$FLEET_TOTAL
fleet_wait $((total / 4)) 300 || true
WS=$(sql_at "$P1" "SELECT pid FROM pg_stat_replication")
check "the primary's WAL sender found" test -n "$WS"
kill -STOP "$WS"
sleep 1
cancelled=$(pg_sql "SELECT count(*) FROM (SELECT pg_cancel_backend(pid)
    FROM pg_stat_activity WHERE wait_event = 'SyncRep') c")
echo "# COMMITs waiting for the standby, cancelled: $cancelled"
sleep 1.5
before=$(pg_sql "SELECT count(*) FROM entries")
pm=$(head -n 1 "$P1_DIR/data/postmaster.pid")
kill -9 "$pm" $(ps -o pid= --ppid "$pm") 2>/dev/null || true
ok "primary killed (SIGKILL, every process) with $before of $total entries in"
for p in $DPIDS; do
	kill -STOP "$p"
done

# What the outlets hold as acknowledged, from their ledgers.
i=1
while [ $i -le "$OUTLETS" ]; do
	sqlite3 "$T/o$i.db" "SELECT acked_seq FROM sync_state" > "$T/o$i.acked"
	i=$((i + 1))
done

pg_as "$PGBIN/pg_ctl" -D "$P2_DIR/data" -w -t 30 promote > /dev/null 2>&1
check "the standby promoted" test "$(sql_at "$P2" \
    "SELECT pg_is_in_recovery()")" = f

# Before any outlet may send again: every acknowledged entry is there.
lost=0
acked_total=0
i=1
while [ $i -le "$OUTLETS" ]; do
	a=$(cat "$T/o$i.acked")
	acked_total=$((acked_total + a))
	have=$(sql_at "$P2" "SELECT count(*) FROM entries
	    WHERE device_id = 'FO$i-K1' AND seq <= $a")
	lost=$((lost + a - have))
	if [ "$a" -gt 0 ]; then
		lh=$("$NTT_SYNCTEST" list --db "$T/o$i.db" | sed -n "${a}p" |
		    cut -d' ' -f3)
		sh=$(sql_at "$P2" "SELECT encode(hash, 'hex') FROM entries
		    WHERE device_id = 'FO$i-K1' AND seq = $a")
		[ "$lh" = "$sh" ] || lost=$((lost + 1))
	fi
	i=$((i + 1))
done
echo "# acknowledged before the kill: $acked_total entries;" \
    "missing on the new primary: $lost"
check "every acknowledged entry is on the new primary ($acked_total)" \
    test "$lost" = 0

for p in $DPIDS; do
	kill -CONT "$p"
done
# The same server process finds the new primary; the outlets catch up.
fleet_wait "$total" 600 || true
sleep 1
fleet_stop
check "the same ntt-server process served throughout" kill -0 "$SPID"
check "it said why it refused meanwhile (503)" grep -q "503 unavailable" \
    "$T"/o*.sync.log
fleet_oracle "after the failover"
resent=$(cat "$T"/o*.sync.log | grep -c "holds entries up to" || true)
echo "# outlets that found acknowledged entries missing and sent them" \
    "again: $resent"
check "no outlet had to send acknowledged entries again" test "$resent" = 0
finish
