/* SPDX-License-Identifier: ISC */
/*
 * The lines of the open sale (counter.h): codes scanned or typed, scale
 * labels, weighed goods, the name search, quantities, voids, discounts
 * within the role's limit or with a manager's approval, cancel, hold and
 * recall. Every change goes through counter_settle (counter.c).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counter-int.h"

const char *
counter_weight_name(const struct counter *c)
{
	return c->weigh_sku[0] != '\0' ? c->weigh_name : NULL;
}

void
counter_weight_cancel(struct counter *c)
{
	c->weigh_sku[0] = '\0';
}

enum pos_rc
counter_lookup(struct counter *c, const char *code, struct product *p,
    char **cause)
{
	char	 sku[32], up[BARCODE_MAX + 1];
	size_t	 i;
	struct db *db = c->l->db;

	switch (barcode_classify(code)) {
	case BARCODE_NONE:
		return cause_set(cause, POS_EINVAL, "Kode tidak sah");
	case BARCODE_BAD_CHECK:
		return cause_set(cause, POS_EINVAL, "Barcode %s: digit "
		    "periksa salah, scan ulang", code);
	case BARCODE_PLU:
		if (db_sale_sku_by_plu(db, code, sku, sizeof sku, NULL) !=
		    POS_OK)
			return cause_set(cause, POS_ENOTFOUND, "PLU %s tidak "
			    "terdaftar", code);
		return db_catalog_product(db, sku, p, cause);
	case BARCODE_EAN13:
	case BARCODE_INSTORE:
	case BARCODE_SHORT:
	case BARCODE_DIGITS:
		if (db_catalog_product_by_barcode(db, code, p, NULL) == POS_OK)
			return POS_OK;
		return cause_set(cause, POS_ENOTFOUND, "Barcode %s tidak "
		    "terdaftar", code);
	case BARCODE_SKU:
		break;
	}
	if (db_catalog_product(db, code, p, NULL) == POS_OK)
		return POS_OK;
	for (i = 0; code[i] != '\0' && i < BARCODE_MAX; i++)
		up[i] = (char)toupper((unsigned char)code[i]);
	up[i] = '\0';
	if (db_catalog_product(db, up, p, NULL) == POS_OK)
		return POS_OK;
	return cause_set(cause, POS_ENOTFOUND, "Kode %s tidak terdaftar "
	    "(ketik nama untuk mencari)", code);
}

/*
 * What the cashier must know before qty more of p go on the sale: a
 * certificate that has expired, stock that would go below zero. Each
 * setting (warn.cert_expired for food certificates, warn.stock_negative)
 * says whether a warning is enough (it becomes the counter's note) or a
 * manager must approve first: one approval for this product at this
 * quantity on this sale (ACT_SELL_GUARD). A certificate that is not for
 * food (SNI) only warns.
 */
static enum pos_rc
counter_guard(struct counter *c, const struct product *p, int64_t qty,
    char **cause)
{
	const struct sale_line *l;
	struct counter_key k;
	char	 today[11], detail[COUNTER_DETAIL_MAX], by[16] = "", *mode;
	char	 part[COUNTER_DETAIL_MAX];
	int64_t	 stock, on_sale = 0;
	size_t	 i;
	enum pos_rc rc;
	bool	 manager = false;

	if (sale_kind(c->sale) != SALE_SALE)
		return POS_OK;
	detail[0] = '\0';
	clock_wita_date(clock_now_ms(), today);
	for (i = 0; i < CATALOG_CERTS_MAX && p->certs[i].kind[0]; i++) {
		if (!catalog_cert_expired(&p->certs[i], today))
			continue;
		if (catalog_cert_is_food(p->certs[i].kind)) {
			mode = setting_get(c->l, "warn.cert_expired");
			manager |= strcmp(mode, SETTING_MANAGER) == 0;
			free(mode);
		}
		snprintf(detail, sizeof detail, "%s kedaluwarsa %s (%.24s)",
		    p->certs[i].kind, p->certs[i].expiry, p->certs[i].number);
		break;
	}
	if (db_stock(c->l->db, p->sku, &stock, NULL) == POS_OK) {
		for (i = 0; i < sale_nlines(c->sale); i++) {
			l = sale_line(c->sale, i);
			if (!l->voided && strcmp(l->sku, p->sku) == 0)
				on_sale += l->qty;
		}
		if (stock - on_sale - qty < 0) {
			mode = setting_get(c->l, "warn.stock_negative");
			manager |= strcmp(mode, SETTING_MANAGER) == 0;
			free(mode);
			snprintf(part, sizeof part, "%.80s%sstok tercatat %lld%s, "
			    "terjual %lld", detail, *detail ? "; " : "",
			    (long long)stock, product_is_weighed(p) ? " g" :
			    "", (long long)(on_sale + qty));
			snprintf(detail, sizeof detail, "%s", part);
		}
	}
	if (*detail == '\0')
		return POS_OK;
	if (manager) {
		counter_key_of(c, ACT_SELL_GUARD, SALE_WHOLE, &k);
		k.rp = on_sale + qty;
		counter_copy(k.sku, sizeof k.sku, p->sku);
		snprintf(part, sizeof part, "%.28s: %.120s", p->name, detail);
		if ((rc = counter_right(c, &k, part, by, cause)) != POS_OK)
			return rc;
	}
	snprintf(c->note, sizeof c->note, "PERINGATAN%s%s%s %.32s: %.100s",
	    *by ? " (disetujui " : "", by, *by ? ")" : "", p->name, detail);
	return POS_OK;
}

/* Adds qty pieces, or grams, of p as code; kept durable, or not at all. */
static enum pos_rc
counter_add(struct counter *c, const struct product *p, int64_t qty,
    const char *code, char **cause)
{
	struct sale *old;
	enum pos_rc rc;

	if ((rc = counter_guard(c, p, qty, cause)) != POS_OK)
		return rc;
	old = sale_dup(c->sale);
	if ((rc = counter_settle(c, old, sale_add(c->sale, p, qty, code,
	    cause), cause)) != POS_OK)
		c->note[0] = '\0';
	return rc;
}

/*
 * A product found by a code or a search, counted (counted: N* typed) or
 * not: the one path in. Pieces go on the sale; weighed goods have no
 * count and wait for their grams (POS_ENEED_WEIGHT, counter_weight_name),
 * which counter_weight() brings to counter_add.
 */
static enum pos_rc
counter_pick(struct counter *c, const struct product *p, int64_t qty,
    bool counted, const char *code, char **cause)
{
	if (!product_is_weighed(p))
		return counter_add(c, p, qty, code, cause);
	if (counted)
		return cause_set(cause, POS_EINVAL, "%s ditimbang: masukkan "
		    "berat, bukan jumlah", p->name);
	if (!p->active)
		return cause_set(cause, POS_EINVAL, "%s tidak aktif: tidak "
		    "boleh dijual", p->name);
	counter_copy(c->weigh_sku, sizeof c->weigh_sku, p->sku);
	counter_copy(c->weigh_name, sizeof c->weigh_name, p->name);
	counter_copy(c->weigh_code, sizeof c->weigh_code, code);
	return cause_set(cause, POS_ENEED_WEIGHT, "Masukkan berat %s (gram)",
	    p->name);
}

/* A scale label: 13 digits 20-29 that is not a registered barcode. */
static enum pos_rc
counter_scan_label(struct counter *c, const char *code, bool has_qty,
    bool *handled, char **cause)
{
	struct sale_scale sc;
	struct product p;
	struct sale *old;
	char	*layouts = NULL, sku[32];
	enum pos_rc rc;

	*handled = false;
	if (barcode_classify(code) != BARCODE_INSTORE ||
	    db_catalog_product_by_barcode(c->l->db, code, &p, NULL) == POS_OK)
		return POS_OK;
	*handled = true;
	layouts = setting_get(c->l, "barcode.scale");
	rc = sale_scale_parse(layouts, code, &sc, cause);
	free(layouts);
	if (rc != POS_OK)
		return rc;
	if (has_qty)
		return cause_set(cause, POS_EINVAL, "Label timbangan sudah "
		    "berisi jumlah: scan tanpa N*");
	if (db_sale_sku_by_plu(c->l->db, sc.plu, sku, sizeof sku, NULL) !=
	    POS_OK)
		return cause_set(cause, POS_ENOTFOUND, "Label %s: PLU %s tidak "
		    "terdaftar", code, sc.plu);
	if ((rc = db_catalog_product(c->l->db, sku, &p, cause)) != POS_OK)
		return rc;
	if (sc.weight && !product_is_weighed(&p))
		return cause_set(cause, POS_EINVAL, "Label berat untuk barang "
		    "satuan %s", p.name);
	if (sc.weight)
		return counter_add(c, &p, sc.value, code, cause);
	if ((rc = counter_guard(c, &p, 1, cause)) != POS_OK)
		return rc;
	old = sale_dup(c->sale);
	rc = sale_add_priced(c->sale, &p, sc.value, code, cause);
	return counter_settle(c, old, rc, cause);
}

enum pos_rc
counter_scan(struct counter *c, const char *input, char **cause)
{
	struct product p;
	char	*in = NULL, *code, *star, *end;
	long long qty = 1;
	enum pos_rc rc;
	bool	 has_qty = false, handled;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	c->weigh_sku[0] = '\0';
	in = counter_trim(input);
	code = in;
	if ((star = strchr(in, '*')) != NULL) {
		*star = '\0';
		errno = 0;
		qty = strtoll(in, &end, 10);
		if (*in == '\0' || *end != '\0' || errno != 0 || qty <= 0 ||
		    qty > SALE_QTY_MAX) {
			rc = cause_set(cause, POS_EINVAL, "Jumlah harus 1 "
			    "sampai %d, lalu *", SALE_QTY_MAX);
			goto out;
		}
		has_qty = true;
		code = star + 1;
		while (*code == ' ')
			code++;
	}
	if (*code == '\0') {
		rc = cause_set(cause, POS_EINVAL, has_qty ? "Scan atau ketik "
		    "kode setelah %lld*" : "Scan atau ketik kode barang", qty);
		goto out;
	}
	if (strlen(code) > BARCODE_MAX) {
		rc = cause_set(cause, POS_EINVAL, "Kode terlalu panjang");
		goto out;
	}
	rc = counter_scan_label(c, code, has_qty, &handled, cause);
	if (handled)
		goto out;
	if ((rc = counter_lookup(c, code, &p, cause)) == POS_OK)
		rc = counter_pick(c, &p, qty, has_qty, code, cause);
out:
	free(in);
	return rc;
}

/* Grams typed: "1250", "1250 g", "1,25 kg", "1.250 kg". */
static bool
counter_parse_grams(const char *s, int64_t *out)
{
	int64_t	 whole = 0, frac = 0, scale = 1000;
	int	 nfrac = 0;
	bool	 kg = false, digits = false;

	while (isspace((unsigned char)*s))
		s++;
	for (; isdigit((unsigned char)*s); s++) {
		digits = true;
		if (whole > 1000000)
			return false;
		whole = whole * 10 + (*s - '0');
	}
	if (*s == ',' || *s == '.') {
		for (s++; isdigit((unsigned char)*s); s++) {
			if (++nfrac > 3)
				return false;
			frac = frac * 10 + (*s - '0');
			digits = true;
		}
		kg = true;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (strcasecmp(s, "kg") == 0)
		kg = true;
	else if (*s != '\0' && strcasecmp(s, "g") != 0)
		return false;
	else if (kg && strcasecmp(s, "g") == 0)
		return false;
	if (!digits)
		return false;
	if (!kg) {
		*out = whole;
		return true;
	}
	while (nfrac < 3) {
		frac *= 10;
		nfrac++;
	}
	*out = whole * scale + frac;
	return true;
}

enum pos_rc
counter_weight(struct counter *c, const char *text, char **cause)
{
	struct product p;
	int64_t	 grams;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (c->weigh_sku[0] == '\0')
		return cause_set(cause, POS_ESTATE, "Tidak ada barang timbang "
		    "yang menunggu berat");
	if (!counter_parse_grams(text, &grams))
		return cause_set(cause, POS_EINVAL, "Berat tidak sah: tulis "
		    "gram (1250) atau kg (1,25 kg)");
	if ((rc = db_catalog_product(c->l->db, c->weigh_sku, &p, cause)) !=
	    POS_OK)
		return rc;
	if ((rc = counter_add(c, &p, grams, c->weigh_code, cause)) == POS_OK)
		c->weigh_sku[0] = '\0';
	return rc;
}

enum pos_rc
counter_add_sku(struct counter *c, const char *sku, int64_t qty,
    char **cause)
{
	struct product p;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if ((rc = db_catalog_product(c->l->db, sku, &p, cause)) != POS_OK)
		return rc;
	/* "3*madu": the count is for pieces; a weighed hit asks its grams. */
	return counter_pick(c, &p, qty, false, p.sku, cause);
}

enum pos_rc
counter_search(struct counter *c, const char *q, struct counter_hit *out,
    size_t max, size_t *n, char **cause)
{
	struct db_hit h[COUNTER_HITS_MAX];
	enum pos_rc rc;
	size_t	 i;

	*n = 0;
	if (max > COUNTER_HITS_MAX)
		max = COUNTER_HITS_MAX;
	if ((rc = db_sale_search(c->l->db, q, h, max, n, cause)) != POS_OK)
		return rc;
	for (i = 0; i < *n; i++) {
		memcpy(out[i].sku, h[i].sku, sizeof out[i].sku);
		memcpy(out[i].name, h[i].name, sizeof out[i].name);
		memcpy(out[i].unit, h[i].unit, sizeof out[i].unit);
		out[i].price_rp = h[i].price_rp;
	}
	return POS_OK;
}

enum pos_rc
counter_set_qty(struct counter *c, size_t i, const char *text,
    char **cause)
{
	const struct sale_line *l;
	struct sale *old;
	int64_t	 qty;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if ((l = sale_line(c->sale, i)) == NULL)
		return cause_set(cause, POS_EINVAL, "Pilih baris dulu");
	if (sale_line_is_weighed(l)) {
		if (!counter_parse_grams(text, &qty))
			return cause_set(cause, POS_EINVAL, "Berat tidak sah: "
			    "tulis gram (1250) atau kg (1,25 kg)");
	} else {
		char	*end;

		errno = 0;
		qty = strtoll(text, &end, 10);
		while (isspace((unsigned char)*end))
			end++;
		if (*text == '\0' || *end != '\0' || errno != 0)
			return cause_set(cause, POS_EINVAL, "Jumlah tidak sah");
	}
	old = sale_dup(c->sale);
	rc = sale_set_qty(c->sale, i, qty, cause);
	return counter_settle(c, old, rc, cause);
}

enum pos_rc
counter_void(struct counter *c, size_t i, char **cause)
{
	struct counter_key k;
	struct sale *old;
	enum pos_rc rc;
	const struct sale_line *l;
	char	 detail[COUNTER_DETAIL_MAX], by[16];

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (sale_npays(c->sale) > 0 && (l = sale_line(c->sale, i)) != NULL &&
	    !l->voided) {
		/* Money has changed hands: a manager sees the void. */
		snprintf(detail, sizeof detail, "Hapus baris %zu %.60s", i + 1,
		    l->name);
		counter_key_of(c, ACT_VOID_PAID, i, &k);
		if ((rc = counter_right(c, &k, detail, by, cause)) != POS_OK)
			return rc;
	}
	old = sale_dup(c->sale);
	rc = sale_void(c->sale, i, cause);
	return counter_settle(c, old, rc, cause);
}

static int64_t
counter_limit_bp(struct counter *c, const char *role)
{
	char	 key[32];

	/* The table holds each role's limit and its default. */
	snprintf(key, sizeof key, "disc.max_bp.%s",
	    role_name(role_parse(role)));
	return setting_find(key) != NULL ? setting_int(c->l, key) : 0;
}

enum pos_rc
counter_discount(struct counter *c, size_t i, const char *text,
    char **cause)
{
	const struct sale_line *l;
	struct counter_key k;
	struct sale *old;
	int64_t	 bp, rp, share, limit;
	char	 detail[COUNTER_DETAIL_MAX], by[16] = "", role[10] = "";
	char	*t;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if ((rc = sale_parse_discount(text, &bp, &rp, cause)) != POS_OK)
		return rc;
	if ((rc = sale_discount_share_bp(c->sale, i, bp, rp, &share, cause)) !=
	    POS_OK)
		return rc;
	t = counter_trim(text);
	if (i == SALE_WHOLE)
		snprintf(detail, sizeof detail, "Diskon %s total", t);
	else {
		l = sale_line(c->sale, i);
		snprintf(detail, sizeof detail, "Diskon %s baris %zu %.60s",
		    t, i + 1, l->name);
	}
	free(t);
	limit = counter_limit_bp(c, c->user.role);
	if (share > limit) {
		/* For this line of this sale, at exactly this discount. */
		counter_key_of(c, ACT_DISCOUNT, i, &k);
		k.bp = bp;
		k.rp = rp;
		if (!counter_take_grant(c, &k, by, sizeof by, role,
		    sizeof role))
			return counter_ask(c, &k, detail, cause);
		if (share > counter_limit_bp(c, role))
			return cause_set(cause, POS_EINVAL, "Diskon melebihi "
			    "batas %s (%" PRId64 ",%02" PRId64 "%%)", role,
			    counter_limit_bp(c, role) / 100,
			    counter_limit_bp(c, role) % 100);
	}
	old = sale_dup(c->sale);
	rc = sale_discount(c->sale, i, bp, rp, by, cause);
	return counter_settle(c, old, rc, cause);
}

enum pos_rc
counter_cancel(struct counter *c, char **cause)
{
	struct counter_key k;
	struct entry *e = NULL;
	struct entry_line *li;
	const struct sale_line *l;
	struct sale *fresh;
	enum pos_rc rc;
	size_t	 i;
	char	 detail[COUNTER_DETAIL_MAX], by[16], label[96];
	char	 money[MONEY_FMT_MAX];

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (sale_npays(c->sale) > 0)
		return cause_set(cause, POS_ESTATE, "Sudah ada pembayaran: "
		    "hapus pembayaran dulu (di layar Bayar)");
	fresh = counter_fresh(c);
	if (sale_nlines(c->sale) == 0 || (sale_kind(c->sale) == SALE_REFUND &&
	    sale_nactive(c->sale) == 0)) {
		/* Nothing was rung up: nothing to log. */
		if (c->saved)
			rc = db_sale_draft_delete(c->l->db, 0, cause);
		goto out;
	}
	/* Goods rung up and not paid for go back on the shelf: a manager
	 * sees it. A refund not paid gives nothing away. */
	sale_label(c->sale, label, sizeof label);
	snprintf(detail, sizeof detail, "Batal transaksi %.60s %s", label,
	    money_fmt(sale_total(c->sale), money));
	by[0] = '\0';
	counter_key_of(c, ACT_CANCEL, SALE_WHOLE, &k);
	k.rp = sale_total(c->sale);
	if (sale_kind(c->sale) == SALE_SALE &&
	    (rc = counter_right(c, &k, detail, by, cause)) != POS_OK)
		goto out;
	e = entry_event("sale.cancel", c->user.code, "sale",
	    sale_uuid(c->sale), "kind", sale_kind(c->sale) == SALE_REFUND ?
	    "refund" : "sale", (const char *)NULL);
	if (*by != '\0') {
		li = entry_add(e, "approval");
		entry_set(&li->code, role_act_code(ACT_CANCEL));
		entry_set(&li->text, by);
	}
	for (i = 0; i < sale_nlines(c->sale); i++) {
		l = sale_line(c->sale, i);
		if (sale_kind(c->sale) == SALE_REFUND && l->qty == 0)
			continue;
		li = entry_add(e, "void");
		entry_set(&li->code, l->sku);
		entry_set(&li->text, l->name);
		entry_set(&li->unit, l->unit);
		li->qty = l->qty;
		li->price_rp = l->price_rp;
		li->amount_rp = l->voided ? l->net_rp : l->amount_rp;
	}
	rc = counter_append(c, e, NULL, NULL, cause);
out:
	entry_free(e);
	if (rc != POS_OK) {
		sale_free(fresh);
		return rc;
	}
	sale_free(c->sale);
	c->sale = fresh;
	c->saved = false;
	return POS_OK;
}

enum pos_rc
counter_hold(struct counter *c, int64_t *id, char **cause)
{
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (sale_nactive(c->sale) == 0)
		return cause_set(cause, POS_ESTATE, "Belum ada barang untuk "
		    "ditahan");
	if (sale_npays(c->sale) > 0)
		return cause_set(cause, POS_ESTATE, "Sudah ada pembayaran: "
		    "selesaikan atau hapus pembayaran dulu");
	if (!c->saved && (rc = counter_save(c, cause)) != POS_OK)
		return rc;
	if ((rc = db_sale_draft_hold(c->l->db, id, cause)) != POS_OK)
		return rc;
	sale_free(c->sale);
	c->sale = counter_fresh(c);
	c->saved = false;
	return POS_OK;
}

enum pos_rc
counter_held_list(struct counter *c, struct counter_held *out, size_t max,
    size_t *n, char **cause)
{
	struct db_draft d[COUNTER_HELD_MAX];
	enum pos_rc rc;
	size_t	 i;

	*n = 0;
	if (max > COUNTER_HELD_MAX)
		max = COUNTER_HELD_MAX;
	if ((rc = db_sale_draft_list(c->l->db, d, max, n, cause)) != POS_OK)
		return rc;
	for (i = 0; i < *n; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].id = d[i].id;
		counter_copy(out[i].author, sizeof out[i].author, d[i].author);
		counter_copy(out[i].label, sizeof out[i].label, d[i].label);
		out[i].total_rp = d[i].total_rp;
		out[i].at_ms = d[i].updated_at_ms;
	}
	return POS_OK;
}

enum pos_rc
counter_recall(struct counter *c, int64_t id, char **cause)
{
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (sale_nlines(c->sale) > 0)
		return cause_set(cause, POS_ESTATE, "Masih ada transaksi "
		    "terbuka: tahan atau selesaikan dulu");
	if (c->saved &&
	    (rc = db_sale_draft_delete(c->l->db, 0, cause)) != POS_OK)
		return rc;
	c->saved = false;
	if ((rc = db_sale_draft_recall(c->l->db, id, cause)) != POS_OK)
		return rc;
	if ((rc = counter_resume(c, cause)) != POS_OK)
		return rc;
	return counter_refund_refresh(c, cause);
}
