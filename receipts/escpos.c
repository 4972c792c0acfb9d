/* SPDX-License-Identifier: ISC */
/*
 * ESC/POS encoding (docs/escpos.md): printer profiles, and layout lines, QR
 * symbols, cut and drawer kick -> bytes appended to a capped struct buf.
 * Pure: no I/O (printer.c sends the bytes). The only file that calls
 * libqrencode.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "barcode.h"
#include "receipts.h"

#define ESC	0x1b
#define GS	0x1d

/*
 * Drawer kick default 1B 70 00 19 78: 50 ms on, 240 ms off, within the
 * ON/(ON+OFF) <= 0.2 duty rule (docs/escpos.md §7).
 */
#define ESCPOS_DRAWER_ON	0x19
#define ESCPOS_DRAWER_OFF	0x78

/* docs/escpos.md §5: Font A is 12 dots wide. */
const struct escpos_profile escpos_profiles[] = {
	/*
	 * Generic 58 mm (POS-5890, ZJ-5870): no cutter, no GS ( k; their
	 * GS k varies from batch to batch, so barcodes go as images.
	 */
	{ "58", 32, 384, false, false, false,
	    ESCPOS_DRAWER_ON, ESCPOS_DRAWER_OFF, false },
	/* Epson-compatible 80 mm at 576 dots. */
	{ "80", 48, 576, true, true, true,
	    ESCPOS_DRAWER_ON, ESCPOS_DRAWER_OFF, true },
	/* 80 mm clones that ignore GS ( k: QR and barcodes as images. */
	{ "80-noqr", 48, 576, true, false, true,
	    ESCPOS_DRAWER_ON, ESCPOS_DRAWER_OFF, false },
	/* Epson TM-T88 class at 512 dots: 42 columns. */
	{ "80-42", 42, 512, true, true, true,
	    ESCPOS_DRAWER_ON, ESCPOS_DRAWER_OFF, true },
	{ NULL, 0, 0, false, false, false, 0, 0, false },
};

const struct escpos_profile *
escpos_profile_find(const char *name)
{
	const struct escpos_profile *p;

	if (name == NULL)
		return NULL;
	for (p = escpos_profiles; p->name != NULL; p++) {
		if (strcmp(p->name, name) == 0)
			return p;
	}
	return NULL;
}

static enum pos_rc
escpos_cmd(struct buf *b, const uint8_t *p, size_t len)
{
	return buf_add(b, p, len);
}

enum pos_rc
escpos_init(struct buf *b)
{
	/* ESC @ resets modes; ESC t 0 selects PC437 (docs/escpos.md §4). */
	static const uint8_t cmd[] = { ESC, '@', ESC, 't', 0 };

	return escpos_cmd(b, cmd, sizeof cmd);
}

enum pos_rc
escpos_align(struct buf *b, int n)
{
	uint8_t	 cmd[] = { ESC, 'a', 0 };

	if (n < 0 || n > 2)
		return POS_EINVAL;
	cmd[2] = (uint8_t)n;
	return escpos_cmd(b, cmd, sizeof cmd);
}

enum pos_rc
escpos_bold(struct buf *b, bool on)
{
	uint8_t	 cmd[] = { ESC, 'E', on ? 1 : 0 };

	return escpos_cmd(b, cmd, sizeof cmd);
}

enum pos_rc
escpos_size(struct buf *b, int width, int height)
{
	uint8_t	 cmd[] = { GS, '!', 0 };

	if (width < 1 || width > 8 || height < 1 || height > 8)
		return POS_EINVAL;
	cmd[2] = (uint8_t)(16 * (width - 1) + (height - 1));
	return escpos_cmd(b, cmd, sizeof cmd);
}

enum pos_rc
escpos_feed(struct buf *b, int lines)
{
	uint8_t	 cmd[] = { ESC, 'd', 0 };

	if (lines < 0 || lines > 255)
		return POS_EINVAL;
	cmd[2] = (uint8_t)lines;
	return escpos_cmd(b, cmd, sizeof cmd);
}

enum pos_rc
escpos_cut(struct buf *b, const struct escpos_profile *p)
{
	/* GS V 66 0: feed to the cutter, partial cut (docs/escpos.md §6). */
	static const uint8_t cmd[] = { GS, 'V', 66, 0 };

	if (!p->has_cutter)
		return b->failed ? POS_EFULL : POS_OK;
	return escpos_cmd(b, cmd, sizeof cmd);
}

enum pos_rc
escpos_drawer(struct buf *b, const struct escpos_profile *p)
{
	uint8_t	 cmd[] = { ESC, 'p', 0, 0, 0 };
	unsigned on = p->drawer_on, off = p->drawer_off;

	if (!p->has_drawer)
		return b->failed ? POS_EFULL : POS_OK;
	/*
	 * Citizen: ON / (ON + OFF) <= 0.2, so OFF >= 4 x ON; a solenoid held
	 * longer overheats. Bixolon reads OFF < ON as OFF = ON.
	 */
	if (on == 0)
		on = 1;
	if (on > 63)
		on = 63;
	if (off < 4 * on)
		off = 4 * on;
	cmd[3] = (uint8_t)on;
	cmd[4] = (uint8_t)off;
	return escpos_cmd(b, cmd, sizeof cmd);
}

enum pos_rc
escpos_qr_native(struct buf *b, const char *data, size_t len, int module,
    char ecc)
{
	uint8_t	 model[] = { GS, '(', 'k', 4, 0, '1', 'A', '2', 0 };
	uint8_t	 size[] = { GS, '(', 'k', 3, 0, '1', 'C', 0 };
	uint8_t	 level[] = { GS, '(', 'k', 3, 0, '1', 'E', 0 };
	uint8_t	 store[] = { GS, '(', 'k', 0, 0, '1', 'P', '0' };
	static const uint8_t print[] = { GS, '(', 'k', 3, 0, '1', 'Q', '0' };

	/* Function 180: 4 <= pL + 256 pH <= 7092, i.e. 1..7089 data bytes. */
	if (len == 0 || len > 7089 || module < 1 || module > 16 ||
	    ecc < '0' || ecc > '3')
		return POS_EINVAL;
	size[7] = (uint8_t)module;
	level[7] = (uint8_t)ecc;
	store[3] = (uint8_t)((len + 3) & 0xff);
	store[4] = (uint8_t)((len + 3) >> 8);
	escpos_cmd(b, model, sizeof model);
	escpos_cmd(b, size, sizeof size);
	escpos_cmd(b, level, sizeof level);
	escpos_cmd(b, store, sizeof store);
	buf_add(b, data, len);
	return escpos_cmd(b, print, sizeof print);
}

enum pos_rc
escpos_raster(struct buf *b, const uint8_t *bits, int width, int height)
{
	uint8_t	 hdr[] = { GS, 'v', '0', 0, 0, 0, 0, 0 };
	size_t	 row;
	int	 y, rows;

	if (width < 1 || height < 1 || (width + 7) / 8 > 0xffff)
		return POS_EINVAL;
	row = (size_t)(width + 7) / 8;
	/* Printers limit yH; python-escpos sends 960-row slices too. */
	for (y = 0; y < height; y += rows) {
		rows = height - y;
		if (rows > ESCPOS_RASTER_MAX_ROWS)
			rows = ESCPOS_RASTER_MAX_ROWS;
		hdr[4] = (uint8_t)(row & 0xff);
		hdr[5] = (uint8_t)(row >> 8);
		hdr[6] = (uint8_t)(rows & 0xff);
		hdr[7] = (uint8_t)(rows >> 8);
		escpos_cmd(b, hdr, sizeof hdr);
		buf_add(b, bits + (size_t)y * row, (size_t)rows * row);
	}
	return b->failed ? POS_EFULL : POS_OK;
}

/* Draws qr at module dots a module with a 4-module quiet zone. */
static enum pos_rc
escpos_qr_raster(struct buf *b, const QRcode *qr, int module)
{
	uint8_t	*bits;
	size_t	 row;
	int	 dots, x, y, mx, my, quiet = 4 * module;
	enum pos_rc rc;

	dots = (qr->width + 8) * module;
	row = (size_t)(dots + 7) / 8;
	bits = xcalloc((size_t)dots, row);
	for (y = 0; y < qr->width * module; y++) {
		my = y / module;
		for (x = 0; x < qr->width * module; x++) {
			mx = x / module;
			/* libqrencode: bit 0 of each module byte is black. */
			if (qr->data[my * qr->width + mx] & 1) {
				bits[(size_t)(y + quiet) * row +
				    (size_t)(x + quiet) / 8] |=
				    (uint8_t)(0x80 >> ((x + quiet) % 8));
			}
		}
	}
	rc = escpos_raster(b, bits, dots, dots);
	free(bits);
	return rc;
}

enum pos_rc
escpos_qr(struct buf *b, const char *text, const struct escpos_profile *p,
    char **cause)
{
	QRcode	*qr;
	const char *s;
	int	 module;
	enum pos_rc rc;

	if (b->failed)
		return POS_EFULL;
	for (s = text; *s != '\0'; s++) {
		if (*s < 0x20 || *s > 0x7e)
			return cause_set(cause, POS_EINVAL,
			    "Teks QR harus ASCII");
	}
	if (*text == '\0')
		return cause_set(cause, POS_EINVAL, "Teks QR kosong");
	/*
	 * The symbol is sized here for both modes, so the module fits the
	 * paper whoever draws it. libqrencode is not thread-safe: call from
	 * one thread (docs/escpos.md §3).
	 */
	qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (qr == NULL)
		return cause_set(cause, POS_EINVAL, "Teks QR terlalu panjang");
	module = p->dots / (qr->width + 8);
	if (module > ESCPOS_QR_MAX_MODULE)
		module = ESCPOS_QR_MAX_MODULE;
	if (module < 1) {
		QRcode_free(qr);
		return cause_set(cause, POS_EINVAL,
		    "QR terlalu besar untuk kertas");
	}
	if (p->native_qr) {
		/*
		 * The printer draws no quiet zone: a blank line (30 dots)
		 * above and below keeps text 4 modules away (24 dots at
		 * most).
		 */
		buf_addbyte(b, '\n');
		rc = escpos_qr_native(b, text, strlen(text), module, '1');
		buf_addbyte(b, '\n');
	} else
		rc = escpos_qr_raster(b, qr, module);
	QRcode_free(qr);
	if (rc == POS_EFULL)
		return cause_set(cause, rc, "Struk terlalu besar");
	return rc;
}

/*
 * EAN-13 (ISO/IEC 15420, docs/escpos.md §3a): each digit is 7 modules;
 * the left six are set A (L) or B (G) as the first digit says, the right
 * six set C (R). A code's bit 6 is its leftmost module, 1 = bar.
 */
static const uint8_t escpos_ean_l[10] = {
	0x0d, 0x19, 0x13, 0x3d, 0x23, 0x31, 0x2f, 0x3b, 0x37, 0x0b,
};
static const uint8_t escpos_ean_g[10] = {
	0x27, 0x33, 0x1b, 0x21, 0x1d, 0x39, 0x05, 0x11, 0x09, 0x17,
};
static const char *const escpos_ean_parity[10] = {
	"LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
	"LGGLLG", "LGGGLG", "LGLGLG", "LGLGGL", "LGGLGL",
};
#define ESCPOS_EAN_MODULES	95
#define ESCPOS_EAN_QUIET_L	11
#define ESCPOS_EAN_QUIET_R	7

/* The 95 modules of code, 1 = bar. */
static void
escpos_ean13_modules(const char *code, uint8_t m[ESCPOS_EAN_MODULES])
{
	uint8_t	 pat;
	int	 i, k, at = 0, d;

	m[at++] = 1, m[at++] = 0, m[at++] = 1;
	for (i = 1; i <= 6; i++) {
		d = code[i] - '0';
		pat = escpos_ean_parity[code[0] - '0'][i - 1] == 'L' ?
		    escpos_ean_l[d] : escpos_ean_g[d];
		for (k = 6; k >= 0; k--)
			m[at++] = (pat >> k) & 1;
	}
	m[at++] = 0, m[at++] = 1, m[at++] = 0, m[at++] = 1, m[at++] = 0;
	for (i = 7; i <= 12; i++) {
		/* Set C is set A inverted. */
		pat = (uint8_t)(~escpos_ean_l[code[i] - '0'] & 0x7f);
		for (k = 6; k >= 0; k--)
			m[at++] = (pat >> k) & 1;
	}
	m[at++] = 1, m[at++] = 0, m[at++] = 1;
}

enum pos_rc
escpos_ean13_native(struct buf *b, const char *code, int module, int height)
{
	uint8_t	 hri[] = { GS, 'H', 2 };
	uint8_t	 font[] = { GS, 'f', 0 };
	uint8_t	 h[] = { GS, 'h', 0 };
	uint8_t	 w[] = { GS, 'w', 0 };
	uint8_t	 k[] = { GS, 'k', 67, 13 };

	if (!barcode_ean13_valid(code) || module < 2 || module > 6 ||
	    height < 1 || height > 255)
		return POS_EINVAL;
	h[2] = (uint8_t)height;
	w[2] = (uint8_t)module;
	escpos_cmd(b, hri, sizeof hri);
	escpos_cmd(b, font, sizeof font);
	escpos_cmd(b, h, sizeof h);
	escpos_cmd(b, w, sizeof w);
	escpos_cmd(b, k, sizeof k);
	return buf_add(b, code, 13);
}

/* The barcode as an image with its quiet zones, then its digits. */
static enum pos_rc
escpos_ean13_raster(struct buf *b, const char *code, int module)
{
	uint8_t	 m[ESCPOS_EAN_MODULES], *bits;
	char	 hri[20];
	size_t	 row;
	int	 dots, x, y, i;
	enum pos_rc rc;

	escpos_ean13_modules(code, m);
	dots = (ESCPOS_EAN_QUIET_L + ESCPOS_EAN_MODULES + ESCPOS_EAN_QUIET_R) *
	    module;
	row = (size_t)(dots + 7) / 8;
	bits = xcalloc(ESCPOS_EAN13_HEIGHT, row);
	for (i = 0; i < ESCPOS_EAN_MODULES; i++) {
		if (!m[i])
			continue;
		for (x = (ESCPOS_EAN_QUIET_L + i) * module;
		    x < (ESCPOS_EAN_QUIET_L + i + 1) * module; x++)
			for (y = 0; y < ESCPOS_EAN13_HEIGHT; y++)
				bits[(size_t)y * row + (size_t)x / 8] |=
				    (uint8_t)(0x80 >> (x % 8));
	}
	rc = escpos_raster(b, bits, dots, ESCPOS_EAN13_HEIGHT);
	free(bits);
	/* The digits as printers set them: 1 + 6 + 6. */
	snprintf(hri, sizeof hri, "%.1s %.6s %.6s\n", code, code + 1,
	    code + 7);
	if (rc == POS_OK)
		rc = buf_addstr(b, hri);
	return rc;
}

enum pos_rc
escpos_ean13(struct buf *b, const char *code, const struct escpos_profile *p,
    char **cause)
{
	int	 module;
	enum pos_rc rc;

	if (b->failed)
		return POS_EFULL;
	if (!barcode_ean13_valid(code))
		return cause_set(cause, POS_EINVAL, "Barcode %.20s bukan EAN-13 "
		    "yang sah", code);
	module = p->dots / (ESCPOS_EAN_QUIET_L + ESCPOS_EAN_MODULES +
	    ESCPOS_EAN_QUIET_R);
	if (module > ESCPOS_EAN13_MAX_MODULE)
		module = ESCPOS_EAN13_MAX_MODULE;
	if (module < 2)
		return cause_set(cause, POS_EINVAL, "Barcode terlalu lebar "
		    "untuk kertas");
	if (p->native_ean13)
		rc = escpos_ean13_native(b, code, module,
		    ESCPOS_EAN13_HEIGHT);
	else
		rc = escpos_ean13_raster(b, code, module);
	if (rc == POS_EFULL)
		return cause_set(cause, rc, "Struk terlalu besar");
	return rc;
}

enum pos_rc
escpos_layout(struct buf *b, const struct layout *l,
    const struct escpos_profile *p, char **cause)
{
	const struct layout_line *line;
	size_t	 i;
	int	 align = 0, want, w, h, cw = 1, ch = 1;
	bool	 bold = false;
	enum pos_rc rc;

	if (l->failed != POS_OK || l->columns != p->columns) {
		buf_free(b);
		b->failed = 1;
		return cause_set(cause, POS_EINVAL,
		    "Struk %d kolom tidak cocok untuk printer %s", l->columns,
		    p->name);
	}
	escpos_init(b);
	for (i = 0; i < l->n; i++) {
		line = &l->lines[i];
		want = (line->flags & LAYOUT_CENTRE) ? 1 :
		    (line->flags & LAYOUT_RIGHT) ? 2 : 0;
		/* ESC a acts only at the start of a line: we are there. */
		if (want != align)
			escpos_align(b, align = want);
		/* A barcode's digits are plain text under it. */
		if (line->kind == LAYOUT_EAN13 && (bold || cw != 1 ||
		    ch != 1)) {
			if (bold)
				escpos_bold(b, bold = false);
			if (cw != 1 || ch != 1)
				escpos_size(b, cw = 1, ch = 1);
		}
		if (line->kind == LAYOUT_QR || line->kind == LAYOUT_EAN13) {
			rc = line->kind == LAYOUT_QR ? escpos_qr(b, line->text,
			    p, cause) : escpos_ean13(b, line->text, p, cause);
			if (rc != POS_OK) {
				buf_free(b);
				b->failed = 1;
				return rc;
			}
			continue;
		}
		if (((line->flags & LAYOUT_BOLD) != 0) != bold)
			escpos_bold(b, bold = !bold);
		w = (line->flags & LAYOUT_WIDE) ? 2 : 1;
		h = (line->flags & LAYOUT_TALL) ? 2 : 1;
		if (w != cw || h != ch) {
			escpos_size(b, w, h);
			cw = w;
			ch = h;
		}
		buf_addstr(b, line->text);
		buf_addbyte(b, '\n');
	}
	/* Leave the printer in its defaults for whoever prints next. */
	if (bold)
		escpos_bold(b, false);
	if (cw != 1 || ch != 1)
		escpos_size(b, 1, 1);
	if (align != 0)
		escpos_align(b, 0);
	escpos_feed(b, 4);
	escpos_cut(b, p);
	if (l->drawer)
		escpos_drawer(b, p);
	if (b->failed)
		return cause_set(cause, POS_EFULL, "Struk terlalu besar");
	return POS_OK;
}

enum pos_rc
escpos_document(const struct layout *l, const struct escpos_profile *p,
    char **out, size_t *lenp, char **cause)
{
	struct buf b;
	enum pos_rc rc;

	buf_init(&b, ESCPOS_BUF_MAX);
	rc = escpos_layout(&b, l, p, cause);
	if (rc == POS_OK && (*out = buf_take(&b, lenp)) == NULL)
		rc = cause_set(cause, POS_EFULL, "Struk terlalu besar");
	buf_free(&b);
	return rc;
}

enum pos_rc
escpos_receipt(const struct receipt *r, const struct escpos_profile *p,
    char **out, size_t *lenp, char **cause)
{
	struct layout l;
	enum pos_rc rc;

	layout_init(&l, p->columns);
	if ((rc = receipt_layout(r, &l, cause)) == POS_OK)
		rc = escpos_document(&l, p, out, lenp, cause);
	layout_free(&l);
	return rc;
}
