/* SPDX-License-Identifier: ISC */
/*
 * The sync rules, shared by ntt-sync and ntt-server, with no I/O: which
 * entries go next and how many, how long to wait after a failure, the
 * bytes the server signs in an acknowledgement, and what an
 * acknowledgement must satisfy before the daemon records it. The journal
 * is the outbox (docs/requirements.md R3.2): nothing here changes an entry.
 * docs/sync-protocol.md is the contract.
 */
#ifndef NTT_OUTBOX_H
#define NTT_OUTBOX_H

#include "entry.h"

#define OUTBOX_ID_MAX		32	/* device or outlet id bytes + NUL */
#define OUTBOX_ERROR_MAX	256	/* bytes of last_error + NUL */

/*
 * The ledger's sync_state row: what the daemon knows, and what the
 * cashier's status line shows. Times are UTC ms on the device clock except
 * server_time_ms, which is the server's clock inside the signed ack.
 */
struct sync_state {
	int64_t	 acked_seq;		/* last seq the server acknowledged */
	uint8_t	 acked_hash[ENTRY_HASH_LEN];	/* its hash, zeros for 0 */
	uint8_t	 server_sig[ENTRY_SIG_LEN];	/* the ack's signature */
	int64_t	 server_time_ms;	/* server clock in that ack */
	int64_t	 last_ok_at_ms;		/* last exchange that worked */
	int64_t	 last_try_at_ms;	/* last attempt, good or bad */
	int64_t	 next_try_at_ms;	/* when the daemon tries again */
	int64_t	 failures;		/* failed attempts since last success */
	int64_t	 pending;		/* not acknowledged, at last try */
	int64_t	 oldest_pending_at_ms;	/* created_at of the first, 0: none */
	char	 last_error[OUTBOX_ERROR_MAX];	/* plain words, "" if none */
};

/*
 * The sync daemon's note beside the ledger (core/ledger-note.c): what it
 * holds when it could not write sync_state, for the counter and support.
 */
struct sync_note {
	int64_t	 written_at_ms;		/* device clock */
	int64_t	 pid;			/* the daemon that wrote it */
	int64_t	 acked_seq;		/* the last ack it checked and holds */
	int64_t	 acked_at_ms;		/* when it got that ack, 0: never */
	bool	 saved;			/* sync_state holds acked_seq */
	char	 why[OUTBOX_ERROR_MAX];	/* why sync_state was not written */
};

/* Batch size and retry policy; the daemon's config fills it. */
struct outbox_policy {
	int64_t	 max_entries;		/* entries per batch, >= 1 */
	int64_t	 max_bytes;		/* encoded bytes per batch */
	int64_t	 backoff_min_ms;	/* first wait after a failure */
	int64_t	 backoff_max_ms;	/* the wait never grows past this */
};
#define OUTBOX_DEFAULT_ENTRIES	200
#define OUTBOX_DEFAULT_BYTES	(256 * 1024)

/*
 * The next batch: entries [*from, *to] after acked_seq up to head, at most
 * max_entries. False when nothing is pending.
 */
bool		 outbox_next(const struct outbox_policy *, int64_t acked_seq,
		    int64_t head, int64_t *from, int64_t *to);
/*
 * Whether one more entry of len encoded bytes joins a batch that already
 * holds count entries of bytes in total. The first entry always fits, so a
 * batch is never empty and the outbox never sticks on a large entry.
 */
bool		 outbox_fits(const struct outbox_policy *, int64_t count,
		    int64_t bytes, int64_t len);
/*
 * Milliseconds to wait before the next try after failures consecutive
 * failures (>= 1): exponential from backoff_min_ms, capped at
 * backoff_max_ms, with jitter: a uniform value in [d/2, d] drawn from rnd.
 * Never gives up: there is no last try.
 */
int64_t		 outbox_backoff_ms(const struct outbox_policy *,
		    int64_t failures, uint32_t rnd);

/* The server's acknowledgement of a device's head. */
struct outbox_ack {
	char	 device_id[OUTBOX_ID_MAX];
	int64_t	 acked_seq;		/* the server's head for the device */
	uint8_t	 head_hash[ENTRY_HASH_LEN];	/* hash of that entry */
	int64_t	 server_time_ms;	/* server clock, UTC ms */
	uint8_t	 sig[ENTRY_SIG_LEN];	/* Ed25519 by the server key */
};
/*
 * The signed bytes: "NTT-ACK-1" 0x00, u32be length and bytes of device_id,
 * i64be acked_seq, head_hash, i64be server_time_ms. Returns a newly
 * allocated buffer the caller frees, its length in *lenp.
 */
uint8_t		*outbox_ack_bytes(const struct outbox_ack *, size_t *lenp);
/* Sets ack->sig with the server's secret key. */
void		 outbox_ack_sign(struct outbox_ack *,
		    const uint8_t sk[ENTRY_SK_LEN]);
/* True when ack->sig is the server's signature over the ack. */
bool		 outbox_ack_sig_ok(const struct outbox_ack *,
		    const uint8_t server_pk[ENTRY_PK_LEN]);
/*
 * Checks an acknowledgement before it is recorded: signed by server_pk,
 * for device_id, for an entry the device has (acked_seq <= local_head)
 * and whose local hash is local_hash (the caller reads its own entry
 * acked_seq; zeros when acked_seq is 0). POS_EPROTO for a bad signature
 * or another device, POS_ECORRUPT when the server holds a different chain
 * than the device (a fork: it must be looked at by a person).
 */
enum pos_rc	 outbox_ack_check(const struct outbox_ack *,
		    const char *device_id, int64_t local_head,
		    const uint8_t local_hash[ENTRY_HASH_LEN],
		    const uint8_t server_pk[ENTRY_PK_LEN], char **cause);

/* What the daemon does with the server's answer to a batch. */
enum outbox_action {
	OUTBOX_ACKED,	/* 200: record the ack, send the next batch now */
	OUTBOX_REWIND,	/* gap: record the server's signed head, resend */
	OUTBOX_SHRINK,	/* 413: halve the batch, send again now */
	OUTBOX_RETRY,	/* network, 5xx, 429: back off and try again */
	OUTBOX_HALT,	/* fork, credential, refused entry: a person must
			   look; keep trying at the longest backoff */
};
/*
 * Classifies an answer: http_status 0 means no answer (network), code is
 * the "error" member of the body or "" when there is none.
 */
enum outbox_action outbox_classify(long http_status, const char *code);

#endif
