/* SPDX-License-Identifier: ISC */
/*
 * The session at the counter (counter.h): login and PIN throttling,
 * approvals, the open sale kept durable in draft 0 on every change, hold
 * and recall, the commit of a paid sale as one entry together with the end
 * of its draft, and only then the receipt: a text copy next to the ledger
 * and, when a printer is configured, ESC/POS with the drawer kick.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "counter.h"
#include "ledger-int.h"
#include "print.h"
#include "report.h"
#include "receipts.h"

#define COUNTER_WANT_MAX	16
#define COUNTER_DETAIL_MAX	160

struct counter {
	struct ledger		*l;		/* borrowed */
	struct counter_user	 user;
	bool			 in;		/* someone is logged in */
	struct sale		*sale;		/* owned; NULL when out */
	bool			 saved;		/* draft 0 holds sale */
	char			 want[COUNTER_WANT_MAX];
	char			 want_detail[COUNTER_DETAIL_MAX];
	char			 grant[COUNTER_WANT_MAX];
	char			 grant_detail[COUNTER_DETAIL_MAX];
	char			 grant_by[16];
	char			 grant_role[10];
	char			 weigh_sku[32];
	char			 weigh_name[96];
	char			 weigh_code[32];	/* as struct product sku */
	/* The status line, cached: the screen redraws it on every key. */
	struct counter_status	 st;
	int64_t			 st_at_ms;	/* 0: to be read again */
	char			 prn[32];
	int64_t			 prn_at_ms;	/* 0: to be read again */
	char			 note[COUNTER_DETAIL_MAX];	/* counter_note */
};

static void
counter_copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src != NULL ? src : "");
}

enum pos_rc
counter_open(struct ledger *l, struct counter **out, char **cause)
{
	struct counter *c;

	if (!l->have_key)
		return cause_set(cause, POS_ESTATE, "Ledger dibuka tanpa kunci "
		    "perangkat: kasir tidak bisa berjualan");
	c = xcalloc(1, sizeof *c);
	c->l = l;
	*out = c;
	return POS_OK;
}

void
counter_close(struct counter *c)
{
	if (c == NULL)
		return;
	sale_free(c->sale);
	free(c);
}

char *
counter_secret_new(void)
{
	char	*p;

	if ((p = sodium_malloc(COUNTER_PIN_MAX)) == NULL)
		fatalx("sodium_malloc: out of memory");
	memset(p, 0, COUNTER_PIN_MAX);
	return p;
}

void
counter_secret_free(char *p)
{
	if (p != NULL)
		sodium_free(p);		/* zeroes before freeing */
}

const struct counter_user *
counter_user(const struct counter *c)
{
	return c->in ? &c->user : NULL;
}

const struct sale *
counter_sale(const struct counter *c)
{
	return c->sale;
}

const char *
counter_note(struct counter *c)
{
	static char out[COUNTER_DETAIL_MAX];

	snprintf(out, sizeof out, "%s", c->note);
	c->note[0] = '\0';
	return *out != '\0' ? out : NULL;
}

const char *
counter_wants(const struct counter *c)
{
	return c->want[0] != '\0' ? c->want : NULL;
}

const char *
counter_wants_detail(const struct counter *c)
{
	return c->want_detail;
}

const char *
counter_wants_weight(const struct counter *c)
{
	return c->weigh_sku[0] != '\0' ? c->weigh_name : NULL;
}

void
counter_weight_cancel(struct counter *c)
{
	c->weigh_sku[0] = '\0';
}

void
counter_number(const struct counter *c, int64_t seq, char *out)
{
	snprintf(out, COUNTER_NUMBER_MAX, "%s-%06" PRId64,
	    ledger_device_id(c->l), seq);
}

static bool
counter_is_manager(const char *role)
{
	return role_is_manager(role_parse(role));
}

static bool
counter_pkp(struct counter *c)
{
	char	*v = NULL;
	bool	 pkp = false;

	if (catalog_get_setting(c->l, "pkp", &v, NULL) == POS_OK)
		pkp = strcmp(v, "1") == 0;
	free(v);
	return pkp;
}

static enum pos_rc
counter_append(struct counter *c, struct entry *e,
    enum pos_rc (*fn)(struct db *, const struct entry *, void *, char **),
    void *arg, char **cause)
{
	struct db_apply apply = { fn, arg, NULL };
	enum pos_rc rc;

	rc = ledger_append_apply(c->l, e, fn != NULL ? &apply : NULL, cause);
	c->st_at_ms = c->prn_at_ms = 0;
	return rc;
}

/* Checks user's PIN (auth.c); the status line is read again after. */
static enum pos_rc
counter_pin_check(struct counter *c, const char *code, const char *pin,
    struct user *u, bool *reset, char **cause)
{
	enum pos_rc rc;

	rc = auth_pin(c->l, code, pin, u, reset, cause);
	c->st_at_ms = c->prn_at_ms = 0;
	/* At the counter an unknown code is just a wrong login. */
	return rc == POS_ENOTFOUND ? POS_EINVAL : rc;
}

/* Appends e, and when reset, clears user's PIN failures with it. */
static enum pos_rc
counter_append_reset(struct counter *c, struct entry *e, const char *user,
    bool reset, char **cause)
{
	enum pos_rc rc;

	rc = auth_append_reset(c->l, e, user, reset, cause);
	c->st_at_ms = c->prn_at_ms = 0;
	return rc;
}

static void
counter_forget(struct counter *c)
{
	sale_free(c->sale);
	c->sale = NULL;
	c->saved = false;
	c->want[0] = c->grant[0] = c->weigh_sku[0] = '\0';
}

/* A new empty sale by the user logged in, started now. */
static struct sale *
counter_fresh(struct counter *c)
{
	struct sale *s = sale_new(SALE_SALE, c->user.code, counter_pkp(c));

	sale_set_started(s, clock_now_ms());
	return s;
}

/* Loads draft 0, or starts an empty sale. */
static enum pos_rc
counter_resume(struct counter *c, char **cause)
{
	struct db_draft d;
	struct sale *s = NULL;
	char	*body = NULL, *why = NULL;
	enum pos_rc rc;

	rc = db_sale_draft_get(c->l->db, 0, &d, &body, &why);
	if (rc == POS_ENOTFOUND) {
		/* No open sale: not an error, start an empty one. */
		free(why);
		sale_free(c->sale);
		c->sale = counter_fresh(c);
		c->saved = false;
		return POS_OK;
	}
	if (rc != POS_OK) {
		cause_set(cause, rc, "%s", why != NULL ? why : "?");
		free(why);
		return rc;
	}
	rc = sale_decode(body, &s, cause);
	free(body);
	if (rc != POS_OK)
		return rc;
	sale_free(c->sale);
	c->sale = s;
	c->saved = true;
	return POS_OK;
}

enum pos_rc
counter_login(struct counter *c, const char *code, const char *pin,
    char **cause)
{
	struct user u;
	struct entry *e;
	enum pos_rc rc;
	char	*why = NULL;
	bool	 reset, rehash;

	if (c->in)
		return cause_set(cause, POS_ESTATE, "%s masih masuk",
		    c->user.code);
	rc = counter_pin_check(c, code, pin, &u, &reset, cause);
	rehash = rc == POS_OK && pin_needs_rehash(u.pin_hash);
	sodium_memzero(u.pin_hash, sizeof u.pin_hash);
	if (rc != POS_OK)
		return rc;
	e = entry_event("login", code, "user", code, "role", u.role,
	    (const char *)NULL);
	rc = counter_append_reset(c, e, code, reset, cause);
	entry_free(e);
	if (rc != POS_OK)
		return rc;
	/* Hashed with older parameters: upgrade with the PIN just typed. A
	 * failure here costs nothing but the upgrade, so it only logs. */
	if (rehash && catalog_put_user(c->l, code, &u, pin, &why) != POS_OK) {
		log_warnx("PIN %s tidak diperbarui: %s", code, why);
		free(why);
	}
	counter_copy(c->user.code, sizeof c->user.code, u.code);
	counter_copy(c->user.name, sizeof c->user.name, u.name);
	counter_copy(c->user.role, sizeof c->user.role, u.role);
	c->in = true;
	if ((rc = counter_resume(c, cause)) != POS_OK) {
		c->in = false;
		counter_forget(c);
	}
	return rc;
}

enum pos_rc
counter_logout(struct counter *c, char **cause)
{
	struct entry *e;
	enum pos_rc rc;

	if (!c->in)
		return POS_OK;
	e = entry_event("logout", c->user.code, "user", c->user.code,
	    (const char *)NULL);
	rc = counter_append(c, e, NULL, NULL, cause);
	entry_free(e);
	if (rc != POS_OK)
		return rc;
	c->in = false;
	counter_forget(c);
	memset(&c->user, 0, sizeof c->user);
	return POS_OK;
}

enum pos_rc
counter_unlock(struct counter *c, const char *user, const char *manager,
    const char *pin, char **cause)
{
	struct db_pin_set ps;
	struct db_pin st;
	struct user u, m;
	struct entry *e;
	enum pos_rc rc;
	bool	 reset;

	if (db_catalog_user(c->l->db, user, &u, NULL) != POS_OK)
		return cause_set(cause, POS_EINVAL, "Pengguna %s tidak "
		    "terdaftar", user);
	if ((rc = db_sale_pin_get(c->l->db, user, &st, cause)) != POS_OK)
		return rc;
	if (!st.locked && st.failed == 0)
		return cause_set(cause, POS_ESTATE, "%s tidak terkunci", user);
	if (strcmp(user, manager) == 0)
		return cause_set(cause, POS_ESTATE, "Manajer lain yang harus "
		    "membuka kunci");
	rc = counter_pin_check(c, manager, pin, &m, &reset, cause);
	sodium_memzero(m.pin_hash, sizeof m.pin_hash);
	if (rc != POS_OK)
		return rc;
	if (!counter_is_manager(m.role))
		return cause_set(cause, POS_ESTATE, "%s bukan manajer",
		    manager);
	if (reset) {
		/* The manager's own slips are forgiven by a good PIN. */
		e = entry_event("pin.reset", manager, "user", manager,
		    (const char *)NULL);
		rc = counter_append_reset(c, e, manager, true, cause);
		entry_free(e);
		if (rc != POS_OK)
			return rc;
	}
	memset(&ps, 0, sizeof ps);
	counter_copy(ps.user, sizeof ps.user, user);
	e = entry_event("pin.unlock", manager, "user", user, "approver",
	    manager, (const char *)NULL);
	rc = counter_append(c, e, db_sale_apply_pin, &ps, cause);
	entry_free(e);
	return rc;
}

static enum pos_rc
counter_need_in(struct counter *c, char **cause)
{
	if (!c->in || c->sale == NULL)
		return cause_set(cause, POS_ESTATE, "Belum masuk");
	return POS_OK;
}

/* Sets the action waiting for a manager and says so. */
static enum pos_rc
counter_ask(struct counter *c, const char *action, const char *detail,
    char **cause)
{
	counter_copy(c->want, sizeof c->want, action);
	counter_copy(c->want_detail, sizeof c->want_detail, detail);
	return cause_set(cause, POS_ESTATE, "%s: perlu persetujuan manajer",
	    detail);
}

/* Takes the grant for exactly this action, if a manager gave it. */
static bool
counter_take_grant(struct counter *c, const char *action, const char *detail,
    char *by, size_t size, char *role, size_t rsize)
{
	if (strcmp(c->grant, action) != 0 ||
	    strcmp(c->grant_detail, detail) != 0)
		return false;
	counter_copy(by, size, c->grant_by);
	counter_copy(role, rsize, c->grant_role);
	c->grant[0] = '\0';
	return true;
}

/*
 * Whether the user may do act now (role.h): alone (*by ""), with the
 * grant a manager gave for exactly this detail (*by the manager), or
 * not: asks for an approval (POS_ESTATE, counter_wants set) or refuses
 * what only a manager may do. by holds 16 bytes.
 */
static enum pos_rc
counter_right(struct counter *c, enum role_act act, const char *detail,
    char *by, char **cause)
{
	char	 role[10];

	by[0] = '\0';
	switch (role_need(role_parse(c->user.role), act)) {
	case ROLE_ALONE:
		return POS_OK;
	case ROLE_MANAGER:
		return cause_set(cause, POS_ESTATE, "%s: hanya manajer",
		    role_act_name(act));
	case ROLE_APPROVAL:
		break;
	}
	if (counter_take_grant(c, role_act_code(act), detail, by, 16, role,
	    sizeof role))
		return POS_OK;
	return counter_ask(c, role_act_code(act), detail, cause);
}

static enum pos_rc
counter_approval_event(struct counter *c, const char *approver,
    const char *result, bool reset, char **cause)
{
	struct entry *e;
	enum pos_rc rc;

	e = entry_event("approval", c->user.code, "action", c->want,
	    "detail", c->want_detail, "approver", approver, "result", result,
	    (const char *)NULL);
	rc = counter_append_reset(c, e, approver, reset, cause);
	entry_free(e);
	return rc;
}

enum pos_rc
counter_approve(struct counter *c, const char *manager, const char *pin,
    char **cause)
{
	struct user m;
	enum pos_rc rc;
	bool	 reset = false;

	if (c->want[0] == '\0')
		return cause_set(cause, POS_ESTATE, "Tidak ada yang perlu "
		    "disetujui");
	if (strcmp(manager, c->user.code) == 0 &&
	    !counter_is_manager(c->user.role))
		return cause_set(cause, POS_ESTATE, "Persetujuan harus oleh "
		    "manajer");
	rc = counter_pin_check(c, manager, pin, &m, &reset, cause);
	sodium_memzero(m.pin_hash, sizeof m.pin_hash);
	if (rc == POS_OK && !counter_is_manager(m.role)) {
		counter_approval_event(c, manager, "bukan manajer", reset,
		    NULL);
		return cause_set(cause, POS_ESTATE, "%s bukan manajer",
		    manager);
	}
	if (rc != POS_OK) {
		/* Wrong PINs are events of their own; record the refusal. */
		if (db_catalog_user(c->l->db, manager, &m, NULL) == POS_OK)
			counter_approval_event(c, manager, "ditolak", false,
			    NULL);
		sodium_memzero(m.pin_hash, sizeof m.pin_hash);
		return rc;
	}
	if ((rc = counter_approval_event(c, manager, "disetujui", reset,
	    cause)) != POS_OK)
		return rc;
	counter_copy(c->grant, sizeof c->grant, c->want);
	counter_copy(c->grant_detail, sizeof c->grant_detail, c->want_detail);
	counter_copy(c->grant_by, sizeof c->grant_by, m.code);
	counter_copy(c->grant_role, sizeof c->grant_role, m.role);
	c->want[0] = '\0';
	return POS_OK;
}

enum pos_rc
counter_approve_cancel(struct counter *c, char **cause)
{
	enum pos_rc rc;

	if (c->want[0] == '\0')
		return POS_OK;
	rc = counter_approval_event(c, "", "batal", false, cause);
	c->want[0] = '\0';
	return rc;
}

/* Writes the open sale as draft 0 (one durable transaction). */
static enum pos_rc
counter_save(struct counter *c, char **cause)
{
	struct db_draft d;
	char	*body;
	enum pos_rc rc;

	memset(&d, 0, sizeof d);
	d.id = 0;
	counter_copy(d.uuid, sizeof d.uuid, sale_uuid(c->sale));
	counter_copy(d.kind, sizeof d.kind, sale_kind(c->sale) ==
	    SALE_REFUND ? "refund" : "sale");
	counter_copy(d.author, sizeof d.author, sale_author(c->sale));
	sale_label(c->sale, d.label, sizeof d.label);
	d.total_rp = sale_total(c->sale);
	d.updated_at_ms = clock_now_ms();
	body = sale_encode(c->sale);
	rc = db_sale_draft_put(c->l->db, &d, body, cause);
	free(body);
	if (rc == POS_OK)
		c->saved = true;
	return rc;
}

/*
 * Every change goes through here: old is the sale before it. When the
 * change failed or cannot be made durable, the sale is put back exactly.
 */
static enum pos_rc
counter_settle(struct counter *c, struct sale *old, enum pos_rc rc,
    char **cause)
{
	if (rc == POS_OK)
		rc = counter_save(c, cause);
	if (rc != POS_OK) {
		sale_free(c->sale);
		c->sale = old;
	} else
		sale_free(old);
	return rc;
}

static enum pos_rc
counter_lookup(struct counter *c, const char *code, struct product *p,
    char **cause)
{
	char	 sku[32], up[64];
	size_t	 n = strlen(code), i;
	struct db *db = c->l->db;

	if (n > 0 && strspn(code, "0123456789") == n) {
		if (n == 13 && !barcode_ean13_valid(code))
			return cause_set(cause, POS_EINVAL, "Barcode %s: digit "
			    "periksa salah, scan ulang", code);
		if (n == 5) {
			if (db_sale_sku_by_plu(db, code, sku, sizeof sku,
			    NULL) != POS_OK)
				return cause_set(cause, POS_ENOTFOUND, "PLU %s "
				    "tidak terdaftar", code);
			return db_catalog_product(db, sku, p, cause);
		}
		if (db_catalog_product_by_barcode(db, code, p, NULL) == POS_OK)
			return POS_OK;
		return cause_set(cause, POS_ENOTFOUND, "Barcode %s tidak "
		    "terdaftar", code);
	}
	if (db_catalog_product(db, code, p, NULL) == POS_OK)
		return POS_OK;
	if (n < sizeof up) {
		for (i = 0; i <= n; i++)
			up[i] = (char)toupper((unsigned char)code[i]);
		if (db_catalog_product(db, up, p, NULL) == POS_OK)
			return POS_OK;
	}
	return cause_set(cause, POS_ENOTFOUND, "Kode %s tidak terdaftar "
	    "(ketik nama untuk mencari)", code);
}

static char *
counter_trim(const char *s)
{
	size_t	 n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
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
	if (strlen(code) != 13 || code[0] != '2' || code[1] < '0' ||
	    strspn(code, "0123456789") != 13 ||
	    db_catalog_product_by_barcode(c->l->db, code, &p, NULL) == POS_OK)
		return POS_OK;
	*handled = true;
	if (catalog_get_setting(c->l, "barcode.scale", &layouts, NULL) !=
	    POS_OK || *layouts == '\0') {
		free(layouts);
		layouts = xstrdup(SALE_SCALE_DEFAULT);
	}
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
	if (sc.weight && strcmp(p.unit, "g") != 0)
		return cause_set(cause, POS_EINVAL, "Label berat untuk barang "
		    "satuan %s", p.name);
	old = sale_dup(c->sale);
	if (sc.weight)
		rc = sale_add(c->sale, &p, sc.value, code, cause);
	else
		rc = sale_add_priced(c->sale, &p, sc.value, code, cause);
	return counter_settle(c, old, rc, cause);
}

enum pos_rc
counter_scan(struct counter *c, const char *input, char **cause)
{
	struct product p;
	struct sale *old;
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
	if (strlen(code) > 40) {
		rc = cause_set(cause, POS_EINVAL, "Kode terlalu panjang");
		goto out;
	}
	rc = counter_scan_label(c, code, has_qty, &handled, cause);
	if (handled)
		goto out;
	if ((rc = counter_lookup(c, code, &p, cause)) != POS_OK)
		goto out;
	if (strcmp(p.unit, "g") == 0) {
		if (has_qty) {
			rc = cause_set(cause, POS_EINVAL, "%s ditimbang: "
			    "masukkan berat, bukan jumlah", p.name);
			goto out;
		}
		if (!p.active) {
			rc = cause_set(cause, POS_EINVAL, "%s tidak aktif: "
			    "tidak boleh dijual", p.name);
			goto out;
		}
		counter_copy(c->weigh_sku, sizeof c->weigh_sku, p.sku);
		counter_copy(c->weigh_name, sizeof c->weigh_name, p.name);
		counter_copy(c->weigh_code, sizeof c->weigh_code, code);
		rc = cause_set(cause, POS_ESTATE, "Masukkan berat %s (gram)",
		    p.name);
		goto out;
	}
	old = sale_dup(c->sale);
	rc = sale_add(c->sale, &p, qty, code, cause);
	rc = counter_settle(c, old, rc, cause);
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
	struct sale *old;
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
	old = sale_dup(c->sale);
	rc = sale_add(c->sale, &p, grams, c->weigh_code, cause);
	if ((rc = counter_settle(c, old, rc, cause)) == POS_OK)
		c->weigh_sku[0] = '\0';
	return rc;
}

enum pos_rc
counter_add_sku(struct counter *c, const char *sku, int64_t qty,
    char **cause)
{
	struct product p;
	struct sale *old;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if ((rc = db_catalog_product(c->l->db, sku, &p, cause)) != POS_OK)
		return rc;
	if (strcmp(p.unit, "g") == 0) {
		counter_copy(c->weigh_sku, sizeof c->weigh_sku, p.sku);
		counter_copy(c->weigh_name, sizeof c->weigh_name, p.name);
		counter_copy(c->weigh_code, sizeof c->weigh_code, p.sku);
		return cause_set(cause, POS_ESTATE, "Masukkan berat %s (gram)",
		    p.name);
	}
	old = sale_dup(c->sale);
	rc = sale_add(c->sale, &p, qty, p.sku, cause);
	return counter_settle(c, old, rc, cause);
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
	if (strcmp(l->unit, "g") == 0) {
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
		if ((rc = counter_right(c, ACT_VOID_PAID, detail, by, cause)) !=
		    POS_OK)
			return rc;
	}
	old = sale_dup(c->sale);
	rc = sale_void(c->sale, i, cause);
	return counter_settle(c, old, rc, cause);
}

static int64_t
counter_limit_bp(struct counter *c, const char *role)
{
	char	 key[32], *v = NULL, *end;
	long long bp;
	int64_t	 dflt = strcmp(role, "kasir") == 0 ? 1000 : 5000;

	snprintf(key, sizeof key, "disc.max_bp.%s", role);
	if (catalog_get_setting(c->l, key, &v, NULL) != POS_OK)
		return dflt;
	bp = strtoll(v, &end, 10);
	if (*v == '\0' || *end != '\0' || bp < 0 || bp > 10000)
		bp = dflt;
	free(v);
	return bp;
}

enum pos_rc
counter_discount(struct counter *c, size_t i, const char *text,
    char **cause)
{
	const struct sale_line *l;
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
		if (!counter_take_grant(c, "diskon", detail, by, sizeof by,
		    role, sizeof role))
			return counter_ask(c, "diskon", detail, cause);
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
	if (sale_kind(c->sale) == SALE_SALE &&
	    (rc = counter_right(c, ACT_CANCEL, detail, by, cause)) != POS_OK)
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
	rc = counter_append(c, e, db_sale_apply_close, NULL, cause);
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

/*
 * A refund taken up again (recalled, or reopened after a restart) is
 * checked against what was refunded since it was rung: its lines are cut
 * to what may still go back, so a held refund never pays twice (the gate
 * refuses it anyway, inside the write: core/gate.c).
 */
static enum pos_rc
counter_refund_refresh(struct counter *c, char **cause)
{
	struct entry *orig = NULL, **earlier = NULL;
	char	 number[COUNTER_NUMBER_MAX];
	enum pos_rc rc;
	size_t	 n = 0;
	bool	 cut = false;

	if (c->sale == NULL || sale_kind(c->sale) != SALE_REFUND)
		return POS_OK;
	if ((rc = db_journal_get_uuid(c->l->db, sale_ref_uuid(c->sale), &orig,
	    cause)) != POS_OK)
		return rc;
	counter_number(c, orig->seq, number);
	if ((rc = db_sale_refund_entries(c->l->db, orig->uuid, &earlier, &n,
	    cause)) == POS_OK)
		rc = sale_refund_refresh(c->sale, orig, number, earlier, n,
		    &cut, cause);
	db_sale_entries_free(earlier, n);
	entry_free(orig);
	if (rc == POS_OK && cut && (rc = counter_save(c, cause)) == POS_OK)
		snprintf(c->note, sizeof c->note, "Nota %s sudah diretur sejak "
		    "ditahan: jumlah retur dikurangi, periksa lagi", number);
	return rc;
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
counter_parse_amount(const struct counter *c, const char *text,
    int64_t *amount_rp, char **cause)
{
	char	*t;
	bool	 ok;

	t = counter_trim(text != NULL ? text : "");
	if (*t == '\0') {
		free(t);
		*amount_rp = c->sale != NULL ? sale_due(c->sale) : 0;
		return POS_OK;
	}
	ok = money_parse(t, amount_rp);
	free(t);
	if (!ok)
		return cause_set(cause, POS_EINVAL, "Jumlah uang tidak sah: "
		    "tulis 50000 atau 50.000");
	return POS_OK;
}

enum pos_rc
counter_pay_amount(struct counter *c, const char *method, int64_t amount_rp,
    const char *ref, char **cause)
{
	struct sale *old;
	char	*r;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	r = counter_trim(ref != NULL ? ref : "");
	old = sale_dup(c->sale);
	rc = sale_pay(c->sale, method, amount_rp, r, cause);
	free(r);
	return counter_settle(c, old, rc, cause);
}

enum pos_rc
counter_pay(struct counter *c, const char *method, const char *amount,
    const char *ref, char **cause)
{
	int64_t	 v;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if ((rc = counter_parse_amount(c, amount, &v, cause)) != POS_OK)
		return rc;
	return counter_pay_amount(c, method, v, ref, cause);
}

enum pos_rc
counter_pay_remove(struct counter *c, char **cause)
{
	struct sale *old;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	old = sale_dup(c->sale);
	rc = sale_pay_remove(c->sale, cause);
	return counter_settle(c, old, rc, cause);
}

enum pos_rc
counter_qris(struct counter *c, int64_t amount_rp, char **payload,
    char **merchant, char **cause)
{
	struct qris *q = NULL;
	char	*st = NULL;
	const char *name;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (amount_rp <= 0 || amount_rp > sale_due(c->sale))
		return cause_set(cause, POS_EINVAL, "QRIS harus 1 sampai sisa "
		    "tagihan");
	if (catalog_get_setting(c->l, "qris.static", &st, NULL) != POS_OK ||
	    *st == '\0') {
		free(st);
		return cause_set(cause, POS_ENOTFOUND, "QRIS toko belum diatur:"
		    " manajer memasukkannya sekali (Ctrl-K)");
	}
	if ((rc = qris_dynamic(st, amount_rp, payload, cause)) != POS_OK)
		goto out;
	if (qris_parse(st, &q, NULL) == POS_OK &&
	    (name = qris_merchant_name(q)) != NULL)
		*merchant = xstrdup(name);
	else
		*merchant = xstrdup("");
out:
	qris_free(q);
	free(st);
	return rc;
}

enum pos_rc
counter_qris_setup(struct counter *c, const char *payload, char **cause)
{
	char	*t, *dyn = NULL;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (!counter_is_manager(c->user.role))
		return cause_set(cause, POS_ESTATE, "Hanya manajer yang "
		    "mengatur QRIS toko");
	t = counter_trim(payload);
	/* It must convert, or it is no use at the till. */
	if ((rc = qris_dynamic(t, 1000, &dyn, cause)) == POS_OK)
		rc = catalog_set(c->l, c->user.code, "qris.static", t, cause);
	free(dyn);
	free(t);
	return rc;
}

/* Writes text to path by temp + fsync + rename (style.md B10 #5). */
static enum pos_rc
counter_write_file(const char *path, const char *text, char **cause)
{
	char	*tmp;
	size_t	 len = strlen(text), off = 0;
	ssize_t	 n;
	int	 fd;

	tmp = xasprintf("%s.tmp", path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) ==
	    -1) {
		free(tmp);
		return cause_set(cause, POS_EIO, "Struk tidak bisa ditulis: "
		    "%s", strerror(errno));
	}
	while (off < len) {
		if ((n = write(fd, text + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		off += (size_t)n;
	}
	if (off < len || fsync(fd) != 0 || close(fd) != 0) {
		if (off < len)
			close(fd);
		unlink(tmp);
		free(tmp);
		return cause_set(cause, errno == ENOSPC ? POS_EFULL : POS_EIO,
		    "Struk tidak bisa ditulis: %s", strerror(errno));
	}
	if (rename(tmp, path) != 0) {
		unlink(tmp);
		free(tmp);
		return cause_set(cause, POS_EIO, "Struk tidak bisa ditulis: "
		    "%s", strerror(errno));
	}
	free(tmp);
	return POS_OK;
}

static char *
counter_setting(struct counter *c, const char *key)
{
	char	*v = NULL;

	if (catalog_get_setting(c->l, key, &v, NULL) != POS_OK || *v == '\0') {
		free(v);
		return NULL;
	}
	return v;
}

/*
 * After the commit: the archive copy next to the ledger, then the printer.
 * The receipt or refund slip was queued with its entry (print.h), and both
 * are made from that entry: print_pump prints it now, or keeps it for the
 * next try.
 */
static void
counter_print(struct counter *c, const struct entry *e,
    struct counter_done *done)
{
	char	*spec, *pname, *dir = NULL, *copy, *text = NULL, *cause = NULL;
	int64_t	 n = 0;
	bool	 printer;

	spec = counter_setting(c, "printer");
	pname = counter_setting(c, "printer.profile");
	printer = spec != NULL && strcmp(spec, "none") != 0;
	if (print_text(c->l, e->seq, pname != NULL ? pname : "58", &text,
	    &cause) != POS_OK) {
		snprintf(done->print_error, sizeof done->print_error,
		    "Struk tidak bisa disusun: %s", cause);
		goto print;
	}
	/* The archive copy: <ledger dir>/struk/<number>.txt. */
	copy = xstrdup(db_path(c->l->db));
	dir = xasprintf("%s/struk", dirname(copy));
	free(copy);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		snprintf(done->print_error, sizeof done->print_error,
		    "Folder struk tidak bisa dibuat: %s", strerror(errno));
	else {
		snprintf(done->receipt_path, sizeof done->receipt_path,
		    "%s/%s.txt", dir, done->number);
		if (counter_write_file(done->receipt_path, text, &cause) !=
		    POS_OK) {
			snprintf(done->print_error, sizeof done->print_error,
			    "%s", cause);
			done->receipt_path[0] = '\0';
		}
	}
print:
	free(cause);
	cause = NULL;
	if (print_pump(c->l, NULL, &n, &cause) != POS_OK)
		snprintf(done->print_error, sizeof done->print_error,
		    "%s (tersimpan, dicetak nanti: Ctrl-P)", cause);
	else
		done->printed = printer && n > 0;
	free(text);
	free(dir);
	free(spec);
	free(pname);
	free(cause);
}

enum pos_rc
counter_print_retry(struct counter *c, int64_t *printed, char **cause)
{
	c->st_at_ms = c->prn_at_ms = 0;
	return print_pump(c->l, NULL, printed, cause);
}

static enum pos_rc counter_find_seq(struct counter *, const char *,
    int64_t *, char **);

enum pos_rc
counter_reprint(struct counter *c, const char *number, char **cause)
{
	struct actor a;
	enum pos_rc rc;
	int64_t	 seq;
	char	*t, num[COUNTER_NUMBER_MAX], detail[COUNTER_DETAIL_MAX];

	memset(&a, 0, sizeof a);
	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	t = counter_trim(number);
	rc = counter_find_seq(c, t, &seq, cause);
	free(t);
	if (rc != POS_OK)
		return rc;
	counter_number(c, seq, num);
	snprintf(detail, sizeof detail, "Cetak ulang %s", num);
	if ((rc = counter_right(c, ACT_REPRINT, detail, a.approver, cause)) !=
	    POS_OK)
		return rc;
	counter_copy(a.code, sizeof a.code, c->user.code);
	a.role = role_parse(c->user.role);
	c->st_at_ms = c->prn_at_ms = 0;
	if ((rc = print_reprint(c->l, &a, seq, cause)) != POS_OK)
		return rc;
	return print_pump(c->l, NULL, NULL, cause);
}

enum pos_rc
counter_commit(struct counter *c, struct counter_done *done, char **cause)
{
	struct entry *e = NULL;
	struct entry_line *li;
	struct sale *s;
	char	 detail[COUNTER_DETAIL_MAX], by[16] = "";
	char	 money[MONEY_FMT_MAX];
	enum pos_rc rc;

	memset(done, 0, sizeof *done);
	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	s = c->sale;
	if ((rc = sale_entry(s, &e, cause)) != POS_OK)
		return rc;
	entry_set(&e->author, c->user.code);
	if (sale_kind(s) == SALE_REFUND) {
		snprintf(detail, sizeof detail, "Retur %s %s",
		    sale_ref_number(s), money_fmt(sale_total(s), money));
		if ((rc = counter_right(c, ACT_REFUND, detail, by, cause)) !=
		    POS_OK) {
			entry_free(e);
			return rc;
		}
		if (*by != '\0') {
			li = entry_add(e, "approval");
			entry_set(&li->code, role_act_code(ACT_REFUND));
			entry_set(&li->text, by);
		}
	}
	/* The entry and the end of the draft, in one transaction. */
	rc = counter_append(c, e, db_sale_apply_close, NULL, cause);
	if (rc != POS_OK) {
		entry_free(e);
		return rc;
	}
	done->seq = e->seq;
	counter_number(c, e->seq, done->number);
	done->refund = sale_kind(s) == SALE_REFUND;
	done->total_rp = sale_total(s);
	done->paid_rp = sale_paid(s);
	done->change_rp = sale_change(s);
	c->sale = counter_fresh(c);
	c->saved = false;
	counter_print(c, e, done);
	sale_free(s);
	entry_free(e);
	return POS_OK;
}

/* Parses a receipt number or scanned receipt QR into a seq. */
static enum pos_rc
counter_find_seq(struct counter *c, const char *text, int64_t *seq,
    char **cause)
{
	struct rcode r;
	const char *dev = ledger_device_id(c->l), *p;
	char	*end;
	size_t	 dlen = strlen(dev);
	long long v;

	if (strncmp(text, "NTT1_", 5) == 0) {
		if (ledger_receipt_check(c->l, text, &r, cause) != POS_OK)
			return POS_EINVAL;
		*seq = r.seq;
		return POS_OK;
	}
	p = text;
	if (strncasecmp(text, dev, dlen) == 0 && text[dlen] == '-')
		p = text + dlen + 1;
	errno = 0;
	v = strtoll(p, &end, 10);
	if (*p == '\0' || !isdigit((unsigned char)*p) || *end != '\0' ||
	    errno != 0 || v <= 0)
		return cause_set(cause, POS_EINVAL, "Nomor nota %s tidak sah "
		    "(contoh %s-000123)", text, dev);
	*seq = v;
	return POS_OK;
}

enum pos_rc
counter_refund(struct counter *c, const char *text, char **cause)
{
	struct entry *orig = NULL, **earlier = NULL;
	struct sale *s = NULL;
	int64_t	 seq;
	size_t	 n = 0;
	char	*t, number[COUNTER_NUMBER_MAX];
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (sale_nlines(c->sale) > 0)
		return cause_set(cause, POS_ESTATE, "Masih ada transaksi "
		    "terbuka: selesaikan, tahan atau batalkan dulu");
	t = counter_trim(text);
	rc = counter_find_seq(c, t, &seq, cause);
	free(t);
	if (rc != POS_OK)
		return rc;
	counter_number(c, seq, number);
	rc = ledger_get(c->l, seq, &orig, NULL);
	if (rc == POS_ENOTFOUND)
		return cause_set(cause, POS_ENOTFOUND, "Nota %s tidak ada",
		    number);
	if (rc != POS_OK)
		return cause_set(cause, rc, "Nota %s tidak terbaca", number);
	if (strcmp(orig->kind, ENTRY_SALE) != 0) {
		rc = cause_set(cause, POS_EINVAL, "Nota %s bukan penjualan",
		    number);
		goto out;
	}
	if ((rc = db_sale_refund_entries(c->l->db, orig->uuid, &earlier, &n,
	    cause)) != POS_OK)
		goto out;
	s = sale_new(SALE_REFUND, c->user.code, sale_is_pkp(c->sale));
	sale_set_started(s, clock_now_ms());
	if ((rc = sale_refund_init(s, orig, number, earlier, n, cause)) !=
	    POS_OK)
		goto out;
	sale_free(c->sale);
	c->sale = s;
	s = NULL;
	if ((rc = counter_save(c, cause)) != POS_OK) {
		sale_free(c->sale);
		c->sale = counter_fresh(c);
		c->saved = false;
	}
out:
	db_sale_entries_free(earlier, n);
	entry_free(orig);
	sale_free(s);
	return rc;
}

enum pos_rc
counter_refund_all(struct counter *c, char **cause)
{
	const struct sale_line *l;
	struct sale *old;
	enum pos_rc rc = POS_OK;
	size_t	 i;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (sale_kind(c->sale) != SALE_REFUND)
		return cause_set(cause, POS_ESTATE, "Bukan retur");
	old = sale_dup(c->sale);
	for (i = 0; rc == POS_OK && i < sale_nlines(c->sale); i++) {
		l = sale_line(c->sale, i);
		if (l->lim_qty > 0 && l->qty != l->lim_qty)
			rc = sale_set_qty(c->sale, i, l->lim_qty, cause);
	}
	return counter_settle(c, old, rc, cause);
}

char *
counter_age_fmt(int64_t ms, char *out)
{
	int64_t	 m = ms / 60000;

	if (m < 60)
		snprintf(out, COUNTER_AGE_MAX, "%" PRId64 " mnt", m);
	else if (m < 48 * 60)
		snprintf(out, COUNTER_AGE_MAX, "%" PRId64 " j", m / 60);
	else
		snprintf(out, COUNTER_AGE_MAX, "%" PRId64 " hr", m / (24 * 60));
	return out;
}

/* The printer's part: the queue is counted at most every 10 s. */
static void
counter_status_printer(struct counter *c, int64_t now)
{
	struct print_status ps;
	char	*spec;

	if (c->prn_at_ms != 0 && now - c->prn_at_ms < 10000 &&
	    now >= c->prn_at_ms)
		return;
	c->prn_at_ms = now;
	spec = counter_setting(c, "printer");
	if (print_status(c->l, &ps, NULL) == POS_OK && ps.pending > 0)
		snprintf(c->prn, sizeof c->prn, "%lld antre",
		    (long long)ps.pending);
	else if (spec == NULL || strcmp(spec, "none") == 0)
		counter_copy(c->prn, sizeof c->prn, "tidak ada");
	else
		counter_copy(c->prn, sizeof c->prn, "siap");
	free(spec);
}

void
counter_status(struct counter *c, struct counter_status *out)
{
	struct counter_status *st = &c->st;
	struct sync_state ss;
	int64_t	 now = clock_now_ms(), seq = 0, at = 0;
	char	 kind[24] = "", when[17];

	if (c->st_at_ms != 0 && now >= c->st_at_ms &&
	    now - c->st_at_ms < 1000) {
		*out = *st;
		return;
	}
	c->st_at_ms = now;
	memset(st, 0, sizeof *st);
	counter_copy(st->outlet_id, sizeof st->outlet_id,
	    ledger_outlet_id(c->l));
	counter_copy(st->outlet_name, sizeof st->outlet_name,
	    ledger_outlet_name(c->l));
	counter_copy(st->device_id, sizeof st->device_id,
	    ledger_device_id(c->l));
	counter_copy(st->user, sizeof st->user, c->in ? c->user.code : "-");
	/* The day that is open (core/gate.h): after midnight it is still
	 * yesterday's until a manager closes it, which the line shows. */
	if (report_open_day(c->l, st->day, NULL) != POS_OK)
		clock_wita_date(now, st->day);
	st->day_late = strcmp(st->day, clock_wita_date(now, when)) < 0;
	clock_wita_fmt(now, when);
	counter_copy(st->time, sizeof st->time, when + 11);
	if (db_sale_last_kind(c->l->db, st->day, ENTRY_SHIFT_OPEN,
	    ENTRY_SHIFT_CLOSE, &seq, kind, sizeof kind, &at, NULL) == POS_OK &&
	    seq > 0 && strcmp(kind, ENTRY_SHIFT_OPEN) == 0) {
		clock_wita_fmt(at, when);
		snprintf(st->shift, sizeof st->shift, "buka %s", when + 11);
	} else if (seq > 0)
		counter_copy(st->shift, sizeof st->shift, "tutup");
	else
		counter_copy(st->shift, sizeof st->shift, "belum buka");
	if (ledger_sync_get(c->l, &ss, NULL) == POS_OK) {
		st->pending = ss.pending;
		if (ss.pending > 0 && ss.oldest_pending_at_ms > 0 &&
		    now > ss.oldest_pending_at_ms)
			st->pending_age_ms = now - ss.oldest_pending_at_ms;
	} else
		st->pending = -1;
	counter_status_printer(c, now);
	counter_copy(st->printer, sizeof st->printer, c->prn);
	*out = *st;
}
