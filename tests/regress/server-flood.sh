#!/bin/sh
# SPDX-License-Identifier: ISC
# Connection floods against the real server (docs/sync-install.md
# §Limits): 1,000 idle TCP connections from one address, 1,000 TLS
# connections holding half a request head from 50 addresses, and
# connections that add a header line every second so they are never
# idle. The server refuses what is over its caps, closes the rest at
# their deadlines, and a well-behaved client is served all along; its
# latency under each flood is printed.
. "$(dirname "$0")/sync-lib.sh"
: "${CONNFLOOD:?}"

setup_province
cat > "$T/server.conf" <<-EOC
	# short deadlines so the test is quick; the caps are the defaults
	tls_timeout = 3
	head_timeout = 3
	per_address_connections = 32
EOC
SERVER_CONFIG="$T/server.conf" start_server
new_outlet kpg KPG01 KPG01-K1 20

# latency NAME: ten GET /v1/head from 127.0.0.1, one after the other;
# every one must be answered 200 within 3 s.
latency() {
	: > "$T/lat"
	for i in 1 2 3 4 5 6 7 8 9 10; do
		curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' \
		    --max-time 10 --cacert "$T/ca.pem" \
		    -H "Authorization: Bearer $(token kpg)" \
		    "https://localhost:$SERVER_PORT/v1/head" >> "$T/lat" \
		    2>/dev/null || echo "000 10" >> "$T/lat"
		sleep 0.2
	done
	good=$(grep -c '^200 ' "$T/lat")
	ms=$(awk '{ printf "%d\n", $2 * 1000 }' "$T/lat" | sort -n)
	med=$(echo "$ms" | sed -n 5p)
	max=$(echo "$ms" | tail -n 1)
	echo "# good client, $1: $good/10 answered, median $med ms, max $max ms"
	echo "$1 $good $med $max" >> "$T/latency.txt"
	[ "$good" = 10 ] && [ "$max" -lt 3000 ]
}

# field NAME FILE: a key=value of connflood's report.
field() {
	tr ' ' '\n' < "$2" | sed -n "s/^$1=//p"
}

check "good client before any flood" latency "no flood"

# 1. 1,000 idle TCP connections from one address.
"$CONNFLOOD" --target "127.0.0.1:$SERVER_PORT" --mode tcp --n 1000 \
    --sources 127.0.0.2 --hold 8 --late-ms 2500 > "$T/f1" 2> "$T/f1.log" &
fpid=$!
BG_PIDS="$BG_PIDS $fpid"
sleep 1
check "good client during 1,000 idle TCP connections from one address" \
    latency "1000 idle TCP, one address"
wait $fpid
echo "# idle TCP flood: $(cat "$T/f1")"
check "idle flood: only per_address_connections held to the deadline" \
    test "$(field closed "$T/f1")" -le 32 -a "$(field refused "$T/f1")" -ge 968
check "idle flood: the rest closed at the handshake deadline (3 s)" \
    test "$(field open "$T/f1")" = 0 -a "$(field life_max_ms "$T/f1")" -le 4500

# 2. 1,000 TLS connections with half a request head, from 50 addresses
# (each under the per-address cap): only the deadline can end them.
"$CONNFLOOD" --target "127.0.0.1:$SERVER_PORT" --mode tls --n 1000 \
    --sources 127.0.0.10+50 --hold 15 > "$T/f2" 2> "$T/f2.log" &
fpid=$!
BG_PIDS="$BG_PIDS $fpid"
sleep 2
check "good client during 1,000 TLS connections holding a partial head" \
    latency "1000 TLS partial heads, 50 addresses"
wait $fpid
echo "# TLS partial-head flood: $(cat "$T/f2")"
check "partial heads: most got their TLS session" \
    test "$(field closed "$T/f2")" -ge 900
check "partial heads: every one closed at the head deadline (3 s)" \
    test "$(field open "$T/f2")" = 0 -a "$(field life_max_ms "$T/f2")" -le 6000

# 3. A header line every second: never idle, still closed at the head
# deadline (libmicrohttpd's idle timeout alone would wait 120 s a line).
"$CONNFLOOD" --target "127.0.0.1:$SERVER_PORT" --mode drip --every 1 \
    --n 20 --sources 127.0.0.70+5 --hold 10 > "$T/f3" 2> "$T/f3.log" &
fpid=$!
BG_PIDS="$BG_PIDS $fpid"
sleep 1
check "good client during 20 trickling heads" latency \
    "20 heads trickling a line a second"
wait $fpid
echo "# trickling heads: $(cat "$T/f3")"
check "trickling heads: all closed though they kept sending" \
    test "$(field closed "$T/f3")" = 20 -a "$(field drips "$T/f3")" -ge 2
check "trickling heads: closed at the head deadline, not the idle one" \
    test "$(field life_max_ms "$T/f3")" -le 6000

check "after the floods: the outlet syncs" sync_once kpg
check "oracle kpg" oracle kpg KPG01-K1
cat "$T/latency.txt"
finish
