/* SPDX-License-Identifier: ISC */
/*
 * gen-outlet: writes a large, made-up but realistic outlet ledger for the
 * benchmarks (make bench, docs/bench.md), through the real API only: the
 * catalog through catalog_put_products, opening stock and a year of sales
 * through ledger_append_batch, so every entry is hashed, chained, signed
 * and projected exactly as at the counter. Same seed, same catalog and
 * sales (only the UUIDs and the device key differ).
 *
 *	gen-outlet --db build/bench/outlet-100k.db --products 100000 \
 *	    --sales 1000000 --seed 1
 *
 * Not a test of anything by itself; regress.gen-outlet-small runs it small
 * and verifies the result so it cannot rot.
 */
#include <sys/stat.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core.h"

/* Bump when the ledger written changes: make bench generates again. */
#define GEN_VERSION		2
#define GEN_PRODUCT_BATCH	1000	/* catalog entries per transaction */
#define GEN_SALE_BATCH		500	/* sales per transaction */
#define GEN_DAY_MS		(INT64_C(86400) * 1000)
/* 2025-01-02 00:00 WITA (01-01 16:00 UTC): the first day generated. */
#define GEN_START_MS		INT64_C(1735747200000)
#define GEN_DAYS		365
#define GEN_OPEN_MS		(INT64_C(8) * 3600 * 1000)	/* 08:00 */
#define GEN_CLOSE_MS		(INT64_C(21) * 3600 * 1000)	/* 21:00 */

struct gen_place {
	const char	*kabupaten;
	const char	*town;		/* as it appears in product names */
	const char	*code;		/* in SKUs */
};

static const struct gen_place gen_places[] = {
	{ "Sumba Barat", "Waikabubak", "SBR" },
	{ "Sumba Timur", "Sumba Timur", "STM" },
	{ "Kupang", "Amarasi", "KPG" },
	{ "Timor Tengah Selatan", "Soe", "TTS" },
	{ "Timor Tengah Utara", "Kefamenanu", "TTU" },
	{ "Belu", "Atambua", "BLU" },
	{ "Alor", "Alor", "ALR" },
	{ "Flores Timur", "Larantuka", "FLT" },
	{ "Sikka", "Maumere", "SKA" },
	{ "Ende", "Ende", "END" },
	{ "Ngada", "Bajawa", "NGD" },
	{ "Manggarai", "Ruteng", "MGR" },
	{ "Rote Ndao", "Rote", "ROT" },
	{ "Lembata", "Lembata", "LBT" },
	{ "Manggarai Barat", "Labuan Bajo", "MBR" },
	{ "Sumba Tengah", "Waibakul", "STG" },
	{ "Sumba Barat Daya", "Tambolaka", "SBD" },
	{ "Nagekeo", "Mbay", "NGK" },
	{ "Manggarai Timur", "Borong", "MTM" },
	{ "Sabu Raijua", "Sabu", "SAB" },
	{ "Malaka", "Betun", "MLK" },
	{ "Kota Kupang", "Kupang", "KKP" },
};
#define GEN_NPLACES	(sizeof gen_places / sizeof gen_places[0])

/* Size groups: what follows the name, and the price in % of the base. */
enum gen_sizes { GEN_SZ_WEIGHT, GEN_SZ_LIQUID, GEN_SZ_PIECE, GEN_SZ_CLOTH };

static const struct {
	const char	*label;
	int		 pct;
} gen_sizes[][6] = {
	[GEN_SZ_WEIGHT] = { { "100 g", 45 }, { "250 g", 100 },
	    { "500 g", 190 }, { "1 kg", 360 }, { "50 g", 25 },
	    { "200 g", 82 } },
	[GEN_SZ_LIQUID] = { { "150 ml", 60 }, { "250 ml", 100 },
	    { "500 ml", 185 }, { "1 L", 340 }, { "100 ml", 45 },
	    { "330 ml", 125 } },
	[GEN_SZ_PIECE] = { { "", 100 }, { "Isi 3", 280 }, { "Isi 6", 540 },
	    { "Kecil", 70 }, { "Sedang", 100 }, { "Besar", 150 } },
	[GEN_SZ_CLOTH] = { { "", 100 }, { "Kecil", 60 }, { "Sedang", 100 },
	    { "Besar", 160 }, { "Motif Lama", 130 }, { "Pewarna Alam", 180 } },
};

static const char *const gen_variants[][8] = {
	{ "Original", "Pedas", "Manis", "Asin", "Premium", "Super",
	    "Tradisional", "Oleh-oleh" },
	{ "Bubuk", "Biji", "Sangrai Medium", "Sangrai Gelap", "Premium",
	    "Specialty", "Giling Halus", "Tubruk" },
	{ "Murni", "Asli", "Premium", "Organik", "Hutan", "Super",
	    "Pilihan", "Botol" },
	{ "Motif Kuda", "Motif Ayam", "Motif Buaya", "Motif Manusia",
	    "Motif Rusa", "Motif Bunga", "Ikat Klasik", "Songket" },
	{ "Pilihan", "Super", "Kupas", "Sangrai", "Asin", "Madu", "Bawang",
	    "Original" },
	{ "Asli", "Segar", "Alami", "Premium", "Botol Kaca", "Kemasan Gelas",
	    "Pilihan", "Original" },
	{ "Klasik", "Modern", "Warna Alam", "Ukir", "Mini", "Hiasan",
	    "Oleh-oleh", "Anyaman Halus" },
};

struct gen_type {
	const char	*code;		/* SKU prefix */
	const char	*name;
	const char	*category;
	const char	*tax_class;
	const char	*ownership;
	int		 variants;	/* row of gen_variants */
	enum gen_sizes	 sizes;
	int64_t		 base_rp;	/* price of 250 g, 250 ml or 1 piece */
	int64_t		 kg_rp;		/* per kg when sold weighed, 0: never */
};

/*
 * PPN (docs/retail.md §1): unprocessed PP 49/2022 basic goods (beras, jagung,
 * garam, telur) are BEBAS; everything processed is PPN11.
 */
static const struct gen_type gen_types[] = {
	{ "KOP", "Kopi Arabika", "Kopi", "PPN11", "konsinyasi", 1,
	    GEN_SZ_WEIGHT, 75000, 290000 },
	{ "KOP", "Kopi Robusta", "Kopi", "PPN11", "konsinyasi", 1,
	    GEN_SZ_WEIGHT, 45000, 160000 },
	{ "KOP", "Kopi Luwak", "Kopi", "PPN11", "konsinyasi", 1,
	    GEN_SZ_WEIGHT, 250000, 0 },
	{ "TEH", "Teh Kelor", "Minuman", "PPN11", "konsinyasi", 5,
	    GEN_SZ_WEIGHT, 30000, 0 },
	{ "TEH", "Teh Daun Sirsak", "Minuman", "PPN11", "konsinyasi", 5,
	    GEN_SZ_WEIGHT, 25000, 0 },
	{ "MDU", "Madu Hutan", "Madu", "PPN11", "konsinyasi", 2,
	    GEN_SZ_LIQUID, 120000, 0 },
	{ "MDU", "Madu Lebah Hutan Mollo", "Madu", "PPN11", "konsinyasi", 2,
	    GEN_SZ_LIQUID, 135000, 0 },
	{ "GLA", "Gula Lontar", "Gula", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 25000, 45000 },
	{ "GLA", "Gula Semut Lontar", "Gula", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 30000, 0 },
	{ "GLA", "Gula Air Lontar", "Gula", "PPN11", "konsinyasi", 2,
	    GEN_SZ_LIQUID, 28000, 0 },
	{ "SEI", "Se'i Sapi", "Daging Olahan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 95000, 350000 },
	{ "SEI", "Se'i Babi", "Daging Olahan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 90000, 320000 },
	{ "SEI", "Se'i Ayam", "Daging Olahan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 60000, 0 },
	{ "DDG", "Dendeng Sapi", "Daging Olahan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 75000, 280000 },
	{ "IKN", "Ikan Kering Tembang", "Hasil Laut", "PPN11", "konsinyasi",
	    0, GEN_SZ_WEIGHT, 25000, 90000 },
	{ "IKN", "Abon Ikan Tuna", "Hasil Laut", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 45000, 0 },
	{ "IKN", "Cumi Kering", "Hasil Laut", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 60000, 250000 },
	{ "RML", "Rumput Laut Kering", "Hasil Laut", "PPN11", "konsinyasi",
	    0, GEN_SZ_WEIGHT, 20000, 40000 },
	{ "KCG", "Kacang Mete", "Kacang", "PPN11", "konsinyasi", 4,
	    GEN_SZ_WEIGHT, 85000, 180000 },
	{ "KCG", "Kenari", "Kacang", "PPN11", "konsinyasi", 4,
	    GEN_SZ_WEIGHT, 60000, 200000 },
	{ "KCG", "Kacang Tanah", "Kacang", "PPN11", "konsinyasi", 4,
	    GEN_SZ_WEIGHT, 20000, 35000 },
	{ "KRP", "Keripik Pisang", "Camilan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 15000, 0 },
	{ "KRP", "Keripik Ubi", "Camilan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 12000, 0 },
	{ "KRP", "Keripik Sukun", "Camilan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 15000, 0 },
	{ "KUE", "Kue Rambut", "Camilan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_PIECE, 20000, 0 },
	{ "KUE", "Kompiang", "Camilan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_PIECE, 10000, 0 },
	{ "KUE", "Jagung Titi", "Camilan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 25000, 0 },
	{ "KUE", "Kue Kacang Rote", "Camilan", "PPN11", "konsinyasi", 0,
	    GEN_SZ_PIECE, 18000, 0 },
	{ "BRS", "Beras Merah", "Sembako", "BEBAS", "beli_putus", 0,
	    GEN_SZ_WEIGHT, 6000, 18000 },
	{ "BRS", "Beras Putih", "Sembako", "BEBAS", "beli_putus", 0,
	    GEN_SZ_WEIGHT, 4500, 14000 },
	{ "JGG", "Jagung Bose", "Sembako", "BEBAS", "beli_putus", 0,
	    GEN_SZ_WEIGHT, 4000, 12000 },
	{ "GRM", "Garam Krosok", "Sembako", "BEBAS", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 2500, 6000 },
	{ "TLR", "Telur Ayam Kampung", "Sembako", "BEBAS", "beli_putus", 0,
	    GEN_SZ_PIECE, 3000, 32000 },
	{ "MYK", "Minyak Kelapa Murni", "Minyak", "PPN11", "konsinyasi", 2,
	    GEN_SZ_LIQUID, 45000, 0 },
	{ "MYK", "Minyak Kemiri", "Minyak", "PPN11", "konsinyasi", 2,
	    GEN_SZ_LIQUID, 35000, 0 },
	{ "BMB", "Sambal Lu'at", "Bumbu", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 25000, 0 },
	{ "BMB", "Bawang Merah Kering", "Bumbu", "PPN11", "beli_putus", 0,
	    GEN_SZ_WEIGHT, 15000, 48000 },
	{ "KKO", "Cokelat Kakao", "Kakao", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 25000, 0 },
	{ "KKO", "Bubuk Kakao", "Kakao", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 45000, 0 },
	{ "VNL", "Vanili Kering", "Rempah", "PPN11", "konsinyasi", 0,
	    GEN_SZ_WEIGHT, 150000, 0 },
	{ "AKS", "Dompet Tenun", "Kerajinan", "PPN11", "konsinyasi", 3,
	    GEN_SZ_PIECE, 85000, 0 },
	{ "AKS", "Tas Selempang Tenun", "Kerajinan", "PPN11", "konsinyasi", 3,
	    GEN_SZ_PIECE, 275000, 0 },
	{ "AKS", "Topi Ti'i Langga", "Kerajinan", "PPN11", "konsinyasi", 6,
	    GEN_SZ_PIECE, 250000, 0 },
	{ "AKS", "Miniatur Sasando", "Kerajinan", "PPN11", "beli_putus", 6,
	    GEN_SZ_PIECE, 150000, 0 },
	{ "AKS", "Anyaman Lontar", "Kerajinan", "PPN11", "konsinyasi", 6,
	    GEN_SZ_PIECE, 60000, 0 },
	{ "TEN", "Selendang Tenun Ikat", "Tenun", "PPN11", "konsinyasi", 3,
	    GEN_SZ_CLOTH, 400000, 0 },
	{ "TEN", "Sarung Tenun Ikat", "Tenun", "PPN11", "konsinyasi", 3,
	    GEN_SZ_CLOTH, 1250000, 0 },
	{ "MNM", "Air Mineral", "Minuman", "PPN11", "beli_putus", 5,
	    GEN_SZ_LIQUID, 4000, 0 },
	{ "MNM", "Sirup Asam Jawa", "Minuman", "PPN11", "konsinyasi", 5,
	    GEN_SZ_LIQUID, 22000, 0 },
};
#define GEN_NTYPES	(sizeof gen_types / sizeof gen_types[0])

static const char *const gen_forms[] = {
	"Kelompok", "KUB", "UD", "Koperasi", "UMKM", "CV", "Sanggar", "KWT",
};
static const char *const gen_trades[] = {
	"Tenun", "Kopi", "Madu", "Lontar", "Pangan", "Se'i", "Mete", "Garam",
	"Kakao", "Kerajinan", "Olahan Ikan", "Kue", "Tani", "Nelayan",
};
static const char *const gen_villages[] = {
	"Oebelo", "Nemberala", "Fatumnasi", "Lambanapu", "Wolobobo", "Nita",
	"Waiwadan", "Oinlasi", "Boti", "Niki-Niki", "Tarus", "Baumata",
	"Noelbaki", "Sikumana", "Oesao", "Camplong", "Kolbano", "Lamalera",
	"Maubesi", "Bena", "Moni", "Detusoko", "Praijing", "Ratenggaro",
	"Kodi", "Letfuan", "Lasiana", "Penfui", "Hundihuk", "Mehona",
};
static const char *const gen_people[] = {
	"Yakobus Nenobais", "Maria Goreti Lende", "Siti Aisyah Bolang",
	"Yermias Ndoen", "Ester Mooy", "Theresia Abi", "Johanis Koroh",
	"Nurhayati Abdullah", "Magdalena Fanggidae", "Yosefina Kewa",
	"Veronika Mbete", "Daniel Lado Bire", "Rambu Anna Hapu",
	"Agustinus Tefa", "Fransiska Wula", "Umbu Ndakularak",
};
static const char *const gen_banks[] = { "BRI", "BNI", "Bank NTT", "BRI",
	"Bank NTT", "Mandiri" };

#define GEN_N(a)	(sizeof (a) / sizeof (a)[0])

/* What a sale needs of a product, kept for the whole run. */
struct gen_item {
	char	 sku[32];
	char	 name[96];
	char	 supplier[32];
	int64_t	 price_rp;	/* per piece, or per kg when weighed */
	int64_t	 commission_bp;	/* konsinyasi cut; -1 for beli_putus */
	bool	 weighed;
	bool	 taxed;		/* PPN11 */
};

struct gen {
	uint64_t	 rng;
	struct ledger	*l;
	size_t		 nproducts, nsuppliers;
	int64_t		 nsales;
	struct gen_item	*items;
	int		*supplier_place;	/* index into gen_places */
	int		*supplier_next;		/* last 5-digit item reference */
	int64_t		 lines, entries, total_rp;
	int64_t		 printed, pumped;	/* receipts; through print_pump */
	int64_t		 closed;		/* day closures */
	int64_t		 shifts;		/* shift entries */
	int64_t		 append_ns, print_ns, close_ns;
	struct timespec	 t0;
};

static const struct actor gen_maria = { .code = "maria",
    .role = ROLE_MANAJER };
static const char *const gen_cashiers[] = { "ani", "yosef", "rambu",
	"ferdi", "nona", "kris" };

/* splitmix64: small, seedable, the same on every machine. */
static uint64_t
gen_rand(struct gen *g)
{
	uint64_t z = (g->rng += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. */
static uint64_t
gen_below(struct gen *g, uint64_t n)
{
	return gen_rand(g) % n;
}

/* Uniform in [lo, hi]. */
static int64_t
gen_range(struct gen *g, int64_t lo, int64_t hi)
{
	return lo + (int64_t)gen_below(g, (uint64_t)(hi - lo + 1));
}

static double
gen_elapsed(const struct gen *g)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - g->t0.tv_sec) +
	    (double)(now.tv_nsec - g->t0.tv_nsec) / 1e9;
}

static int64_t
gen_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void
gen_digits(struct gen *g, char *out, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		out[i] = (char)('0' + gen_below(g, 10));
	out[n] = '\0';
}

static void
gen_fail(const char *what, char *cause)
{
	fprintf(stderr, "gen-outlet: %s: %s\n", what,
	    cause != NULL ? cause : "?");
	free(cause);
	exit(1);
}

/* Rounds a price to what a shelf label shows: Rp500 steps, Rp100 below 5000. */
static int64_t
gen_round_price(int64_t rp)
{
	int64_t	 step = rp < 5000 ? 100 : 500;

	rp = (rp + step / 2) / step * step;
	return rp < step ? step : rp;
}

/* Catalog and opening stock are dated the eve of the first business day. */
static void
gen_set_clock(int64_t at_ms)
{
	char	 s[32];

	snprintf(s, sizeof s, "%lld", (long long)at_ms);
	setenv("NTT_FAKE_NOW_MS", s, 1);
}

static void
gen_outlet_setup(struct gen *g)
{
	static const struct {
		const char	*key, *value;
	} settings[] = {
		{ "outlet.address", "Jl. Timor Raya No. 118, Oesapa, "
		    "Kota Kupang" },
		{ "outlet.phone", "0380-8553210" },
		{ "pkp", "1" },
		{ "npwp", "0953120746318000" },
		{ "receipt.footer", "Terima kasih. Produk asli NTT." },
	};
	struct user u;
	char	*cause = NULL;
	size_t	 i;

	for (i = 0; i < GEN_N(settings); i++)
		if (catalog_set(g->l, "admin", settings[i].key,
		    settings[i].value, &cause) != POS_OK)
			gen_fail("pengaturan", cause);
	/* The admin first: the one user written before anyone manages
	 * users (core/gate.c). */
	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "admin");
	snprintf(u.name, sizeof u.name, "Admin Provinsi");
	snprintf(u.role, sizeof u.role, "admin");
	u.active = true;
	if (catalog_put_user(g->l, "admin", &u, "0000", &cause) != POS_OK)
		gen_fail("pengguna", cause);
	for (i = 0; i < GEN_N(gen_cashiers) + 1; i++) {
		memset(&u, 0, sizeof u);
		if (i < GEN_N(gen_cashiers)) {
			snprintf(u.code, sizeof u.code, "%s", gen_cashiers[i]);
			snprintf(u.name, sizeof u.name, "Kasir %s",
			    gen_cashiers[i]);
			snprintf(u.role, sizeof u.role, "kasir");
		} else {
			snprintf(u.code, sizeof u.code, "maria");
			snprintf(u.name, sizeof u.name, "Maria Ndoen");
			snprintf(u.role, sizeof u.role, "manajer");
		}
		u.active = true;
		if (catalog_put_user(g->l, "admin", &u, "1234", &cause) !=
		    POS_OK)
			gen_fail("pengguna", cause);
	}
}

static void
gen_outlet_suppliers(struct gen *g)
{
	struct supplier s;
	char	*cause = NULL, acct[16], nib[14];
	size_t	 i;
	int	 pl;

	g->supplier_place = xcalloc(g->nsuppliers, sizeof *g->supplier_place);
	g->supplier_next = xcalloc(g->nsuppliers, sizeof *g->supplier_next);
	for (i = 0; i < g->nsuppliers; i++) {
		pl = (int)gen_below(g, GEN_NPLACES);
		g->supplier_place[i] = pl;
		memset(&s, 0, sizeof s);
		snprintf(s.code, sizeof s.code, "SUP-%04zu", i + 1);
		snprintf(s.name, sizeof s.name, "%s %s %s",
		    gen_forms[gen_below(g, GEN_N(gen_forms))],
		    gen_trades[gen_below(g, GEN_N(gen_trades))],
		    gen_villages[gen_below(g, GEN_N(gen_villages))]);
		/* One kelompok in six has no NIB yet. */
		if (gen_below(g, 6) != 0) {
			gen_digits(g, nib, 13);
			snprintf(s.nib, sizeof s.nib, "%s", nib);
		}
		snprintf(s.kabupaten, sizeof s.kabupaten, "%s",
		    gen_places[pl].kabupaten);
		snprintf(s.desa, sizeof s.desa, "Desa %s, %s",
		    gen_villages[gen_below(g, GEN_N(gen_villages))],
		    gen_places[pl].town);
		snprintf(s.phone, sizeof s.phone, "08%lld",
		    (long long)gen_range(g, 1100000000, 5999999999));
		gen_digits(g, acct, 12);
		snprintf(s.bank, sizeof s.bank, "%s %s a.n. %s",
		    gen_banks[gen_below(g, GEN_N(gen_banks))], acct,
		    gen_people[gen_below(g, GEN_N(gen_people))]);
		s.active = true;
		if (catalog_put_supplier(g->l, "admin", &s, &cause) != POS_OK)
			gen_fail("pemasok", cause);
	}
}

static void
gen_ean13(int company, int item, char *out)
{
	int	 i, sum = 0;

	snprintf(out, 14, "899%04u%05u", (unsigned)company % 10000u,
	    (unsigned)item % 100000u);
	for (i = 0; i < 12; i++)
		sum += (out[i] - '0') * (i % 2 == 0 ? 1 : 3);
	out[12] = (char)('0' + (10 - sum % 10) % 10);
	out[13] = '\0';
}

/* Product i of the catalog: mostly packed goods with a barcode, about one
 * in ten weighed at the scale with a PLU and a price per kg. */
static void
gen_product(struct gen *g, size_t i, size_t *nweighed, struct product *p)
{
	const struct gen_type *t;
	const struct gen_place *pl;
	struct gen_item *it = &g->items[i];
	const char *size, *variant;
	size_t	 sup;
	int64_t	 price;
	int	 sz;

	memset(p, 0, sizeof *p);
	t = &gen_types[gen_below(g, GEN_NTYPES)];
	/* A producer's 5-digit item references are finite: move on. */
	do
		sup = gen_below(g, g->nsuppliers);
	while (g->supplier_next[sup] >= 99999);
	pl = &gen_places[g->supplier_place[sup]];
	variant = gen_variants[t->variants][gen_below(g, 8)];
	snprintf(p->sku, sizeof p->sku, "%s-%s-%06zu", t->code, pl->code,
	    i + 1);
	snprintf(p->supplier, sizeof p->supplier, "SUP-%04zu", sup + 1);
	snprintf(p->category, sizeof p->category, "%s", t->category);
	snprintf(p->tax_class, sizeof p->tax_class, "%s", t->tax_class);
	snprintf(p->kabupaten, sizeof p->kabupaten, "%s", pl->kabupaten);
	snprintf(p->ownership, sizeof p->ownership, "%s", t->ownership);
	if (t->kg_rp > 0 && gen_below(g, 100) < 28) {
		/* Weighed: sold loose by the gram; the PLU is on the label. */
		snprintf(p->name, sizeof p->name, "%s %s Curah %s", t->name,
		    variant, pl->town);
		snprintf(p->unit, sizeof p->unit, "g");
		price = gen_round_price(t->kg_rp * gen_range(g, 85, 125) / 100);
		if (*nweighed < 99999)
			snprintf(p->plu, sizeof p->plu, "%05zu",
			    ++*nweighed);
		else
			++*nweighed;
	} else {
		sz = (int)gen_below(g, 6);
		size = gen_sizes[t->sizes][sz].label;
		snprintf(p->name, sizeof p->name, "%s %s %s%s%s", t->name,
		    variant, pl->town, *size ? " " : "", size);
		snprintf(p->unit, sizeof p->unit, "pcs");
		price = gen_round_price(t->base_rp *
		    gen_sizes[t->sizes][sz].pct / 100 *
		    gen_range(g, 80, 130) / 100);
		gen_ean13((int)(1000 + sup), ++g->supplier_next[sup],
		    p->barcodes[0]);
	}
	p->price_rp = price;
	if (strcmp(p->ownership, "konsinyasi") == 0)
		p->commission_bp = 1000 + 500 * gen_range(g, 0, 3);
	else
		p->cost_rp = price * gen_range(g, 65, 85) / 100;
	/* Packed food carries a P-IRT or BPOM number, some a halal one. */
	if (strcmp(t->category, "Kerajinan") != 0 &&
	    strcmp(t->category, "Tenun") != 0 && p->unit[0] == 'p') {
		if (gen_below(g, 4) == 0) {
			snprintf(p->certs[0].kind, sizeof p->certs[0].kind,
			    "bpom");
			snprintf(p->certs[0].number,
			    sizeof p->certs[0].number, "MD %012lld",
			    (long long)gen_range(g, 100000000000,
			    999999999999));
			snprintf(p->certs[0].expiry,
			    sizeof p->certs[0].expiry, "%04d-%02d-28",
			    (int)gen_range(g, 2026, 2030),
			    (int)gen_range(g, 1, 12));
		} else {
			snprintf(p->certs[0].kind, sizeof p->certs[0].kind,
			    "pirt");
			snprintf(p->certs[0].number,
			    sizeof p->certs[0].number, "%lld-%02d",
			    (long long)gen_range(g, 1000000000000,
			    9999999999999), (int)gen_range(g, 26, 30));
			snprintf(p->certs[0].expiry,
			    sizeof p->certs[0].expiry, "%04d-%02d-28",
			    (int)gen_range(g, 2026, 2030),
			    (int)gen_range(g, 1, 12));
		}
		if (strcmp(t->code, "SEI") != 0 || strstr(t->name, "Babi") ==
		    NULL) {
			if (gen_below(g, 3) == 0) {
				snprintf(p->certs[1].kind,
				    sizeof p->certs[1].kind, "halal");
				snprintf(p->certs[1].number,
				    sizeof p->certs[1].number, "ID53%015lld",
				    (long long)gen_range(g, 1, 999999999999));
			}
		}
	}
	p->active = true;

	snprintf(it->sku, sizeof it->sku, "%s", p->sku);
	snprintf(it->name, sizeof it->name, "%s", p->name);
	snprintf(it->supplier, sizeof it->supplier, "%s", p->supplier);
	it->price_rp = p->price_rp;
	it->commission_bp = p->ownership[0] == 'k' ? p->commission_bp : -1;
	it->weighed = p->unit[0] == 'g';
	it->taxed = strcmp(p->tax_class, "PPN11") == 0;
}

/* Opening stock of the products [from, to): one intake entry each, as
 * catalog_receive writes it. */
static void
gen_outlet_intake(struct gen *g, size_t from, size_t to)
{
	struct entry **es;
	struct entry_line *li;
	const struct gen_item *it;
	char	*cause = NULL;
	size_t	 i, n = to - from;

	es = xcalloc(n, sizeof *es);
	for (i = 0; i < n; i++) {
		it = &g->items[from + i];
		es[i] = entry_new(it->commission_bp >= 0 ? ENTRY_CONSIGN_IN :
		    ENTRY_STOCK_IN);
		entry_set(&es[i]->author, "maria");
		li = entry_add(es[i], "item");
		entry_set(&li->code, it->sku);
		entry_set(&li->text, it->name);
		entry_set(&li->unit, it->weighed ? "g" : "pcs");
		entry_set(&li->party, it->supplier);
		li->qty = it->weighed ? gen_range(g, 10, 100) * 1000 :
		    gen_range(g, 12, 240);
		li->price_rp = it->price_rp;
	}
	if (ledger_append_batch(g->l, es, n, &cause) != POS_OK)
		gen_fail("stok awal", cause);
	for (i = 0; i < n; i++)
		entry_free(es[i]);
	free(es);
	g->entries += (int64_t)n;
	g->lines += (int64_t)n;
}

static void
gen_outlet_products(struct gen *g, int64_t at_ms)
{
	struct product *batch;
	char	*cause = NULL;
	size_t	 i, n, from, nweighed = 0;
	double	 t;

	g->items = xcalloc(g->nproducts, sizeof *g->items);
	batch = xcalloc(GEN_PRODUCT_BATCH, sizeof *batch);
	for (from = 0; from < g->nproducts; from += n) {
		n = g->nproducts - from;
		if (n > GEN_PRODUCT_BATCH)
			n = GEN_PRODUCT_BATCH;
		for (i = 0; i < n; i++)
			gen_product(g, from + i, &nweighed, &batch[i]);
		gen_set_clock(at_ms + (int64_t)from);
		if (catalog_put_products(g->l, "admin", batch, n, &cause) !=
		    POS_OK)
			gen_fail("produk", cause);
		g->entries += (int64_t)n;
		gen_outlet_intake(g, from, from + n);
		if ((from / n) % 10 == 9 || from + n == g->nproducts) {
			t = gen_elapsed(g);
			fprintf(stderr, "gen-outlet: products %zu/%zu, "
			    "%.0f/s (with opening stock)\n", from + n,
			    g->nproducts, (double)(from + n) / t);
		}
	}
	free(batch);
	fprintf(stderr, "gen-outlet: %zu products (%zu weighed) in %.1f s\n",
	    g->nproducts, nweighed, gen_elapsed(g));
}

/* Lines per sale: most baskets are small, a few are a family's week. */
static int
gen_basket(struct gen *g)
{
	static const int permille[] = { 300, 220, 150, 95, 65, 45, 32, 24,
	    18, 14, 11, 9, 7, 5, 5 };
	int	 r = (int)gen_below(g, 1000), i;

	for (i = 0; i < (int)GEN_N(permille) - 1; i++) {
		if (r < permille[i])
			return i + 1;
		r -= permille[i];
	}
	return (int)GEN_N(permille);
}

/*
 * A few products sell a lot: the product of three uniform draws skews
 * towards low indices (the catalog order itself is random). Dear goods,
 * tenun and crafts, sell seldom: most draws of them are put back.
 */
static const struct gen_item *
gen_pick(struct gen *g)
{
	const struct gen_item *it;
	uint64_t r;
	int	 tries = 0;

	do {
		r = gen_below(g, g->nproducts);
		r = gen_below(g, r + 1);
		r = gen_below(g, r + 1);
		it = &g->items[r];
	} while (++tries < 4 && it->price_rp > 150000 && !it->weighed &&
	    gen_below(g, 100) < 85);
	return it;
}

static struct entry *
gen_sale(struct gen *g, int64_t at_ms, const char *cashier)
{
	struct entry *e;
	struct entry_line *li;
	const struct gen_item *it;
	int64_t	 total = 0, amount, tendered, step;
	char	 day[11], ref[16];
	int	 i, n = gen_basket(g);

	e = entry_new(ENTRY_SALE);
	e->created_at_ms = at_ms;
	entry_set(&e->business_day, clock_wita_date(at_ms, day));
	entry_set(&e->author, cashier);
	for (i = 0; i < n; i++) {
		it = gen_pick(g);
		li = entry_add(e, "item");
		entry_set(&li->code, it->sku);
		entry_set(&li->text, it->name);
		entry_set(&li->party, it->supplier);
		li->price_rp = it->price_rp;
		if (it->weighed) {
			entry_set(&li->unit, "g");
			li->qty = gen_range(g, 20, 400) * 5;
			if (!money_weighed(it->price_rp, li->qty, &amount))
				fatalx("weighed amount overflows");
		} else {
			entry_set(&li->unit, "pcs");
			li->qty = gen_below(g, 100) < 78 ? 1 :
			    gen_below(g, 100) < 70 ? 2 : gen_range(g, 3, 6);
			if (!money_mul(it->price_rp, li->qty, &amount))
				fatalx("amount overflows");
		}
		li->amount_rp = amount;
		entry_set(&li->tax_class, it->taxed ? "PPN11" : "BEBAS");
		if (it->taxed && !tax_ppn_incl(amount, &li->tax_rp))
			fatalx("PPN overflows");
		if (it->commission_bp >= 0) {
			if (!money_muldiv(amount, 10000 - it->commission_bp,
			    10000, &li->share_rp))
				fatalx("share overflows");
		}
		total += amount;
		g->lines++;
	}
	e->total_rp = total;
	li = entry_add(e, "pay");
	if (gen_below(g, 100) < 55) {
		/* Cash: exact, or the next round note(s) up; change back. */
		static const int64_t steps[] = { 1, 1000, 5000, 10000, 20000,
		    50000, 100000 };
		step = steps[gen_below(g, GEN_N(steps))];
		tendered = (total + step - 1) / step * step;
		entry_set(&li->code, "cash");
		li->amount_rp = tendered;
		li = entry_add(e, "change");
		entry_set(&li->code, "cash");
		li->amount_rp = tendered - total;
		g->lines += 2;
	} else {
		gen_digits(g, ref, 12);
		entry_set(&li->code, "qris");
		entry_set(&li->text, ref);
		li->amount_rp = total;
		g->lines++;
	}
	g->total_rp += total;
	return e;
}

/*
 * The year's business days: closed on Sundays, 1 January, Good Friday and
 * Christmas; Saturdays, the days around payday (25th to 2nd) and December
 * are busier. Returns the weight of day d (0: closed), in percent.
 */
static int
gen_day_weight(int64_t day_ms)
{
	struct tm tm;
	time_t	 t = (time_t)(day_ms / 1000 + CLOCK_WITA_OFFSET_S);
	int	 w = 100;

	gmtime_r(&t, &tm);
	if (tm.tm_wday == 0 || (tm.tm_mon == 0 && tm.tm_mday == 1) ||
	    (tm.tm_mon == 3 && tm.tm_mday == 18 && tm.tm_year == 125) ||
	    (tm.tm_mon == 11 && tm.tm_mday == 25))
		return 0;
	if (tm.tm_wday == 6)
		w += 40;
	if (tm.tm_mday >= 25 || tm.tm_mday <= 2)
		w += 30;
	if (tm.tm_mon == 11)
		w += 50;
	return w;
}

static void
gen_outlet_flush(struct gen *g, struct entry **batch, int64_t *nbatch)
{
	char	*cause = NULL;
	int64_t	 t0 = gen_now_ns();

	if (*nbatch == 0)
		return;
	if (ledger_append_batch(g->l, batch, (size_t)*nbatch, &cause) !=
	    POS_OK)
		gen_fail("penjualan", cause);
	g->append_ns += gen_now_ns() - t0;
	while (*nbatch > 0)
		entry_free(batch[--*nbatch]);
}

/*
 * The cashiers' shifts of a day (core/shift.h): each opens with Rp500.000
 * in notes before the first sale, and closes before the Z with what the
 * drawer should hold, counted in notes down to Rp100.
 */
static void
gen_outlet_shifts(struct gen *g, int64_t day_ms, bool open)
{
	struct actor a;
	struct shift_state s;
	struct drawer_count c;
	char	*cause = NULL;
	int64_t	 rp;
	size_t	 i, k;
	enum pos_rc rc;

	gen_set_clock(day_ms + (open ? GEN_OPEN_MS - 10 * 60 * 1000 :
	    GEN_CLOSE_MS + 15 * 60 * 1000));
	for (i = 0; i < GEN_N(gen_cashiers); i++) {
		memset(&a, 0, sizeof a);
		snprintf(a.code, sizeof a.code, "%s", gen_cashiers[i]);
		a.role = ROLE_KASIR;
		rp = 500000;
		if (!open) {
			if ((rc = shift_find(g->l, a.code, &s, &cause)) !=
			    POS_OK)
				gen_fail("shift", cause);
			rp = s.expected_cash_rp;
		}
		memset(&c, 0, sizeof c);
		for (k = 0; k < DRAWER_NDENOMS; k++) {
			c.pieces[k] = rp / drawer_denoms[k];
			rp -= c.pieces[k] * drawer_denoms[k];
		}
		if (!open)
			memcpy(c.other_rp, s.others_rp, sizeof c.other_rp);
		rc = open ? shift_open(g->l, &a, &c, NULL, &cause) :
		    shift_close(g->l, &a, NULL, &c, "", NULL, &cause);
		if (rc != POS_OK)
			gen_fail("shift", cause);
		g->shifts++;
	}
	unsetenv("NTT_FAKE_NOW_MS");
}

/*
 * The end of business day d. The last day's receipts go through print_pump
 * (printer "none": rendered, then marked printed one commit each, as at
 * the counter); earlier days' are settled in one go, since rendering a
 * year of receipts takes half an hour. Then the manager's Z report closes
 * the day (R2.5).
 */
static void
gen_outlet_close_day(struct gen *g, int64_t day_ms, bool last)
{
	char	*cause = NULL, day[11];
	int64_t	 printed = 0, t0 = gen_now_ns();
	enum pos_rc rc;

	gen_set_clock(day_ms + GEN_CLOSE_MS + 30 * 60 * 1000);
	if (last)
		rc = print_pump(g->l, "none", &printed, &cause);
	else
		rc = print_settle(g->l, ledger_count(g->l), &printed, &cause);
	if (rc != POS_OK)
		gen_fail("cetak struk", cause);
	g->print_ns += gen_now_ns() - t0;
	g->printed += printed;
	if (last)
		g->pumped += printed;
	gen_outlet_shifts(g, day_ms, false);
	t0 = gen_now_ns();
	clock_wita_date(day_ms + GEN_OPEN_MS, day);
	gen_set_clock(day_ms + GEN_CLOSE_MS + 30 * 60 * 1000);
	if (report_close_day(g->l, &gen_maria, day, NULL, NULL, NULL, NULL,
	    &cause) != POS_OK)
		gen_fail("tutup hari", cause);
	unsetenv("NTT_FAKE_NOW_MS");
	g->close_ns += gen_now_ns() - t0;
	g->closed++;
}

static void
gen_outlet_sales(struct gen *g)
{
	struct entry *batch[GEN_SALE_BATCH];
	int64_t	 day_ms, wsum = 0, done = 0, want, k, i, span, at;
	int64_t	 nbatch = 0, acc = 0;
	double	 t, start = gen_elapsed(g), last = start;
	int	 d, w, shift;

	for (d = 0; d < GEN_DAYS; d++)
		wsum += gen_day_weight(GEN_START_MS + d * GEN_DAY_MS);
	span = GEN_CLOSE_MS - GEN_OPEN_MS;
	for (d = 0; d < GEN_DAYS && done < g->nsales; d++) {
		day_ms = GEN_START_MS + d * GEN_DAY_MS;
		if ((w = gen_day_weight(day_ms)) == 0)
			continue;
		/* Sales so far follow the cumulative weight: all of them
		 * by the last open day. */
		acc += w;
		want = g->nsales * acc / wsum;
		k = want - done;
		if (k > 0)
			gen_outlet_shifts(g, day_ms, true);
		for (i = 0; i < k; i++) {
			/* Evenly through the day, jittered, never backwards. */
			at = day_ms + GEN_OPEN_MS + span * (2 * i + 1) /
			    (2 * k) + gen_range(g, 0, span / (4 * k + 4));
			shift = at - day_ms < GEN_OPEN_MS + span / 2 ? 0 : 3;
			batch[nbatch++] = gen_sale(g, at,
			    gen_cashiers[shift + (int)gen_below(g, 3)]);
			if (nbatch == GEN_SALE_BATCH)
				gen_outlet_flush(g, batch, &nbatch);
		}
		gen_outlet_flush(g, batch, &nbatch);
		done += k;
		if (k > 0)
			gen_outlet_close_day(g, day_ms, done == g->nsales);
		t = gen_elapsed(g);
		if (t - last >= 10 || done == g->nsales) {
			last = t;
			fprintf(stderr, "gen-outlet: sales %lld/%lld (%lld%%), "
			    "%.0f/s, ~%.0f s left\n", (long long)done,
			    (long long)g->nsales, (long long)(done * 100 /
			    g->nsales), (double)done / (t - start),
			    (double)(g->nsales - done) * (t - start) /
			    (double)done);
		}
	}
	g->entries += done + g->closed + g->shifts;
	t = gen_elapsed(g) - start;
	fprintf(stderr, "gen-outlet: %lld sales in %.1f s (%.0f/s): appends "
	    "%.1f s; %lld receipts marked printed (%lld through print_pump) "
	    "%.1f s; %lld day closures %.1f s\n", (long long)done, t,
	    t > 0 ? (double)done / t : 0.0, (double)g->append_ns / 1e9,
	    (long long)g->printed, (long long)g->pumped,
	    (double)g->print_ns / 1e9, (long long)g->closed,
	    (double)g->close_ns / 1e9);
}

static void
gen_usage(void)
{
	fprintf(stderr, "usage: gen-outlet --db FILE [--products N] "
	    "[--sales N] [--seed S] | --version\n");
	exit(2);
}

static long long
gen_number(const char *s, long long min)
{
	char	*end;
	long long v;

	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < min)
		gen_usage();
	return v;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "products", required_argument, NULL, 'p' },
		{ "sales", required_argument, NULL, 's' },
		{ "seed", required_argument, NULL, 'S' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct ledger_init init = { "KPG02", "NTT Mart Oesapa", "KPG02-K1" };
	struct gen g;
	struct stat sb;
	char	*cause = NULL, money[MONEY_FMT_MAX], *wal;
	const char *db = NULL;
	int64_t	 size;
	int	 ch;

	memset(&g, 0, sizeof g);
	g.nproducts = 100000;
	g.nsales = 1000000;
	g.rng = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			db = optarg;
			break;
		case 'p':
			g.nproducts = (size_t)gen_number(optarg, 1);
			break;
		case 's':
			g.nsales = gen_number(optarg, 0);
			break;
		case 'S':
			g.rng = (uint64_t)gen_number(optarg, 0);
			break;
		case 'V':
			printf("gen-outlet %d\n", GEN_VERSION);
			return 0;
		default:
			gen_usage();
		}
	}
	if (db == NULL || optind != argc)
		gen_usage();
	/* About 250 products per producer, as a big outlet's UMKM list. */
	g.nsuppliers = g.nproducts / 250;
	if (g.nsuppliers < 5)
		g.nsuppliers = 5;
	if (g.nsuppliers > 8999)
		g.nsuppliers = 8999;
	if (g.nproducts > (size_t)8999 * 99999)
		gen_usage();

	clock_gettime(CLOCK_MONOTONIC, &g.t0);
	gen_set_clock(GEN_START_MS - GEN_DAY_MS + 17 * 3600 * 1000);
	if (ledger_create(db, NULL, &init, &g.l, &cause) != POS_OK)
		gen_fail(db, cause);
	gen_outlet_setup(&g);
	gen_outlet_suppliers(&g);
	g.entries = ledger_count(g.l);
	gen_outlet_products(&g, GEN_START_MS - GEN_DAY_MS + 18 * 3600 * 1000);
	/* The opening stock came the evening before: that day is closed,
	 * so the first sale opens the first day (core/gate.h). */
	gen_set_clock(GEN_START_MS - GEN_DAY_MS + 23 * 3600 * 1000);
	if (report_close_day(g.l, &gen_maria, NULL, NULL, NULL, NULL, NULL,
	    &cause) != POS_OK)
		gen_fail("tutup hari stok awal", cause);
	g.entries++;
	unsetenv("NTT_FAKE_NOW_MS");
	gen_outlet_sales(&g);
	if (ledger_count(g.l) != g.entries) {
		fprintf(stderr, "gen-outlet: %lld entries written, %lld "
		    "expected\n", (long long)ledger_count(g.l),
		    (long long)g.entries);
		return 1;
	}
	ledger_close(g.l);

	size = stat(db, &sb) == 0 ? (int64_t)sb.st_size : 0;
	wal = xasprintf("%s-wal", db);
	if (stat(wal, &sb) == 0)
		size += (int64_t)sb.st_size;
	free(wal);
	printf("gen-outlet %d: %s: %lld entries, %zu suppliers, %zu products, "
	    "%lld sales, %lld day closures, %lld lines, %s sold, %lld bytes, "
	    "%.1f s\n", GEN_VERSION, db, (long long)g.entries, g.nsuppliers, g.nproducts,
	    (long long)g.nsales, (long long)g.closed, (long long)g.lines,
	    money_fmt(g.total_rp, money), (long long)size, gen_elapsed(&g));
	free(g.items);
	free(g.supplier_place);
	free(g.supplier_next);
	return 0;
}
