/* SPDX-License-Identifier: ISC */
/*
 * Journal entries: canonical encoding, hash link, signature. The encoding is
 * a fixed sequence of fields, each an 8-byte big-endian two's-complement
 * integer or a 4-byte big-endian length followed by UTF-8 bytes, in the
 * order of ENTRY_FIELDS and ENTRY_LINE_FIELDS (entry.h). docs/ledger.md.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "entry.h"
#include "util.h"

static const char entry_domain[] = "NTT-LEDGER-1";	/* + its NUL */

#define ENTRY_ROW(st, name, type, srv, label)				\
	{ #name, ENTRY_T_##type, offsetof(st, name),			\
	    sizeof(((st *)0)->name), #srv, label },
#define ENTRY_HEAD_ROW(name, type, srv, label)				\
	ENTRY_ROW(struct entry, name, type, srv, label)
#define ENTRY_LINE_ROW(name, type, srv, label)				\
	ENTRY_ROW(struct entry_line, name, type, srv, label)

const struct entry_field entry_fields[ENTRY_NFIELDS] = {
	ENTRY_FIELDS(ENTRY_HEAD_ROW)
};

const struct entry_field entry_line_fields[ENTRY_LINE_NFIELDS] = {
	ENTRY_LINE_FIELDS(ENTRY_LINE_ROW)
};

/* How a field of each type is held: the accessors below check it. */
enum entry_form {
	ENTRY_FORM_INT,		/* int64_t */
	ENTRY_FORM_STR,		/* char *, or a char array */
	ENTRY_FORM_BLOB,	/* uint8_t [size] */
};

static void
entry_field_want(const struct entry_field *f, enum entry_form want)
{
	enum entry_form form = ENTRY_FORM_INT;

	switch (f->type) {
	case ENTRY_T_I64:
		form = ENTRY_FORM_INT;
		break;
	case ENTRY_T_TEXT:
	case ENTRY_T_UUID:
	case ENTRY_T_KEYID:
		form = ENTRY_FORM_STR;
		break;
	case ENTRY_T_HASH:
	case ENTRY_T_SIG:
		form = ENTRY_FORM_BLOB;
		break;
	}
	if (form != want)
		fatalx("entry field %s (type %d) used as form %d", f->name,
		    (int)f->type, (int)want);
}

int64_t
entry_field_i64(const struct entry_field *f, const void *base)
{
	entry_field_want(f, ENTRY_FORM_INT);
	return *(const int64_t *)(const void *)((const char *)base + f->off);
}

const char *
entry_field_str(const struct entry_field *f, const void *base)
{
	const char *at = (const char *)base + f->off;
	const char *s;

	entry_field_want(f, ENTRY_FORM_STR);
	if (f->type != ENTRY_T_TEXT)
		return at;
	s = *(const char *const *)(const void *)at;
	return s != NULL ? s : "";
}

const uint8_t *
entry_field_blob(const struct entry_field *f, const void *base)
{
	entry_field_want(f, ENTRY_FORM_BLOB);
	return (const uint8_t *)base + f->off;
}

void
entry_field_set_i64(const struct entry_field *f, void *base, int64_t v)
{
	entry_field_want(f, ENTRY_FORM_INT);
	*(int64_t *)(void *)((char *)base + f->off) = v;
}

void
entry_field_set_str(const struct entry_field *f, void *base, const char *s,
    size_t len)
{
	char	*at = (char *)base + f->off;
	char	**tp;

	entry_field_want(f, ENTRY_FORM_STR);
	if (s == NULL)
		s = "";
	len = strnlen(s, len);
	if (f->type == ENTRY_T_TEXT) {
		tp = (char **)(void *)at;
		free(*tp);
		*tp = xstrndup(s, len);
		return;
	}
	if (len >= f->size)
		len = f->size - 1;
	memcpy(at, s, len);
	at[len] = '\0';
}

void
entry_field_set_blob(const struct entry_field *f, void *base,
    const uint8_t *p)
{
	entry_field_want(f, ENTRY_FORM_BLOB);
	memcpy((uint8_t *)base + f->off, p, f->size);
}

/* Copies the n fields fs of src into dst, strings as new copies. */
static void
entry_fields_copy(const struct entry_field *fs, size_t n, void *dst,
    const void *src)
{
	const char *s;
	size_t	 i;

	for (i = 0; i < n; i++) {
		switch (fs[i].type) {
		case ENTRY_T_I64:
			entry_field_set_i64(&fs[i], dst,
			    entry_field_i64(&fs[i], src));
			break;
		case ENTRY_T_TEXT:
		case ENTRY_T_UUID:
		case ENTRY_T_KEYID:
			s = entry_field_str(&fs[i], src);
			entry_field_set_str(&fs[i], dst, s, strlen(s));
			break;
		case ENTRY_T_HASH:
		case ENTRY_T_SIG:
			entry_field_set_blob(&fs[i], dst,
			    entry_field_blob(&fs[i], src));
			break;
		}
	}
}

/* Frees the owned strings among the n fields fs of the struct at base. */
static void
entry_fields_free(const struct entry_field *fs, size_t n, void *base)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (fs[i].type == ENTRY_T_TEXT)
			free(*(char **)(void *)((char *)base + fs[i].off));
}

struct entry *
entry_blank(void)
{
	struct entry *e = xcalloc(1, sizeof *e);
	size_t	 i;

	for (i = 0; i < ENTRY_NFIELDS; i++)
		if (entry_fields[i].type == ENTRY_T_TEXT)
			entry_field_set_str(&entry_fields[i], e, "", 0);
	return e;
}

struct entry *
entry_new(const char *kind)
{
	struct entry *e = entry_blank();

	entry_set(&e->kind, kind);
	entry_uuid_new(e->uuid);
	return e;
}

struct entry *
entry_dup(const struct entry *e)
{
	struct entry *c = xcalloc(1, sizeof *c);
	size_t	 i;

	entry_fields_copy(entry_fields, ENTRY_NFIELDS, c, e);
	for (i = 0; i < e->nlines; i++)
		entry_add_line(c, &e->lines[i]);
	return c;
}

void
entry_free(struct entry *e)
{
	size_t	 i;

	if (e == NULL)
		return;
	for (i = 0; i < e->nlines; i++)
		entry_fields_free(entry_line_fields, ENTRY_LINE_NFIELDS,
		    &e->lines[i]);
	free(e->lines);
	entry_fields_free(entry_fields, ENTRY_NFIELDS, e);
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

	e->lines = xreallocarray(e->lines, e->nlines + 1, sizeof *e->lines);
	l = &e->lines[e->nlines++];
	memset(l, 0, sizeof *l);
	entry_fields_copy(entry_line_fields, ENTRY_LINE_NFIELDS, l, src);
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

/* The form of each of the n fields fs of the struct at base. */
static enum pos_rc
entry_check_fields(const struct entry_field *fs, size_t n, const void *base,
    char **cause)
{
	enum pos_rc rc;
	size_t	 i;

	for (i = 0; i < n; i++) {
		switch (fs[i].type) {
		case ENTRY_T_TEXT:
			rc = entry_check_text(fs[i].label,
			    entry_field_str(&fs[i], base), cause);
			if (rc != POS_OK)
				return rc;
			break;
		case ENTRY_T_UUID:
			if (!entry_uuid_is_valid(entry_field_str(&fs[i], base)))
				return cause_set(cause, POS_EINVAL,
				    "%s tidak sah", fs[i].label);
			break;
		case ENTRY_T_I64:
		case ENTRY_T_KEYID:	/* entry_verify compares it */
		case ENTRY_T_HASH:
		case ENTRY_T_SIG:
			break;
		}
	}
	return POS_OK;
}

enum pos_rc
entry_check(const struct entry *e, char **cause)
{
	enum pos_rc rc;
	size_t	 i;

	if (*e->kind == '\0')
		return cause_set(cause, POS_EINVAL, "jenis entri kosong");
	if (*e->ref_uuid != '\0' && !entry_uuid_is_valid(e->ref_uuid))
		return cause_set(cause, POS_EINVAL, "UUID rujukan tidak sah");
	if (*e->business_day != '\0' && !entry_day_ok(e->business_day))
		return cause_set(cause, POS_EINVAL, "hari usaha tidak sah");
	if (e->nlines > ENTRY_LINES_MAX)
		return cause_set(cause, POS_EINVAL, "terlalu banyak baris");
	if ((rc = entry_check_fields(entry_fields, ENTRY_NFIELDS, e, cause)) !=
	    POS_OK)
		return rc;
	for (i = 0; i < e->nlines; i++) {
		if (*e->lines[i].type == '\0')
			return cause_set(cause, POS_EINVAL, "jenis baris kosong");
		if ((rc = entry_check_fields(entry_line_fields,
		    ENTRY_LINE_NFIELDS, &e->lines[i], cause)) != POS_OK)
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

/* The n fields fs of the struct at base, in order; blobs are not encoded. */
static void
entry_enc_fields(struct buf *b, const struct entry_field *fs, size_t n,
    const void *base)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		switch (fs[i].type) {
		case ENTRY_T_I64:
			buf_add_i64be(b, entry_field_i64(&fs[i], base));
			break;
		case ENTRY_T_TEXT:
		case ENTRY_T_UUID:
		case ENTRY_T_KEYID:
			entry_enc_str(b, entry_field_str(&fs[i], base));
			break;
		case ENTRY_T_HASH:
		case ENTRY_T_SIG:
			break;
		}
	}
}

uint8_t *
entry_encode(const struct entry *e, size_t *lenp)
{
	struct buf b;
	size_t	 i;

	buf_init(&b, 64 * 1024 * 1024);
	entry_enc_fields(&b, entry_fields, ENTRY_NFIELDS, e);
	buf_add_u32be(&b, (uint32_t)e->nlines);
	for (i = 0; i < e->nlines; i++)
		entry_enc_fields(&b, entry_line_fields, ENTRY_LINE_NFIELDS,
		    &e->lines[i]);
	return (uint8_t *)buf_take(&b, lenp);
}

/* What is left of an encoding being decoded. */
struct entry_dec {
	const uint8_t	*p;
	size_t		 left;
};

static bool
entry_dec_take(struct entry_dec *d, size_t n, const uint8_t **out)
{
	if (d->left < n)
		return false;
	*out = d->p;
	d->p += n;
	d->left -= n;
	return true;
}

static bool
entry_dec_u32(struct entry_dec *d, uint32_t *v)
{
	const uint8_t *p;

	if (!entry_dec_take(d, 4, &p))
		return false;
	*v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
	return true;
}

static enum pos_rc
entry_dec_fields(struct entry_dec *d, const struct entry_field *fs,
    size_t n, void *base, char **cause)
{
	const uint8_t *p;
	uint64_t u;
	uint32_t len;
	size_t	 i, k, max;

	for (i = 0; i < n; i++) {
		switch (fs[i].type) {
		case ENTRY_T_I64:
			if (!entry_dec_take(d, 8, &p))
				goto short_;
			for (u = 0, k = 0; k < 8; k++)
				u = u << 8 | p[k];
			entry_field_set_i64(&fs[i], base, (int64_t)u);
			break;
		case ENTRY_T_TEXT:
		case ENTRY_T_UUID:
		case ENTRY_T_KEYID:
			if (!entry_dec_u32(d, &len))
				goto short_;
			max = fs[i].type == ENTRY_T_TEXT ? ENTRY_TEXT_MAX :
			    fs[i].size - 1;
			if (len > max)
				return cause_set(cause, POS_EINVAL, "%s terlalu "
				    "panjang", fs[i].label);
			if (!entry_dec_take(d, len, &p))
				goto short_;
			if (memchr(p, '\0', len) != NULL)
				return cause_set(cause, POS_EINVAL, "%s berisi "
				    "byte NUL", fs[i].label);
			entry_field_set_str(&fs[i], base, (const char *)p, len);
			break;
		case ENTRY_T_HASH:
		case ENTRY_T_SIG:
			break;
		}
	}
	return POS_OK;
short_:
	return cause_set(cause, POS_EINVAL, "pengodean entri terpotong di %s",
	    fs[i].label);
}

enum pos_rc
entry_decode(const uint8_t *enc, size_t len, struct entry **out,
    char **cause)
{
	struct entry_dec d = { enc, len };
	struct entry *e = entry_blank();
	struct entry_line blank;
	enum pos_rc rc;
	uint32_t n, i;

	memset(&blank, 0, sizeof blank);
	if ((rc = entry_dec_fields(&d, entry_fields, ENTRY_NFIELDS, e,
	    cause)) != POS_OK)
		goto out;
	if (!entry_dec_u32(&d, &n)) {
		rc = cause_set(cause, POS_EINVAL, "pengodean entri terpotong "
		    "di jumlah baris");
		goto out;
	}
	if (n > ENTRY_LINES_MAX) {
		rc = cause_set(cause, POS_EINVAL, "terlalu banyak baris");
		goto out;
	}
	for (i = 0; i < n; i++)
		if ((rc = entry_dec_fields(&d, entry_line_fields,
		    ENTRY_LINE_NFIELDS, entry_add_line(e, &blank), cause)) !=
		    POS_OK)
			goto out;
	if (d.left != 0)
		rc = cause_set(cause, POS_EINVAL, "%zu byte setelah akhir "
		    "pengodean entri", d.left);
out:
	if (rc != POS_OK) {
		entry_free(e);
		return rc;
	}
	*out = e;
	return POS_OK;
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
