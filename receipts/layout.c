/* SPDX-License-Identifier: ISC */
/*
 * Documents as lines fitted to a paper width: word wrapping, left/right
 * money columns, and the one UTF-8 -> printer ASCII transliteration. Pure:
 * no ESC/POS bytes here (escpos.c) and no knowledge of sales (receipt.c).
 */
#include <stdlib.h>
#include <string.h>

#include "barcode.h"
#include "receipts.h"

void
layout_init(struct layout *l, int columns)
{
	memset(l, 0, sizeof *l);
	l->columns = columns;
	if (columns < LAYOUT_MIN_COLUMNS || columns > LAYOUT_MAX_COLUMNS)
		l->failed = POS_EINVAL;
}

void
layout_free(struct layout *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->lines[i].text);
	free(l->lines);
	l->lines = NULL;
	l->n = l->size = 0;
}

static enum pos_rc
layout_fail(struct layout *l, enum pos_rc rc)
{
	layout_free(l);
	if (l->failed == POS_OK)
		l->failed = rc;
	return l->failed;
}

int
layout_width(const struct layout *l, int flags)
{
	return (flags & LAYOUT_WIDE) ? l->columns / 2 : l->columns;
}

/* Takes ownership of text (freed on failure too). */
static enum pos_rc
layout_push(struct layout *l, enum layout_kind kind, int flags, char *text)
{
	struct layout_line *line;

	if (l->failed != POS_OK) {
		free(text);
		return l->failed;
	}
	if (l->n == LAYOUT_MAX_LINES) {
		free(text);
		return layout_fail(l, POS_EFULL);
	}
	if (l->n == l->size) {
		l->size = l->size ? l->size * 2 : 32;
		l->lines = xreallocarray(l->lines, l->size, sizeof *l->lines);
	}
	line = &l->lines[l->n++];
	line->kind = kind;
	line->flags = flags;
	line->text = text;
	return POS_OK;
}

/* One code point -> ASCII replacement; NULL drops it. */
static const char *
layout_ascii_cp(uint32_t cp, char one[2])
{
	/* U+00C0-U+00FF and U+0100-U+017F with the accents taken off. */
	static const char latin1[] =
	    "AAAAAAACEEEEIIII" "DNOOOOOxOUUUUYTs"
	    "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";
	static const char latin_a[] =
	    "AaAaAaCcCcCcCcDd" "DdEeEeEeEeEeGgGg"
	    "GgGgHhHhIiIiIiIi" "IiIiJjKkkLlLlLlL"
	    "lLlNnNnNnnNnOoOo" "OoOoRrRrRrSsSsSs"
	    "SsTtTtTtUuUuUuUu" "UuUuWwYyYZzZzZzs";

	one[1] = '\0';
	switch (cp) {
	case 0xa0: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
	case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200a:
	case 0x202f: case 0x205f: case 0x3000:
		return " ";
	case 0xad: case 0x200b: case 0x200c: case 0x200d: case 0x2060:
	case 0xfeff:
		return NULL;
	case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
	case 0xb4: case 0x2bc:
		return "'";
	case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
	case 0xab: case 0xbb:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		return "-";
	case 0x2026:	return "...";
	case 0x2022: case 0x25cf:	return "*";
	case 0xb7:	return ".";
	case 0xd7:	return "x";
	case 0xf7:	return "/";
	case 0xb0:	return "o";
	case 0xb2:	return "2";
	case 0xb3:	return "3";
	case 0xb9:	return "1";
	case 0xbc:	return "1/4";
	case 0xbd:	return "1/2";
	case 0xbe:	return "3/4";
	case 0xa9:	return "(c)";
	case 0xae:	return "(R)";
	case 0x2122:	return "TM";
	case 0x20ac:	return "EUR";
	case 0xa1:	return "!";
	case 0xbf:	return "?";
	case 0xc6:	return "AE";
	case 0xe6:	return "ae";
	case 0xde:	return "TH";
	case 0xfe:	return "th";
	case 0xdf:	return "ss";
	case 0x132:	return "IJ";
	case 0x133:	return "ij";
	case 0x152:	return "OE";
	case 0x153:	return "oe";
	}
	/* Combining accents (NFD text, "e" + U+0301): keep the base letter. */
	if (cp >= 0x300 && cp <= 0x36f)
		return NULL;
	if (cp >= 0xc0 && cp <= 0xff)
		one[0] = latin1[cp - 0xc0];
	else if (cp >= 0x100 && cp <= 0x17f)
		one[0] = latin_a[cp - 0x100];
	else
		one[0] = '?';
	return one;
}

/* Decodes one UTF-8 sequence at s; returns its length, or 0 if malformed. */
static size_t
layout_utf8(const unsigned char *s, uint32_t *cp)
{
	size_t	 n, i;
	uint32_t v, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2; v = s[0] & 0x1f; min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3; v = s[0] & 0x0f; min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4; v = s[0] & 0x07; min = 0x10000;
	} else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

char *
layout_ascii(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	struct buf b;
	const char *r;
	char	 one[2];
	uint32_t cp;
	size_t	 n;

	/* Every input byte gives at most 3 output bytes ("1/2" from 2). */
	buf_init(&b, strlen((const char *)p) * 3 + 2);
	while (*p != '\0') {
		n = layout_utf8(p, &cp);
		if (n == 0) {
			buf_addbyte(&b, '?');
			p++;
			continue;
		}
		p += n;
		if (cp == '\t' || cp == '\n')
			buf_addbyte(&b, (uint8_t)cp);
		else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			continue;	/* never let ESC, GS, DLE through */
		else if (cp < 0x7f)
			buf_addbyte(&b, (uint8_t)cp);
		else if ((r = layout_ascii_cp(cp, one)) != NULL)
			buf_addstr(&b, r);
	}
	return buf_take(&b, NULL);
}

/* Lines cut from one text; every string owned. */
struct layout_pieces {
	char	**v;
	size_t	  n;
	size_t	  size;
};

static void
layout_pieces_add(struct layout_pieces *pc, const char *s, size_t len)
{
	if (pc->n == pc->size) {
		pc->size = pc->size ? pc->size * 2 : 8;
		pc->v = xreallocarray(pc->v, pc->size, sizeof *pc->v);
	}
	pc->v[pc->n++] = xstrndup(s, len);
}

static void
layout_pieces_free(struct layout_pieces *pc)
{
	size_t	 i;

	for (i = 0; i < pc->n; i++)
		free(pc->v[i]);
	free(pc->v);
	memset(pc, 0, sizeof *pc);
}

/*
 * Splits ASCII text into lines of at most width characters at spaces; a
 * word longer than width is cut. '\n' breaks. With indent, the leading
 * spaces of each paragraph are kept. Each piece is appended to pc (owned
 * strings).
 */
static void
layout_split(const char *s, size_t width, bool indent,
    struct layout_pieces *pc)
{
	char	*line;
	size_t	 len = 0, lead = 0, wl;
	const char *w;
	bool	 para = true;

	line = xmalloc(width + 1);
	for (;;) {
		/*
		 * The indent of a paragraph's first line ("  2 x 85.000")
		 * survives in left-aligned text; other runs of spaces are
		 * one space, and none is kept at a break.
		 */
		if (para && indent) {
			while ((*s == ' ' || *s == '\t') && lead + 1 < width) {
				line[lead++] = ' ';
				s++;
			}
			len = lead;
		}
		para = false;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\n' || *s == '\0') {
			layout_pieces_add(pc, line, len > lead ? len : 0);
			len = lead = 0;
			if (*s == '\0')
				break;
			s++;
			para = true;
			continue;
		}
		w = s;
		while (*s != '\0' && *s != ' ' && *s != '\t' && *s != '\n')
			s++;
		wl = (size_t)(s - w);
		if (len > lead && len + 1 + wl <= width) {
			line[len++] = ' ';
			memcpy(line + len, w, wl);
			len += wl;
			continue;
		}
		if (len == lead && len + wl <= width) {
			memcpy(line + len, w, wl);
			len += wl;
			continue;
		}
		/* Continuation lines are not indented. */
		if (len > lead)
			layout_pieces_add(pc, line, len);
		len = lead = 0;
		/* Only a word that alone is too long is cut. */
		while (wl > width) {
			layout_pieces_add(pc, w, width);
			w += width;
			wl -= width;
		}
		memcpy(line, w, wl);
		len = wl;
	}
	free(line);
}

enum pos_rc
layout_wrap(struct layout *l, int flags, const char *text)
{
	struct layout_pieces pc = { NULL, 0, 0 };
	char	*s;
	size_t	 i;
	enum pos_rc rc = l->failed;

	if (rc != POS_OK)
		return rc;
	s = layout_ascii(text);
	layout_split(s, (size_t)layout_width(l, flags),
	    (flags & (LAYOUT_CENTRE | LAYOUT_RIGHT)) == 0, &pc);
	free(s);
	for (i = 0; i < pc.n && rc == POS_OK; i++) {
		rc = layout_push(l, LAYOUT_TEXT, flags, pc.v[i]);
		pc.v[i] = NULL;
	}
	layout_pieces_free(&pc);
	return rc;
}

/* left, spaces, right in exactly width characters (the caller checked). */
static char *
layout_join(const char *left, const char *right, size_t width)
{
	size_t	 ll = strlen(left), rl = strlen(right);
	char	*s;

	s = xmalloc(width + 1);
	memset(s, ' ', width);
	memcpy(s, left, ll);
	memcpy(s + width - rl, right, rl);
	s[width] = '\0';
	return s;
}

enum pos_rc
layout_lr(struct layout *l, int flags, const char *left, const char *right)
{
	struct layout_pieces lp = { NULL, 0, 0 }, rp = { NULL, 0, 0 };
	char	*la, *ra;
	size_t	 width, i, last;
	enum pos_rc rc = l->failed;

	if (rc != POS_OK)
		return rc;
	flags &= ~(LAYOUT_CENTRE | LAYOUT_RIGHT);
	width = (size_t)layout_width(l, flags);
	la = layout_ascii(left);
	ra = layout_ascii(right);
	layout_split(la, width, true, &lp);
	layout_split(ra, width, false, &rp);
	last = lp.n - 1;
	if (rp.n == 1 && strlen(lp.v[last]) + 1 + strlen(rp.v[0]) <= width &&
	    rp.v[0][0] != '\0') {
		/* The usual case: the amount fits beside the label. */
		for (i = 0; i < last && rc == POS_OK; i++) {
			rc = layout_push(l, LAYOUT_TEXT, flags, lp.v[i]);
			lp.v[i] = NULL;
		}
		if (rc == POS_OK)
			rc = layout_push(l, LAYOUT_TEXT, flags,
			    layout_join(lp.v[last], rp.v[0], width));
	} else {
		/* An empty label gives no line of its own. */
		for (i = 0; i < lp.n && rc == POS_OK; i++) {
			if (lp.n == 1 && lp.v[i][0] == '\0')
				break;
			rc = layout_push(l, LAYOUT_TEXT, flags, lp.v[i]);
			lp.v[i] = NULL;
		}
		for (i = 0; i < rp.n && rc == POS_OK; i++) {
			if (rp.v[i][0] == '\0')
				continue;
			rc = layout_push(l, LAYOUT_TEXT, flags,
			    layout_join("", rp.v[i], width));
		}
	}
	layout_pieces_free(&lp);
	layout_pieces_free(&rp);
	free(la);
	free(ra);
	return rc;
}

enum pos_rc
layout_rule(struct layout *l, char c)
{
	char	*s;
	int	 i;

	if (l->failed != POS_OK)
		return l->failed;
	if (c <= ' ' || c >= 0x7f)
		c = '-';
	s = xmalloc((size_t)l->columns + 1);
	for (i = 0; i < l->columns; i++)
		s[i] = c;
	s[i] = '\0';
	return layout_push(l, LAYOUT_TEXT, 0, s);
}

enum pos_rc
layout_blank(struct layout *l)
{
	if (l->failed != POS_OK)
		return l->failed;
	return layout_push(l, LAYOUT_TEXT, 0, xstrdup(""));
}

enum pos_rc
layout_qr(struct layout *l, const char *text)
{
	const char *p;

	if (l->failed != POS_OK)
		return l->failed;
	if (text == NULL || *text == '\0')
		return layout_fail(l, POS_EINVAL);
	for (p = text; *p != '\0'; p++) {
		if (*p < 0x20 || *p > 0x7e)
			return layout_fail(l, POS_EINVAL);
	}
	return layout_push(l, LAYOUT_QR, LAYOUT_CENTRE, xstrdup(text));
}

enum pos_rc
layout_ean13(struct layout *l, const char *code)
{
	if (l->failed != POS_OK)
		return l->failed;
	if (code == NULL || !barcode_ean13_valid(code))
		return layout_fail(l, POS_EINVAL);
	return layout_push(l, LAYOUT_EAN13, LAYOUT_CENTRE, xstrdup(code));
}

char *
layout_text(const struct layout *l)
{
	const struct layout_line *line;
	struct buf b;
	size_t	 i, j, len, width, pad;

	buf_init(&b, SIZE_MAX);
	for (i = 0; i < l->n; i++) {
		line = &l->lines[i];
		if (line->kind == LAYOUT_QR) {
			buf_printf(&b, "[QR: %s]\n", line->text);
			continue;
		}
		if (line->kind == LAYOUT_EAN13) {
			buf_printf(&b, "[EAN-13: %s]\n", line->text);
			continue;
		}
		len = strlen(line->text);
		width = (size_t)l->columns;
		/* Double-width text takes two columns a character. */
		if (line->flags & LAYOUT_WIDE)
			len = len * 2 - (len > 0);
		pad = 0;
		if (len < width && (line->flags & LAYOUT_CENTRE))
			pad = (width - len) / 2;
		else if (len < width && (line->flags & LAYOUT_RIGHT))
			pad = width - len;
		for (j = 0; j < pad; j++)
			buf_addbyte(&b, ' ');
		if (line->flags & LAYOUT_WIDE) {
			for (j = 0; line->text[j] != '\0'; j++) {
				if (j > 0)
					buf_addbyte(&b, ' ');
				buf_addbyte(&b, (uint8_t)line->text[j]);
			}
		} else
			buf_addstr(&b, line->text);
		buf_addbyte(&b, '\n');
	}
	return buf_take(&b, NULL);
}
