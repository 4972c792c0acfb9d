/* SPDX-License-Identifier: ISC */
/* CSV records from bytes, and fields for writing (csv.h). Pure. */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "util.h"

bool
csv_utf8_ok(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	 i = 0, n, k;
	uint32_t cp;

	while (i < len) {
		if (p[i] == 0)
			return false;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf) {
			n = 1;
			cp = p[i] & 0x1f;
		} else if (p[i] >= 0xe0 && p[i] <= 0xef) {
			n = 2;
			cp = p[i] & 0x0f;
		} else if (p[i] >= 0xf0 && p[i] <= 0xf4) {
			n = 3;
			cp = p[i] & 0x07;
		} else
			return false;
		if (len - i <= n)
			return false;
		for (k = 1; k <= n; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (p[i + k] & 0x3f);
		}
		/* Overlong forms, surrogates, past U+10FFFF. */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return false;
		i += n + 1;
	}
	return true;
}

/* The delimiter of the record at p: the most frequent outside quotes. */
static char
csv_sniff(const char *p, const char *end)
{
	size_t	 comma = 0, semi = 0, tab = 0;
	bool	 quoted = false;

	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*p == '\n' || *p == '\r')
			break;
		else if (*p == ',')
			comma++;
		else if (*p == ';')
			semi++;
		else if (*p == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

void
csv_init(struct csv *c, const void *data, size_t len)
{
	memset(c, 0, sizeof *c);
	c->p = data;
	c->end = c->p + len;
	c->line = 1;
	if (len >= 3 && memcmp(c->p, "\xef\xbb\xbf", 3) == 0) {
		c->p += 3;
		c->bom = true;
	}
	c->delim = csv_sniff(c->p, c->end);
}

const char *
csv_err_text(enum csv_err e)
{
	switch (e) {
	case CSV_OK:
		return "";
	case CSV_ERR_UTF8:
		return "bukan teks UTF-8 (simpan berkas sebagai CSV UTF-8)";
	case CSV_ERR_LONG:
		return "isian terlalu panjang";
	case CSV_ERR_COLS:
		return "terlalu banyak kolom";
	case CSV_ERR_QUOTE:
		return "ada teks sesudah tanda kutip penutup";
	case CSV_ERR_OPEN:
		return "tanda kutip tidak ditutup sampai akhir berkas "
		    "(berkas terpotong?)";
	}
	return "tidak sah";
}

static void
csv_row_err(struct csv_row *r, enum csv_err e, size_t col)
{
	if (r->err == CSV_OK) {
		r->err = e;
		r->err_col = col;
	}
}

static void
csv_row_byte(struct csv_row *r, char ch)
{
	if (r->len + 1 >= r->size) {
		r->size = r->size ? r->size * 2 : 256;
		r->buf = xreallocarray(r->buf, r->size, 1);
	}
	r->buf[r->len++] = ch;
}

/* Consumes one line end at c->p, if there is one; counts it. */
static bool
csv_eol(struct csv *c)
{
	if (c->p < c->end && *c->p == '\r') {
		c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		c->line++;
		return true;
	}
	if (c->p < c->end && *c->p == '\n') {
		c->p++;
		c->line++;
		return true;
	}
	return false;
}

bool
csv_next(struct csv *c, struct csv_row *r)
{
	size_t	 off[CSV_COLS_MAX], start, flen, i;
	bool	 more;

	while (csv_eol(c))
		;
	if (c->p >= c->end)
		return false;
	r->line = c->line;
	r->n = 0;
	r->len = 0;
	r->err = CSV_OK;
	r->err_col = 0;
	do {
		/* A field past the limit is read and dropped. */
		if (r->n == CSV_COLS_MAX)
			csv_row_err(r, CSV_ERR_COLS, CSV_COLS_MAX + 1);
		start = r->len;
		flen = 0;
		if (c->p < c->end && *c->p == '"') {
			c->p++;
			for (;;) {
				if (c->p >= c->end) {
					csv_row_err(r, CSV_ERR_OPEN, r->n + 1);
					break;
				}
				if (*c->p == '"') {
					if (c->p + 1 < c->end &&
					    c->p[1] == '"') {
						c->p += 2;
						if (flen++ < CSV_FIELD_MAX)
							csv_row_byte(r, '"');
						continue;
					}
					c->p++;
					break;
				}
				/* A line end inside quotes is the field's. */
				if (*c->p == '\r' || *c->p == '\n') {
					csv_eol(c);
					if (flen++ < CSV_FIELD_MAX)
						csv_row_byte(r, '\n');
					continue;
				}
				if (flen++ < CSV_FIELD_MAX)
					csv_row_byte(r, *c->p);
				c->p++;
			}
			if (c->p < c->end && *c->p != c->delim &&
			    *c->p != '\r' && *c->p != '\n')
				csv_row_err(r, CSV_ERR_QUOTE, r->n + 1);
		}
		while (c->p < c->end && *c->p != c->delim && *c->p != '\r' &&
		    *c->p != '\n') {
			if (flen++ < CSV_FIELD_MAX)
				csv_row_byte(r, *c->p);
			c->p++;
		}
		if (flen > CSV_FIELD_MAX)
			csv_row_err(r, CSV_ERR_LONG, r->n + 1);
		if (!csv_utf8_ok(r->buf != NULL ? r->buf + start : "",
		    r->len - start))
			csv_row_err(r, CSV_ERR_UTF8, r->n + 1);
		if (r->n < CSV_COLS_MAX) {
			csv_row_byte(r, '\0');
			off[r->n++] = start;
		} else
			r->len = start;
		more = c->p < c->end && *c->p == c->delim;
		if (more)
			c->p++;
	} while (more);
	csv_eol(c);
	/* buf may have moved while it grew: point at it only now. */
	for (i = 0; i < r->n; i++)
		r->f[i] = r->buf + off[i];
	return true;
}

void
csv_row_free(struct csv_row *r)
{
	free(r->buf);
	memset(r, 0, sizeof *r);
}

enum pos_rc
csv_put(struct buf *b, const char *s, char delim)
{
	size_t	 n = strlen(s);
	bool	 quote;

	quote = n > 0 && (strchr(s, delim) != NULL || strchr(s, '"') != NULL ||
	    strchr(s, '\n') != NULL || strchr(s, '\r') != NULL ||
	    s[0] == ' ' || s[n - 1] == ' ');
	if (!quote)
		return buf_add(b, s, n);
	buf_addbyte(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_addbyte(b, '"');
		buf_addbyte(b, (uint8_t)*s);
	}
	return buf_addbyte(b, '"');
}
