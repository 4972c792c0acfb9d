/* SPDX-License-Identifier: ISC */
/*
 * Spreadsheet files from anyone: csv_next() on any bytes, then the first
 * row as a products header and every other row as a product, and as a
 * producer. Whatever the input, a row has 1..CSV_COLS_MAX fields of at
 * most CSV_FIELD_MAX bytes, a row without a problem is UTF-8, rows come
 * in order of their lines, and what a row becomes passes the catalog's
 * own checks.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog-csv.h"
#include "core.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct catalog_csv_refusal w;
	struct catalog_csv_head hp, hs;
	struct csv c;
	struct csv_row r;
	struct product p;
	struct supplier s;
	int64_t	 last = 0;
	size_t	 i, nrows = 0;
	bool	 head = false;

	memset(&r, 0, sizeof r);
	csv_init(&c, data, len);
	while (csv_next(&c, &r)) {
		if (r.n < 1 || r.n > CSV_COLS_MAX || r.line <= last)
			abort();
		last = r.line;
		for (i = 0; i < r.n; i++) {
			if (strlen(r.f[i]) > CSV_FIELD_MAX)
				abort();
			if (r.err == CSV_OK &&
			    !csv_utf8_ok(r.f[i], strlen(r.f[i])))
				abort();
		}
		if (r.err != CSV_OK && (r.err_col < 1 ||
		    r.err_col > CSV_COLS_MAX + 1))
			abort();
		if (nrows++ == 0) {
			head = catalog_csv_header(CATALOG_CSV_PRODUCTS, &r, &hp,
			    &w) == POS_OK;
			catalog_csv_header(CATALOG_CSV_SUPPLIERS, &r, &hs, &w);
			continue;
		}
		if (!head)
			continue;
		memset(&p, 0, sizeof p);
		if (catalog_csv_product(&hp, &r, true, &p, &w) == POS_OK &&
		    catalog_check_product(&p, NULL) != POS_OK)
			abort();
		if (catalog_csv_header(CATALOG_CSV_SUPPLIERS, &r, &hs, &w) !=
		    POS_OK)
			continue;
		memset(&s, 0, sizeof s);
		if (catalog_csv_supplier(&hs, &r, true, &s, &w) == POS_OK &&
		    catalog_check_supplier(&s, NULL) != POS_OK)
			abort();
	}
	csv_row_free(&r);
	return 0;
}
