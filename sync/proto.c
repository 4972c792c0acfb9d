/* SPDX-License-Identifier: ISC */
/*
 * The sync wire codec. Encoders write JSON by hand into a struct buf (exact
 * 64-bit integers, no intermediate tree); decoders parse with cJSON and
 * check every member. docs/sync-protocol.md §Encoding.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <zlib.h>

#include "proto.h"

#define PROTO_INT_MAX	9007199254740991.0	/* 2^53 - 1 */

/* Encoding. */

void
proto_json_str(struct buf *b, const char *s)
{
	static const char hexd[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *run;

	buf_addbyte(b, '"');
	while (*p != '\0') {
		run = p;
		while (*p >= 0x20 && *p != '"' && *p != '\\')
			p++;
		if (p > run)
			buf_add(b, run, (size_t)(p - run));
		if (*p == '\0')
			break;
		buf_addbyte(b, '\\');
		switch (*p) {
		case '"':
		case '\\':
			buf_addbyte(b, *p);
			break;
		case '\n':
			buf_addbyte(b, 'n');
			break;
		case '\t':
			buf_addbyte(b, 't');
			break;
		default:
			buf_addstr(b, "u00");
			buf_addbyte(b, (uint8_t)hexd[*p >> 4]);
			buf_addbyte(b, (uint8_t)hexd[*p & 0xf]);
			break;
		}
		p++;
	}
	buf_addbyte(b, '"');
}

static void
proto_json_hex(struct buf *b, const uint8_t *p, size_t len)
{
	char	 hex[2 * 64 + 1];

	if (len > 64)
		fatalx("proto_json_hex: %zu bytes", len);

	hex_encode(p, len, hex);
	buf_addbyte(b, '"');
	buf_add(b, hex, 2 * len);
	buf_addbyte(b, '"');
}

/* ,"name": */
static void
proto_json_key(struct buf *b, const char *name, bool first)
{
	if (!first)
		buf_addbyte(b, ',');
	buf_addbyte(b, '"');
	buf_addstr(b, name);
	buf_add(b, "\":", 2);
}

static void
proto_json_i64(struct buf *b, const char *name, int64_t v)
{
	proto_json_key(b, name, false);
	buf_printf(b, "%lld", (long long)v);
}

static void
proto_json_kstr(struct buf *b, const char *name, const char *s)
{
	proto_json_key(b, name, false);
	proto_json_str(b, s);
}

/* The n fields fs of the struct at base as members, by their types. */
static void
proto_json_fields(struct buf *b, const struct entry_field *fs, size_t n,
    const void *base)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		proto_json_key(b, fs[i].name, i == 0);
		switch (fs[i].type) {
		case ENTRY_T_I64:
			buf_printf(b, "%lld",
			    (long long)entry_field_i64(&fs[i], base));
			break;
		case ENTRY_T_TEXT:
		case ENTRY_T_UUID:
		case ENTRY_T_KEYID:
			proto_json_str(b, entry_field_str(&fs[i], base));
			break;
		case ENTRY_T_HASH:
		case ENTRY_T_SIG:
			proto_json_hex(b, entry_field_blob(&fs[i], base),
			    fs[i].size);
			break;
		}
	}
}

void
proto_entry_json(struct buf *b, const struct entry *e)
{
	size_t	 i;

	buf_addbyte(b, '{');
	proto_json_fields(b, entry_fields, ENTRY_NFIELDS, e);
	proto_json_key(b, "lines", false);
	buf_addbyte(b, '[');
	for (i = 0; i < e->nlines; i++) {
		if (i > 0)
			buf_addbyte(b, ',');
		buf_addbyte(b, '{');
		proto_json_fields(b, entry_line_fields, ENTRY_LINE_NFIELDS,
		    &e->lines[i]);
		buf_addbyte(b, '}');
	}
	buf_add(b, "]}", 2);
}

void
proto_batch_open(struct buf *b, const char *device_id)
{
	buf_printf(b, "{\"v\":%d", PROTO_VERSION);
	proto_json_kstr(b, "device_id", device_id);
	proto_json_key(b, "entries", false);
	buf_addbyte(b, '[');
}

void
proto_batch_add(struct buf *b, const struct entry *e, size_t index)
{
	if (index > 0)
		buf_add(b, ",\n", 2);
	proto_entry_json(b, e);
}

void
proto_batch_close(struct buf *b)
{
	buf_add(b, "]}\n", 3);
}

void
proto_reply_json(struct buf *b, const struct proto_reply *r)
{
	const struct outbox_ack *a = &r->ack;

	buf_printf(b, "{\"v\":%d", PROTO_VERSION);
	if (r->error[0] != '\0') {
		proto_json_kstr(b, "error", r->error);
		proto_json_kstr(b, "message", r->message);
	}
	if (r->has_ack) {
		proto_json_kstr(b, "device_id", a->device_id);
		proto_json_i64(b, "acked_seq", a->acked_seq);
		proto_json_key(b, "head_hash", false);
		proto_json_hex(b, a->head_hash, ENTRY_HASH_LEN);
		proto_json_i64(b, "server_time", a->server_time_ms);
		proto_json_key(b, "server_sig", false);
		proto_json_hex(b, a->sig, ENTRY_SIG_LEN);
	}
	if (r->error[0] == '\0' && r->has_ack) {
		proto_json_i64(b, "stored", r->stored);
		proto_json_i64(b, "duplicates", r->duplicates);
	}
	if (r->token[0] != '\0')
		proto_json_kstr(b, "token", r->token);
	if (r->has_server_key) {
		proto_json_key(b, "server_key", false);
		proto_json_hex(b, r->server_key, ENTRY_PK_LEN);
	}
	buf_add(b, "}\n", 2);
}

void
proto_enrol_json(struct buf *b, const struct proto_enrol *e)
{
	buf_printf(b, "{\"v\":%d", PROTO_VERSION);
	proto_json_kstr(b, "outlet_id", e->outlet_id);
	proto_json_kstr(b, "device_id", e->device_id);
	proto_json_key(b, "public_key", false);
	proto_json_hex(b, e->public_key, ENTRY_PK_LEN);
	proto_json_kstr(b, "code", e->code);
	buf_add(b, "}\n", 2);
}

/* Decoding. */

bool
proto_id_ok(const char *s)
{
	size_t	 n = strlen(s);

	if (n == 0 || n >= OUTBOX_ID_MAX)
		return false;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n;
}

/*
 * Checks that obj is an object whose members are all in keys, none twice.
 * The first nreq keys are required.
 */
static enum pos_rc
proto_members(const cJSON *obj, const char *const *keys, size_t nkeys,
    size_t nreq, const char *what, char **cause)
{
	const cJSON *m;
	uint64_t seen = 0;
	size_t	 i;

	if (!cJSON_IsObject(obj))
		return cause_set(cause, POS_EINVAL, "%s harus objek JSON",
		    what);
	for (m = obj->child; m != NULL; m = m->next) {
		for (i = 0; i < nkeys; i++)
			if (m->string != NULL &&
			    strcmp(m->string, keys[i]) == 0)
				break;
		if (i == nkeys)
			return cause_set(cause, POS_EINVAL, "%s: anggota "
			    "\"%.40s\" tidak dikenal", what,
			    m->string != NULL ? m->string : "");
		if (seen & ((uint64_t)1 << i))
			return cause_set(cause, POS_EINVAL, "%s: anggota "
			    "\"%s\" muncul dua kali", what, keys[i]);
		seen |= (uint64_t)1 << i;
	}
	for (i = 0; i < nreq; i++)
		if (!(seen & ((uint64_t)1 << i)))
			return cause_set(cause, POS_EINVAL, "%s: anggota "
			    "\"%s\" tidak ada", what, keys[i]);
	return POS_OK;
}

/* Member m, called name, as a whole number a double holds exactly. */
static enum pos_rc
proto_num(const cJSON *m, const char *name, int64_t *out, char **cause)
{
	double	 d;

	if (!cJSON_IsNumber(m))
		return cause_set(cause, POS_EINVAL, "\"%s\" harus bilangan",
		    name);
	d = m->valuedouble;
	if (!isfinite(d) || d != floor(d) || fabs(d) > PROTO_INT_MAX)
		return cause_set(cause, POS_EINVAL, "\"%s\" harus bilangan "
		    "bulat dalam batas +-(2^53-1)", name);
	*out = (int64_t)d;
	return POS_OK;
}

/* Member m, called name, as exactly len bytes of lower-case hex. */
static enum pos_rc
proto_hexm(const cJSON *m, const char *name, uint8_t *out, size_t len,
    char **cause)
{
	const char *s;

	if (!cJSON_IsString(m) || m->valuestring == NULL)
		return cause_set(cause, POS_EINVAL, "\"%s\" harus teks", name);
	s = m->valuestring;
	if (strlen(s) != 2 * len || strspn(s, "0123456789abcdef") != 2 * len ||
	    hex_decode(s, out, len) != 0)
		return cause_set(cause, POS_EINVAL, "\"%s\" harus %zu digit "
		    "heksadesimal huruf kecil", name, 2 * len);
	return POS_OK;
}

static enum pos_rc
proto_i64(const cJSON *obj, const char *name, int64_t *out, char **cause)
{
	return proto_num(cJSON_GetObjectItemCaseSensitive(obj, name), name,
	    out, cause);
}

static enum pos_rc
proto_strp(const cJSON *obj, const char *name, const char **out,
    char **cause)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, name);

	if (!cJSON_IsString(m) || m->valuestring == NULL)
		return cause_set(cause, POS_EINVAL, "\"%s\" harus teks", name);
	*out = m->valuestring;
	return POS_OK;
}

/* A string into out[size]; refuses one that does not fit. */
static enum pos_rc
proto_str(const cJSON *obj, const char *name, char *out, size_t size,
    char **cause)
{
	const char *s = NULL;
	enum pos_rc rc;

	if ((rc = proto_strp(obj, name, &s, cause)) != POS_OK)
		return rc;
	if (strlen(s) >= size)
		return cause_set(cause, POS_EINVAL, "\"%s\" terlalu panjang",
		    name);
	memcpy(out, s, strlen(s) + 1);
	return POS_OK;
}

static enum pos_rc
proto_hex(const cJSON *obj, const char *name, uint8_t *out, size_t len,
    char **cause)
{
	return proto_hexm(cJSON_GetObjectItemCaseSensitive(obj, name), name,
	    out, len, cause);
}

/* Parses json[len] (NUL at json[len]) as exactly one JSON value. */
static enum pos_rc
proto_parse(const char *json, size_t len, cJSON **out, char **cause)
{
	if (memchr(json, '\0', len) != NULL || json[len] != '\0')
		return cause_set(cause, POS_EINVAL, "Badan permintaan berisi "
		    "byte NUL");
	/* The length counts the NUL so cJSON refuses trailing garbage. */
	*out = cJSON_ParseWithLengthOpts(json, len + 1, NULL, 1);
	if (*out == NULL)
		return cause_set(cause, POS_EINVAL, "Badan bukan JSON yang sah "
		    "(rusak atau terpotong)");
	return POS_OK;
}

static enum pos_rc
proto_version(const cJSON *root, char **cause)
{
	int64_t	 v;
	enum pos_rc rc;

	if ((rc = proto_i64(root, "v", &v, cause)) != POS_OK)
		return rc;
	if (v != PROTO_VERSION)
		return cause_set(cause, POS_EINVAL, "Versi protokol %lld tidak "
		    "didukung (server ini: %d)", (long long)v, PROTO_VERSION);
	return POS_OK;
}

/*
 * Entries and lines are decoded in one pass over their members, each
 * looked up once in the field list (rules/entry.h): a batch of a thousand
 * entries is mostly this loop.
 */
static enum pos_rc proto_lines(const cJSON *, struct entry *, char **);

/* Member m into field f of the struct at base, by its type. */
static enum pos_rc
proto_field(const cJSON *m, const struct entry_field *f, void *base,
    char **cause)
{
	uint8_t	 blob[64];
	int64_t	 v;
	size_t	 n, max;
	enum pos_rc rc;

	switch (f->type) {
	case ENTRY_T_I64:
		if ((rc = proto_num(m, f->name, &v, cause)) != POS_OK)
			return rc;
		entry_field_set_i64(f, base, v);
		return POS_OK;
	case ENTRY_T_TEXT:
	case ENTRY_T_UUID:
	case ENTRY_T_KEYID:
		if (!cJSON_IsString(m) || m->valuestring == NULL)
			return cause_set(cause, POS_EINVAL, "\"%s\" harus "
			    "teks", f->name);
		n = strlen(m->valuestring);
		max = f->type == ENTRY_T_TEXT ? ENTRY_TEXT_MAX : f->size - 1;
		if (n > max)
			return cause_set(cause, POS_EINVAL, "\"%s\" terlalu "
			    "panjang", f->name);
		entry_field_set_str(f, base, m->valuestring, n);
		return POS_OK;
	case ENTRY_T_HASH:
	case ENTRY_T_SIG:
		if (f->size > sizeof blob)
			fatalx("proto_field: %s of %zu bytes", f->name,
			    f->size);
		if ((rc = proto_hexm(m, f->name, blob, f->size, cause)) !=
		    POS_OK)
			return rc;
		entry_field_set_blob(f, base, blob);
		return POS_OK;
	}
	return cause_set(cause, POS_EINVAL, "\"%s\"", f->name);
}

/*
 * Decodes object o into base: the nf fields fs, and with e the member
 * "lines" into e; all required, none twice, nothing else.
 */
static enum pos_rc
proto_object(const cJSON *o, const struct entry_field *fs, size_t nf,
    void *base, struct entry *e, const char *what, char **cause)
{
	const cJSON *m;
	uint64_t seen = 0;
	enum pos_rc rc;
	size_t	 i, nall = nf + (e != NULL ? 1 : 0);

	_Static_assert(ENTRY_NFIELDS + 1 <= 64 && ENTRY_LINE_NFIELDS <= 64,
	    "proto_object: a field list longer than its bitmask");
	if (!cJSON_IsObject(o))
		return cause_set(cause, POS_EINVAL, "%s harus objek JSON",
		    what);
	for (m = o->child; m != NULL; m = m->next) {
		for (i = 0; i < nall && m->string != NULL; i++)
			if (strcmp(m->string,
			    i < nf ? fs[i].name : "lines") == 0)
				break;
		if (m->string == NULL || i == nall)
			return cause_set(cause, POS_EINVAL, "%s: anggota "
			    "\"%.40s\" tidak dikenal", what,
			    m->string != NULL ? m->string : "");
		if (seen & ((uint64_t)1 << i))
			return cause_set(cause, POS_EINVAL, "%s: anggota "
			    "\"%s\" muncul dua kali", what,
			    i < nf ? fs[i].name : "lines");
		seen |= (uint64_t)1 << i;
		rc = i < nf ? proto_field(m, &fs[i], base, cause) :
		    proto_lines(m, e, cause);
		if (rc != POS_OK)
			return rc;
	}
	for (i = 0; i < nall; i++)
		if (!(seen & ((uint64_t)1 << i)))
			return cause_set(cause, POS_EINVAL, "%s: anggota "
			    "\"%s\" tidak ada", what,
			    i < nf ? fs[i].name : "lines");
	return POS_OK;
}

static enum pos_rc
proto_lines(const cJSON *a, struct entry *e, char **cause)
{
	const cJSON *l;
	enum pos_rc rc;
	int	 n;

	if (!cJSON_IsArray(a))
		return cause_set(cause, POS_EINVAL, "\"lines\" harus larik");
	if (e->lines != NULL)
		return cause_set(cause, POS_EINVAL, "\"lines\" dua kali");
	if ((n = cJSON_GetArraySize(a)) > ENTRY_LINES_MAX)
		return cause_set(cause, POS_EINVAL, "Terlalu banyak baris");
	e->lines = xcalloc(n > 0 ? (size_t)n : 1, sizeof *e->lines);
	for (l = a->child; l != NULL; l = l->next) {
		/* Counted first, so a failure frees what was decoded. */
		e->nlines++;
		rc = proto_object(l, entry_line_fields, ENTRY_LINE_NFIELDS,
		    &e->lines[e->nlines - 1], NULL, "baris entri", cause);
		if (rc != POS_OK)
			return rc;
	}
	return POS_OK;
}

static enum pos_rc
proto_entry_obj(const cJSON *o, struct entry **out, char **cause)
{
	struct entry *e;
	enum pos_rc rc;
	char	*why;

	e = xcalloc(1, sizeof *e);
	/* On failure entry_free copes with the fields still NULL. */
	rc = proto_object(o, entry_fields, ENTRY_NFIELDS, e, e, "entri",
	    cause);
	if (rc != POS_OK) {
		if (e->seq > 0 && cause != NULL && *cause != NULL) {
			why = *cause;
			*cause = NULL;
			cause_set(cause, rc, "Entri %lld: %s",
			    (long long)e->seq, why);
			free(why);
		}
		entry_free(e);
		return rc;
	}
	*out = e;
	return POS_OK;
}

enum pos_rc
proto_entry_decode(const char *json, size_t len, struct entry **out,
    char **cause)
{
	cJSON	*root;
	enum pos_rc rc;

	if ((rc = proto_parse(json, len, &root, cause)) != POS_OK)
		return rc;
	rc = proto_entry_obj(root, out, cause);
	cJSON_Delete(root);
	return rc;
}

static const char *const proto_batch_keys[] = { "v", "device_id", "entries" };

enum pos_rc
proto_batch_decode(const char *json, size_t len, struct proto_batch *out,
    char **cause)
{
	const cJSON *arr, *o;
	cJSON	*root;
	enum pos_rc rc;
	int	 n;

	memset(out, 0, sizeof *out);
	if ((rc = proto_parse(json, len, &root, cause)) != POS_OK)
		return rc;
	if ((rc = proto_members(root, proto_batch_keys, 3, 3, "kiriman",
	    cause)) != POS_OK || (rc = proto_version(root, cause)) != POS_OK ||
	    (rc = proto_str(root, "device_id", out->device_id,
	    sizeof out->device_id, cause)) != POS_OK)
		goto out;
	arr = cJSON_GetObjectItemCaseSensitive(root, "entries");
	if (!cJSON_IsArray(arr)) {
		rc = cause_set(cause, POS_EINVAL, "\"entries\" harus larik");
		goto out;
	}
	n = cJSON_GetArraySize(arr);
	if (n < 1 || n > PROTO_MAX_ENTRIES) {
		rc = cause_set(cause, POS_EINVAL, "Kiriman harus berisi 1 "
		    "sampai %d entri, bukan %d", PROTO_MAX_ENTRIES, n);
		goto out;
	}
	out->entries = xcalloc((size_t)n, sizeof *out->entries);
	for (o = arr->child; o != NULL; o = o->next) {
		rc = proto_entry_obj(o, &out->entries[out->n], cause);
		if (rc != POS_OK)
			goto out;
		out->n++;
	}
out:
	cJSON_Delete(root);
	if (rc != POS_OK)
		proto_batch_free(out);
	return rc;
}

void
proto_batch_free(struct proto_batch *b)
{
	size_t	 i;

	for (i = 0; i < b->n; i++)
		entry_free(b->entries[i]);
	free(b->entries);
	b->entries = NULL;
	b->n = 0;
}

static const char *const proto_reply_keys[] = {
	"v", "error", "message", "device_id", "acked_seq", "head_hash",
	"server_time", "server_sig", "stored", "duplicates", "token",
	"server_key",
};

enum pos_rc
proto_reply_decode(const char *json, size_t len, struct proto_reply *r,
    char **cause)
{
	cJSON	*root;
	enum pos_rc rc;
	bool	 has_error;

	memset(r, 0, sizeof *r);
	if ((rc = proto_parse(json, len, &root, cause)) != POS_OK)
		return rc;
	if ((rc = proto_members(root, proto_reply_keys, 12, 1, "jawaban server",
	    cause)) != POS_OK || (rc = proto_version(root, cause)) != POS_OK)
		goto out;
	has_error = cJSON_GetObjectItemCaseSensitive(root, "error") != NULL;
	if (has_error &&
	    ((rc = proto_str(root, "error", r->error, sizeof r->error,
	    cause)) != POS_OK ||
	    (rc = proto_str(root, "message", r->message, sizeof r->message,
	    cause)) != POS_OK))
		goto out;
	if (has_error && r->error[0] == '\0') {
		rc = cause_set(cause, POS_EINVAL, "\"error\" kosong");
		goto out;
	}
	if (cJSON_GetObjectItemCaseSensitive(root, "acked_seq") != NULL) {
		if ((rc = proto_str(root, "device_id", r->ack.device_id,
		    sizeof r->ack.device_id, cause)) != POS_OK ||
		    (rc = proto_i64(root, "acked_seq", &r->ack.acked_seq,
		    cause)) != POS_OK ||
		    (rc = proto_hex(root, "head_hash", r->ack.head_hash,
		    ENTRY_HASH_LEN, cause)) != POS_OK ||
		    (rc = proto_i64(root, "server_time", &r->ack.server_time_ms,
		    cause)) != POS_OK ||
		    (rc = proto_hex(root, "server_sig", r->ack.sig,
		    ENTRY_SIG_LEN, cause)) != POS_OK)
			goto out;
		r->has_ack = true;
	}
	if (cJSON_GetObjectItemCaseSensitive(root, "stored") != NULL &&
	    ((rc = proto_i64(root, "stored", &r->stored, cause)) != POS_OK ||
	    (rc = proto_i64(root, "duplicates", &r->duplicates, cause)) !=
	    POS_OK))
		goto out;
	if (cJSON_GetObjectItemCaseSensitive(root, "token") != NULL) {
		if ((rc = proto_str(root, "token", r->token, sizeof r->token,
		    cause)) != POS_OK)
			goto out;
		if (strlen(r->token) != PROTO_TOKEN_LEN ||
		    strspn(r->token, "0123456789abcdef") != PROTO_TOKEN_LEN) {
			rc = cause_set(cause, POS_EINVAL, "Kredensial dari "
			    "server tidak berbentuk benar");
			goto out;
		}
	}
	if (cJSON_GetObjectItemCaseSensitive(root, "server_key") != NULL) {
		if ((rc = proto_hex(root, "server_key", r->server_key,
		    ENTRY_PK_LEN, cause)) != POS_OK)
			goto out;
		r->has_server_key = true;
	}
out:
	cJSON_Delete(root);
	return rc;
}

static const char *const proto_enrol_keys[] = {
	"v", "outlet_id", "device_id", "public_key", "code",
};

enum pos_rc
proto_enrol_decode(const char *json, size_t len, struct proto_enrol *e,
    char **cause)
{
	cJSON	*root;
	enum pos_rc rc;

	memset(e, 0, sizeof *e);
	if ((rc = proto_parse(json, len, &root, cause)) != POS_OK)
		return rc;
	if ((rc = proto_members(root, proto_enrol_keys, 5, 5, "pendaftaran",
	    cause)) != POS_OK || (rc = proto_version(root, cause)) != POS_OK ||
	    (rc = proto_str(root, "outlet_id", e->outlet_id,
	    sizeof e->outlet_id, cause)) != POS_OK ||
	    (rc = proto_str(root, "device_id", e->device_id,
	    sizeof e->device_id, cause)) != POS_OK ||
	    (rc = proto_hex(root, "public_key", e->public_key, ENTRY_PK_LEN,
	    cause)) != POS_OK ||
	    (rc = proto_str(root, "code", e->code, sizeof e->code, cause)) !=
	    POS_OK)
		goto out;
	if (!proto_id_ok(e->outlet_id) || !proto_id_ok(e->device_id))
		rc = cause_set(cause, POS_EINVAL, "Kode outlet/perangkat "
		    "hanya huruf besar, angka dan '-'");
out:
	cJSON_Delete(root);
	return rc;
}

/* gzip. */

enum pos_rc
proto_gzip(const void *in, size_t len, int level, struct buf *out,
    char **cause)
{
	z_stream z;
	uint8_t	 chunk[16384];
	int	 zr;

	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		return cause_set(cause, POS_EIO, "zlib tidak siap");
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof chunk;
		zr = deflate(&z, Z_FINISH);
		buf_add(out, chunk, sizeof chunk - z.avail_out);
	} while (zr == Z_OK || zr == Z_BUF_ERROR);
	deflateEnd(&z);
	if (zr != Z_STREAM_END || out->failed)
		return cause_set(cause, POS_EFULL, "Kompresi gagal atau "
		    "hasil terlalu besar");
	return POS_OK;
}

enum pos_rc
proto_gunzip(const void *in, size_t len, struct buf *out, char **cause)
{
	z_stream z;
	uint8_t	 chunk[16384];
	enum pos_rc rc = POS_OK;
	int	 zr;

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return cause_set(cause, POS_EIO, "zlib tidak siap");
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof chunk;
		zr = inflate(&z, Z_NO_FLUSH);
		if (zr != Z_OK && zr != Z_STREAM_END)
			break;
		if (buf_add(out, chunk, sizeof chunk - z.avail_out) !=
		    POS_OK) {
			rc = cause_set(cause, POS_EFULL, "Isi kiriman setelah "
			    "dekompresi lebih dari %zu byte", out->cap);
			goto out;
		}
	} while (zr == Z_OK && (z.avail_in > 0 || z.avail_out == 0));
	if (zr != Z_STREAM_END)
		rc = cause_set(cause, POS_EINVAL, "Data gzip rusak atau "
		    "terpotong");
	else if (z.avail_in != 0)
		rc = cause_set(cause, POS_EINVAL, "Ada data setelah akhir "
		    "gzip");
out:
	inflateEnd(&z);
	return rc;
}
