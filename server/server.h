/* SPDX-License-Identifier: ISC */
/*
 * ntt-server: the provincial sync server. http.c speaks HTTPS
 * (libmicrohttpd), ingest.c holds the request logic, pg.c is the only file
 * with SQL (PostgreSQL through libpq, prepared statements only). The rules
 * of an entry come from rules/entry.c and rules/outbox.c, the same code the
 * outlets run. docs/sync-protocol.md.
 */
#ifndef NTT_SERVER_H
#define NTT_SERVER_H

#include "entry.h"
#include "outbox.h"
#include "proto.h"
#include "util.h"

/* A device as its credential identifies it. */
struct srv_device {
	char	 device_id[OUTBOX_ID_MAX];
	char	 outlet_id[OUTBOX_ID_MAX];
	uint8_t	 pk[ENTRY_PK_LEN];	/* its ledger key, from enrolment */
};

/* The device's head as the server holds it. */
struct srv_head {
	int64_t	 seq;
	uint8_t	 hash[ENTRY_HASH_LEN];
	bool	 quarantined;	/* after a fork: refuses until released */
};

struct srv {
	struct pg_pool	*pool;
	uint8_t		 sk[ENTRY_SK_LEN];	/* the ack signing key */
	uint8_t		 pk[ENTRY_PK_LEN];
};

/* pg.c */
struct pg_pool;
struct pg_conn;
/*
 * Connects n sessions with conninfo (no password in it: use a passfile or
 * peer authentication), creates the schema if missing and prepares every
 * statement. *out is the caller's (pg_pool_close). A conninfo with several
 * hosts must say target_session_attrs=read-write (or primary): POS_EINVAL.
 * A session that fails is connected again on its next use, to whichever
 * host then takes writes.
 */
enum pos_rc	 pg_pool_open(const char *conninfo, int n,
		    struct pg_pool **out, char **cause);
void		 pg_pool_close(struct pg_pool *);
/* Borrows a session, waiting for one; reconnects a broken one. */
struct pg_conn	*pg_get(struct pg_pool *, char **cause);
void		 pg_put(struct pg_pool *, struct pg_conn *);

enum pos_rc	 pg_begin(struct pg_conn *, char **cause);
/*
 * COMMIT, and POS_EDB as well when PostgreSQL warned meanwhile (the wait
 * for the synchronous standby cut short: committed on the primary only),
 * so that nothing is acknowledged that one machine alone holds.
 */
enum pos_rc	 pg_commit(struct pg_conn *, char **cause);
void		 pg_rollback(struct pg_conn *);
/* POS_ENOTFOUND for an unknown credential. */
enum pos_rc	 pg_device_by_token(struct pg_conn *,
		    const uint8_t token_hash[32], struct srv_device *out,
		    char **cause);
/* The head without a lock (GET /v1/head). */
enum pos_rc	 pg_head(struct pg_conn *, const char *device_id,
		    struct srv_head *out, char **cause);
/* The head, locking the device row until the transaction ends. */
enum pos_rc	 pg_head_lock(struct pg_conn *, const char *device_id,
		    struct srv_head *out, char **cause);
/*
 * The stored hashes of entries from..to of device (all must exist): out
 * holds to - from + 1 hashes.
 */
enum pos_rc	 pg_hashes(struct pg_conn *, const char *device_id,
		    int64_t from, int64_t to, uint8_t (*out)[ENTRY_HASH_LEN],
		    char **cause);
/*
 * INSERT ... ON CONFLICT DO NOTHING of the n entries es, json being the
 * same entries as a JSON array (proto_entry_json); *inserted says how many
 * rows were new.
 */
enum pos_rc	 pg_insert(struct pg_conn *, const char *device_id,
		    struct entry *const *es, size_t n, const char *json,
		    int64_t *inserted, char **cause);
enum pos_rc	 pg_head_set(struct pg_conn *, const char *device_id,
		    int64_t seq, const uint8_t hash[ENTRY_HASH_LEN],
		    char **cause);
/* Records an alarm, and quarantines the device if quarantine; commits. */
void		 pg_alarm(struct pg_conn *, const char *device_id,
		    const char *kind, int64_t seq, const char *detail,
		    bool quarantine);
/* Marks a code used if valid for outlet and device; POS_ENOTFOUND if not. */
enum pos_rc	 pg_code_use(struct pg_conn *, const uint8_t code_hash[32],
		    const char *outlet_id, const char *device_id,
		    char **cause);
/*
 * Registers the device with its key and credential, or gives an already
 * enrolled device with the same key and outlet a new credential.
 * POS_ESTATE if the device is enrolled with another key or outlet.
 */
enum pos_rc	 pg_device_enrol(struct pg_conn *, const char *outlet_id,
		    const char *device_id, const uint8_t pk[ENTRY_PK_LEN],
		    const uint8_t token_hash[32], char **cause);
enum pos_rc	 pg_code_new(struct pg_conn *, const uint8_t code_hash[32],
		    const char *outlet_id, const char *device_id, int hours,
		    char **cause);

/*
 * The enrolled devices (all, or device_id) with their keys and heads;
 * *out and *heads are the caller's (free).
 */
enum pos_rc	 pg_devices(struct pg_conn *, const char *device_id,
		    struct srv_device **out, struct srv_head **heads,
		    size_t *n, char **cause);
/* How current the province's copy of one device is (R3.10). */
struct srv_status {
	char	 outlet_id[32];
	char	 device_id[32];
	int64_t	 head_seq;		/* entries held */
	int64_t	 last_seen_ms;		/* last accepted batch, 0: never */
	int64_t	 days_unseen;		/* whole days since, -1: never */
	bool	 quarantined;		/* a fork was seen */
	int64_t	 alarms;		/* alarm rows for it */
	char	 last_close[11];	/* last day.close received, or "" */
};
/* Every enrolled device; *out is the caller's (free). */
enum pos_rc	 pg_status(struct pg_conn *, struct srv_status **out,
		    size_t *n, char **cause);
/*
 * Calls fn(seq, stored hash, stored entry JSON, stored columns, arg) for
 * the device's entries after seq after, in order, 500 rows per query; the
 * columns are those of the entry's fields with a server column
 * (rules/entry.h), in the list's order, as text. *last is the last seq
 * seen. A non-OK rc from fn stops the walk.
 */
enum pos_rc	 pg_chain(struct pg_conn *, const char *device_id,
		    int64_t after, enum pos_rc (*fn)(int64_t, const uint8_t *,
		    const char *, const char *const *, void *), void *arg,
		    int64_t *last, char **cause);
/*
 * Whether the stored columns of an entry, as pg_chain gives them, hold
 * its fields; POS_ECORRUPT naming the first column that does not.
 */
enum pos_rc	 pg_cols_match(const struct entry *, const char *const *cols,
		    char **cause);

/* ingest.c: one request each; status is the HTTP status to answer. */
void		 ingest_batch(struct srv *, const struct srv_device *,
		    const char *json, size_t len, struct proto_reply *,
		    int *status);
void		 ingest_head(struct srv *, const struct srv_device *,
		    struct proto_reply *, int *status);
void		 ingest_enrol(struct srv *, const char *json, size_t len,
		    struct proto_reply *, int *status);
/* Looks the bearer credential up; POS_ENOTFOUND when it is not valid. */
enum pos_rc	 ingest_auth(struct srv *, const char *authorization,
		    struct srv_device *out, char **cause);
/* Sets reply to an error with a message (printf). */
void		 ingest_error(struct proto_reply *, const char *code,
		    const char *fmt, ...) printflike(3, 4);
/* SHA-256 of an enrolment code after normalising it (upper case, no '-'). */
void		 ingest_code_hash(const char *code, uint8_t out[32]);

/* http.c */
struct http_opts {
	const char	*listen;	/* "127.0.0.1:8443", port 0: any */
	const char	*cert_file;	/* PEM chain */
	const char	*key_file;	/* PEM private key */
	const char	*ready_file;	/* written with the port once up */
	int		 threads;
};
/* Serves until SIGTERM or SIGINT. */
int		 http_serve(struct srv *, const struct http_opts *);

#endif
