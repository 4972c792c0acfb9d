/* SPDX-License-Identifier: ISC */
/*
 * CSV import and export of producers and products (core.h, import.c;
 * docs/catalog-csv.md). The rows are read by rules/csv.c and
 * rules/catalog-csv.c; here they meet the ledger: a row's base is the
 * object the catalog holds, a producer must exist (in the catalog or
 * accepted earlier in the import), a barcode or PLU must be no other
 * product's, in the catalog or earlier in the file, a key may come once.
 *
 * A dry run makes that pass in a read transaction and writes nothing.
 * A commit makes the same pass again inside the one BEGIN IMMEDIATE
 * transaction that writes (db_journal_append_each), so what it checks is
 * the state the entries commit on, then writes one catalog entry a new
 * or changed row, producers first: all of them or none. A row the
 * catalog already holds as it is writes nothing. Only the file's bytes,
 * a status byte a row and the keys seen are held: 100 000 rows fit.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog-csv.h"
#include "ledger-int.h"

#define IMPORT_FILE_MAX		((size_t)256 << 20)
#define IMPORT_EXPORT_MAX	((size_t)512 << 20)

enum import_status {
	IMPORT_ST_BLANK = 0,	/* a blank row: not counted */
	IMPORT_ST_REFUSED,
	IMPORT_ST_SAME,		/* the catalog has it so already */
	IMPORT_ST_WRITE,	/* new or changed: one entry */
};

static const char *const import_file_names[2] = { "pemasok", "produk" };

/* A key seen in the file: which line, and for a barcode or PLU, whose. */
struct import_slot {
	char	*key;
	int64_t	 line;
	char	 owner[32];
};
struct import_set {
	struct import_slot *v;
	size_t	 size, n;
};

struct import_file {
	const char		*path;		/* borrowed; NULL: none */
	char			*data;		/* owned */
	size_t			 len;
	struct catalog_csv_head	 head;
	uint8_t			*status;	/* a byte a record after the
						   header */
	size_t			 nrec, cap;
};

struct import {
	struct ledger		*l;
	const char		*author;
	int			 flags;
	struct import_report	*rep;
	struct import_file	 f[2];
	struct import_set	 skus, codes, barcodes, plus;
	/* The commit's walk over the accepted rows. */
	bool			 checked;
	int			 k;		/* the file */
	size_t			 rec;		/* its next record */
	struct csv		 csv;
	struct csv_row		 row;
	struct entry		*e;		/* the entry last given */
};

static uint64_t
import_hash(const char *s)
{
	uint64_t h = UINT64_C(14695981039346656037);

	for (; *s != '\0'; s++)
		h = (h ^ (uint8_t)*s) * UINT64_C(1099511628211);
	return h;
}

/* The slot of key: found, or (add) a new one with line 0, or NULL. */
static struct import_slot *
import_set_find(struct import_set *set, const char *key, bool add)
{
	struct import_slot *old;
	size_t	 i, j, oldsize;

	if (add && (set->n + 1) * 10 >= set->size * 7) {
		old = set->v;
		oldsize = set->size;
		set->size = set->size ? set->size * 2 : 1024;
		set->v = xcalloc(set->size, sizeof *set->v);
		for (i = 0; i < oldsize; i++) {
			if (old[i].key == NULL)
				continue;
			j = import_hash(old[i].key) & (set->size - 1);
			while (set->v[j].key != NULL)
				j = (j + 1) & (set->size - 1);
			set->v[j] = old[i];
		}
		free(old);
	}
	if (set->size == 0)
		return NULL;
	i = import_hash(key) & (set->size - 1);
	for (; set->v[i].key != NULL; i = (i + 1) & (set->size - 1))
		if (strcmp(set->v[i].key, key) == 0)
			return &set->v[i];
	if (!add)
		return NULL;
	set->v[i].key = xstrdup(key);
	set->n++;
	return &set->v[i];
}

static void
import_set_free(struct import_set *set)
{
	size_t	 i;

	for (i = 0; i < set->size; i++)
		free(set->v[i].key);
	free(set->v);
	memset(set, 0, sizeof *set);
}

static void
import_sets_free(struct import *im)
{
	import_set_free(&im->skus);
	import_set_free(&im->codes);
	import_set_free(&im->barcodes);
	import_set_free(&im->plus);
}

/* The whole file at path, up to IMPORT_FILE_MAX bytes. */
static enum pos_rc
import_read(const char *path, char **out, size_t *lenp, char **cause)
{
	struct stat st;
	char	*data;
	size_t	 off = 0;
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return cause_set(cause, errno == ENOENT ? POS_ENOTFOUND :
		    POS_EIO, "Berkas %.80s tidak bisa dibuka: %s", path,
		    strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return cause_set(cause, POS_EIO, "%.80s bukan berkas biasa",
		    path);
	}
	if ((size_t)st.st_size > IMPORT_FILE_MAX) {
		close(fd);
		return cause_set(cause, POS_EINVAL, "Berkas %.80s lebih dari "
		    "%zu MiB", path, IMPORT_FILE_MAX >> 20);
	}
	data = xmalloc((size_t)st.st_size + 1);
	while (off < (size_t)st.st_size) {
		n = read(fd, data + off, (size_t)st.st_size - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(fd);
	data[off] = '\0';
	*out = data;
	*lenp = off;
	return POS_OK;
}

static void
import_refuse(struct import *im, int k, const struct catalog_csv_refusal *w)
{
	struct import_report *rep = im->rep;
	struct import_refusal *r;

	if (rep->nrefusals % 256 == 0)
		rep->refusals = xreallocarray(rep->refusals,
		    rep->nrefusals + 256, sizeof *rep->refusals);
	r = &rep->refusals[rep->nrefusals++];
	memset(r, 0, sizeof *r);
	snprintf(r->file, sizeof r->file, "%s", import_file_names[k]);
	r->line = w->line;
	r->col = w->col;
	snprintf(r->column, sizeof r->column, "%s", w->column);
	snprintf(r->why, sizeof r->why, "%s", w->why);
	rep->refused[k]++;
}

/* A refusal of row r for field, why given as a format. */
static enum import_status
import_no(struct import *im, int k, const struct csv_row *r,
    const char *field, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static enum import_status
import_no(struct import *im, int k, const struct csv_row *r,
    const char *field, const char *fmt, ...)
{
	struct catalog_csv_refusal w;
	va_list	 ap;
	char	*why;

	va_start(ap, fmt);
	why = xvasprintf(fmt, ap);
	va_end(ap);
	catalog_csv_refuse(&im->f[k].head, field, r->line, why, &w);
	free(why);
	import_refuse(im, k, &w);
	return IMPORT_ST_REFUSED;
}

/* A producer's row over the catalog's: *s set unless refused. */
static enum import_status
import_supplier(struct import *im, const struct csv_row *r,
    struct supplier *s)
{
	struct catalog_csv_refusal w;
	struct import_slot *slot;
	struct supplier base;
	char	 key[sizeof s->code];
	bool	 is_new;

	catalog_csv_key(&im->f[0].head, r, key, sizeof key);
	if (*key == '\0' && r->err == CSV_OK)
		return import_no(im, 0, r, "code", "kode pemasok kosong");
	if ((slot = import_set_find(&im->codes, key, false)) != NULL)
		return import_no(im, 0, r, "code", "kode %s sudah ada di baris "
		    "%lld", key, (long long)slot->line);
	memset(&base, 0, sizeof base);
	is_new = db_catalog_supplier(im->l->db, key, &base, NULL) != POS_OK;
	if (is_new)
		memset(&base, 0, sizeof base);
	*s = base;
	if (catalog_csv_supplier(&im->f[0].head, r, is_new, s, &w) != POS_OK) {
		import_refuse(im, 0, &w);
		return IMPORT_ST_REFUSED;
	}
	import_set_find(&im->codes, key, true)->line = r->line;
	if (is_new)
		im->rep->added[0]++;
	else if (memcmp(s, &base, sizeof base) == 0) {
		im->rep->same[0]++;
		return IMPORT_ST_SAME;
	} else
		im->rep->changed[0]++;
	return IMPORT_ST_WRITE;
}

/* A product's row over the catalog's: *p set unless refused. */
static enum import_status
import_product(struct import *im, const struct csv_row *r,
    struct product *p)
{
	struct catalog_csv_refusal w;
	struct import_slot *slot;
	struct product base, other;
	struct supplier s;
	char	 key[sizeof p->sku], owner[sizeof p->sku];
	bool	 is_new;
	int	 i;

	catalog_csv_key(&im->f[1].head, r, key, sizeof key);
	if (*key == '\0' && r->err == CSV_OK)
		return import_no(im, 1, r, "sku", "SKU kosong");
	if ((slot = import_set_find(&im->skus, key, false)) != NULL)
		return import_no(im, 1, r, "sku", "SKU %s sudah ada di baris "
		    "%lld", key, (long long)slot->line);
	is_new = db_catalog_product(im->l->db, key, &base, NULL) != POS_OK;
	if (is_new)
		memset(&base, 0, sizeof base);
	*p = base;
	if (catalog_csv_product(&im->f[1].head, r, is_new, p, &w) != POS_OK) {
		import_refuse(im, 1, &w);
		return IMPORT_ST_REFUSED;
	}
	if (import_set_find(&im->codes, p->supplier, false) == NULL &&
	    db_catalog_supplier(im->l->db, p->supplier, &s, NULL) != POS_OK)
		return import_no(im, 1, r, "supplier", "pemasok %s tidak "
		    "terdaftar", p->supplier);
	for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++) {
		slot = import_set_find(&im->barcodes, p->barcodes[i], false);
		if (slot != NULL)
			return import_no(im, 1, r, "barcode", "barcode %s "
			    "sudah dipakai %s di baris %lld", p->barcodes[i],
			    slot->owner, (long long)slot->line);
		if (db_catalog_product_by_barcode(im->l->db, p->barcodes[i],
		    &other, NULL) == POS_OK && strcmp(other.sku, key) != 0)
			return import_no(im, 1, r, "barcode", "barcode %s "
			    "sudah dipakai %s", p->barcodes[i], other.sku);
	}
	if (*p->plu != '\0') {
		if ((slot = import_set_find(&im->plus, p->plu, false)) != NULL)
			return import_no(im, 1, r, "plu", "PLU %s sudah dipakai "
			    "%s di baris %lld", p->plu, slot->owner,
			    (long long)slot->line);
		if (db_sale_sku_by_plu(im->l->db, p->plu, owner, sizeof owner,
		    NULL) == POS_OK && strcmp(owner, key) != 0)
			return import_no(im, 1, r, "plu", "PLU %s sudah dipakai "
			    "%s", p->plu, owner);
	}
	import_set_find(&im->skus, key, true)->line = r->line;
	for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++) {
		slot = import_set_find(&im->barcodes, p->barcodes[i], true);
		slot->line = r->line;
		snprintf(slot->owner, sizeof slot->owner, "%s", key);
	}
	if (*p->plu != '\0') {
		slot = import_set_find(&im->plus, p->plu, true);
		slot->line = r->line;
		snprintf(slot->owner, sizeof slot->owner, "%s", key);
	}
	if (is_new)
		im->rep->added[1]++;
	else if (memcmp(p, &base, sizeof base) == 0) {
		im->rep->same[1]++;
		return IMPORT_ST_SAME;
	} else
		im->rep->changed[1]++;
	return IMPORT_ST_WRITE;
}

/* Starts file k: its header read into f->head; c at its first row. */
static enum pos_rc
import_open(struct import *im, int k, struct csv *c, struct csv_row *row,
    char **cause)
{
	struct import_file *f = &im->f[k];
	struct catalog_csv_refusal w;

	csv_init(c, f->data, f->len);
	if (!csv_next(c, row))
		return cause_set(cause, POS_EINVAL, "Berkas %s %.80s kosong: "
		    "baris pertama harus judul kolom", import_file_names[k],
		    f->path);
	if (catalog_csv_header(k == 0 ? CATALOG_CSV_SUPPLIERS :
	    CATALOG_CSV_PRODUCTS, row, &f->head, &w) != POS_OK)
		return cause_set(cause, POS_EINVAL, "Berkas %s baris %lld%s%s: "
		    "%s", import_file_names[k], (long long)w.line,
		    w.col > 0 ? ", kolom " : "", w.column, w.why);
	return POS_OK;
}

/* Every row of both files, checked; the report filled; nothing written. */
static enum pos_rc
import_check(struct import *im, char **cause)
{
	struct import_file *f;
	struct csv c;
	struct csv_row row;
	struct supplier s;
	struct product p;
	enum import_status st;
	enum pos_rc rc = POS_OK;
	int	 k;

	memset(&row, 0, sizeof row);
	import_sets_free(im);
	for (k = 0; rc == POS_OK && k < 2; k++) {
		f = &im->f[k];
		f->nrec = 0;
		if (f->path == NULL)
			continue;
		if ((rc = import_open(im, k, &c, &row, cause)) != POS_OK)
			break;
		snprintf(im->rep->ignored[k], sizeof im->rep->ignored[k], "%s",
		    f->head.ignored);
		while (csv_next(&c, &row)) {
			if (catalog_csv_blank(&row) && row.err == CSV_OK)
				st = IMPORT_ST_BLANK;
			else {
				im->rep->rows[k]++;
				st = k == 0 ? import_supplier(im, &row, &s) :
				    import_product(im, &row, &p);
			}
			if (f->nrec == f->cap) {
				f->cap = f->cap ? f->cap * 2 : 4096;
				f->status = xreallocarray(f->status, f->cap, 1);
			}
			f->status[f->nrec++] = (uint8_t)st;
		}
	}
	csv_row_free(&row);
	return rc;
}

/*
 * db_journal_append_each's source, inside the write: the check once,
 * then the entry of each row to write, producers first.
 */
static enum pos_rc
import_next(struct db *db, void *arg, struct entry **out, char **cause)
{
	struct import *im = arg;
	struct import_report *rep = im->rep;
	struct catalog_csv_refusal w;
	struct import_file *f;
	struct supplier s;
	struct product p;
	char	 key[64];
	int64_t	 refused;
	enum pos_rc rc;
	bool	 is_new;

	entry_free(im->e);
	im->e = NULL;
	if (!im->checked) {
		im->checked = true;
		if ((rc = import_check(im, cause)) != POS_OK)
			return rc;
		refused = rep->refused[0] + rep->refused[1];
		if (refused > 0 && !(im->flags & IMPORT_SKIP_REFUSED))
			return cause_set(cause, POS_EINVAL, "%lld baris ditolak: "
			    "tidak ada yang disimpan", (long long)refused);
		im->k = -1;
	}
	for (;;) {
		if (im->k < 0 || im->rec == im->f[im->k].nrec) {
			do
				im->k++;
			while (im->k < 2 && im->f[im->k].path == NULL);
			if (im->k == 2)
				return POS_ENOTFOUND;
			if ((rc = import_open(im, im->k, &im->csv, &im->row,
			    cause)) != POS_OK)
				return rc;
			im->rec = 0;
			continue;
		}
		f = &im->f[im->k];
		if (!csv_next(&im->csv, &im->row))
			return cause_set(cause, POS_ECORRUPT, "Berkas %s "
			    "berubah saat impor", import_file_names[im->k]);
		if (f->status[im->rec++] == IMPORT_ST_WRITE)
			break;
	}
	/* Made again from the row and the base the check saw: no earlier
	 * entry of this import touched that key. */
	catalog_csv_key(&f->head, &im->row, key, sizeof key);
	if (im->k == 0) {
		is_new = db_catalog_supplier(db, key, &s, NULL) != POS_OK;
		if (is_new)
			memset(&s, 0, sizeof s);
		rc = catalog_csv_supplier(&f->head, &im->row, is_new, &s, &w);
		if (rc == POS_OK)
			im->e = catalog_supplier_entry(&s);
	} else {
		is_new = db_catalog_product(db, key, &p, NULL) != POS_OK;
		if (is_new)
			memset(&p, 0, sizeof p);
		rc = catalog_csv_product(&f->head, &im->row, is_new, &p, &w);
		if (rc == POS_OK)
			im->e = catalog_product_entry(&p);
	}
	if (rc != POS_OK)
		return cause_set(cause, POS_ECORRUPT, "Berkas %s baris %lld "
		    "berubah saat impor: %s", import_file_names[im->k],
		    (long long)w.line, w.why);
	entry_set(&im->e->author, im->author);
	*out = im->e;
	return POS_OK;
}

void
catalog_import_free(struct import_report *rep)
{
	free(rep->refusals);
	memset(rep, 0, sizeof *rep);
}

enum pos_rc
catalog_import(struct ledger *l, const char *author, const char *suppliers,
    const char *products, int flags, struct import_report *rep,
    char **cause)
{
	struct import im;
	enum pos_rc rc = POS_OK;
	bool	 began;
	int	 k;

	memset(rep, 0, sizeof *rep);
	memset(&im, 0, sizeof im);
	im.l = l;
	im.author = author;
	im.flags = flags;
	im.rep = rep;
	im.f[0].path = suppliers;
	im.f[1].path = products;
	if (suppliers == NULL && products == NULL)
		return cause_set(cause, POS_EINVAL, "Tidak ada berkas untuk "
		    "diimpor");
	if ((flags & IMPORT_COMMIT) && (!l->have_key || author == NULL))
		return cause_set(cause, POS_ESTATE, "Impor perlu ledger dengan "
		    "kunci perangkat dan pengguna yang menulis");
	for (k = 0; rc == POS_OK && k < 2; k++)
		if (im.f[k].path != NULL)
			rc = import_read(im.f[k].path, &im.f[k].data,
			    &im.f[k].len, cause);
	if (rc == POS_OK && !(flags & IMPORT_COMMIT)) {
		if ((rc = db_read_begin(l->db, &began, cause)) == POS_OK) {
			rc = import_check(&im, cause);
			db_read_end(l->db, began);
		}
	} else if (rc == POS_OK) {
		rc = db_journal_append_each(l->db, l->key.sk, import_next, &im,
		    &rep->written, cause);
		entry_free(im.e);
	}
	csv_row_free(&im.row);
	import_sets_free(&im);
	for (k = 0; k < 2; k++) {
		free(im.f[k].data);
		free(im.f[k].status);
	}
	return rc;
}

struct import_export {
	struct buf	 b;
	int64_t		 n;
};

static enum pos_rc
import_export_supplier(const struct supplier *s, void *arg, char **cause)
{
	struct import_export *x = arg;

	x->n++;
	if (catalog_csv_put_supplier(&x->b, s) != POS_OK)
		return cause_set(cause, POS_EFULL, "Berkas ekspor terlalu "
		    "besar");
	return POS_OK;
}

static enum pos_rc
import_export_product(const struct product *p, void *arg, char **cause)
{
	struct import_export *x = arg;

	x->n++;
	if (catalog_csv_put_product(&x->b, p) != POS_OK)
		return cause_set(cause, POS_EFULL, "Berkas ekspor terlalu "
		    "besar");
	return POS_OK;
}

enum pos_rc
catalog_export(struct ledger *l, const char *suppliers, const char *products,
    int64_t *n, char **cause)
{
	struct import_export x;
	const char *path;
	enum pos_rc rc = POS_OK;
	int	 k;

	if (n != NULL)
		*n = 0;
	for (k = 0; rc == POS_OK && k < 2; k++) {
		if ((path = k == 0 ? suppliers : products) == NULL)
			continue;
		memset(&x, 0, sizeof x);
		buf_init(&x.b, IMPORT_EXPORT_MAX);
		/* A BOM: spreadsheets then read the names as UTF-8. */
		buf_addstr(&x.b, "\xef\xbb\xbf");
		catalog_csv_put_header(&x.b, k == 0 ? CATALOG_CSV_SUPPLIERS :
		    CATALOG_CSV_PRODUCTS);
		rc = k == 0 ? db_catalog_each_supplier(l->db,
		    import_export_supplier, &x, cause) :
		    db_catalog_each_product(l->db, import_export_product, &x,
		    cause);
		if (rc == POS_OK && x.b.failed)
			rc = cause_set(cause, POS_EFULL, "Berkas ekspor terlalu "
			    "besar");
		if (rc == POS_OK)
			rc = print_file_write(path, x.b.data, x.b.len,
			    "Berkas ekspor", cause);
		if (rc == POS_OK && n != NULL)
			*n += x.n;
		buf_free(&x.b);
	}
	return rc;
}
