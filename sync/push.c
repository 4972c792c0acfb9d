/* SPDX-License-Identifier: ISC */
/*
 * The outbox loop, one batch per step: read the entries after the
 * acknowledged head (a short read transaction), send them, check the
 * server's signed answer, record it. The journal is never written; the
 * only write is the sync_state row, and the acknowledged head moves only
 * on a signature that checks out against the device's own entries
 * (docs/requirements.md R3.2, R3.5). A failure is recorded in plain words and
 * retried after a backoff with jitter, forever.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "sync.h"

struct push_batch {
	struct buf	 json;		/* the request body */
	int64_t		 from, to;	/* seqs in it */
	int64_t		 count, bytes;
	int64_t		 max_entries;
	uint8_t		 last_hash[ENTRY_HASH_LEN];
	const struct outbox_policy *policy;
	bool		 full;		/* the walk stopped at the bound */
};

static enum pos_rc
push_collect(const struct entry *e, void *arg)
{
	struct push_batch *b = arg;
	struct outbox_policy p = *b->policy;
	struct buf one;

	p.max_entries = b->max_entries;
	buf_init(&one, PROTO_MAX_JSON);
	proto_entry_json(&one, e);
	if (one.failed || !outbox_fits(&p, b->count, b->bytes,
	    (int64_t)one.len)) {
		buf_free(&one);
		b->full = true;
		return POS_EFULL;
	}
	/* proto_batch_add, without encoding the entry twice. */
	if (b->count > 0)
		buf_add(&b->json, ",\n", 2);
	buf_add(&b->json, one.data, one.len);
	b->bytes += (int64_t)one.len;
	buf_free(&one);
	if (b->count++ == 0)
		b->from = e->seq;
	b->to = e->seq;
	memcpy(b->last_hash, e->hash, ENTRY_HASH_LEN);
	return POS_OK;
}

/* Writes st with the counts of now; logs a failure to write. */
static void
push_save(struct push *p, int64_t head)
{
	struct sync_note n;
	struct entry *e = NULL;
	char	*cause = NULL;

	p->st.pending = head > p->st.acked_seq ? head - p->st.acked_seq : 0;
	p->st.oldest_pending_at_ms = 0;
	if (p->st.pending > 0 &&
	    ledger_get(p->l, p->st.acked_seq + 1, &e, NULL) == POS_OK)
		p->st.oldest_pending_at_ms = e->created_at_ms;
	entry_free(e);
	memset(&n, 0, sizeof n);
	n.saved = ledger_sync_put(p->l, &p->st, &cause) == POS_OK;
	p->unsaved = !n.saved;
	if (!n.saved) {
		/*
		 * The server keeps the ack: the next round gets it again.
		 * Meanwhile the note tells the counter (core.h, ledger-note).
		 */
		log_warnx("sync state not saved: %s", cause);
		snprintf(n.why, sizeof n.why, "%s", cause);
		free(cause);
		cause = NULL;
	}
	if (p->note == NULL)
		return;
	n.written_at_ms = clock_now_ms();
	n.pid = (int64_t)getpid();
	n.acked_seq = p->st.acked_seq;
	n.acked_at_ms = p->st.last_ok_at_ms;
	if (ledger_note_put(p->note, &n, &cause) != POS_OK) {
		log_warnx("%s", cause);
		free(cause);
	}
}

static enum push_step
push_fail(struct push *p, enum outbox_action act, int64_t head,
    const char *why)
{
	int64_t	 now = clock_now_ms(), wait;

	p->st.failures++;
	/* A person must look: keep asking, but at the slowest pace. */
	wait = outbox_backoff_ms(&p->cf->policy,
	    act == OUTBOX_HALT ? 64 : p->st.failures, randombytes_random());
	p->st.last_try_at_ms = now;
	p->st.next_try_at_ms = now + wait;
	snprintf(p->st.last_error, sizeof p->st.last_error, "%s", why);
	push_save(p, head);
	log_warnx("sync failed (%lld in a row): %s; next try in %lld s",
	    (long long)p->st.failures, why, (long long)(wait / 1000));
	return PUSH_FAILED;
}

/* The device's hash of entry seq (zeros for 0), for the ack check. */
static void
push_local_hash(struct push *p, const struct push_batch *b, int64_t seq,
    uint8_t out[ENTRY_HASH_LEN])
{
	struct entry *e = NULL;

	memset(out, 0, ENTRY_HASH_LEN);
	if (b != NULL && seq == b->to && b->count > 0)
		memcpy(out, b->last_hash, ENTRY_HASH_LEN);
	else if (seq > 0 && ledger_get(p->l, seq, &e, NULL) == POS_OK)
		memcpy(out, e->hash, ENTRY_HASH_LEN);
	entry_free(e);
}

/*
 * Checks and records a signed head from the server. Returns false with
 * *cause set when it does not check out (nothing recorded); *rcp says why
 * (POS_ECORRUPT: the server holds another chain).
 */
static bool
push_take_ack(struct push *p, const struct push_batch *b,
    const struct outbox_ack *a, int64_t head, enum pos_rc *rcp,
    char **cause)
{
	const uint8_t *key = config_ack_key(p->cf, a);
	uint8_t	 h[ENTRY_HASH_LEN];

	push_local_hash(p, b, a->acked_seq, h);
	if ((*rcp = outbox_ack_check(a, ledger_device_id(p->l), head, h,
	    key, cause)) != POS_OK)
		return false;
	/* Said once per run: the operator moves next to current. */
	if (key != p->cf->server_key && !p->said_next) {
		log_info("the server signs with server_key_next: the "
		    "rotation has happened; make it server_key");
		p->said_next = true;
	}
	if (a->acked_seq < p->st.acked_seq)
		log_warnx("the server holds entries up to %lld only, but had "
		    "acknowledged %lld: sending %lld-%lld again",
		    (long long)a->acked_seq, (long long)p->st.acked_seq,
		    (long long)(a->acked_seq + 1), (long long)p->st.acked_seq);
	p->st.acked_seq = a->acked_seq;
	memcpy(p->st.acked_hash, a->head_hash, ENTRY_HASH_LEN);
	memcpy(p->st.server_sig, a->sig, ENTRY_SIG_LEN);
	p->st.server_time_ms = a->server_time_ms;
	p->st.last_ok_at_ms = p->st.last_try_at_ms = clock_now_ms();
	p->st.next_try_at_ms = 0;
	p->st.failures = 0;
	p->st.last_error[0] = '\0';
	push_save(p, head);
	return true;
}

/* A reply in plain words when the server said nothing we can read. */
static void
push_reply_text(long status, const struct proto_reply *r, char *out,
    size_t size)
{
	/* The server's message is cut to fit the status line's field. */
	if (r->error[0] != '\0')
		snprintf(out, size, "Server menolak (%ld %s): %.200s", status,
		    r->error, r->message);
	else if (status >= 300 && status < 400)
		snprintf(out, size, "Server mengalihkan (HTTP %ld); "
		    "pengalihan tidak diikuti", status);
	else
		snprintf(out, size, "Jawaban server tidak dapat dibaca "
		    "(HTTP %ld)", status);
}

enum push_step
push_step(struct push *p)
{
	struct outbox_policy pol;
	struct push_batch b;
	struct proto_reply r;
	struct buf reply;
	char	 why[OUTBOX_ERROR_MAX + 64];
	char	*cause = NULL;
	uint8_t	 hh[ENTRY_HASH_LEN];
	enum push_step step = PUSH_FAILED;
	enum outbox_action act;
	enum pos_rc rc;
	int64_t	 head, from, to;
	long	 status;
	bool	 decoded;

	memset(&b, 0, sizeof b);
	buf_init(&b.json, PROTO_MAX_JSON);
	buf_init(&reply, PROTO_MAX_REPLY);
	if (ledger_head(p->l, &head, hh, &cause) != POS_OK) {
		step = push_fail(p, OUTBOX_RETRY, p->st.acked_seq, cause);
		goto out;
	}
	b.policy = &p->cf->policy;
	b.max_entries = p->max_entries;
	pol = p->cf->policy;
	pol.max_entries = p->max_entries;
	if (!outbox_next(&pol, p->st.acked_seq, head, &from, &to)) {
		step = PUSH_IDLE;
		/* Idle, a failed save is tried again every interval. */
		if (p->st.pending != 0 || p->st.failures != 0 || p->unsaved)
			push_save(p, head);
		goto out;
	}
	/* At most max_entries (<= 1000): one short read transaction. */
	proto_batch_open(&b.json, ledger_device_id(p->l));
	if (ledger_foreach(p->l, from, to - from + 1, push_collect, &b,
	    &cause) != POS_OK && !b.full) {
		step = push_fail(p, OUTBOX_RETRY, head, cause);
		goto out;
	}
	proto_batch_close(&b.json);
	if (b.count == 0 || b.from != from || b.json.failed) {
		snprintf(why, sizeof why, "Entri %lld tidak dapat dibaca dari "
		    "ledger", (long long)from);
		step = push_fail(p, OUTBOX_HALT, head, why);
		goto out;
	}
	if (net_request(p->net, PROTO_PATH_BATCH, b.json.data, b.json.len,
	    true, &status, &reply, &cause) != POS_OK) {
		/* Stopped by a signal: not a failure to show the cashier. */
		if (p->stop == NULL || !*p->stop)
			step = push_fail(p, OUTBOX_RETRY, head, cause);
		goto out;
	}
	decoded = reply.data != NULL && proto_reply_decode(reply.data,
	    reply.len, &r, NULL) == POS_OK;
	if (!decoded)
		memset(&r, 0, sizeof r);
	act = outbox_classify(status, r.error);
	switch (act) {
	case OUTBOX_ACKED:
		if (!decoded || !r.has_ack) {
			push_reply_text(status, &r, why, sizeof why);
			step = push_fail(p, OUTBOX_RETRY, head, why);
			break;
		}
		if (r.ack.acked_seq < b.to) {
			snprintf(why, sizeof why, "Server mengakui %lld, "
			    "padahal dikirim sampai %lld",
			    (long long)r.ack.acked_seq, (long long)b.to);
			step = push_fail(p, OUTBOX_RETRY, head, why);
			break;
		}
		if (!push_take_ack(p, &b, &r.ack, head, &rc, &cause)) {
			step = push_fail(p, OUTBOX_HALT, head, cause);
			break;
		}
		p->last_rewind = -1;
		log_info("sent %lld-%lld (%lld new, %lld already there), "
		    "acknowledged up to %lld, %lld pending", (long long)b.from,
		    (long long)b.to, (long long)r.stored,
		    (long long)r.duplicates, (long long)p->st.acked_seq,
		    (long long)p->st.pending);
		step = PUSH_PROGRESS;
		break;
	case OUTBOX_REWIND:
		/* The server's signed head says where to resend from. */
		if (!r.has_ack || r.ack.acked_seq >= from - 1 ||
		    r.ack.acked_seq == p->last_rewind) {
			push_reply_text(status, &r, why, sizeof why);
			step = push_fail(p, OUTBOX_RETRY, head, why);
			break;
		}
		if (!push_take_ack(p, NULL, &r.ack, head, &rc, &cause)) {
			step = push_fail(p, OUTBOX_HALT, head, cause);
			break;
		}
		p->last_rewind = r.ack.acked_seq;
		step = PUSH_PROGRESS;
		break;
	case OUTBOX_SHRINK:
		if (b.count > 1) {
			p->max_entries = b.count / 2;
			log_warnx("server refused %lld entries as too large; "
			    "sending at most %lld", (long long)b.count,
			    (long long)p->max_entries);
			step = PUSH_PROGRESS;
			break;
		}
		snprintf(why, sizeof why, "Entri %lld terlalu besar untuk "
		    "server", (long long)from);
		step = push_fail(p, OUTBOX_HALT, head, why);
		break;
	case OUTBOX_RETRY:
	case OUTBOX_HALT:
		push_reply_text(status, &r, why, sizeof why);
		step = push_fail(p, act, head, why);
		break;
	}
out:
	buf_free(&b.json);
	buf_free(&reply);
	free(cause);
	return step;
}

enum push_step
push_check_head(struct push *p)
{
	struct proto_reply r;
	struct buf reply;
	char	 why[OUTBOX_ERROR_MAX + 64];
	char	*cause = NULL;
	uint8_t	 hh[ENTRY_HASH_LEN];
	enum push_step step = PUSH_PROGRESS;
	enum pos_rc rc;
	int64_t	 head;
	long	 status;

	buf_init(&reply, PROTO_MAX_REPLY);
	if (ledger_head(p->l, &head, hh, &cause) != POS_OK) {
		step = push_fail(p, OUTBOX_RETRY, p->st.acked_seq, cause);
		goto out;
	}
	if (net_request(p->net, PROTO_PATH_HEAD, NULL, 0, false, &status,
	    &reply, &cause) != POS_OK) {
		step = push_fail(p, OUTBOX_RETRY, head, cause);
		goto out;
	}
	if (reply.data == NULL || proto_reply_decode(reply.data, reply.len,
	    &r, NULL) != POS_OK)
		memset(&r, 0, sizeof r);
	if (status != 200 || !r.has_ack) {
		push_reply_text(status, &r, why, sizeof why);
		step = push_fail(p, outbox_classify(status, r.error), head,
		    why);
		goto out;
	}
	/* Equal heads need no write; others are checked like any ack. */
	if (r.ack.acked_seq == p->st.acked_seq && memcmp(r.ack.head_hash,
	    p->st.acked_hash, ENTRY_HASH_LEN) == 0)
		goto out;
	if (!push_take_ack(p, NULL, &r.ack, head, &rc, &cause)) {
		/*
		 * Another chain on the server: if entries are pending, send
		 * them so the server sees the fork and raises its alarm
		 * (R3.5); the answer stops us then.
		 */
		if (rc == POS_ECORRUPT && head > p->st.acked_seq)
			log_warnx("%s", cause);
		else
			step = push_fail(p, OUTBOX_HALT, head, cause);
	} else
		log_info("server head for this device: %lld",
		    (long long)r.ack.acked_seq);
out:
	buf_free(&reply);
	free(cause);
	return step;
}
