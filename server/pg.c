/* SPDX-License-Identifier: ISC */
/*
 * The provincial database: schema, a small pool of sessions, and every
 * statement the server runs, prepared once per session. Idempotency is
 * the database's job (docs/requirements.md R3.1): PRIMARY KEY (device_id, seq)
 * and UNIQUE (entry_uuid), written with INSERT ... ON CONFLICT, never a
 * search followed by an insert.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "server.h"

static const char pg_schema[] =
	"SET LOCAL client_min_messages = warning;"
	"SELECT pg_advisory_xact_lock(1314149453);"
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
	"  ON entries FOR EACH ROW EXECUTE FUNCTION entries_append_only();";

static const struct {
	const char	*name;
	const char	*sql;
} pg_stmts[] = {
	{ "dev_by_token", "SELECT device_id, outlet_id, public_key FROM "
	    "devices WHERE token_hash = $1" },
	{ "head", "SELECT head_seq, head_hash, quarantined FROM devices "
	    "WHERE device_id = $1" },
	{ "head_lock", "SELECT head_seq, head_hash, quarantined FROM devices "
	    "WHERE device_id = $1 FOR UPDATE" },
	{ "hashes", "SELECT seq, hash FROM entries WHERE device_id = $1 AND "
	    "seq BETWEEN $2 AND $3 ORDER BY seq" },
	{ "head_set", "UPDATE devices SET head_seq = $2, head_hash = $3, "
	    "last_seen_at = now() WHERE device_id = $1" },
	{ "alarm", "INSERT INTO alarms (device_id, kind, seq, detail) "
	    "VALUES ($1, $2, $3, $4)" },
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
	    "86400), -1), d.quarantined, (SELECT count(*) FROM alarms a WHERE "
	    "a.device_id = d.device_id), (SELECT max(e.business_day) FROM "
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
};

struct pg_pool {
	char		*conninfo;
	struct pg_conn	*conns;
	int		 n;
	pthread_mutex_t	 mtx;
	pthread_cond_t	 cv;
};

static enum pos_rc
pg_fail(struct pg_conn *pc, PGresult *res, const char *what, char **cause)
{
	const char *msg = res != NULL ? PQresultErrorMessage(res) :
	    PQerrorMessage(pc->c);
	char	*m = xstrdup(msg != NULL ? msg : "");
	size_t	 n = strlen(m);

	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	pc->check = true;
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

static enum pos_rc
pg_connect(struct pg_pool *p, struct pg_conn *pc, char **cause)
{
	enum pos_rc rc;
	size_t	 i;

	if (pc->c == NULL)
		pc->c = PQconnectdb(p->conninfo);
	else
		PQreset(pc->c);
	if (PQstatus(pc->c) != CONNECTION_OK)
		return pg_fail(pc, NULL, "menghubungi basis data", cause);
	PQsetNoticeReceiver(pc->c, pg_notice, pc);
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
pg_pool_open(const char *conninfo, int n, struct pg_pool **out, char **cause)
{
	struct pg_pool *p;
	PGresult *res;
	enum pos_rc rc = POS_OK;
	int	 i;

	if ((rc = pg_conninfo_check(conninfo, cause)) != POS_OK)
		return rc;
	p = xcalloc(1, sizeof *p);
	p->conninfo = xstrdup(conninfo);
	p->n = n > 0 ? n : 1;
	p->conns = xcalloc((size_t)p->n, sizeof *p->conns);
	pthread_mutex_init(&p->mtx, NULL);
	pthread_cond_init(&p->cv, NULL);
	p->conns[0].c = PQconnectdb(conninfo);
	if (PQstatus(p->conns[0].c) != CONNECTION_OK) {
		rc = pg_fail(&p->conns[0], NULL, "menghubungi basis data",
		    cause);
		goto out;
	}
	/* One transaction: a second server starting at once waits. */
	res = PQexec(p->conns[0].c, "BEGIN");
	PQclear(res);
	res = PQexec(p->conns[0].c, pg_schema);
	if (PQresultStatus(res) != PGRES_TUPLES_OK &&
	    PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = pg_fail(&p->conns[0], res, "membuat skema", cause);
		goto out;
	}
	PQclear(res);
	res = PQexec(p->conns[0].c, "COMMIT");
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = pg_fail(&p->conns[0], res, "membuat skema", cause);
		goto out;
	}
	PQclear(res);
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

struct pg_conn *
pg_get(struct pg_pool *p, char **cause)
{
	struct pg_conn *pc = NULL;
	PGresult *res;
	int	 i;

	pthread_mutex_lock(&p->mtx);
	for (;;) {
		for (i = 0; i < p->n; i++)
			if (!p->conns[i].busy) {
				pc = &p->conns[i];
				pc->busy = true;
				break;
			}
		if (pc != NULL)
			break;
		pthread_cond_wait(&p->cv, &p->mtx);
	}
	pthread_mutex_unlock(&p->mtx);
	if (pc->check || PQstatus(pc->c) != CONNECTION_OK) {
		/* After a failed statement: is the session still good? */
		res = PQexec(pc->c, "SELECT 1");
		if (PQresultStatus(res) == PGRES_TUPLES_OK)
			pc->check = false;
		PQclear(res);
		if (pc->check && pg_connect(p, pc, cause) != POS_OK) {
			pg_put(p, pc);
			return NULL;
		}
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

static enum pos_rc
pg_cmd(struct pg_conn *pc, const char *sql, char **cause)
{
	PGresult *res = PQexec(pc->c, sql);

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
	PQclear(PQexec(pc->c, "ROLLBACK"));
}

/*
 * Runs prepared statement name with n parameters; lens[i] > 0 marks a
 * binary parameter of that many bytes, 0 a text one.
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
	return PQexecPrepared(pc->c, name, n, vals, lens, fmts, 0);
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
pg_alarm(struct pg_conn *pc, const char *device_id, const char *kind,
    int64_t seq, const char *detail, bool quarantine)
{
	char	 s[24];
	const char *vals[4] = { device_id, kind, s, detail };
	PGresult *res;
	char	*cause = NULL;

	snprintf(s, sizeof s, "%lld", (long long)seq);
	log_warnx("ALARM %s device %s seq %lld: %s", kind, device_id,
	    (long long)seq, detail);
	if (pg_begin(pc, &cause) != POS_OK)
		goto out;
	res = pg_run(pc, "alarm", 4, vals, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		pg_fail(pc, res, "mencatat alarm", &cause);
		goto out;
	}
	PQclear(res);
	if (quarantine) {
		res = pg_run(pc, "quarantine", 1, vals, NULL);
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			pg_fail(pc, res, "mengkarantina perangkat", &cause);
			goto out;
		}
		PQclear(res);
	}
	pg_commit(pc, &cause);
out:
	if (cause != NULL) {
		pg_rollback(pc);
		log_warnx("alarm not recorded: %s", cause);
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
