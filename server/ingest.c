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

bool
ingest_has_nul(const char *json, size_t len)
{
	size_t	 i;

	/* A backslash is only ever inside a string: skip what it escapes. */
	for (i = 0; i + 1 < len; i++) {
		if (json[i] != '\\')
			continue;
		if (json[i + 1] == 'u' && i + 5 < len &&
		    memcmp(json + i + 2, "0000", 4) == 0)
			return true;
		i++;
	}
	return false;
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

/*
 * An alarm about the device that sent the request, counted with the ones
 * before it; past quarantine_after of a kind the device is quarantined
 * and r says so.
 */
static void
ingest_alarm(struct srv *s, struct pg_conn *pc, const struct srv_device *dev,
    const struct srv_req *q, const char *kind, int64_t seq,
    const char *detail, bool quarantine, struct proto_reply *r)
{
	bool	 q_now = false;

	pg_alarm(pc, dev->device_id, q->addr, kind, seq, detail, quarantine,
	    s->lim.alarm_window, s->lim.quarantine_after, NULL, &q_now);
	if (q_now && !quarantine && r != NULL) {
		snprintf(r->message + strlen(r->message),
		    sizeof r->message - strlen(r->message), "; terlalu sering: "
		    "perangkat dikarantina, hubungi kantor provinsi");
		log_warnx("device %s quarantined after repeated %s",
		    dev->device_id, kind);
	}
}

/* A quarantined device is refused before any work (and its head sent). */
static void
ingest_quarantined(struct srv *s, const struct srv_device *dev,
    struct pg_conn *pc, struct proto_reply *r, int *status)
{
	struct srv_head h;

	ingest_error(r, "quarantined", "Perangkat %s dikarantina; kantor "
	    "provinsi harus memeriksanya", dev->device_id);
	*status = 409;
	if (pc != NULL && pg_head(pc, dev->device_id, &h, NULL) == POS_OK)
		ingest_ack(s, dev->device_id, &h, r);
}

void
ingest_batch(struct srv *s, const struct srv_device *dev,
    const struct srv_req *q, const char *json, size_t len,
    struct proto_reply *r, int *status)
{
	struct proto_batch b;
	struct pg_conn *pc = NULL;
	struct srv_head h;
	uint8_t	(*stored)[ENTRY_HASH_LEN] = NULL;
	char	*cause = NULL, *arr = NULL, turn[OUTBOX_ID_MAX + 2];
	int64_t	 first, last, upto, inserted, bad_seq, fork_seq;
	size_t	 k;
	bool	 alarm, in_tx = false, has_turn = false;

	memset(&b, 0, sizeof b);
	if (dev->quarantined) {
		pc = pg_get(s->pool, NULL);
		ingest_quarantined(s, dev, pc, r, status);
		goto out;
	}
	/* What was sent must be what is checked (docs/sync-protocol.md §4). */
	if (ingest_has_nul(json, len)) {
		ingest_error(r, "bad_request", "Teks berisi \\u0000: isi "
		    "setelahnya akan hilang, jadi tidak sama dengan yang "
		    "ditandatangani");
		*status = 400;
		goto out;
	}
	if (proto_batch_decode(json, len, &b, &cause) != POS_OK) {
		ingest_error(r, "bad_request", "%s", cause);
		*status = 400;
		goto out;
	}
	if (!ingest_check(dev, &b, r, status, &alarm, &bad_seq)) {
		if (alarm && (pc = pg_get(s->pool, NULL)) != NULL)
			ingest_alarm(s, pc, dev, q, r->error, bad_seq,
			    r->message, false, r);
		goto out;
	}
	first = b.entries[0]->seq;
	last = b.entries[b.n - 1]->seq;
	/*
	 * One request of a device at work at a time in this server: its
	 * other requests wait here, not in a database session, so a device
	 * stuck behind a row lock holds one session (docs/sync-install.md
	 * §Limits). Instances share the row lock instead.
	 */
	snprintf(turn, sizeof turn, "t:%s", dev->device_id);
	if (rate_turn_take(s->rates, turn, s->lim.pg_wait, q->fd, &cause) !=
	    POS_OK)
		goto unavailable;
	has_turn = true;
	if ((pc = pg_get(s->pool, &cause)) == NULL)
		goto unavailable;
	if (pg_begin(pc, &cause) != POS_OK)
		goto unavailable;
	in_tx = true;
	/* The row lock makes concurrent batches of one device take turns. */
	if (pg_head_lock(pc, dev->device_id, &h, &cause) != POS_OK)
		goto unavailable;
	if (h.quarantined) {
		ingest_error(r, "quarantined", "Perangkat %s dikarantina; "
		    "kantor provinsi harus memeriksanya", dev->device_id);
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
			/*
			 * Only a UUID used by another entry of this same
			 * device does this: UUIDs are unique per device.
			 */
			pg_rollback(pc);
			in_tx = false;
			ingest_error(r, "uuid_conflict", "Sebagian UUID entri "
			    "%lld-%lld sudah dipakai entri lain perangkat ini",
			    (long long)b.entries[k]->seq, (long long)last);
			*status = 409;
			ingest_alarm(s, pc, dev, q, r->error,
			    b.entries[k]->seq, r->message, false, r);
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
	ingest_alarm(s, pc, dev, q, "fork", fork_seq, r->message, true, NULL);
	h.quarantined = true;
	if (pg_head(pc, dev->device_id, &h, NULL) == POS_OK)
		ingest_ack(s, dev->device_id, &h, r);
	goto out;

unavailable:
	log_warnx("batch %s: %s", dev->device_id, cause);
	ingest_error(r, "unavailable", "Server sibuk atau basis data tidak "
	    "siap (%.200s); coba lagi nanti", cause != NULL ? cause : "");
	*status = 503;
out:
	if (in_tx)
		pg_rollback(pc);
	if (pc != NULL)
		pg_put(s->pool, pc);
	if (has_turn)
		rate_turn_give(s->rates, turn);
	proto_batch_free(&b);
	free(stored);
	free(arr);
	free(cause);
}

/*
 * A wrong enrolment code: counted per address and per device the code was
 * tried for (per instance); from enrol_alarm_after on, each one is an
 * alarm, counted, naming the address (and the device, when it is the
 * device's count). Never a quarantine: whoever tries a code for a device
 * is not that device.
 */
static void
ingest_enrol_fail(struct srv *s, struct pg_conn *pc, const struct srv_req *q,
    const struct proto_enrol *e)
{
	char	 key[96], *detail;
	int64_t	 by_addr, by_dev;

	snprintf(key, sizeof key, "fa:%s", q->addr);
	by_addr = rate_fail(s->rates, key, s->lim.alarm_window);
	snprintf(key, sizeof key, "fd:%s", e->device_id);
	by_dev = rate_fail(s->rates, key, s->lim.alarm_window);
	if (by_addr >= s->lim.enrol_alarm_after) {
		detail = xasprintf("%lld kode pendaftaran salah dari alamat %s "
		    "dalam %lld detik (terakhir untuk %s/%s)",
		    (long long)by_addr, q->addr,
		    (long long)s->lim.alarm_window, e->outlet_id,
		    e->device_id);
		pg_alarm(pc, "", q->addr, "enrol_fail", 0, detail, false,
		    s->lim.alarm_window, 0, NULL, NULL);
		free(detail);
	}
	if (by_dev >= s->lim.enrol_alarm_after) {
		detail = xasprintf("%lld kode pendaftaran salah untuk "
		    "perangkat %s dalam %lld detik (terakhir dari %s)",
		    (long long)by_dev, e->device_id,
		    (long long)s->lim.alarm_window, q->addr);
		pg_alarm(pc, e->device_id, q->addr, "enrol_fail", 0, detail,
		    false, s->lim.alarm_window, 0, NULL, NULL);
		free(detail);
	}
}

void
ingest_enrol(struct srv *s, const struct srv_req *q, const char *json,
    size_t len, struct proto_reply *r, int *status, int64_t *retry_s)
{
	struct proto_enrol e;
	struct pg_conn *pc = NULL;
	struct srv_head h;
	uint8_t	 raw[32], code_hash[32], token_hash[32];
	char	*cause = NULL, key[80];
	enum pos_rc rc;
	bool	 in_tx = false;

	memset(&e, 0, sizeof e);
	*retry_s = 0;
	snprintf(key, sizeof key, "e:%s", q->addr);
	if (!rate_take(s->rates, key, s->lim.enrol_per_min,
	    s->lim.enrol_burst, retry_s)) {
		ingest_error(r, "rate_limited", "Terlalu banyak pendaftaran "
		    "dari alamat ini; coba lagi setelah %lld detik",
		    (long long)*retry_s);
		*status = 429;
		goto out;
	}
	if (ingest_has_nul(json, len)) {
		ingest_error(r, "bad_request", "Teks berisi \\u0000");
		*status = 400;
		goto out;
	}
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
		pg_rollback(pc);
		in_tx = false;
		ingest_enrol_fail(s, pc, q, &e);
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
	ingest_error(r, "unavailable", "Server sibuk atau basis data tidak "
	    "siap; coba lagi nanti");
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
