/* SPDX-License-Identifier: ISC */
/*
 * The ledger as the programs see it: a database plus the device key that
 * signs every entry. Opening with the key check, appending, and the
 * chain verifier (docs/requirements.md R2.3); creation is in ledger-create.c.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "ledger-int.h"

const char *
ledger_outlet_id(const struct ledger *l)
{
	return l->dev.outlet_id;
}

const char *
ledger_outlet_name(const struct ledger *l)
{
	return l->dev.outlet_name;
}

const char *
ledger_device_id(const struct ledger *l)
{
	return l->dev.device_id;
}

const char *
ledger_key_id(const struct ledger *l)
{
	return l->dev.key_id;
}

enum pos_rc
ledger_open(const char *db_path, const char *key_path, int flags,
    const char *vfs, struct ledger **out, char **cause)
{
	struct ledger *l;
	char	*kpath = NULL;
	enum pos_rc rc;

	if (sodium_init() < 0)
		return cause_set(cause, POS_ESTATE, "libsodium tidak siap");
	l = xcalloc(1, sizeof *l);
	rc = db_open(db_path, ((flags & LEDGER_READONLY) ? DB_READONLY : 0) |
	    ((flags & LEDGER_CHECK) ? DB_CHECK : 0),
	    vfs, &l->db, cause);
	if (rc == POS_OK)
		rc = db_device_get(l->db, &l->dev, cause);
	if (rc == POS_OK)
		gate_install(l);
	if (rc != POS_OK || (flags & (LEDGER_READONLY | LEDGER_SYNC)))
		goto out;
	kpath = key_path != NULL ? xstrdup(key_path) :
	    devkey_path_for(db_path);
	/* Missing: perhaps an init was killed before it was in place. */
	if ((rc = devkey_load(kpath, &l->key, cause)) == POS_ENOTFOUND &&
	    (rc = ledger_create_finish(db_path, kpath, l->dev.pk, &l->key,
	    cause)) == POS_OK && cause != NULL) {
		free(*cause);	/* "not found" no more */
		*cause = NULL;
	}
	if (rc != POS_OK)
		goto out;
	l->have_key = true;
	if (sodium_memcmp(l->key.pk, l->dev.pk, ENTRY_PK_LEN) != 0)
		rc = cause_set(cause, POS_ESTATE, "Kunci %s bukan kunci "
		    "perangkat %s", kpath, l->dev.device_id);
out:
	free(kpath);
	if (rc != POS_OK) {
		ledger_close(l);
		return rc;
	}
	*out = l;
	return POS_OK;
}

void
ledger_close(struct ledger *l)
{
	if (l == NULL)
		return;
	db_close(l->db);
	devkey_wipe(&l->key);
	free(l);
}

enum pos_rc
ledger_append_apply(struct ledger *l, struct entry *e,
    const struct db_apply *apply, char **cause)
{
	if (!l->have_key)
		return cause_set(cause, POS_ESTATE, "Ledger dibuka tanpa "
		    "kunci perangkat: tidak bisa menulis");
	return db_journal_append(l->db, e, l->key.sk, apply, cause);
}

enum pos_rc
ledger_append_as(struct ledger *l, struct entry *e, enum role_act act,
    const struct actor *a, const struct db_apply *apply, char **cause)
{
	struct entry_line *li;

	role_stamp(e, a, act);
	/* The reset is in the entry, so a replay of the journal makes the
	 * same PIN state (core/verify.c). */
	if (a->reset) {
		li = entry_add(e, "pin.reset");
		entry_set(&li->code, a->code);
	}
	if (a->approver_reset) {
		li = entry_add(e, "pin.reset");
		entry_set(&li->code, a->approver);
	}
	return ledger_append_apply(l, e, apply, cause);
}

enum pos_rc
ledger_append(struct ledger *l, struct entry *e, char **cause)
{
	return ledger_append_apply(l, e, NULL, cause);
}

enum pos_rc
ledger_append_batch(struct ledger *l, struct entry **es, size_t n,
    char **cause)
{
	if (!l->have_key)
		return cause_set(cause, POS_ESTATE, "Ledger dibuka tanpa "
		    "kunci perangkat: tidak bisa menulis");
	return db_journal_append_batch(l->db, es, n, l->key.sk, NULL, cause);
}

int64_t
ledger_count(struct ledger *l)
{
	return db_journal_count(l->db);
}

enum pos_rc
ledger_get(struct ledger *l, int64_t seq, struct entry **out, char **cause)
{
	return db_journal_get(l->db, seq, out, cause);
}

enum pos_rc
ledger_receipt_code(struct ledger *l, int64_t seq, char *out, char **cause)
{
	struct entry *e = NULL;
	enum pos_rc rc;

	if (!l->have_key)
		return cause_set(cause, POS_ESTATE, "Kunci perangkat tidak "
		    "dibuka: kode struk tidak bisa dibuat");
	if ((rc = db_journal_get(l->db, seq, &e, cause)) != POS_OK)
		return rc;
	rcode_make(e, l->key.sk, out);
	entry_free(e);
	return POS_OK;
}

enum pos_rc
ledger_receipt_check(struct ledger *l, const char *text, struct rcode *out,
    char **cause)
{
	struct rcode r;
	struct entry *e = NULL;
	enum pos_rc rc;

	if ((rc = rcode_verify(text, l->dev.pk, &r, cause)) != POS_OK)
		return rc;
	rc = db_journal_get(l->db, r.seq, &e, NULL);
	if (rc == POS_ENOTFOUND)
		return cause_set(cause, POS_ENOTFOUND, "Struk sah, tetapi "
		    "entri %lld tidak ada di ledger ini", (long long)r.seq);
	if (rc != POS_OK)
		return cause_set(cause, rc, "Entri %lld tidak terbaca",
		    (long long)r.seq);
	if (!rcode_matches(&r, e))
		rc = cause_set(cause, POS_ECORRUPT, "Struk sah, tetapi tidak "
		    "cocok dengan entri %lld di ledger", (long long)r.seq);
	entry_free(e);
	if (rc == POS_OK && out != NULL)
		*out = r;
	return rc;
}

enum pos_rc
ledger_foreach(struct ledger *l, int64_t from, int64_t limit,
    enum pos_rc (*fn)(const struct entry *, void *), void *arg, char **cause)
{
	return db_journal_foreach(l->db, from, limit, fn, arg, cause);
}

enum pos_rc
ledger_head(struct ledger *l, int64_t *seq, uint8_t hash[ENTRY_HASH_LEN],
    char **cause)
{
	return db_journal_head(l->db, seq, hash, cause);
}

const uint8_t *
ledger_public_key(const struct ledger *l)
{
	return l->dev.pk;
}

enum pos_rc
ledger_sync_get(struct ledger *l, struct sync_state *s, char **cause)
{
	return db_sync_get(l->db, s, cause);
}

enum pos_rc
ledger_sync_put(struct ledger *l, const struct sync_state *s, char **cause)
{
	return db_sync_put(l->db, s, cause);
}

struct ledger_walk {
	const uint8_t		*pk;
	struct ledger_report	*rep;
	char			*why;	/* owned: first failure */
};

static enum pos_rc
ledger_verify_one(const struct entry *e, void *arg)
{
	struct ledger_walk *w = arg;
	enum pos_rc rc;

	rc = entry_verify(e, w->rep->entries + 1, w->rep->head, w->pk,
	    &w->why);
	if (rc != POS_OK) {
		w->rep->bad_seq = w->rep->entries + 1;
		return rc;
	}
	memcpy(w->rep->head, e->hash, ENTRY_HASH_LEN);
	w->rep->entries++;
	return POS_OK;
}

enum pos_rc
ledger_verify(struct ledger *l, const uint8_t *expected_pk,
    struct ledger_report *rep, char **cause)
{
	struct ledger_walk w;
	struct entry *genesis = NULL;
	uint8_t	 pk[ENTRY_PK_LEN];
	enum pos_rc rc;
	int64_t	 head;

	memset(rep, 0, sizeof *rep);
	memset(&w, 0, sizeof w);
	/* The key the genesis entry announced, and the device row, agree. */
	rc = db_journal_get(l->db, 1, &genesis, cause);
	if (rc != POS_OK) {
		rep->bad_seq = 1;
		return rc == POS_ENOTFOUND ? cause_set(cause, POS_ECORRUPT,
		    "entri 1 (genesis) hilang") : rc;
	}
	if (strcmp(genesis->kind, ENTRY_DEVICE) != 0 ||
	    genesis->nlines < 1 ||
	    strcmp(genesis->lines[0].code, "public_key") != 0 ||
	    hex_decode(genesis->lines[0].text, pk, sizeof pk) != 0) {
		entry_free(genesis);
		rep->bad_seq = 1;
		return cause_set(cause, POS_ECORRUPT,
		    "entri 1: bukan entri genesis perangkat");
	}
	entry_free(genesis);
	if (sodium_memcmp(pk, l->dev.pk, ENTRY_PK_LEN) != 0) {
		rep->bad_seq = 1;
		return cause_set(cause, POS_ECORRUPT, "entri 1: kunci publik "
		    "tidak sama dengan kunci perangkat tersimpan");
	}
	if (expected_pk != NULL &&
	    sodium_memcmp(pk, expected_pk, ENTRY_PK_LEN) != 0) {
		rep->bad_seq = 1;
		return cause_set(cause, POS_ECORRUPT, "ledger ditandatangani "
		    "kunci lain dari yang diharapkan");
	}
	w.pk = pk;
	w.rep = rep;
	/* Up to the head of now: the counter may append meanwhile. */
	if ((head = db_journal_count(l->db)) < 0)
		return cause_set(cause, POS_EDB, "Kepala jurnal tidak terbaca");
	rc = head == 0 ? POS_OK : db_journal_foreach(l->db, 1, head,
	    ledger_verify_one, &w, cause);
	if (rc == POS_ECORRUPT && w.why != NULL) {
		cause_set(cause, rc, "%s", w.why);
	} else if (rc == POS_OK) {
		/* A missing tail shows as fewer entries than the head says. */
		if (head != rep->entries) {
			rep->bad_seq = rep->entries + 1;
			rc = cause_set(cause, POS_ECORRUPT, "entri %lld hilang",
			    (long long)rep->bad_seq);
		}
	}
	free(w.why);
	return rc;
}

enum pos_rc
ledger_summary(struct ledger *l, struct ledger_summary *s, char **cause)
{
	struct db_counts c;
	enum pos_rc rc;

	if ((rc = db_counts(l->db, &c, cause)) != POS_OK)
		return rc;
	s->suppliers = c.suppliers;
	s->products = c.products;
	s->barcodes = c.barcodes;
	s->users = c.users;
	s->entries = c.entries;
	s->stock_pcs = c.stock_pcs;
	s->stock_g = c.stock_g;
	return POS_OK;
}
