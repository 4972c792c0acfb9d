#!/bin/sh
# SPDX-License-Identifier: ISC
# Isolation between devices (docs/sync-protocol.md §1, §9), on a database
# migrated from the schema the server made before it had numbered steps:
# device B stores validly signed entries carrying every UUID of device A's
# pending entries, and A still delivers all of its own, with no alarm.
. "$(dirname "$0")/sync-lib.sh"

setup_province
# The tables as ntt-server wrote them before schema_version (one UUID
# space for every device), with a device and an alarm in them.
pg_sql "
CREATE TABLE devices (device_id text PRIMARY KEY, outlet_id text NOT NULL,
  public_key bytea NOT NULL CHECK (length(public_key) = 32),
  token_hash bytea UNIQUE CHECK (length(token_hash) = 32),
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  head_seq bigint NOT NULL DEFAULT 0 CHECK (head_seq >= 0),
  head_hash bytea NOT NULL DEFAULT decode(repeat('00', 32), 'hex')
    CHECK (length(head_hash) = 32),
  last_seen_at timestamptz, quarantined boolean NOT NULL DEFAULT false);
CREATE TABLE enrol_codes (
  code_hash bytea PRIMARY KEY CHECK (length(code_hash) = 32),
  outlet_id text NOT NULL, device_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL, used_at timestamptz);
CREATE TABLE entries (device_id text NOT NULL REFERENCES devices (device_id),
  seq bigint NOT NULL CHECK (seq > 0), entry_uuid uuid NOT NULL,
  kind text NOT NULL, business_day text NOT NULL,
  created_at_ms bigint NOT NULL, total_rp bigint NOT NULL,
  prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
  hash bytea NOT NULL CHECK (length(hash) = 32), entry json NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, seq), UNIQUE (entry_uuid));
CREATE TABLE alarms (id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(), device_id text NOT NULL,
  kind text NOT NULL, seq bigint, detail text NOT NULL);
INSERT INTO devices (device_id, outlet_id, public_key)
  VALUES ('OLD01-K1', 'OLD01', decode(repeat('11', 32), 'hex'));
INSERT INTO alarms (device_id, kind, seq, detail)
  VALUES ('OLD01-K1', 'fork', 3, 'before the steps')" > /dev/null

start_server
check "the old database was taken through steps 1 and 2" test \
    "$(pg_sql "SELECT string_agg(version::text, ',' ORDER BY version)
    FROM schema_version")" = "1,2"
check "UUIDs are unique per device, not across devices" test \
    "$(pg_sql "SELECT string_agg(conname, ',' ORDER BY conname) FROM
    pg_constraint WHERE conrelid = 'entries'::regclass AND contype = 'u'")" \
    = entries_device_uuid_key
check "what was there is kept" test "$(pg_sql "SELECT device_id || ' ' ||
    count || ' ' || detail FROM alarms")" = "OLD01-K1 1 before the steps"
stop_server
start_server
check "a second start applies nothing" test "$(grep -c "schema step" \
    "$T/server.log")" = 2
pg_sql "INSERT INTO schema_version (version) VALUES (99)" > /dev/null
if "$NTT_SERVER" status --pg "$PG_CONNINFO" > /dev/null 2> "$T/err"; then
	fail "a database newer than the server is refused"
else
	check "a database newer than the server is refused" grep -q \
	    "versi 99" "$T/err"
fi
pg_sql "DELETE FROM schema_version WHERE version = 99" > /dev/null

# A's ledger: 185 demo entries and 20 sales, none delivered yet.
new_outlet a AAA01 AAA01-K1 20
new_outlet b BBB01 BBB01-K1
"$NTT_SYNCTEST" list --db "$T/a.db" > "$T/a.list"
n=$(wc -l < "$T/a.list")
# B signs n sales of its own carrying A's UUIDs, and delivers them first.
"$NTT_SYNCTEST" sales --db "$T/b.db" --n "$n" --uuids "$T/a.list" \
    > /dev/null
check "B delivers its entries with A's UUIDs" sync_once b
check "B's entries carry A's UUIDs" test "$(pg_sql "SELECT count(*) FROM
    entries WHERE device_id = 'BBB01-K1' AND entry_uuid IN (SELECT
    entry_uuid FROM entries WHERE device_id = 'BBB01-K1')
    AND entry_uuid::text IN ($(cut -d' ' -f2 "$T/a.list" |
    sed "s/.*/'&'/" | paste -sd,))")" = "$n"
check "A still delivers every entry" sync_once a
check "oracle a" oracle a AAA01-K1
check "oracle b" oracle b BBB01-K1
check "each of A's UUIDs is stored for both devices" test "$(pg_sql "SELECT
    count(*) FROM (SELECT entry_uuid FROM entries GROUP BY entry_uuid
    HAVING count(DISTINCT device_id) = 2) u")" = "$n"
check "no alarm about A or B" test "$(pg_sql "SELECT count(*) FROM alarms
    WHERE device_id IN ('AAA01-K1', 'BBB01-K1')")" = 0
check "the province's copy verifies" "$NTT_SERVER" verify --pg \
    "$PG_CONNINFO" --device AAA01-K1
finish
