/* SPDX-License-Identifier: ISC */
/*
 * Producers and products as rows of a CSV file (docs/catalog-csv.md): a
 * header names the columns, in any order, by our names or the Indonesian
 * ones spreadsheets use; a row becomes an object over a base (the
 * object as the ledger has it, or the defaults of a new one), so a column
 * the file leaves out keeps its value. Every value is checked by the
 * catalog's own rules (catalog_check_*_at), and a refusal names the line
 * and the column. And back: the lines an export writes. Pure: csv.c
 * reads the bytes, core/import.c asks the ledger.
 */
#ifndef NTT_CATALOG_CSV_H
#define NTT_CATALOG_CSV_H

#include "catalog.h"
#include "csv.h"

struct buf;

enum catalog_csv_kind {
	CATALOG_CSV_SUPPLIERS,		/* producers: key "code" */
	CATALOG_CSV_PRODUCTS,		/* products: key "sku" */
};

#define CATALOG_CSV_COLS_MAX	16

/* Where each of our columns is in the file. */
struct catalog_csv_head {
	enum catalog_csv_kind kind;
	int		 at[CATALOG_CSV_COLS_MAX];	/* file column, from 0;
							   -1: not in the file */
	char		 name[CATALOG_CSV_COLS_MAX][32];	/* as the file
							   writes it */
	char		 ignored[160];	/* header names we do not know, ", " */
};

/* Why a row (or the header) is refused. */
struct catalog_csv_refusal {
	int64_t		 line;		/* physical line, from 1 */
	size_t		 col;		/* column, from 1; 0: the whole row */
	char		 column[32];	/* its name as the file writes it */
	char		 why[200];	/* Bahasa Indonesia */
};

/* Our names of kind's columns, in the order an export writes them. */
size_t		 catalog_csv_ncols(enum catalog_csv_kind);
const char	*catalog_csv_colname(enum catalog_csv_kind, size_t i);

/*
 * Reads the header row: POS_EINVAL with *why when it cannot be used (the
 * key column missing, a column named twice, a row the parser refused).
 * Names it does not know are listed in head->ignored, not refused: a
 * spreadsheet's "No." or "Keterangan" column.
 */
enum pos_rc	 catalog_csv_header(enum catalog_csv_kind,
		    const struct csv_row *, struct catalog_csv_head *,
		    struct catalog_csv_refusal *why);
/* True when every field of the row is blank (a spreadsheet's ";;;;"). */
bool		 catalog_csv_blank(const struct csv_row *);
/* The row's key (SKU or producer code), trimmed, into key (size). */
void		 catalog_csv_key(const struct catalog_csv_head *,
		    const struct csv_row *, char *key, size_t size);

/*
 * Sets the fields the file has on *io (the base: the object the ledger
 * holds, or zeros for a new one, which get the defaults: pcs,
 * konsinyasi, PPN11, active), then checks the result as the catalog
 * does. An empty cell keeps the base's value; "-" empties a field. POS_EINVAL with *why naming the line and column; *io is then
 * undefined.
 */
enum pos_rc	 catalog_csv_supplier(const struct catalog_csv_head *,
		    const struct csv_row *, bool is_new, struct supplier *io,
		    struct catalog_csv_refusal *why);
enum pos_rc	 catalog_csv_product(const struct catalog_csv_head *,
		    const struct csv_row *, bool is_new, struct product *io,
		    struct catalog_csv_refusal *why);
/*
 * A refusal for field (an entry field name, as catalog_check_*_at says,
 * or a column name) of a row at line.
 */
void		 catalog_csv_refuse(const struct catalog_csv_head *,
		    const char *field, int64_t line, const char *why,
		    struct catalog_csv_refusal *out);

/*
 * Export: the header line, then a line an object, "\r\n" ended and ','
 * separated (the import reads it back to the same object). POS_EFULL as
 * buf_add.
 */
enum pos_rc	 catalog_csv_put_header(struct buf *, enum catalog_csv_kind);
enum pos_rc	 catalog_csv_put_supplier(struct buf *, const struct supplier *);
enum pos_rc	 catalog_csv_put_product(struct buf *, const struct product *);

#endif
