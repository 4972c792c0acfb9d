/* SPDX-License-Identifier: ISC */
/*
 * Receipts: a committed sale -> printable lines for a paper width (pure) ->
 * ESC/POS bytes in a bounded buffer (pure) -> a printer back-end chosen by
 * name. This is the only layer that emits ESC/POS or calls libqrencode. It
 * does no arithmetic of its own beyond checking that the numbers it is given
 * add up: totals, PPN and change come from the committed sale.
 *
 * Sectioned by source file, as tmux.h:
 *	layout.c	generic document lines (receipts, X/Z reports,
 *			consignment statements), wrapping, transliteration
 *	receipt.c	struct receipt -> layout (struk penjualan)
 *	label.c		struct label -> layout (label rak, label barang)
 *	escpos.c	printer profiles, layout/QR/cut/drawer -> bytes
 *	printer.c	back-ends by name: file:, none, dev:, tcp:, cups:
 */
#ifndef NTT_RECEIPTS_H
#define NTT_RECEIPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "types.h"
#include "util.h"

/* layout.c */

/*
 * A document is a list of lines already fitted to a number of columns
 * (Font A characters per line: 32 on 58 mm paper, 42 or 48 on 80 mm).
 * Text is printable ASCII only: every string that goes in is passed
 * through layout_ascii(), so a product name from the database can never
 * carry an ESC/POS command or a byte the printer's code page lacks.
 */
#define LAYOUT_MIN_COLUMNS	24
#define LAYOUT_MAX_COLUMNS	80
#define LAYOUT_MAX_LINES	4096	/* longer than this is a bug */

enum layout_kind {
	LAYOUT_TEXT = 0,	/* one printed line of text */
	LAYOUT_QR,		/* a QR symbol of text, centred */
	LAYOUT_EAN13,		/* an EAN-13 barcode and its digits, centred */
};

struct layout_line {
	enum layout_kind kind;
	int		 flags;
#define LAYOUT_CENTRE	0x01	/* centred (ESC a 1) */
#define LAYOUT_RIGHT	0x02	/* right aligned (ESC a 2) */
#define LAYOUT_BOLD	0x04	/* emphasized (ESC E 1) */
#define LAYOUT_TALL	0x08	/* double height (GS ! 0x01) */
#define LAYOUT_WIDE	0x10	/* double width (GS ! 0x10): columns/2 chars */
	char		*text;		/* owned; ASCII without trailing spaces,
					   at most the width; QR payload */
};

struct layout {
	int		 columns;	/* characters a line, normal width */
	struct layout_line *lines;	/* owned */
	size_t		 n;		/* lines used */
	size_t		 size;		/* lines allocated */
	bool		 drawer;	/* kick the drawer after printing */
	enum pos_rc	 failed;	/* first builder failure, or POS_OK;
					   when set, no lines are held */
};

/*
 * Sets up an empty layout for columns characters per line, from
 * LAYOUT_MIN_COLUMNS to LAYOUT_MAX_COLUMNS (any other width makes every
 * builder fail with POS_EINVAL). Cannot fail. Free with layout_free().
 */
void		 layout_init(struct layout *, int columns);
void		 layout_free(struct layout *);

/*
 * Builders. Like struct buf, a layout remembers the first failure: the
 * builder frees every line and returns POS_EFULL (more than
 * LAYOUT_MAX_LINES) or POS_EINVAL (bad columns), and so does every later
 * call, so a caller may check only the last one. flags are LAYOUT_*.
 *
 * layout_wrap: text (UTF-8, borrowed) word-wrapped to the width, on as many
 *   lines as it needs; '\n' forces a break. A word is cut only when it alone
 *   is longer than the width. With LAYOUT_WIDE the width is columns / 2.
 *   In left-aligned text, the leading spaces of a paragraph stay as the
 *   indent of its first line; elsewhere runs of spaces become one.
 * layout_lr: left text flush left and right text flush right on one line
 *   ("Subtotal        Rp170.000"). If both do not fit, left wraps and
 *   right goes on the last line of it, or on a line of its own.
 * layout_rule: a full-width line of c ('-', '=').
 * layout_blank: an empty line.
 * layout_qr: a QR symbol of text (printable ASCII, borrowed), centred;
 *   POS_EINVAL when text is empty or not printable ASCII.
 */
enum pos_rc	 layout_wrap(struct layout *, int flags, const char *text);
enum pos_rc	 layout_lr(struct layout *, int flags, const char *left,
		    const char *right);
enum pos_rc	 layout_rule(struct layout *, char c);
enum pos_rc	 layout_blank(struct layout *);
enum pos_rc	 layout_qr(struct layout *, const char *text);
/* An EAN-13 barcode of code, centred: POS_EINVAL unless 13 digits with
 * a right check digit. */
enum pos_rc	 layout_ean13(struct layout *, const char *code);

/*
 * The width in characters of a line with these flags: columns, or
 * columns / 2 with LAYOUT_WIDE.
 */
int		 layout_width(const struct layout *, int flags);

/*
 * The one transliteration for the printer: UTF-8 in, printable ASCII out
 * (newly allocated, caller frees). Latin letters lose their accents
 * ("Caf\xc3\xa9" -> "Cafe"), curly quotes become ' and ", dashes -, "...",
 * no-break and other spaces a space; tab and newline are kept; other
 * control bytes are dropped; anything else, and malformed UTF-8, becomes
 * '?'. s may be NULL (gives "").
 */
char		*layout_ascii(const char *s);

/*
 * A plain-text preview: one line per layout line, aligned with spaces as
 * the printer would, "[QR: text]" for a QR symbol, "[EAN-13: code]" for a
 * barcode. For screens, logs and
 * tests. Newly allocated, caller frees.
 */
char		*layout_text(const struct layout *);

/* receipt.c */

/* One sale line as committed. */
struct receipt_line {
	const char	*name;		/* product name, UTF-8; borrowed */
	int		 unit;		/* RECEIPT_PCS or RECEIPT_GRAMS */
#define RECEIPT_PCS	0		/* qty counts pieces */
#define RECEIPT_GRAMS	1		/* qty is grams, price per kg */
	int64_t		 qty;		/* pieces or grams, > 0 */
	int64_t		 price_rp;	/* per piece, or per kg; >= 0 */
	int64_t		 discount_rp;	/* line discount, >= 0 */
	int64_t		 total_rp;	/* qty x price - discount, rupiah */
	bool		 konsinyasi;	/* consigned (titip jual): marked *K */
};

/* One tender as committed. */
struct receipt_payment {
	const char	*method;	/* "Tunai", "QRIS", ...; borrowed */
	int64_t		 amount_rp;	/* received by this method, > 0 */
	const char	*ref;		/* RRN / approval code, or NULL */
	bool		 cash;		/* cash: the drawer opens for it */
};

/*
 * A receipt (struk) as the cashier fills it from a committed sale. Plain
 * data: every pointer is borrowed and must outlive receipt_layout(). Prices
 * include PPN (docs/retail.md §2: "Harga termasuk PPN 11%").
 */
struct receipt {
	const char	*outlet_name;	/* "NTT Mart Kupang" */
	const char	*outlet_address; /* may hold '\n'; NULL for none */
	const char	*npwp;		/* seller's NPWP as printed; PKP only */
	bool		 pkp;		/* Pengusaha Kena Pajak: NPWP, PPN */
	const char	*number;	/* "KPG01-K1-000123" */
	int64_t		 created_at_ms;	/* commit, Unix ms UTC; shown WITA */
	const char	*cashier;	/* cashier's name */

	const struct receipt_line *lines;
	size_t		 nlines;	/* >= 1 */

	int64_t		 subtotal_rp;	/* sum of line totals */
	int64_t		 discount_rp;	/* sale discount, >= 0 */
	int64_t		 ppn_rp;	/* PPN inside total; 0 unless pkp */
	int64_t		 rounding_rp;	/* cash rounding (Pembulatan), signed */
	int64_t		 total_rp;	/* subtotal - discount + rounding */

	const struct receipt_payment *payments;
	size_t		 npayments;	/* >= 1 */
	int64_t		 change_rp;	/* Kembalian: payments - total, >= 0 */

	const char	*footer;	/* "Terima kasih", '\n' ok; or NULL */
	const char	*qr_text;	/* verification QR, ASCII; or NULL */
	const char	*qr_caption;	/* one line above the QR, or NULL */
	bool		 duplicate;	/* a reprint: "DUPLIKAT", no drawer */
	int64_t		 reprinted_at_ms; /* duplicate: when, Unix ms; or 0 */
};

/*
 * A refund slip (nota retur): goods taken back from an earlier sale and
 * the money returned. Plain data; every pointer is borrowed. Amounts are
 * positive: what went back.
 */
struct refund_slip {
	const char	*outlet_name;
	const char	*outlet_address;	/* or NULL */
	const char	*number;	/* this refund, "KPG01-K1-000130" */
	const char	*ref_number;	/* the sale it refunds */
	int64_t		 created_at_ms;
	const char	*cashier;
	const struct receipt_line *lines;	/* total_rp: amount returned */
	size_t		 nlines;
	const struct receipt_payment *payments;	/* money paid back */
	size_t		 npayments;
	int64_t		 total_rp;
	const char	*qr_text;	/* verification code, or NULL */
	bool		 duplicate;	/* a reprint */
};
enum pos_rc	 refund_layout(const struct refund_slip *, struct layout *l,
		    char **cause);

/*
 * The printed name of a payment method code as stored in the ledger
 * ("cash" -> "Tunai", "qris" -> "QRIS", "debit" -> "Debit/EDC",
 * "transfer" -> "Transfer"; anything else as it is, borrowed).
 */
const char	*receipt_method_label(const char *code);

/*
 * Lays out r for columns characters per line (32, 42, 48) into l, which
 * must be freshly initialised with layout_init(l, columns). Pure. Checks
 * that r adds up (each line: qty x price - discount = total, weighed lines
 * by money_weighed(); lines sum to the subtotal; subtotal - discount +
 * rounding = total; payments - change = total; no PPN unless pkp; NPWP
 * when pkp) and refuses to print a receipt that does not.
 * l->drawer is set when a payment is cash and the receipt is not a
 * duplicate. On failure returns POS_EINVAL (bad receipt; *cause says what,
 * in Bahasa Indonesia) or POS_EFULL, and l is left empty. cause may be
 * NULL; the caller frees *cause.
 */
enum pos_rc	 receipt_layout(const struct receipt *r, struct layout *l,
		    char **cause);

/* label.c */

struct escpos_profile;

/*
 * A shelf or product label for goods the outlet numbers itself (docs/
 * receipts.md §Labels). Plain data; every pointer is borrowed.
 */
enum label_kind {
	LABEL_SHELF = 0,	/* label rak: the price large, on the shelf */
	LABEL_ITEM,		/* label barang: on the goods, compact */
};
struct label {
	enum label_kind	 kind;
	const char	*name;		/* product name, UTF-8 */
	int64_t		 price_rp;	/* per piece, or per kg when per_kg */
	bool		 per_kg;	/* weighed goods: "/kg" */
	const char	*producer;	/* producer's name, or NULL */
	const char	*kabupaten;	/* of origin, or NULL */
	const char	*sku;		/* printed small, or NULL */
	const char	*barcode;	/* EAN-13; NULL only on a shelf label
					   of weighed goods (PLU instead) */
	const char	*plu;		/* weighed goods, or NULL */
};
/* The strings a label kind is called by: "rak", "barang". */
const char	*label_kind_name(enum label_kind);
bool		 label_kind_parse(const char *, enum label_kind *);
/*
 * Lays out lb into l (fresh from layout_init). POS_EINVAL with *cause
 * when it cannot be a label: no name, a price not above 0, a barcode that
 * is not a valid EAN-13, a product label without a barcode.
 */
enum pos_rc	 label_layout(const struct label *lb, struct layout *l,
		    char **cause);
/* label_layout() + escpos_layout(): one label's bytes, *out the caller's. */
enum pos_rc	 escpos_label(const struct label *lb,
		    const struct escpos_profile *p, char **out, size_t *lenp,
		    char **cause);

/* report.c */

/* Money through one payment method in a period. */
struct report_method {
	const char	*label;		/* "Tunai", "QRIS"; borrowed */
	int64_t		 in_rp;		/* paid in by customers */
	int64_t		 out_rp;	/* change and refunds paid out */
};

/*
 * An X report (a look at the day so far) or a Z report (the day closed),
 * as plain data; every pointer is borrowed. Amounts in whole rupiah.
 */
struct day_report_more;
struct day_report {
	bool		 z;		/* Z: the closure; X: a look */
	const char	*outlet_name;
	const char	*device_id;
	const char	*day;		/* business day "YYYY-MM-DD" */
	int64_t		 printed_at_ms;
	int64_t		 first_seq, last_seq;	/* entries covered, 0 if none */
	int64_t		 n_sales, sales_rp;
	int64_t		 n_refunds, refunds_rp;
	int64_t		 n_items, disc_rp;
	bool		 pkp;
	int64_t		 ppn_rp;	/* shown only when pkp */
	const struct report_method *methods;
	size_t		 nmethods;
	int64_t		 cash_expected_rp;	/* cash in - cash out */
	int64_t		 consign_rp;	/* owed to producers */
	int64_t		 own_rp;	/* the outlet's part */
	int64_t		 grand_total_rp;	/* Z: perpetual net sales */
	const char	*closed_by;	/* Z: who closed the day, or NULL */
	/* Lots to return or past their dates, one line each; borrowed. */
	const char *const *lots_due;
	size_t		 nlots_due;
	/* Shifts, the drawer, QRIS, sync (report-shift.c), or NULL. */
	const struct day_report_more *more;
};
/* Lines shared by the reports: label and money, label and count, the
 * outlet, the title and when it was printed. */
void		 report_lr_rp(struct layout *, int flags, const char *label,
		    int64_t rp);
void		 report_lr_int(struct layout *, const char *label, int64_t n);
void		 report_header(struct layout *, const char *outlet,
		    const char *title, int64_t printed_at_ms);
/* Lays out an X or Z report into l (fresh from layout_init). */
enum pos_rc	 report_day_layout(const struct day_report *,
		    struct layout *l, char **cause);

/* report-shift.c: shifts, the day's drawer, months, sales reports. */

/* One shift's close as the day saw it. */
struct report_shift_row {
	const char	*cashier;	/* borrowed */
	int64_t		 expected_rp, counted_rp;
	int64_t		 diff_rp;	/* over > 0, short < 0 */
	bool		 approved;	/* past the limit and approved */
	bool		 needs_approval;
};
/* A QRIS payment, not yet matched against the bank. */
struct report_qris {
	int64_t		 seq;		/* the sale */
	const char	*ref;		/* borrowed; may be "" */
	int64_t		 amount_rp;
};
/* What the day's X and Z say beyond sales (the day's drawer, R2.5). */
struct day_report_more {
	int64_t		 n_shifts, modal_rp;
	int64_t		 n_cash_in, cash_in_rp;
	int64_t		 n_cash_out, cash_out_rp;
	int64_t		 n_voids, voids_rp;
	int64_t		 n_cancels, cancels_rp;
	const struct report_shift_row *shifts;
	size_t		 nshifts;
	int64_t		 over_short_rp;		/* sum of the shifts' diffs */
	const struct report_qris *qris;	/* Z only: listed */
	size_t		 nqris;
	int64_t		 qris_rp;
	bool		 sync;			/* Z: the sync state below */
	int64_t		 sync_pending;		/* entries not acknowledged */
	int64_t		 sync_acked_seq;
	int64_t		 sync_days;		/* since the last ack; -1 never */
};
/* The day's drawer and the rest, into an X or Z (report_day_layout). */
void		 report_more_layout(const struct day_report_more *, bool z,
		    struct layout *l);

/* A cashier's shift: its X (a look) or its close (the count). */
struct shift_paper_method {
	const char	*label;		/* "QRIS"; borrowed */
	int64_t		 expected_rp;	/* net taken */
	int64_t		 counted_rp;	/* close: the total typed */
};
struct shift_paper {
	const char	*outlet_name, *device_id, *cashier;
	int64_t		 opened_at_ms, printed_at_ms;
	bool		 closed;
	const char	*closed_by;	/* close: who closed it */
	int64_t		 n_sales, sales_rp, n_refunds, refunds_rp;
	int64_t		 modal_rp, cash_paid_rp, change_rp, cash_refund_rp;
	int64_t		 cash_in_rp, cash_out_rp, expected_cash_rp;
	int64_t		 counted_cash_rp, diff_rp;	/* close only */
	bool		 needs_approval;	/* close: past the limit */
	const struct shift_paper_method *methods;
	size_t		 nmethods;
	const char	*note;		/* close: the cashier's, or NULL */
};
enum pos_rc	 shift_paper_layout(const struct shift_paper *,
		    struct layout *l, char **cause);

/* A month closed: its days summed (R2.5). */
struct month_paper {
	const char	*outlet_name, *device_id, *month;
	const char	*first_day, *last_day;
	int64_t		 printed_at_ms;
	int64_t		 n_days, n_sales, sales_rp, n_refunds, refunds_rp;
	int64_t		 ppn_rp, disc_rp, consign_rp;
	int64_t		 cash_in_rp, cash_out_rp, over_short_rp;
	int64_t		 grand_total_rp;
	bool		 pkp;
	const struct report_method *methods;	/* in_rp: net */
	size_t		 nmethods;
	const char	*closed_by;
};
enum pos_rc	 month_paper_layout(const struct month_paper *,
		    struct layout *l, char **cause);

/* Sales over a period by one key. */
struct sales_paper_row {
	const char	*key, *name;	/* borrowed */
	int64_t		 qty, amount_rp;
};
struct sales_paper {
	const char	*outlet_name, *title, *from_day, *to_day;
	int64_t		 printed_at_ms;
	bool		 grams;		/* never: qty is a count */
	const struct sales_paper_row *rows;
	size_t		 nrows;
	int64_t		 total_rp;
};
enum pos_rc	 sales_paper_layout(const struct sales_paper *,
		    struct layout *l, char **cause);

/*
 * One product and lot of a producer's statement; rows of one product
 * follow each other, its first row with first set.
 */
struct consign_row {
	const char	*name;		/* borrowed */
	const char	*lot;		/* "" for goods of no lot; borrowed */
	bool		 first;		/* the first row of its product */
	bool		 grams;		/* quantities in grams */
	int64_t		 received, taken_back;	/* goods in and back */
	int64_t		 adjusted;	/* stock counts */
	int64_t		 sold, returned;	/* by customers */
	int64_t		 amount_rp;	/* sales less refunds */
	int64_t		 share_rp;	/* owed to the producer */
};
/* A consignment statement (nota konsinyasi) for one producer. */
struct consign_statement {
	const char	*outlet_name;
	const char	*supplier_code, *supplier_name, *bank;
	const char	*from_day, *to_day;
	int64_t		 printed_at_ms;
	const struct consign_row *rows;
	size_t		 nrows;
	int64_t		 amount_rp;	/* sum of rows */
	int64_t		 share_rp;	/* sum of rows: to pay the producer */
	int64_t		 carried_rp;	/* of it: refunds of earlier sales */
	int64_t		 prev_n, prev_paid_rp;	/* settled before */
	const char	*prev_to;	/* the last day settled before, or "" */
	/* A settlement's statement: how it was paid; NULL for a look. */
	const char	*method;	/* "cash" or "transfer" */
	const char	*reference;
	const char	*number;	/* the settlement's entry number */
	bool		 copy;		/* a reprint: SALINAN */
};
enum pos_rc	 report_consign_layout(const struct consign_statement *,
		    struct layout *l, char **cause);

/* note.c: papers of lots for a producer to sign (docs/receipts.md). */

/* One line of a note: a lot received, returned or counted. */
struct note_line {
	const char	*name;		/* product, borrowed */
	const char	*lot;		/* lot code, "" for none */
	bool		 grams;		/* qty in grams */
	int64_t		 qty;		/* received, returned, or the variance */
	int64_t		 counted;	/* a count: what was found */
	bool		 count;		/* a count line: counted and variance */
	const char	*terms;		/* "komisi 20%", "" */
	const char	*dates;		/* "baik sebelum 2026-12-01", "" */
};
struct lot_note {
	const char	*outlet_name;
	const char	*title;		/* "TANDA TERIMA TITIPAN" */
	const char	*number;	/* the entry's number */
	const char	*day;		/* business day */
	int64_t		 at_ms;		/* when it was written */
	const char	*supplier_code, *supplier_name;	/* or NULL */
	const char	*author;	/* who wrote it */
	const char	*approver;	/* or NULL */
	const char	*extra;		/* "Kembali paling lambat ...", NULL */
	const struct note_line *lines;
	size_t		 nlines;
	bool		 producer_signs;	/* a second signature */
};
enum pos_rc	 note_layout(const struct lot_note *, struct layout *l,
		    char **cause);

/* escpos.c */

/* What a printer model can do; chosen by name from a fixed table. */
struct escpos_profile {
	const char	*name;		/* "58", "80", "80-noqr", "80-42" */
	int		 columns;	/* Font A (12 dots) chars a line */
	int		 dots;		/* printable dots per line */
	bool		 has_cutter;	/* GS V 66 0 after the feed */
	bool		 native_qr;	/* GS ( k; otherwise raster GS v 0 */
	bool		 has_drawer;	/* a drawer is wired to pin 2 */
	uint8_t		 drawer_on;	/* ESC p t1, 2 ms units */
	uint8_t		 drawer_off;	/* ESC p t2, 2 ms units, >= 4 x on */
	bool		 native_ean13;	/* GS k 67; otherwise raster GS v 0 */
};

/* Every profile, NULL-name terminated, for menus and help. */
extern const struct escpos_profile escpos_profiles[];

/* The profile with this name, or NULL. Borrowed from a static table. */
const struct escpos_profile *escpos_profile_find(const char *name);

/* The cap on one document's bytes (docs/STYLE.md §Bounded buffers). */
#define ESCPOS_BUF_MAX		(64 * 1024)
/* Largest QR module, in dots; smaller when the symbol would not fit. */
#define ESCPOS_QR_MAX_MODULE	6
/* EAN-13: largest module in dots, bar height in dots (about 12 mm). */
#define ESCPOS_EAN13_MAX_MODULE	3
#define ESCPOS_EAN13_HEIGHT	96
/* Rows per GS v 0 command; taller images are sent in slices. */
#define ESCPOS_RASTER_MAX_ROWS	960

/*
 * Encoders: each appends to b (initialise it with buf_init(b,
 * ESCPOS_BUF_MAX)) and returns POS_OK, or POS_EFULL once b hit its cap (b
 * then holds nothing and every later append fails), or POS_EINVAL for bad
 * arguments. Bytes follow docs/escpos.md.
 *
 * escpos_init: ESC @, ESC t 0 (PC437).
 * escpos_align: ESC a n, n = 0 left, 1 centre, 2 right.
 * escpos_bold: ESC E n.
 * escpos_size: GS ! n for width and height multipliers 1..8.
 * escpos_feed: ESC d n.
 * escpos_cut: feed to the cutter and cut partially (GS V 66 0); nothing
 *   when the profile has no cutter.
 * escpos_drawer: ESC p 0 t1 t2 with the profile's timing, OFF forced to at
 *   least 4 x ON (ON / (ON + OFF) <= 0.2); nothing without a drawer.
 * escpos_qr_native: GS ( k model 2, module size, EC ecc ('0' L, '1' M,
 *   '2' Q, '3' H), store, print. data is 1..7089 bytes.
 * escpos_raster: GS v 0 of a width x height 1-bit image, rows of
 *   (width + 7) / 8 bytes, MSB leftmost, 1 = black; in slices of at most
 *   ESCPOS_RASTER_MAX_ROWS rows.
 * escpos_qr: the QR for text at EC M, natively (between two blank lines)
 *   or as a raster image as the profile says, with the largest module up
 *   to ESCPOS_QR_MAX_MODULE that fits the paper with a 4-module quiet
 *   zone. POS_EINVAL (*cause set) when text is not printable ASCII or
 *   does not fit the paper.
 * escpos_ean13_native: GS H 2 (digits below), GS f 0, GS h height,
 *   GS w module, GS k 67 13 digits (docs/escpos.md §3a). code must be a
 *   valid EAN-13.
 * escpos_ean13: the barcode of code, natively or as a raster image with
 *   its quiet zones and the digits as a text line under it, as the
 *   profile says, with the largest module up to ESCPOS_EAN13_MAX_MODULE
 *   that fits the paper. POS_EINVAL (*cause set) for a bad code.
 */
enum pos_rc	 escpos_init(struct buf *);
enum pos_rc	 escpos_align(struct buf *, int n);
enum pos_rc	 escpos_bold(struct buf *, bool on);
enum pos_rc	 escpos_size(struct buf *, int width, int height);
enum pos_rc	 escpos_feed(struct buf *, int lines);
enum pos_rc	 escpos_cut(struct buf *, const struct escpos_profile *);
enum pos_rc	 escpos_drawer(struct buf *, const struct escpos_profile *);
enum pos_rc	 escpos_qr_native(struct buf *, const char *data, size_t len,
		    int module, char ecc);
enum pos_rc	 escpos_raster(struct buf *, const uint8_t *bits, int width,
		    int height);
enum pos_rc	 escpos_qr(struct buf *, const char *text,
		    const struct escpos_profile *, char **cause);
enum pos_rc	 escpos_ean13_native(struct buf *, const char *code,
		    int module, int height);
enum pos_rc	 escpos_ean13(struct buf *, const char *code,
		    const struct escpos_profile *, char **cause);

/*
 * A whole document: init, every line with its alignment and style, a
 * 4-line feed, the cut (if any), then the drawer kick if l->drawer and
 * the profile has a drawer. l must be laid out for p->columns. On failure
 * returns POS_EINVAL or POS_EFULL with *cause set (cause may be NULL), and
 * b is left failed.
 */
enum pos_rc	 escpos_layout(struct buf *b, const struct layout *l,
		    const struct escpos_profile *p, char **cause);

/*
 * escpos_layout() of l into a new buffer: on success *out (caller frees)
 * holds *lenp bytes. Fails as escpos_layout does.
 */
enum pos_rc	 escpos_document(const struct layout *l,
		    const struct escpos_profile *p, char **out, size_t *lenp,
		    char **cause);

/*
 * receipt_layout() + escpos_layout() into a new buffer: on success *out
 * (caller frees) holds *lenp bytes. Fails as those two do.
 */
enum pos_rc	 escpos_receipt(const struct receipt *r,
		    const struct escpos_profile *p, char **out, size_t *lenp,
		    char **cause);

/* printer.c */

/*
 * A printer opened from a name:
 *	file:PATH		append to PATH and fsync (demo, archive, tests)
 *	none			discard everything
 *	dev:PATH[@BAUD]		a device file: /dev/usb/lp0, or a serial port
 *				(/dev/ttyUSB0@9600, raw 8N1)
 *	tcp:HOST[:PORT]		raw TCP, port 9100 by default
 *	cups:QUEUE		`lp -d QUEUE -o raw`, one job per write
 * Opaque; defined in printer-int.h.
 */
struct printer;

/* What the printer says about itself. */
enum printer_state {
	PRINTER_UNKNOWN = 0,	/* back-end cannot ask, or no answer */
	PRINTER_READY,
	PRINTER_PAPER_LOW,	/* near-end sensor: still prints */
	PRINTER_PAPER_OUT,
	PRINTER_OFFLINE,	/* cover open, error, or paper out */
};

/* Timeouts, in milliseconds. */
#define PRINTER_CONNECT_MS	3000	/* tcp: connect */
#define PRINTER_WRITE_MS	10000	/* no progress writing: give up */
#define PRINTER_STATUS_MS	500	/* DLE EOT: wait for each answer */
#define PRINTER_CUPS_MS		15000	/* lp: spool the job */

/*
 * Opens the printer named by spec. On success sets *out (close with
 * printer_close()). On failure returns POS_EINVAL (unknown back-end or bad
 * name) or POS_EIO (cannot reach it), with *cause a short Bahasa Indonesia
 * reason such as "Printer tidak tersambung" (caller frees; cause may be
 * NULL).
 */
enum pos_rc	 printer_open(const char *spec, struct printer **out,
		    char **cause);
/* Whether spec names a back-end, with an address where it needs one. */
enum pos_rc	 printer_check(const char *spec, char **cause);
void		 printer_close(struct printer *);	/* NULL is a no-op */

/* The back-end name ("file", "none", "dev", "tcp", "cups"). Borrowed. */
const char	*printer_backend(const struct printer *);

/*
 * Sends len bytes of one document. All or nothing is not possible on a
 * printer: on failure the document may be partly printed, and the caller
 * (not this layer) decides whether to print it again, as a DUPLIKAT.
 * Never retries by itself. Returns POS_EIO with *cause on failure.
 */
enum pos_rc	 printer_write(struct printer *, const void *, size_t,
		    char **cause);

/*
 * Asks the printer (DLE EOT 1 and 4, on dev: and tcp:) and sets *state;
 * PRINTER_UNKNOWN where the back-end cannot ask or nothing answers. Returns
 * POS_EIO with *cause only when the connection itself failed.
 */
enum pos_rc	 printer_status(struct printer *, enum printer_state *state,
		    char **cause);

/*
 * printer_status() then printer_write(): refuses (POS_EIO, "Kertas habis",
 * "Printer offline") when the printer says it cannot print, and prints
 * when the state is ready, low or unknown.
 */
enum pos_rc	 printer_print(struct printer *, const void *, size_t,
		    char **cause);

/* The state for the cashier: "Siap", "Kertas habis", ... Static. */
const char	*printer_state_text(enum printer_state);

#endif
