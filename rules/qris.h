/* SPDX-License-Identifier: ISC */
/*
 * QRIS merchant-presented payloads (docs/qris.md): a strict EMV TLV parser,
 * the CRC-16 of tag 63, and the static -> dynamic conversion the till does
 * for every QRIS tender. Pure string work: no QR image and no I/O here.
 *
 * Decisions where our sources are silent (docs/qris.md §1):
 *  - Leading and trailing whitespace (space, tab, CR, LF) is ignored, as
 *    scanners and clipboards add it (docs/qris.md §1); anything else outside
 *    printable ASCII 0x20-0x7e is refused. Lengths count bytes.
 *  - A length of "00" is refused: EMV data objects hold 01-99 characters.
 *  - An ID present twice under the root or inside a template is refused
 *    (spec 4.3.1.2), so "the" tag 01, 54 or 58 is never ambiguous.
 *  - Templates 26-51, 62 and 64 must themselves be well-formed TLV
 *    (docs/qris.md §1); 02-25 and 65-99 are kept as opaque values.
 *  - The input CRC may be written in upper or lower case; ours is always
 *    4 upper-case hex digits.
 */
#ifndef NTT_QRIS_H
#define NTT_QRIS_H

#include <stdint.h>

#include "types.h"

/* Spec 4.1: a payload is at most 512 characters, in and out. */
#define QRIS_MAX_LEN		512
/* PADG 24/1/PADG/2022: at most Rp10.000.000 a transaction (docs/qris.md §8). */
#define QRIS_MAX_AMOUNT_RP	INT64_C(10000000)

/* One data object: ID, value and, for a template, its nested objects. */
struct qris_tag {
	int		 id;		/* 0-99, from the 2-digit ID */
	char		*value;		/* owned, NUL-terminated */
	size_t		 len;		/* bytes in value, 1-99 */
	struct qris_tag	*subs;		/* owned; templates 26-51, 62, 64 */
	size_t		 nsubs;		/* 0 for primitive objects */
};

/* A parsed payload: every root object in payload order, 63 last. */
struct qris {
	struct qris_tag	*tags;		/* owned */
	size_t		 ntags;
};

/*
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xffff, no reflection, xorout 0)
 * over len bytes of s, as tag 63 uses (docs/qris.md §5).
 * qris_crc16("123456789", 9) is 0x29b1.
 */
uint16_t	 qris_crc16(const char *s, size_t len);

/*
 * Parses a NUL-terminated payload strictly: 2-digit IDs and lengths,
 * values within bounds, tag 00 first with value "01", tag 63 last with
 * 4 hex digits that match the CRC of everything before them. Keeps every
 * object, known or not, in payload order. It does not check which tags a
 * QRIS must carry; qris_dynamic() does that.
 * On success sets *out (free with qris_free()). On failure returns
 * POS_EINVAL and sets *cause (allocated, caller frees; cause may be NULL)
 * to a short reason in Bahasa Indonesia, e.g. "QRIS rusak: CRC tidak
 * cocok"; *out is left untouched.
 */
enum pos_rc	 qris_parse(const char *payload, struct qris **out,
		    char **cause);
void		 qris_free(struct qris *);	/* NULL is a no-op */

/*
 * The root object with this ID, or the nested object sub_id inside the
 * template tmpl; NULL when absent. Borrowed: valid until qris_free().
 */
const struct qris_tag	*qris_find(const struct qris *, int id);
const struct qris_tag	*qris_find_sub(const struct qris_tag *tmpl,
			    int sub_id);

/*
 * For the cashier's screen: merchant name (59), merchant city (60) and
 * NMID (51 sub 02), or NULL when absent. Borrowed until qris_free().
 */
const char	*qris_merchant_name(const struct qris *);
const char	*qris_merchant_city(const struct qris *);
const char	*qris_nmid(const struct qris *);

/*
 * Turns the shop's static QRIS into a dynamic one for amount_rp whole
 * rupiah, 1 to QRIS_MAX_AMOUNT_RP (docs/qris.md §6):
 *  - the input must parse (qris_parse()) and be a national QRIS: 51 with
 *    sub 00 "ID.CO.QRIS.WWW", 52, 53 = "360", 58 = "ID", 59, 60 and 61;
 *  - tag 01 becomes "12" in place; if 01 is absent, "010212" goes right
 *    after 00;
 *  - tags 54, 55, 56 and 57 of the input are dropped; tip and convenience
 *    fees are never emitted, because the MDR must not be surcharged to the
 *    customer (docs/qris.md §8);
 *  - the amount goes in a new 54 immediately before 58, as plain digits
 *    ("25000"), which matches the vectors D1-D3 of docs/qris.md §7 byte
 *    for byte;
 *  - every other object, unknown ones included, is copied unchanged in
 *    its original position; a new 63 is computed.
 * An already-dynamic input (01 = "12") is refused, not re-priced: a
 * dynamic QR is issued by the acquirer for one transaction and may carry
 * its reference in 62, so re-pricing it would forge a QR the acquirer
 * never issued. The till always converts the shop's static QR (01 = "11"
 * or absent).
 * On success sets *out_payload (allocated, caller frees). On failure
 * returns POS_EINVAL with a reason in *cause (allocated, caller frees;
 * cause may be NULL) and leaves *out_payload untouched.
 */
enum pos_rc	 qris_dynamic(const char *static_payload, int64_t amount_rp,
		    char **out_payload, char **cause);

#endif
