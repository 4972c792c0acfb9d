#!/bin/sh
# SPDX-License-Identifier: ISC
# The real ntt-sync against the real server over real TLS: a full sync in
# bounded batches, resuming without resending, the journal untouched, one
# daemon per ledger, a running daemon following the counter, the server
# away, strict config, and every TLS refusal (wrong host, untrusted CA,
# wrong pin) leaving nothing stored and the reason on the status line.
. "$(dirname "$0")/sync-lib.sh"

setup_province
start_server
new_outlet kpg KPG01 KPG01-K1 2000

# status NAME FIELD: one line of `ntt-sync status`.
status() {
	"$NTT_SYNC" status --config "$T/$1.conf" | sed -n "s/^$2 *: //p"
}

count() {
	pg_sql "SELECT count(*) FROM entries"
}

"$NTT_SYNCTEST" list --db "$T/kpg.db" > "$T/before"
check "pending before the first sync" test "$(status kpg Tertunda)" = \
    "$(wc -l < "$T/before") entri"
check "full sync of 2185 entries" sync_once kpg
check "oracle after the full sync" oracle kpg KPG01-K1
awk '/ sent [0-9]+-[0-9]+ / {
	split($4, r, "-"); n = r[2] - r[1] + 1
	if (n > 200) bad = 1; b++
} END { exit !(b >= 11 && !bad) }' "$T/kpg.sync.log" &&
    ok "batches of at most 200 entries ($(grep -c ' sent ' \
    "$T/kpg.sync.log") of them)" || fail "batches bounded"
"$NTT_SYNCTEST" list --db "$T/kpg.db" > "$T/after"
check "sync changed no journal entry" cmp -s "$T/before" "$T/after"
check "the ledger chain still verifies" "$NTT_POS" verify --db "$T/kpg.db"

# Resume: only what is new goes, nothing acknowledged again.
head=$(wc -l < "$T/after")
"$NTT_SYNCTEST" sales --db "$T/kpg.db" --n 300 --seed 7 > /dev/null
: > "$T/kpg.sync.log"
check "pending counts new sales" test "$(status kpg Tertunda)" = "300 entri"
check "resume" sync_once kpg
check "resumed from the acknowledged head" grep -q " sent $((head + 1))-" \
    "$T/kpg.sync.log"
check "nothing acknowledged was sent again" test \
    "$(grep ' sent ' "$T/kpg.sync.log" | grep -vc ' 0 already there')" = 0
check "oracle after resume" oracle kpg KPG01-K1

# One daemon per ledger; a running daemon follows the counter.
"$NTT_SYNC" --config "$T/kpg.conf" >> "$T/kpg.sync.log" 2>&1 &
DPID=$!
BG_PIDS="$BG_PIDS $DPID"
i=0
until grep -q "acknowledged up to $((head + 300))\$" "$T/kpg.sync.log" ||
    [ $i -ge 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
if "$NTT_SYNC" --config "$T/kpg.conf" --once 2> "$T/second"; then
	fail "a second daemon on the same ledger exits"
else
	rc=$?
	check "a second daemon exits 3 saying why" test $rc = 3
	check "the message names the other daemon" grep -q \
	    "sudah disinkronkan oleh ntt-sync lain (pid $DPID" "$T/second"
fi
# The counter keeps selling while the daemon pushes (WAL, short reads).
"$NTT_SYNCTEST" sales --db "$T/kpg.db" --n 400 --seed 8 > /dev/null &
SPID=$!
check "the counter's appends never wait on sync" wait $SPID
i=0
until [ "$(status kpg Tertunda)" = "0 entri" ] || [ $i -ge 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "the running daemon caught up with the counter" oracle kpg KPG01-K1
kill -TERM $DPID
i=0
while kill -0 $DPID 2>/dev/null && [ $i -lt 30 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "SIGTERM stops the daemon at once" test $i -lt 30
wait $DPID && ok "and it exits 0" || fail "daemon exit status on SIGTERM"

# Strict config: a bad file stops with the line and exit 78.
cp "$T/kpg.conf" "$T/bad.conf"
echo "batch_entires = 10" >> "$T/bad.conf"
"$NTT_SYNC" --config "$T/bad.conf" --once 2> "$T/err" && rc=0 || rc=$?
check "an unknown key: exit 78" test $rc = 78
check "the message names the line" grep -q "bad.conf:12: kunci \"batch_entires\"" "$T/err"
sed 's#^server = https#server = http#' "$T/kpg.conf" > "$T/bad.conf"
"$NTT_SYNC" --config "$T/bad.conf" --once 2> "$T/err" && rc=0 || rc=$?
check "plain http refused: exit 78" test $rc = 78
check "check-config says good of a good file" "$NTT_SYNC" check-config \
    --config "$T/kpg.conf"
chmod 644 "$T/kpg.token"
"$NTT_SYNC" --config "$T/kpg.conf" --once 2> "$T/err" && rc=0 || rc=$?
check "a credential others can read is refused" grep -q "chmod 400" "$T/err"
chmod 400 "$T/kpg.token"

# The server away: nothing lost, the reason shown, caught up later.
stop_server
"$NTT_SYNCTEST" sales --db "$T/kpg.db" --n 50 --seed 9 > /dev/null
sync_once kpg && rc=0 || rc=$?
check "server down: --once exits 75" test $rc = 75
check "status shows why" sh -c "\"$NTT_SYNC\" status --config \"$T/kpg.conf\" |
    grep -q 'Galat terakhir *: Tidak dapat menghubungi server'"
check "status shows what waits" test "$(status kpg Tertunda)" = "50 entri"
start_server
check "server back: caught up" sync_once kpg
check "oracle after the outage" oracle kpg KPG01-K1
check "status clears the error" test "$(status kpg 'Galat terakhir')" = "-"

# TLS: each of these must fail before a byte of the ledger leaves.
before_tls=$(count)
"$NTT_SYNCTEST" sales --db "$T/kpg.db" --n 20 --seed 10 > /dev/null
stop_server
start_server wrong
sync_once kpg && rc=0 || rc=$?
check "certificate for another host name refused" test $rc = 75
check "wrong host: the reason on the status line" sh -c "\"$NTT_SYNC\" \
    status --config \"$T/kpg.conf\" | grep -q 'tidak dapat dipercaya'"
stop_server
start_server rogue-server
sync_once kpg && rc=0 || rc=$?
check "certificate from an untrusted CA refused" test $rc = 75
check "nothing stored through bad TLS" test "$(count)" = "$before_tls"
stop_server
start_server
write_config kpg "$SERVER_PORT" "pin = $OTHER_PIN"
sync_once kpg && rc=0 || rc=$?
check "a key that is not the pinned one refused" test $rc = 75
check "nothing stored with the wrong pin" test "$(count)" = "$before_tls"
write_config kpg "$SERVER_PORT" "pin = $OTHER_PIN;$SERVER_PIN"
check "the backup pin works (key rotation)" sync_once kpg
check "oracle after TLS refusals" oracle kpg KPG01-K1

# A redirect (here to the real server) is never followed.
mkdir -p "$T/redirect/v1"
printf 'HTTP/1.0 302 Found\r\nLocation: https://localhost:%s/v1/head\r\n%s' \
    "$SERVER_PORT" 'Content-Length: 0\r\n\r\n' > "$T/redirect/v1/head"
rport=$("$FAULTPROXY" --free-port)
(cd "$T/redirect" && exec openssl s_server -quiet -HTTP -accept \
    "127.0.0.1:$rport" -cert "$T/server.pem" -key "$T/server.key" \
    > /dev/null 2>&1) &
BG_PIDS="$BG_PIDS $!"
sleep 0.5
write_config kpg "$rport"
"$NTT_SYNCTEST" sales --db "$T/kpg.db" --n 5 --seed 11 > /dev/null
sync_once kpg && rc=0 || rc=$?
check "a redirect is refused, not followed" test $rc = 75
check "the redirect in plain words" grep -q \
    "Server mengalihkan (HTTP 302); pengalihan tidak diikuti" \
    "$T/kpg.sync.log"
finish
