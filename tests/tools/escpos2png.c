/* SPDX-License-Identifier: ISC */
/*
 * escpos2png: draws what a thermal printer would print from ESC/POS bytes,
 * as a PNG, so tests (zbarimg) and docs can look at receipts without a
 * printer. It knows the commands receipts/escpos.c emits and stops on any
 * other, so an encoder mistake shows up as an error, not as a picture.
 *
 *	escpos2png [-w dots] [-z zoom] [-o out.png] [in.bin]
 *
 * Font A is 12 x 24 dots: the 5 x 9 glyphs below (ours, drawn for this
 * tool) doubled, with bold as a second pass one dot to the right. Handles
 * ESC @, ESC t, ESC a, ESC E, ESC !, GS !, ESC d, ESC 2, ESC 3, LF, CR,
 * GS V (a dashed cut line), ESC p and DLE EOT (ignored), GS v 0,
 * GS ( k (model 2 QR, drawn with libqrencode), and GS k EAN-13 (function
 * A m = 2 and B m = 67) with GS h, GS w, GS H and GS f, its bars drawn
 * from this file's own tables, not the encoder's.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <qrencode.h>
#include <zlib.h>

#define FONT_W		5
#define FONT_H		9
#define CELL_W		12	/* Font A */
#define CELL_H		24
#define LINE_SPACING	30	/* ESC 2 default, in dots */
#define MAX_ROWS	200000	/* about 25 m of paper: surely a bug */
#define MARGIN		12	/* grey border around the paper */

/* Rows top to bottom; bit 4 is the leftmost dot. Rows 7-8: descenders. */
static const uint8_t font[95][FONT_H] = {
	{ 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, /* ' ' */
	{ 0x04, 0x04, 0x04, 0x04, 0x04, 0x00, 0x04, 0x00, 0x00 }, /* '!' */
	{ 0x0a, 0x0a, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, /* '"' */
	{ 0x0a, 0x0a, 0x1f, 0x0a, 0x1f, 0x0a, 0x0a, 0x00, 0x00 }, /* '#' */
	{ 0x04, 0x0f, 0x14, 0x0e, 0x05, 0x1e, 0x04, 0x00, 0x00 }, /* '$' */
	{ 0x18, 0x19, 0x02, 0x04, 0x08, 0x13, 0x03, 0x00, 0x00 }, /* '%' */
	{ 0x0c, 0x12, 0x14, 0x08, 0x15, 0x12, 0x0d, 0x00, 0x00 }, /* '&' */
	{ 0x04, 0x04, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, /* ''' */
	{ 0x02, 0x04, 0x08, 0x08, 0x08, 0x04, 0x02, 0x00, 0x00 }, /* '(' */
	{ 0x08, 0x04, 0x02, 0x02, 0x02, 0x04, 0x08, 0x00, 0x00 }, /* ')' */
	{ 0x00, 0x04, 0x15, 0x0e, 0x15, 0x04, 0x00, 0x00, 0x00 }, /* '*' */
	{ 0x00, 0x04, 0x04, 0x1f, 0x04, 0x04, 0x00, 0x00, 0x00 }, /* '+' */
	{ 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x0c, 0x04, 0x08 }, /* ',' */
	{ 0x00, 0x00, 0x00, 0x1f, 0x00, 0x00, 0x00, 0x00, 0x00 }, /* '-' */
	{ 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x0c, 0x00, 0x00 }, /* '.' */
	{ 0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x00, 0x00, 0x00 }, /* '/' */
	{ 0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e, 0x00, 0x00 }, /* '0' */
	{ 0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e, 0x00, 0x00 }, /* '1' */
	{ 0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f, 0x00, 0x00 }, /* '2' */
	{ 0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e, 0x00, 0x00 }, /* '3' */
	{ 0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02, 0x00, 0x00 }, /* '4' */
	{ 0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e, 0x00, 0x00 }, /* '5' */
	{ 0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e, 0x00, 0x00 }, /* '6' */
	{ 0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08, 0x00, 0x00 }, /* '7' */
	{ 0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e, 0x00, 0x00 }, /* '8' */
	{ 0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c, 0x00, 0x00 }, /* '9' */
	{ 0x00, 0x0c, 0x0c, 0x00, 0x0c, 0x0c, 0x00, 0x00, 0x00 }, /* ':' */
	{ 0x00, 0x0c, 0x0c, 0x00, 0x0c, 0x0c, 0x04, 0x08, 0x00 }, /* ';' */
	{ 0x02, 0x04, 0x08, 0x10, 0x08, 0x04, 0x02, 0x00, 0x00 }, /* '<' */
	{ 0x00, 0x00, 0x1f, 0x00, 0x1f, 0x00, 0x00, 0x00, 0x00 }, /* '=' */
	{ 0x08, 0x04, 0x02, 0x01, 0x02, 0x04, 0x08, 0x00, 0x00 }, /* '>' */
	{ 0x0e, 0x11, 0x01, 0x02, 0x04, 0x00, 0x04, 0x00, 0x00 }, /* '?' */
	{ 0x0e, 0x11, 0x01, 0x0d, 0x15, 0x15, 0x0e, 0x00, 0x00 }, /* '@' */
	{ 0x0e, 0x11, 0x11, 0x1f, 0x11, 0x11, 0x11, 0x00, 0x00 }, /* 'A' */
	{ 0x1e, 0x11, 0x11, 0x1e, 0x11, 0x11, 0x1e, 0x00, 0x00 }, /* 'B' */
	{ 0x0e, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0e, 0x00, 0x00 }, /* 'C' */
	{ 0x1c, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1c, 0x00, 0x00 }, /* 'D' */
	{ 0x1f, 0x10, 0x10, 0x1e, 0x10, 0x10, 0x1f, 0x00, 0x00 }, /* 'E' */
	{ 0x1f, 0x10, 0x10, 0x1e, 0x10, 0x10, 0x10, 0x00, 0x00 }, /* 'F' */
	{ 0x0e, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0f, 0x00, 0x00 }, /* 'G' */
	{ 0x11, 0x11, 0x11, 0x1f, 0x11, 0x11, 0x11, 0x00, 0x00 }, /* 'H' */
	{ 0x0e, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0e, 0x00, 0x00 }, /* 'I' */
	{ 0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0c, 0x00, 0x00 }, /* 'J' */
	{ 0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11, 0x00, 0x00 }, /* 'K' */
	{ 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1f, 0x00, 0x00 }, /* 'L' */
	{ 0x11, 0x1b, 0x15, 0x15, 0x11, 0x11, 0x11, 0x00, 0x00 }, /* 'M' */
	{ 0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11, 0x00, 0x00 }, /* 'N' */
	{ 0x0e, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0e, 0x00, 0x00 }, /* 'O' */
	{ 0x1e, 0x11, 0x11, 0x1e, 0x10, 0x10, 0x10, 0x00, 0x00 }, /* 'P' */
	{ 0x0e, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0d, 0x00, 0x00 }, /* 'Q' */
	{ 0x1e, 0x11, 0x11, 0x1e, 0x14, 0x12, 0x11, 0x00, 0x00 }, /* 'R' */
	{ 0x0f, 0x10, 0x10, 0x0e, 0x01, 0x01, 0x1e, 0x00, 0x00 }, /* 'S' */
	{ 0x1f, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x00, 0x00 }, /* 'T' */
	{ 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0e, 0x00, 0x00 }, /* 'U' */
	{ 0x11, 0x11, 0x11, 0x11, 0x11, 0x0a, 0x04, 0x00, 0x00 }, /* 'V' */
	{ 0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0a, 0x00, 0x00 }, /* 'W' */
	{ 0x11, 0x11, 0x0a, 0x04, 0x0a, 0x11, 0x11, 0x00, 0x00 }, /* 'X' */
	{ 0x11, 0x11, 0x11, 0x0a, 0x04, 0x04, 0x04, 0x00, 0x00 }, /* 'Y' */
	{ 0x1f, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1f, 0x00, 0x00 }, /* 'Z' */
	{ 0x0e, 0x08, 0x08, 0x08, 0x08, 0x08, 0x0e, 0x00, 0x00 }, /* '[' */
	{ 0x00, 0x10, 0x08, 0x04, 0x02, 0x01, 0x00, 0x00, 0x00 }, /* '\\' */
	{ 0x0e, 0x02, 0x02, 0x02, 0x02, 0x02, 0x0e, 0x00, 0x00 }, /* ']' */
	{ 0x04, 0x0a, 0x11, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, /* '^' */
	{ 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1f, 0x00 }, /* '_' */
	{ 0x08, 0x04, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, /* '`' */
	{ 0x00, 0x00, 0x0e, 0x01, 0x0f, 0x11, 0x0f, 0x00, 0x00 }, /* 'a' */
	{ 0x10, 0x10, 0x16, 0x19, 0x11, 0x11, 0x1e, 0x00, 0x00 }, /* 'b' */
	{ 0x00, 0x00, 0x0e, 0x10, 0x10, 0x11, 0x0e, 0x00, 0x00 }, /* 'c' */
	{ 0x01, 0x01, 0x0d, 0x13, 0x11, 0x11, 0x0f, 0x00, 0x00 }, /* 'd' */
	{ 0x00, 0x00, 0x0e, 0x11, 0x1f, 0x10, 0x0e, 0x00, 0x00 }, /* 'e' */
	{ 0x06, 0x09, 0x08, 0x1c, 0x08, 0x08, 0x08, 0x00, 0x00 }, /* 'f' */
	{ 0x00, 0x00, 0x0f, 0x11, 0x11, 0x11, 0x0f, 0x01, 0x0e }, /* 'g' */
	{ 0x10, 0x10, 0x16, 0x19, 0x11, 0x11, 0x11, 0x00, 0x00 }, /* 'h' */
	{ 0x04, 0x00, 0x0c, 0x04, 0x04, 0x04, 0x0e, 0x00, 0x00 }, /* 'i' */
	{ 0x02, 0x00, 0x06, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0c }, /* 'j' */
	{ 0x10, 0x10, 0x12, 0x14, 0x18, 0x14, 0x12, 0x00, 0x00 }, /* 'k' */
	{ 0x0c, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0e, 0x00, 0x00 }, /* 'l' */
	{ 0x00, 0x00, 0x1a, 0x15, 0x15, 0x15, 0x15, 0x00, 0x00 }, /* 'm' */
	{ 0x00, 0x00, 0x16, 0x19, 0x11, 0x11, 0x11, 0x00, 0x00 }, /* 'n' */
	{ 0x00, 0x00, 0x0e, 0x11, 0x11, 0x11, 0x0e, 0x00, 0x00 }, /* 'o' */
	{ 0x00, 0x00, 0x1e, 0x11, 0x11, 0x11, 0x1e, 0x10, 0x10 }, /* 'p' */
	{ 0x00, 0x00, 0x0f, 0x11, 0x11, 0x11, 0x0f, 0x01, 0x01 }, /* 'q' */
	{ 0x00, 0x00, 0x16, 0x19, 0x10, 0x10, 0x10, 0x00, 0x00 }, /* 'r' */
	{ 0x00, 0x00, 0x0f, 0x10, 0x0e, 0x01, 0x1e, 0x00, 0x00 }, /* 's' */
	{ 0x08, 0x08, 0x1c, 0x08, 0x08, 0x09, 0x06, 0x00, 0x00 }, /* 't' */
	{ 0x00, 0x00, 0x11, 0x11, 0x11, 0x13, 0x0d, 0x00, 0x00 }, /* 'u' */
	{ 0x00, 0x00, 0x11, 0x11, 0x11, 0x0a, 0x04, 0x00, 0x00 }, /* 'v' */
	{ 0x00, 0x00, 0x11, 0x11, 0x15, 0x15, 0x0a, 0x00, 0x00 }, /* 'w' */
	{ 0x00, 0x00, 0x11, 0x0a, 0x04, 0x0a, 0x11, 0x00, 0x00 }, /* 'x' */
	{ 0x00, 0x00, 0x11, 0x11, 0x11, 0x11, 0x0f, 0x01, 0x0e }, /* 'y' */
	{ 0x00, 0x00, 0x1f, 0x02, 0x04, 0x08, 0x1f, 0x00, 0x00 }, /* 'z' */
	{ 0x02, 0x04, 0x04, 0x08, 0x04, 0x04, 0x02, 0x00, 0x00 }, /* '{' */
	{ 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x00, 0x00 }, /* '|' */
	{ 0x08, 0x04, 0x04, 0x02, 0x04, 0x04, 0x08, 0x00, 0x00 }, /* '}' */
	{ 0x00, 0x00, 0x08, 0x15, 0x02, 0x00, 0x00, 0x00, 0x00 }, /* '~' */
};

struct glyph {
	uint8_t	 ch;
	bool	 bold;
	int	 wmul;
	int	 hmul;
};

struct render {
	int		 dots;		/* paper width */
	uint8_t		*px;		/* dots x rows, 1 = black */
	int		 rows;		/* allocated */
	int		 y;		/* next dot line to print */
	int		 used;		/* lowest row drawn or fed */

	int		 align;		/* 0 left, 1 centre, 2 right */
	bool		 bold;
	int		 wmul;
	int		 hmul;
	int		 spacing;	/* line feed amount */

	struct glyph	 line[512];	/* the print buffer */
	int		 nline;
	int		 line_w;	/* dots used by line[] */

	/* GS k state */
	int		 bar_h;		/* GS h */
	int		 bar_w;		/* GS w */
	int		 hri;		/* GS H: 0 none, 1 above, 2 below, 3 */

	/* GS ( k state */
	int		 qr_module;
	QRecLevel	 qr_level;
	char		*qr_data;
	size_t		 qr_len;
};

static const char *progname = "escpos2png";

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void
render_reset(struct render *r)
{
	r->align = 0;
	r->bold = false;
	r->wmul = r->hmul = 1;
	r->spacing = LINE_SPACING;
	r->nline = 0;
	r->line_w = 0;
	r->qr_module = 3;
	r->qr_level = QR_ECLEVEL_L;
	r->bar_h = 162;
	r->bar_w = 3;
	r->hri = 0;
}

/* Makes rows up to y + h exist (white). */
static void
render_rows(struct render *r, int h)
{
	int	 need = r->y + h, n;

	if (need > MAX_ROWS)
		die("more than %d dot rows", MAX_ROWS);
	if (need > r->used)
		r->used = need;
	if (need <= r->rows)
		return;
	n = r->rows ? r->rows : 1024;
	while (n < need)
		n *= 2;
	r->px = realloc(r->px, (size_t)n * (size_t)r->dots);
	if (r->px == NULL)
		die("out of memory");
	memset(r->px + (size_t)r->rows * (size_t)r->dots, 0,
	    (size_t)(n - r->rows) * (size_t)r->dots);
	r->rows = n;
}

static void
render_dot(struct render *r, int x, int y)
{
	if (x >= 0 && x < r->dots && y >= 0 && y < r->rows)
		r->px[(size_t)y * (size_t)r->dots + (size_t)x] = 1;
}

/* The x where a block w dots wide starts, by the current alignment. */
static int
render_x(const struct render *r, int w)
{
	if (w >= r->dots || r->align == 0)
		return 0;
	return r->align == 1 ? (r->dots - w) / 2 : r->dots - w;
}

static void
render_glyph(struct render *r, const struct glyph *g, int x, int top)
{
	const uint8_t *rows;
	int	 gx, gy, sx, sy, b, xs = 2 * g->wmul, ys = 2 * g->hmul;

	if (g->ch < 0x20 || g->ch > 0x7e)
		rows = font['?' - 0x20];
	else
		rows = font[g->ch - 0x20];
	/* 10 x 18 inside the 12 x 24 cell: 1 dot left, 3 dots top. */
	for (gy = 0; gy < FONT_H; gy++) {
		for (gx = 0; gx < FONT_W; gx++) {
			if ((rows[gy] & (0x10 >> gx)) == 0)
				continue;
			for (sy = 0; sy < ys; sy++) {
				for (sx = 0; sx < xs; sx++) {
					for (b = 0; b <= (g->bold ? 1 : 0); b++)
						render_dot(r, x + g->wmul +
						    gx * xs + sx + b,
						    top + 3 * g->hmul +
						    gy * ys + sy);
				}
			}
		}
	}
}

/* Prints the buffer (LF): the line is as tall as its tallest glyph. */
static void
render_flush(struct render *r)
{
	int	 i, x, h = CELL_H, feed;

	for (i = 0; i < r->nline; i++) {
		if (CELL_H * r->line[i].hmul > h)
			h = CELL_H * r->line[i].hmul;
	}
	feed = h > r->spacing ? h : r->spacing;
	render_rows(r, feed);
	x = render_x(r, r->line_w);
	for (i = 0; i < r->nline; i++) {
		render_glyph(r, &r->line[i], x,
		    r->y + h - CELL_H * r->line[i].hmul);
		x += CELL_W * r->line[i].wmul;
	}
	r->y += feed;
	r->nline = 0;
	r->line_w = 0;
}

static void
render_char(struct render *r, uint8_t ch)
{
	int	 w = CELL_W * r->wmul;

	/* Printers wrap a line longer than the paper. */
	if (r->line_w + w > r->dots ||
	    r->nline == (int)(sizeof r->line / sizeof *r->line))
		render_flush(r);
	r->line[r->nline].ch = ch;
	r->line[r->nline].bold = r->bold;
	r->line[r->nline].wmul = r->wmul;
	r->line[r->nline].hmul = r->hmul;
	r->nline++;
	r->line_w += w;
}

/* Image commands print at the start of a line; flush what is pending. */
static void
render_block_start(struct render *r)
{
	if (r->nline > 0)
		render_flush(r);
}

static void
render_raster(struct render *r, const uint8_t *bits, int bpr, int h, int m)
{
	int	 x0, x, y, sx, sy, xs = (m & 1) ? 2 : 1, ys = (m & 2) ? 2 : 1;

	render_block_start(r);
	render_rows(r, h * ys);
	x0 = render_x(r, bpr * 8 * xs);
	for (y = 0; y < h; y++) {
		for (x = 0; x < bpr * 8; x++) {
			if ((bits[y * bpr + x / 8] & (0x80 >> (x % 8))) == 0)
				continue;
			for (sy = 0; sy < ys; sy++)
				for (sx = 0; sx < xs; sx++)
					render_dot(r, x0 + x * xs + sx,
					    r->y + y * ys + sy);
		}
	}
	r->y += h * ys;
}

static void
render_qr(struct render *r)
{
	QRcode	*qr;
	char	*s;
	int	 x0, x, y, sx, sy, m = r->qr_module;

	if (r->qr_data == NULL)
		die("GS ( k print without stored data");
	s = strndup(r->qr_data, r->qr_len);
	if (s == NULL)
		die("out of memory");
	qr = QRcode_encodeString(s, 0, r->qr_level, QR_MODE_8, 1);
	free(s);
	if (qr == NULL)
		die("QR: %s", strerror(errno));
	render_block_start(r);
	render_rows(r, qr->width * m);
	x0 = render_x(r, qr->width * m);
	for (y = 0; y < qr->width; y++) {
		for (x = 0; x < qr->width; x++) {
			if ((qr->data[y * qr->width + x] & 1) == 0)
				continue;
			for (sy = 0; sy < m; sy++)
				for (sx = 0; sx < m; sx++)
					render_dot(r, x0 + x * m + sx,
					    r->y + y * m + sy);
		}
	}
	r->y += qr->width * m;
	QRcode_free(qr);
}

/* EAN-13 sets A, B and C as module strings, and set A/B by first digit. */
static const char *const ean_a[10] = {
	"0001101", "0011001", "0010011", "0111101", "0100011",
	"0110001", "0101111", "0111011", "0110111", "0001011",
};
static const char *const ean_b[10] = {
	"0100111", "0110011", "0011011", "0100001", "0011101",
	"0111001", "0000101", "0010001", "0001001", "0010111",
};
static const char *const ean_c[10] = {
	"1110010", "1100110", "1101100", "1000010", "1011100",
	"1001110", "1010000", "1000100", "1001000", "1110100",
};
static const char *const ean_first[10] = {
	"AAAAAA", "AABABB", "AABBAB", "AABBBA", "ABAABB",
	"ABBAAB", "ABBBAB", "ABABAB", "ABABBA", "ABBABA",
};

/* A line of text (HRI) in Font A, centred on the barcode at x0..x0+w. */
static void
render_hri(struct render *r, const char *text, int x0, int w)
{
	struct glyph g = { 0, false, 1, 1 };
	int	 i, n = (int)strlen(text), x;

	render_rows(r, CELL_H);
	x = x0 + (w - n * CELL_W) / 2;
	if (x < 0)
		x = 0;
	for (i = 0; i < n; i++) {
		g.ch = (uint8_t)text[i];
		render_glyph(r, &g, x + i * CELL_W, r->y);
	}
	r->y += CELL_H;
}

static void
render_ean13(struct render *r, const char *d, size_t n)
{
	char	 mods[96], digits[14], hri[16];
	int	 i, sum = 0, x0, w, x, y, sx;

	if (n == 12) {
		for (i = 0; i < 12; i++)
			sum += (d[i] - '0') * (i % 2 ? 3 : 1);
		memcpy(digits, d, 12);
		digits[12] = (char)('0' + (10 - sum % 10) % 10);
	} else if (n == 13)
		memcpy(digits, d, 13);
	else
		die("GS k EAN-13 with %zu digits", n);
	digits[13] = '\0';
	if (strspn(digits, "0123456789") != 13)
		die("GS k EAN-13 with a non-digit");
	for (i = 0, sum = 0; i < 12; i++)
		sum += (digits[i] - '0') * (i % 2 ? 3 : 1);
	/* A printer refuses a wrong check digit: so do we. */
	if ((10 - sum % 10) % 10 != digits[12] - '0')
		die("GS k EAN-13 %s: wrong check digit", digits);
	strcpy(mods, "101");
	for (i = 1; i <= 6; i++)
		strcat(mods, ean_first[digits[0] - '0'][i - 1] == 'A' ?
		    ean_a[digits[i] - '0'] : ean_b[digits[i] - '0']);
	strcat(mods, "01010");
	for (i = 7; i <= 12; i++)
		strcat(mods, ean_c[digits[i] - '0']);
	strcat(mods, "101");
	render_block_start(r);
	w = 95 * r->bar_w;
	x0 = render_x(r, w);
	render_rows(r, r->bar_h);
	for (x = 0; x < 95; x++) {
		if (mods[x] != '1')
			continue;
		for (sx = 0; sx < r->bar_w; sx++)
			for (y = 0; y < r->bar_h; y++)
				render_dot(r, x0 + x * r->bar_w + sx,
				    r->y + y);
	}
	r->y += r->bar_h;
	if (r->hri == 2 || r->hri == 3) {
		snprintf(hri, sizeof hri, "%.1s %.6s %.6s", digits,
		    digits + 1, digits + 7);
		render_hri(r, hri, x0, w);
	}
}

static void
render_cut(struct render *r)
{
	int	 x;

	render_block_start(r);
	render_rows(r, 24);
	for (x = 0; x < r->dots; x++) {
		if ((x / 8) % 2 == 0)
			render_dot(r, x, r->y + 12);
	}
	r->y += 24;
}

/* Needs n more bytes at p; dies with the command name otherwise. */
static void
need(size_t off, size_t n, size_t len, const char *what)
{
	if (off + n > len)
		die("%s at offset %zu: truncated", what, off);
}

static void
render_gs_k(struct render *r, const uint8_t *p, size_t off, size_t len,
    size_t *adv)
{
	size_t	 plen;
	uint8_t	 cn, fn;

	need(off, 5, len, "GS ( k");
	plen = p[off + 3] | (size_t)p[off + 4] << 8;
	need(off, 5 + plen, len, "GS ( k");
	*adv = 5 + plen;
	if (plen < 2)
		die("GS ( k at offset %zu: short", off);
	cn = p[off + 5];
	fn = p[off + 6];
	if (cn != 49)
		return;		/* another 2D code: not ours */
	switch (fn) {
	case 65:	/* model: we draw model 2 only */
		if (plen != 4 || p[off + 7] != 50)
			die("GS ( k at offset %zu: model not 2", off);
		break;
	case 67:
		if (plen != 3 || p[off + 7] < 1 || p[off + 7] > 16)
			die("GS ( k at offset %zu: bad module size", off);
		r->qr_module = p[off + 7];
		break;
	case 69:
		if (plen != 3 || p[off + 7] < 48 || p[off + 7] > 51)
			die("GS ( k at offset %zu: bad error level", off);
		r->qr_level = (QRecLevel)(QR_ECLEVEL_L + (p[off + 7] - 48));
		break;
	case 80:
		if (plen < 4 || p[off + 7] != 48)
			die("GS ( k at offset %zu: bad store", off);
		free(r->qr_data);
		r->qr_len = plen - 3;
		r->qr_data = malloc(r->qr_len);
		if (r->qr_data == NULL)
			die("out of memory");
		memcpy(r->qr_data, p + off + 8, r->qr_len);
		break;
	case 81:
		if (plen != 3 || p[off + 7] != 48)
			die("GS ( k at offset %zu: bad print", off);
		render_qr(r);
		break;
	default:
		die("GS ( k at offset %zu: function %u", off, fn);
	}
}

static void
render_all(struct render *r, const uint8_t *p, size_t len)
{
	size_t	 off = 0, adv, bpr, h;
	uint8_t	 c;

	while (off < len) {
		c = p[off];
		adv = 1;
		if (c >= 0x20 && c != 0x7f) {
			render_char(r, c);
		} else if (c == '\n') {
			render_flush(r);
		} else if (c == '\r' || c == '\t') {
			/* nothing */
		} else if (c == 0x1b) {
			need(off, 2, len, "ESC");
			switch (p[off + 1]) {
			case '@':
				render_reset(r);
				adv = 2;
				break;
			case '2':
				r->spacing = LINE_SPACING;
				adv = 2;
				break;
			case '3':
				need(off, 3, len, "ESC 3");
				r->spacing = p[off + 2];
				adv = 3;
				break;
			case 't':
				need(off, 3, len, "ESC t");
				if (p[off + 2] != 0)
					die("ESC t %u: only PC437 is drawn",
					    p[off + 2]);
				adv = 3;
				break;
			case 'a':
				need(off, 3, len, "ESC a");
				r->align = p[off + 2] % 48;
				if (r->align > 2)
					die("ESC a %u at offset %zu",
					    p[off + 2], off);
				adv = 3;
				break;
			case 'E':
				need(off, 3, len, "ESC E");
				r->bold = p[off + 2] & 1;
				adv = 3;
				break;
			case '!':
				need(off, 3, len, "ESC !");
				r->bold = (p[off + 2] & 0x08) != 0;
				r->hmul = (p[off + 2] & 0x10) ? 2 : 1;
				r->wmul = (p[off + 2] & 0x20) ? 2 : 1;
				adv = 3;
				break;
			case 'd':
				need(off, 3, len, "ESC d");
				if (r->nline > 0)
					render_flush(r);
				render_rows(r, p[off + 2] * r->spacing);
				r->y += p[off + 2] * r->spacing;
				adv = 3;
				break;
			case 'p':
				need(off, 5, len, "ESC p");
				adv = 5;
				break;
			default:
				die("unknown ESC 0x%02x at offset %zu",
				    p[off + 1], off);
			}
		} else if (c == 0x1d) {
			need(off, 2, len, "GS");
			switch (p[off + 1]) {
			case '!':
				need(off, 3, len, "GS !");
				r->wmul = (p[off + 2] >> 4) + 1;
				r->hmul = (p[off + 2] & 0x0f) + 1;
				if (r->wmul > 8 || r->hmul > 8)
					die("GS ! 0x%02x at offset %zu",
					    p[off + 2], off);
				adv = 3;
				break;
			case 'V':
				need(off, 3, len, "GS V");
				adv = p[off + 2] >= 65 ? 4 : 3;
				need(off, adv, len, "GS V");
				render_cut(r);
				break;
			case 'v':
				need(off, 8, len, "GS v 0");
				if (p[off + 2] != '0' || (p[off + 3] % 48) > 3)
					die("GS v at offset %zu", off);
				bpr = p[off + 4] | (size_t)p[off + 5] << 8;
				h = p[off + 6] | (size_t)p[off + 7] << 8;
				need(off, 8 + bpr * h, len, "GS v 0");
				render_raster(r, p + off + 8, (int)bpr, (int)h,
				    p[off + 3] % 48);
				adv = 8 + bpr * h;
				break;
			case 'h':
			case 'w':
			case 'H':
			case 'f':
				need(off, 3, len, "GS h/w/H/f");
				if (p[off + 1] == 'h')
					r->bar_h = p[off + 2] ? p[off + 2] : 1;
				else if (p[off + 1] == 'w') {
					if (p[off + 2] < 1 || p[off + 2] > 6)
						die("GS w %u at offset %zu",
						    p[off + 2], off);
					r->bar_w = p[off + 2];
				} else if (p[off + 1] == 'H')
					r->hri = p[off + 2] % 48;
				adv = 3;
				break;
			case 'k':
				need(off, 4, len, "GS k");
				if (p[off + 2] == 2) {
					/* Function A: digits up to NUL. */
					h = 0;
					while (off + 3 + h < len &&
					    p[off + 3 + h] != 0)
						h++;
					need(off, 4 + h, len, "GS k");
					render_ean13(r, (const char *)p + off +
					    3, h);
					adv = 4 + h;
				} else if (p[off + 2] == 67) {
					h = p[off + 3];
					need(off, 4 + h, len, "GS k");
					render_ean13(r, (const char *)p + off +
					    4, h);
					adv = 4 + h;
				} else
					die("GS k %u at offset %zu: only "
					    "EAN-13 is drawn", p[off + 2], off);
				break;
			case '(':
				need(off, 3, len, "GS (");
				if (p[off + 2] != 'k')
					die("GS ( 0x%02x at offset %zu",
					    p[off + 2], off);
				render_gs_k(r, p, off, len, &adv);
				break;
			default:
				die("unknown GS 0x%02x at offset %zu",
				    p[off + 1], off);
			}
		} else if (c == 0x10) {
			need(off, 3, len, "DLE");
			if (p[off + 1] != 0x04)
				die("unknown DLE 0x%02x at offset %zu",
				    p[off + 1], off);
			adv = 3;
		} else
			die("unknown byte 0x%02x at offset %zu", c, off);
		off += adv;
	}
	if (r->nline > 0)
		render_flush(r);
}

static void
png_chunk(FILE *f, const char *type, const uint8_t *data, size_t len)
{
	uint8_t	 hdr[8], crc[4];
	uLong	 c;

	hdr[0] = (uint8_t)(len >> 24);
	hdr[1] = (uint8_t)(len >> 16);
	hdr[2] = (uint8_t)(len >> 8);
	hdr[3] = (uint8_t)len;
	memcpy(hdr + 4, type, 4);
	c = crc32(0, hdr + 4, 4);
	if (len > 0)
		c = crc32(c, data, (uInt)len);
	crc[0] = (uint8_t)(c >> 24);
	crc[1] = (uint8_t)(c >> 16);
	crc[2] = (uint8_t)(c >> 8);
	crc[3] = (uint8_t)c;
	fwrite(hdr, 1, 8, f);
	if (len > 0)
		fwrite(data, 1, len, f);
	fwrite(crc, 1, 4, f);
}

/* 8-bit greyscale: paper white, dots black, a grey border. */
static void
png_write(FILE *f, const struct render *r, int zoom)
{
	static const uint8_t sig[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
	    '\n' };
	uint8_t	 ihdr[13], *raw, *z, v;
	size_t	 stride, rawlen;
	uLongf	 zlen;
	int	 w, h, x, y, px, py, paper_h = r->used + CELL_H;

	w = (r->dots + 2 * MARGIN) * zoom;
	h = (paper_h + 2 * MARGIN) * zoom;
	stride = (size_t)w + 1;
	rawlen = stride * (size_t)h;
	raw = malloc(rawlen);
	if (raw == NULL)
		die("out of memory");
	for (y = 0; y < h; y++) {
		raw[(size_t)y * stride] = 0;	/* filter: none */
		py = y / zoom - MARGIN;
		for (x = 0; x < w; x++) {
			px = x / zoom - MARGIN;
			if (px < 0 || px >= r->dots || py < 0 || py >= paper_h)
				v = 0xc8;
			else if (py < r->rows && r->px[(size_t)py *
			    (size_t)r->dots + (size_t)px])
				v = 0x00;
			else
				v = 0xff;
			raw[(size_t)y * stride + 1 + (size_t)x] = v;
		}
	}
	zlen = compressBound((uLong)rawlen);
	z = malloc(zlen);
	if (z == NULL)
		die("out of memory");
	if (compress2(z, &zlen, raw, (uLong)rawlen, 9) != Z_OK)
		die("zlib failed");
	free(raw);

	ihdr[0] = (uint8_t)(w >> 24);
	ihdr[1] = (uint8_t)(w >> 16);
	ihdr[2] = (uint8_t)(w >> 8);
	ihdr[3] = (uint8_t)w;
	ihdr[4] = (uint8_t)(h >> 24);
	ihdr[5] = (uint8_t)(h >> 16);
	ihdr[6] = (uint8_t)(h >> 8);
	ihdr[7] = (uint8_t)h;
	ihdr[8] = 8;		/* bit depth */
	ihdr[9] = 0;		/* greyscale */
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	fwrite(sig, 1, sizeof sig, f);
	png_chunk(f, "IHDR", ihdr, sizeof ihdr);
	png_chunk(f, "IDAT", z, zlen);
	png_chunk(f, "IEND", NULL, 0);
	free(z);
}

static uint8_t *
read_all(FILE *f, size_t *lenp)
{
	uint8_t	*p = NULL;
	size_t	 len = 0, size = 0, n;

	for (;;) {
		if (len == size) {
			size = size ? size * 2 : 65536;
			if (size > ((size_t)64 << 20))
				die("input too large");
			p = realloc(p, size);
			if (p == NULL)
				die("out of memory");
		}
		n = fread(p + len, 1, size - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f))
		die("read: %s", strerror(errno));
	*lenp = len;
	return p;
}

static void
usage(void)
{
	fprintf(stderr, "usage: escpos2png [-w dots] [-z zoom] [-o out.png] "
	    "[in.bin]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct render r;
	const char *out = NULL;
	FILE	*in = stdin, *f = stdout;
	uint8_t	*data;
	size_t	 len;
	int	 ch, zoom = 1;

	memset(&r, 0, sizeof r);
	r.dots = 384;
	while ((ch = getopt(argc, argv, "o:w:z:")) != -1) {
		switch (ch) {
		case 'o':
			out = optarg;
			break;
		case 'w':
			r.dots = (int)strtol(optarg, NULL, 10);
			if (r.dots < 64 || r.dots > 2048)
				usage();
			break;
		case 'z':
			zoom = (int)strtol(optarg, NULL, 10);
			if (zoom < 1 || zoom > 8)
				usage();
			break;
		default:
			usage();
		}
	}
	if (argc - optind > 1)
		usage();
	if (argc - optind == 1 && (in = fopen(argv[optind], "rb")) == NULL)
		die("%s: %s", argv[optind], strerror(errno));
	data = read_all(in, &len);
	if (in != stdin)
		fclose(in);

	render_reset(&r);
	render_all(&r, data, len);
	free(data);

	if (out != NULL && (f = fopen(out, "wb")) == NULL)
		die("%s: %s", out, strerror(errno));
	png_write(f, &r, zoom);
	if (fflush(f) != 0 || ferror(f) || (f != stdout && fclose(f) != 0))
		die("%s: write failed", out ? out : "stdout");
	free(r.px);
	free(r.qr_data);
	return 0;
}
