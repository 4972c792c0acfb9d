/* SPDX-License-Identifier: ISC */
/*
 * Journal entries: canonical encoding, hash link, signature. The encoding is
 * a fixed sequence of fields, each an 8-byte big-endian two's-complement
 * integer or a 4-byte big-endian length followed by UTF-8 bytes; the order
 * is the order of struct entry and struct entry_line. docs/ledger.md.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "entry.h"
#include "util.h"

static const char entry_domain[] = "NTT-LEDGER-1";	/* + its NUL */

static void
entry_line_free(struct entry_line *l)
{
	free(l->type);
	free(l->code);
	free(l->text);
	free(l->unit);
	free(l->tax_class);
	free(l->party);
}

struct entry *
entry_new(const char *kind)
{
	struct entry *e;

	e = xcalloc(1, sizeof *e);
	e->kind = xstrdup(kind);
	e->outlet_id = xstrdup("");
	e->device_id = xstrdup("");
	e->business_day = xstrdup("");
	e->author = xstrdup("");
	e->ref_uuid = xstrdup("");
	e->note = xstrdup("");
	entry_uuid_new(e->uuid);
	return e;
}

void
entry_free(struct entry *e)
{
	size_t	 i;

	if (e == NULL)
		return;
	for (i = 0; i < e->nlines; i++)
		entry_line_free(&e->lines[i]);
	free(e->lines);
	free(e->kind);
	free(e->outlet_id);
	free(e->device_id);
	free(e->business_day);
	free(e->author);
	free(e->ref_uuid);
	free(e->note);
	free(e);
}

void
entry_set(char **field, const char *value)
{
	char	*copy = xstrdup(value != NULL ? value : "");

	free(*field);
	*field = copy;
}

struct entry_line *
entry_add_line(struct entry *e, const struct entry_line *src)
{
	struct entry_line *l;

#define DUP(s) xstrdup((s) != NULL ? (s) : "")
	e->lines = xreallocarray(e->lines, e->nlines + 1, sizeof *e->lines);
	l = &e->lines[e->nlines++];
	*l = *src;
	l->type = DUP(src->type);
	l->code = DUP(src->code);
	l->text = DUP(src->text);
	l->unit = DUP(src->unit);
	l->tax_class = DUP(src->tax_class);
	l->party = DUP(src->party);
#undef DUP
	return l;
}

struct entry_line *
entry_add(struct entry *e, const char *type)
{
	struct entry_line l;

	memset(&l, 0, sizeof l);
	l.type = (char *)(uintptr_t)type;
	return entry_add_line(e, &l);
}

struct entry_line *
entry_add_field(struct entry *e, const char *name, const char *text)
{
	struct entry_line *l = entry_add(e, "field");

	entry_set(&l->code, name);
	entry_set(&l->text, text);
	return l;
}

void
entry_add_field_int(struct entry *e, const char *name, int64_t v)
{
	entry_add_field(e, name, "")->qty = v;
}

void
entry_add_field_rp(struct entry *e, const char *name, int64_t rp)
{
	entry_add_field(e, name, "")->price_rp = rp;
}

struct entry *
entry_event(const char *note, const char *author, ...)
{
	struct entry *e;
	const char *k, *v;
	va_list	 ap;

	e = entry_new(ENTRY_EVENT);
	entry_set(&e->note, note);
	entry_set(&e->author, author);
	va_start(ap, author);
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		entry_add_field(e, k, v);
	}
	va_end(ap);
	return e;
}

const struct entry_line *
entry_field(const struct entry *e, const char *name)
{
	size_t	 i;

	for (i = 0; i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "field") == 0 &&
		    strcmp(e->lines[i].code, name) == 0)
			return &e->lines[i];
	return NULL;
}

const char *
entry_field_text(const struct entry *e, const char *name)
{
	const struct entry_line *l = entry_field(e, name);

	return l != NULL ? l->text : "";
}

/* UTF-8 without overlongs, surrogates or control characters other than none. */
static bool
entry_text_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	int	 n, i;

	while (*p != '\0') {
		if (*p < 0x80) {
			if (*p < 0x20 || *p == 0x7f)
				return false;
			p++;
			continue;
		}
		if ((*p & 0xe0) == 0xc0) {
			n = 1;
			cp = *p & 0x1f;
		} else if ((*p & 0xf0) == 0xe0) {
			n = 2;
			cp = *p & 0x0f;
		} else if ((*p & 0xf8) == 0xf0) {
			n = 3;
			cp = *p & 0x07;
		} else
			return false;
		for (i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (p[i] & 0x3f);
		}
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff) ||
		    (cp >= 0x80 && cp < 0xa0))
			return false;
		p += n + 1;
	}
	return true;
}

static enum pos_rc
entry_check_text(const char *what, const char *s, char **cause)
{
	if (strlen(s) > ENTRY_TEXT_MAX)
		return cause_set(cause, POS_EINVAL, "%s terlalu panjang", what);
	if (!entry_text_ok(s))
		return cause_set(cause, POS_EINVAL,
		    "%s berisi karakter tidak sah", what);
	return POS_OK;
}

static bool
entry_day_ok(const char *s)
{
	int	 i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

enum pos_rc
entry_check(const struct entry *e, char **cause)
{
	const struct entry_line *l;
	enum pos_rc rc;
	size_t	 i;

	if (*e->kind == '\0')
		return cause_set(cause, POS_EINVAL, "jenis entri kosong");
	if (!entry_uuid_is_valid(e->uuid))
		return cause_set(cause, POS_EINVAL, "UUID entri tidak sah");
	if (*e->ref_uuid != '\0' && !entry_uuid_is_valid(e->ref_uuid))
		return cause_set(cause, POS_EINVAL, "UUID rujukan tidak sah");
	if (*e->business_day != '\0' && !entry_day_ok(e->business_day))
		return cause_set(cause, POS_EINVAL, "hari usaha tidak sah");
	if (e->nlines > ENTRY_LINES_MAX)
		return cause_set(cause, POS_EINVAL, "terlalu banyak baris");
	if ((rc = entry_check_text("jenis", e->kind, cause)) != POS_OK ||
	    (rc = entry_check_text("outlet", e->outlet_id, cause)) != POS_OK ||
	    (rc = entry_check_text("perangkat", e->device_id, cause)) != POS_OK ||
	    (rc = entry_check_text("pengguna", e->author, cause)) != POS_OK ||
	    (rc = entry_check_text("catatan", e->note, cause)) != POS_OK)
		return rc;
	for (i = 0; i < e->nlines; i++) {
		l = &e->lines[i];
		if (*l->type == '\0')
			return cause_set(cause, POS_EINVAL, "jenis baris kosong");
		if ((rc = entry_check_text("baris", l->type, cause)) != POS_OK ||
		    (rc = entry_check_text("kode", l->code, cause)) != POS_OK ||
		    (rc = entry_check_text("teks", l->text, cause)) != POS_OK ||
		    (rc = entry_check_text("satuan", l->unit, cause)) != POS_OK ||
		    (rc = entry_check_text("pajak", l->tax_class, cause)) !=
		    POS_OK ||
		    (rc = entry_check_text("pemasok", l->party, cause)) != POS_OK)
			return rc;
	}
	return POS_OK;
}

static void
entry_enc_str(struct buf *b, const char *s)
{
	size_t	 len = strlen(s);

	buf_add_u32be(b, (uint32_t)len);
	buf_add(b, s, len);
}

uint8_t *
entry_encode(const struct entry *e, size_t *lenp)
{
	const struct entry_line *l;
	struct buf b;
	size_t	 i;

	buf_init(&b, 64 * 1024 * 1024);
	buf_add_i64be(&b, e->seq);
	entry_enc_str(&b, e->uuid);
	entry_enc_str(&b, e->kind);
	entry_enc_str(&b, e->outlet_id);
	entry_enc_str(&b, e->device_id);
	buf_add_i64be(&b, e->created_at_ms);
	entry_enc_str(&b, e->business_day);
	entry_enc_str(&b, e->author);
	entry_enc_str(&b, e->ref_uuid);
	buf_add_i64be(&b, e->total_rp);
	entry_enc_str(&b, e->note);
	entry_enc_str(&b, e->key_id);
	buf_add_u32be(&b, (uint32_t)e->nlines);
	for (i = 0; i < e->nlines; i++) {
		l = &e->lines[i];
		entry_enc_str(&b, l->type);
		entry_enc_str(&b, l->code);
		entry_enc_str(&b, l->text);
		buf_add_i64be(&b, l->qty);
		entry_enc_str(&b, l->unit);
		buf_add_i64be(&b, l->price_rp);
		buf_add_i64be(&b, l->disc_rp);
		buf_add_i64be(&b, l->amount_rp);
		entry_enc_str(&b, l->tax_class);
		buf_add_i64be(&b, l->tax_rp);
		entry_enc_str(&b, l->party);
		buf_add_i64be(&b, l->share_rp);
	}
	return (uint8_t *)buf_take(&b, lenp);
}

void
entry_hash(const struct entry *e, uint8_t out[ENTRY_HASH_LEN])
{
	crypto_hash_sha256_state st;
	uint8_t	*enc;
	size_t	 len;

	enc = entry_encode(e, &len);
	if (enc == NULL)
		fatalx("entry_hash: entry %lld too large", (long long)e->seq);
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const uint8_t *)entry_domain,
	    sizeof entry_domain);
	crypto_hash_sha256_update(&st, e->prev_hash, ENTRY_HASH_LEN);
	crypto_hash_sha256_update(&st, enc, len);
	crypto_hash_sha256_final(&st, out);
	free(enc);
}

void
entry_seal(struct entry *e, const uint8_t sk[ENTRY_SK_LEN])
{
	entry_hash(e, e->hash);
	crypto_sign_detached(e->sig, NULL, e->hash, ENTRY_HASH_LEN, sk);
}

enum pos_rc
entry_verify(const struct entry *e, int64_t expect_seq,
    const uint8_t prev[ENTRY_HASH_LEN], const uint8_t pk[ENTRY_PK_LEN],
    char **cause)
{
	uint8_t	 h[ENTRY_HASH_LEN];
	char	 kid[ENTRY_KEYID_LEN + 1];

	if (e->seq > expect_seq)
		return cause_set(cause, POS_ECORRUPT,
		    "entri %lld hilang: urutan loncat ke %lld",
		    (long long)expect_seq, (long long)e->seq);
	if (e->seq != expect_seq)
		return cause_set(cause, POS_ECORRUPT,
		    "entri %lld: urutan salah, seharusnya %lld",
		    (long long)e->seq, (long long)expect_seq);
	if (sodium_memcmp(e->prev_hash, prev, ENTRY_HASH_LEN) != 0)
		return cause_set(cause, POS_ECORRUPT,
		    "entri %lld: tautan hash ke entri sebelumnya putus",
		    (long long)e->seq);
	entry_hash(e, h);
	if (sodium_memcmp(h, e->hash, ENTRY_HASH_LEN) != 0)
		return cause_set(cause, POS_ECORRUPT,
		    "entri %lld: isi tidak cocok dengan hash-nya",
		    (long long)e->seq);
	entry_key_id(pk, kid);
	if (strcmp(kid, e->key_id) != 0)
		return cause_set(cause, POS_ECORRUPT,
		    "entri %lld: ditandatangani kunci asing %s",
		    (long long)e->seq, e->key_id);
	if (crypto_sign_verify_detached(e->sig, e->hash, ENTRY_HASH_LEN,
	    pk) != 0)
		return cause_set(cause, POS_ECORRUPT,
		    "entri %lld: tanda tangan tidak sah", (long long)e->seq);
	return POS_OK;
}

void
entry_key_id(const uint8_t pk[ENTRY_PK_LEN], char *out)
{
	uint8_t	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, pk, ENTRY_PK_LEN);
	hex_encode(h, ENTRY_KEYID_LEN / 2, out);
}

void
entry_uuid_new(char *out)
{
	uint8_t	 r[16];
	char	 hex[33];

	randombytes_buf(r, sizeof r);
	r[6] = (r[6] & 0x0f) | 0x40;	/* version 4 */
	r[8] = (r[8] & 0x3f) | 0x80;	/* RFC 4122 variant */
	hex_encode(r, sizeof r, hex);
	memcpy(out, hex, 8);
	out[8] = '-';
	memcpy(out + 9, hex + 8, 4);
	out[13] = '-';
	memcpy(out + 14, hex + 12, 4);
	out[18] = '-';
	memcpy(out + 19, hex + 16, 4);
	out[23] = '-';
	memcpy(out + 24, hex + 20, 12);
	out[36] = '\0';
}

bool
entry_uuid_is_valid(const char *s)
{
	int	 i;

	if (strlen(s) != ENTRY_UUID_LEN)
		return false;
	for (i = 0; i < ENTRY_UUID_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	}
	return true;
}
