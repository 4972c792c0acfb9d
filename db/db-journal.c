/* SPDX-License-Identifier: ISC */
/*
 * The journal: append one entry with its lines in one BEGIN IMMEDIATE
 * transaction, read entries back, walk the chain. The sequence is head + 1
 * read inside the write transaction (R2.2), so a rollback leaves no gap; the
 * triggers of schema step 1 refuse anything else.
 */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db-int.h"
#include "kind.h"
#include "util.h"

/* Binds the n fields fs of the struct at base from parameter col on. */
static void
db_journal_bind(sqlite3_stmt *st, int col, const struct entry_field *fs,
    size_t n, const void *base)
{
	size_t	 i;

	for (i = 0; i < n; i++, col++) {
		switch (fs[i].type) {
		case ENTRY_T_I64:
			sqlite3_bind_int64(st, col,
			    entry_field_i64(&fs[i], base));
			break;
		case ENTRY_T_TEXT:
		case ENTRY_T_UUID:
		case ENTRY_T_KEYID:
			db_bind_text(st, col, entry_field_str(&fs[i], base));
			break;
		case ENTRY_T_HASH:
		case ENTRY_T_SIG:
			sqlite3_bind_blob(st, col, entry_field_blob(&fs[i],
			    base), (int)fs[i].size, SQLITE_STATIC);
			break;
		}
	}
}

/*
 * Reads the n fields fs of the struct at base from result column col on;
 * a blob of the wrong size is left as it was (zero), so that the verifier
 * reports it.
 */
static void
db_journal_read(sqlite3_stmt *st, int col, const struct entry_field *fs,
    size_t n, void *base)
{
	const unsigned char *s;
	size_t	 i;

	for (i = 0; i < n; i++, col++) {
		switch (fs[i].type) {
		case ENTRY_T_I64:
			entry_field_set_i64(&fs[i], base,
			    sqlite3_column_int64(st, col));
			break;
		case ENTRY_T_TEXT:
		case ENTRY_T_UUID:
		case ENTRY_T_KEYID:
			s = sqlite3_column_text(st, col);
			entry_field_set_str(&fs[i], base, (const char *)s,
			    s != NULL ? (size_t)sqlite3_column_bytes(st, col) :
			    0);
			break;
		case ENTRY_T_HASH:
		case ENTRY_T_SIG:
			if ((size_t)sqlite3_column_bytes(st, col) == fs[i].size)
				entry_field_set_blob(&fs[i], base,
				    sqlite3_column_blob(st, col));
			break;
		}
	}
}

enum pos_rc
db_journal_head(struct db *db, int64_t *seq, uint8_t hash[ENTRY_HASH_LEN],
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_JOURNAL_HEAD, &st, cause)) != POS_OK)
		return rc;
	*seq = 0;
	memset(hash, 0, ENTRY_HASH_LEN);
	rc = db_stmt_row(db, st, "membaca kepala jurnal", cause);
	if (rc == POS_OK) {
		*seq = sqlite3_column_int64(st, 0);
		if (sqlite3_column_bytes(st, 1) == ENTRY_HASH_LEN)
			memcpy(hash, sqlite3_column_blob(st, 1),
			    ENTRY_HASH_LEN);
	} else if (rc == POS_ENOTFOUND)
		rc = POS_OK;	/* an empty journal */
	db_stmt_put(db, st);
	return rc;
}

int64_t
db_journal_count(struct db *db)
{
	int64_t	 seq;
	uint8_t	 h[ENTRY_HASH_LEN];

	if (db_journal_head(db, &seq, h, NULL) != POS_OK)
		return -1;
	return seq;
}

static enum pos_rc
db_journal_insert(struct db *db, const struct entry *e, char **cause)
{
	sqlite3_stmt *st = NULL, *ls = NULL;
	enum pos_rc rc;
	size_t	 i;
	int	 src = SQLITE_DONE;

	if ((rc = db_stmt_get(db, DB_ST_JOURNAL_INSERT, &st, cause)) != POS_OK)
		return rc;
	db_journal_bind(st, 1, entry_fields, ENTRY_NFIELDS, e);
	if ((src = sqlite3_step(st)) != SQLITE_DONE)
		goto out;

	rc = db_stmt_get(db, DB_ST_JOURNAL_LINE_INSERT, &ls, cause);
	if (rc != POS_OK)
		goto out;
	for (i = 0; i < e->nlines; i++) {
		sqlite3_reset(ls);
		sqlite3_bind_int64(ls, 1, e->seq);
		sqlite3_bind_int64(ls, 2, (int64_t)i + 1);
		db_journal_bind(ls, 3, entry_line_fields, ENTRY_LINE_NFIELDS,
		    &e->lines[i]);
		if ((src = sqlite3_step(ls)) != SQLITE_DONE)
			break;
	}
out:
	if (rc == POS_OK && src != SQLITE_DONE)
		rc = db_fail(db, src, "menyimpan entri", cause);
	db_stmt_put(db, st);
	db_stmt_put(db, ls);
	return rc;
}

/*
 * Stock moves follow from the kind and its "item" lines (rules/kind.h): a
 * sale or consignment return takes goods out, a refund or intake puts them
 * back. Stock may go below zero for a sale: the counter never stops
 * selling goods that are on the shelf but were not received.
 */
enum pos_rc
db_journal_stock(struct db *db, const struct entry *e, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc = POS_OK;
	int64_t	 sign;
	size_t	 i;

	if ((sign = kind_stock_sign(e->kind)) == 0)
		return POS_OK;
	for (i = 0; rc == POS_OK && i < e->nlines; i++) {
		if (strcmp(e->lines[i].type, "item") != 0)
			continue;
		if ((rc = db_stmt_get(db, DB_ST_JOURNAL_STOCK, &st, cause)) !=
		    POS_OK)
			break;
		sqlite3_bind_int64(st, 1, sign * e->lines[i].qty);
		db_bind_text(st, 2, e->lines[i].code);
		rc = db_stmt_run(db, st, "mengubah stok", cause);
	}
	return rc;
}

static enum pos_rc
db_journal_append_locked(struct db *db, struct entry *e,
    const uint8_t sk[ENTRY_SK_LEN], const struct db_apply *apply,
    char **cause)
{
	struct db_device dev;
	enum pos_rc rc;
	char	 day[11];

	if (strcmp(e->kind, ENTRY_DEVICE) != 0) {
		if ((rc = db_device_get(db, &dev, cause)) != POS_OK)
			return rc;
		entry_set(&e->outlet_id, dev.outlet_id);
		entry_set(&e->device_id, dev.device_id);
		memcpy(e->key_id, dev.key_id, sizeof e->key_id);
	}
	if ((rc = db_journal_head(db, &e->seq, e->prev_hash, cause)) != POS_OK)
		return rc;
	e->seq++;
	if (e->created_at_ms == 0)
		e->created_at_ms = clock_now_ms();
	if (db->gate.day != NULL &&
	    (rc = db->gate.day(db, e, db->gate.arg, cause)) != POS_OK)
		return rc;
	if (*e->business_day == '\0')
		entry_set(&e->business_day, clock_wita_date(e->created_at_ms,
		    day));
	if (apply != NULL && apply->prep != NULL &&
	    (rc = apply->prep(db, e, apply->arg, cause)) != POS_OK)
		return rc;
	if (db->gate.fill != NULL &&
	    (rc = db->gate.fill(db, e, db->gate.arg, cause)) != POS_OK)
		return rc;
	if ((rc = entry_check(e, cause)) != POS_OK)
		return rc;
	if (db->gate.check != NULL &&
	    (rc = db->gate.check(db, e, db->gate.arg, cause)) != POS_OK)
		return rc;
	entry_seal(e, sk);
	if ((rc = db_journal_insert(db, e, cause)) != POS_OK)
		return rc;
	/* What the entry itself changes, then what its writer adds. */
	if ((rc = db_project(db, e, DB_PROJECT_COUNTER, cause)) != POS_OK)
		return rc;
	if (apply != NULL && apply->fn != NULL)
		rc = apply->fn(db, e, apply->arg, cause);
	return rc;
}

enum pos_rc
db_journal_append(struct db *db, struct entry *e,
    const uint8_t sk[ENTRY_SK_LEN], const struct db_apply *apply,
    char **cause)
{
	enum pos_rc rc;

	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	rc = db_journal_append_locked(db, e, sk, apply, cause);
	if (rc == POS_OK)
		rc = db_commit(db, cause);
	else
		db_rollback(db);
	if (rc != POS_OK)
		e->seq = 0;
	else
		db_mark_head(db, e->seq);
	return rc;
}

enum pos_rc
db_journal_append_batch(struct db *db, struct entry **es, size_t n,
    const uint8_t sk[ENTRY_SK_LEN], const struct db_apply *applies,
    char **cause)
{
	enum pos_rc rc;
	size_t	 i;

	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	for (i = 0; rc == POS_OK && i < n; i++)
		rc = db_journal_append_locked(db, es[i], sk,
		    applies != NULL ? &applies[i] : NULL, cause);
	if (rc == POS_OK)
		rc = db_commit(db, cause);
	else
		db_rollback(db);
	if (rc != POS_OK)
		for (i = 0; i < n; i++)
			es[i]->seq = 0;
	else if (n > 0)
		db_mark_head(db, es[n - 1]->seq);
	return rc;
}

enum pos_rc
db_journal_append_each(struct db *db, const uint8_t sk[ENTRY_SK_LEN],
    enum pos_rc (*next)(struct db *, void *, struct entry **, char **),
    void *arg, int64_t *n, char **cause)
{
	struct entry *e;
	enum pos_rc rc;
	int64_t	 count = 0;

	if (n != NULL)
		*n = 0;
	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	while ((rc = next(db, arg, &e, cause)) == POS_OK) {
		if ((rc = db_journal_append_locked(db, e, sk, NULL, cause)) !=
		    POS_OK)
			break;
		count++;
	}
	if (rc == POS_ENOTFOUND)
		rc = db_commit(db, cause);
	else
		db_rollback(db);
	if (rc == POS_OK && n != NULL)
		*n = count;
	if (rc == POS_OK && count > 0)
		db_mark_head(db, db_journal_count(db));
	return rc;
}

enum pos_rc
db_device_apply(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct db_device *dev = arg;
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_DEVICE_INSERT, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, dev->outlet_id);
	db_bind_text(st, 2, dev->outlet_name);
	db_bind_text(st, 3, dev->device_id);
	sqlite3_bind_blob(st, 4, dev->pk, ENTRY_PK_LEN, SQLITE_STATIC);
	db_bind_text(st, 5, dev->key_id);
	sqlite3_bind_int64(st, 6, e->created_at_ms);
	return db_stmt_run(db, st, "menyimpan perangkat", cause);
}

enum pos_rc
db_device_init(struct db *db, const struct db_device *dev,
    const uint8_t sk[ENTRY_SK_LEN], char **cause)
{
	struct db_device old;
	struct entry *e;
	enum pos_rc rc;
	char	 pkhex[2 * ENTRY_PK_LEN + 1];

	rc = db_device_get(db, &old, NULL);
	if (rc == POS_OK)
		return cause_set(cause, POS_ESTATE, "Ledger %s sudah milik "
		    "perangkat %s", db->path, old.device_id);
	e = entry_new(ENTRY_DEVICE);
	entry_set(&e->outlet_id, dev->outlet_id);
	entry_set(&e->device_id, dev->device_id);
	memcpy(e->key_id, dev->key_id, sizeof e->key_id);
	entry_set(&e->note, dev->outlet_name);
	hex_encode(dev->pk, ENTRY_PK_LEN, pkhex);
	entry_add_field(e, "public_key", pkhex);
	rc = db_journal_append(db, e, sk, NULL, cause);
	entry_free(e);
	return rc;
}

enum pos_rc
db_device_get(struct db *db, struct db_device *dev, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_DEVICE_GET, &st, cause)) != POS_OK)
		return rc;
	rc = db_stmt_row(db, st, "membaca perangkat", cause);
	if (rc == POS_OK) {
		memset(dev, 0, sizeof *dev);
		db_column_copy(st, 0, dev->outlet_id, sizeof dev->outlet_id);
		db_column_copy(st, 1, dev->outlet_name,
		    sizeof dev->outlet_name);
		db_column_copy(st, 2, dev->device_id, sizeof dev->device_id);
		if (sqlite3_column_bytes(st, 3) == ENTRY_PK_LEN)
			memcpy(dev->pk, sqlite3_column_blob(st, 3),
			    ENTRY_PK_LEN);
		db_column_copy(st, 4, dev->key_id, sizeof dev->key_id);
		dev->created_at_ms = sqlite3_column_int64(st, 5);
	} else if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "Ledger %s belum diinisialisasi (ntt-pos "
		    "init)", db->path);
	db_stmt_put(db, st);
	return rc;
}

/* An entry from a row of DB_JOURNAL_COLS, without its lines. */
static struct entry *
db_journal_row(sqlite3_stmt *st)
{
	struct entry *e = xcalloc(1, sizeof *e);

	/* Every field is read: no string stays NULL. */
	db_journal_read(st, 0, entry_fields, ENTRY_NFIELDS, e);
	return e;
}

/* Appends the line in a row of "seq, " DB_LINE_COLS to e. */
static void
db_journal_line_row(sqlite3_stmt *st, struct entry *e)
{
	struct entry_line *l;

	e->lines = xreallocarray(e->lines, e->nlines + 1, sizeof *e->lines);
	l = &e->lines[e->nlines++];
	memset(l, 0, sizeof *l);
	db_journal_read(st, 1, entry_line_fields, ENTRY_LINE_NFIELDS, l);
}

/*
 * Reads entries seq in [from, to] with their lines, in one read
 * transaction, calling fn for each.
 */
static enum pos_rc
db_journal_range(struct db *db, int64_t from, int64_t to,
    enum pos_rc (*fn)(const struct entry *, void *), void *arg,
    char **cause)
{
	sqlite3_stmt *st = NULL, *ls = NULL;
	struct entry *e = NULL;
	enum pos_rc rc;
	int	 src, lrc = SQLITE_DONE;

	/* fn may read the journal again (db_journal_get): those reads get
	 * statements of their own (db_stmt_get). */
	rc = db_stmt_get(db, DB_ST_JOURNAL_RANGE, &st, cause);
	if (rc == POS_OK)
		rc = db_stmt_get(db, DB_ST_JOURNAL_LINES_RANGE, &ls, cause);
	if (rc != POS_OK)
		goto out;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	sqlite3_bind_int64(ls, 1, from);
	sqlite3_bind_int64(ls, 2, to);
	lrc = sqlite3_step(ls);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		e = db_journal_row(st);
		/* Lines of entries that do not exist are skipped. */
		while (lrc == SQLITE_ROW &&
		    sqlite3_column_int64(ls, 0) < e->seq)
			lrc = sqlite3_step(ls);
		while (lrc == SQLITE_ROW &&
		    sqlite3_column_int64(ls, 0) == e->seq) {
			db_journal_line_row(ls, e);
			lrc = sqlite3_step(ls);
		}
		if (lrc != SQLITE_ROW && lrc != SQLITE_DONE)
			break;
		rc = fn(e, arg);
		entry_free(e);
		e = NULL;
		if (rc != POS_OK)
			goto out;
	}
	if (lrc != SQLITE_ROW && lrc != SQLITE_DONE)
		rc = db_fail(db, lrc, "membaca baris jurnal", cause);
	else if (src != SQLITE_DONE)
		rc = db_fail(db, src, "membaca jurnal", cause);
out:
	entry_free(e);
	db_stmt_put(db, st);
	db_stmt_put(db, ls);
	return rc;
}

static enum pos_rc
db_journal_keep(const struct entry *e, void *arg)
{
	struct entry **out = arg;

	*out = entry_dup(e);
	return POS_OK;
}

enum pos_rc
db_journal_get(struct db *db, int64_t seq, struct entry **out, char **cause)
{
	struct entry *e = NULL;
	enum pos_rc rc;

	rc = db_journal_range(db, seq, seq, db_journal_keep, &e, cause);
	if (rc == POS_OK && e == NULL)
		rc = cause_set(cause, POS_ENOTFOUND, "Entri %lld tidak ada",
		    (long long)seq);
	if (rc == POS_OK)
		*out = e;
	else
		entry_free(e);
	return rc;
}

enum pos_rc
db_journal_get_uuid(struct db *db, const char *uuid, struct entry **out,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;
	int64_t	 seq = 0;

	rc = db_stmt_get(db, DB_ST_JOURNAL_SEQ_BY_UUID, &st, cause);
	if (rc != POS_OK)
		return rc;
	db_bind_text(st, 1, uuid);
	rc = db_stmt_int64(db, st, "mencari entri", &seq, cause);
	if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "Entri %s tidak ada", uuid);
	if (rc == POS_OK)
		rc = db_journal_get(db, seq, out, cause);
	return rc;
}

enum pos_rc
db_journal_foreach(struct db *db, int64_t from, int64_t limit,
    enum pos_rc (*fn)(const struct entry *, void *), void *arg,
    char **cause)
{
	enum pos_rc rc = POS_OK;
	int64_t	 head, to, last;
	uint8_t	 h[ENTRY_HASH_LEN];

	if ((rc = db_journal_head(db, &head, h, cause)) != POS_OK)
		return rc;
	if (from < 1)
		from = 1;
	last = head;
	if (limit > 0 && from + limit - 1 < head)
		last = from + limit - 1;
	/* Short read transactions: a writer is never held up for long. */
	for (; rc == POS_OK && from <= last; from = to + 1) {
		to = from + 499 < last ? from + 499 : last;
		rc = db_journal_range(db, from, to, fn, arg, cause);
	}
	return rc;
}

enum pos_rc
db_journal_day_state(struct db *db, const char *const *kinds, size_t nkinds,
    struct db_day_state *out, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;
	size_t	 i;

	memset(out, 0, sizeof *out);
	if ((rc = db_report_last_close(db, out->close_day,
	    &out->close_grand_rp, &out->close_seq, cause)) != POS_OK)
		return rc;
	/* One seek per kind on journal_kind (kind, seq): cheap however long
	 * the day, and however many catalog changes came before its first
	 * sale. */
	for (i = 0; rc == POS_OK && i < nkinds; i++) {
		rc = db_stmt_get(db, DB_ST_JOURNAL_FIRST_OF_KIND, &st, cause);
		if (rc != POS_OK)
			break;
		db_bind_text(st, 1, kinds[i]);
		sqlite3_bind_int64(st, 2, out->close_seq);
		rc = db_stmt_row(db, st, "mencari hari buka", cause);
		if (rc == POS_OK && (out->open_seq == 0 ||
		    sqlite3_column_int64(st, 0) < out->open_seq)) {
			out->open_seq = sqlite3_column_int64(st, 0);
			db_column_copy(st, 1, out->open_day,
			    sizeof out->open_day);
		} else if (rc == POS_ENOTFOUND)
			rc = POS_OK;
		db_stmt_put(db, st);
	}
	return rc;
}
