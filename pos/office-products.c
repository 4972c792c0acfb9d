/* SPDX-License-Identifier: ISC */
/*
 * The back office: products (menu '1') and the stock list (menu '4').
 * The list pages through every product in name order, or finds what is
 * typed as the counter's search does (a SKU or barcode whole, names from
 * their start, words anywhere), inactive products too. Enter opens the
 * product's form, F2 a new one. The form holds every field of a product;
 * core checks them all and writes one entry, or says which field breaks
 * which rule. A price with a date after today is a price from that day
 * on; without one, the price changes now. There is no delete: a product
 * is made inactive (Aktif 0) and its sales keep it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pos.h"

enum {
	PF_SKU, PF_NAME, PF_PRICE, PF_FROM, PF_UNIT, PF_CATEGORY, PF_TAX,
	PF_OWN, PF_COMMISSION, PF_COST, PF_SUPPLIER, PF_KAB, PF_PLU,
	PF_BARCODES, PF_C1KIND, PF_C1NUM, PF_C1ISSUED, PF_C1EXPIRY,
	PF_C2KIND, PF_C2NUM, PF_C2ISSUED, PF_C2EXPIRY, PF_ACTIVE, PF_N
};

static const char *const office_products_units[] = { "pcs", "g", NULL };
static const char *const office_products_tax[] = { "PPN11", "BEBAS", NULL };
static const char *const office_products_own[] = { "konsinyasi",
    "beli_putus", NULL };
static const char *const office_products_certs[] = { "", "pirt", "bpom",
    "halal", "sni", NULL };
static const char *const office_products_bool[] = { "1", "0", NULL };

static struct form_field office_products_fields[PF_N] = {
	[PF_SKU] = { N_("SKU"), N_("Kode barang: huruf, angka, - _ . "
	    "(tidak bisa diubah)"), 0, NULL },
	[PF_NAME] = { N_("Nama"), N_("Nama seperti dicetak di struk"), 0,
	    NULL },
	[PF_PRICE] = { N_("Harga (Rp)"), N_("Per buah, atau per kg untuk "
	    "barang timbang; Rp1 - Rp100.000.000"), FORM_DIGITS, NULL },
	[PF_FROM] = { N_("Harga mulai"), N_("Kosong = sekarang; atau "
	    "YYYY-MM-DD sesudah hari ini (harga terjadwal)"), 0, NULL },
	[PF_UNIT] = { N_("Satuan"), N_("pcs, atau g = ditimbang (harga per "
	    "kg)"), 0, NULL },
	[PF_CATEGORY] = { N_("Kategori"), N_("Kopi, Tenun, Madu ..."), 0,
	    NULL },
	[PF_TAX] = { N_("Kelas PPN"), N_("PPN11, atau BEBAS (bebas PPN)"), 0,
	    NULL },
	[PF_OWN] = { N_("Kepemilikan"), N_("konsinyasi (titipan) atau "
	    "beli_putus"), 0, NULL },
	[PF_COMMISSION] = { N_("Komisi outlet %"), N_("Konsinyasi: bagian "
	    "outlet, 0-100 (12,5 boleh)"), FORM_DIGITS, NULL },
	[PF_COST] = { N_("Harga beli/pemasok"), N_("Beli putus: harga beli; "
	    "konsinyasi: bagian tetap pemasok per satuan (Rp), komisi 0"),
	    FORM_DIGITS, NULL },
	[PF_SUPPLIER] = { N_("Pemasok (kode)"), N_("Kode pemasok yang "
	    "terdaftar (menu 2)"), 0, NULL },
	[PF_KAB] = { N_("Kabupaten asal"), N_("Kabupaten/kota NTT asal "
	    "barang"), 0, NULL },
	[PF_PLU] = { N_("PLU"), N_("5 angka, untuk label timbangan; boleh "
	    "kosong"), FORM_DIGITS, NULL },
	[PF_BARCODES] = { N_("Barcode"), N_("EAN-13/EAN-8, pisahkan dengan "
	    "koma; paling banyak 4"), FORM_DIGITS, NULL },
	[PF_C1KIND] = { N_("Sertifikat 1"), N_("pirt, bpom, halal, sni, atau "
	    "kosong"), 0, NULL },
	[PF_C1NUM] = { N_("  nomor"), N_("P-IRT 15 angka; BPOM MD/ML + 12 "
	    "angka; halal ID..."), 0, NULL },
	[PF_C1ISSUED] = { N_("  terbit"), N_("YYYY-MM-DD, boleh kosong"), 0,
	    NULL },
	[PF_C1EXPIRY] = { N_("  kedaluwarsa"), N_("YYYY-MM-DD, boleh kosong "
	    "(halal tidak kedaluwarsa)"), 0, NULL },
	[PF_C2KIND] = { N_("Sertifikat 2"), N_("pirt, bpom, halal, sni, atau "
	    "kosong"), 0, NULL },
	[PF_C2NUM] = { N_("  nomor"), N_("Nomor sertifikat"), 0, NULL },
	[PF_C2ISSUED] = { N_("  terbit"), N_("YYYY-MM-DD, boleh kosong"), 0,
	    NULL },
	[PF_C2EXPIRY] = { N_("  kedaluwarsa"), N_("YYYY-MM-DD, boleh "
	    "kosong"), 0, NULL },
	[PF_ACTIVE] = { N_("Aktif"), N_("1 = dijual; 0 = tidak aktif (tidak "
	    "pernah dihapus)"), 0, NULL },
};

static struct office_list office_products_list;
static struct office_form office_products_form;
static struct product office_products_old;	/* the one being edited */

static enum pos_rc
office_products_fetch(struct ui *ui, struct office_list *l, const char *q,
    char **cause)
{
	struct product_row *r;
	char	 m[MONEY_FMT_MAX], qty[32];
	enum pos_rc rc;
	size_t	 i, n = 0;
	bool	 stock = l->arg != NULL;

	r = xcalloc(OFFICE_ROWS_MAX, sizeof *r);
	rc = counter_products(ui->c, q, l->offset, r, OFFICE_ROWS_MAX, &n,
	    cause);
	for (i = 0; rc == POS_OK && i < n; i++) {
		money_fmt(r[i].price_rp, m);
		if (strcmp(r[i].unit, "g") == 0)
			money_fmt_grams(r[i].stock, qty);
		else
			snprintf(qty, sizeof qty, "%lld",
			    (long long)r[i].stock);
		if (stock)
			snprintf(l->rows[i].text, sizeof l->rows[i].text,
			    "%-16.16s %-36.36s %12s%s", r[i].sku, r[i].name,
			    qty, r[i].stock < 0 ? " !" : "");
		else
			snprintf(l->rows[i].text, sizeof l->rows[i].text,
			    "%-16.16s %-30.30s %12s %-3s %6s%s", r[i].sku,
			    r[i].name, m, r[i].unit, qty, r[i].active ? "" :
			    _(" nonaktif"));
		snprintf(l->rows[i].key, sizeof l->rows[i].key, "%s",
		    r[i].sku);
	}
	if (rc == POS_OK)
		l->n = n;
	free(r);
	return rc;
}

static void
office_products_set_cert(struct office_form *f, int base,
    const struct cert *c)
{
	office_form_set(f, (size_t)base, c->kind);
	office_form_set(f, (size_t)base + 1, c->number);
	office_form_set(f, (size_t)base + 2, c->issued);
	office_form_set(f, (size_t)base + 3, c->expiry);
}

/* Fills the form with p (a new product: the defaults). */
static void
office_products_fill(struct office_form *f, const struct product *p)
{
	char	 t[UI_INPUT_MAX], m[MONEY_FMT_MAX];
	size_t	 len = 0;
	int	 i;

	office_form_set(f, PF_SKU, p->sku);
	office_form_set(f, PF_NAME, p->name);
	if (p->price_rp > 0)
		office_rp_text(p->price_rp, m, sizeof m);
	else
		m[0] = '\0';
	office_form_set(f, PF_PRICE, m);
	office_form_set(f, PF_FROM, "");
	office_form_set(f, PF_UNIT, *p->unit ? p->unit : "pcs");
	office_form_set(f, PF_CATEGORY, p->category);
	office_form_set(f, PF_TAX, *p->tax_class ? p->tax_class : "PPN11");
	office_form_set(f, PF_OWN, *p->ownership ? p->ownership :
	    "konsinyasi");
	snprintf(t, sizeof t, "%lld", (long long)p->commission_bp / 100);
	if (p->commission_bp % 100 != 0)
		snprintf(t, sizeof t, "%lld,%02lld",
		    (long long)p->commission_bp / 100,
		    (long long)p->commission_bp % 100);
	office_form_set(f, PF_COMMISSION, t);
	office_rp_text(p->cost_rp, m, sizeof m);
	office_form_set(f, PF_COST, m);
	office_form_set(f, PF_SUPPLIER, p->supplier);
	office_form_set(f, PF_KAB, p->kabupaten);
	office_form_set(f, PF_PLU, p->plu);
	t[0] = '\0';
	for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++)
		len += (size_t)snprintf(t + len, sizeof t - len, "%s%s",
		    i > 0 ? "," : "", p->barcodes[i]);
	office_form_set(f, PF_BARCODES, t);
	office_products_set_cert(f, PF_C1KIND, &p->certs[0]);
	office_products_set_cert(f, PF_C2KIND, &p->certs[1]);
	office_form_set(f, PF_ACTIVE, p->active ? "1" : "0");
}

/* A rupiah field: "" is 0 when zero_ok. */
static enum pos_rc
office_products_rp(const char *text, const char *field, bool zero_ok,
    int64_t *out, char **cause)
{
	if (*text == '\0' && zero_ok) {
		*out = 0;
		return POS_OK;
	}
	if (!money_parse(text, out))
		return cause_set(cause, POS_EINVAL, "%s: tulis rupiah (15000 "
		    "atau 15.000)", field);
	return POS_OK;
}

static enum pos_rc
office_products_cert(const struct office_form *f, int base, struct cert *c,
    char **cause)
{
	memset(c, 0, sizeof *c);
	if (*office_form_get(f, (size_t)base) == '\0') {
		if (*office_form_get(f, (size_t)base + 1) != '\0')
			return cause_set(cause, POS_EINVAL, "Sertifikat: pilih "
			    "jenisnya (Kiri/Kanan) atau kosongkan nomornya");
		return POS_OK;
	}
	if (strlen(office_form_get(f, (size_t)base + 1)) >= sizeof c->number)
		return cause_set(cause, POS_EINVAL, "Sertifikat: nomor terlalu "
		    "panjang");
	snprintf(c->kind, sizeof c->kind, "%s", office_form_get(f,
	    (size_t)base));
	snprintf(c->number, sizeof c->number, "%s", office_form_get(f,
	    (size_t)base + 1));
	snprintf(c->issued, sizeof c->issued, "%.10s", office_form_get(f,
	    (size_t)base + 2));
	snprintf(c->expiry, sizeof c->expiry, "%.10s", office_form_get(f,
	    (size_t)base + 3));
	if (strlen(office_form_get(f, (size_t)base + 2)) > 10 ||
	    strlen(office_form_get(f, (size_t)base + 3)) > 10)
		return cause_set(cause, POS_EINVAL, "Sertifikat %s: tanggal "
		    "harus YYYY-MM-DD", c->kind);
	return POS_OK;
}

/* Text into a fixed field, or the refusal naming it. */
static enum pos_rc
office_products_text(char *dst, size_t size, const char *text,
    const char *field, char **cause)
{
	if (strlen(text) >= size)
		return cause_set(cause, POS_EINVAL, "%s: paling panjang %zu "
		    "huruf", field, size - 1);
	snprintf(dst, size, "%s", text);
	return POS_OK;
}

static enum pos_rc
office_products_submit(struct ui *ui, struct office_form *f, char **cause)
{
	struct product p;
	struct price_change pc;
	char	 codes[UI_INPUT_MAX], *s, *tok;
	int64_t	 bp, rp;
	enum pos_rc rc;
	bool	 is_new = f->key[0] == '\0';
	int	 i = 0;

	memset(&p, 0, sizeof p);
	if (!is_new) {
		p = office_products_old;
		memset(p.barcodes, 0, sizeof p.barcodes);
		/* Certificates past the form's two are kept as they are. */
		memset(&p.certs[0], 0, 2 * sizeof p.certs[0]);
		if (strcmp(office_form_get(f, PF_SKU), f->key) != 0)
			return cause_set(cause, POS_EINVAL, "SKU: tidak bisa "
			    "diubah (buat barang baru, nonaktifkan yang "
			    "lama)");
	}
	if ((rc = office_products_text(p.sku, sizeof p.sku, office_form_get(f,
	    PF_SKU), "SKU", cause)) != POS_OK ||
	    (rc = office_products_text(p.name, sizeof p.name,
	    office_form_get(f, PF_NAME), "Nama", cause)) != POS_OK ||
	    (rc = office_products_text(p.category, sizeof p.category,
	    office_form_get(f, PF_CATEGORY), "Kategori", cause)) != POS_OK ||
	    (rc = office_products_text(p.supplier, sizeof p.supplier,
	    office_form_get(f, PF_SUPPLIER), "Pemasok", cause)) != POS_OK ||
	    (rc = office_products_text(p.plu, sizeof p.plu,
	    office_form_get(f, PF_PLU), "PLU", cause)) != POS_OK)
		return rc;
	snprintf(p.unit, sizeof p.unit, "%s", office_form_get(f, PF_UNIT));
	snprintf(p.tax_class, sizeof p.tax_class, "%s", office_form_get(f,
	    PF_TAX));
	snprintf(p.ownership, sizeof p.ownership, "%s", office_form_get(f,
	    PF_OWN));
	snprintf(p.kabupaten, sizeof p.kabupaten, "%s", office_form_get(f,
	    PF_KAB));
	if ((rc = office_products_rp(office_form_get(f, PF_PRICE), "Harga",
	    false, &p.price_rp, cause)) != POS_OK ||
	    (rc = office_products_rp(office_form_get(f, PF_COST),
	    "Harga beli/pemasok", true, &p.cost_rp, cause)) != POS_OK)
		return rc;
	s = xasprintf("%s%%", office_form_get(f, PF_COMMISSION));
	rc = *office_form_get(f, PF_COMMISSION) == '\0' ? POS_OK :
	    sale_parse_discount(s, &bp, &rp, NULL);
	free(s);
	if (rc != POS_OK)
		return cause_set(cause, POS_EINVAL, "Komisi outlet %%: angka "
		    "0-100 (12,5 boleh)");
	p.commission_bp = *office_form_get(f, PF_COMMISSION) == '\0' ? 0 : bp;
	if (ownership_parse(p.ownership) == OWN_BELI_PUTUS)
		p.commission_bp = 0;
	snprintf(codes, sizeof codes, "%s", office_form_get(f, PF_BARCODES));
	for (tok = strtok_r(codes, ", ", &s); tok != NULL;
	    tok = strtok_r(NULL, ", ", &s)) {
		if (i == CATALOG_BARCODES_MAX || strlen(tok) >= sizeof
		    p.barcodes[0])
			return cause_set(cause, POS_EINVAL, "Barcode: paling "
			    "banyak %d, masing-masing 8 atau 13 angka",
			    CATALOG_BARCODES_MAX);
		snprintf(p.barcodes[i++], sizeof p.barcodes[0], "%s", tok);
	}
	if ((rc = office_products_cert(f, PF_C1KIND, &p.certs[0], cause)) !=
	    POS_OK || (rc = office_products_cert(f, PF_C2KIND, &p.certs[1],
	    cause)) != POS_OK)
		return rc;
	if (p.certs[0].kind[0] == '\0' && p.certs[1].kind[0] != '\0') {
		p.certs[0] = p.certs[1];
		memset(&p.certs[1], 0, sizeof p.certs[1]);
	}
	p.active = strcmp(office_form_get(f, PF_ACTIVE), "1") == 0;
	if (*office_form_get(f, PF_FROM) == '\0')
		return counter_product_put(ui->c, &p, is_new, NULL, cause);
	/* A price from a day on: the product keeps today's price. */
	memset(&pc, 0, sizeof pc);
	snprintf(pc.sku, sizeof pc.sku, "%s", p.sku);
	pc.price_rp = p.price_rp;
	snprintf(pc.from, sizeof pc.from, "%.10s", office_form_get(f,
	    PF_FROM));
	if (strlen(office_form_get(f, PF_FROM)) > 10)
		return cause_set(cause, POS_EINVAL, "Harga mulai: tanggal "
		    "YYYY-MM-DD");
	if (!is_new)
		p.price_rp = office_products_old.price_rp;
	return counter_product_put(ui->c, &p, is_new, &pc, cause);
}

static void
office_products_form_open(struct ui *ui, const struct product *p, bool is_new)
{
	struct office_form *f = &office_products_form;
	struct price_row pr[4];
	char	 m[MONEY_FMT_MAX];
	size_t	 n = 0, nk;
	static char hint[160];

	memset(f, 0, sizeof *f);
	office_products_fields[PF_UNIT].choices = office_products_units;
	office_products_fields[PF_TAX].choices = office_products_tax;
	office_products_fields[PF_OWN].choices = office_products_own;
	office_products_fields[PF_KAB].choices = catalog_kabupaten(&nk);
	office_products_fields[PF_C1KIND].choices = office_products_certs;
	office_products_fields[PF_C2KIND].choices = office_products_certs;
	office_products_fields[PF_ACTIVE].choices = office_products_bool;
	office_products_fields[PF_FROM].hint = N_("Kosong = sekarang; atau "
	    "YYYY-MM-DD sesudah hari ini (harga terjadwal)");
	if (is_new)
		snprintf(f->title, sizeof f->title, "%s", _("Barang baru"));
	else {
		snprintf(f->title, sizeof f->title, "%s %s", _("Barang"),
		    p->sku);
		snprintf(f->key, sizeof f->key, "%s", p->sku);
		/* Prices to come are shown where the date is typed. */
		if (counter_prices(ui->c, p->sku, pr, 4, &n, NULL) == POS_OK &&
		    n > 0) {
			money_fmt(pr[0].price_rp, m);
			snprintf(hint, sizeof hint, _("Terjadwal: %s mulai %s%s; "
			    "kosong = sekarang"), m, pr[0].from, n > 1 ?
			    " ..." : "");
			office_products_fields[PF_FROM].hint = hint;
		}
	}
	f->fields = office_products_fields;
	f->nfields = PF_N;
	f->submit = office_products_submit;
	f->done = is_new ? N_("Barang baru tersimpan (tercatat di ledger)") :
	    N_("Barang tersimpan (tercatat di ledger)");
	office_products_old = *p;
	office_products_fill(f, p);
	office_form_open(ui, f);
}

static void
office_products_pick(struct ui *ui, struct office_list *l, const char *key)
{
	struct product p;
	char	*cause = NULL;

	if (counter_product_get(ui->c, key, &p, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Barang tidak terbaca"));
		return;
	}
	office_products_form_open(ui, &p, false);
}

static void
office_products_add(struct ui *ui, struct office_list *l)
{
	struct product p;

	memset(&p, 0, sizeof p);
	p.active = true;
	/* A name typed in the search is a good start. */
	office_products_form_open(ui, &p, true);
}

static void
office_products_list_open(struct ui *ui, bool stock)
{
	struct office_list *l = &office_products_list;

	memset(l, 0, sizeof *l);
	snprintf(l->title, sizeof l->title, "%s", stock ? _("Stok per "
	    "barang") : _("Barang"));
	l->columns = stock ? _("SKU              Nama                       "
	    "             Stok") : _("SKU              Nama                 "
	    "                 Harga Sat   Stok");
	l->fetch = office_products_fetch;
	l->pick = office_products_pick;
	l->add = stock ? NULL : office_products_add;
	l->paged = true;
	l->arg = stock ? l : NULL;
	office_list_open(ui, l);
}

void
office_products_open(struct ui *ui)
{
	office_products_list_open(ui, false);
}

void
office_stock_open(struct ui *ui)
{
	office_products_list_open(ui, true);
}
