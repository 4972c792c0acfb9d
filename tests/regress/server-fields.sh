#!/bin/sh
# SPDX-License-Identifier: ISC
# Signed means stored (docs/sync-protocol.md §4), for every field of the
# entry's field lists (rules/entry.h), through the real server: a signed
# value with "\u0000EXTRA" after it is refused in each field carried as a
# string (cJSON would keep what came before the NUL and drop the rest),
# and entries with hard values in every field are stored so that each
# re-encodes to the very bytes that were signed.
. "$(dirname "$0")/sync-lib.sh"
: "${SRV_FIELDS:?}"

setup_province
start_server
mkdir "$T/f"
code=$("$NTT_SERVER" code --pg "$PG_CONNINFO" --outlet FLD01 --device FLD01-K1)
"$SRV_FIELDS" gen --dir "$T/f" --outlet FLD01 --device FLD01-K1 \
    --code "$code" > "$T/f/gen"
cat "$T/f/gen"
nstr=$(sed -n 's/.*fields, \([0-9]*\) with a NUL variant/\1/p' "$T/f/gen")

# A NUL in the enrolment request itself.
sed 's/"code":"/"code":"\\u0000/' "$T/f/enrol.json" > "$T/f/enrol-nul.json"
st=$(curl -sS --cacert "$T/ca.pem" -o "$T/reply" -w '%{http_code}' \
    -H 'Content-Type: application/json' --data-binary @"$T/f/enrol-nul.json" \
    "https://localhost:$SERVER_PORT/v1/enrol")
check "enrolment with a NUL in a string refused (400)" test \
    "$st $(reply_error)" = "400 bad_request"
st=$(curl -sS --cacert "$T/ca.pem" -o "$T/reply" -w '%{http_code}' \
    -H 'Content-Type: application/json' --data-binary @"$T/f/enrol.json" \
    "https://localhost:$SERVER_PORT/v1/enrol")
check "enrolment" test "$st" = 200
sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p' "$T/reply" > "$T/fld.token"

# Every field carried as a string, with a NUL and more after it.
n=0
for f in "$T"/f/nul-*.json; do
	name=$(basename "$f" .json)
	st=$(post fld /v1/batch "$f")
	n=$((n + 1))
	check "${name#nul-}: a NUL inside a signed value refused (400)" \
	    test "$st $(reply_error)" = "400 bad_request"
done
check "a NUL variant for each string field ($n)" test "$n" = "$nstr" -a \
    "$n" -gt 0
check "nothing stored from them" test "$(pg_sql "SELECT count(*) FROM
    entries")" = 0

# The entries as signed: stored, and re-encoded field by field.
st=$(post fld /v1/batch "$T/f/batch.json")
check "entries with hard values in every field stored" test "$st" = 200
pg_sql "SELECT entry FROM entries WHERE device_id = 'FLD01-K1' ORDER BY
    seq" > "$T/f/stored"
"$SRV_FIELDS" check --dir "$T/f" --stored "$T/f/stored" > "$T/f/check" &&
    rc=0 || rc=$?
cat "$T/f/check"
check "every field of every stored entry re-encodes to the signed bytes" \
    test $rc = 0
check "every field of both lists checked" test "$(grep -c ': stored = signed$' \
    "$T/f/check")" = "$(grep -c ': ' "$T/f/check")"
check "the server's columns hold the same (verify)" "$NTT_SERVER" verify \
    --pg "$PG_CONNINFO" --device FLD01-K1
finish
