/* SPDX-License-Identifier: ISC */
/*
 * Catalog entries and back (core/catalog.c), what verify's replay stands
 * on: each object survives struct -> entry -> struct exactly, the PIN hash
 * never enters an entry, and an entry the program could not have written
 * (a field missing, repeated, unknown, too long, another object) is
 * refused with the entry named.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core.h"

static struct entry *
codec_entry(struct entry *e, const char *note)
{
	entry_set(&e->note, note);
	e->seq = 42;
	return e;
}

static void
test_supplier(void)
{
	struct supplier s, back;
	struct entry *e;

	memset(&s, 0, sizeof s);
	snprintf(s.code, sizeof s.code, "SUP-004");
	snprintf(s.name, sizeof s.name, "Koperasi Kopi Bajawa");
	snprintf(s.nib, sizeof s.nib, "9120001234567");
	snprintf(s.kabupaten, sizeof s.kabupaten, "Ngada");
	snprintf(s.desa, sizeof s.desa, "Beiposo");
	snprintf(s.phone, sizeof s.phone, "0812-3456-7890");
	snprintf(s.bank, sizeof s.bank, "BPD NTT 001.01.02 a.n. Koperasi");
	s.active = true;
	e = codec_entry(catalog_supplier_entry(&s), "supplier");
	memset(&back, 0, sizeof back);
	CHECK(catalog_supplier_decode(e, &back, NULL) == POS_OK);
	CHECK(memcmp(&s, &back, sizeof s) == 0);
	entry_free(e);
}

static void
test_product(void)
{
	struct product p, back;
	struct entry *e;
	char	*cause = NULL;

	memset(&p, 0, sizeof p);
	snprintf(p.sku, sizeof p.sku, "KOP-BJW-250");
	snprintf(p.name, sizeof p.name, "Kopi Arabika Bajawa 250 g");
	snprintf(p.unit, sizeof p.unit, "pcs");
	p.price_rp = 85000;
	snprintf(p.category, sizeof p.category, "kopi");
	snprintf(p.supplier, sizeof p.supplier, "SUP-004");
	snprintf(p.ownership, sizeof p.ownership, "konsinyasi");
	p.commission_bp = 1500;
	p.cost_rp = 0;
	snprintf(p.tax_class, sizeof p.tax_class, "PPN11");
	snprintf(p.kabupaten, sizeof p.kabupaten, "Ngada");
	snprintf(p.plu, sizeof p.plu, "00032");
	snprintf(p.barcodes[0], sizeof p.barcodes[0], "8991234567895");
	snprintf(p.barcodes[1], sizeof p.barcodes[1], "12345670");
	snprintf(p.certs[0].kind, sizeof p.certs[0].kind, "halal");
	snprintf(p.certs[0].number, sizeof p.certs[0].number,
	    "ID|3311000012340");	/* a '|' inside the number */
	snprintf(p.certs[0].expiry, sizeof p.certs[0].expiry, "2028-01-31");
	snprintf(p.certs[1].kind, sizeof p.certs[1].kind, "pirt");
	snprintf(p.certs[1].number, sizeof p.certs[1].number, "2065301010123");
	p.active = true;
	e = codec_entry(catalog_product_entry(&p), "product");
	memset(&back, 0, sizeof back);
	CHECK(catalog_product_decode(e, &back, &cause) == POS_OK);
	CHECK(memcmp(&p, &back, sizeof p) == 0);
	entry_free(e);

	/* Every barcode and certificate slot full, inactive, beli putus. */
	snprintf(p.barcodes[2], sizeof p.barcodes[2], "8990000000001");
	snprintf(p.barcodes[3], sizeof p.barcodes[3], "8990000000002");
	snprintf(p.certs[2].kind, sizeof p.certs[2].kind, "bpom");
	snprintf(p.certs[3].kind, sizeof p.certs[3].kind, "sni");
	snprintf(p.ownership, sizeof p.ownership, "beli_putus");
	p.cost_rp = 60000;
	p.active = false;
	e = codec_entry(catalog_product_entry(&p), "product");
	CHECK(catalog_product_decode(e, &back, NULL) == POS_OK);
	CHECK(memcmp(&p, &back, sizeof p) == 0);
	/* A fifth barcode does not fit the struct. */
	entry_add_field(e, "barcode", "8990000000003");
	CHECK(catalog_product_decode(e, &back, &cause) == POS_ECORRUPT);
	CHECK(strstr(cause, "Entri 42 (katalog product)") != NULL);
	entry_free(e);
	free(cause);
}

static void
test_user(void)
{
	struct user u, back;
	struct entry *e;
	size_t	 i;
	bool	 changed = false;

	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "maria");
	snprintf(u.name, sizeof u.name, "Maria Goreti Bria");
	snprintf(u.role, sizeof u.role, "manajer");
	snprintf(u.pin_hash, sizeof u.pin_hash, "$argon2id$v=19$secret");
	u.active = true;
	e = codec_entry(catalog_user_entry(&u, true), "user");
	for (i = 0; i < e->nlines; i++)
		CHECK(strstr(e->lines[i].text, "argon2") == NULL);
	CHECK(catalog_user_decode(e, &back, &changed, NULL) == POS_OK);
	CHECK(changed);
	CHECK_STR(back.pin_hash, "");
	memset(u.pin_hash, 0, sizeof u.pin_hash);
	CHECK(memcmp(&u, &back, sizeof u) == 0);
	entry_free(e);
	u.active = false;
	e = codec_entry(catalog_user_entry(&u, false), "user");
	CHECK(catalog_user_decode(e, &back, &changed, NULL) == POS_OK);
	CHECK(!changed);
	CHECK(!back.active);
	entry_free(e);
}

static void
test_setting(void)
{
	struct setting s, back;
	struct entry *e;

	memset(&s, 0, sizeof s);
	snprintf(s.key, sizeof s.key, "outlet.address");
	snprintf(s.value, sizeof s.value, "Jl. El Tari No. 52, Kupang");
	e = codec_entry(catalog_setting_entry(&s), "setting");
	CHECK(catalog_setting_decode(e, &back, NULL) == POS_OK);
	CHECK(memcmp(&s, &back, sizeof s) == 0);
	entry_free(e);
	/* An empty value is a value. */
	s.value[0] = '\0';
	e = codec_entry(catalog_setting_entry(&s), "setting");
	CHECK(catalog_setting_decode(e, &back, NULL) == POS_OK);
	CHECK_STR(back.value, "");
	entry_free(e);
}

/* Decodes a setting entry that was changed after encoding; the cause. */
static void
check_refused(struct entry *e, const char *why)
{
	struct setting out;
	char	*cause = NULL;

	memset(&out, 0x55, sizeof out);
	CHECK(catalog_setting_decode(e, &out, &cause) == POS_ECORRUPT);
	CHECK(cause != NULL && strstr(cause, why) != NULL);
	if (cause != NULL && strstr(cause, why) == NULL)
		fprintf(stderr, "cause: %s (want %s)\n", cause, why);
	/* Nothing comes out of a refusal. */
	CHECK((unsigned char)out.key[0] == 0x55);
	free(cause);
	entry_free(e);
}

static struct entry *
setting_entry(void)
{
	struct setting s;

	memset(&s, 0, sizeof s);
	snprintf(s.key, sizeof s.key, "pkp");
	snprintf(s.value, sizeof s.value, "1");
	return codec_entry(catalog_setting_entry(&s), "setting");
}

static void
test_refused(void)
{
	struct entry *e;
	struct supplier sup;
	char	 long_value[400];

	e = codec_entry(entry_new(ENTRY_CATALOG), "setting");
	entry_add_field(e, "key", "pkp");	/* no value */
	check_refused(e, "field value tidak ada");
	e = setting_entry();
	entry_add_field(e, "key", "npwp");
	check_refused(e, "field key dua kali");
	e = setting_entry();
	entry_add_field(e, "colour", "merah");
	check_refused(e, "field colour tidak dikenal");
	e = setting_entry();
	entry_set(&e->note, "user");
	check_refused(e, "bukan entri katalog setting");
	e = setting_entry();
	entry_set(&e->lines[0].type, "item");
	check_refused(e, "baris 1 bukan field");
	memset(long_value, 'x', sizeof long_value - 1);
	long_value[sizeof long_value - 1] = '\0';
	e = setting_entry();
	entry_set(&e->lines[1].text, long_value);
	check_refused(e, "field value terlalu panjang");

	/* A boolean is 0 or 1. */
	memset(&sup, 0, sizeof sup);
	snprintf(sup.code, sizeof sup.code, "SUP-001");
	e = codec_entry(catalog_supplier_entry(&sup), "supplier");
	e->lines[e->nlines - 1].qty = 2;
	CHECK(catalog_supplier_decode(e, &sup, NULL) == POS_ECORRUPT);
	entry_free(e);
}

/* Prices from a day on, and a cert's issue date, survive the round trip;
 * an entry without cert_issued reads as before. */
static void
test_price_issued(void)
{
	struct price_change pc, pb;
	struct product p, back;
	struct entry *e;

	memset(&pc, 0, sizeof pc);
	snprintf(pc.sku, sizeof pc.sku, "KOP-BJW-250");
	pc.price_rp = 90000;
	snprintf(pc.from, sizeof pc.from, "2027-01-01");
	e = codec_entry(catalog_price_entry(&pc), "price");
	CHECK(catalog_price_decode(e, &pb, NULL) == POS_OK);
	CHECK(memcmp(&pc, &pb, sizeof pc) == 0);
	entry_free(e);
	CHECK(catalog_check_price(&pc, "2026-12-31", NULL) == POS_OK);
	CHECK(catalog_check_price(&pc, "2027-01-01", NULL) == POS_EINVAL);
	pc.price_rp = CATALOG_PRICE_MAX_RP + 1;
	CHECK(catalog_check_price(&pc, "2026-12-31", NULL) == POS_EINVAL);

	memset(&p, 0, sizeof p);
	snprintf(p.sku, sizeof p.sku, "MYK-SKA-600");
	snprintf(p.certs[0].kind, sizeof p.certs[0].kind, "pirt");
	snprintf(p.certs[0].number, sizeof p.certs[0].number,
	    "2075309010058-25");
	snprintf(p.certs[0].expiry, sizeof p.certs[0].expiry, "2025-09-30");
	snprintf(p.certs[0].issued, sizeof p.certs[0].issued, "2020-09-30");
	snprintf(p.certs[1].kind, sizeof p.certs[1].kind, "halal");
	snprintf(p.certs[1].number, sizeof p.certs[1].number,
	    "ID53090000351620124");
	e = codec_entry(catalog_product_entry(&p), "product");
	memset(&back, 0, sizeof back);
	CHECK(catalog_product_decode(e, &back, NULL) == POS_OK);
	CHECK(memcmp(&p, &back, sizeof p) == 0);
	entry_free(e);
	CHECK(catalog_check_cert(&p.certs[0], NULL) == POS_OK);
	CHECK(catalog_check_cert(&p.certs[1], NULL) == POS_OK);
	CHECK(catalog_cert_expired(&p.certs[0], "2026-01-01"));
	CHECK(!catalog_cert_expired(&p.certs[0], "2025-09-30"));
	CHECK(!catalog_cert_expired(&p.certs[1], "2099-01-01"));
	CHECK(catalog_cert_is_food("pirt") && !catalog_cert_is_food("sni"));
	/* Expiry before issue; numbers not in their kind's form. */
	snprintf(p.certs[0].issued, sizeof p.certs[0].issued, "2026-01-01");
	CHECK(catalog_check_cert(&p.certs[0], NULL) == POS_EINVAL);
	snprintf(p.certs[0].issued, sizeof p.certs[0].issued, "%s", "");
	snprintf(p.certs[0].number, sizeof p.certs[0].number, "12345");
	CHECK(catalog_check_cert(&p.certs[0], NULL) == POS_EINVAL);
	snprintf(p.certs[0].kind, sizeof p.certs[0].kind, "bpom");
	snprintf(p.certs[0].number, sizeof p.certs[0].number,
	    "MD 253109002214");
	CHECK(catalog_check_cert(&p.certs[0], NULL) == POS_OK);
	snprintf(p.certs[0].number, sizeof p.certs[0].number, "MX 1");
	CHECK(catalog_check_cert(&p.certs[0], NULL) == POS_EINVAL);
}

/* Producers: NIB, phone, bank, kabupaten; the desa and OVOP field. */
static void
test_supplier_rules(void)
{
	struct supplier s;
	char	 d[96], o[96], f[96];
	char	*cause = NULL;

	memset(&s, 0, sizeof s);
	snprintf(s.code, sizeof s.code, "SUP-100");
	snprintf(s.name, sizeof s.name, "Kelompok Uji");
	CHECK(catalog_check_supplier(&s, NULL) == POS_OK);
	snprintf(s.nib, sizeof s.nib, "123456789012");
	CHECK(catalog_check_supplier(&s, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "NIB") != NULL);
	free(cause);
	snprintf(s.nib, sizeof s.nib, "9120105423781");
	snprintf(s.kabupaten, sizeof s.kabupaten, "Bandung");
	CHECK(catalog_check_supplier(&s, NULL) == POS_EINVAL);
	snprintf(s.kabupaten, sizeof s.kabupaten, "Sumba Barat Daya");
	snprintf(s.phone, sizeof s.phone, "12345");
	CHECK(catalog_check_supplier(&s, NULL) == POS_EINVAL);
	snprintf(s.phone, sizeof s.phone, "+62 812-3765-4012");
	CHECK(catalog_check_supplier(&s, NULL) == POS_OK);
	snprintf(s.bank, sizeof s.bank, "BRI a.n. Ina");
	CHECK(catalog_check_supplier(&s, NULL) == POS_EINVAL);
	catalog_desa_join("Desa Lambanapu", "tenun ikat", f, sizeof f);
	catalog_desa_split(f, d, sizeof d, o, sizeof o);
	CHECK_STR(d, "Desa Lambanapu");
	CHECK_STR(o, "tenun ikat");
	catalog_desa_split("Desa Kalembu Kaha", d, sizeof d, o, sizeof o);
	CHECK_STR(o, "");
}

/* Weak PINs: repeated, runs, turns, the list; good ones pass. */
static void
test_pins(void)
{
	static const char *const weak[] = { "0000", "1111", "1234",
	    "123456", "9876", "4321", "0123", "1212", "2580", "12345678",
	    "88888888" };
	static const char *const fine[] = { "7391", "4826", "5937",
	    "19283746" };
	size_t	 i;

	for (i = 0; i < sizeof weak / sizeof weak[0]; i++)
		CHECK(pin_is_weak(weak[i]));
	for (i = 0; i < sizeof fine / sizeof fine[0]; i++)
		CHECK(!pin_is_weak(fine[i]));
	CHECK(pin_check_new("7391", "7391", NULL) == POS_OK);
	CHECK(pin_check_new("7391", "7392", NULL) == POS_EINVAL);
	CHECK(pin_check_new("1234", "1234", NULL) == POS_EINVAL);
	CHECK(pin_check_new("73a1", "73a1", NULL) == POS_EINVAL);
}

int
main(void)
{
	test_price_issued();
	test_supplier_rules();
	test_pins();
	test_supplier();
	test_product();
	test_user();
	test_setting();
	test_refused();
	return check_exit();
}
