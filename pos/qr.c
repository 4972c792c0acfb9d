/* SPDX-License-Identifier: ISC */
/*
 * A QR code on the terminal, from libqrencode: dark modules on a light
 * background, drawn with half blocks (one module per column, two per row:
 * square modules) when the terminal is large enough, else with quadrant
 * blocks (two by two per character) so a QRIS of ~200 characters fits in
 * 23 rows of 80x24. The first layout that fits wins, best first.
 */
#include <stdlib.h>
#include <string.h>

#include <ncursesw/curses.h>
#include <qrencode.h>

#include "pos.h"

struct qr_try {
	bool		 quad;		/* quadrant blocks, else half blocks */
	QRecLevel	 level;
	int		 side;		/* quiet modules left and right */
	int		 top;		/* quiet modules above */
	int		 bottom;	/* below: the light status line helps */
};

static const struct qr_try qr_tries[] = {
	{ false, QR_ECLEVEL_M, 4, 4, 4 },
	{ false, QR_ECLEVEL_L, 4, 4, 4 },
	{ false, QR_ECLEVEL_L, 2, 2, 1 },
	{ true, QR_ECLEVEL_M, 4, 4, 4 },
	{ true, QR_ECLEVEL_L, 4, 4, 4 },
	{ true, QR_ECLEVEL_L, 4, 2, 2 },
	{ true, QR_ECLEVEL_L, 4, 1, 1 },
	{ true, QR_ECLEVEL_L, 4, 1, 0 },
};

/* Quadrant glyphs by (top-left, top-right, bottom-left, bottom-right). */
static const char *const qr_quad[16] = {
	" ", "▗", "▖", "▄", "▝", "▐", "▞", "▟",
	"▘", "▚", "▌", "▙", "▀", "▜", "▛", "█",
};
static const char *const qr_half[4] = { " ", "▄", "▀", "█" };

static int
qr_dark(const QRcode *q, const struct qr_try *t, int y, int x)
{
	y -= t->top;
	x -= t->side;
	if (y < 0 || x < 0 || y >= q->width || x >= q->width)
		return 0;
	return q->data[y * q->width + x] & 1;
}

int
qr_draw(struct ui *ui, int y, int x, int max_h, int max_w, const char *text,
    int *h_out, int *w_out)
{
	const struct qr_try *t = NULL;
	QRcode	*q = NULL, *cand;
	int	 r, col, h = 0, w = 0, mods_h, mods_w, a, v;
	size_t	 k;

	if (!ui->utf8 || text == NULL || *text == '\0')
		return -1;
	for (k = 0; k < sizeof qr_tries / sizeof qr_tries[0]; k++) {
		cand = QRcode_encodeString(text, 0, qr_tries[k].level,
		    QR_MODE_8, 1);
		if (cand == NULL)
			continue;
		mods_w = cand->width + 2 * qr_tries[k].side;
		mods_h = cand->width + qr_tries[k].top + qr_tries[k].bottom;
		if (qr_tries[k].quad) {
			w = (mods_w + 1) / 2;
			h = (mods_h + 1) / 2;
		} else {
			w = mods_w;
			h = (mods_h + 1) / 2;
		}
		if (h <= max_h && w <= max_w) {
			q = cand;
			t = &qr_tries[k];
			break;
		}
		QRcode_free(cand);
	}
	if (q == NULL)
		return -1;
	a = ui_attr(ui, UI_PAIR_QR, A_REVERSE);
	attron(a);
	for (r = 0; r < h; r++) {
		move(y + r, x);
		for (col = 0; col < w; col++) {
			if (t->quad) {
				v = qr_dark(q, t, 2 * r, 2 * col) << 3 |
				    qr_dark(q, t, 2 * r, 2 * col + 1) << 2 |
				    qr_dark(q, t, 2 * r + 1, 2 * col) << 1 |
				    qr_dark(q, t, 2 * r + 1, 2 * col + 1);
				addstr(qr_quad[v]);
			} else {
				v = qr_dark(q, t, 2 * r, col) << 1 |
				    qr_dark(q, t, 2 * r + 1, col);
				addstr(qr_half[v]);
			}
		}
	}
	attroff(a);
	QRcode_free(q);
	*h_out = h;
	*w_out = w;
	return 0;
}
