# SPDX-License-Identifier: ISC
# A throwaway PostgreSQL 15 cluster for the sync tests, sourced by them:
#
#	pg_start DIR	initdb into DIR (owned by the postgres user when we
#			run as root: initdb refuses root), then start it on a
#			free port of 127.0.0.1 only, no Unix socket; sets
#			PG_PORT and PG_CONNINFO
#	pg_sql SQL	runs SQL, prints rows unaligned (psql -At)
#	pg_restart	stops it at once (like a crash) and starts it again
#	pg_stop		stops it at once (the caller removes DIR)
#
# Needs FAULTPROXY (for a free port). Exits 77 (skip) when PostgreSQL 15
# is not installed.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

pg_as() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	PG_DIR=$1
	if [ ! -x "$PGBIN/initdb" ]; then
		echo "pg-harness: no PostgreSQL in $PGBIN: skipped" >&2
		exit 77
	fi
	mkdir -p "$PG_DIR"
	chmod 700 "$PG_DIR"
	[ "$(id -u)" != 0 ] || chown postgres "$PG_DIR"
	if ! pg_as "$PGBIN/initdb" -D "$PG_DIR/data" -A trust -U ntt -E UTF8 \
	    --locale=C >"$PG_DIR/initdb.log" 2>&1; then
		cat "$PG_DIR/initdb.log" >&2
		return 1
	fi
	pg_try=0
	while :; do
		PG_PORT=$("$FAULTPROXY" --free-port)
		if pg_as "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/data/log" \
		    -w -t 30 -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k ''\
 -c max_connections=150 -c shared_buffers=64MB" start >/dev/null 2>&1; then
			break
		fi
		pg_try=$((pg_try + 1))
		if [ $pg_try -ge 5 ]; then
			cat "$PG_DIR/data/log" >&2
			return 1
		fi
	done
	PG_CONNINFO="host=127.0.0.1 port=$PG_PORT user=ntt dbname=postgres"
}

pg_sql() {
	psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$PG_CONNINFO" -c "$1"
}

pg_restart() {
	pg_as "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/data/log" -w -t 30 \
	    -m immediate restart >/dev/null 2>&1
}

pg_stop() {
	[ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ] || return 0
	pg_as "$PGBIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop \
	    >/dev/null 2>&1 || true
}
