#!/bin/sh
# SPDX-License-Identifier: ISC
# Two ntt-server instances behind HAProxy (issue 13, 6; docs/scale.md
# §More than one server): TLS passes through HAProxy untouched (mode tcp),
# so the outlets verify the province CA, the host name and their pin
# against ntt-server itself, as without it. Four outlets deliver at once,
# their connections spread over both instances; one instance is killed
# with SIGKILL mid-run. The outlets finish through the other one: every
# outlet's entries exactly once, none lost, none duplicated, the same
# signed heads. Both instances share everything that matters (PostgreSQL,
# the acknowledgement key); TWOSERVER_BREAK=keys gives the second instance
# a key of its own, and the test must then fail.
. "$(dirname "$0")/sync-lib.sh"
command -v haproxy > /dev/null || { echo "no haproxy: skipped"; exit 77; }

OUTLETS=${TWOSERVER_OUTLETS:-4}
SALES=${TWOSERVER_SALES:-1500}

setup_province
"$NTT_SERVER" keygen --out "$T/sign-b.key" > /dev/null
KEY_B=$T/sign.key
[ "${TWOSERVER_BREAK:-}" != keys ] || KEY_B=$T/sign-b.key

# start_instance NAME KEY: one ntt-server; NAME_PID, NAME_PORT.
start_instance() {
	rm -f "$T/$1.port"
	"$NTT_SERVER" serve --listen 127.0.0.1:0 --cert "$T/server.pem" \
	    --tls-key "$T/server.key" --sign-key "$2" --pg "$PG_CONNINFO" \
	    --threads 2 --ready-file "$T/$1.port" >> "$T/server-$1.log" 2>&1 &
	eval "$1_PID=$!"
	i=0
	while [ ! -s "$T/$1.port" ]; do
		i=$((i + 1))
		[ $i -le 100 ] || { echo "ntt-server $1 did not start" >&2; \
		    cat "$T/server-$1.log" >&2; exit 1; }
		sleep 0.1
	done
	eval "$1_PORT=$(cat "$T/$1.port")"
}
start_instance a "$T/sign.key"
start_instance b "$KEY_B"
BG_PIDS="$BG_PIDS $a_PID $b_PID"

# HAProxy: TCP passthrough, round robin per connection, health checks
# over TLS that need an HTTP answer (401 from /v1/head without a
# credential), a connection that fails is sent to the other instance.
HP_PORT=$("$FAULTPROXY" --free-port)
ST_PORT=$("$FAULTPROXY" --free-port)
cat > "$T/haproxy.cfg" <<EOF
global
	maxconn 2000
defaults
	mode tcp
	timeout connect 2s
	timeout client 130s
	timeout server 130s
	retries 3
	option redispatch
frontend sync
	bind 127.0.0.1:$HP_PORT
	# Per address limits belong here: behind HAProxy every connection
	# reaches ntt-server from HAProxy's address (docs/scale.md).
	stick-table type ip size 100k expire 10m store conn_cur
	tcp-request connection track-sc0 src
	tcp-request connection reject if { sc_conn_cur(0) gt 200 }
	default_backend ntt
backend ntt
	balance roundrobin
	option httpchk GET /v1/head
	http-check expect status 401
	default-server check check-ssl verify none inter 300ms fall 2 rise 2
	server a 127.0.0.1:$a_PORT
	server b 127.0.0.1:$b_PORT
listen stats
	mode http
	bind 127.0.0.1:$ST_PORT
	stats enable
	stats uri /
EOF
haproxy -c -f "$T/haproxy.cfg" > "$T/haproxy.check" 2>&1 ||
    { cat "$T/haproxy.check"; exit 1; }
haproxy -db -f "$T/haproxy.cfg" > "$T/haproxy.log" 2>&1 &
HP_PID=$!
BG_PIDS="$BG_PIDS $HP_PID"

# served NAME: sessions HAProxy gave instance NAME so far.
served() {
	curl -s "http://127.0.0.1:$ST_PORT/;csv" |
	    awk -F, -v s="$1" '$1 == "ntt" && $2 == s { print $8 }'
}
status_of() {
	curl -s "http://127.0.0.1:$ST_PORT/;csv" |
	    awk -F, -v s="$1" '$1 == "ntt" && $2 == s { print $18 }'
}
i=0
until [ "$(status_of a)" = UP ] && [ "$(status_of b)" = UP ]; do
	i=$((i + 1))
	[ $i -lt 100 ] || { fail "haproxy sees both instances up"; exit 1; }
	sleep 0.1
done
ok "haproxy sees both instances up (TLS health checks)"

SERVER_PORT=$HP_PORT
FLEET_ID=TS
fleet_new "$OUTLETS" "$SALES" "batch_entries = 40" "pin = $SERVER_PIN"
check "enrolment through haproxy, with the pin of ntt-server's key" \
    test "$(pg_sql "SELECT count(*) FROM devices")" = "$OUTLETS"
fleet_start
total=$FLEET_TOTAL
fleet_wait $((total / 4)) 600 || true
sa=$(served a)
sb=$(served b)
check "both instances served outlets ($sa and $sb connections)" \
    test "$sa" -gt 1 -a "$sb" -gt 1
before=$(pg_sql "SELECT count(*) FROM entries")
kill -9 "$a_PID"
ok "instance a killed (SIGKILL) with $before of $total entries in"

fleet_wait "$total" 600 || true
sleep 1
fleet_stop
check "haproxy marked the killed instance down" test "$(status_of a)" = DOWN
moved=$(($(served b) - sb))
check "the outlets of a moved to b ($moved new connections)" \
    test "$moved" -gt 0
check "no alarm" test "$(pg_sql "SELECT count(*) FROM alarms")" = 0
fleet_oracle "after the kill"
finish
