/* SPDX-License-Identifier: ISC */
/*
 * Loads the demo outlet (demo.c) through the ordinary catalog entries, so
 * the demo ledger is made exactly as a real one would be.
 */
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "demo.h"

static const struct {
	const char	*code, *name, *role, *pin;
} demo_users[] = {
	/* The admin first: a ledger's first user is the only one written
	 * before anyone may manage users (core/gate.c). */
	{ "admin", "Admin Provinsi", "admin", "0000" },
	{ "ani", "Ani Seran", "kasir", "1234" },
	{ "yosef", "Yosef Bria", "kasir", "2345" },
	{ "maria", "Maria Ndoen", "manajer", "9876" },
};

static const struct {
	const char	*key, *value;
} demo_settings[] = {
	{ "outlet.address", "Jl. El Tari No. 52, Oebobo, Kota Kupang" },
	{ "outlet.phone", "0380-821234" },
	{ "pkp", "0" },
	{ "npwp", "" },
	{ "receipt.footer", "Terima kasih. Produk asli NTT." },
	/* The demo outlet's block of its own barcode numbers. */
	{ "barcode.instore", "0001" },
};

#define COPY(dst, src) snprintf((dst), sizeof (dst), "%s", (src))

enum pos_rc
demo_load(struct ledger *l, char **cause)
{
	struct supplier s;
	struct product p;
	struct user u;
	const struct demo_product *dp;
	const struct actor maria = { .code = "maria", .role = ROLE_MANAJER };
	enum pos_rc rc = POS_OK;
	size_t	 i;

	for (i = 0; rc == POS_OK && i < sizeof demo_settings /
	    sizeof demo_settings[0]; i++)
		rc = catalog_set(l, "admin", demo_settings[i].key,
		    demo_settings[i].value, cause);
	for (i = 0; rc == POS_OK && i < sizeof demo_users /
	    sizeof demo_users[0]; i++) {
		memset(&u, 0, sizeof u);
		COPY(u.code, demo_users[i].code);
		COPY(u.name, demo_users[i].name);
		COPY(u.role, demo_users[i].role);
		u.active = true;
		rc = catalog_put_user(l, "admin", &u, demo_users[i].pin, cause);
	}
	for (i = 0; rc == POS_OK && i < demo_nsuppliers; i++) {
		memset(&s, 0, sizeof s);
		COPY(s.code, demo_suppliers[i].code);
		COPY(s.name, demo_suppliers[i].name);
		COPY(s.nib, demo_suppliers[i].nib);
		COPY(s.kabupaten, demo_suppliers[i].kabupaten);
		COPY(s.desa, demo_suppliers[i].desa);
		COPY(s.phone, demo_suppliers[i].phone);
		COPY(s.bank, demo_suppliers[i].bank);
		s.active = true;
		rc = catalog_put_supplier(l, "admin", &s, cause);
	}
	for (i = 0; rc == POS_OK && i < demo_nproducts; i++) {
		dp = &demo_products[i];
		memset(&p, 0, sizeof p);
		COPY(p.sku, dp->sku);
		COPY(p.name, dp->name);
		COPY(p.unit, dp->unit);
		p.price_rp = dp->price_rp;
		COPY(p.category, dp->category);
		COPY(p.supplier, dp->supplier);
		COPY(p.ownership, dp->ownership);
		p.commission_bp = dp->commission_bp;
		p.cost_rp = dp->cost_rp;
		COPY(p.tax_class, dp->tax_class);
		COPY(p.kabupaten, dp->kabupaten);
		COPY(p.plu, dp->plu);
		COPY(p.barcodes[0], dp->barcode);
		if (*dp->cert_kind != '\0') {
			COPY(p.certs[0].kind, dp->cert_kind);
			COPY(p.certs[0].number, dp->cert_no);
			COPY(p.certs[0].expiry, dp->cert_expiry);
		}
		p.active = true;
		rc = catalog_put_product(l, "admin", &p, cause);
		if (rc == POS_OK && dp->stock > 0)
			rc = catalog_receive(l, &maria, p.sku, dp->stock,
			    cause);
	}
	return rc;
}
