/* SPDX-License-Identifier: ISC */
/*
 * The back office at the counter (counter.h §counter-office.c): products,
 * prices from a day on, producers and users, each change by the manager
 * logged in as one catalog entry (catalog.c), checked field by field by
 * the rules (rules/catalog.c) and again by the gate inside the write; and
 * the lists the screens page through and search (db/db-office.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "counter-int.h"

/* The user logged in may do act alone, or the refusal. */
static enum pos_rc
counter_office_may(struct counter *c, enum role_act act, char **cause)
{
	if (!c->in)
		return cause_set(cause, POS_ESTATE, "Belum masuk");
	if (!counter_may(c, act))
		return cause_set(cause, POS_ESTATE, "%s: hanya manajer atau "
		    "admin", role_act_name(act));
	return POS_OK;
}

static enum pos_rc
counter_office_done(struct counter *c, enum pos_rc rc)
{
	c->st_at_ms = c->prn_at_ms = 0;
	return rc;
}

enum pos_rc
counter_products(struct counter *c, const char *q, size_t offset,
    struct product_row *out, size_t max, size_t *n, char **cause)
{
	return db_office_products(c->l->db, q, offset, out, max, n, cause);
}

enum pos_rc
counter_suppliers(struct counter *c, const char *q, size_t offset,
    struct supplier_row *out, size_t max, size_t *n, char **cause)
{
	return db_office_suppliers(c->l->db, q, offset, out, max, n, cause);
}

enum pos_rc
counter_users(struct counter *c, const char *q, size_t offset,
    struct user_row *out, size_t max, size_t *n, char **cause)
{
	return db_office_users(c->l->db, q, offset, out, max, n, cause);
}

enum pos_rc
counter_prices(struct counter *c, const char *sku, struct price_row *out,
    size_t max, size_t *n, char **cause)
{
	return db_office_prices(c->l->db, sku, out, max, n, cause);
}

enum pos_rc
counter_product_get(struct counter *c, const char *sku, struct product *out,
    char **cause)
{
	return db_catalog_product(c->l->db, sku, out, cause);
}

enum pos_rc
counter_supplier_get(struct counter *c, const char *code,
    struct supplier *out, char **cause)
{
	return db_catalog_supplier(c->l->db, code, out, cause);
}

enum pos_rc
counter_user_get(struct counter *c, const char *code, struct user *out,
    char **cause)
{
	enum pos_rc rc;

	rc = db_catalog_user(c->l->db, code, out, cause);
	if (rc == POS_OK)
		sodium_memzero(out->pin_hash, sizeof out->pin_hash);
	return rc;
}

enum pos_rc
counter_product_put(struct counter *c, const struct product *p, bool is_new,
    const struct price_change *pc, char **cause)
{
	struct product old;
	char	 today[11];
	enum pos_rc rc;
	bool	 exists;

	if ((rc = counter_office_may(c, ACT_CATALOG, cause)) != POS_OK)
		return rc;
	memset(&old, 0, sizeof old);
	exists = db_catalog_product(c->l->db, p->sku, &old, NULL) == POS_OK;
	if (is_new && exists)
		return cause_set(cause, POS_EINVAL, "SKU: %s sudah dipakai "
		    "%.60s", p->sku, old.name);
	if (!is_new && !exists)
		return cause_set(cause, POS_ENOTFOUND, "Barang %s tidak "
		    "terdaftar", p->sku);
	if (pc == NULL)
		return counter_office_done(c, catalog_put_product(c->l,
		    c->user.code, p, cause));
	if (is_new)
		return cause_set(cause, POS_EINVAL, "Harga mulai: barang baru "
		    "memakai harganya sejak sekarang (kosongkan tanggal)");
	if ((rc = catalog_check_price(pc, clock_wita_date(clock_now_ms(),
	    today), cause)) != POS_OK)
		return rc;
	return counter_office_done(c, catalog_put_product_price(c->l,
	    c->user.code, memcmp(&old, p, sizeof old) != 0 ? p : NULL, pc,
	    cause));
}

enum pos_rc
counter_supplier_put(struct counter *c, const struct supplier *s,
    bool is_new, char **cause)
{
	struct supplier old;
	enum pos_rc rc;
	bool	 exists;

	if ((rc = counter_office_may(c, ACT_CATALOG, cause)) != POS_OK)
		return rc;
	exists = db_catalog_supplier(c->l->db, s->code, &old, NULL) == POS_OK;
	if (is_new && exists)
		return cause_set(cause, POS_EINVAL, "Kode pemasok: %s sudah "
		    "dipakai %.60s", s->code, old.name);
	if (!is_new && !exists)
		return cause_set(cause, POS_ENOTFOUND, "Pemasok %s tidak "
		    "terdaftar", s->code);
	return counter_office_done(c, catalog_put_supplier(c->l, c->user.code,
	    s, cause));
}

enum pos_rc
counter_user_put(struct counter *c, const struct user *u, bool is_new,
    const char *pin, const char *again, char **cause)
{
	struct user old;
	enum pos_rc rc;
	bool	 exists;

	if ((rc = counter_office_may(c, ACT_USERS, cause)) != POS_OK)
		return rc;
	if (*u->name == '\0')
		return cause_set(cause, POS_EINVAL, "Nama pengguna: wajib "
		    "diisi");
	if ((rc = catalog_check_user(u, cause)) != POS_OK)
		return rc;
	exists = db_catalog_user(c->l->db, u->code, &old, NULL) == POS_OK;
	sodium_memzero(old.pin_hash, sizeof old.pin_hash);
	if (is_new && exists)
		return cause_set(cause, POS_EINVAL, "Kode pengguna: %s sudah "
		    "dipakai", u->code);
	if (!is_new && !exists)
		return cause_set(cause, POS_ENOTFOUND, "Pengguna %s tidak "
		    "terdaftar", u->code);
	if (is_new && (pin == NULL || *pin == '\0'))
		return cause_set(cause, POS_EINVAL, "PIN: pengguna baru perlu "
		    "PIN, diketik dua kali oleh penggunanya");
	/* The outlet must keep a manager: not oneself out of the way. */
	if (!is_new && strcmp(u->code, c->user.code) == 0 &&
	    (!u->active || !role_is_manager(role_parse(u->role))))
		return cause_set(cause, POS_EINVAL, "Pengguna %s: tidak bisa "
		    "menonaktifkan atau menurunkan peran diri sendiri",
		    u->code);
	if (pin != NULL && *pin != '\0' &&
	    (rc = pin_check_new(pin, again, cause)) != POS_OK)
		return rc;
	return counter_office_done(c, catalog_put_user(c->l, c->user.code, u,
	    pin != NULL && *pin != '\0' ? pin : NULL, cause));
}

enum pos_rc
counter_user_unlock(struct counter *c, const char *code, char **cause)
{
	struct db_pin st;
	struct user u;
	struct entry *e;
	enum pos_rc rc;

	if ((rc = counter_office_may(c, ACT_UNLOCK, cause)) != POS_OK)
		return rc;
	if ((rc = db_catalog_user(c->l->db, code, &u, cause)) != POS_OK)
		return rc;
	sodium_memzero(u.pin_hash, sizeof u.pin_hash);
	if ((rc = db_sale_pin_get(c->l->db, code, &st, cause)) != POS_OK)
		return rc;
	if (!st.locked && st.failed == 0)
		return cause_set(cause, POS_ESTATE, "%s tidak terkunci", code);
	e = entry_event("pin.unlock", c->user.code, "user", code, "approver",
	    c->user.code, (const char *)NULL);
	rc = counter_append(c, e, NULL, NULL, cause);
	entry_free(e);
	return rc;
}
