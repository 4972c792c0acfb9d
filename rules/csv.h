/* SPDX-License-Identifier: ISC */
/*
 * CSV as producers and the Dinas keep it in spreadsheets (docs/catalog-csv.md):
 * bytes in, rows out, and a field quoted for writing. Pure: the caller
 * reads the file and decides what a row means (rules/catalog-csv.c).
 *
 * What it takes: RFC 4180 quoting ("a ""b""", line breaks inside
 * quotes), a UTF-8 byte order mark, ',' or ';' or a tab between fields
 * (the most common one outside quotes in the first record), "\r\n", "\n"
 * or a lone "\r" ending a record, mixed in one file, blank lines, and a
 * last record without a line end. What it refuses, row by row and never
 * by stopping: bytes that are not UTF-8 (or a NUL), a field longer than
 * CSV_FIELD_MAX, more than CSV_COLS_MAX fields, text after a closing
 * quote, and a quote still open at the end of the file (a truncated
 * file). A refused row still ends where a record ends, so the next row
 * and every line number after it are right.
 */
#ifndef NTT_CSV_H
#define NTT_CSV_H

#include "types.h"

struct buf;

#define CSV_FIELD_MAX	1024	/* bytes in one field */
#define CSV_COLS_MAX	64	/* fields in one record */

enum csv_err {
	CSV_OK = 0,
	CSV_ERR_UTF8,		/* a byte that is not UTF-8, or a NUL */
	CSV_ERR_LONG,		/* field longer than CSV_FIELD_MAX */
	CSV_ERR_COLS,		/* more than CSV_COLS_MAX fields */
	CSV_ERR_QUOTE,		/* text after a closing quote */
	CSV_ERR_OPEN,		/* a quote open at the end of the file */
};

struct csv {
	const char	*p;		/* next byte; borrowed input */
	const char	*end;
	char		 delim;		/* ',', ';' or '\t' */
	int64_t		 line;		/* physical line of p, from 1 */
	bool		 bom;		/* the input began with a BOM */
};

struct csv_row {
	int64_t		 line;		/* physical line it starts on, from 1 */
	size_t		 n;		/* fields, 1..CSV_COLS_MAX */
	const char	*f[CSV_COLS_MAX];	/* NUL-terminated, into buf */
	enum csv_err	 err;		/* the first problem, or CSV_OK */
	size_t		 err_col;	/* its field, from 1 (0: none) */
	char		*buf;		/* owned: csv_row_free */
	size_t		 size, len;
};

/* Starts reading data (len bytes, borrowed until the last csv_next). */
void		 csv_init(struct csv *, const void *data, size_t len);
/*
 * The next record into row (reused from call to call; zeroed before the
 * first): false at the end of the input. Blank lines are skipped. A
 * field with a problem is still stored, cut to CSV_FIELD_MAX.
 */
bool		 csv_next(struct csv *, struct csv_row *row);
void		 csv_row_free(struct csv_row *);
/* Why a row was refused, in Bahasa Indonesia. Static. */
const char	*csv_err_text(enum csv_err);
/* True when s (len bytes) is well-formed UTF-8 without NUL. */
bool		 csv_utf8_ok(const char *s, size_t len);

/*
 * Appends s as one field for delim: quoted when it holds delim, a quote,
 * a line end or leading/trailing space, quotes doubled. POS_EFULL as
 * buf_add.
 */
enum pos_rc	 csv_put(struct buf *, const char *s, char delim);

#endif
