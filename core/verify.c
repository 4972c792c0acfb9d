/* SPDX-License-Identifier: ISC */
/*
 * What ntt-pos verify checks besides the chain (docs/ledger.md §What
 * verify checks): the tables derived from the journal, rebuilt by a
 * replay into a scratch ledger through the writer's own apply functions
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

/* The text of field name of an event, or NULL. */
static const char *
verify_field(const struct entry *e, const char *name)
{
	size_t	 i;

	for (i = 0; i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "field") == 0 &&
		    strcmp(e->lines[i].code, name) == 0)
			return e->lines[i].text;
	return NULL;
}

/* The genesis entry: the device row, as db_device_init wrote it. */
static enum pos_rc
verify_device(struct db *s, const struct entry *e, char **cause)
{
	struct db_device dev;
	const char *pk = verify_field(e, "public_key");

	memset(&dev, 0, sizeof dev);
	if (e->seq != 1 || pk == NULL ||
	    hex_decode(pk, dev.pk, sizeof dev.pk) != 0)
		return cause_set(cause, POS_ECORRUPT, "entri perangkat yang "
		    "bukan genesis");
	snprintf(dev.outlet_id, sizeof dev.outlet_id, "%s", e->outlet_id);
	snprintf(dev.outlet_name, sizeof dev.outlet_name, "%s", e->note);
	snprintf(dev.device_id, sizeof dev.device_id, "%s", e->device_id);
	memcpy(dev.key_id, e->key_id, sizeof dev.key_id);
	return db_device_apply(s, e, &dev, cause);
}

/* A catalog entry, decoded (catalog.c) and applied as catalog_put_* do. */
static enum pos_rc
verify_catalog(struct db *s, const struct entry *e, char **cause)
{
	struct supplier sup;
	struct product p;
	struct user u;
	struct setting set;
	enum pos_rc rc;

	if (strcmp(e->note, "supplier") == 0) {
		if ((rc = catalog_supplier_decode(e, &sup, cause)) == POS_OK)
			rc = db_catalog_apply_supplier(s, e, &sup, cause);
	} else if (strcmp(e->note, "product") == 0) {
		if ((rc = catalog_product_decode(e, &p, cause)) == POS_OK)
			rc = db_catalog_apply_product(s, e, &p, cause);
	} else if (strcmp(e->note, "user") == 0) {
		/* No hash: a user who is new here gets "", which the
		 * comparison leaves out, as it does every pin_hash. */
		if ((rc = catalog_user_decode(e, &u, NULL, cause)) == POS_OK)
			rc = db_catalog_apply_user(s, e, &u, cause);
	} else if (strcmp(e->note, "setting") == 0) {
		if ((rc = catalog_setting_decode(e, &set, cause)) == POS_OK)
			rc = db_catalog_apply_setting(s, e, &set, cause);
	} else
		rc = cause_set(cause, POS_ECORRUPT, "entri katalog '%s' tidak "
		    "dikenal", e->note);
	return rc;
}

/*
 * The PIN state that events carry (auth.c, counter-session.c): a wrong
 * PIN ("pin.fail", "pin.locked", with the count in field failed) sets it;
 * a good PIN resets it: a login, an approval given or refused for not
 * being a manager (both follow a good PIN of the approver), a manager's
 * own reset, an unlock. The writer resets only when there were failures;
 * a reset without them changes nothing, so the replay resets every time.
 */
static enum pos_rc
verify_event(struct db *s, const struct entry *e, char **cause)
{
	struct db_pin_set ps;
	const char *user = NULL, *failed, *result;
	char	*end;

	memset(&ps, 0, sizeof ps);
	if (strcmp(e->note, "pin.fail") == 0 ||
	    strcmp(e->note, "pin.locked") == 0) {
		user = verify_field(e, "user");
		failed = verify_field(e, "failed");
		if (failed == NULL || *failed == '\0' ||
		    (ps.pin.failed = strtoll(failed, &end, 10)) < 1 ||
		    *end != '\0')
			return cause_set(cause, POS_ECORRUPT, "%s tanpa jumlah "
			    "PIN salah", e->note);
		ps.pin.locked = strcmp(e->note, "pin.locked") == 0;
	} else if (strcmp(e->note, "login") == 0 ||
	    strcmp(e->note, "pin.reset") == 0 ||
	    strcmp(e->note, "pin.unlock") == 0)
		user = verify_field(e, "user");
	else if (strcmp(e->note, "approval") == 0) {
		result = verify_field(e, "result");
		if (result == NULL || (strcmp(result, "disetujui") != 0 &&
		    strcmp(result, "bukan manajer") != 0))
			return POS_OK;
		user = verify_field(e, "approver");
	} else
		return POS_OK;
	if (user == NULL || *user == '\0' || strlen(user) >= sizeof ps.user)
		return cause_set(cause, POS_ECORRUPT, "%s tanpa pengguna",
		    e->note);
	snprintf(ps.user, sizeof ps.user, "%s", user);
	return db_sale_apply_pin(s, e, &ps, cause);
}

/*
 * An entry written at a shell by someone who had typed wrong PINs before
 * clears them in its own write, and says so in "pin.reset" lines (code:
 * the user; core/ledger.c ledger_append_as).
 */
static enum pos_rc
verify_pin_resets(struct db *s, const struct entry *e, char **cause)
{
	struct db_pin_set ps;
	enum pos_rc rc = POS_OK;
	size_t	 i;

	for (i = 0; rc == POS_OK && i < e->nlines; i++) {
		if (strcmp(e->lines[i].type, "pin.reset") != 0)
			continue;
		if (*e->lines[i].code == '\0' ||
		    strlen(e->lines[i].code) >= sizeof ps.user)
			return cause_set(cause, POS_ECORRUPT, "pin.reset tanpa "
			    "pengguna");
		memset(&ps, 0, sizeof ps);
		snprintf(ps.user, sizeof ps.user, "%s", e->lines[i].code);
		rc = db_sale_apply_pin(s, e, &ps, cause);
	}
	return rc;
}

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
	/* In the writer's order: stock, then the entry's own apply. */
	rc = db_journal_stock(r->scratch, e, &why);
	if (rc == POS_OK && strcmp(e->kind, ENTRY_DEVICE) == 0)
		rc = verify_device(r->scratch, e, &why);
	else if (rc == POS_OK && strcmp(e->kind, ENTRY_CATALOG) == 0)
		rc = verify_catalog(r->scratch, e, &why);
	else if (rc == POS_OK && strcmp(e->kind, ENTRY_EVENT) == 0)
		rc = verify_event(r->scratch, e, &why);
	if (rc == POS_OK)
		rc = verify_pin_resets(r->scratch, e, &why);
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
	return cause_set(cause, POS_ECORRUPT, "entri terakhir mungkin hilang: "
	    "ledger %s tidak ditutup dengan bersih dan berkas -wal-nya hilang "
	    "(terlihat %s WITA). Bandingkan dengan kantor provinsi dan struk "
	    "tercetak (ntt-pos verify --receipt KODE)", db_path(l->db), when);
}
