/* SPDX-License-Identifier: ISC */
/*
 * The provincial database: schema, a small pool of sessions, and every
 * statement the server runs, prepared once per session. Idempotency is
 * the database's job (docs/requirements.md R3.1): PRIMARY KEY (device_id, seq)
 * and UNIQUE (entry_uuid), written with INSERT ... ON CONFLICT, never a
 * search followed by an insert.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "clock.h"
#include "server.h"

/*
 * The schema as numbered steps, recorded in schema_version: each step runs
 * in one transaction with its row, under an advisory lock, so two servers
 * starting at once take turns and a crash leaves a step done or not done.
 * A released step is never edited: a change is a new step at the end.
 * A database made before the steps existed (no schema_version) is taken
 * through step 1, whose IF NOT EXISTS leaves its tables as they are.
 */
#define PG_SCHEMA_LOCK	1314149453	/* "NTTM" */

static const char *const pg_steps[] = {
	/* 1: devices, enrolment codes, entries (append-only), alarms. */
	"CREATE TABLE IF NOT EXISTS devices ("
	"  device_id text PRIMARY KEY,"
	"  outlet_id text NOT NULL,"
	"  public_key bytea NOT NULL CHECK (length(public_key) = 32),"
	"  token_hash bytea UNIQUE CHECK (length(token_hash) = 32),"
	"  enrolled_at timestamptz NOT NULL DEFAULT now(),"
	"  head_seq bigint NOT NULL DEFAULT 0 CHECK (head_seq >= 0),"
	"  head_hash bytea NOT NULL DEFAULT decode(repeat('00', 32), 'hex')"
	"    CHECK (length(head_hash) = 32),"
	"  last_seen_at timestamptz,"
	"  quarantined boolean NOT NULL DEFAULT false);"
	"CREATE TABLE IF NOT EXISTS enrol_codes ("
	"  code_hash bytea PRIMARY KEY CHECK (length(code_hash) = 32),"
	"  outlet_id text NOT NULL, device_id text NOT NULL,"
	"  created_at timestamptz NOT NULL DEFAULT now(),"
	"  expires_at timestamptz NOT NULL,"
	"  used_at timestamptz);"
	"CREATE TABLE IF NOT EXISTS entries ("
	"  device_id text NOT NULL REFERENCES devices (device_id),"
	"  seq bigint NOT NULL CHECK (seq > 0),"
	"  entry_uuid uuid NOT NULL,"
	"  kind text NOT NULL,"
	"  business_day text NOT NULL,"
	"  created_at_ms bigint NOT NULL,"
	"  total_rp bigint NOT NULL,"
	"  prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),"
	"  hash bytea NOT NULL CHECK (length(hash) = 32),"
	"  entry json NOT NULL,"
	"  received_at timestamptz NOT NULL DEFAULT now(),"
	"  PRIMARY KEY (device_id, seq),"
	"  UNIQUE (entry_uuid));"
	"CREATE TABLE IF NOT EXISTS alarms ("
	"  id bigserial PRIMARY KEY,"
	"  at timestamptz NOT NULL DEFAULT now(),"
	"  device_id text NOT NULL, kind text NOT NULL, seq bigint,"
	"  detail text NOT NULL);"
	/* The provincial copy is append-only too (R2.1). */
	"CREATE OR REPLACE FUNCTION entries_append_only() RETURNS trigger"
	"  LANGUAGE plpgsql AS $$ BEGIN"
	"  RAISE EXCEPTION 'entries are append-only'; END $$;"
	"CREATE OR REPLACE TRIGGER entries_no_change BEFORE UPDATE OR DELETE"
	"  ON entries FOR EACH ROW EXECUTE FUNCTION entries_append_only();",

	/*
	 * 2: an entry is (device, seq) and its UUID is unique per device
	 * only, so no device can take another's UUIDs and block it
	 * (docs/sync-protocol.md §1); alarms say where a request came from
	 * and are counted instead of repeated.
	 */
	"ALTER TABLE entries DROP CONSTRAINT IF EXISTS entries_entry_uuid_key;"
	"ALTER TABLE entries ADD CONSTRAINT entries_device_uuid_key"
	"  UNIQUE (device_id, entry_uuid);"
	"ALTER TABLE alarms"
	"  ADD COLUMN address text NOT NULL DEFAULT '',"
	"  ADD COLUMN count bigint NOT NULL DEFAULT 1 CHECK (count > 0),"
	"  ADD COLUMN last_at timestamptz NOT NULL DEFAULT now(),"
	"  ADD COLUMN escalated boolean NOT NULL DEFAULT false;"
	"CREATE INDEX alarms_device_kind ON alarms (device_id, kind, id);",
};
#define PG_NSTEPS	(int)(sizeof pg_steps / sizeof pg_steps[0])

static const struct {
	const char	*name;
	const char	*sql;
} pg_stmts[] = {
	{ "dev_by_token", "SELECT device_id, outlet_id, public_key, "
	    "quarantined FROM devices WHERE token_hash = $1" },
	{ "head", "SELECT head_seq, head_hash, quarantined FROM devices "
	    "WHERE device_id = $1" },
	{ "head_lock", "SELECT head_seq, head_hash, quarantined FROM devices "
	    "WHERE device_id = $1 FOR UPDATE" },
	{ "hashes", "SELECT seq, hash FROM entries WHERE device_id = $1 AND "
	    "seq BETWEEN $2 AND $3 ORDER BY seq" },
	{ "head_set", "UPDATE devices SET head_seq = $2, head_hash = $3, "
	    "last_seen_at = now() WHERE device_id = $1" },
	/* pg_alarm: one device and kind at a time, then count or add. */
	{ "alarm_lock", "SELECT pg_advisory_xact_lock(hashtext($1 || '/' || "
	    "$2))" },
	{ "alarm_count", "UPDATE alarms SET count = count + 1, last_at = now(), "
	    "seq = $3, detail = $4, address = $5 WHERE id = (SELECT id FROM "
	    "alarms WHERE device_id = $1 AND kind = $2 AND ($1 <> '' OR "
	    "address = $5) AND NOT escalated AND "
	    "last_at > now() - make_interval(secs => $6::int) ORDER BY id DESC "
	    "LIMIT 1) RETURNING id, count" },
	{ "alarm_add", "INSERT INTO alarms (device_id, kind, seq, detail, "
	    "address) VALUES ($1, $2, $3, $4, $5) RETURNING id, count" },
	{ "alarm_escalate", "UPDATE alarms SET escalated = true WHERE id = $1" },
	{ "ping", "SELECT 1" },
	{ "quarantine", "UPDATE devices SET quarantined = true WHERE "
	    "device_id = $1" },
	{ "code_use", "UPDATE enrol_codes SET used_at = now() WHERE "
	    "code_hash = $1 AND outlet_id = $2 AND device_id = $3 AND "
	    "used_at IS NULL AND expires_at > now() RETURNING 1" },
	{ "dev_enrol", "INSERT INTO devices (device_id, outlet_id, public_key, "
	    "token_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (device_id) DO "
	    "UPDATE SET token_hash = EXCLUDED.token_hash, enrolled_at = now() "
	    "WHERE devices.public_key = EXCLUDED.public_key AND "
	    "devices.outlet_id = EXCLUDED.outlet_id RETURNING head_seq" },
	{ "devices", "SELECT device_id, public_key, head_seq, head_hash FROM "
	    "devices WHERE $1 = '' OR device_id = $1 ORDER BY device_id" },
	/* R3.10: per device, how current the province's copy is. */
	{ "status", "SELECT d.outlet_id, d.device_id, d.head_seq, "
	    "coalesce(floor(extract(epoch FROM d.last_seen_at) * 1000), 0), "
	    "coalesce(floor(extract(epoch FROM now() - d.last_seen_at) / "
	    "86400), -1), d.quarantined, (SELECT coalesce(sum(a.count), 0) FROM "
	    "alarms a WHERE a.device_id = d.device_id), (SELECT max(e.business_day) FROM "
	    "entries e WHERE e.device_id = d.device_id AND e.kind = "
	    "'day.close') FROM devices d ORDER BY d.outlet_id, d.device_id" },
	{ "code_new", "INSERT INTO enrol_codes (code_hash, outlet_id, "
	    "device_id, expires_at) VALUES ($1, $2, $3, now() + "
	    "make_interval(hours => $4::int))" },
};

/*
 * Two statements are made from the entry's field list (rules/entry.h),
 * once per process, and prepared per session like the others.
 *
 * The insert of a batch (pg_insert): the fields with a server column come
 * as one array each, the entries as the JSON the server verified, matched
 * by position: one statement per batch, nothing parsed twice. For seq,
 * uuid, kind:
 *
 *	INSERT INTO entries (device_id, seq, entry_uuid, kind, ..., entry)
 *	SELECT $1, a.seq, a.entry_uuid, a.kind, ..., j.e
 *	FROM unnest($2::bigint[], $3::uuid[], $4::text[], ...)
 *	    WITH ORDINALITY AS a(seq, entry_uuid, kind, ..., i)
 *	JOIN json_array_elements($N::json) WITH ORDINALITY AS j(e, i)
 *	USING (i) ON CONFLICT DO NOTHING
 *
 * Blobs travel as hex and are decoded into bytea.
 *
 * The walk of a device's chain (pg_chain): seq, hash, the entry, then the
 * same columns, for verify to hold them against the entry (pg_cols_match).
 */
static char		*pg_insert_sql, *pg_chain_sql;
static pthread_once_t	 pg_sql_once = PTHREAD_ONCE_INIT;

static const char *
pg_array_type(enum entry_type t)
{
	switch (t) {
	case ENTRY_T_I64:
		return "bigint";
	case ENTRY_T_UUID:
		return "uuid";
	case ENTRY_T_TEXT:
	case ENTRY_T_KEYID:
	case ENTRY_T_HASH:
	case ENTRY_T_SIG:
		break;
	}
	return "text";
}

static void
pg_sql_make(void)
{
	const struct entry_field *f;
	struct buf cols, sel, arrs;
	char	*c, *s, *a;
	size_t	 i;
	int	 k = 1;

	buf_init(&cols, 4096);
	buf_init(&sel, 4096);
	buf_init(&arrs, 4096);
	for (i = 0; i < ENTRY_NFIELDS; i++) {
		f = &entry_fields[i];
		if (*f->srv == '\0')
			continue;
		buf_printf(&cols, "%s, ", f->srv);
		if (f->type == ENTRY_T_HASH || f->type == ENTRY_T_SIG)
			buf_printf(&sel, "decode(a.%s, 'hex'), ", f->srv);
		else
			buf_printf(&sel, "a.%s, ", f->srv);
		k++;
		buf_printf(&arrs, "%s$%d::%s[]", k > 2 ? ", " : "", k,
		    pg_array_type(f->type));
	}
	c = buf_take(&cols, NULL);
	s = buf_take(&sel, NULL);
	a = buf_take(&arrs, NULL);
	if (c == NULL || s == NULL || a == NULL)
		fatalx("pg_sql_make: too long");
	pg_insert_sql = xasprintf("INSERT INTO entries (device_id, %sentry) "
	    "SELECT $1, %sj.e FROM unnest(%s) WITH ORDINALITY AS a(%si) "
	    "JOIN json_array_elements($%d::json) WITH ORDINALITY AS j(e, i) "
	    "USING (i) ON CONFLICT DO NOTHING", c, s, a, c, k + 1);
	pg_chain_sql = xasprintf("SELECT seq, hash, entry, %s1 FROM entries "
	    "WHERE device_id = $1 AND seq > $2 ORDER BY seq LIMIT 500", c);
	free(c);
	free(s);
	free(a);
}

struct pg_conn {
	PGconn	*c;
	bool	 busy;
	bool	 check;	/* a statement failed: test the session before reuse */
	bool	 warned;	/* a WARNING came since pg_commit began */
	struct pg_pool *pool;	/* its pool, for its limits */
	const char *why;	/* static: why the last statement was abandoned */
};

struct pg_pool {
	char		*conninfo;
	struct pg_conn	*conns;
	int		 n;
	pthread_mutex_t	 mtx;
	pthread_cond_t	 cv;
	struct srv_limits lim;		/* timeouts, the wait for a session */
	_Atomic int64_t	 ok_ms;		/* last answer, clock_mono_ms */
};

/* Per thread: the client whose hang-up abandons the work (pg_watch). */
static _Thread_local int pg_watch_fd = -1;

void
pg_watch(int fd)
{
	pg_watch_fd = fd;
}

static PGresult	*pg_run(struct pg_conn *, const char *, int,
		    const char *const *, const int *);

/*
 * A new session of p: conninfo with a connect timeout it may override,
 * so a database that does not answer is given up after pg_connect_timeout
 * seconds instead of the kernel's minutes.
 */
static PGconn *
pg_dial(struct pg_pool *p)
{
	char	 t[24];
	const char *keys[] = { "connect_timeout", "dbname", NULL };
	const char *vals[] = { t, p->conninfo, NULL };

	snprintf(t, sizeof t, "%lld", (long long)p->lim.pg_connect_timeout);
	return PQconnectdbParams(keys, vals, 1);
}

static enum pos_rc
pg_fail(struct pg_conn *pc, PGresult *res, const char *what, char **cause)
{
	const char *msg = pc->why != NULL ? pc->why : res != NULL ?
	    PQresultErrorMessage(res) : PQerrorMessage(pc->c);
	char	*m = xstrdup(msg != NULL ? msg : "");
	size_t	 n = strlen(m);

	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	pc->check = true;
	pc->why = NULL;
	cause_set(cause, POS_EDB, "PostgreSQL: %s: %s", what, m);
	free(m);
	if (res != NULL)
		PQclear(res);
	return POS_EDB;
}

static enum pos_rc
pg_prepare(struct pg_conn *pc, const char *name, const char *sql,
    char **cause)
{
	PGresult *res;

	res = PQprepare(pc->c, name, sql, 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		return pg_fail(pc, res, name, cause);
	PQclear(res);
	return POS_OK;
}

/*
 * The session's notices: a WARNING is logged and remembered, because one
 * during COMMIT means the wait for the synchronous standby was cut short
 * (a statement timeout, a cancel): the transaction is committed on the
 * primary but perhaps on no other machine, and must not be acknowledged
 * (pg_commit, docs/sync-install.md §Replication and failover).
 */
static void
pg_notice(void *arg, const PGresult *res)
{
	struct pg_conn *pc = arg;
	const char *sev = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);

	if (sev == NULL || strcmp(sev, "WARNING") != 0)
		return;
	pc->warned = true;
	log_warnx("PostgreSQL: %s", PQresultErrorMessage(res));
}

/*
 * A conninfo naming several hosts must ask for the one that takes writes
 * (target_session_attrs=read-write or primary): otherwise after a
 * failover the server could keep talking to a read-only standby.
 */
static enum pos_rc
pg_conninfo_check(const char *conninfo, char **cause)
{
	PQconninfoOption *opts, *o;
	const char *hosts = NULL, *tsa = NULL;
	char	*err = NULL;
	enum pos_rc rc = POS_OK;

	if ((opts = PQconninfoParse(conninfo, &err)) == NULL) {
		rc = cause_set(cause, POS_EINVAL, "--pg tidak dapat dibaca: %s",
		    err != NULL ? err : "?");
		PQfreemem(err);
		return rc;
	}
	for (o = opts; o->keyword != NULL; o++) {
		if (o->val == NULL)
			continue;
		if (strcmp(o->keyword, "host") == 0 ||
		    (hosts == NULL && strcmp(o->keyword, "hostaddr") == 0))
			hosts = o->val;
		else if (strcmp(o->keyword, "target_session_attrs") == 0)
			tsa = o->val;
	}
	if (hosts != NULL && strchr(hosts, ',') != NULL && (tsa == NULL ||
	    (strcmp(tsa, "read-write") != 0 && strcmp(tsa, "primary") != 0)))
		rc = cause_set(cause, POS_EINVAL, "--pg dengan beberapa host "
		    "harus memuat target_session_attrs=read-write, agar "
		    "server selalu menulis ke primary");
	PQconninfoFree(opts);
	return rc;
}

/*
 * Per session: no statement runs longer than pg_statement_timeout, none
 * waits for a lock longer than pg_lock_timeout (one stuck row lock ends
 * in a 503 for that device, not a thread held for ever), a transaction
 * left idle is ended, and a backend whose client went is stopped.
 */
static enum pos_rc
pg_session_limits(struct pg_pool *p, struct pg_conn *pc, char **cause)
{
	char	 sql[256];
	PGresult *res;

	snprintf(sql, sizeof sql, "SET statement_timeout = %lld;"
	    "SET lock_timeout = %lld;"
	    "SET idle_in_transaction_session_timeout = %lld;"
	    "SET client_connection_check_interval = 1000",
	    (long long)p->lim.pg_statement_timeout,
	    (long long)p->lim.pg_lock_timeout,
	    (long long)(2 * p->lim.pg_statement_timeout));
	res = PQexec(pc->c, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		return pg_fail(pc, res, "mengatur batas waktu", cause);
	PQclear(res);
	return POS_OK;
}

static enum pos_rc
pg_exec(struct pg_conn *pc, const char *sql, const char *what, char **cause)
{
	PGresult *res = PQexec(pc->c, sql);

	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)
		return pg_fail(pc, res, what, cause);
	PQclear(res);
	return POS_OK;
}

/*
 * Applies the steps the database lacks, each in its own transaction with
 * its schema_version row, under the schema lock; POS_ESTATE if the
 * database is newer than this server.
 */
static enum pos_rc
pg_migrate(struct pg_conn *pc, char **cause)
{
	char	 sql[160];
	PGresult *res;
	enum pos_rc rc;
	int	 v;

	for (;;) {
		snprintf(sql, sizeof sql, "BEGIN;"
		    "SET LOCAL client_min_messages = warning;"
		    "SELECT pg_advisory_xact_lock(%d)", PG_SCHEMA_LOCK);
		if ((rc = pg_exec(pc, sql, "membuat skema", cause)) != POS_OK ||
		    (rc = pg_exec(pc, "CREATE TABLE IF NOT EXISTS "
		    "schema_version (version int PRIMARY KEY CHECK "
		    "(version > 0), applied_at timestamptz NOT NULL DEFAULT "
		    "now())", "membuat skema", cause)) != POS_OK)
			goto fail;
		res = PQexec(pc->c, "SELECT coalesce(max(version), 0) FROM "
		    "schema_version");
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			rc = pg_fail(pc, res, "membaca versi skema", cause);
			goto fail;
		}
		v = (int)strtol(PQgetvalue(res, 0, 0), NULL, 10);
		PQclear(res);
		if (v > PG_NSTEPS) {
			rc = cause_set(cause, POS_ESTATE, "Skema basis data "
			    "versi %d, server ini hanya mengenal sampai %d: "
			    "pakai ntt-server yang lebih baru", v, PG_NSTEPS);
			goto fail;
		}
		if (v == PG_NSTEPS)
			return pg_exec(pc, "COMMIT", "membuat skema", cause);
		snprintf(sql, sizeof sql, "INSERT INTO schema_version "
		    "(version) VALUES (%d)", v + 1);
		if ((rc = pg_exec(pc, pg_steps[v], "langkah skema", cause)) !=
		    POS_OK || (rc = pg_exec(pc, sql, "langkah skema",
		    cause)) != POS_OK ||
		    (rc = pg_exec(pc, "COMMIT", "langkah skema", cause)) !=
		    POS_OK)
			goto fail;
		log_info("schema step %d applied", v + 1);
	}
fail:
	PQclear(PQexec(pc->c, "ROLLBACK"));
	return rc;
}

static enum pos_rc
pg_connect(struct pg_pool *p, struct pg_conn *pc, char **cause)
{
	enum pos_rc rc;
	size_t	 i;

	if (pc->c == NULL)
		pc->c = pg_dial(p);
	else
		PQreset(pc->c);
	if (PQstatus(pc->c) != CONNECTION_OK)
		return pg_fail(pc, NULL, "menghubungi basis data", cause);
	PQsetNoticeReceiver(pc->c, pg_notice, pc);
	if ((rc = pg_session_limits(p, pc, cause)) != POS_OK)
		return rc;
	for (i = 0; i < sizeof pg_stmts / sizeof pg_stmts[0]; i++)
		if ((rc = pg_prepare(pc, pg_stmts[i].name, pg_stmts[i].sql,
		    cause)) != POS_OK)
			return rc;
	pthread_once(&pg_sql_once, pg_sql_make);
	if ((rc = pg_prepare(pc, "insert", pg_insert_sql, cause)) != POS_OK ||
	    (rc = pg_prepare(pc, "chain", pg_chain_sql, cause)) != POS_OK)
		return rc;
	pc->check = false;
	return POS_OK;
}

enum pos_rc
pg_pool_open(const char *conninfo, int n, const struct srv_limits *lim,
    struct pg_pool **out, char **cause)
{
	struct pg_pool *p;
	enum pos_rc rc = POS_OK;
	int	 i;

	if ((rc = pg_conninfo_check(conninfo, cause)) != POS_OK)
		return rc;
	p = xcalloc(1, sizeof *p);
	p->conninfo = xstrdup(conninfo);
	p->n = n > 0 ? n : 1;
	p->conns = xcalloc((size_t)p->n, sizeof *p->conns);
	for (i = 0; i < p->n; i++)
		p->conns[i].pool = p;
	if (lim != NULL)
		p->lim = *lim;
	else
		conf_defaults(&p->lim);
	pthread_mutex_init(&p->mtx, NULL);
	rate_cond_init(&p->cv);
	p->conns[0].c = pg_dial(p);
	if (PQstatus(p->conns[0].c) != CONNECTION_OK) {
		rc = pg_fail(&p->conns[0], NULL, "menghubungi basis data",
		    cause);
		goto out;
	}
	if ((rc = pg_migrate(&p->conns[0], cause)) != POS_OK)
		goto out;
	for (i = 0; rc == POS_OK && i < p->n; i++)
		rc = pg_connect(p, &p->conns[i], cause);
out:
	if (rc != POS_OK) {
		pg_pool_close(p);
		return rc;
	}
	*out = p;
	return POS_OK;
}

void
pg_pool_close(struct pg_pool *p)
{
	int	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++)
		if (p->conns[i].c != NULL)
			PQfinish(p->conns[i].c);
	pthread_mutex_destroy(&p->mtx);
	pthread_cond_destroy(&p->cv);
	free(p->conns);
	free(p->conninfo);
	free(p);
}

/*
 * One wait of at most 200 ms for a session, p->mtx held; true (give up,
 * cause set) past the pool's wait or when the client has gone.
 */
static bool
pg_wait_more(struct pg_pool *p, int64_t *waited, char **cause)
{
	if (*waited >= p->lim.pg_wait) {
		cause_set(cause, POS_EDB, "Semua sesi basis data sibuk "
		    "lebih dari %lld ms", (long long)p->lim.pg_wait);
		return true;
	}
	if (http_client_gone(pg_watch_fd)) {
		cause_set(cause, POS_ENET, "Klien sudah memutuskan sambungan");
		return true;
	}
	rate_cond_wait(&p->cv, &p->mtx, 200);
	*waited += 200;
	return false;
}

/* A session after a failed statement: tested, reconnected if need be. */
static enum pos_rc
pg_ready(struct pg_pool *p, struct pg_conn *pc, char **cause)
{
	PGresult *res;

	if (pc->check || PQstatus(pc->c) != CONNECTION_OK) {
		/* After a failed statement: is the session still good? */
		res = pg_run(pc, NULL, 0, NULL, NULL);
		if (PQresultStatus(res) == PGRES_TUPLES_OK)
			pc->check = false;
		PQclear(res);
		if (pc->check)
			return pg_connect(p, pc, cause);
	}
	return POS_OK;
}

struct pg_conn *
pg_get(struct pg_pool *p, char **cause)
{
	struct pg_conn *pc = NULL;
	int64_t	 waited = 0;
	int	 i;

	pthread_mutex_lock(&p->mtx);
	for (;;) {
		for (i = 0; i < p->n; i++)
			if (!p->conns[i].busy) {
				pc = &p->conns[i];
				pc->busy = true;
				break;
			}
		if (pc != NULL || pg_wait_more(p, &waited, cause))
			break;
	}
	pthread_mutex_unlock(&p->mtx);
	if (pc == NULL)
		return NULL;
	if (pg_ready(p, pc, cause) != POS_OK) {
		pg_put(p, pc);
		return NULL;
	}
	return pc;
}

void
pg_put(struct pg_pool *p, struct pg_conn *pc)
{
	pthread_mutex_lock(&p->mtx);
	pc->busy = false;
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mtx);
}

static PGresult *pg_send(struct pg_conn *, const char *);

static enum pos_rc
pg_cmd(struct pg_conn *pc, const char *sql, char **cause)
{
	PGresult *res = pg_send(pc, sql);

	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		return pg_fail(pc, res, sql, cause);
	PQclear(res);
	return POS_OK;
}

enum pos_rc
pg_begin(struct pg_conn *pc, char **cause)
{
	return pg_cmd(pc, "BEGIN", cause);
}

enum pos_rc
pg_commit(struct pg_conn *pc, char **cause)
{
	enum pos_rc rc;

	pc->warned = false;
	if ((rc = pg_cmd(pc, "COMMIT", cause)) != POS_OK)
		return rc;
	/* Committed here, perhaps nowhere else (pg_notice): no ack. */
	if (pc->warned) {
		pc->check = true;
		return cause_set(cause, POS_EDB, "PostgreSQL: COMMIT tanpa "
		    "konfirmasi standby sinkron; tidak diakui");
	}
	return POS_OK;
}

void
pg_rollback(struct pg_conn *pc)
{
	PQclear(pg_send(pc, "ROLLBACK"));
}

/*
 * Drops a session that stopped answering: the socket is closed (the
 * backend ends its transaction when it notices) and the next pg_get
 * connects anew.
 */
static void
pg_drop(struct pg_conn *pc, const char *why)
{
	log_warnx("PostgreSQL session dropped: %s", why);
	PQfinish(pc->c);
	pc->c = NULL;
	pc->check = true;
	pc->why = why;
}

/*
 * The result of the query just sent, waiting at most until until_ms
 * (clock_mono_ms) and watching the client of this thread (pg_watch):
 * when it hangs up the statement is cancelled, and a database that does
 * not answer by until_ms is dropped, so no thread waits on PostgreSQL for
 * ever. NULL (PQresultStatus: fatal) when abandoned.
 */
static PGresult *
pg_wait(struct pg_conn *pc, int64_t until_ms)
{
	struct pollfd fds[2];
	PGcancel *cn;
	PGresult *res, *more;
	char	 err[256];
	int64_t	 left;
	nfds_t	 nfds;
	bool	 cancelled = false;

	while (PQisBusy(pc->c)) {
		if ((left = until_ms - clock_mono_ms()) <= 0) {
			pg_drop(pc, "basis data tidak menjawab");
			return NULL;
		}
		fds[0].fd = PQsocket(pc->c);
		fds[0].events = POLLIN;
		fds[1].fd = pg_watch_fd;
		fds[1].events = POLLRDHUP;
		fds[0].revents = fds[1].revents = 0;
		nfds = pg_watch_fd >= 0 && !cancelled ? 2 : 1;
		if (poll(fds, nfds, left < 1000 ? (int)left : 1000) == -1 &&
		    errno != EINTR) {
			pg_drop(pc, "poll gagal");
			return NULL;
		}
		if (nfds == 2 && (fds[1].revents &
		    (POLLRDHUP | POLLHUP | POLLERR)) != 0) {
			/* The client went: stop its work, keep the session. */
			if ((cn = PQgetCancel(pc->c)) != NULL) {
				PQcancel(cn, err, sizeof err);
				PQfreeCancel(cn);
			}
			cancelled = true;
			pc->why = "klien memutuskan sambungan, pekerjaan "
			    "dibatalkan";
		}
		if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0 &&
		    !PQconsumeInput(pc->c))
			break;
	}
	res = PQgetResult(pc->c);
	while ((more = PQgetResult(pc->c)) != NULL)
		PQclear(more);
	if (PQresultStatus(res) == PGRES_COMMAND_OK ||
	    PQresultStatus(res) == PGRES_TUPLES_OK) {
		atomic_store(&pc->pool->ok_ms, clock_mono_ms());
		if (!cancelled)
			pc->why = NULL;
	}
	return res;
}

/* The statement's own deadline: the server's timeout, and some slack. */
static int64_t
pg_until(const struct pg_conn *pc)
{
	return clock_mono_ms() + pc->pool->lim.pg_statement_timeout + 2000;
}

/* Sends sql (no parameters) and waits for it as pg_wait does. */
static PGresult *
pg_send(struct pg_conn *pc, const char *sql)
{
	if (pc->c == NULL || !PQsendQuery(pc->c, sql))
		return NULL;
	return pg_wait(pc, pg_until(pc));
}

/*
 * Runs prepared statement name with n parameters (name NULL: SELECT 1);
 * lens[i] > 0 marks a binary parameter of that many bytes, 0 a text one.
 */
static PGresult *
pg_run(struct pg_conn *pc, const char *name, int n, const char *const *vals,
    const int *lens)
{
	int	 fmts[2 + ENTRY_NFIELDS] = { 0 };	/* text, unless binary */
	int	 i;

	if (n > (int)(sizeof fmts / sizeof fmts[0]))
		fatalx("pg_run %s: %d parameters", name, n);
	for (i = 0; i < n; i++)
		fmts[i] = lens != NULL && lens[i] > 0 ? 1 : 0;
	if (pc->c == NULL)
		return NULL;
	if (name == NULL)
		return pg_send(pc, "SELECT 1");
	if (!PQsendQueryPrepared(pc->c, name, n, vals, lens, fmts, 0))
		return NULL;
	return pg_wait(pc, pg_until(pc));
}

enum pos_rc
pg_health(struct pg_pool *p, char **cause)
{
	struct pg_conn *pc = NULL;
	PGresult *res;
	enum pos_rc rc;
	int	 i;

	if (clock_mono_ms() - atomic_load(&p->ok_ms) < 1000)
		return POS_OK;
	pthread_mutex_lock(&p->mtx);
	for (i = 0; i < p->n && pc == NULL; i++)
		if (!p->conns[i].busy) {
			pc = &p->conns[i];
			pc->busy = true;
		}
	pthread_mutex_unlock(&p->mtx);
	if (pc == NULL)
		return cause_set(cause, POS_EDB, "Semua sesi basis data sibuk "
		    "dan tidak ada jawaban dalam 1 detik terakhir");
	if (pg_ready(p, pc, cause) != POS_OK) {
		pg_put(p, pc);
		return POS_EDB;
	}
	/* A health check is quick or it is a failure. */
	if (!PQsendQuery(pc->c, "SELECT 1"))
		res = NULL;
	else
		res = pg_wait(pc, clock_mono_ms() + 2000);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = pg_fail(pc, res, "SELECT 1", cause);
	else {
		PQclear(res);
		rc = POS_OK;
	}
	pg_put(p, pc);
	return rc;
}

/* A bytea column in text form ("\x0a0b...") into out[len]. */
static bool
pg_bytea(PGresult *res, int row, int col, uint8_t *out, size_t len)
{
	const char *s = PQgetvalue(res, row, col);

	return s != NULL && s[0] == '\\' && s[1] == 'x' &&
	    strlen(s + 2) == 2 * len && hex_decode(s + 2, out, len) == 0;
}

enum pos_rc
pg_device_by_token(struct pg_conn *pc, const uint8_t token_hash[32],
    struct srv_device *out, char **cause)
{
	const char *vals[1] = { (const char *)token_hash };
	const int lens[1] = { 32 };
	PGresult *res;

	res = pg_run(pc, "dev_by_token", 1, vals, lens);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		return pg_fail(pc, res, "mencari kredensial", cause);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return cause_set(cause, POS_ENOTFOUND, "Kredensial tidak "
		    "dikenal");
	}
	memset(out, 0, sizeof *out);
	snprintf(out->device_id, sizeof out->device_id, "%s",
	    PQgetvalue(res, 0, 0));
	snprintf(out->outlet_id, sizeof out->outlet_id, "%s",
	    PQgetvalue(res, 0, 1));
	if (!pg_bytea(res, 0, 2, out->pk, sizeof out->pk)) {
		PQclear(res);
		return cause_set(cause, POS_EDB, "Kunci perangkat %s rusak di "
		    "basis data", out->device_id);
	}
	out->quarantined = PQgetvalue(res, 0, 3)[0] == 't';
	PQclear(res);
	return POS_OK;
}

static enum pos_rc
pg_head_run(struct pg_conn *pc, const char *stmt, const char *device_id,
    struct srv_head *out, char **cause)
{
	const char *vals[1] = { device_id };
	PGresult *res;

	res = pg_run(pc, stmt, 1, vals, NULL);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		return pg_fail(pc, res, "membaca kepala rantai", cause);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return cause_set(cause, POS_ENOTFOUND, "Perangkat %s tidak "
		    "terdaftar", device_id);
	}
	memset(out, 0, sizeof *out);
	out->seq = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	pg_bytea(res, 0, 1, out->hash, sizeof out->hash);
	out->quarantined = PQgetvalue(res, 0, 2)[0] == 't';
	PQclear(res);
	return POS_OK;
}

enum pos_rc
pg_head(struct pg_conn *pc, const char *device_id, struct srv_head *out,
    char **cause)
{
	return pg_head_run(pc, "head", device_id, out, cause);
}

enum pos_rc
pg_head_lock(struct pg_conn *pc, const char *device_id,
    struct srv_head *out, char **cause)
{
	return pg_head_run(pc, "head_lock", device_id, out, cause);
}

enum pos_rc
pg_hashes(struct pg_conn *pc, const char *device_id, int64_t from,
    int64_t to, uint8_t (*out)[ENTRY_HASH_LEN], char **cause)
{
	char	 f[24], t[24];
	const char *vals[3] = { device_id, f, t };
	PGresult *res;
	int64_t	 i;

	snprintf(f, sizeof f, "%lld", (long long)from);
	snprintf(t, sizeof t, "%lld", (long long)to);
	res = pg_run(pc, "hashes", 3, vals, NULL);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		return pg_fail(pc, res, "membaca entri tersimpan", cause);
	if (PQntuples(res) != to - from + 1) {
		PQclear(res);
		return cause_set(cause, POS_EDB, "Entri %lld-%lld perangkat "
		    "%s tidak lengkap di server", (long long)from,
		    (long long)to, device_id);
	}
	for (i = 0; i <= to - from; i++)
		if (strtoll(PQgetvalue(res, (int)i, 0), NULL, 10) != from + i ||
		    !pg_bytea(res, (int)i, 1, out[i], ENTRY_HASH_LEN)) {
			PQclear(res);
			return cause_set(cause, POS_EDB, "Entri %lld perangkat "
			    "%s rusak di server", (long long)(from + i),
			    device_id);
		}
	PQclear(res);
	return POS_OK;
}

/* An element of a PostgreSQL array literal: quoted, \\ and " escaped. */
static void
pg_array_text(struct buf *b, const char *v)
{
	buf_addbyte(b, '"');
	for (; *v != '\0'; v++) {
		if (*v == '"' || *v == '\\')
			buf_addbyte(b, '\\');
		buf_addbyte(b, (uint8_t)*v);
	}
	buf_addbyte(b, '"');
}

/* Field f of e as an element of its array, by its type. */
static void
pg_array_add(struct buf *b, const struct entry_field *f,
    const struct entry *e)
{
	char	 hex[2 * ENTRY_SIG_LEN + 1];

	switch (f->type) {
	case ENTRY_T_I64:
		buf_printf(b, "%lld", (long long)entry_field_i64(f, e));
		break;
	case ENTRY_T_TEXT:
	case ENTRY_T_UUID:
	case ENTRY_T_KEYID:
		pg_array_text(b, entry_field_str(f, e));
		break;
	case ENTRY_T_HASH:
	case ENTRY_T_SIG:
		if (2 * f->size >= sizeof hex)
			fatalx("pg_array_add: %s of %zu bytes", f->name,
			    f->size);
		hex_encode(entry_field_blob(f, e), f->size, hex);
		buf_addstr(b, hex);
		break;
	}
}

enum pos_rc
pg_insert(struct pg_conn *pc, const char *device_id,
    struct entry *const *es, size_t n, const char *json, int64_t *inserted,
    char **cause)
{
	const struct entry_field *fs[ENTRY_NFIELDS];
	struct buf a[ENTRY_NFIELDS];
	const char *vals[2 + ENTRY_NFIELDS];
	PGresult *res;
	enum pos_rc rc = POS_OK;
	size_t	 i, k, nk = 0;

	for (i = 0; i < ENTRY_NFIELDS; i++) {
		if (*entry_fields[i].srv == '\0')
			continue;
		fs[nk] = &entry_fields[i];
		buf_init(&a[nk], PROTO_MAX_JSON);
		buf_addbyte(&a[nk++], '{');
	}
	for (i = 0; i < n; i++)
		for (k = 0; k < nk; k++) {
			if (i > 0)
				buf_addbyte(&a[k], ',');
			pg_array_add(&a[k], fs[k], es[i]);
		}
	vals[0] = device_id;
	for (k = 0; k < nk; k++) {
		buf_addbyte(&a[k], '}');
		if (a[k].failed)
			rc = cause_set(cause, POS_EFULL, "Kiriman terlalu "
			    "besar");
		vals[k + 1] = a[k].data;
	}
	vals[nk + 1] = json;
	if (rc == POS_OK) {
		res = pg_run(pc, "insert", (int)nk + 2, vals, NULL);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = pg_fail(pc, res, "menyimpan entri", cause);
		else {
			*inserted = strtoll(PQcmdTuples(res), NULL, 10);
			PQclear(res);
		}
	}
	for (k = 0; k < nk; k++)
		buf_free(&a[k]);
	return rc;
}

enum pos_rc
pg_head_set(struct pg_conn *pc, const char *device_id, int64_t seq,
    const uint8_t hash[ENTRY_HASH_LEN], char **cause)
{
	char	 s[24];
	const char *vals[3] = { device_id, s, (const char *)hash };
	const int lens[3] = { 0, 0, ENTRY_HASH_LEN };
	PGresult *res;

	snprintf(s, sizeof s, "%lld", (long long)seq);
	res = pg_run(pc, "head_set", 3, vals, lens);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		return pg_fail(pc, res, "mencatat kepala rantai", cause);
	PQclear(res);
	return POS_OK;
}

void
pg_alarm(struct pg_conn *pc, const char *device_id, const char *addr,
    const char *kind, int64_t seq, const char *detail, bool quarantine,
    int64_t window_s, int64_t quarantine_after, int64_t *count,
    bool *quarantined)
{
	char	 s[24], w[24], id[24];
	const char *vals[6] = { device_id, kind, s, detail, addr, w };
	const char *idv[1] = { id };
	PGresult *res;
	char	*cause = NULL;
	int64_t	 n = 0;

	if (count != NULL)
		*count = 0;
	if (quarantined != NULL)
		*quarantined = false;
	snprintf(s, sizeof s, "%lld", (long long)seq);
	snprintf(w, sizeof w, "%lld", (long long)window_s);
	if (pg_begin(pc, &cause) != POS_OK)
		goto out;
	res = pg_run(pc, "alarm_lock", 2, vals, NULL);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		pg_fail(pc, res, "mencatat alarm", &cause);
		goto out;
	}
	PQclear(res);
	res = pg_run(pc, "alarm_count", 6, vals, NULL);
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 0) {
		PQclear(res);
		res = pg_run(pc, "alarm_add", 5, vals, NULL);
	}
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
		pg_fail(pc, res, "mencatat alarm", &cause);
		goto out;
	}
	snprintf(id, sizeof id, "%s", PQgetvalue(res, 0, 0));
	n = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	PQclear(res);
	if (quarantine_after > 0 && n >= quarantine_after)
		quarantine = true;
	if (quarantine) {
		/* The next alarm of this kind starts a row of its own. */
		res = pg_run(pc, "alarm_escalate", 1, idv, NULL);
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			pg_fail(pc, res, "mengkarantina perangkat", &cause);
			goto out;
		}
		PQclear(res);
		res = pg_run(pc, "quarantine", 1, vals, NULL);
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			pg_fail(pc, res, "mengkarantina perangkat", &cause);
			goto out;
		}
		PQclear(res);
	}
	if (pg_commit(pc, &cause) != POS_OK)
		goto out;
	if (n == 1 || quarantine)
		log_warnx("ALARM %s device %s from %s seq %lld (x%lld)%s: %s",
		    kind, device_id, addr, (long long)seq, (long long)n,
		    quarantine ? ", quarantined" : "", detail);
	if (count != NULL)
		*count = n;
	if (quarantined != NULL)
		*quarantined = quarantine;
out:
	if (cause != NULL) {
		pg_rollback(pc);
		log_warnx("ALARM %s device %s from %s seq %lld not recorded: "
		    "%s (%s)", kind, device_id, addr, (long long)seq, cause,
		    detail);
		free(cause);
	}
}

enum pos_rc
pg_code_use(struct pg_conn *pc, const uint8_t code_hash[32],
    const char *outlet_id, const char *device_id, char **cause)
{
	const char *vals[3] = { (const char *)code_hash, outlet_id, device_id };
	const int lens[3] = { 32, 0, 0 };
	PGresult *res;
	int	 n;

	res = pg_run(pc, "code_use", 3, vals, lens);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		return pg_fail(pc, res, "memeriksa kode pendaftaran", cause);
	n = PQntuples(res);
	PQclear(res);
	if (n != 1)
		return cause_set(cause, POS_ENOTFOUND, "Kode pendaftaran "
		    "salah, sudah dipakai, kedaluwarsa, atau bukan untuk %s/%s",
		    outlet_id, device_id);
	return POS_OK;
}

enum pos_rc
pg_device_enrol(struct pg_conn *pc, const char *outlet_id,
    const char *device_id, const uint8_t pk[ENTRY_PK_LEN],
    const uint8_t token_hash[32], char **cause)
{
	const char *vals[4] = { device_id, outlet_id, (const char *)pk,
	    (const char *)token_hash };
	const int lens[4] = { 0, 0, ENTRY_PK_LEN, 32 };
	PGresult *res;
	int	 n;

	res = pg_run(pc, "dev_enrol", 4, vals, lens);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		return pg_fail(pc, res, "mendaftarkan perangkat", cause);
	n = PQntuples(res);
	PQclear(res);
	if (n != 1)
		return cause_set(cause, POS_ESTATE, "Perangkat %s sudah "
		    "terdaftar dengan kunci atau outlet lain", device_id);
	return POS_OK;
}

enum pos_rc
pg_code_new(struct pg_conn *pc, const uint8_t code_hash[32],
    const char *outlet_id, const char *device_id, int hours, char **cause)
{
	char	 h[16];
	const char *vals[4] = { (const char *)code_hash, outlet_id, device_id,
	    h };
	const int lens[4] = { 32, 0, 0, 0 };
	PGresult *res;

	snprintf(h, sizeof h, "%d", hours);
	res = pg_run(pc, "code_new", 4, vals, lens);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		return pg_fail(pc, res, "menyimpan kode pendaftaran", cause);
	PQclear(res);
	return POS_OK;
}

enum pos_rc
pg_devices(struct pg_conn *pc, const char *device_id,
    struct srv_device **out, struct srv_head **heads, size_t *n, char **cause)
{
	const char *vals[1] = { device_id != NULL ? device_id : "" };
	PGresult *res;
	int	 i, rows;

	res = pg_run(pc, "devices", 1, vals, NULL);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		return pg_fail(pc, res, "membaca perangkat", cause);
	rows = PQntuples(res);
	*out = xcalloc(rows > 0 ? (size_t)rows : 1, sizeof **out);
	*heads = xcalloc(rows > 0 ? (size_t)rows : 1, sizeof **heads);
	for (i = 0; i < rows; i++) {
		snprintf((*out)[i].device_id, sizeof (*out)[i].device_id, "%s",
		    PQgetvalue(res, i, 0));
		pg_bytea(res, i, 1, (*out)[i].pk, ENTRY_PK_LEN);
		(*heads)[i].seq = strtoll(PQgetvalue(res, i, 2), NULL, 10);
		pg_bytea(res, i, 3, (*heads)[i].hash, ENTRY_HASH_LEN);
	}
	*n = (size_t)rows;
	PQclear(res);
	return POS_OK;
}

enum pos_rc
pg_chain(struct pg_conn *pc, const char *device_id, int64_t after,
    enum pos_rc (*fn)(int64_t, const uint8_t *, const char *,
    const char *const *, void *), void *arg, int64_t *last, char **cause)
{
	char	 a[24];
	const char *vals[2] = { device_id, a };
	const char *cols[ENTRY_NFIELDS];
	uint8_t	 h[ENTRY_HASH_LEN];
	PGresult *res;
	enum pos_rc rc = POS_OK;
	int	 i, k, rows;

	*last = after;
	do {
		snprintf(a, sizeof a, "%lld", (long long)*last);
		res = pg_run(pc, "chain", 2, vals, NULL);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			return pg_fail(pc, res, "membaca rantai", cause);
		rows = PQntuples(res);
		for (i = 0; rc == POS_OK && i < rows; i++) {
			*last = strtoll(PQgetvalue(res, i, 0), NULL, 10);
			memset(h, 0, sizeof h);
			pg_bytea(res, i, 1, h, sizeof h);
			for (k = 3; k < PQnfields(res) - 1 &&
			    k - 3 < ENTRY_NFIELDS; k++)
				cols[k - 3] = PQgetvalue(res, i, k);
			rc = fn(*last, h, PQgetvalue(res, i, 2), cols, arg);
		}
		PQclear(res);
	} while (rc == POS_OK && rows == 500);
	return rc;
}

enum pos_rc
pg_cols_match(const struct entry *e, const char *const *cols, char **cause)
{
	const struct entry_field *f;
	char	*want;
	size_t	 i, k = 0;
	bool	 same;

	for (i = 0; i < ENTRY_NFIELDS; i++) {
		f = &entry_fields[i];
		if (*f->srv == '\0')
			continue;
		want = NULL;
		switch (f->type) {
		case ENTRY_T_I64:
			want = xasprintf("%lld",
			    (long long)entry_field_i64(f, e));
			break;
		case ENTRY_T_TEXT:
		case ENTRY_T_UUID:
		case ENTRY_T_KEYID:
			want = xstrdup(entry_field_str(f, e));
			break;
		case ENTRY_T_HASH:
		case ENTRY_T_SIG:
			want = xcalloc(1, 2 * f->size + 3);
			memcpy(want, "\\x", 2);
			hex_encode(entry_field_blob(f, e), f->size, want + 2);
			break;
		}
		same = want != NULL && strcmp(cols[k++], want) == 0;
		free(want);
		if (!same)
			return cause_set(cause, POS_ECORRUPT, "entri %lld: "
			    "kolom %s berbeda dengan entrinya",
			    (long long)e->seq, f->srv);
	}
	return POS_OK;
}

enum pos_rc
pg_status(struct pg_conn *pc, struct srv_status **out, size_t *n,
    char **cause)
{
	struct srv_status *st;
	PGresult *res;
	int	 i, rows;

	res = pg_run(pc, "status", 0, NULL, NULL);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		return pg_fail(pc, res, "membaca status perangkat", cause);
	rows = PQntuples(res);
	*out = xcalloc(rows > 0 ? (size_t)rows : 1, sizeof **out);
	for (i = 0; i < rows; i++) {
		st = &(*out)[i];
		snprintf(st->outlet_id, sizeof st->outlet_id, "%s",
		    PQgetvalue(res, i, 0));
		snprintf(st->device_id, sizeof st->device_id, "%s",
		    PQgetvalue(res, i, 1));
		st->head_seq = strtoll(PQgetvalue(res, i, 2), NULL, 10);
		st->last_seen_ms = strtoll(PQgetvalue(res, i, 3), NULL, 10);
		st->days_unseen = strtoll(PQgetvalue(res, i, 4), NULL, 10);
		st->quarantined = strcmp(PQgetvalue(res, i, 5), "t") == 0;
		st->alarms = strtoll(PQgetvalue(res, i, 6), NULL, 10);
		snprintf(st->last_close, sizeof st->last_close, "%s",
		    PQgetvalue(res, i, 7));
	}
	*n = (size_t)rows;
	PQclear(res);
	return POS_OK;
}
