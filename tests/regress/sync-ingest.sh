#!/bin/sh
# SPDX-License-Identifier: ISC
# ntt-server ingest against a real PostgreSQL over real TLS: enrolment and
# its refusals, every kind of bad request refused with a clear status and
# nothing stored, replays in any order and sixteen at once stored exactly
# once, and a fork (a device restored from an old copy) raising an alarm.
. "$(dirname "$0")/sync-lib.sh"

setup_province
start_server
new_outlet kpg KPG01 KPG01-K1 100
new_outlet sbd SBD01 SBD01-K1
head=$("$NTT_SYNCTEST" list --db "$T/kpg.db" | wc -l)

# status CODE ERROR NAME: the last request answered CODE with ERROR.
expect() {
	if [ "$st" = "$1" ] && [ "$(reply_error)" = "$2" ]; then
		ok "$3 -> $1 $2"
	else
		fail "$3: got $st $(reply_error), want $1 $2"
		cat "$T/reply"
	fi
}

stored() {
	pg_sql "SELECT count(*) FROM entries"
}

# Enrolment: a used code, a code for another device, a second key.
code=$("$NTT_SERVER" code --pg "$PG_CONNINFO" --outlet KPG01 --device KPG01-K2)
"$NTT_POS" init --db "$T/k2.db" --outlet KPG01 --device KPG01-K2 >/dev/null 2>&1
write_config k2 "$SERVER_PORT"
check "enrol with a fresh code" "$NTT_SYNC" enrol --config "$T/k2.conf" \
    --code "$code" >/dev/null
rm "$T/k2.token"
if "$NTT_SYNC" enrol --config "$T/k2.conf" --code "$code" 2>"$T/err"; then
	fail "a used code is refused"
else
	check "a used code is refused" grep -q "403 bad_code" "$T/err"
fi
code=$("$NTT_SERVER" code --pg "$PG_CONNINFO" --outlet KPG01 --device KPG01-K9)
if "$NTT_SYNC" enrol --config "$T/k2.conf" --code "$code" 2>"$T/err"; then
	fail "a code for another device is refused"
else
	check "a code for another device is refused" grep -q "bad_code" \
	    "$T/err"
fi
"$NTT_POS" init --db "$T/k3.db" --outlet KPG01 --device KPG01-K2 >/dev/null 2>&1
write_config k3 "$SERVER_PORT"
code=$("$NTT_SERVER" code --pg "$PG_CONNINFO" --outlet KPG01 --device KPG01-K2)
if "$NTT_SYNC" enrol --config "$T/k3.conf" --code "$code" 2>"$T/err"; then
	fail "the same device with another key is refused"
else
	check "the same device with another key is refused" \
	    grep -q "409 already_enrolled" "$T/err"
fi
check "credentials are stored hashed" test "$(pg_sql "SELECT count(*) FROM
    devices WHERE encode(token_hash, 'hex') = '$(token kpg)'")" = 0

# Bad requests, refused before anything is stored.
"$NTT_SYNCTEST" batch --db "$T/kpg.db" --from 1 --to 100 > "$T/b1.json"
"$NTT_SYNCTEST" batch --db "$T/kpg.db" --from 101 --to 200 > "$T/b2.json"
"$NTT_SYNCTEST" batch --db "$T/kpg.db" --from 201 --to "$head" > "$T/b3.json"
"$NTT_SYNCTEST" batch --db "$T/kpg.db" --from 50 --to 150 > "$T/o.json"

st=$(curl -sS --cacert "$T/ca.pem" -o "$T/reply" -w '%{http_code}' \
    -H 'Content-Type: application/json' --data-binary @"$T/b1.json" \
    "https://localhost:$SERVER_PORT/v1/batch")
expect 401 unauthorized "no credential"
st=$(curl -sS --cacert "$T/ca.pem" -o "$T/reply" -w '%{http_code}' \
    -H "Authorization: Bearer $(printf '%064d' 7)" \
    -H 'Content-Type: application/json' --data-binary @"$T/b1.json" \
    "https://localhost:$SERVER_PORT/v1/batch")
expect 401 unauthorized "unknown credential"
st=$(CT=text/plain post kpg /v1/batch "$T/b1.json")
expect 415 unsupported_media_type "text/plain"
st=$(post kpg /v1/batch "$T/b1.json" -H 'Content-Encoding: br')
expect 415 unsupported_media_type "Content-Encoding br"
st=$(post kpg /v1/nothing "$T/b1.json")
expect 404 not_found "unknown path"
st=$(curl -sS --cacert "$T/ca.pem" -o "$T/reply" -w '%{http_code}' \
    -H "Authorization: Bearer $(token kpg)" \
    "https://localhost:$SERVER_PORT/v1/batch")
expect 405 method_not_allowed "GET /v1/batch"
head -c 1100000 /dev/zero | tr '\0' ' ' > "$T/big.json"
st=$(post kpg /v1/batch "$T/big.json")
expect 413 too_large "1.1 MB body"
st=$(post kpg /v1/batch "$T/big.json" -H 'Transfer-Encoding: chunked')
expect 413 too_large "1.1 MB chunked body (no length)"
{ head -c 17000000 /dev/zero | tr '\0' ' '; echo '{}'; } | gzip -9 > "$T/bomb.gz"
st=$(post kpg /v1/batch "$T/bomb.gz" -H 'Content-Encoding: gzip')
expect 413 too_large "gzip bomb (17 MB from $(wc -c < "$T/bomb.gz") bytes)"
head -c 5000 "$T/b1.json" > "$T/trunc.json"
st=$(post kpg /v1/batch "$T/trunc.json")
expect 400 bad_request "truncated JSON"
printf '{"v":1,"device_id":"KPG01-K1","entries":[}' > "$T/bad.json"
st=$(post kpg /v1/batch "$T/bad.json")
expect 400 bad_request "malformed JSON"
gzip -c "$T/b1.json" | head -c 3000 > "$T/trunc.gz"
st=$(post kpg /v1/batch "$T/trunc.gz" -H 'Content-Encoding: gzip')
expect 400 bad_request "truncated gzip"
sed 's/"v":1/"v":2/' "$T/b1.json" > "$T/v2.json"
st=$(post kpg /v1/batch "$T/v2.json")
expect 400 bad_request "protocol version 2"
"$NTT_SYNCTEST" batch --db "$T/kpg.db" --from 5 --to 10 > "$T/gap.json"
st=$(post kpg /v1/batch "$T/gap.json")
expect 409 gap "batch from 5 on an empty server"
check "gap reply carries the signed head 0" grep -q '"acked_seq":0,' "$T/reply"
"$NTT_SYNCTEST" batch --db "$T/kpg.db" --from 1 --to 10 --fault reverse \
    > "$T/rev.json"
st=$(post kpg /v1/batch "$T/rev.json")
expect 400 not_consecutive "out-of-order batch"
"$NTT_SYNCTEST" batch --db "$T/kpg.db" --from 1 --to 10 --fault skip \
    > "$T/skip.json"
st=$(post kpg /v1/batch "$T/skip.json")
expect 400 not_consecutive "batch with a hole"
"$NTT_SYNCTEST" batch --db "$T/kpg.db" --from 1 --to 10 --fault sig \
    > "$T/sig.json"
st=$(post kpg /v1/batch "$T/sig.json")
expect 422 bad_entry "bad signature"
"$NTT_SYNCTEST" batch --db "$T/kpg.db" --from 1 --to 100 --fault sig-last \
    > "$T/siglast.json"
st=$(post kpg /v1/batch "$T/siglast.json")
expect 422 bad_entry "bad signature in entry 100 of 100"
check "the refusal names entry 100" grep -q '"message":"[^"]*100' "$T/reply"
"$NTT_SYNCTEST" batch --db "$T/kpg.db" --from 1 --to 10 --fault hash \
    > "$T/hash.json"
st=$(post kpg /v1/batch "$T/hash.json")
expect 422 bad_entry "content changed after signing"
"$NTT_SYNCTEST" batch --db "$T/sbd.db" --from 1 --to 10 > "$T/other.json"
st=$(post kpg /v1/batch "$T/other.json")
expect 403 forbidden "another device's entries"
sed 's/"device_id":"KPG01-K1","entries"/"device_id":"SBD01-K1","entries"/' \
    "$T/b1.json" > "$T/claim.json"
st=$(post kpg /v1/batch "$T/claim.json")
expect 403 forbidden "batch claiming another device"
check "nothing stored after bad requests" test "$(stored)" = 0
check "alarms for signature and ownership" test "$(pg_sql "SELECT sum(count)
    FROM alarms WHERE kind IN ('bad_entry', 'forbidden')")" = 5
check "alarms of a kind are counted, not repeated" test "$(pg_sql "SELECT
    count(*) FROM alarms WHERE kind IN ('bad_entry', 'forbidden')")" = 2

# Good batches, then replays in any order, plain and gzip.
st=$(post kpg /v1/batch "$T/b1.json")
expect 200 "" "batch 1-100"
check "100 stored" test "$(stored)" = 100
gzip -c "$T/b1.json" > "$T/b1.gz"
st=$(post kpg /v1/batch "$T/b1.gz" -H 'Content-Encoding: gzip')
expect 200 "" "replay of 1-100 (gzip)"
check "replay answers the same head" grep -q '"acked_seq":100,.*"stored":0,"duplicates":100' "$T/reply"
accepted=""
for f in o b3 b1 b2 b3 o b1 b2 b3 b1; do
	st=$(post kpg /v1/batch "$T/$f.json")
	case "$st $(reply_error)" in
	"200 ") accepted="$accepted $f" ;;
	"409 gap") [ "$f" = b3 ] || fail "replay $f: unexpected gap" ;;
	*) fail "replay $f: $st"; cat "$T/reply" ;;
	esac
done
check "replays in any order: every one answered 200 or gap" \
    test "$accepted" = " o b1 b2 b3 o b1 b2 b3 b1"
"$NTT_SYNCTEST" list --db "$T/kpg.db" > "$T/kpg.local"
server_rows KPG01-K1 > "$T/kpg.remote"
check "server holds exactly the outlet's entries" cmp -s "$T/kpg.local" \
    "$T/kpg.remote"
# Every field of every entry through the server (rules/entry.h): the JSON
# it stored is the ledger's, byte for byte; verify (below) holds each
# server column against it.
"$NTT_SYNCTEST" json --db "$T/kpg.db" > "$T/kpg.json"
pg_sql "SELECT entry FROM entries WHERE device_id = 'KPG01-K1' ORDER BY seq" \
    > "$T/kpg.stored"
check "server holds every field of every entry" cmp -s "$T/kpg.json" \
    "$T/kpg.stored"

# Sixteen identical requests at once (R3.1, R5.6): one set of rows.
"$NTT_SYNCTEST" batch --db "$T/sbd.db" --from 1 --to 186 > "$T/s.json"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	curl -sS --cacert "$T/ca.pem" -o "$T/par.$i" -w '%{http_code}\n' \
	    -H "Authorization: Bearer $(token sbd)" \
	    -H 'Content-Type: application/json' --data-binary @"$T/s.json" \
	    "https://localhost:$SERVER_PORT/v1/batch" > "$T/par.$i.code" &
	pids="${pids:-} $!"
done
wait $pids
check "16 concurrent replays all answered 200" test \
    "$(cat "$T"/par.*.code | sort -u)" = 200
check "exactly one of them stored the entries" test \
    "$(grep -l '"stored":186' "$T"/par.[0-9]* | wc -l)" = 1
"$NTT_SYNCTEST" list --db "$T/sbd.db" > "$T/sbd.local"
server_rows SBD01-K1 > "$T/sbd.remote"
check "16 concurrent replays stored each entry once" cmp -s "$T/sbd.local" \
    "$T/sbd.remote"

# The signed head, and the daemon agreeing with what raw posts stored.
st=$(curl -sS --cacert "$T/ca.pem" -o "$T/reply" -w '%{http_code}' \
    -H "Authorization: Bearer $(token kpg)" \
    "https://localhost:$SERVER_PORT/v1/head")
expect 200 "" "GET /v1/head"
check "daemon finds nothing to resend" sync_once kpg
check "daemon took the server's head without resending" \
    grep -q "server head for this device: $head" "$T/kpg.sync.log"
check "oracle kpg" oracle kpg KPG01-K1

# A fork: the outlet restored from a copy taken before its last sale.
cp "$T/kpg.db" "$T/old.db"
cp -p "$T/kpg.db.key" "$T/old.db.key"
"$NTT_SYNCTEST" sales --db "$T/kpg.db" --n 1 --seed 1 > /dev/null
check "sale after the copy synced" sync_once kpg
"$NTT_SYNCTEST" sales --db "$T/old.db" --n 1 --seed 2 > /dev/null
sed "s#$T/kpg.db#$T/old.db#" "$T/kpg.conf" > "$T/old.conf"
cp -p "$T/kpg.token" "$T/old.token"
sed -i "s#$T/kpg.token#$T/old.token#" "$T/old.conf"
if sync_once old; then
	fail "the restored copy's different entry is refused"
else
	ok "the restored copy's different entry is refused"
fi
check "the outlet sees the fork in plain words" grep -q "bercabang" \
    "$T/old.sync.log"
check "fork alarm raised" test "$(pg_sql "SELECT count(*) FROM alarms
    WHERE kind = 'fork' AND device_id = 'KPG01-K1'")" = 1
check "device quarantined" test "$(pg_sql "SELECT quarantined FROM devices
    WHERE device_id = 'KPG01-K1'")" = t
check "the fork stored nothing" oracle kpg KPG01-K1
"$NTT_SYNCTEST" sales --db "$T/kpg.db" --n 1 --seed 3 > /dev/null
if sync_once kpg; then
	fail "a quarantined device is refused"
else
	check "a quarantined device is refused" grep -q "409 quarantined" \
	    "$T/kpg.sync.log"
fi
"$NTT_SYNCTEST" list --db "$T/sbd.db" > "$T/sbd.local"
check "no unexpected rows on the server" test "$(stored)" = \
    "$(($(wc -l < "$T/kpg.local") + $(wc -l < "$T/sbd.local")))"

# R3.10: the office's view of every device, and the alarm exit code.
"$NTT_SERVER" status --pg "$PG_CONNINFO" > "$T/status" 2>&1 && rc=0 || rc=$?
check "status needs attention (a quarantined device)" test $rc = 1
check "status shows the fork" grep -q "KPG01-K1 .*KARANTINA" "$T/status"
check "status shows SBD01-K1 current" grep -Eq \
    "^SBD01 +SBD01-K1 +186 .* ok$" "$T/status"
pg_sql "UPDATE devices SET last_seen_at = now() - interval '11 days'
    WHERE device_id = 'SBD01-K1'" > /dev/null
"$NTT_SERVER" status --pg "$PG_CONNINFO" > "$T/status" 2>&1 || true
check "unseen for 11 days is late" grep -q "SBD01-K1 .*TERLAMBAT" "$T/status"
"$NTT_SERVER" status --pg "$PG_CONNINFO" --stale-days 30 > "$T/status" \
    2>&1 || true
check "but not against a 30-day bound" grep -Eq "SBD01-K1 .* ok$" \
    "$T/status"

# The province's copy, verified the way outlets verify theirs.
"$NTT_SERVER" verify --pg "$PG_CONNINFO" > "$T/verify" 2>&1 && rc=0 || rc=$?
check "the province's copy verifies" test $rc = 0
check "verify walked every entry of SBD01-K1" grep -q \
    "^SBD01-K1: 186 entri, rantai utuh" "$T/verify"
pg_sql "ALTER TABLE entries DISABLE TRIGGER entries_no_change;
    UPDATE entries SET entry = replace(entry::text, '\"total_rp\":',
    '\"total_rp\":1')::json WHERE device_id = 'SBD01-K1' AND seq = 100;
    ALTER TABLE entries ENABLE TRIGGER entries_no_change" > /dev/null
"$NTT_SERVER" verify --pg "$PG_CONNINFO" > "$T/verify" 2>&1 && rc=0 || rc=$?
check "a row changed behind the server's back is found" test $rc = 1
check "and named" grep -q "^SBD01-K1: RUSAK setelah 99 entri" "$T/verify"
pg_sql "ALTER TABLE entries DISABLE TRIGGER entries_no_change;
    UPDATE entries SET business_day = '1999-01-01' WHERE
    device_id = 'KPG01-K1' AND seq = 7;
    ALTER TABLE entries ENABLE TRIGGER entries_no_change" > /dev/null
"$NTT_SERVER" verify --pg "$PG_CONNINFO" > "$T/verify" 2>&1 && rc=0 || rc=$?
check "a column that differs from its entry is found" grep -q \
    "^KPG01-K1: RUSAK setelah 6 entri: entri 7: kolom business_day" \
    "$T/verify"
finish
