/* SPDX-License-Identifier: ISC */
/*
 * What the server does with a request, apart from HTTP: authenticate the
 * device, check every entry with the outlets' own rules (entry.c), store a
 * batch in one transaction, and answer with a signed acknowledgement of
 * the head. Everything a client can get wrong is answered with a status,
 * an error code and a message in plain words (docs/sync-protocol.md
 * §Errors); nothing is stored unless the whole batch is good.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "clock.h"
#include "server.h"

void
ingest_error(struct proto_reply *r, const char *code, const char *fmt, ...)
{
	va_list	 ap;

	snprintf(r->error, sizeof r->error, "%s", code);
	va_start(ap, fmt);
	vsnprintf(r->message, sizeof r->message, fmt, ap);
	va_end(ap);
}

/* The signed acknowledgement of head, put into r. */
static void
ingest_ack(struct srv *s, const char *device_id, const struct srv_head *h,
    struct proto_reply *r)
{
	memset(&r->ack, 0, sizeof r->ack);
	snprintf(r->ack.device_id, sizeof r->ack.device_id, "%s", device_id);
	r->ack.acked_seq = h->seq;
	memcpy(r->ack.head_hash, h->hash, ENTRY_HASH_LEN);
	r->ack.server_time_ms = clock_now_ms();
	outbox_ack_sign(&r->ack, s->sk);
	r->has_ack = true;
}

void
ingest_code_hash(const char *code, uint8_t out[32])
{
	char	 norm[PROTO_CODE_MAX];
	size_t	 n = 0;

	for (; *code != '\0' && n < sizeof norm - 1; code++)
		if (*code != '-' && *code != ' ')
			norm[n++] = (char)toupper((unsigned char)*code);
	norm[n] = '\0';
	crypto_hash_sha256(out, (const uint8_t *)norm, n);
}

enum pos_rc
ingest_auth(struct srv *s, const char *authz, struct srv_device *out,
    char **cause)
{
	struct pg_conn *pc;
	uint8_t	 th[32];
	enum pos_rc rc;
	const char *tok;

	if (authz == NULL || strncmp(authz, "Bearer ", 7) != 0)
		return cause_set(cause, POS_ENOTFOUND, "Tanpa kredensial "
		    "(Authorization: Bearer ...)");
	tok = authz + 7;
	if (strlen(tok) != PROTO_TOKEN_LEN ||
	    strspn(tok, "0123456789abcdef") != PROTO_TOKEN_LEN)
		return cause_set(cause, POS_ENOTFOUND, "Kredensial tidak "
		    "berbentuk benar");
	/* Stored as SHA-256: a copy of the database holds no credential. */
	crypto_hash_sha256(th, (const uint8_t *)tok, PROTO_TOKEN_LEN);
	if ((pc = pg_get(s->pool, cause)) == NULL)
		return POS_EDB;
	rc = pg_device_by_token(pc, th, out, cause);
	pg_put(s->pool, pc);
	return rc;
}

void
ingest_head(struct srv *s, const struct srv_device *dev,
    struct proto_reply *r, int *status)
{
	struct pg_conn *pc;
	struct srv_head h;
	char	*cause = NULL;

	if ((pc = pg_get(s->pool, &cause)) == NULL ||
	    pg_head(pc, dev->device_id, &h, &cause) != POS_OK) {
		log_warnx("head %s: %s", dev->device_id, cause);
		ingest_error(r, "unavailable", "Basis data server tidak siap; "
		    "coba lagi nanti");
		*status = 503;
	} else {
		ingest_ack(s, dev->device_id, &h, r);
		*status = 200;
	}
	if (pc != NULL)
		pg_put(s->pool, pc);
	free(cause);
}

/* Entries [from, to) of a batch: one thread checks their signatures. */
struct ingest_part {
	const struct proto_batch *b;
	const uint8_t	*pk;
	size_t		 from, to;
	size_t		 bad;		/* first failing index, or to */
	char		*why;		/* owned */
};

static void *
ingest_verify_part(void *arg)
{
	struct ingest_part *p = arg;
	const struct entry *e;

	for (p->bad = p->from; p->bad < p->to; p->bad++) {
		e = p->b->entries[p->bad];
		if (entry_verify(e, e->seq, e->prev_hash, p->pk, &p->why) !=
		    POS_OK)
			break;
	}
	return NULL;
}

/*
 * Every entry's hash and signature, the server's biggest cost (an Ed25519
 * verification is ~65 us): a large batch is split over two threads so
 * one outlet's batch uses both cores. False with the first bad index.
 */
static bool
ingest_verify(const struct proto_batch *b, const uint8_t *pk, size_t *bad,
    char **cause)
{
	struct ingest_part p[2];
	pthread_t th;
	bool	 threaded = false;
	int	 k;

	memset(p, 0, sizeof p);
	p[0].b = p[1].b = b;
	p[0].pk = p[1].pk = pk;
	p[0].to = b->n;
	if (b->n >= 64) {
		p[0].to = p[1].from = b->n / 2;
		p[1].to = b->n;
		threaded = pthread_create(&th, NULL, ingest_verify_part,
		    &p[1]) == 0;
		if (!threaded) {
			p[0].to = b->n;
			p[1].from = p[1].to = 0;
		}
	}
	ingest_verify_part(&p[0]);
	if (threaded)
		pthread_join(th, NULL);
	for (k = 0; k < 2; k++)
		if (p[k].bad < p[k].to) {
			*bad = p[k].bad;
			cause_set(cause, POS_ECORRUPT, "%s", p[k].why);
			break;
		}
	free(p[0].why);
	free(p[1].why);
	return k == 2;
}

/*
 * Checks a decoded batch against the device's key without the database:
 * ownership, form, consecutive sequence, links inside the batch, hash and
 * signature. Sets r and *status and returns false when it is refused;
 * *alarm says whether the refusal is suspicious enough to record.
 */
static bool
ingest_check(const struct srv_device *dev, const struct proto_batch *b,
    struct proto_reply *r, int *status, bool *alarm, int64_t *bad_seq)
{
	const struct entry *e, *prev = NULL;
	uint8_t	 pk[ENTRY_PK_LEN];
	char	*cause = NULL;
	size_t	 i;
	bool	 ok = false;

	*alarm = false;
	*bad_seq = 0;
	if (strcmp(b->device_id, dev->device_id) != 0) {
		ingest_error(r, "forbidden", "Kredensial ini milik perangkat "
		    "%s, bukan %.31s", dev->device_id, b->device_id);
		*status = 403;
		*alarm = true;
		return false;
	}
	for (i = 0; i < b->n; i++, prev = e) {
		e = b->entries[i];
		*bad_seq = e->seq;
		if (strcmp(e->device_id, dev->device_id) != 0 ||
		    strcmp(e->outlet_id, dev->outlet_id) != 0) {
			ingest_error(r, "forbidden", "Entri %lld milik "
			    "perangkat %.31s outlet %.31s; kredensial ini "
			    "hanya untuk %s outlet %s", (long long)e->seq,
			    e->device_id, e->outlet_id, dev->device_id,
			    dev->outlet_id);
			*status = 403;
			*alarm = true;
			goto out;
		}
		if (entry_check(e, &cause) != POS_OK) {
			ingest_error(r, "bad_entry", "Entri %lld: %s",
			    (long long)e->seq, cause);
			*status = 422;
			goto out;
		}
		if (e->seq < 1 || (prev != NULL && e->seq != prev->seq + 1)) {
			ingest_error(r, "not_consecutive", "Entri dalam "
			    "kiriman harus berurutan tanpa celah: %lld "
			    "setelah %lld",
			    (long long)e->seq,
			    (long long)(prev != NULL ? prev->seq : 0));
			*status = 400;
			goto out;
		}
		if (prev != NULL && sodium_memcmp(e->prev_hash, prev->hash,
		    ENTRY_HASH_LEN) != 0) {
			ingest_error(r, "bad_entry", "Entri %lld tidak "
			    "menyambung ke entri %lld (prev_hash)",
			    (long long)e->seq, (long long)prev->seq);
			*status = 422;
			*alarm = true;
			goto out;
		}
		if (e->seq == 1 && (strcmp(e->kind, ENTRY_DEVICE) != 0 ||
		    !sodium_is_zero(e->prev_hash, ENTRY_HASH_LEN) ||
		    e->nlines < 1 ||
		    strcmp(e->lines[0].code, "public_key") != 0 ||
		    hex_decode(e->lines[0].text, pk, sizeof pk) != 0 ||
		    sodium_memcmp(pk, dev->pk, sizeof pk) != 0)) {
			ingest_error(r, "bad_entry", "Entri 1 bukan entri "
			    "genesis dengan kunci perangkat yang terdaftar");
			*status = 422;
			*alarm = true;
			goto out;
		}
	}
	/* R4.4: hash and signature under the enrolled ledger key. */
	if (!ingest_verify(b, dev->pk, &i, &cause)) {
		*bad_seq = b->entries[i]->seq;
		ingest_error(r, "bad_entry", "%s", cause);
		*status = 422;
		*alarm = true;
		goto out;
	}
	ok = true;
out:
	free(cause);
	return ok;
}

/* The new entries as one JSON array, as they were checked. */
static char *
ingest_json(const struct proto_batch *b, size_t from)
{
	struct buf j;
	size_t	 i;

	buf_init(&j, (size_t)PROTO_MAX_JSON * 2);
	buf_addbyte(&j, '[');
	for (i = from; i < b->n; i++) {
		if (i > from)
			buf_addbyte(&j, ',');
		proto_entry_json(&j, b->entries[i]);
	}
	buf_addbyte(&j, ']');
	return buf_take(&j, NULL);
}

void
ingest_batch(struct srv *s, const struct srv_device *dev, const char *json,
    size_t len, struct proto_reply *r, int *status)
{
	struct proto_batch b;
	struct pg_conn *pc = NULL;
	struct srv_head h;
	uint8_t	(*stored)[ENTRY_HASH_LEN] = NULL;
	char	*cause = NULL, *arr = NULL;
	int64_t	 first, last, upto, inserted, bad_seq, fork_seq;
	size_t	 k;
	bool	 alarm, in_tx = false;

	if (proto_batch_decode(json, len, &b, &cause) != POS_OK) {
		ingest_error(r, "bad_request", "%s", cause);
		*status = 400;
		free(cause);
		return;
	}
	if (!ingest_check(dev, &b, r, status, &alarm, &bad_seq)) {
		if (alarm && (pc = pg_get(s->pool, NULL)) != NULL)
			pg_alarm(pc, dev->device_id, r->error, bad_seq,
			    r->message, false);
		goto out;
	}
	first = b.entries[0]->seq;
	last = b.entries[b.n - 1]->seq;
	if ((pc = pg_get(s->pool, &cause)) == NULL)
		goto unavailable;
	if (pg_begin(pc, &cause) != POS_OK)
		goto unavailable;
	in_tx = true;
	/* The row lock makes concurrent batches of one device take turns. */
	if (pg_head_lock(pc, dev->device_id, &h, &cause) != POS_OK)
		goto unavailable;
	if (h.quarantined) {
		ingest_error(r, "quarantined", "Perangkat %s dikarantina "
		    "setelah rantai bercabang; kantor provinsi harus "
		    "memeriksanya", dev->device_id);
		*status = 409;
		ingest_ack(s, dev->device_id, &h, r);
		goto out;
	}
	if (first > h.seq + 1) {
		ingest_error(r, "gap", "Server punya entri sampai %lld; kirim "
		    "mulai %lld, bukan %lld", (long long)h.seq,
		    (long long)(h.seq + 1), (long long)first);
		*status = 409;
		ingest_ack(s, dev->device_id, &h, r);
		goto out;
	}
	/* Entries the server already has must be the very same entries. */
	k = 0;
	if (first <= h.seq) {
		upto = last < h.seq ? last : h.seq;
		stored = xcalloc((size_t)(upto - first + 1), sizeof *stored);
		if (pg_hashes(pc, dev->device_id, first, upto, stored,
		    &cause) != POS_OK)
			goto unavailable;
		for (k = 0; k < (size_t)(upto - first + 1); k++)
			if (sodium_memcmp(stored[k], b.entries[k]->hash,
			    ENTRY_HASH_LEN) != 0) {
				fork_seq = b.entries[k]->seq;
				goto fork;
			}
	}
	if (k < b.n) {
		if (sodium_memcmp(b.entries[k]->prev_hash, h.hash,
		    ENTRY_HASH_LEN) != 0) {
			fork_seq = h.seq;	/* its predecessor differs */
			goto fork;
		}
		arr = ingest_json(&b, k);
		if (arr == NULL || pg_insert(pc, dev->device_id, b.entries + k,
		    b.n - k, arr, &inserted, &cause) != POS_OK)
			goto unavailable;
		if (inserted != (int64_t)(b.n - k)) {
			/* Only a UUID used by another entry does this. */
			pg_rollback(pc);
			in_tx = false;
			ingest_error(r, "uuid_conflict", "Sebagian UUID entri "
			    "%lld-%lld sudah dipakai entri lain di server",
			    (long long)b.entries[k]->seq, (long long)last);
			*status = 409;
			pg_alarm(pc, dev->device_id, r->error,
			    b.entries[k]->seq, r->message, false);
			goto out;
		}
		h.seq = last;
		memcpy(h.hash, b.entries[b.n - 1]->hash, ENTRY_HASH_LEN);
	}
	if (pg_head_set(pc, dev->device_id, h.seq, h.hash, &cause) != POS_OK ||
	    pg_commit(pc, &cause) != POS_OK)
		goto unavailable;
	in_tx = false;
	ingest_ack(s, dev->device_id, &h, r);
	r->stored = (int64_t)(b.n - k);
	r->duplicates = (int64_t)k;
	*status = 200;
	goto out;

fork:
	pg_rollback(pc);
	in_tx = false;
	ingest_error(r, "fork", "Entri %lld perangkat %s berbeda dengan yang "
	    "sudah diterima server: rantai bercabang (cadangan lama atau "
	    "ledger diubah); perangkat dikarantina, hubungi kantor provinsi",
	    (long long)fork_seq, dev->device_id);
	*status = 409;
	pg_alarm(pc, dev->device_id, "fork", fork_seq, r->message, true);
	h.quarantined = true;
	if (pg_head(pc, dev->device_id, &h, NULL) == POS_OK)
		ingest_ack(s, dev->device_id, &h, r);
	goto out;

unavailable:
	log_warnx("batch %s: %s", dev->device_id, cause);
	ingest_error(r, "unavailable", "Basis data server tidak siap; "
	    "coba lagi nanti");
	*status = 503;
out:
	if (in_tx)
		pg_rollback(pc);
	if (pc != NULL)
		pg_put(s->pool, pc);
	proto_batch_free(&b);
	free(stored);
	free(arr);
	free(cause);
}

void
ingest_enrol(struct srv *s, const char *json, size_t len,
    struct proto_reply *r, int *status)
{
	struct proto_enrol e;
	struct pg_conn *pc = NULL;
	struct srv_head h;
	uint8_t	 raw[32], code_hash[32], token_hash[32];
	char	*cause = NULL;
	enum pos_rc rc;
	bool	 in_tx = false;

	if (proto_enrol_decode(json, len, &e, &cause) != POS_OK) {
		ingest_error(r, "bad_request", "%s", cause);
		*status = 400;
		goto out;
	}
	ingest_code_hash(e.code, code_hash);
	randombytes_buf(raw, sizeof raw);
	hex_encode(raw, sizeof raw, r->token);
	crypto_hash_sha256(token_hash, (const uint8_t *)r->token,
	    PROTO_TOKEN_LEN);
	if ((pc = pg_get(s->pool, &cause)) == NULL ||
	    pg_begin(pc, &cause) != POS_OK)
		goto unavailable;
	in_tx = true;
	rc = pg_code_use(pc, code_hash, e.outlet_id, e.device_id, &cause);
	if (rc == POS_ENOTFOUND) {
		ingest_error(r, "bad_code", "%s", cause);
		*status = 403;
		goto out;
	}
	if (rc != POS_OK)
		goto unavailable;
	rc = pg_device_enrol(pc, e.outlet_id, e.device_id, e.public_key,
	    token_hash, &cause);
	if (rc == POS_ESTATE) {
		ingest_error(r, "already_enrolled", "%s", cause);
		*status = 409;
		goto out;
	}
	if (rc != POS_OK || pg_head(pc, e.device_id, &h, &cause) != POS_OK ||
	    pg_commit(pc, &cause) != POS_OK)
		goto unavailable;
	in_tx = false;
	log_info("enrolled device %s of outlet %s", e.device_id, e.outlet_id);
	ingest_ack(s, e.device_id, &h, r);
	memcpy(r->server_key, s->pk, sizeof r->server_key);
	r->has_server_key = true;
	*status = 200;
	goto out;

unavailable:
	log_warnx("enrol %s: %s", e.device_id, cause);
	ingest_error(r, "unavailable", "Basis data server tidak siap; "
	    "coba lagi nanti");
	*status = 503;
out:
	if (*status != 200)
		memset(r->token, 0, sizeof r->token);
	if (in_tx)
		pg_rollback(pc);
	if (pc != NULL)
		pg_put(s->pool, pc);
	sodium_memzero(raw, sizeof raw);
	free(cause);
}
