#!/bin/sh
# SPDX-License-Identifier: ISC
# One credential's flood of bad batches, and a brute force of enrolment
# codes, against the real server (docs/sync-install.md §Limits): alarms
# are counted in one row instead of written again, the credential is
# quarantined after quarantine_after of them and rate-limited; wrong codes
# raise an alarm after enrol_alarm_after and are then refused with 429
# and Retry-After, while another address and other devices are served.
. "$(dirname "$0")/sync-lib.sh"

setup_province
cat > "$T/server.conf" <<-EOC
	quarantine_after = 10
	batch_per_min = 600
	batch_burst = 60
	enrol_per_min = 10
	enrol_burst = 10
	enrol_alarm_after = 5
EOC
SERVER_CONFIG="$T/server.conf" start_server
new_outlet a AAA01 AAA01-K1
new_outlet b BBB01 BBB01-K1 10

# 1. 300 batches with a bad signature from A's credential.
"$NTT_SYNCTEST" batch --db "$T/a.db" --from 1 --to 10 --fault sig \
    > "$T/bad.json"
: > "$T/codes"
t0=$(date +%s%N)
for i in $(seq 1 300); do
	post a /v1/batch "$T/bad.json" >> "$T/codes"
	echo " $(reply_error)" >> "$T/codes"
done
ms=$((($(date +%s%N) - t0) / 1000000))
summary=$(sort "$T/codes" | uniq -c | awk '{ printf "%s x%s, ", $2 " " $3, $1 }')
echo "# 300 bad batches in $ms ms: $summary"
rows=$(pg_sql "SELECT count(*) FROM alarms WHERE device_id = 'AAA01-K1'")
alarms=$(pg_sql "SELECT coalesce(sum(count), 0) FROM alarms
    WHERE device_id = 'AAA01-K1'")
echo "# alarms for AAA01-K1: $rows row(s), count $alarms"
check "bad entries raised alarms until the quarantine" test \
    "$(grep -c '^422 bad_entry' "$T/codes")" = 10
check "the alarms are one row with a count of 10" test "$rows $alarms" = \
    "1 10"
check "the alarm names the device that sent it, and its address" test \
    "$(pg_sql "SELECT device_id || ' ' || address || ' ' || kind FROM
    alarms")" = "AAA01-K1 127.0.0.1 bad_entry"
check "the credential is quarantined" test "$(pg_sql "SELECT quarantined
    FROM devices WHERE device_id = 'AAA01-K1'")" = t
check "then refused as quarantined, without more work" \
    grep -q '^409 quarantined' "$T/codes"
check "and rate-limited past its burst (429)" \
    grep -q '^429 rate_limited' "$T/codes"
check "another device is served" sync_once b
check "oracle b" oracle b BBB01-K1

# 2. Wrong enrolment codes from one address.
pk=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
enrol_json() {
	printf '{"v":1,"outlet_id":"VIC01","device_id":"VIC01-K1",'
	printf '"public_key":"%s","code":"%s"}' "$pk" "$1"
}
: > "$T/ecodes"
for i in $(seq 1 40); do
	enrol_json "$(printf 'ZZZZ-ZZZZ-ZZZZ-%04d' "$i")" > "$T/enrol.json"
	curl -sS --cacert "$T/ca.pem" -o "$T/reply" -D "$T/hdr" \
	    -w '%{http_code}' -H 'Content-Type: application/json' \
	    --data-binary @"$T/enrol.json" \
	    "https://localhost:$SERVER_PORT/v1/enrol" >> "$T/ecodes"
	echo " $(reply_error)" >> "$T/ecodes"
done
summary=$(sort "$T/ecodes" | uniq -c | awk '{ printf "%s x%s, ", $2 " " $3, $1 }')
echo "# 40 wrong codes: $summary"
echo "# enrolment alarms: $(pg_sql "SELECT kind || ' device=' || device_id ||
    ' address=' || address || ' count=' || count FROM alarms WHERE kind =
    'enrol_fail' ORDER BY device_id" | tr '\n' ';')"
# The two enrolments above came from this address too: the burst of ten
# has eight or nine left.
n403=$(grep -c '^403 bad_code' "$T/ecodes" || true)
check "a burst of wrong codes is checked and refused (403)" test \
    "$n403" -ge 5 -a "$n403" -le 10
check "the rest are rate-limited (429)" test \
    "$(grep -c '^429 rate_limited' "$T/ecodes")" = $((40 - n403))
check "with a Retry-After" grep -qi '^Retry-After: [0-9]' "$T/hdr"
check "an alarm for the address from the 5th wrong code, counted" test \
    "$(pg_sql "SELECT count FROM alarms WHERE kind = 'enrol_fail' AND
    device_id = '' AND address = '127.0.0.1'")" = $((n403 - 4))
check "an alarm for the device the codes were tried for" test \
    "$(pg_sql "SELECT count FROM alarms WHERE kind = 'enrol_fail' AND
    device_id = 'VIC01-K1'")" = $((n403 - 4))
check "the device is not quarantined by someone else's guesses" test \
    "$(pg_sql "SELECT count(*) FROM devices WHERE quarantined AND
    device_id = 'VIC01-K1'")" = 0
code=$("$NTT_SERVER" code --pg "$PG_CONNINFO" --outlet VIC01 --device VIC01-K1)
enrol_json "$code" > "$T/enrol.json"
st=$(curl -sS --cacert "$T/ca.pem" -o "$T/reply" -w '%{http_code}' \
    --interface 127.0.0.3 -H 'Content-Type: application/json' \
    --data-binary @"$T/enrol.json" "https://localhost:$SERVER_PORT/v1/enrol")
check "the right code from another address enrols" test "$st" = 200
finish
