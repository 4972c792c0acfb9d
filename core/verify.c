/* SPDX-License-Identifier: ISC */
/*
 * What ntt-pos verify checks besides the chain (docs/ledger.md §What
 * verify checks): the tables derived from the journal, rebuilt by a
 * replay into a scratch ledger through the writer's own projection
 * and compared with the file's; the outside anchors a cut tail cannot
 * fake (the province's signed acknowledgement in sync_state, printed
 * receipt codes); and the -open marker of an unclean shutdown whose -wal
 * vanished.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "ledger-int.h"

/* Scratch entries per transaction: few commits, little memory. */
#define VERIFY_BATCH	10000

struct verify_replay {
	struct db	*scratch;	/* owned */
	int64_t		 n;		/* entries replayed */
	int64_t		 in_batch;	/* of them in the open batch */
	char		*why;		/* owned: why an entry failed */
};

static enum pos_rc
verify_replay_one(const struct entry *e, void *arg)
{
	struct verify_replay *r = arg;
	char	*why = NULL;
	enum pos_rc rc;

	if (r->in_batch == VERIFY_BATCH) {
		if ((rc = db_verify_commit(r->scratch, &r->why)) != POS_OK ||
		    (rc = db_verify_begin(r->scratch, &r->why)) != POS_OK)
			return rc;
		r->in_batch = 0;
	}
	/* The writer's own projection, its derived part (db/db-project.c):
	 * what is rebuilt here is by construction what was written. */
	rc = db_project(r->scratch, e, DB_PROJECT_DERIVED, &why);
	if (rc != POS_OK) {
		cause_set(&r->why, POS_ECORRUPT, "entri %" PRId64 " tidak bisa "
		    "diputar ulang: %s", e->seq, why != NULL ? why : "?");
		free(why);
		return POS_ECORRUPT;
	}
	r->n++;
	r->in_batch++;
	return POS_OK;
}

enum pos_rc
verify_replay(struct ledger *l, int64_t *replayed, char **cause)
{
	struct verify_replay r;
	enum pos_rc rc;
	int64_t	 head;
	bool	 snap = false;

	memset(&r, 0, sizeof r);
	if ((rc = db_verify_scratch(&r.scratch, cause)) != POS_OK)
		return rc;
	if ((rc = db_verify_begin(r.scratch, cause)) != POS_OK)
		goto out;
	if ((head = db_journal_count(l->db)) < 0) {
		rc = cause_set(cause, POS_EDB, "Kepala jurnal tidak terbaca");
		goto out;
	}
	/* Up to the head of now, in the journal's short transactions ... */
	if (head > 0 && (rc = db_journal_foreach(l->db, 1, head,
	    verify_replay_one, &r, cause)) != POS_OK)
		goto out;
	/* ... then what came since, and the tables, in one snapshot. */
	if ((rc = db_verify_begin(l->db, cause)) != POS_OK)
		goto out;
	snap = true;
	if ((rc = db_journal_foreach(l->db, r.n + 1, 0, verify_replay_one,
	    &r, cause)) != POS_OK)
		goto out;
	if ((rc = db_verify_commit(r.scratch, cause)) != POS_OK)
		goto out;
	rc = db_verify_compare(l->db, r.scratch, cause);
out:
	if (rc != POS_OK && r.why != NULL)
		cause_set(cause, rc, "%s", r.why);
	if (snap)
		db_verify_commit(l->db, NULL);
	db_close(r.scratch);
	free(r.why);
	if (rc == POS_OK && replayed != NULL)
		*replayed = r.n;
	return rc;
}

enum pos_rc
verify_acked(struct ledger *l, const uint8_t *server_pk, char **cause)
{
	struct sync_state s;
	struct outbox_ack a;
	struct entry *e = NULL;
	uint8_t	 hash[ENTRY_HASH_LEN];
	int64_t	 head;
	enum pos_rc rc;

	if ((rc = db_sync_get(l->db, &s, cause)) != POS_OK)
		return rc;
	if (s.acked_seq == 0)
		return POS_OK;
	if (server_pk != NULL) {
		memset(&a, 0, sizeof a);
		snprintf(a.device_id, sizeof a.device_id, "%s",
		    l->dev.device_id);
		a.acked_seq = s.acked_seq;
		memcpy(a.head_hash, s.acked_hash, sizeof a.head_hash);
		a.server_time_ms = s.server_time_ms;
		memcpy(a.sig, s.server_sig, sizeof a.sig);
		if (!outbox_ack_sig_ok(&a, server_pk))
			return cause_set(cause, POS_ECORRUPT, "tanda terima "
			    "provinsi di sync_state (sampai entri %" PRId64 ") "
			    "tidak ditandatangani kunci server itu",
			    s.acked_seq);
	}
	if ((rc = db_journal_head(l->db, &head, hash, cause)) != POS_OK)
		return rc;
	if (head < s.acked_seq)
		return cause_set(cause, POS_ECORRUPT, "ledger lebih pendek "
		    "dari yang sudah diakui provinsi: provinsi menerima sampai "
		    "entri %" PRId64 " (sync_state), ledger berakhir di entri "
		    "%" PRId64 ": entri %" PRId64 "-%" PRId64 " hilang dari "
		    "ledger ini", s.acked_seq, head, head + 1, s.acked_seq);
	if ((rc = db_journal_get(l->db, s.acked_seq, &e, cause)) != POS_OK)
		return rc;
	if (sodium_memcmp(e->hash, s.acked_hash, ENTRY_HASH_LEN) != 0)
		rc = cause_set(cause, POS_ECORRUPT, "entri %" PRId64 " berbeda "
		    "dari yang sudah diakui provinsi (hash di sync_state)",
		    s.acked_seq);
	entry_free(e);
	return rc;
}

enum pos_rc
verify_receipt(struct ledger *l, const char *text, char **cause)
{
	struct rcode r;
	char	 number[RCODE_NUMBER_MAX];
	int64_t	 head;
	enum pos_rc rc;

	if ((rc = rcode_verify(text, l->dev.pk, &r, cause)) != POS_OK)
		return rc;
	if ((head = db_journal_count(l->db)) < 0)
		return cause_set(cause, POS_EDB, "Kepala jurnal tidak terbaca");
	if (r.seq > head)
		return cause_set(cause, POS_ECORRUPT, "ledger lebih pendek "
		    "dari struk yang sudah dicetak: struk %s sah "
		    "(ditandatangani kunci perangkat ini), tetapi ledger "
		    "berakhir di entri %" PRId64, rcode_number(r.device_id,
		    r.seq, number), head);
	return ledger_receipt_check(l, text, NULL, cause);
}

enum pos_rc
verify_shutdown(struct ledger *l, char **cause)
{
	int64_t	 at;
	char	 when[17];

	if (!db_wal_lost(l->db, &at))
		return POS_OK;
	clock_wita_fmt(at, when);
	return cause_set(cause, POS_ECORRUPT, "entri terakhir hilang: jurnal "
	    "%s lebih pendek dari yang pernah tersimpan (-wal-nya hilang "
	    "setelah mati mendadak, atau berkas lama dipasang lagi; terlihat "
	    "%s WITA). Bandingkan dengan kantor provinsi dan struk tercetak "
	    "(ntt-pos verify --receipt KODE)", db_path(l->db), when);
}
