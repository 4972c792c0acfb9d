/* SPDX-License-Identifier: ISC */
/*
 * The entry's field list (rules/entry.h) walked field by field: every field
 * of the list, given a value unlike every other's, comes back the same
 * through each form the entry takes: the canonical encoding and its
 * decoder, a copy, the JSON both ways, and a journal row in a real SQLite
 * file (read back, and read column by column by name). Every field but the
 * blobs is in the encoding; every JSON member is required, once; the
 * table agrees with the structs. The server's form is checked by
 * tests/regress/sync-ingest.sh on a real PostgreSQL, and
 * tests/entry-fields-selftest.sh shows that a field of a type no site
 * handles does not compile.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <sqlite3.h>

#include "check.h"
#include "core.h"
#include "db.h"
#include "proto.h"

static char	 tmpdir[512];

/* Both lists, walked alike. */
static const struct {
	const struct entry_field *fs;
	size_t	 n;
	size_t	 size;		/* of the struct */
	const char *table;	/* in the journal */
} lists[2] = {
	{ entry_fields, ENTRY_NFIELDS, sizeof(struct entry), "journal" },
	{ entry_line_fields, ENTRY_LINE_NFIELDS, sizeof(struct entry_line),
	    "journal_lines" },
};

/* Sets field f (number i of its list) to a value unlike any other's. */
static void
probe_set(const struct entry_field *f, size_t i, int salt, void *base)
{
	uint8_t	 b[64];
	char	 s[64];
	size_t	 k;

	switch (f->type) {
	case ENTRY_T_I64:
		entry_field_set_i64(f, base, (i % 2 == 0 ? 1 : -1) *
		    (INT64_C(1000003) * (int64_t)(i + 1) + salt));
		break;
	case ENTRY_T_TEXT:
		snprintf(s, sizeof s, "%s %d \xc3\xa9 \"%zu\"", f->name, salt,
		    i);
		entry_field_set_str(f, base, s, strlen(s));
		break;
	case ENTRY_T_UUID:
		snprintf(s, sizeof s, "%08zx-%04x-4%03x-8000-0123456789ab", i,
		    (unsigned)salt & 0xffff, (unsigned)salt & 0xfff);
		entry_field_set_str(f, base, s, strlen(s));
		break;
	case ENTRY_T_KEYID:
		snprintf(s, sizeof s, "%016llx",
		    (unsigned long long)(i * 7919 + (size_t)salt));
		entry_field_set_str(f, base, s, strlen(s));
		break;
	case ENTRY_T_HASH:
	case ENTRY_T_SIG:
		for (k = 0; k < f->size && k < sizeof b; k++)
			b[k] = (uint8_t)(i * 31 + k + (size_t)salt);
		entry_field_set_blob(f, base, b);
		break;
	}
}

/* An entry with every field of both lists probed, and nlines lines. */
static struct entry *
probe_entry(size_t nlines, int salt)
{
	struct entry *e = entry_blank();
	struct entry_line blank;
	size_t	 i, j;

	memset(&blank, 0, sizeof blank);
	for (i = 0; i < ENTRY_NFIELDS; i++)
		probe_set(&entry_fields[i], i, salt, e);
	for (j = 0; j < nlines; j++) {
		entry_add_line(e, &blank);
		for (i = 0; i < ENTRY_LINE_NFIELDS; i++)
			probe_set(&entry_line_fields[i], i,
			    salt + 100 * (int)(j + 1), &e->lines[j]);
	}
	return e;
}

static bool
field_equal(const struct entry_field *f, const void *a, const void *b)
{
	switch (f->type) {
	case ENTRY_T_I64:
		return entry_field_i64(f, a) == entry_field_i64(f, b);
	case ENTRY_T_TEXT:
	case ENTRY_T_UUID:
	case ENTRY_T_KEYID:
		return strcmp(entry_field_str(f, a), entry_field_str(f, b)) ==
		    0;
	case ENTRY_T_HASH:
	case ENTRY_T_SIG:
		return memcmp(entry_field_blob(f, a), entry_field_blob(f, b),
		    f->size) == 0;
	}
	return false;
}

static bool
field_is_blob(const struct entry_field *f)
{
	return f->type == ENTRY_T_HASH || f->type == ENTRY_T_SIG;
}

/*
 * Every field of a and b equal (blobs too unless !blobs), naming each
 * that is not, with how they got there.
 */
static bool
entries_equal(const struct entry *a, const struct entry *b, bool blobs,
    const char *how)
{
	bool	 ok = true;
	size_t	 i, j;

	for (i = 0; i < ENTRY_NFIELDS; i++)
		if ((blobs || !field_is_blob(&entry_fields[i])) &&
		    !field_equal(&entry_fields[i], a, b)) {
			fprintf(stderr, "%s: field %s differs\n", how,
			    entry_fields[i].name);
			ok = false;
		}
	if (a->nlines != b->nlines) {
		fprintf(stderr, "%s: %zu lines, not %zu\n", how, b->nlines,
		    a->nlines);
		return false;
	}
	for (j = 0; j < a->nlines; j++)
		for (i = 0; i < ENTRY_LINE_NFIELDS; i++)
			if (!field_equal(&entry_line_fields[i], &a->lines[j],
			    &b->lines[j])) {
				fprintf(stderr, "%s: line %zu field %s "
				    "differs\n", how, j + 1,
				    entry_line_fields[i].name);
				ok = false;
			}
	return ok;
}

/* The table is the structs: names unique, in member order, sized. */
static void
test_fields_table(void)
{
	const struct entry_field *f;
	size_t	 l, i, k, want;

	for (l = 0; l < 2; l++) {
		for (i = 0; i < lists[l].n; i++) {
			f = &lists[l].fs[i];
			for (k = 0; k < i; k++)
				CHECK(strcmp(f->name, lists[l].fs[k].name) !=
				    0);
			if (i > 0)
				CHECK(f->off >= lists[l].fs[i - 1].off +
				    lists[l].fs[i - 1].size);
			CHECK(f->off + f->size <= lists[l].size);
			CHECK(*f->label != '\0');
			want = 0;
			switch (f->type) {
			case ENTRY_T_I64: want = sizeof(int64_t); break;
			case ENTRY_T_TEXT: want = sizeof(char *); break;
			case ENTRY_T_UUID: want = ENTRY_UUID_LEN + 1; break;
			case ENTRY_T_KEYID: want = ENTRY_KEYID_LEN + 1; break;
			case ENTRY_T_HASH: want = ENTRY_HASH_LEN; break;
			case ENTRY_T_SIG: want = ENTRY_SIG_LEN; break;
			}
			CHECK_EQ_I64(f->size, want);
			/* The server has no columns for lines. */
			CHECK(l == 0 || *f->srv == '\0');
		}
	}
	/* The header's fields fill struct entry up to its lines. */
	f = &entry_fields[ENTRY_NFIELDS - 1];
	CHECK(f->off + f->size <= offsetof(struct entry, lines));
	CHECK(offsetof(struct entry, lines) - (f->off + f->size) <
	    sizeof(void *));
}

/*
 * encode -> decode gives every field but the blobs back; changing any
 * one field but a blob changes the encoding; a blob does not.
 */
static void
test_fields_encoding(void)
{
	struct entry *e, *d = NULL, *m;
	uint8_t	*enc, *enc2, *cut;
	char	*cause = NULL;
	size_t	 len, len2, l, i, k;
	void	*base;

	e = probe_entry(2, 1);
	enc = entry_encode(e, &len);
	CHECK(entry_decode(enc, len, &d, &cause) == POS_OK);
	if (d != NULL) {
		CHECK(entries_equal(e, d, false, "encode->decode"));
		for (i = 0; i < ENTRY_NFIELDS; i++)
			if (field_is_blob(&entry_fields[i]))
				CHECK(sodium_is_zero(entry_field_blob(
				    &entry_fields[i], d),
				    entry_fields[i].size));
	}
	entry_free(d);
	for (l = 0; l < 2; l++)
		for (i = 0; i < lists[l].n; i++) {
			m = probe_entry(2, 1);
			base = l == 0 ? (void *)m : (void *)&m->lines[1];
			probe_set(&lists[l].fs[i], i, 77, base);
			enc2 = entry_encode(m, &len2);
			if (field_is_blob(&lists[l].fs[i]))
				CHECK(len2 == len && memcmp(enc, enc2, len) ==
				    0);
			else if (len2 == len && memcmp(enc, enc2, len) == 0) {
				fprintf(stderr, "field %s is not in the "
				    "encoding\n", lists[l].fs[i].name);
				CHECK(false);
			}
			free(enc2);
			entry_free(m);
		}
	/* Strict: every cut, and one byte more, refused. */
	for (k = 0; k < len; k++) {
		d = NULL;
		CHECK(entry_decode(enc, k, &d, NULL) == POS_EINVAL);
		CHECK(d == NULL);
	}
	cut = xcalloc(1, len + 1);
	memcpy(cut, enc, len);
	CHECK(entry_decode(cut, len + 1, &d, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "setelah akhir") != NULL);
	free(cut);
	free(enc);
	free(cause);
	entry_free(e);
}

/* entry_dup copies every field, strings as their own copies. */
static void
test_fields_dup(void)
{
	struct entry *e = probe_entry(3, 2), *c = entry_dup(e);

	CHECK(entries_equal(e, c, true, "entry_dup"));
	CHECK(c->kind != e->kind && c->lines != e->lines);
	CHECK(c->lines[2].party != e->lines[2].party);
	entry_free(c);
	entry_free(e);
}

/* Replaces the first of from in s by to; a new string. */
static char *
subst(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);

	if (p == NULL)
		return xstrdup("");
	return xasprintf("%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
}

/*
 * The member "name":value of s, with the comma that ties it to the next
 * member (or the previous one, when it is the last); probe values hold no
 * comma, brace or bracket.
 */
static char *
member(const char *s, const char *name)
{
	char	*key = xasprintf("\"%s\":", name);
	const char *p = strstr(s, key), *q;
	char	*m;

	free(key);
	if (p == NULL)
		return xstrdup("");
	q = p + strcspn(p, ",}]");
	if (*q == ',')
		q++;
	else if (p > s && p[-1] == ',')
		p--;
	m = xstrndup(p, (size_t)(q - p));
	return m;
}

/* json with from replaced by to is refused, the cause naming field. */
static void
test_refused(const char *json, const char *from, const char *to,
    const char *field, const char *why)
{
	struct entry *d = NULL;
	char	*j = subst(json, from, to), *cause = NULL;
	bool	 ok;

	CHECK(*j != '\0');
	CHECK(proto_entry_decode(j, strlen(j), &d, &cause) == POS_EINVAL);
	CHECK(d == NULL);
	ok = cause != NULL && strstr(cause, field) != NULL &&
	    strstr(cause, why) != NULL;
	if (!ok)
		fprintf(stderr, "%s %s: cause \"%s\"\n", field, why,
		    cause != NULL ? cause : "");
	CHECK(ok);
	free(cause);
	free(j);
}

/*
 * entry -> JSON -> entry gives every field back, and the JSON refuses an
 * entry without any one member, with one twice, or one of the wrong type.
 */
static void
test_fields_json(void)
{
	struct entry *e = probe_entry(2, 3), *d = NULL;
	struct buf b;
	const char *name;
	char	*json, *m, *cause = NULL, *twice, *key, *bad;
	size_t	 len, l, i;

	buf_init(&b, 1024 * 1024);
	proto_entry_json(&b, e);
	json = buf_take(&b, &len);
	CHECK(proto_entry_decode(json, len, &d, &cause) == POS_OK);
	if (d != NULL)
		CHECK(entries_equal(e, d, true, "entry->JSON->entry"));
	entry_free(d);
	for (l = 0; l < 2; l++)
		for (i = 0; i < lists[l].n; i++) {
			name = lists[l].fs[i].name;
			m = member(json, name);
			CHECK(*m != '\0');
			/* Without it. */
			test_refused(json, m, "", name, "tidak ada");
			/* Twice. */
			twice = xasprintf("%s%s", m, m);
			test_refused(json, m, twice, name, "dua kali");
			free(twice);
			/* Of the wrong type (a blob or text as a number). */
			key = xasprintf("\"%s\":", name);
			bad = xasprintf("\"%s\":%s,\"%s\":", name,
			    lists[l].fs[i].type == ENTRY_T_I64 ? "\"1\"" : "1",
			    name);
			test_refused(json, key, bad, name, "harus");
			free(bad);
			free(key);
			free(m);
		}
	free(json);
	free(cause);
	entry_free(e);
}

/*
 * entry -> journal row -> entry on a real ledger file, and each field in
 * the column of its name.
 */
static void
test_fields_journal(void)
{
	struct db_device dev;
	struct db *db = NULL;
	struct entry *e, *got = NULL;
	sqlite3	*sq = NULL;
	sqlite3_stmt *st;
	uint8_t	 seed[32] = { 5 }, sk[64], zero[ENTRY_HASH_LEN] = { 0 };
	char	*path, *cause = NULL, *sql;
	const struct entry_field *f;
	const void *base;
	size_t	 l, i, j;
	bool	 same;

	path = xasprintf("%s/fields.db", tmpdir);
	CHECK(db_open(path, DB_CREATE, NULL, &db, &cause) == POS_OK);
	if (db == NULL) {
		fprintf(stderr, "%s\n", cause);
		return;
	}
	memset(&dev, 0, sizeof dev);
	strcpy(dev.outlet_id, "KPG01");
	strcpy(dev.outlet_name, "NTT Mart Kupang");
	strcpy(dev.device_id, "KPG01-K1");
	crypto_sign_seed_keypair(dev.pk, sk, seed);
	entry_key_id(dev.pk, dev.key_id);
	CHECK(db_device_init(db, &dev, sk, &cause) == POS_OK);

	/*
	 * The append sets seq, the ids, key id, prev_hash, hash and sig; the
	 * rest keeps its probe, but for what entry_check wants beyond form.
	 */
	e = probe_entry(3, 4);
	entry_set(&e->kind, "probe.kind");
	entry_set(&e->business_day, "2026-11-22");
	entry_uuid_new(e->uuid);
	{
		char	 u[ENTRY_UUID_LEN + 1];

		entry_uuid_new(u);
		entry_set(&e->ref_uuid, u);
	}
	CHECK(db_journal_append(db, e, sk, NULL, &cause) == POS_OK);
	CHECK_EQ_I64(e->seq, 2);
	CHECK(db_journal_get(db, 2, &got, &cause) == POS_OK);
	if (got != NULL) {
		CHECK(entries_equal(e, got, true, "entry->journal->entry"));
		CHECK(entry_verify(got, 2, got->prev_hash, dev.pk, &cause) ==
		    POS_OK);
		CHECK(sodium_memcmp(got->prev_hash, zero, sizeof zero) != 0);
	}
	entry_free(got);
	db_close(db);

	/* Column by column, by name: the binding follows the names. */
	CHECK(sqlite3_open_v2(path, &sq, SQLITE_OPEN_READONLY, NULL) ==
	    SQLITE_OK);
	for (l = 0; l < 2; l++)
		for (j = 0; j < (l == 0 ? 1 : e->nlines); j++)
			for (i = 0; i < lists[l].n; i++) {
				f = &lists[l].fs[i];
				base = l == 0 ? (const void *)e :
				    (const void *)&e->lines[j];
				sql = xasprintf("SELECT %s FROM %s WHERE seq = 2"
				    "%s%zu", f->name, lists[l].table,
				    l == 0 ? " AND 0 <> " : " AND line_no = ",
				    j + 1);
				st = NULL;
				CHECK(sqlite3_prepare_v2(sq, sql, -1, &st,
				    NULL) == SQLITE_OK);
				CHECK(sqlite3_step(st) == SQLITE_ROW);
				same = false;
				switch (f->type) {
				case ENTRY_T_I64:
					same = sqlite3_column_int64(st, 0) ==
					    entry_field_i64(f, base);
					break;
				case ENTRY_T_TEXT:
				case ENTRY_T_UUID:
				case ENTRY_T_KEYID:
					same = strcmp((const char *)
					    sqlite3_column_text(st, 0),
					    entry_field_str(f, base)) == 0;
					break;
				case ENTRY_T_HASH:
				case ENTRY_T_SIG:
					same = (size_t)sqlite3_column_bytes(st,
					    0) == f->size && memcmp(
					    sqlite3_column_blob(st, 0),
					    entry_field_blob(f, base),
					    f->size) == 0;
					break;
				}
				if (!same)
					fprintf(stderr, "column %s.%s\n",
					    lists[l].table, f->name);
				CHECK(same);
				sqlite3_finalize(st);
				free(sql);
			}
	sqlite3_close(sq);
	entry_free(e);
	free(cause);
	free(path);
}

int
main(void)
{
	const char *t = getenv("TMPDIR");
	char	*cmd;

	snprintf(tmpdir, sizeof tmpdir, "%s/test-entry-fields-XXXXXX",
	    t != NULL ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL || sodium_init() < 0)
		return 1;
	test_fields_table();
	test_fields_encoding();
	test_fields_dup();
	test_fields_json();
	test_fields_journal();
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	free(cmd);
	return check_exit();
}
