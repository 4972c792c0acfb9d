# SPDX-License-Identifier: ISC
# Shared by the sync regress scripts (sourced): a temp dir, a test CA and
# certificates made with openssl, a real PostgreSQL (pg-harness.sh), the
# real ntt-server over TLS, outlets made with ntt-pos and enrolled with a
# one-time code, the fault proxy, and the oracle: after a scenario the
# server holds exactly each outlet's entries (none lost, none duplicated,
# none unexpected) and the chain heads match.
#
# Binaries come from ctest's environment: NTT_SERVER NTT_SYNC NTT_POS
# FAULTPROXY NTT_SYNCTEST NTT_TOOLS.
set -eu
: "${NTT_SERVER:?}" "${NTT_SYNC:?}" "${NTT_POS:?}" "${FAULTPROXY:?}"
: "${NTT_SYNCTEST:?}" "${NTT_TOOLS:?}"
for tool in openssl psql curl gzip; do
	command -v $tool >/dev/null || { echo "no $tool: skipped"; exit 77; }
done
. "$NTT_TOOLS/pg-harness.sh"

T=$(mktemp -d "${TMPDIR:-/tmp}/sync-XXXXXX")
chmod 755 "$T"
SERVER_PID=""
PROXY_PID=""
BG_PIDS=""
NPASS=0
NFAIL=0

sync_cleanup() {
	for p in $BG_PIDS $PROXY_PID $SERVER_PID; do
		kill -9 "$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	pg_stop
	if [ "$NFAIL" -eq 0 ] && [ -z "${KEEP:-}" ]; then
		rm -rf "$T"
	else
		echo "logs kept in $T"
	fi
}
trap sync_cleanup EXIT
trap 'exit 1' INT TERM

ok() {
	NPASS=$((NPASS + 1))
	echo "ok - $*"
}

fail() {
	NFAIL=$((NFAIL + 1))
	echo "FAIL - $*"
	for f in "$T"/server.log "$T"/*.sync.log; do
		[ -f "$f" ] || continue
		echo "--- tail $f"
		tail -n 15 "$f"
	done
}

# check NAME COMMAND...: one named assertion.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else fail "$name"; fi
}

finish() {
	echo "$NPASS passed, $NFAIL failed"
	[ "$NFAIL" -eq 0 ] && [ "$NPASS" -gt 0 ]
}

# A province CA, the server's certificate for localhost, one for another
# host name, and a second CA nobody trusts with its own localhost cert.
make_pki() {
	(
	umask 077
	cd "$T"
	cat > san.cnf <<-EOF
	[ext]
	subjectAltName = DNS:localhost
	[wrong]
	subjectAltName = DNS:wrong.example
	EOF
	for ca in ca rogue; do
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
		    -nodes -keyout $ca.key -out $ca.pem -days 2 \
		    -subj "/CN=NTT $ca test CA" 2>/dev/null
	done
	for c in server:ca:ext wrong:ca:wrong rogue-server:rogue:ext; do
		n=${c%%:*}
		rest=${c#*:}
		ca=${rest%%:*}
		ext=${rest#*:}
		openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
		    -keyout $n.key -out $n.csr -subj "/CN=$n" 2>/dev/null
		openssl x509 -req -in $n.csr -CA $ca.pem -CAkey $ca.key \
		    -CAcreateserial -days 2 -extfile san.cnf -extensions $ext \
		    -out $n.pem 2>/dev/null
	done
	)
	chmod 644 "$T"/*.pem
	SERVER_PIN=sha256//$(openssl x509 -in "$T/server.pem" -pubkey -noout |
	    openssl pkey -pubin -outform der | openssl dgst -sha256 -binary |
	    openssl base64)
	OTHER_PIN=sha256//$(openssl x509 -in "$T/wrong.pem" -pubkey -noout |
	    openssl pkey -pubin -outform der | openssl dgst -sha256 -binary |
	    openssl base64)
}

# Database, signing key, PKI: everything a server needs.
setup_province() {
	make_pki
	pg_start "$T/pg"
	"$NTT_SERVER" keygen --out "$T/sign.key" > "$T/sign.pub"
	SERVER_KEY=$(cat "$T/sign.pub")
}

# start_server [CERT KEY]: ntt-server on a free port; SERVER_PORT. With
# SERVER_CONFIG, its limits from that file.
start_server() {
	rm -f "$T/server.port"
	"$NTT_SERVER" serve --listen 127.0.0.1:${SERVER_PORT:-0} \
	    --cert "$T/${1:-server}.pem" --tls-key "$T/${1:-server}.key" \
	    --sign-key "$T/sign.key" --pg "$PG_CONNINFO" --threads ${SERVER_THREADS:-3} \
	    ${SERVER_CONFIG:+--config "$SERVER_CONFIG"} \
	    --ready-file "$T/server.port" >> "$T/server.log" 2>&1 &
	SERVER_PID=$!
	i=0
	while [ ! -s "$T/server.port" ]; do
		i=$((i + 1))
		if [ $i -gt 100 ] || ! kill -0 $SERVER_PID 2>/dev/null; then
			echo "ntt-server did not start" >&2
			cat "$T/server.log" >&2
			exit 1
		fi
		sleep 0.1
	done
	SERVER_PORT=$(cat "$T/server.port")
}

stop_server() {
	kill "$SERVER_PID" 2>/dev/null || true
	wait "$SERVER_PID" 2>/dev/null || true
	SERVER_PID=""
}

kill_server() {
	kill -9 "$SERVER_PID" 2>/dev/null || true
	wait "$SERVER_PID" 2>/dev/null || true
	SERVER_PID=""
}

# The fault proxy in front of the server; faults come from proxy.ctl.
start_proxy() {
	echo pass > "$T/proxy.ctl"
	rm -f "$T/proxy.port"
	"$FAULTPROXY" --listen 127.0.0.1:0 --target 127.0.0.1:$SERVER_PORT \
	    --control "$T/proxy.ctl" --port-file "$T/proxy.port" \
	    --stats "$T/proxy.stats" 2>> "$T/proxy.log" &
	PROXY_PID=$!
	i=0
	while [ ! -s "$T/proxy.port" ]; do
		i=$((i + 1))
		[ $i -le 50 ] || { echo "faultproxy did not start" >&2; exit 1; }
		sleep 0.1
	done
	PROXY_PORT=$(cat "$T/proxy.port")
}

# faults LINE...: the proxy's plan, one line per coming connection.
faults() {
	printf '%s\n' "$@" > "$T/proxy.ctl.new"
	mv "$T/proxy.ctl.new" "$T/proxy.ctl"
}

# write_config NAME PORT [KEY = VALUE...]: NAME.conf for ledger NAME.db;
# the extra lines replace the test defaults of the same keys.
write_config() {
	n=$1
	port=$2
	shift 2
	{
		echo "# ntt-sync test config for $n"
		echo "ledger = $T/$n.db"
		echo "server = https://localhost:$port"
		echo "ca_file = $T/ca.pem"
		echo "server_key = $SERVER_KEY"
		echo "token_file = $T/$n.token"
		for d in "backoff_min = 1" "backoff_max = 2" \
		    "connect_timeout = 5" "stall_time = 5" "interval = 1"; do
			for l in "$@"; do
				[ "${l%% *}" != "${d%% *}" ] || continue 2
			done
			echo "$d"
		done
		for l in "$@"; do echo "$l"; done
	} > "$T/$n.conf"
}

# new_outlet NAME OUTLET DEVICE [SALES]: a demo ledger (186 entries) plus
# SALES sales, a one-time code, enrolment through the server directly.
new_outlet() {
	"$NTT_POS" init --db "$T/$1.db" --demo --outlet "$2" --device "$3" \
	    --name "NTT Mart $2" > /dev/null 2>&1
	if [ "${4:-0}" -gt 0 ]; then
		"$NTT_SYNCTEST" sales --db "$T/$1.db" --n "$4" --seed $$ > /dev/null
	fi
	code=$("$NTT_SERVER" code --pg "$PG_CONNINFO" --outlet "$2" \
	    --device "$3")
	write_config "$1" "$SERVER_PORT"
	"$NTT_SYNC" enrol --config "$T/$1.conf" --code "$code" \
	    >> "$T/$1.sync.log" 2>&1
}

# sync_once NAME: one --once run, its log kept; returns its exit code.
sync_once() {
	"$NTT_SYNC" --config "$T/$1.conf" --once >> "$T/$1.sync.log" 2>&1
}

# sync_until NAME TRIES: --once until it finishes (the outlet's own retry).
sync_until() {
	i=0
	while ! sync_once "$1"; do
		i=$((i + 1))
		[ $i -lt "$2" ] || return 1
		sleep 0.2
	done
}

token() {
	head -c 64 "$T/$1.token"
}

# post NAME PATH FILE [CURL ARGS]: a raw request with NAME's credential
# (Content-Type $CT, default JSON); prints the HTTP status, the reply
# lands in $T/reply.
post() {
	n=$1
	path=$2
	file=$3
	shift 3
	curl -sS --cacert "$T/ca.pem" -o "$T/reply" -w '%{http_code}' \
	    -H "Authorization: Bearer $(token "$n")" \
	    -H "Content-Type: ${CT:-application/json}" "$@" \
	    --data-binary @"$file" "https://localhost:$SERVER_PORT$path"
}

# The reply's "error" member.
reply_error() {
	sed -n 's/.*"error":"\([a-z_]*\)".*/\1/p' "$T/reply"
}

# server_rows DEVICE: "seq uuid hash" of what the server stored.
server_rows() {
	pg_sql "SELECT seq || ' ' || entry_uuid || ' ' || encode(hash, 'hex')
	    FROM entries WHERE device_id = '$1' ORDER BY seq"
}

# oracle NAME DEVICE: the server holds exactly the outlet's entries, the
# server's head is the ledger's head, and the outlet recorded that ack.
oracle() {
	"$NTT_SYNCTEST" list --db "$T/$1.db" > "$T/$1.local"
	server_rows "$2" > "$T/$1.remote"
	if ! cmp -s "$T/$1.local" "$T/$1.remote"; then
		echo "oracle $1: ledger and server differ:"
		diff "$T/$1.local" "$T/$1.remote" | head -n 10
		return 1
	fi
	lhead=$(tail -n 1 "$T/$1.local" | cut -d' ' -f1,3)
	shead=$(pg_sql "SELECT head_seq || ' ' || encode(head_hash, 'hex')
	    FROM devices WHERE device_id = '$2'")
	if [ "$lhead" != "$shead" ]; then
		echo "oracle $1: heads differ: ledger $lhead server $shead"
		return 1
	fi
	"$NTT_SYNC" status --config "$T/$1.conf" > "$T/$1.status"
	if ! grep -q "^Tertunda *: 0 entri" "$T/$1.status" ||
	    ! grep -q "^Diakui server *: ${lhead%% *} " "$T/$1.status"; then
		echo "oracle $1: sync state is not the head:"
		cat "$T/$1.status"
		return 1
	fi
}

# No row on the server belongs to anything but the given devices' ledgers.
oracle_total() {
	want=0
	for n in "$@"; do
		want=$((want + $(wc -l < "$T/$n.local")))
	done
	got=$(pg_sql "SELECT count(*) FROM entries")
	if [ "$got" != "$want" ]; then
		echo "oracle: server has $got entries, outlets have $want"
		return 1
	fi
}

# A fleet of outlets for the scale and failover scenarios: FLEET outlets
# o1..oN, outlet ${FLEET_ID}i, device ${FLEET_ID}i-K1, SALES sales each.
# fleet_new N SALES [KEY = VALUE...]: made, enrolled, configured for
# SERVER_PORT with the extra lines.
fleet_new() {
	FLEET=$1
	fleet_sales=$2
	shift 2
	i=1
	while [ $i -le "$FLEET" ]; do
		new_outlet "o$i" "$FLEET_ID$i" "$FLEET_ID$i-K1" "$fleet_sales"
		write_config "o$i" "$SERVER_PORT" "$@"
		i=$((i + 1))
	done
	FLEET_TOTAL=$((FLEET * (fleet_sales + 185)))
}

# fleet_start: a running ntt-sync for each outlet; FLEET_PIDS.
fleet_start() {
	FLEET_PIDS=""
	i=1
	while [ $i -le "$FLEET" ]; do
		"$NTT_SYNC" --config "$T/o$i.conf" >> "$T/o$i.sync.log" 2>&1 &
		FLEET_PIDS="$FLEET_PIDS $!"
		i=$((i + 1))
	done
	BG_PIDS="$BG_PIDS $FLEET_PIDS"
}

# fleet_wait N TENTHS: until the server holds N entries or more (at most
# TENTHS tenths of a second; 0 when it did in time).
fleet_wait() {
	w=0
	until [ "$(pg_sql "SELECT count(*) FROM entries" 2>/dev/null ||
	    echo 0)" -ge "$1" ]; do
		w=$((w + 1))
		[ $w -lt "$2" ] || return 1
		sleep 0.1
	done
}

# fleet_stop: SIGTERM to every daemon, waited for.
fleet_stop() {
	for p in $FLEET_PIDS; do
		kill -TERM "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
}

# fleet_oracle WHEN: the oracle for every outlet, the total, verify.
fleet_oracle() {
	i=1
	while [ $i -le "$FLEET" ]; do
		check "oracle o$i $1" oracle "o$i" "$FLEET_ID$i-K1"
		i=$((i + 1))
	done
	check "no entry twice, none foreign" oracle_total $(i=1; while \
	    [ $i -le "$FLEET" ]; do echo "o$i"; i=$((i + 1)); done)
	check "the province's copy verifies" "$NTT_SERVER" verify \
	    --pg "$PG_CONNINFO"
}

# cpu_ticks PID...: CPU ticks (user + system) of the processes so far.
cpu_ticks() {
	ticks=0
	for p in "$@"; do
		[ -r "/proc/$p/stat" ] || continue
		ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
	done
	echo $ticks
}

# pg_pids: every process of the test's PostgreSQL cluster.
pg_pids() {
	pm=$(head -n 1 "$T/pg/data/postmaster.pid")
	echo "$pm" $(ps -o pid= --ppid "$pm")
}
