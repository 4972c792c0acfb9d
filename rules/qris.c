/* SPDX-License-Identifier: ISC */
/*
 * QRIS payloads (docs/qris.md): strict EMV TLV parsing, CRC-16/CCITT-FALSE
 * and the static -> dynamic conversion of docs/qris.md §6. No QR rendering
 * here.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qris.h"
#include "util.h"

/* "26" for a root object, "26.01" for an object inside template 26. */
#define QRIS_NAME_MAX	8

static void	 qris_tags_free(struct qris_tag *, size_t);

uint16_t
qris_crc16(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint16_t	 crc = 0xffff;
	int		 i;

	while (len-- > 0) {
		crc ^= (uint16_t)(*p++ << 8);
		for (i = 0; i < 8; i++) {
			if (crc & 0x8000)
				crc = (uint16_t)((crc << 1) ^ 0x1021);
			else
				crc = (uint16_t)(crc << 1);
		}
	}
	return crc;
}

static bool
qris_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
qris_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* docs/qris.md §1: templates hold nested TLV; 02-25 and 65-99 stay opaque. */
static bool
qris_is_template(int id)
{
	return (id >= 26 && id <= 51) || id == 62 || id == 64;
}

static void
qris_name(char *out, const struct qris_tag *parent, int id)
{
	if (parent == NULL)
		snprintf(out, QRIS_NAME_MAX, "%02d", id);
	else
		snprintf(out, QRIS_NAME_MAX, "%02d.%02d", parent->id, id);
}

/*
 * Parses len bytes at s, which start at byte off of the whole payload
 * (for positions in messages), into a new array of objects. parent is the
 * template being parsed, NULL for the root.
 */
static enum pos_rc
qris_parse_level(const char *s, size_t len, size_t off,
    const struct qris_tag *parent, struct qris_tag **tagsp, size_t *ntagsp,
    char **cause)
{
	struct qris_tag	*tags, *t;
	size_t		 ntags = 0, pos = 0, vlen;
	bool		 seen[100] = { false };
	char		 name[QRIS_NAME_MAX];
	int		 id;
	enum pos_rc	 rc;

	/* Every object takes at least 5 bytes: ID, length, one byte. */
	tags = xcalloc(len / 5 + 1, sizeof *tags);
	while (pos < len) {
		if (len - pos < 4) {
			rc = cause_set(cause, POS_EINVAL,
			    "QRIS rusak: data terpotong di posisi %zu",
			    off + pos + 1);
			goto fail;
		}
		if (!qris_is_digit(s[pos]) || !qris_is_digit(s[pos + 1])) {
			rc = cause_set(cause, POS_EINVAL,
			    "QRIS rusak: ID tag bukan angka di posisi %zu",
			    off + pos + 1);
			goto fail;
		}
		id = (s[pos] - '0') * 10 + (s[pos + 1] - '0');
		qris_name(name, parent, id);
		if (!qris_is_digit(s[pos + 2]) || !qris_is_digit(s[pos + 3])) {
			rc = cause_set(cause, POS_EINVAL,
			    "QRIS rusak: panjang tag %s bukan angka", name);
			goto fail;
		}
		vlen = (size_t)((s[pos + 2] - '0') * 10 + (s[pos + 3] - '0'));
		if (vlen == 0) {
			rc = cause_set(cause, POS_EINVAL,
			    "QRIS rusak: panjang tag %s nol", name);
			goto fail;
		}
		if (vlen > len - pos - 4) {
			rc = cause_set(cause, POS_EINVAL,
			    "QRIS rusak: tag %s terpotong", name);
			goto fail;
		}
		if (seen[id]) {
			rc = cause_set(cause, POS_EINVAL,
			    "QRIS rusak: tag %s muncul dua kali", name);
			goto fail;
		}
		seen[id] = true;
		t = &tags[ntags++];
		t->id = id;
		t->value = xstrndup(s + pos + 4, vlen);
		t->len = vlen;
		if (parent == NULL && qris_is_template(id)) {
			rc = qris_parse_level(t->value, vlen, off + pos + 4, t,
			    &t->subs, &t->nsubs, cause);
			if (rc != POS_OK)
				goto fail;
		}
		pos += 4 + vlen;
	}
	*tagsp = tags;
	*ntagsp = ntags;
	return POS_OK;

fail:
	qris_tags_free(tags, ntags);
	return rc;
}

static void
qris_tags_free(struct qris_tag *tags, size_t ntags)
{
	size_t	 i;

	if (tags == NULL)
		return;
	for (i = 0; i < ntags; i++) {
		free(tags[i].value);
		qris_tags_free(tags[i].subs, tags[i].nsubs);
	}
	free(tags);
}

void
qris_free(struct qris *q)
{
	if (q == NULL)
		return;
	qris_tags_free(q->tags, q->ntags);
	free(q);
}

static bool
qris_hex4(const char *s, uint16_t *out)
{
	unsigned int	 v = 0;
	int		 i, d;

	for (i = 0; i < 4; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else if (s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else
			return false;
		v = v << 4 | (unsigned int)d;
	}
	*out = (uint16_t)v;
	return true;
}

enum pos_rc
qris_parse(const char *payload, struct qris **out, char **cause)
{
	struct qris_tag	*tags = NULL, *last;
	size_t		 ntags = 0, len, i;
	uint16_t	 crc;
	enum pos_rc	 rc;
	struct qris	*q;

	/* docs/qris.md §1: scanners and clipboards add blanks and newlines. */
	while (qris_is_space(*payload))
		payload++;
	len = strlen(payload);
	while (len > 0 && qris_is_space(payload[len - 1]))
		len--;
	if (len == 0)
		return cause_set(cause, POS_EINVAL, "QRIS kosong");
	if (len > QRIS_MAX_LEN)
		return cause_set(cause, POS_EINVAL,
		    "QRIS rusak: lebih dari %d karakter", QRIS_MAX_LEN);
	for (i = 0; i < len; i++) {
		if (payload[i] < 0x20 || payload[i] > 0x7e)
			return cause_set(cause, POS_EINVAL,
			    "QRIS rusak: karakter tidak sah di posisi %zu",
			    i + 1);
	}

	rc = qris_parse_level(payload, len, 0, NULL, &tags, &ntags, cause);
	if (rc != POS_OK)
		return rc;

	/* Spec 4.6.1.1 and 4.7.1.1: 00 first, with value 01. */
	if (tags[0].id != 0) {
		rc = cause_set(cause, POS_EINVAL,
		    "QRIS rusak: tag 00 tidak di depan");
		goto fail;
	}
	if (strcmp(tags[0].value, "01") != 0) {
		rc = cause_set(cause, POS_EINVAL,
		    "QRIS rusak: tag 00 harus bernilai 01");
		goto fail;
	}
	/* Spec 4.6.1.2: 63 last. IDs are unique, so one check suffices. */
	last = &tags[ntags - 1];
	if (last->id != 63) {
		for (i = 0; i < ntags; i++) {
			if (tags[i].id == 63)
				break;
		}
		if (i < ntags)
			rc = cause_set(cause, POS_EINVAL,
			    "QRIS rusak: CRC (tag 63) bukan tag terakhir");
		else
			rc = cause_set(cause, POS_EINVAL,
			    "QRIS rusak: CRC (tag 63) tidak ada");
		goto fail;
	}
	if (last->len != 4 || !qris_hex4(last->value, &crc)) {
		rc = cause_set(cause, POS_EINVAL,
		    "QRIS rusak: CRC (tag 63) harus 4 digit hex");
		goto fail;
	}
	/* docs/qris.md §5: the CRC covers everything up to and with "6304". */
	if (qris_crc16(payload, len - 4) != crc) {
		rc = cause_set(cause, POS_EINVAL,
		    "QRIS rusak: CRC tidak cocok");
		goto fail;
	}

	q = xcalloc(1, sizeof *q);
	q->tags = tags;
	q->ntags = ntags;
	*out = q;
	return POS_OK;

fail:
	qris_tags_free(tags, ntags);
	return rc;
}

const struct qris_tag *
qris_find(const struct qris *q, int id)
{
	size_t	 i;

	for (i = 0; i < q->ntags; i++) {
		if (q->tags[i].id == id)
			return &q->tags[i];
	}
	return NULL;
}

const struct qris_tag *
qris_find_sub(const struct qris_tag *tmpl, int sub_id)
{
	size_t	 i;

	if (tmpl == NULL)
		return NULL;
	for (i = 0; i < tmpl->nsubs; i++) {
		if (tmpl->subs[i].id == sub_id)
			return &tmpl->subs[i];
	}
	return NULL;
}

static const char *
qris_value(const struct qris_tag *t)
{
	return t != NULL ? t->value : NULL;
}

const char *
qris_merchant_name(const struct qris *q)
{
	return qris_value(qris_find(q, 59));
}

const char *
qris_merchant_city(const struct qris *q)
{
	return qris_value(qris_find(q, 60));
}

const char *
qris_nmid(const struct qris *q)
{
	return qris_value(qris_find_sub(qris_find(q, 51), 2));
}

/* docs/qris.md §6 step 2: what a national QRIS must carry to convert. */
static enum pos_rc
qris_check_static(const struct qris *q, char **cause)
{
	static const struct {
		int		 id;
		const char	*what;
	} need[] = {
		{ 51, "QRIS nasional" },
		{ 52, "kategori merchant" },
		{ 53, "mata uang" },
		{ 58, "negara" },
		{ 59, "nama merchant" },
		{ 60, "kota merchant" },
		{ 61, "kode pos" },
	};
	const struct qris_tag	*t;
	const char		*guid;
	size_t			 i;

	t = qris_find(q, 1);
	if (t != NULL && strcmp(t->value, "12") == 0)
		return cause_set(cause, POS_EINVAL,
		    "QRIS sudah dinamis; pakai QRIS statis toko");
	if (t != NULL && strcmp(t->value, "11") != 0)
		return cause_set(cause, POS_EINVAL,
		    "QRIS rusak: tag 01 harus 11 atau 12");
	for (i = 0; i < sizeof need / sizeof need[0]; i++) {
		if (qris_find(q, need[i].id) == NULL)
			return cause_set(cause, POS_EINVAL,
			    "QRIS tidak lengkap: tag %02d (%s) tidak ada",
			    need[i].id, need[i].what);
	}
	guid = qris_value(qris_find_sub(qris_find(q, 51), 0));
	if (guid == NULL || strcmp(guid, "ID.CO.QRIS.WWW") != 0)
		return cause_set(cause, POS_EINVAL,
		    "QRIS tidak sah: tag 51 bukan ID.CO.QRIS.WWW");
	if (strcmp(qris_find(q, 53)->value, "360") != 0)
		return cause_set(cause, POS_EINVAL,
		    "QRIS bukan rupiah: mata uang %s",
		    qris_find(q, 53)->value);
	if (strcmp(qris_find(q, 58)->value, "ID") != 0)
		return cause_set(cause, POS_EINVAL,
		    "QRIS bukan dari Indonesia: negara %s",
		    qris_find(q, 58)->value);
	return POS_OK;
}

enum pos_rc
qris_dynamic(const char *static_payload, int64_t amount_rp,
    char **out_payload, char **cause)
{
	struct qris		*q = NULL;
	const struct qris_tag	*t;
	struct buf		 b;
	size_t			 i;
	enum pos_rc		 rc;

	/* Spec 4.7.8.1: never 0 or negative; docs/qris.md §8: the PADG cap. */
	if (amount_rp <= 0)
		return cause_set(cause, POS_EINVAL,
		    "Nominal QRIS harus lebih dari Rp0");
	if (amount_rp > QRIS_MAX_AMOUNT_RP)
		return cause_set(cause, POS_EINVAL,
		    "Nominal QRIS maksimal Rp10.000.000 per transaksi");
	/* Twice the limit: the result is measured, never truncated. */
	buf_init(&b, 2 * QRIS_MAX_LEN);

	rc = qris_parse(static_payload, &q, cause);
	if (rc != POS_OK)
		goto out;
	rc = qris_check_static(q, cause);
	if (rc != POS_OK)
		goto out;

	for (i = 0; i < q->ntags; i++) {
		t = &q->tags[i];
		switch (t->id) {
		case 1:
			buf_addstr(&b, "010212");
			continue;
		case 54:	/* replaced by ours, before 58 */
		case 55:	/* docs/qris.md §8: no tip or fee */
		case 56:
		case 57:
		case 63:	/* recomputed below */
			continue;
		case 58:
			buf_printf(&b, "54%02d%lld",
			    snprintf(NULL, 0, "%lld", (long long)amount_rp),
			    (long long)amount_rp);
			break;
		}
		buf_printf(&b, "%02d%02zu%s", t->id, t->len, t->value);
		/* Spec 4.7.2.1: no 01 means unspecified; ours is dynamic. */
		if (t->id == 0 && qris_find(q, 1) == NULL)
			buf_addstr(&b, "010212");
	}
	buf_addstr(&b, "6304");
	if (b.failed || b.len > QRIS_MAX_LEN - 4) {
		rc = cause_set(cause, POS_EINVAL,
		    "QRIS terlalu panjang setelah nominal ditambahkan");
		goto out;
	}
	/* docs/qris.md §5: always 4 upper-case digits, leading zeros kept. */
	buf_printf(&b, "%04X", qris_crc16(b.data, b.len));
	*out_payload = buf_take(&b, NULL);
	rc = POS_OK;

out:
	buf_free(&b);
	qris_free(q);
	return rc;
}
