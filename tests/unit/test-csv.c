/* SPDX-License-Identifier: ISC */
/*
 * The CSV reader (rules/csv.c) and the catalog's columns
 * (rules/catalog-csv.c) on what spreadsheets really write: a BOM,
 * semicolons, mixed line ends, quotes, bytes that are not UTF-8, a cut
 * last line; and each refusal named by line and column.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog-csv.h"
#include "check.h"
#include "csv.h"
#include "util.h"

/* The rows of text, as "line:f1|f2|...;err@col" one per row. */
static char *
rows(const char *text, size_t len)
{
	struct csv c;
	struct csv_row r;
	struct buf b;
	size_t	 i;

	memset(&r, 0, sizeof r);
	buf_init(&b, 1 << 20);
	csv_init(&c, text, len);
	while (csv_next(&c, &r)) {
		buf_printf(&b, "%lld:", (long long)r.line);
		for (i = 0; i < r.n; i++)
			buf_printf(&b, "%s%s", i > 0 ? "|" : "", r.f[i]);
		if (r.err != CSV_OK)
			buf_printf(&b, ";%d@%zu", (int)r.err, r.err_col);
		buf_addstr(&b, "\n");
	}
	csv_row_free(&r);
	return buf_take(&b, NULL);
}

#define CHECK_ROWS(text, want) do {					\
	char *got_ = rows(text, sizeof(text) - 1);			\
	CHECK_STR(got_, want);						\
	free(got_);							\
} while (0)

static void
test_csv_read(void)
{
	struct csv c;
	char	 big[CSV_FIELD_MAX + 20], *got;
	struct buf b;
	int	 i;

	/* BOM, semicolons, CRLF; a comma inside is text. */
	csv_init(&c, "\xef\xbb\xbf" "a;b;c,d\r\n", 11);
	CHECK(c.bom);
	CHECK_EQ_I64(c.delim, ';');
	CHECK_ROWS("\xef\xbb\xbf" "sku;nama\r\nA;Kopi, Bajawa\r\n",
	    "1:sku|nama\n2:A|Kopi, Bajawa\n");
	/* Every line end, mixed; blank lines counted, not returned; the
	 * last line without one. */
	CHECK_ROWS("a,b\r\nc,d\ne,f\rg,h\n\n\r\ni,j",
	    "1:a|b\n2:c|d\n3:e|f\n4:g|h\n7:i|j\n");
	/* Quotes: the delimiter, a doubled quote, a line end inside. */
	CHECK_ROWS("x,\"a,\"\"b\"\"\",\"two\r\nlines\"\ny,z\n",
	    "1:x|a,\"b\"|two\nlines\n3:y|z\n");
	/* Tabs when the header has more of them. */
	CHECK_ROWS("a\tb\tc,d\n1\t2\t3\n", "1:a|b|c,d\n2:1|2|3\n");
	/* Empty fields, and a trailing delimiter. */
	CHECK_ROWS("a,,c,\n", "1:a||c|\n");
	/* A byte that is not UTF-8: that row, its column; the next is
	 * fine. Overlong and surrogate forms too. */
	CHECK_ROWS("a,b\nc,Kain \xe9 Ikat\nd,e\n",
	    "1:a|b\n2:c|Kain \xe9 Ikat;1@2\n3:d|e\n");
	CHECK_ROWS("\xc0\xaf,x\n", "1:\xc0\xaf|x;1@1\n");
	CHECK_ROWS("x,\xed\xa0\x80\n", "1:x|\xed\xa0\x80;1@2\n");
	CHECK_ROWS("x,\xe2\x80\n", "1:x|\xe2\x80;1@2\n");
	CHECK(csv_utf8_ok("Caf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80", 14));
	/* A NUL is not text. */
	CHECK_ROWS("a,b\0c\n", "1:a|b;1@2\n");
	/* Text after a closing quote. */
	CHECK_ROWS("\"a\"b,c\n", "1:ab|c;4@1\n");
	/* A quote open at the end: a truncated file. */
	CHECK_ROWS("a,b\nc,\"half", "1:a|b\n2:c|half;5@2\n");
	/* Too many columns, too long a field: refused, cut, not lost. */
	buf_init(&b, 1 << 16);
	for (i = 0; i < CSV_COLS_MAX + 3; i++)
		buf_addstr(&b, i ? ",x" : "x");
	buf_addstr(&b, "\nok\n");
	got = rows(b.data, b.len);
	CHECK(strstr(got, ";3@65\n2:ok\n") != NULL);
	free(got);
	buf_free(&b);
	memset(big, 'k', sizeof big);
	memcpy(big + sizeof big - 3, "\nz", 2);
	got = rows(big, sizeof big - 1);
	CHECK(strstr(got, ";2@1\n2:z\n") != NULL);
	CHECK(strlen(got) < CSV_FIELD_MAX + 32);
	free(got);
	/* Nothing but blank lines is no row. */
	CHECK_ROWS("\r\n\n\r", "");
}

static void
test_csv_put(void)
{
	struct buf b;
	char	*got;

	buf_init(&b, 1024);
	csv_put(&b, "plain", ',');
	buf_addbyte(&b, ',');
	csv_put(&b, "Desa A, Kec. B", ',');
	buf_addbyte(&b, ',');
	csv_put(&b, "Se'i \"asli\"", ',');
	buf_addbyte(&b, ',');
	csv_put(&b, " pad", ',');
	buf_addstr(&b, "\r\n");
	got = rows(b.data, b.len);
	CHECK_STR(b.data, "plain,\"Desa A, Kec. B\",\"Se'i \"\"asli\"\"\","
	    "\" pad\"\r\n");
	CHECK_STR(got, "1:plain|Desa A, Kec. B|Se'i \"asli\"| pad\n");
	free(got);
	buf_free(&b);
}

/* The first row as a header and the second as a product over base. */
static enum pos_rc
product_of(const char *text, struct product *p, bool is_new,
    struct catalog_csv_refusal *why)
{
	struct catalog_csv_head h;
	struct csv c;
	struct csv_row r;
	enum pos_rc rc;

	memset(&r, 0, sizeof r);
	csv_init(&c, text, strlen(text));
	CHECK(csv_next(&c, &r));
	rc = catalog_csv_header(CATALOG_CSV_PRODUCTS, &r, &h, why);
	if (rc == POS_OK) {
		CHECK(csv_next(&c, &r));
		rc = catalog_csv_product(&h, &r, is_new, p, why);
	}
	csv_row_free(&r);
	return rc;
}

#define HEAD	"No;Kode Barang;Nama;Harga (Rp);Pemasok;Barcode;Sertifikat;" \
		"Keterangan\n"

static void
test_catalog_csv(void)
{
	struct catalog_csv_refusal w;
	struct catalog_csv_head h;
	struct product p;
	struct supplier s;
	struct csv c;
	struct csv_row r;
	struct buf b;

	memset(&p, 0, sizeof p);
	CHECK_EQ_I64(product_of(HEAD "1;KOP-1;Kopi Bajawa;15.000;SUP-006;"
	    "8991234567891 | 8990000000006;halal:ID53120000412870523|sni:SNI 3556:2016:"
	    "2027-10-31;x\n", &p, true, &w), POS_OK);
	CHECK_STR(p.sku, "KOP-1");
	CHECK_EQ_I64(p.price_rp, 15000);
	CHECK_STR(p.unit, "pcs");
	CHECK_STR(p.ownership, "konsinyasi");
	CHECK_STR(p.barcodes[1], "8990000000006");
	CHECK_STR(p.certs[1].number, "SNI 3556:2016");
	CHECK_STR(p.certs[1].expiry, "2027-10-31");
	CHECK(p.active);

	/* Each refusal names the line, the column and the rule. */
	memset(&p, 0, sizeof p);
	CHECK_EQ_I64(product_of(HEAD "1;KOP-1;Kopi;0;SUP-006;;;\n", &p, true,
	    &w), POS_EINVAL);
	CHECK_EQ_I64(w.line, 2);
	CHECK_EQ_I64(w.col, 4);
	CHECK_STR(w.column, "Harga (Rp)");
	CHECK(strstr(w.why, "Harga: harus Rp1") != NULL);
	memset(&p, 0, sizeof p);
	CHECK_EQ_I64(product_of(HEAD "1;KOP-1;Kopi;1.000.000.000.001;SUP-6"
	    ";;;\n", &p, true, &w), POS_EINVAL);
	CHECK_EQ_I64(w.col, 4);
	memset(&p, 0, sizeof p);
	CHECK_EQ_I64(product_of(HEAD "1;KOP-1;Kopi;5000;SUP-6;8991234567892"
	    ";;\n", &p, true, &w), POS_EINVAL);
	CHECK_EQ_I64(w.col, 6);
	CHECK(strstr(w.why, "8991234567892: digit periksa salah") != NULL);
	memset(&p, 0, sizeof p);
	CHECK_EQ_I64(product_of(HEAD "1;KOP-1;Kopi;5000;SUP-6;8.99123E+12;;"
	    "\n", &p, true, &w), POS_EINVAL);
	CHECK(strstr(w.why, "jadikan kolom teks") != NULL);
	memset(&p, 0, sizeof p);
	CHECK_EQ_I64(product_of(HEAD "1;KOP-1;Kopi;5000;SUP-6;;pirt;\n", &p,
	    true, &w), POS_EINVAL);
	CHECK_EQ_I64(w.col, 7);
	memset(&p, 0, sizeof p);
	CHECK_EQ_I64(product_of(HEAD "1;KOP-1;Kain \xe9;5000;SUP-6;;;\n", &p,
	    true, &w), POS_EINVAL);
	CHECK_EQ_I64(w.col, 3);
	CHECK(strstr(w.why, "UTF-8") != NULL);
	/* A column the file lacks is named by our name. */
	memset(&p, 0, sizeof p);
	CHECK_EQ_I64(product_of("sku;name\nKOP-1;Kopi\n", &p, true, &w),
	    POS_EINVAL);
	CHECK_EQ_I64(w.col, 0);
	CHECK_STR(w.column, "price_rp");

	/* Empty keeps the base, "-" empties. */
	memset(&p, 0, sizeof p);
	snprintf(p.sku, sizeof p.sku, "KOP-1");
	snprintf(p.name, sizeof p.name, "Kopi lama");
	snprintf(p.unit, sizeof p.unit, "pcs");
	snprintf(p.ownership, sizeof p.ownership, "beli_putus");
	snprintf(p.tax_class, sizeof p.tax_class, "PPN11");
	snprintf(p.supplier, sizeof p.supplier, "SUP-6");
	snprintf(p.plu, sizeof p.plu, "00031");
	snprintf(p.barcodes[0], sizeof p.barcodes[0], "8991234567891");
	p.price_rp = 9000;
	p.cost_rp = 5000;
	CHECK_EQ_I64(product_of("sku,name,price_rp,plu,barcodes\n"
	    "KOP-1,,12000,-,\n", &p, false, &w), POS_OK);
	CHECK_STR(p.name, "Kopi lama");
	CHECK_EQ_I64(p.price_rp, 12000);
	CHECK_STR(p.plu, "");
	CHECK_STR(p.barcodes[0], "8991234567891");
	CHECK_STR(p.ownership, "beli_putus");

	/* Headers: the key, names twice, names unknown. */
	memset(&r, 0, sizeof r);
	csv_init(&c, "nama,harga\n", 11);
	CHECK(csv_next(&c, &r));
	CHECK_EQ_I64(catalog_csv_header(CATALOG_CSV_PRODUCTS, &r, &h, &w),
	    POS_EINVAL);
	CHECK(strstr(w.why, "tanpa kolom sku") != NULL);
	csv_init(&c, "sku,harga,Harga Jual\n", 21);
	CHECK(csv_next(&c, &r));
	CHECK_EQ_I64(catalog_csv_header(CATALOG_CSV_PRODUCTS, &r, &h, &w),
	    POS_EINVAL);
	CHECK_EQ_I64(w.col, 3);
	csv_init(&c, "Kode,Nama Usaha,NIB,Catatan\nSUP-9,UD Lontar,"
	    "912010542378,\n", 55);
	CHECK(csv_next(&c, &r));
	CHECK_EQ_I64(catalog_csv_header(CATALOG_CSV_SUPPLIERS, &r, &h, &w),
	    POS_OK);
	CHECK_STR(h.ignored, "Catatan");
	CHECK(csv_next(&c, &r));
	memset(&s, 0, sizeof s);
	CHECK_EQ_I64(catalog_csv_supplier(&h, &r, true, &s, &w), POS_EINVAL);
	CHECK_EQ_I64(w.col, 3);
	CHECK_STR(w.why, "NIB: harus 13 angka (atau kosong bila belum ada)");
	csv_row_free(&r);

	/* An export reads back to the same object. */
	buf_init(&b, 1 << 16);
	catalog_csv_put_header(&b, CATALOG_CSV_PRODUCTS);
	snprintf(p.name, sizeof p.name, "Se'i \"Sapi\", asap");
	snprintf(p.certs[0].kind, sizeof p.certs[0].kind, "sni");
	snprintf(p.certs[0].number, sizeof p.certs[0].number, "SNI 1:2");
	catalog_csv_put_product(&b, &p);
	{
		struct product q;

		memset(&q, 0, sizeof q);
		CHECK_EQ_I64(product_of(b.data, &q, true, &w), POS_OK);
		CHECK(memcmp(&p, &q, sizeof p) == 0);
	}
	buf_free(&b);
}

int
main(void)
{
	test_csv_read();
	test_csv_put();
	test_catalog_csv();
	return check_exit();
}
