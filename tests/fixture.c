/* SPDX-License-Identifier: ISC */
/* Shared test setup (fixture.h). */
#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"

const struct fixture_product fixture_products[FIXTURE_NPRODUCTS] = {
	{ "KOP-BJW-250", "Kopi Arabika Bajawa 250 g", 85000 },
	{ "MDU-TIM-500", "Madu Hutan Timor 500 ml", 120000 },
	{ "JGG-ROT-1KG", "Jagung Titi Rote 1 kg", 45000 },
	{ "GLA-SAB-LON", "Gula Lontar Sabu", 30000 },
	{ "SLD-TEN-SBT", "Selendang Tenun Sumba Timur", 450000 },
	{ "KRP-SUK-ALR", "Keripik Pisang Alor", 15000 },
	{ "MNY-KMR-FLO", "Minyak Kemiri Flores", 55000 },
	{ "KCG-MTE-KPG", "Kacang Mete Kupang 250 g", 75000 },
};

const struct actor fixture_admin = { .code = "admin", .role = ROLE_ADMIN };
const struct actor fixture_ani = { .code = "ani", .role = ROLE_KASIR };
const struct actor fixture_maria = { .code = "maria", .role = ROLE_MANAJER };

enum pos_rc
fixture_people(struct ledger *l, char **cause)
{
	static const struct {
		const char	*code, *name, *role, *pin;
	} people[] = {
		{ "admin", "Admin Provinsi", "admin", "0000" },
		{ "ani", "Ani Seran", "kasir", "1234" },
		{ "maria", "Maria Ndoen", "manajer", "9876" },
	};
	struct user u;
	enum pos_rc rc = POS_OK;
	size_t	 i;

	for (i = 0; rc == POS_OK && i < sizeof people / sizeof people[0];
	    i++) {
		memset(&u, 0, sizeof u);
		snprintf(u.code, sizeof u.code, "%s", people[i].code);
		snprintf(u.name, sizeof u.name, "%s", people[i].name);
		snprintf(u.role, sizeof u.role, "%s", people[i].role);
		u.active = true;
		rc = catalog_put_user(l, "admin", &u, people[i].pin, cause);
	}
	return rc == POS_OK ? fixture_shifts(l, cause) : rc;
}

void
fixture_count(int64_t rp, struct drawer_count *c)
{
	size_t	 i;

	memset(c, 0, sizeof *c);
	for (i = 0; i < DRAWER_NDENOMS; i++) {
		c->pieces[i] = rp / drawer_denoms[i];
		rp -= c->pieces[i] * drawer_denoms[i];
	}
}

enum pos_rc
fixture_shift_open(struct ledger *l, const struct actor *a, int64_t modal_rp,
    char **cause)
{
	struct shift_state s;
	struct drawer_count c;
	enum pos_rc rc;

	if ((rc = shift_find(l, a->code, &s, cause)) != POS_ENOTFOUND)
		return rc;
	fixture_count(modal_rp, &c);
	return shift_open(l, a, &c, NULL, cause);
}

enum pos_rc
fixture_shift_close(struct ledger *l, const struct actor *a, char **cause)
{
	struct shift_state s;
	struct drawer_count c;
	enum pos_rc rc;

	if ((rc = shift_find(l, a->code, &s, cause)) != POS_OK)
		return rc == POS_ENOTFOUND ? POS_OK : rc;
	fixture_count(s.expected_cash_rp, &c);
	memcpy(c.other_rp, s.others_rp, sizeof c.other_rp);
	return shift_close(l, a, NULL, &c, "", NULL, cause);
}

static const struct actor *const fixture_all[] = { &fixture_admin,
    &fixture_ani, &fixture_maria };
#define FIXTURE_NALL	(sizeof fixture_all / sizeof fixture_all[0])

enum pos_rc
fixture_shifts(struct ledger *l, char **cause)
{
	enum pos_rc rc = POS_OK;
	size_t	 i;

	for (i = 0; rc == POS_OK && i < FIXTURE_NALL; i++)
		rc = fixture_shift_open(l, fixture_all[i], 0, cause);
	return rc;
}

enum pos_rc
fixture_shifts_close(struct ledger *l, char **cause)
{
	enum pos_rc rc = POS_OK;
	size_t	 i;

	for (i = 0; rc == POS_OK && i < FIXTURE_NALL; i++)
		rc = fixture_shift_close(l, fixture_all[i], cause);
	return rc;
}

enum pos_rc
fixture_stock(struct ledger *l, const char *ownership, size_t n,
    int64_t opening, char **cause)
{
	struct supplier s;
	struct product p;
	enum pos_rc rc;
	size_t	 i;

	if ((rc = fixture_people(l, cause)) != POS_OK)
		return rc;
	memset(&s, 0, sizeof s);
	snprintf(s.code, sizeof s.code, "SUP-001");
	snprintf(s.name, sizeof s.name, "Koperasi Produk NTT");
	snprintf(s.kabupaten, sizeof s.kabupaten, "Kupang");
	s.active = true;
	if ((rc = catalog_put_supplier(l, "admin", &s, cause)) != POS_OK)
		return rc;
	for (i = 0; i < n && i < FIXTURE_NPRODUCTS; i++) {
		memset(&p, 0, sizeof p);
		snprintf(p.sku, sizeof p.sku, "%s", fixture_products[i].sku);
		snprintf(p.name, sizeof p.name, "%s", fixture_products[i].name);
		snprintf(p.unit, sizeof p.unit, "pcs");
		p.price_rp = fixture_products[i].price_rp;
		snprintf(p.category, sizeof p.category, "Pangan");
		snprintf(p.supplier, sizeof p.supplier, "SUP-001");
		snprintf(p.ownership, sizeof p.ownership, "%s", ownership);
		if (strcmp(ownership, "konsinyasi") == 0)
			p.commission_bp = 2000;
		else
			p.cost_rp = p.price_rp / 2;
		snprintf(p.tax_class, sizeof p.tax_class, "PPN11");
		p.active = true;
		if ((rc = catalog_put_product(l, "admin", &p, cause)) != POS_OK ||
		    (rc = catalog_receive(l, &fixture_admin, p.sku, opening,
		    cause)) !=
		    POS_OK)
			return rc;
	}
	return POS_OK;
}

void
fixture_unlink_ledger(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm",
	    "-journal", "-open" };
	char	 p[1024];
	size_t	 i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
		unlink(p);
	}
}

bool
fixture_copy_file(const char *from, const char *to)
{
	char	 b[65536];
	ssize_t	 n;
	int	 in, out;
	bool	 ok = true;

	unlink(to);
	if ((in = open(from, O_RDONLY)) == -1)
		return false;
	if ((out = open(to, O_WRONLY | O_CREAT | O_EXCL, 0600)) == -1) {
		close(in);
		return false;
	}
	while ((n = read(in, b, sizeof b)) > 0)
		if (write(out, b, (size_t)n) != n) {
			ok = false;
			break;
		}
	if (n < 0)
		ok = false;
	close(in);
	return close(out) == 0 && ok;
}

void
fixture_drop_lots(struct entry *e)
{
	size_t	 i, k, n = 0;

	for (i = 0; i < e->nlines; i++) {
		if (strcmp(e->lines[i].type, "lot") == 0) {
			for (k = 0; k < ENTRY_LINE_NFIELDS; k++)
				if (entry_line_fields[k].type == ENTRY_T_TEXT)
					free(*(char **)((char *)&e->lines[i] +
					    entry_line_fields[k].off));
			continue;
		}
		e->lines[n++] = e->lines[i];
	}
	e->nlines = n;
}
