/* SPDX-License-Identifier: ISC */
/*
 * What a day's X and Z say beyond sales (the drawer, voids, QRIS to be
 * matched, the sync state), the month's closure, and the manager's sales
 * reports on paper and as CSV files (report.h). All summed from the
 * journal; a closure sums inside its own write transaction.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "ledger-int.h"
#include "outbox.h"
#include "receipts.h"
#include "report.h"

#define REPORT_QRIS_MAX		500	/* listed; the rest are counted */

static enum pos_rc
report_more_qris(int64_t seq, const char *ref, int64_t amount_rp, void *arg)
{
	struct report_more *m = arg;
	struct report_qris *q;

	m->n_qris++;
	if (!money_add(m->view.qris_rp, amount_rp, &m->view.qris_rp))
		return POS_ECORRUPT;
	if (m->view.nqris >= REPORT_QRIS_MAX)
		return POS_OK;
	m->qris = xreallocarray(m->qris, m->view.nqris + 1, sizeof *m->qris);
	m->refs = xreallocarray(m->refs, m->view.nqris + 1, sizeof *m->refs);
	m->refs[m->view.nqris] = xstrdup(ref);
	q = &m->qris[m->view.nqris++];
	q->seq = seq;
	q->ref = m->refs[m->view.nqris - 1];
	q->amount_rp = amount_rp;
	return POS_OK;
}

enum pos_rc
report_more_read(struct ledger *l, struct db *db, const char *day, bool z,
    struct report_more *m, char **cause)
{
	struct day_report_more *v = &m->view;
	struct db_day_extra *x = &m->x;
	struct sync_state ss;
	enum pos_rc rc;
	size_t	 i;

	(void)l;
	memset(m, 0, sizeof *m);
	if ((rc = db_shift_day(db, day, x, cause)) != POS_OK)
		return rc;
	v->n_shifts = x->n_shifts;
	v->modal_rp = x->modal_rp;
	v->n_cash_in = x->n_cash_in;
	v->cash_in_rp = x->cash_in_rp;
	v->n_cash_out = x->n_cash_out;
	v->cash_out_rp = x->cash_out_rp;
	v->n_voids = x->n_voids;
	v->voids_rp = x->voids_rp;
	v->n_cancels = x->n_cancels;
	v->cancels_rp = x->cancels_rp;
	for (i = 0; i < x->ncloses && i < DB_DAY_SHIFTS; i++) {
		m->rows[i].cashier = x->closes[i].cashier;
		m->rows[i].expected_rp = x->closes[i].expected_rp;
		m->rows[i].counted_rp = x->closes[i].counted_rp;
		m->rows[i].diff_rp = x->closes[i].diff_rp;
		m->rows[i].needs_approval = x->closes[i].needs_approval;
		m->rows[i].approved = x->closes[i].approved;
		v->over_short_rp += x->closes[i].diff_rp;
	}
	v->shifts = m->rows;
	v->nshifts = i;
	if (!z)
		return POS_OK;
	if ((rc = db_shift_day_qris(db, day, report_more_qris, m, cause)) !=
	    POS_OK) {
		report_more_free(m);
		return rc;
	}
	v->qris = m->qris;
	if (db_sync_get(db, &ss, NULL) == POS_OK) {
		v->sync = true;
		v->sync_pending = ss.pending;
		v->sync_acked_seq = ss.acked_seq;
		v->sync_days = ss.last_ok_at_ms > 0 ? (clock_now_ms() -
		    ss.last_ok_at_ms) / (24 * 3600 * 1000LL) : -1;
	}
	return POS_OK;
}

void
report_more_free(struct report_more *m)
{
	size_t	 i;

	for (i = 0; i < m->view.nqris; i++)
		free(m->refs[i]);
	free(m->refs);
	free(m->qris);
	m->refs = NULL;
	m->qris = NULL;
	m->view.nqris = 0;
	m->view.qris = NULL;
}

void
report_more_fields(struct entry *e, const struct report_more *m)
{
	const struct day_report_more *v = &m->view;
	struct entry_line *li;
	char	 seq[24];
	size_t	 i;

	entry_add_field_int(e, "n_shifts", v->n_shifts);
	entry_add_field_rp(e, "modal_rp", v->modal_rp);
	entry_add_field_int(e, "n_cash_in", v->n_cash_in);
	entry_add_field_rp(e, "cash_in_rp", v->cash_in_rp);
	entry_add_field_int(e, "n_cash_out", v->n_cash_out);
	entry_add_field_rp(e, "cash_out_rp", v->cash_out_rp);
	entry_add_field_rp(e, "over_short_rp", v->over_short_rp);
	entry_add_field_int(e, "n_voids", v->n_voids);
	entry_add_field_rp(e, "voids_rp", v->voids_rp);
	entry_add_field_int(e, "n_cancels", v->n_cancels);
	entry_add_field_rp(e, "cancels_rp", v->cancels_rp);
	entry_add_field_int(e, "n_qris", m->n_qris);
	entry_add_field_rp(e, "qris_rp", v->qris_rp);
	entry_add_field_int(e, "sync_pending", v->sync_pending);
	entry_add_field_int(e, "sync_acked_seq", v->sync_acked_seq);
	entry_add_field_int(e, "sync_days", v->sync_days);
	for (i = 0; i < v->nshifts; i++) {
		li = entry_add(e, "shift");
		entry_set(&li->code, v->shifts[i].cashier);
		li->price_rp = v->shifts[i].expected_rp;
		li->qty = v->shifts[i].counted_rp;
		li->amount_rp = v->shifts[i].diff_rp;
	}
	/* Not yet matched against the bank: listed for reconciliation. */
	for (i = 0; i < v->nqris; i++) {
		li = entry_add(e, "qris");
		snprintf(seq, sizeof seq, "%lld", (long long)v->qris[i].seq);
		entry_set(&li->code, seq);
		entry_set(&li->text, v->qris[i].ref);
		li->amount_rp = v->qris[i].amount_rp;
	}
}

/* Months. */

struct report_month {
	struct db_month	 m;
	int64_t		 grand_rp;
	char		 from[11], to[11];
};

static int64_t
report_month_sum(const struct db_month *m, const char *code, bool rp)
{
	size_t	 i;

	for (i = 0; i < m->nfields; i++)
		if (strcmp(m->fields[i].code, code) == 0)
			return rp ? m->fields[i].rp : m->fields[i].qty;
	return 0;
}

/* The day.close fields a month sums: ints in qty, money in price_rp. */
static const struct {
	const char	*code;
	bool		 rp;
} report_month_fields[] = {
	{ "n_sales", false }, { "sales_rp", true }, { "n_refunds", false },
	{ "refunds_rp", true }, { "ppn_rp", true }, { "disc_rp", true },
	{ "consign_rp", true }, { "n_shifts", false }, { "modal_rp", true },
	{ "cash_in_rp", true }, { "cash_out_rp", true },
	{ "over_short_rp", true }, { "n_voids", false }, { "voids_rp", true },
	{ "n_cancels", false }, { "cancels_rp", true }, { "n_qris", false },
	{ "qris_rp", true },
};

/* Inside the month's closure: its days summed, its last grand total. */
static enum pos_rc
report_month_prep(struct db *db, struct entry *e, void *arg, char **cause)
{
	struct report_month *c = arg;
	struct entry_line *li;
	struct entry *last = NULL;
	const struct entry_line *g;
	enum pos_rc rc;
	size_t	 i;

	if ((rc = db_shift_month(db, c->from, c->to, e->note, &c->m, cause)) !=
	    POS_OK)
		return rc;
	if (c->m.n_days == 0)
		return cause_set(cause, POS_ESTATE, "Bulan %s tidak punya hari "
		    "yang ditutup", e->note);
	if ((rc = db_journal_get(db, c->m.last_close_seq, &last, cause)) !=
	    POS_OK)
		return rc;
	g = entry_field(last, "grand_total_rp");
	c->grand_rp = g != NULL ? g->price_rp : 0;
	entry_free(last);
	e->total_rp = report_month_sum(&c->m, "sales_rp", true) -
	    report_month_sum(&c->m, "refunds_rp", true);
	entry_add_field(e, "month", e->note);
	entry_add_field(e, "first_day", c->m.first_day);
	entry_add_field(e, "last_day", c->m.last_day);
	entry_add_field_int(e, "n_days", c->m.n_days);
	entry_add_field_int(e, "first_close_seq", c->m.first_close_seq);
	entry_add_field_int(e, "last_close_seq", c->m.last_close_seq);
	for (i = 0; i < sizeof report_month_fields /
	    sizeof report_month_fields[0]; i++) {
		if (report_month_fields[i].rp)
			entry_add_field_rp(e, report_month_fields[i].code,
			    report_month_sum(&c->m,
			    report_month_fields[i].code, true));
		else
			entry_add_field_int(e, report_month_fields[i].code,
			    report_month_sum(&c->m,
			    report_month_fields[i].code, false));
	}
	entry_add_field_rp(e, "grand_total_rp", c->grand_rp);
	for (i = 0; i < c->m.nmethods; i++) {
		li = entry_add(e, "pay");
		entry_set(&li->code, c->m.methods[i].method);
		li->amount_rp = c->m.methods[i].in_rp;
	}
	return POS_OK;
}

static enum pos_rc
report_month_fn(const void *doc, struct layout *lay, char **cause)
{
	return month_paper_layout(doc, lay, cause);
}

enum pos_rc
report_close_month(struct ledger *l, const struct actor *a,
    const char *month, const char *profile, char **bytes, size_t *lenp,
    char **text, char **cause)
{
	struct report_month c;
	struct db_apply apply = { NULL, &c, report_month_prep };
	struct report_method methods[DB_REPORT_METHODS];
	struct month_paper p;
	struct entry *e;
	enum pos_rc rc;
	size_t	 i;

	memset(&c, 0, sizeof c);
	snprintf(c.from, sizeof c.from, "%.7s-01", month != NULL ? month : "");
	snprintf(c.to, sizeof c.to, "%.7s-31", month != NULL ? month : "");
	if (month == NULL || strlen(month) != 7 || !clock_day_valid(c.from))
		return cause_set(cause, POS_EINVAL, "Bulan \"%.12s\" tidak sah: "
		    "ketik TTTT-BB (2026-11)", month != NULL ? month : "");
	e = entry_new(ENTRY_MONTH_CLOSE);
	entry_set(&e->note, month);
	rc = ledger_append_as(l, e, ACT_MONTH_CLOSE, a, &apply, cause);
	entry_free(e);
	if (rc != POS_OK)
		return rc;
	memset(&p, 0, sizeof p);
	p.outlet_name = l->dev.outlet_name;
	p.device_id = l->dev.device_id;
	p.month = month;
	p.first_day = c.m.first_day;
	p.last_day = c.m.last_day;
	p.printed_at_ms = clock_now_ms();
	p.n_days = c.m.n_days;
	p.n_sales = report_month_sum(&c.m, "n_sales", false);
	p.sales_rp = report_month_sum(&c.m, "sales_rp", true);
	p.n_refunds = report_month_sum(&c.m, "n_refunds", false);
	p.refunds_rp = report_month_sum(&c.m, "refunds_rp", true);
	p.ppn_rp = report_month_sum(&c.m, "ppn_rp", true);
	p.disc_rp = report_month_sum(&c.m, "disc_rp", true);
	p.consign_rp = report_month_sum(&c.m, "consign_rp", true);
	p.cash_in_rp = report_month_sum(&c.m, "cash_in_rp", true);
	p.cash_out_rp = report_month_sum(&c.m, "cash_out_rp", true);
	p.over_short_rp = report_month_sum(&c.m, "over_short_rp", true);
	p.grand_total_rp = c.grand_rp;
	p.pkp = setting_bool(l, "pkp");
	for (i = 0; i < c.m.nmethods; i++) {
		methods[i].label = receipt_method_label(c.m.methods[i].method);
		methods[i].in_rp = c.m.methods[i].in_rp;
		methods[i].out_rp = 0;
	}
	p.methods = methods;
	p.nmethods = c.m.nmethods;
	p.closed_by = a->code;
	return report_output(l, profile, report_month_fn, &p, bytes, lenp,
	    text, cause);
}

/* Sales reports. */

static const char *const report_by_names[] = {
	[DB_SALES_PRODUCT] = "produk",
	[DB_SALES_CATEGORY] = "kategori",
	[DB_SALES_PRODUCER] = "pemasok",
	[DB_SALES_CASHIER] = "kasir",
	[DB_SALES_METHOD] = "metode",
};

const char *const *
report_sales_groups(size_t *n)
{
	*n = sizeof report_by_names / sizeof report_by_names[0];
	return report_by_names;
}

struct report_sales_rows {
	struct sales_paper_row	*rows;
	char			**keep;
	size_t			 n, nkeep;
	int64_t			 total_rp;
};

static const char *
report_sales_keep(struct report_sales_rows *w, const char *s)
{
	w->keep = xreallocarray(w->keep, w->nkeep + 1, sizeof *w->keep);
	return w->keep[w->nkeep++] = xstrdup(s);
}

static enum pos_rc
report_sales_row(const struct db_sales_row *d, void *arg)
{
	struct report_sales_rows *w = arg;
	struct sales_paper_row *r;

	w->rows = xreallocarray(w->rows, w->n + 1, sizeof *w->rows);
	r = &w->rows[w->n++];
	r->key = report_sales_keep(w, d->key);
	r->name = report_sales_keep(w, d->name);
	r->qty = d->qty;
	r->amount_rp = d->amount_rp;
	return money_add(w->total_rp, d->amount_rp, &w->total_rp) ? POS_OK :
	    POS_ECORRUPT;
}

static void
report_sales_free(struct report_sales_rows *w)
{
	size_t	 i;

	for (i = 0; i < w->nkeep; i++)
		free(w->keep[i]);
	free(w->keep);
	free(w->rows);
}

static enum pos_rc
report_sales_read(struct ledger *l, const char *group, const char *from,
    const char *to, struct report_sales_rows *w, int *by, char **cause)
{
	size_t	 n, i;

	memset(w, 0, sizeof *w);
	report_sales_groups(&n);
	for (i = 0; i < n && strcmp(group, report_by_names[i]) != 0; i++)
		;
	if (i == n)
		return cause_set(cause, POS_EINVAL, "Laporan per \"%.20s\" "
		    "tidak ada: produk, kategori, pemasok, kasir, metode",
		    group);
	if (!clock_day_valid(from) || !clock_day_valid(to) ||
	    strcmp(from, to) > 0)
		return cause_set(cause, POS_EINVAL, "Periode tidak sah: %.12s "
		    "s/d %.12s (TTTT-BB-HH)", from, to);
	*by = (int)i;
	return db_sales(l->db, (enum db_sales_by)i, from, to,
	    report_sales_row, w, cause);
}

static enum pos_rc
report_sales_fn(const void *doc, struct layout *lay, char **cause)
{
	return sales_paper_layout(doc, lay, cause);
}

enum pos_rc
report_sales(struct ledger *l, const char *group, const char *from,
    const char *to, const char *profile, char **bytes, size_t *lenp,
    char **text, int64_t *total_rp, char **cause)
{
	struct report_sales_rows w;
	struct sales_paper p;
	char	 title[48];
	enum pos_rc rc;
	int	 by;

	if ((rc = report_sales_read(l, group, from, to, &w, &by, cause)) ==
	    POS_OK) {
		memset(&p, 0, sizeof p);
		snprintf(title, sizeof title, "PENJUALAN PER %s", group);
		p.outlet_name = l->dev.outlet_name;
		p.title = title;
		p.from_day = from;
		p.to_day = to;
		p.printed_at_ms = clock_now_ms();
		p.rows = w.rows;
		p.nrows = w.n;
		p.total_rp = w.total_rp;
		if (total_rp != NULL)
			*total_rp = w.total_rp;
		rc = report_output(l, profile, report_sales_fn, &p, bytes,
		    lenp, text, cause);
	}
	report_sales_free(&w);
	return rc;
}

/* A CSV field: quoted when it holds a comma, a quote or a line break. */
static void
report_csv_field(struct buf *b, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		buf_addstr(b, s);
		return;
	}
	buf_addbyte(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_addbyte(b, '"');
		buf_addbyte(b, (uint8_t)*s);
	}
	buf_addbyte(b, '"');
}

/* Writes data to path through a synced temporary file and a rename. */
static enum pos_rc
report_csv_write(const char *path, const char *data, size_t len,
    char **cause)
{
	char	*tmp = xasprintf("%s.tmp", path);
	enum pos_rc rc = POS_OK;
	ssize_t	 w;
	size_t	 off = 0;
	int	 fd;

	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1) {
		rc = cause_set(cause, POS_EIO, "Tidak bisa menulis %.200s: %s "
		    "(folder ada? USB terpasang?)", tmp, strerror(errno));
		free(tmp);
		return rc;
	}
	while (rc == POS_OK && off < len) {
		if ((w = write(fd, data + off, len - off)) < 0) {
			if (errno == EINTR)
				continue;
			rc = cause_set(cause, POS_EIO, "Menulis %.200s: %s",
			    tmp, strerror(errno));
		} else
			off += (size_t)w;
	}
	if (rc == POS_OK && fsync(fd) != 0)
		rc = cause_set(cause, POS_EIO, "Menyimpan %.200s: %s", tmp,
		    strerror(errno));
	if (close(fd) != 0 && rc == POS_OK)
		rc = cause_set(cause, POS_EIO, "Menutup %.200s: %s", tmp,
		    strerror(errno));
	if (rc == POS_OK && rename(tmp, path) != 0)
		rc = cause_set(cause, POS_EIO, "Mengganti nama ke %.200s: %s",
		    path, strerror(errno));
	if (rc != POS_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

enum pos_rc
report_sales_csv(struct ledger *l, const char *group, const char *from,
    const char *to, const char *dir, char **path, int64_t *total_rp,
    char **cause)
{
	struct report_sales_rows w;
	struct buf b;
	char	*set = NULL, *folder, *data, *p;
	size_t	 len, i;
	enum pos_rc rc;
	int	 by;

	if ((rc = report_sales_read(l, group, from, to, &w, &by, cause)) !=
	    POS_OK) {
		report_sales_free(&w);
		return rc;
	}
	if (dir == NULL || *dir == '\0')
		dir = set = setting_get(l, "report.csv_dir");
	if (*dir == '\0') {
		folder = xasprintf("%s.laporan", db_path(l->db));
		if (mkdir(folder, 0755) != 0 && errno != EEXIST) {
			rc = cause_set(cause, POS_EIO, "Folder %.200s: %s",
			    folder, strerror(errno));
			free(folder);
			goto out;
		}
	} else
		folder = xstrdup(dir);
	buf_init(&b, 64 * 1024 * 1024);
	buf_printf(&b, "%s,nama,jumlah,nilai_rp\n", group);
	for (i = 0; i < w.n; i++) {
		report_csv_field(&b, w.rows[i].key);
		buf_addbyte(&b, ',');
		report_csv_field(&b, w.rows[i].name);
		buf_printf(&b, ",%lld,%lld\n", (long long)w.rows[i].qty,
		    (long long)w.rows[i].amount_rp);
	}
	buf_printf(&b, "TOTAL,,,%lld\n", (long long)w.total_rp);
	if ((data = buf_take(&b, &len)) == NULL)
		rc = cause_set(cause, POS_EFULL, "Laporan terlalu besar");
	else {
		p = xasprintf("%s/penjualan-%s-%s-%s.csv", folder, group, from,
		    to);
		rc = report_csv_write(p, data, len, cause);
		if (rc == POS_OK && path != NULL)
			*path = p;
		else
			free(p);
		free(data);
	}
	buf_free(&b);
	free(folder);
	if (rc == POS_OK && total_rp != NULL)
		*total_rp = w.total_rp;
out:
	free(set);
	report_sales_free(&w);
	return rc;
}
