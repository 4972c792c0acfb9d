/* SPDX-License-Identifier: ISC */
/* The open sale's text form (sale.h): every input, to rebuild it exactly. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "barcode.h"
#include "catalog.h"
#include "money.h"
#include "util.h"
#include "qris.h"
#include "sale-int.h"

/*
 * Draft text. One record a line, fields separated by one space; every
 * string field is escaped: "~" for empty, %XX for bytes <= 0x20, 0x7f, '%'
 * and '~'.
 */
static void
sale_esc(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	buf_addbyte(b, ' ');
	if (*p == '\0') {
		buf_addbyte(b, '~');
		return;
	}
	for (; *p != '\0'; p++) {
		if (*p <= 0x20 || *p == 0x7f || *p == '%' || *p == '~')
			buf_printf(b, "%%%02X", *p);
		else
			buf_addbyte(b, *p);
	}
}

char *
sale_encode(const struct sale *s)
{
	const struct sale_line *l;
	const struct sale_pay *p;
	struct buf b;
	size_t	 i;

	buf_init(&b, 4 * 1024 * 1024);
	buf_printf(&b, "ntt-sale %d\n", SALE_DRAFT_VERSION);
	buf_printf(&b, "kind %s\n", s->kind == SALE_REFUND ? "refund" :
	    "sale");
	buf_addstr(&b, "uuid");
	sale_esc(&b, s->uuid);
	buf_addstr(&b, "\nref");
	sale_esc(&b, s->ref_uuid);
	sale_esc(&b, s->ref_number);
	buf_addstr(&b, "\nauthor");
	sale_esc(&b, s->author);
	buf_printf(&b, "\nstarted %" PRId64 "\npkp %d\ndisc %" PRId64 " %"
	    PRId64, s->started_at_ms, s->pkp ? 1 : 0, s->disc_bp,
	    s->disc_fix_rp);
	sale_esc(&b, s->disc_by);
	buf_addbyte(&b, '\n');
	for (i = 0; i < s->nlines; i++) {
		l = &s->lines[i];
		buf_printf(&b, "line %d", l->voided ? 1 : 0);
		sale_esc(&b, l->sku);
		sale_esc(&b, l->name);
		sale_esc(&b, l->unit);
		sale_esc(&b, l->code);
		buf_printf(&b, " %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64,
		    l->qty, l->price_rp, l->disc_bp, l->disc_fix_rp);
		sale_esc(&b, l->disc_by);
		sale_esc(&b, l->tax_class);
		sale_esc(&b, l->supplier);
		sale_esc(&b, l->ownership);
		buf_printf(&b, " %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64
		    " %" PRId64, l->commission_bp, l->lim_qty,
		    l->lim_amount_rp, l->lim_tax_rp, l->lim_share_rp);
		/* A fixed share per unit, only when there is one: a draft
		 * without it reads as before. */
		if (l->unit_share_rp != 0)
			buf_printf(&b, " %" PRId64, l->unit_share_rp);
		buf_addbyte(&b, '\n');
	}
	for (i = 0; i < s->npays; i++) {
		p = &s->pays[i];
		buf_addstr(&b, "pay");
		sale_esc(&b, p->method);
		buf_printf(&b, " %" PRId64, p->amount_rp);
		sale_esc(&b, p->ref);
		buf_addbyte(&b, '\n');
	}
	buf_addstr(&b, "end\n");
	if (b.failed)
		fatalx("sale_encode: draft too large");
	return buf_take(&b, NULL);
}

/* Splits line at spaces into at most max fields, in place. */
static size_t
sale_fields(char *line, char **f, size_t max)
{
	size_t	 n = 0;
	char	*p;

	while (line != NULL && n < max) {
		f[n++] = line;
		if ((p = strchr(line, ' ')) != NULL)
			*p++ = '\0';
		line = p;
	}
	return line == NULL ? n : max + 1;
}

static int
sale_hexdigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool
sale_unesc(const char *f, char *out, size_t size)
{
	size_t	 n = 0;
	int	 hi, lo;

	if (strcmp(f, "~") == 0) {
		out[0] = '\0';
		return true;
	}
	for (; *f != '\0'; f++) {
		if (n + 1 >= size)
			return false;
		if (*f == '%') {
			if ((hi = sale_hexdigit(f[1])) < 0 ||
			    (lo = sale_hexdigit(f[2])) < 0)
				return false;
			out[n++] = (char)(hi << 4 | lo);
			f += 2;
		} else
			out[n++] = *f;
	}
	out[n] = '\0';
	return n > 0;
}

static bool
sale_int(const char *f, int64_t *v)
{
	char	*end;
	long long x;

	if (*f == '\0' || (!isdigit((unsigned char)*f) && *f != '-'))
		return false;
	x = strtoll(f, &end, 10);
	if (*end != '\0')
		return false;
	*v = x;
	return true;
}

#define SALE_UNESC(f, field) sale_unesc((f), (field), sizeof (field))

static bool
sale_decode_line(struct sale *s, char **f, size_t n)
{
	struct sale_line *l;
	int64_t	 voided;

	if ((n != 19 && n != 20) || s->nlines >= SALE_LINES_MAX)
		return false;
	l = sale_append(s);
	memset(l, 0, sizeof *l);
	if (!sale_int(f[1], &voided) || !SALE_UNESC(f[2], l->sku) ||
	    !SALE_UNESC(f[3], l->name) || !SALE_UNESC(f[4], l->unit) ||
	    !SALE_UNESC(f[5], l->code) || !sale_int(f[6], &l->qty) ||
	    !sale_int(f[7], &l->price_rp) || !sale_int(f[8], &l->disc_bp) ||
	    !sale_int(f[9], &l->disc_fix_rp) ||
	    !SALE_UNESC(f[10], l->disc_by) ||
	    !SALE_UNESC(f[11], l->tax_class) ||
	    !SALE_UNESC(f[12], l->supplier) ||
	    !SALE_UNESC(f[13], l->ownership) ||
	    !sale_int(f[14], &l->commission_bp) ||
	    !sale_int(f[15], &l->lim_qty) ||
	    !sale_int(f[16], &l->lim_amount_rp) ||
	    !sale_int(f[17], &l->lim_tax_rp) ||
	    !sale_int(f[18], &l->lim_share_rp) ||
	    (n == 20 && (!sale_int(f[19], &l->unit_share_rp) ||
	    l->unit_share_rp < 0)))
		return false;
	l->voided = voided != 0;
	return true;
}

enum pos_rc
sale_decode(const char *text, struct sale **out, char **cause)
{
	struct sale *s;
	struct sale_pay *p;
	char	*copy, *line, *next, *f[24];
	int64_t	 v;
	size_t	 n;
	bool	 ok = true, ended = false, header = false;
	enum pos_rc rc;

	s = xcalloc(1, sizeof *s);
	copy = xstrdup(text);
	for (line = copy; ok && line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		n = sale_fields(line, f, sizeof f / sizeof f[0]);
		if (n > sizeof f / sizeof f[0] || ended) {
			ok = false;
			break;
		}
		if (!header) {
			ok = n == 2 && strcmp(f[0], "ntt-sale") == 0 &&
			    sale_int(f[1], &v) && v == SALE_DRAFT_VERSION;
			header = true;
		} else if (strcmp(f[0], "kind") == 0 && n == 2) {
			if (strcmp(f[1], "sale") == 0)
				s->kind = SALE_SALE;
			else if (strcmp(f[1], "refund") == 0)
				s->kind = SALE_REFUND;
			else
				ok = false;
		} else if (strcmp(f[0], "uuid") == 0 && n == 2)
			ok = SALE_UNESC(f[1], s->uuid) &&
			    entry_uuid_is_valid(s->uuid);
		else if (strcmp(f[0], "ref") == 0 && n == 3)
			ok = sale_unesc(f[1], s->ref_uuid,
			    sizeof s->ref_uuid) &&
			    sale_unesc(f[2], s->ref_number,
			    sizeof s->ref_number);
		else if (strcmp(f[0], "author") == 0 && n == 2)
			ok = SALE_UNESC(f[1], s->author);
		else if (strcmp(f[0], "started") == 0 && n == 2)
			ok = sale_int(f[1], &s->started_at_ms);
		else if (strcmp(f[0], "pkp") == 0 && n == 2) {
			ok = sale_int(f[1], &v);
			s->pkp = v != 0;
		} else if (strcmp(f[0], "disc") == 0 && n == 4)
			ok = sale_int(f[1], &s->disc_bp) &&
			    sale_int(f[2], &s->disc_fix_rp) &&
			    SALE_UNESC(f[3], s->disc_by);
		else if (strcmp(f[0], "line") == 0)
			ok = sale_decode_line(s, f, n);
		else if (strcmp(f[0], "pay") == 0 && n == 4 &&
		    s->npays < SALE_PAYS_MAX) {
			p = &s->pays[s->npays++];
			ok = SALE_UNESC(f[1], p->method) &&
			    sale_method_is_valid(p->method) &&
			    sale_int(f[2], &p->amount_rp) &&
			    SALE_UNESC(f[3], p->ref);
		} else if (strcmp(f[0], "end") == 0 && n == 1)
			ended = true;
		else
			ok = false;
	}
	free(copy);
	if (!ok || !ended || *s->uuid == '\0') {
		sale_free(s);
		return cause_set(cause, POS_ECORRUPT, "Draf transaksi rusak");
	}
	if ((rc = sale_recompute(s, cause)) != POS_OK) {
		sale_free(s);
		return rc;
	}
	*out = s;
	return POS_OK;
}
