/* SPDX-License-Identifier: ISC */
/*
 * The sync wire codec, protocol version PROTO_VERSION: journal entries and
 * batches, the server's replies (acknowledgement or error), enrolment, and
 * gzip bodies. The one cJSON user (docs/STYLE.md §Outside input); both ntt-sync
 * and ntt-server link it as libnttproto. docs/sync-protocol.md is the
 * contract; this file is its one implementation.
 *
 * Integers cross the wire as JSON numbers and are checked on decode to be
 * whole and within +-(2^53 - 1), where a double is exact. Hashes, keys and
 * signatures are lower-case hex. Decoders are strict: a missing, repeated
 * or unknown member, a wrong type or a bad hex string is refused with
 * POS_EINVAL and a cause for a person.
 */
#ifndef NTT_PROTO_H
#define NTT_PROTO_H

#include "entry.h"
#include "outbox.h"
#include "util.h"

#define PROTO_VERSION		1
#define PROTO_PATH_BATCH	"/v1/batch"
#define PROTO_PATH_ENROL	"/v1/enrol"
#define PROTO_PATH_HEAD		"/v1/head"
#define PROTO_MAX_BODY		(1024 * 1024)	/* request bytes, as sent */
#define PROTO_MAX_JSON		(16 * 1024 * 1024)	/* after gunzip */
#define PROTO_MAX_REPLY		(64 * 1024)	/* reply bytes */
#define PROTO_MAX_ENTRIES	1000		/* entries in one batch */
#define PROTO_TOKEN_LEN		64		/* hex digits of a credential */
#define PROTO_CODE_MAX		64		/* bytes of an enrolment code */
#define PROTO_MESSAGE_MAX	512

/*
 * A batch is written in three steps into b (capped by the caller):
 * proto_batch_open, proto_batch_add for each entry with its index in the
 * batch, proto_batch_close. Failures show in b->failed (buf.h).
 */
void		 proto_batch_open(struct buf *b, const char *device_id);
void		 proto_batch_add(struct buf *b, const struct entry *,
		    size_t index);
void		 proto_batch_close(struct buf *b);
/* One entry as a JSON object, appended to b. */
void		 proto_entry_json(struct buf *b, const struct entry *);

struct proto_batch {
	char		 device_id[OUTBOX_ID_MAX];
	struct entry	**entries;	/* owned, n of them */
	size_t		 n;
};
/*
 * Decodes a batch from json[len] (json[len] must be NUL, as struct buf
 * keeps it). On success *out owns the entries (proto_batch_free). The
 * entries are decoded, not checked: the caller runs entry_check and
 * entry_verify.
 */
enum pos_rc	 proto_batch_decode(const char *json, size_t len,
		    struct proto_batch *out, char **cause);
void		 proto_batch_free(struct proto_batch *);
/* Decodes one entry object; *out is the caller's (entry_free). */
enum pos_rc	 proto_entry_decode(const char *json, size_t len,
		    struct entry **out, char **cause);

/*
 * Every reply of the server: an error (error is not "") with a message in
 * plain words, and/or a signed acknowledgement of the device's head, and
 * for enrolment the credential and the server key.
 */
struct proto_reply {
	char		 error[32];	/* "gap", "fork", ... or "" */
	char		 message[PROTO_MESSAGE_MAX];
	bool		 has_ack;
	struct outbox_ack ack;
	int64_t		 stored;	/* entries new in this batch */
	int64_t		 duplicates;	/* entries the server already had */
	char		 token[PROTO_TOKEN_LEN + 1];	/* enrolment, or "" */
	bool		 has_server_key;
	uint8_t		 server_key[ENTRY_PK_LEN];	/* enrolment */
};
void		 proto_reply_json(struct buf *b, const struct proto_reply *);
enum pos_rc	 proto_reply_decode(const char *json, size_t len,
		    struct proto_reply *out, char **cause);

/* An enrolment request: the device introduces its ledger key. */
struct proto_enrol {
	char	 outlet_id[OUTBOX_ID_MAX];
	char	 device_id[OUTBOX_ID_MAX];
	uint8_t	 public_key[ENTRY_PK_LEN];
	char	 code[PROTO_CODE_MAX];	/* the one-time code */
};
void		 proto_enrol_json(struct buf *b, const struct proto_enrol *);
enum pos_rc	 proto_enrol_decode(const char *json, size_t len,
		    struct proto_enrol *out, char **cause);

/*
 * gzip (RFC 1952) of in[len] at level 1-9 into out, which the caller has
 * buf_init'ed. proto_gunzip refuses anything but one whole gzip member
 * and stops at out's cap (POS_EFULL), so a small bomb cannot grow large.
 */
enum pos_rc	 proto_gzip(const void *in, size_t len, int level,
		    struct buf *out, char **cause);
enum pos_rc	 proto_gunzip(const void *in, size_t len, struct buf *out,
		    char **cause);

/* A JSON string literal of s (quoted, escaped), appended to b. */
void		 proto_json_str(struct buf *b, const char *s);
/* True for an id of 1-31 bytes of A-Z 0-9 '-' (outlet and device ids). */
bool		 proto_id_ok(const char *s);

#endif
