/* SPDX-License-Identifier: ISC */
/*
 * QRIS parser, CRC and static -> dynamic conversion (rules/qris.c)
 * against docs/qris.md §7 byte for byte, plus every way a payload can be
 * bad. Vectors marked "ours" come from an independent Python model of
 * docs/qris.md §6; they are regression vectors, not external evidence.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qris.h"
#include "util.h"

/* V1: verssache/qris-dinamis qris.php line 3 (docs/qris.md §7). */
static const char V1[] =
    "00020101021126570011ID.DANA.WWW01189360091530225914810209022"
    "5914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UM"
    "I5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Dem"
    "ak610559567630458C7";

/* V2: jibrilhp/dynamic-qris run-qris-generator.py; has 62 07 0703A01. */
static const char V2[] =
    "00020101021126620013ID.FINPAY.WWW01189360077732408206950212F"
    "M24082006950303UKE51440014ID.CO.QRIS.WWW0215ID10243396247500"
    "303UKE5204581253033605802ID5921FIFTYPLUSONE CULINARY6006BEKA"
    "SI61051743262070703A016304F7AD";

/* V3: purnama/spring-qris tests; 62 14 0103***0703A01. */
static const char V3[] =
    "00020101021126630014ID.SPINPAY.WWW01189360081634310006240212"
    "1314310006240303UMI51440014ID.CO.QRIS.WWW0215ID1020038431489"
    "0303UMI5204839853033605802ID5904SPIN6013Jakarta Pusat6105103"
    "4062140103***0703A0163045CDD";

/* V4: purnama/spring-qris contextLoads(), static DOKU. */
static const char V4[] =
    "00020101021126530012COM.DOKU.WWW0118936008990000002475020424"
    "750303URE51440014ID.CO.QRIS.WWW0215ID10200392934820303URE520"
    "4539953033605802ID5911GUREUM SHOP6013JAKARTA PUSAT6105106406"
    "2070703A016304455C";

/* D1: V1 at Rp25.000 (docs/qris.md §7), 208 chars. */
static const char D1[] =
    "00020101021226570011ID.DANA.WWW01189360091530225914810209022"
    "5914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UM"
    "I5204581253033605405250005802ID5922Warung Sayur Bu Sugeng601"
    "0Kab. Demak610559567630468D5";

/* D2: V1 at Rp1.000. */
static const char D2[] =
    "00020101021226570011ID.DANA.WWW01189360091530225914810209022"
    "5914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UM"
    "I520458125303360540410005802ID5922Warung Sayur Bu Sugeng6010"
    "Kab. Demak6105595676304C45F";

/* D3: V1 at Rp150.000. */
static const char D3[] =
    "00020101021226570011ID.DANA.WWW01189360091530225914810209022"
    "5914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UM"
    "I52045812530336054061500005802ID5922Warung Sayur Bu Sugeng60"
    "10Kab. Demak61055956763049CAF";

/* Ours, from an independent Python model: V1 at Rp12, CRC 0C8E. */
static const char V1_12[] =
    "00020101021226570011ID.DANA.WWW01189360091530225914810209022"
    "5914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UM"
    "I5204581253033605402125802ID5922Warung Sayur Bu Sugeng6010Ka"
    "b. Demak61055956763040C8E";

/* Ours: V1 at Rp285, CRC 00F2 (two leading zeros). */
static const char V1_285[] =
    "00020101021226570011ID.DANA.WWW01189360091530225914810209022"
    "5914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UM"
    "I52045812530336054032855802ID5922Warung Sayur Bu Sugeng6010K"
    "ab. Demak610559567630400F2";

/* Ours: V2 at Rp5.000; 62 stays after 61. */
static const char V2_5000[] =
    "00020101021226620013ID.FINPAY.WWW01189360077732408206950212F"
    "M24082006950303UKE51440014ID.CO.QRIS.WWW0215ID10243396247500"
    "303UKE520458125303360540450005802ID5921FIFTYPLUSONE CULINARY"
    "6006BEKASI61051743262070703A016304F8C8";

/* Ours: V3 at Rp1, the smallest amount. */
static const char V3_1[] =
    "00020101021226630014ID.SPINPAY.WWW01189360081634310006240212"
    "1314310006240303UMI51440014ID.CO.QRIS.WWW0215ID1020038431489"
    "0303UMI520483985303360540115802ID5904SPIN6013Jakarta Pusat61"
    "051034062140103***0703A016304B6D1";

/* Ours: V4 at Rp10.000.000, the PADG cap. */
static const char V4_MAX[] =
    "00020101021226530012COM.DOKU.WWW0118936008990000002475020424"
    "750303URE51440014ID.CO.QRIS.WWW0215ID10200392934820303URE520"
    "4539953033605408100000005802ID5911GUREUM SHOP6013JAKARTA PUS"
    "AT61051064062070703A016304B799";

/* V1 with 55 02 02 and 56 04 1000 before 58: a fixed fee. */
static const char IN55[] =
    "00020101021126570011ID.DANA.WWW01189360091530225914810209022"
    "5914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UM"
    "I520458125303360550202560410005802ID5922Warung Sayur Bu Suge"
    "ng6010Kab. Demak61055956763040E43";

/* V1 with 54 04 9999, 55 02 01 and 57 03 5.0 before 58. */
static const char IN54[] =
    "00020101021126570011ID.DANA.WWW01189360091530225914810209022"
    "5914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UM"
    "I5204581253033605404999955020157035.05802ID5922Warung Sayur "
    "Bu Sugeng6010Kab. Demak6105595676304CA5E";

/* V1 without tag 01. */
static const char NO01[] =
    "00020126570011ID.DANA.WWW01189360091530225914810209022591481"
    "0303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI52045"
    "81253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak6105"
    "595676304D094";

/* V1 with unknown 04 (opaque), 65, 80 and 99 objects. */
static const char UNK[] =
    "00020101021126570011ID.DANA.WWW01189360091530225914810209022"
    "5914810303UMI0416AB12CD34EF56GH7851440014ID.CO.QRIS.WWW0215I"
    "D10200176114730303UMI5204581253033605802ID5922Warung Sayur B"
    "u Sugeng6010Kab. Demak6105595676504RFU18012ABCDEFGHIJKL9903x"
    "yz63047C55";

/* UNK at Rp25.000: the unknown objects stay in place. */
static const char UNK_DYN[] =
    "00020101021226570011ID.DANA.WWW01189360091530225914810209022"
    "5914810303UMI0416AB12CD34EF56GH7851440014ID.CO.QRIS.WWW0215I"
    "D10200176114730303UMI5204581253033605405250005802ID5922Warun"
    "g Sayur Bu Sugeng6010Kab. Demak6105595676504RFU18012ABCDEFGH"
    "IJKL9903xyz63044E3B";

/* V3 reordered as acquirers do: 62 59 60 61 51 26 53 52 58. */
static const char OOO[] =
    "00020101021162140103***0703A015904SPIN6013Jakarta Pusat61051"
    "034051440014ID.CO.QRIS.WWW0215ID10200384314890303UMI26630014"
    "ID.SPINPAY.WWW011893600816343100062402121314310006240303UMI5"
    "303360520483985802ID6304B976";

/* OOO at Rp7.500: order kept, 54 right before 58. */
static const char OOO_DYN[] =
    "00020101021262140103***0703A015904SPIN6013Jakarta Pusat61051"
    "034051440014ID.CO.QRIS.WWW0215ID10200384314890303UMI26630014"
    "ID.SPINPAY.WWW011893600816343100062402121314310006240303UMI5"
    "30336052048398540475005802ID6304870D";

/* s with the first from replaced by to; from must occur. Caller frees. */
static char *
subst(const char *s, const char *from, const char *to)
{
	const char	*p = strstr(s, from);

	if (p == NULL) {
		fprintf(stderr, "subst: \"%s\" not in vector\n", from);
		exit(2);
	}
	return xasprintf("%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
}

/* body + "6304" + its CRC: a well-formed ending for a crafted payload. */
static char *
with_crc(const char *body)
{
	char	*s, *r;

	s = xasprintf("%s6304", body);
	r = xasprintf("%s%04X", s, qris_crc16(s, strlen(s)));
	free(s);
	return r;
}

/* A vector without its "6304XXXX". Caller frees. */
static char *
body_of(const char *v)
{
	return xstrndup(v, strlen(v) - 8);
}

/*
 * V1 grown to exactly total characters with opaque objects 80, 81 ...
 * before its CRC. Caller frees.
 */
static char *
padded(size_t total)
{
	struct buf	 b;
	char		*body, *s;
	size_t		 r, n;
	int		 id = 80;

	body = xstrndup(V1, strlen(V1) - 8);
	buf_init(&b, 1024);
	buf_addstr(&b, body);
	for (r = total - 8 - strlen(body); r > 0; r -= n) {
		/* Each object takes 5-103 characters; never leave 1-4. */
		n = r > 103 ? 103 : r;
		if (r - n > 0 && r - n < 5)
			n = r - 5;
		buf_printf(&b, "%d%02zu%0*d", id++, n - 4, (int)(n - 4), 0);
	}
	free(body);
	body = buf_take(&b, NULL);
	s = with_crc(body);
	free(body);
	return s;
}

/*
 * The cause of a refused parse, or "(diterima)" if it was accepted, or a
 * marker if the failure broke the contract (rc, *out or cause). Caller
 * frees.
 */
static char *
parse_cause(const char *payload)
{
	struct qris	*q = NULL;
	char		*cause = NULL;
	enum pos_rc	 rc;

	rc = qris_parse(payload, &q, &cause);
	if (rc == POS_OK) {
		qris_free(q);
		free(cause);
		return xstrdup("(diterima)");
	}
	if (rc != POS_EINVAL || q != NULL || cause == NULL) {
		free(cause);
		return xasprintf("(rc %d, out %s, cause missing)", (int)rc,
		    q != NULL ? "set" : "untouched");
	}
	return cause;
}

/* As parse_cause() for qris_dynamic(); *out_payload must stay put. */
static char *
dyn_cause(const char *payload, int64_t amount_rp)
{
	char	 sentinel[] = "untouched";
	char	*out = sentinel, *cause = NULL;
	enum pos_rc rc;

	rc = qris_dynamic(payload, amount_rp, &out, &cause);
	if (rc == POS_OK) {
		free(out);
		free(cause);
		return xstrdup("(diterima)");
	}
	if (rc != POS_EINVAL || out != sentinel || cause == NULL) {
		free(cause);
		return xasprintf("(rc %d, out %s, cause missing)", (int)rc,
		    out != sentinel ? "changed" : "untouched");
	}
	return cause;
}

/* The converted payload, or "(ditolak: cause)". Caller frees. */
static char *
dyn(const char *payload, int64_t amount_rp)
{
	char	*out = NULL, *cause = NULL, *r;

	if (qris_dynamic(payload, amount_rp, &out, &cause) == POS_OK) {
		free(cause);
		return out;
	}
	r = xasprintf("(ditolak: %s)", cause != NULL ? cause : "?");
	free(cause);
	return r;
}

#define CHECK_PARSE_FAILS(payload, want) do {				\
	char *check_c = parse_cause(payload);				\
	CHECK_STR(check_c, want);					\
	free(check_c);							\
} while (0)

#define CHECK_DYN_FAILS(payload, amount_rp, want) do {			\
	char *check_c = dyn_cause(payload, amount_rp);			\
	CHECK_STR(check_c, want);					\
	free(check_c);							\
} while (0)

#define CHECK_DYN(payload, amount_rp, want) do {			\
	char *check_d = dyn(payload, amount_rp);			\
	CHECK_STR(check_d, want);					\
	free(check_d);							\
} while (0)

/* docs/qris.md §5 check values, published in KUPIEACEH/go-qris. */
static void
test_qris_crc16(void)
{
	CHECK_EQ_I64(qris_crc16("123456789", 9), 0x29b1);
	CHECK_EQ_I64(qris_crc16("HELLO", 5), 0x49d6);
	CHECK_EQ_I64(qris_crc16("abcdef", 6), 0x34ed);
	CHECK_EQ_I64(qris_crc16("", 0), 0xffff);
	/* Only len bytes count, not the NUL or what follows. */
	CHECK_EQ_I64(qris_crc16("123456789XYZ", 9), 0x29b1);
	/* The published CRCs of V1-V4 (docs/qris.md §7). */
	CHECK_EQ_I64(qris_crc16(V1, strlen(V1) - 4), 0x58c7);
	CHECK_EQ_I64(qris_crc16(V2, strlen(V2) - 4), 0xf7ad);
	CHECK_EQ_I64(qris_crc16(V3, strlen(V3) - 4), 0x5cdd);
	CHECK_EQ_I64(qris_crc16(V4, strlen(V4) - 4), 0x455c);
}

/* docs/qris.md §7 lists V1 parsed object by object. */
static void
test_qris_parse_v1(void)
{
	static const int ids[] = { 0, 1, 26, 51, 52, 53, 58, 59, 60, 61, 63 };
	const struct qris_tag	*t;
	struct qris		*q = NULL;
	char			*cause = NULL;
	size_t			 i;

	CHECK_EQ_I64(qris_parse(V1, &q, &cause), POS_OK);
	CHECK(cause == NULL);
	if (q == NULL)
		return;
	CHECK_EQ_I64(q->ntags, 11);
	for (i = 0; i < q->ntags && i < 11; i++)
		CHECK_EQ_I64(q->tags[i].id, ids[i]);
	CHECK_STR(q->tags[0].value, "01");
	CHECK_STR(q->tags[1].value, "11");
	CHECK_STR(qris_find(q, 52)->value, "5812");
	CHECK_STR(qris_find(q, 53)->value, "360");
	CHECK_STR(qris_find(q, 58)->value, "ID");
	CHECK_STR(qris_find(q, 61)->value, "59567");
	CHECK_STR(qris_find(q, 63)->value, "58C7");
	CHECK(qris_find(q, 62) == NULL);
	CHECK(qris_find(q, 54) == NULL);

	t = qris_find(q, 26);
	CHECK(t != NULL);
	CHECK_EQ_I64(t->len, 57);
	CHECK_EQ_I64(t->nsubs, 4);
	CHECK_STR(qris_find_sub(t, 0)->value, "ID.DANA.WWW");
	CHECK_STR(qris_find_sub(t, 1)->value, "936009153022591481");
	CHECK_STR(qris_find_sub(t, 2)->value, "022591481");
	CHECK_STR(qris_find_sub(t, 3)->value, "UMI");
	CHECK(qris_find_sub(t, 4) == NULL);

	t = qris_find(q, 51);
	CHECK_EQ_I64(t->nsubs, 3);
	CHECK_STR(qris_find_sub(t, 0)->value, "ID.CO.QRIS.WWW");
	CHECK_STR(qris_find_sub(t, 3)->value, "UMI");
	/* A primitive object has no nested objects. */
	CHECK_EQ_I64(qris_find(q, 59)->nsubs, 0);
	CHECK(qris_find_sub(qris_find(q, 59), 0) == NULL);
	CHECK(qris_find_sub(NULL, 0) == NULL);

	CHECK_STR(qris_merchant_name(q), "Warung Sayur Bu Sugeng");
	CHECK_STR(qris_merchant_city(q), "Kab. Demak");
	CHECK_STR(qris_nmid(q), "ID1020017611473");
	qris_free(q);
	qris_free(NULL);
}

static void
test_qris_parse_vectors(void)
{
	struct qris	*q = NULL;
	const struct qris_tag *t;
	char		*s;

	CHECK_PARSE_FAILS(V2, "(diterima)");
	CHECK_PARSE_FAILS(V4, "(diterima)");
	CHECK_PARSE_FAILS(D1, "(diterima)");
	CHECK_PARSE_FAILS(D2, "(diterima)");
	CHECK_PARSE_FAILS(D3, "(diterima)");

	/* V3's 62 carries "***" (ask the customer) and terminal A01. */
	CHECK_EQ_I64(qris_parse(V3, &q, NULL), POS_OK);
	if (q != NULL) {
		t = qris_find(q, 62);
		CHECK_EQ_I64(t != NULL ? t->nsubs : 0, 2);
		CHECK_STR(qris_find_sub(t, 1)->value, "***");
		CHECK_STR(qris_find_sub(t, 7)->value, "A01");
		CHECK_STR(qris_merchant_city(q), "Jakarta Pusat");
		CHECK_STR(qris_nmid(q), "ID1020038431489");
		qris_free(q);
		q = NULL;
	}

	/* docs/qris.md §1: blanks and newlines around a payload are ignored. */
	s = xasprintf(" \t%s\r\n", V1);
	CHECK_PARSE_FAILS(s, "(diterima)");
	free(s);

	/* The CRC's hex digits may come in lower case. */
	s = subst(V1, "58C7", "58c7");
	CHECK_PARSE_FAILS(s, "(diterima)");
	free(s);
}

/* Unknown objects and a free order (docs/qris.md §1) survive, in order. */
static void
test_qris_parse_keeps_order(void)
{
	static const int unk_ids[] = {
		0, 1, 26, 4, 51, 52, 53, 58, 59, 60, 61, 65, 80, 99, 63
	};
	static const int ooo_ids[] = {
		0, 1, 62, 59, 60, 61, 51, 26, 53, 52, 58, 63
	};
	struct qris	*q = NULL;
	size_t		 i;

	CHECK_EQ_I64(qris_parse(UNK, &q, NULL), POS_OK);
	if (q != NULL) {
		CHECK_EQ_I64(q->ntags, 15);
		for (i = 0; i < q->ntags && i < 15; i++)
			CHECK_EQ_I64(q->tags[i].id, unk_ids[i]);
		CHECK_STR(qris_find(q, 4)->value, "AB12CD34EF56GH78");
		CHECK_STR(qris_find(q, 65)->value, "RFU1");
		CHECK_STR(qris_find(q, 80)->value, "ABCDEFGHIJKL");
		CHECK_EQ_I64(qris_find(q, 80)->nsubs, 0);	/* opaque */
		CHECK_STR(qris_find(q, 99)->value, "xyz");
		qris_free(q);
		q = NULL;
	}
	CHECK_EQ_I64(qris_parse(OOO, &q, NULL), POS_OK);
	if (q != NULL) {
		CHECK_EQ_I64(q->ntags, 12);
		for (i = 0; i < q->ntags && i < 12; i++)
			CHECK_EQ_I64(q->tags[i].id, ooo_ids[i]);
		CHECK_STR(qris_merchant_name(q), "SPIN");
		qris_free(q);
	}
}

static void
test_qris_parse_bad(void)
{
	char	*body, *s, *t;
	struct buf	 b;

	body = body_of(V1);

	CHECK_PARSE_FAILS("", "QRIS kosong");
	CHECK_PARSE_FAILS(" \r\n", "QRIS kosong");

	/* Truncated: in a value, in an ID/length header, in the CRC. */
	s = xstrndup(V1, 100);
	CHECK_PARSE_FAILS(s, "QRIS rusak: tag 51 terpotong");
	free(s);
	s = xstrndup(V1, 75);
	CHECK_PARSE_FAILS(s, "QRIS rusak: data terpotong di posisi 74");
	free(s);
	s = xstrndup(V1, strlen(V1) - 2);
	CHECK_PARSE_FAILS(s, "QRIS rusak: tag 63 terpotong");
	free(s);
	s = xstrndup(V1, 3);
	CHECK_PARSE_FAILS(s, "QRIS rusak: data terpotong di posisi 1");
	free(s);

	/* Bad lengths: not digits, too long, too short, zero. */
	s = subst(V1, "5922Warung", "59x2Warung");
	CHECK_PARSE_FAILS(s, "QRIS rusak: panjang tag 59 bukan angka");
	free(s);
	s = subst(V1, "6010Kab", "6099Kab");
	CHECK_PARSE_FAILS(s, "QRIS rusak: tag 60 terpotong");
	free(s);
	s = subst(V1, "5922Warung", "5921Warung");
	CHECK_PARSE_FAILS(s, "QRIS rusak: ID tag bukan angka di posisi 168");
	free(s);
	t = xasprintf("%s6500", body);
	s = with_crc(t);
	CHECK_PARSE_FAILS(s, "QRIS rusak: panjang tag 65 nol");
	free(s);
	free(t);

	/* Non-digit ID. */
	s = subst(V1, "5802ID", "5A02ID");
	CHECK_PARSE_FAILS(s, "QRIS rusak: ID tag bukan angka di posisi 137");
	free(s);

	/* Bad CRC: wrong digit, changed data, not hex, wrong length. */
	s = subst(V1, "630458C7", "630458C8");
	CHECK_PARSE_FAILS(s, "QRIS rusak: CRC tidak cocok");
	free(s);
	s = subst(V1, "Sugeng", "sugeng");
	CHECK_PARSE_FAILS(s, "QRIS rusak: CRC tidak cocok");
	free(s);
	s = subst(V1, "630458C7", "630458CG");
	CHECK_PARSE_FAILS(s, "QRIS rusak: CRC (tag 63) harus 4 digit hex");
	free(s);
	s = subst(V1, "630458C7", "630358C");
	CHECK_PARSE_FAILS(s, "QRIS rusak: CRC (tag 63) harus 4 digit hex");
	free(s);

	/* 00 missing, not first, or not "01" (each with a correct CRC). */
	s = with_crc(body + 6);
	CHECK_PARSE_FAILS(s, "QRIS rusak: tag 00 tidak di depan");
	free(s);
	t = xasprintf("010211000201%s", body + 12);
	s = with_crc(t);
	CHECK_PARSE_FAILS(s, "QRIS rusak: tag 00 tidak di depan");
	free(s);
	free(t);
	t = xasprintf("000202%s", body + 6);
	s = with_crc(t);
	CHECK_PARSE_FAILS(s, "QRIS rusak: tag 00 harus bernilai 01");
	free(s);
	free(t);

	/* 63 in the middle, and no 63 at all. */
	s = subst(body, "5802ID", "630458C75802ID");
	CHECK_PARSE_FAILS(s, "QRIS rusak: CRC (tag 63) bukan tag terakhir");
	free(s);
	CHECK_PARSE_FAILS(body, "QRIS rusak: CRC (tag 63) tidak ada");

	/* An ID twice, at the root or inside a template. */
	t = xasprintf("%s5904ABCD", body);
	s = with_crc(t);
	CHECK_PARSE_FAILS(s, "QRIS rusak: tag 59 muncul dua kali");
	free(s);
	free(t);
	t = subst(body, "2657", "2663");
	free(body);
	body = subst(t, "0303UMI51", "0303UMI0102XY51");
	free(t);
	s = with_crc(body);
	CHECK_PARSE_FAILS(s, "QRIS rusak: tag 26.01 muncul dua kali");
	free(s);
	free(body);
	body = body_of(V1);

	/* A template whose content is not TLV. */
	t = xasprintf("%s62060703A0", body);
	s = with_crc(t);
	CHECK_PARSE_FAILS(s, "QRIS rusak: tag 62.07 terpotong");
	free(s);
	free(t);

	/* Control and non-ASCII bytes inside. */
	s = subst(V1, "Warung Sayur", "Warung\tSayur");
	CHECK_PARSE_FAILS(s, "QRIS rusak: karakter tidak sah di posisi 153");
	free(s);
	s = subst(V1, "Warung Sayur", "Warung\xc3\xa9Sayur");
	CHECK_PARSE_FAILS(s, "QRIS rusak: karakter tidak sah di posisi 153");
	free(s);

	/* Spec 4.1: 512 characters is the most, in and out. */
	s = padded(512);
	CHECK_EQ_I64(strlen(s), 512);
	CHECK_PARSE_FAILS(s, "(diterima)");
	/* ... which leaves no room for "540525000". */
	CHECK_DYN_FAILS(s, 25000,
	    "QRIS terlalu panjang setelah nominal ditambahkan");
	free(s);
	s = padded(504);
	CHECK_DYN_FAILS(s, 25000,
	    "QRIS terlalu panjang setelah nominal ditambahkan");
	free(s);
	s = padded(503);
	t = dyn(s, 25000);
	CHECK_EQ_I64(strlen(t), 512);
	CHECK_PARSE_FAILS(t, "(diterima)");
	free(t);
	free(s);
	buf_init(&b, 1024);
	while (b.len < 513)
		buf_addbyte(&b, '0');
	t = buf_take(&b, NULL);
	CHECK_PARSE_FAILS(t, "QRIS rusak: lebih dari 512 karakter");
	free(t);

	/* cause may be NULL; the result is still a refusal. */
	CHECK_EQ_I64(qris_parse("000201", &(struct qris *){ NULL }, NULL),
	    POS_EINVAL);
	free(body);
}

/* docs/qris.md §7 D1-D3, byte for byte, and ours from the Python model. */
static void
test_qris_dynamic_vectors(void)
{
	char	*s;

	CHECK_DYN(V1, 25000, D1);
	CHECK_DYN(V1, 1000, D2);
	CHECK_DYN(V1, 150000, D3);
	s = dyn(V1, 25000);
	CHECK_EQ_I64(strlen(s), 208);
	free(s);

	/* docs/qris.md §5: the CRC keeps its leading zeros. */
	CHECK_DYN(V1, 12, V1_12);
	CHECK_DYN(V1, 285, V1_285);
	CHECK(strcmp(V1_285 + strlen(V1_285) - 4, "00F2") == 0);

	CHECK_DYN(V2, 5000, V2_5000);
	CHECK_DYN(V3, 1, V3_1);
	CHECK_DYN(V4, QRIS_MAX_AMOUNT_RP, V4_MAX);

	/* A trailing newline from the scanner changes nothing. */
	s = xasprintf("%s\n", V1);
	CHECK_DYN(s, 25000, D1);
	free(s);

	/* The output is itself a valid payload, with 01 = 12 and our 54. */
	CHECK_PARSE_FAILS(V2_5000, "(diterima)");
	CHECK_PARSE_FAILS(OOO_DYN, "(diterima)");
}

static void
test_qris_dynamic_tags(void)
{
	/* 55, 56, 57 and an old 54 are dropped: the output is exactly D1. */
	CHECK_DYN(IN55, 25000, D1);
	CHECK_DYN(IN54, 25000, D1);
	CHECK(strstr(IN55, "550202") != NULL);
	/* No 01: "010212" goes right after 00, which again gives D1. */
	CHECK_DYN(NO01, 25000, D1);
	/* Unknown objects stay where they were. */
	CHECK_DYN(UNK, 25000, UNK_DYN);
	/* Acquirer order stays; 54 goes right before 58, wherever 58 is. */
	CHECK_DYN(OOO, 7500, OOO_DYN);
}

static void
test_qris_dynamic_bad(void)
{
	char	*body, *s, *t;

	/* Spec 4.7.8.1 and the PADG cap (docs/qris.md §8). */
	CHECK_DYN_FAILS(V1, 0, "Nominal QRIS harus lebih dari Rp0");
	CHECK_DYN_FAILS(V1, -1, "Nominal QRIS harus lebih dari Rp0");
	CHECK_DYN_FAILS(V1, -25000, "Nominal QRIS harus lebih dari Rp0");
	CHECK_DYN_FAILS(V1, INT64_MIN, "Nominal QRIS harus lebih dari Rp0");
	CHECK_DYN_FAILS(V1, 10000001,
	    "Nominal QRIS maksimal Rp10.000.000 per transaksi");
	CHECK_DYN_FAILS(V1, INT64_MAX,
	    "Nominal QRIS maksimal Rp10.000.000 per transaksi");
	CHECK_DYN_FAILS(V1, 10000000, "(diterima)");
	CHECK_DYN_FAILS(V1, 1, "(diterima)");

	/* A parse failure comes through unchanged. */
	s = subst(V1, "630458C7", "630458C8");
	CHECK_DYN_FAILS(s, 25000, "QRIS rusak: CRC tidak cocok");
	free(s);
	CHECK_DYN_FAILS("", 25000, "QRIS kosong");

	/* Already dynamic: refused, never re-priced (see qris.h). */
	CHECK_DYN_FAILS(D1, 30000,
	    "QRIS sudah dinamis; pakai QRIS statis toko");

	body = body_of(V1);
	t = subst(body, "010211", "010213");
	s = with_crc(t);
	CHECK_DYN_FAILS(s, 25000, "QRIS rusak: tag 01 harus 11 atau 12");
	free(s);
	free(t);

	/* docs/qris.md §6 step 2: a national QRIS, in rupiah, from Indonesia */
	t = subst(body, "610559567", "");
	s = with_crc(t);
	CHECK_DYN_FAILS(s, 25000,
	    "QRIS tidak lengkap: tag 61 (kode pos) tidak ada");
	free(s);
	free(t);
	t = subst(body, "51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI",
	    "");
	s = with_crc(t);
	CHECK_DYN_FAILS(s, 25000,
	    "QRIS tidak lengkap: tag 51 (QRIS nasional) tidak ada");
	free(s);
	free(t);
	t = subst(body, "5922Warung Sayur Bu Sugeng", "");
	s = with_crc(t);
	CHECK_DYN_FAILS(s, 25000,
	    "QRIS tidak lengkap: tag 59 (nama merchant) tidak ada");
	free(s);
	free(t);
	t = subst(body, "0014ID.CO.QRIS.WWW", "0014ID.CO.QRIS.WWX");
	s = with_crc(t);
	CHECK_DYN_FAILS(s, 25000,
	    "QRIS tidak sah: tag 51 bukan ID.CO.QRIS.WWW");
	free(s);
	free(t);
	t = subst(body, "5303360", "5303840");
	s = with_crc(t);
	CHECK_DYN_FAILS(s, 25000, "QRIS bukan rupiah: mata uang 840");
	free(s);
	free(t);
	t = subst(body, "5802ID", "5802SG");
	s = with_crc(t);
	CHECK_DYN_FAILS(s, 25000, "QRIS bukan dari Indonesia: negara SG");
	free(s);
	free(t);
	free(body);

	/* cause may be NULL. */
	CHECK_EQ_I64(qris_dynamic(V1, 0, &(char *){ NULL }, NULL),
	    POS_EINVAL);
	CHECK_EQ_I64(qris_dynamic(D1, 1000, &(char *){ NULL }, NULL),
	    POS_EINVAL);
}

int
main(void)
{
	test_qris_crc16();
	test_qris_parse_v1();
	test_qris_parse_vectors();
	test_qris_parse_keeps_order();
	test_qris_parse_bad();
	test_qris_dynamic_vectors();
	test_qris_dynamic_tags();
	test_qris_dynamic_bad();
	return check_exit();
}
