/* SPDX-License-Identifier: ISC */
/*
 * ntt-sync: pushes an outlet's journal to the provincial server. config.c
 * reads the strict config file, net.c is the only libcurl user (TLS set up
 * as docs/requirements.md R4.2 asks), push.c is the outbox loop. The rules
 * (what to send, backoff, ack checks) are in rules/outbox.c; the wire
 * format in proto.c. docs/sync-protocol.md, docs/sync-install.md.
 */
#ifndef NTT_SYNC_H
#define NTT_SYNC_H

#include <signal.h>

#include "core.h"
#include "proto.h"

/* config.c */
struct sync_config {
	char		*ledger;	/* the outlet's ledger file */
	char		*server;	/* "https://host[:port]", no final / */
	char		*ca_file;	/* the province CA, PEM */
	char		*pin;		/* "sha256//..;sha256//..", or NULL */
	uint8_t		 server_key[ENTRY_PK_LEN];	/* signs the acks */
	uint8_t		 server_key_next[ENTRY_PK_LEN];	/* the one after a
							   rotation */
	bool		 has_key_next;	/* server_key_next was given */
	char		*token_file;	/* the device credential */
	char		*lock_file;	/* default "<ledger>.sync.lock" */
	struct outbox_policy policy;
	long		 connect_timeout_s;
	long		 stall_time_s;	/* give up below stall_bytes/s */
	long		 stall_bytes;
	long		 interval_s;	/* idle poll when nothing is pending */
	int		 gzip_level;
};
/*
 * Reads path strictly: "key = value" lines, # comments, every key known
 * and given once, every value in range, the required keys present. On
 * failure a cause naming the line; nothing in *out to free.
 */
enum pos_rc	 config_load(const char *path, struct sync_config *out,
		    char **cause);
void		 config_free(struct sync_config *);
/*
 * The configured acknowledgement key that signed ack: server_key, or
 * server_key_next while the province rotates its key; server_key when
 * neither did, so that the check which follows says why it fails.
 * Borrowed from the config.
 */
const uint8_t	*config_ack_key(const struct sync_config *,
		    const struct outbox_ack *);

/* net.c */
struct net;
/*
 * A libcurl handle set up once: https only, the province CA and no other,
 * peer and host verification, optional key pin, no redirects, stall
 * timeouts rather than a total timeout. with_token reads the credential
 * (refusing a file others can read). stop, when it becomes non-zero,
 * aborts a transfer in progress. The credential is read again before a
 * request whenever its file has changed (another file, or new content).
 */
enum pos_rc	 net_open(const struct sync_config *, bool with_token,
		    volatile sig_atomic_t *stop, struct net **out,
		    char **cause);
void		 net_close(struct net *);
/* Whether the credential file changed since it was read (a new enrolment). */
bool		 net_token_changed(struct net *);
/*
 * POSTs body (gzip-compressed when gzip) to the server's path, or GETs it
 * when body is NULL. *status is the HTTP status, 0 when no answer came (a
 * cause then says why in plain words); reply gets the body (capped).
 */
enum pos_rc	 net_request(struct net *, const char *path,
		    const void *body, size_t len, bool gzip, long *status,
		    struct buf *reply, char **cause);

/* push.c */
enum push_step {
	PUSH_IDLE,	/* nothing pending */
	PUSH_PROGRESS,	/* a batch was acknowledged (or resend point moved) */
	PUSH_FAILED,	/* recorded in sync_state; wait until next_try */
};
struct push {
	const struct sync_config *cf;
	struct ledger	*l;
	struct net	*net;
	struct ledger_note *note;	/* beside the ledger, or NULL */
	struct sync_state st;		/* as last written */
	int64_t		 max_entries;	/* shrinks after 413 */
	int64_t		 last_rewind;	/* guards against a rewind loop */
	bool		 said_next;	/* logged that acks use the next key */
	bool		 unsaved;	/* the last sync_state write failed */
	volatile sig_atomic_t *stop;
};
/* Pushes one batch if any is pending, and records the outcome. */
enum push_step	 push_step(struct push *);
/*
 * Asks the server for its signed head of this device and records it when
 * it differs and checks out: acknowledged entries are not sent again
 * after a lost reply, and entries a restored server lost are sent again.
 */
enum push_step	 push_check_head(struct push *);

#endif
