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

#include <pthread.h>

#include "entry.h"
#include "limit.h"
#include "outbox.h"
#include "proto.h"
#include "util.h"

/*
 * The server's limits (conf.c holds the table of names, defaults and
 * ranges; docs/sync-install.md §Limits says what each is for). Every one
 * is per instance except where it says PostgreSQL.
 */
struct srv_limits {
	int64_t	 max_connections;	/* open connections in all */
	int64_t	 per_address_connections;	/* from one address, 0: any */
	int64_t	 tls_timeout;		/* s: accept to the request line */
	int64_t	 head_timeout;		/* s: request line to end of head */
	int64_t	 idle_timeout;		/* s: a quiet kept-alive connection */
	int64_t	 request_timeout;	/* s: a request, plus its body at */
	int64_t	 request_min_rate;	/* bytes/s */
	int64_t	 pg_connect_timeout;	/* s, libpq connect_timeout */
	int64_t	 pg_statement_timeout;	/* ms, per session */
	int64_t	 pg_lock_timeout;	/* ms, per session */
	int64_t	 pg_wait;		/* ms for a session or a device's turn */
	int64_t	 batch_per_min;		/* requests of one credential */
	int64_t	 batch_burst;
	int64_t	 enrol_per_min;		/* enrolments from one address */
	int64_t	 enrol_burst;
	int64_t	 enrol_alarm_after;	/* wrong codes before an alarm */
	int64_t	 alarm_window;		/* s: alarms merged (PostgreSQL) */
	int64_t	 quarantine_after;	/* alarms of a kind, 0: never */
};

/* A device as its credential identifies it. */
struct srv_device {
	char	 device_id[OUTBOX_ID_MAX];
	char	 outlet_id[OUTBOX_ID_MAX];
	uint8_t	 pk[ENTRY_PK_LEN];	/* its ledger key, from enrolment */
	bool	 quarantined;		/* refused until released */
};

/* The device's head as the server holds it. */
struct srv_head {
	int64_t	 seq;
	uint8_t	 hash[ENTRY_HASH_LEN];
	bool	 quarantined;	/* after a fork: refuses until released */
};

struct srv {
	struct pg_pool	*pool;
	struct rate_table *rates;	/* per instance (rate.c) */
	struct srv_limits lim;
	uint8_t		 sk[ENTRY_SK_LEN];	/* the ack signing key */
	uint8_t		 pk[ENTRY_PK_LEN];
};

/* What a request is, for alarms and limits: where it came from. */
struct srv_req {
	char		 addr[64];	/* the peer's address, as text */
	int		 fd;		/* its socket (http_client_gone), or -1 */
};

/* conf.c */
void		 conf_defaults(struct srv_limits *);
/* Reads a config file over the defaults; POS_EINVAL naming the line. */
enum pos_rc	 conf_read(const char *path, struct srv_limits *,
		    char **cause);
/* Every limit as "name = value", in the table's order. */
void		 conf_print(const struct srv_limits *);

/* rate.c: per-instance memory of keys ("b:DEVICE", "e:ADDRESS", ...). */
struct rate_table;
struct rate_table *rate_new(void);
void		 rate_free(struct rate_table *);
/*
 * One request of key under a bucket of burst refilled per_min a minute:
 * false (refuse, *retry_s seconds) when it is empty. per_min 0: no limit.
 */
bool		 rate_take(struct rate_table *, const char *key,
		    int64_t per_min, int64_t burst, int64_t *retry_s);
/* Counts one failure of key; the count within window_s seconds. */
int64_t		 rate_fail(struct rate_table *, const char *key,
		    int64_t window_s);
/*
 * Waits for key's turn (one holder at a time) at most wait_ms, giving up
 * when the client of watch_fd has gone: POS_ESTATE (still busy) or
 * POS_ENET (client gone). On POS_OK the caller gives it back.
 */
enum pos_rc	 rate_turn_take(struct rate_table *, const char *key,
		    int64_t wait_ms, int watch_fd, char **cause);
void		 rate_turn_give(struct rate_table *, const char *key);
/* A condition variable on the monotonic clock, and a wait of ms on it. */
void		 rate_cond_init(pthread_cond_t *);
void		 rate_cond_wait(pthread_cond_t *, pthread_mutex_t *, int ms);

/* pg.c */
struct pg_pool;
struct pg_conn;
/*
 * Connects n sessions with conninfo (no password in it: use a passfile or
 * peer authentication), brings the schema to this server's version (the
 * steps of pg.c, each in one transaction) and prepares every statement.
 * lim (NULL: the defaults) gives each session its connect, statement and
 * lock timeouts and bounds the wait for a free session. *out is the
 * caller's (pg_pool_close). POS_ESTATE for a schema newer than this
 * server knows. A conninfo with several hosts must say
 * target_session_attrs=read-write (or primary): POS_EINVAL. A session that
 * fails is connected again on its next use, to whichever host then takes
 * writes.
 */
enum pos_rc	 pg_pool_open(const char *conninfo, int n,
		    const struct srv_limits *lim, struct pg_pool **out,
		    char **cause);
/*
 * The socket of the client this thread works for, or -1: while it waits
 * for a session or a statement, a hang-up of that client abandons the
 * work (the statement is cancelled). Per thread.
 */
void		 pg_watch(int fd);
/*
 * Whether PostgreSQL answers: POS_OK at once if any session had an answer
 * in the last second, else after a SELECT 1 (GET /v1/health).
 */
enum pos_rc	 pg_health(struct pg_pool *, char **cause);
void		 pg_pool_close(struct pg_pool *);
/*
 * Borrows a session, waiting for one at most the pool's wait (pg_wait):
 * NULL with a cause when none came, or the client went (pg_watch).
 * Reconnects a broken one.
 */
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
/*
 * Records an alarm about device_id (the device that sent the request, or
 * the one an enrolment claimed) from addr, in its own transaction. An
 * alarm of the same device and kind less than window_s old that has not
 * led to a quarantine is counted again instead of written anew. The device
 * is quarantined if quarantine, or when that count reaches
 * quarantine_after (> 0); then the next alarm starts a new row. *count
 * (may be NULL) is the alarm's count, *quarantined whether this call
 * quarantined the device; both 0 when the alarm could not be recorded
 * (it is logged).
 */
void		 pg_alarm(struct pg_conn *, const char *device_id,
		    const char *addr, const char *kind, int64_t seq,
		    const char *detail, bool quarantine, int64_t window_s,
		    int64_t quarantine_after, int64_t *count,
		    bool *quarantined);
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

/*
 * ingest.c: one request each; status is the HTTP status to answer, and
 * *retry_s (enrolment) the seconds for a Retry-After, or 0.
 */
void		 ingest_batch(struct srv *, const struct srv_device *,
		    const struct srv_req *, const char *json, size_t len,
		    struct proto_reply *, int *status);
void		 ingest_head(struct srv *, const struct srv_device *,
		    struct proto_reply *, int *status);
void		 ingest_enrol(struct srv *, const struct srv_req *,
		    const char *json, size_t len, struct proto_reply *,
		    int *status, int64_t *retry_s);
/*
 * Whether json[len] holds a string escape of NUL (\u0000): cJSON would
 * end the string there and drop the rest, so what was sent would differ
 * from what is checked and stored (docs/sync-protocol.md §4).
 */
bool		 ingest_has_nul(const char *json, size_t len);
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
/*
 * Serves until SIGTERM or SIGINT: one thread per connection (a request
 * waiting on PostgreSQL holds only its own), at most
 * s->lim.max_connections of them, each under the deadlines of s->lim.
 */
int		 http_serve(struct srv *, const struct http_opts *);
/* True when the peer of socket fd has hung up (fd -1: never). */
bool		 http_client_gone(int fd);

#endif
