/* SPDX-License-Identifier: ISC */
/*
 * srv-fields: signed means stored, field by field (tests/regress/
 * server-fields.sh). Walks the entry's field lists (ENTRY_FIELDS and
 * ENTRY_LINE_FIELDS of rules/entry.h), so a field added there is covered
 * without touching this file.
 *
 *	srv-fields gen --dir D --outlet O --device ID --code CODE
 *		a new device key and chain: the genesis entry, then one
 *		entry per field of either list holding a hard value in that
 *		field (text of ENTRY_TEXT_MAX bytes with quotes, backslashes
 *		and characters outside ASCII, integers at +-(2^53 - 1)),
 *		all signed. Writes D/enrol.json, D/batch.json, D/signed
 *		("seq encoding prev_hash hash sig" in hex: what was signed,
 *		and the seal), and for every
 *		field carried as a JSON string, D/nul-NAME.json: the same
 *		batch with "\u0000EXTRA" added to that field of entry 2 (the
 *		server must refuse it: cJSON would keep what came before)
 *	srv-fields check --dir D --stored FILE
 *		FILE holds the entries the server stored (its entry column,
 *		one JSON a line, by seq): each must re-encode to the signed
 *		bytes and hash, and each field must equal the signed one;
 *		prints a line per field, exits 1 on any difference
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "entry.h"
#include "proto.h"

#define SF_MAX_ENTRIES	(2 + ENTRY_NFIELDS + ENTRY_LINE_NFIELDS)
#define SF_INT_MAX	INT64_C(9007199254740991)	/* 2^53 - 1 */

static void
sf_die(const char *what, const char *arg)
{
	fprintf(stderr, "srv-fields: %s %s\n", what, arg);
	exit(2);
}

static void
sf_write(const char *dir, const char *name, const char *data, size_t len)
{
	char	 path[1024];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL ||
	    fwrite(data, 1, len, fp) != len || fclose(fp) != 0)
		sf_die("cannot write", path);
}

/* Text of exactly ENTRY_TEXT_MAX bytes that JSON must escape and keep. */
static void
sf_hard_text(char *out)
{
	static const char seed[] = "Kain \"ikat\" \\ Sumba / kopi é ü "
	    "\xe6\xbc\xa2\xe5\xad\x97 \xf0\x9d\x84\x9e <&> ";
	size_t	 n = 0, k;

	while (n + sizeof seed - 1 <= ENTRY_TEXT_MAX) {
		memcpy(out + n, seed, sizeof seed - 1);
		n += sizeof seed - 1;
	}
	for (k = 0; n < ENTRY_TEXT_MAX; n++, k++)
		out[n] = (char)('a' + k % 26);
	out[n] = '\0';
}

/*
 * Field f of the struct at base, given its hard value (hard) or a plain
 * one. Fields the chain or the device fix are left as they are.
 */
static void
sf_set(const struct entry_field *f, void *base, bool hard, bool line,
    const char *text)
{
	char	 uuid[ENTRY_UUID_LEN + 1];

	switch (f->type) {
	case ENTRY_T_I64:
		if (!line && strcmp(f->name, "seq") == 0)
			return;
		entry_field_set_i64(f, base, hard ? (line ? -SF_INT_MAX :
		    SF_INT_MAX) : 0);
		return;
	case ENTRY_T_TEXT:
		if (!line && (strcmp(f->name, "outlet_id") == 0 ||
		    strcmp(f->name, "device_id") == 0))
			return;
		if (!line && strcmp(f->name, "business_day") == 0)
			text = hard ? "2199-12-31" : "";
		else if (!line && strcmp(f->name, "ref_uuid") == 0) {
			entry_uuid_new(uuid);
			text = hard ? uuid : "";
		} else if ((!line && strcmp(f->name, "kind") == 0) ||
		    (line && strcmp(f->name, "type") == 0))
			text = hard ? text : line ? "field" : ENTRY_EVENT;
		else if (!hard)
			text = "";
		entry_field_set_str(f, base, text, strlen(text));
		return;
	case ENTRY_T_UUID:
		entry_uuid_new(uuid);
		entry_field_set_str(f, base, uuid, strlen(uuid));
		return;
	case ENTRY_T_KEYID:	/* the device key's, set by the caller */
	case ENTRY_T_HASH:	/* the seal's */
	case ENTRY_T_SIG:
		return;
	}
}

/* Entry seq: hard in entry field fi or line field li (-1: none). */
static struct entry *
sf_entry(int64_t seq, const char *outlet, const char *device,
    const char *kid, int fi, int li, const char *text)
{
	struct entry *e = entry_blank();
	struct entry_line *l;
	size_t	 i;

	e->seq = seq;
	for (i = 0; i < ENTRY_NFIELDS; i++)
		sf_set(&entry_fields[i], e, (int)i == fi, false, text);
	entry_set(&e->outlet_id, outlet);
	entry_set(&e->device_id, device);
	snprintf(e->key_id, sizeof e->key_id, "%s", kid);
	l = entry_add(e, "field");
	for (i = 0; i < ENTRY_LINE_NFIELDS; i++)
		sf_set(&entry_line_fields[i], l, (int)i == li, true, text);
	return e;
}

/*
 * The batch's JSON with "\u0000EXTRA" added inside the string value of
 * member name of entry 2 (its first line's, for a line field).
 */
static char *
sf_with_nul(struct entry **es, size_t n, const char *device,
    const char *name, size_t *len)
{
	struct buf b, one;
	char	 key[64], *p, *q;
	size_t	 i;

	buf_init(&b, PROTO_MAX_JSON);
	proto_batch_open(&b, device);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_add(&b, ",\n", 2);
		buf_init(&one, PROTO_MAX_JSON);
		proto_entry_json(&one, es[i]);
		if (i == 1) {
			snprintf(key, sizeof key, "\"%s\":\"", name);
			if ((p = strstr(one.data, key)) == NULL)
				sf_die("no string member", name);
			/* The closing quote: the first one not escaped. */
			for (q = p + strlen(key); *q != '"'; q++)
				if (*q == '\\')
					q++;
			buf_add(&b, one.data, (size_t)(q - one.data));
			buf_addstr(&b, "\\u0000EXTRA");
			buf_addstr(&b, q);
		} else
			buf_add(&b, one.data, one.len);
		buf_free(&one);
	}
	proto_batch_close(&b);
	return buf_take(&b, len);
}

static bool
sf_is_string(enum entry_type t)
{
	return t != ENTRY_T_I64;
}

static int
sf_gen(const char *dir, const char *outlet, const char *device,
    const char *code)
{
	struct entry *es[SF_MAX_ENTRIES], *g;
	struct proto_enrol en;
	struct buf b, sig;
	uint8_t	 pk[ENTRY_PK_LEN], sk[ENTRY_SK_LEN], prev[ENTRY_HASH_LEN];
	char	 kid[ENTRY_KEYID_LEN + 1], pkhex[2 * ENTRY_PK_LEN + 1];
	char	 name[96], *text, *hex, *json;
	uint8_t	*enc;
	size_t	 n = 0, i, len, nn = 0;

	crypto_sign_keypair(pk, sk);
	entry_key_id(pk, kid);
	hex_encode(pk, sizeof pk, pkhex);
	text = xmalloc(ENTRY_TEXT_MAX + 1);
	sf_hard_text(text);

	g = sf_entry(1, outlet, device, kid, -1, -1, text);
	entry_set(&g->kind, ENTRY_DEVICE);
	entry_set(&g->lines[0].code, "public_key");
	entry_set(&g->lines[0].text, pkhex);
	es[n++] = g;
	for (i = 0; i < ENTRY_NFIELDS; i++, n++)
		es[n] = sf_entry((int64_t)n + 1, outlet, device, kid, (int)i,
		    -1, text);
	for (i = 0; i < ENTRY_LINE_NFIELDS; i++, n++)
		es[n] = sf_entry((int64_t)n + 1, outlet, device, kid, -1,
		    (int)i, text);

	memset(prev, 0, sizeof prev);
	buf_init(&sig, 64 * 1024 * 1024);
	for (i = 0; i < n; i++) {
		memcpy(es[i]->prev_hash, prev, sizeof prev);
		entry_seal(es[i], sk);
		memcpy(prev, es[i]->hash, sizeof prev);
		if ((enc = entry_encode(es[i], &len)) == NULL)
			sf_die("entry too large", "");
		hex = xmalloc(2 * len + 1);
		hex_encode(enc, len, hex);
		buf_printf(&sig, "%lld %s", (long long)es[i]->seq, hex);
		free(hex);
		hex = xmalloc(2 * ENTRY_SIG_LEN + 1);
		hex_encode(es[i]->prev_hash, ENTRY_HASH_LEN, hex);
		buf_printf(&sig, " %s", hex);
		hex_encode(es[i]->hash, ENTRY_HASH_LEN, hex);
		buf_printf(&sig, " %s", hex);
		hex_encode(es[i]->sig, ENTRY_SIG_LEN, hex);
		buf_printf(&sig, " %s\n", hex);
		free(hex);
		free(enc);
	}
	sf_write(dir, "signed", sig.data, sig.len);
	buf_free(&sig);

	buf_init(&b, PROTO_MAX_JSON);
	proto_batch_open(&b, device);
	for (i = 0; i < n; i++)
		proto_batch_add(&b, es[i], i);
	proto_batch_close(&b);
	sf_write(dir, "batch.json", b.data, b.len);
	buf_free(&b);

	for (i = 0; i < ENTRY_NFIELDS + ENTRY_LINE_NFIELDS; i++) {
		const struct entry_field *f = i < ENTRY_NFIELDS ?
		    &entry_fields[i] : &entry_line_fields[i - ENTRY_NFIELDS];

		if (!sf_is_string(f->type))
			continue;
		json = sf_with_nul(es, n, device, f->name, &len);
		snprintf(name, sizeof name, "nul-%s%s.json",
		    i < ENTRY_NFIELDS ? "" : "line-", f->name);
		sf_write(dir, name, json, len);
		free(json);
		nn++;
	}

	memset(&en, 0, sizeof en);
	snprintf(en.outlet_id, sizeof en.outlet_id, "%s", outlet);
	snprintf(en.device_id, sizeof en.device_id, "%s", device);
	snprintf(en.code, sizeof en.code, "%s", code);
	memcpy(en.public_key, pk, sizeof pk);
	buf_init(&b, 4096);
	proto_enrol_json(&b, &en);
	sf_write(dir, "enrol.json", b.data, b.len);
	buf_free(&b);

	printf("%zu entries, %zu fields, %zu with a NUL variant\n", n,
	    (size_t)(ENTRY_NFIELDS + ENTRY_LINE_NFIELDS), nn);
	for (i = 0; i < n; i++)
		entry_free(es[i]);
	sodium_memzero(sk, sizeof sk);
	free(text);
	return 0;
}

/* Whether field f is the same in the structs at a and b. */
static bool
sf_same(const struct entry_field *f, const void *a, const void *b)
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

/* The next space-separated word of *p, NUL-terminated in place. */
static char *
sf_word(char **p)
{
	char	*w = *p, *e;

	if ((e = strpbrk(w, " \n")) != NULL) {
		*e = '\0';
		*p = e + 1;
	} else
		*p = w + strlen(w);
	return w;
}

/* Hex word w into exactly len bytes of out, or die. */
static void
sf_hex(const char *w, uint8_t *out, size_t len)
{
	if (strlen(w) != 2 * len || hex_decode(w, out, len) != 0)
		sf_die("bad hex in the signed file:", w);
}

static int
sf_check(const char *dir, const char *stored)
{
	struct entry *got, *want;
	FILE	*sfp, *gfp;
	char	 path[1024], *sline = NULL, *gline = NULL, *cause = NULL;
	char	*p, *w;
	uint8_t	*enc, *genc, h[ENTRY_HASH_LEN];
	size_t	 ssize = 0, gsize = 0, len, glen, i, k;
	ssize_t	 n;
	long long seq;
	int	 bad[ENTRY_NFIELDS + ENTRY_LINE_NFIELDS] = { 0 };
	int	 entries = 0, wrong = 0;

	snprintf(path, sizeof path, "%s/signed", dir);
	if ((sfp = fopen(path, "r")) == NULL)
		sf_die("cannot open", path);
	if ((gfp = fopen(stored, "r")) == NULL)
		sf_die("cannot open", stored);
	while (getline(&sline, &ssize, sfp) > 0) {
		if ((n = getline(&gline, &gsize, gfp)) <= 0) {
			printf("entry missing on the server\n");
			wrong++;
			break;
		}
		if (gline[n - 1] == '\n')
			gline[--n] = '\0';
		p = sline;
		seq = strtoll(sf_word(&p), NULL, 10);
		w = sf_word(&p);
		len = strlen(w) / 2;
		enc = xmalloc(len);
		sf_hex(w, enc, len);
		if (entry_decode(enc, len, &want, &cause) != POS_OK)
			sf_die("signed bytes:", cause);
		sf_hex(sf_word(&p), want->prev_hash, ENTRY_HASH_LEN);
		sf_hex(sf_word(&p), want->hash, ENTRY_HASH_LEN);
		sf_hex(sf_word(&p), want->sig, ENTRY_SIG_LEN);
		if (proto_entry_decode(gline, (size_t)n, &got, &cause) !=
		    POS_OK)
			sf_die("stored entry:", cause);
		entries++;
		/* The stored entry, encoded and hashed again, is the signed. */
		genc = entry_encode(got, &glen);
		entry_hash(got, h);
		if (got->seq != seq || glen != len ||
		    memcmp(genc, enc, len) != 0 ||
		    memcmp(h, want->hash, sizeof h) != 0) {
			printf("entry %lld: stored entry does not re-encode "
			    "to the signed bytes\n", seq);
			wrong++;
		}
		for (i = 0; i < ENTRY_NFIELDS; i++)
			if (!sf_same(&entry_fields[i], got, want))
				bad[i]++;
		if (got->nlines != want->nlines)
			wrong++;
		for (k = 0; k < got->nlines && k < want->nlines; k++)
			for (i = 0; i < ENTRY_LINE_NFIELDS; i++)
				if (!sf_same(&entry_line_fields[i],
				    &got->lines[k], &want->lines[k]))
					bad[ENTRY_NFIELDS + i]++;
		free(genc);
		free(enc);
		entry_free(got);
		entry_free(want);
	}
	for (i = 0; i < ENTRY_NFIELDS + ENTRY_LINE_NFIELDS; i++) {
		const struct entry_field *f = i < ENTRY_NFIELDS ?
		    &entry_fields[i] : &entry_line_fields[i - ENTRY_NFIELDS];

		printf("%s%s: %s\n", i < ENTRY_NFIELDS ? "" : "line.",
		    f->name, bad[i] == 0 ? "stored = signed" : "DIFFERS");
		wrong += bad[i];
	}
	printf("%d entries, %d differences\n", entries, wrong);
	free(sline);
	free(gline);
	fclose(sfp);
	fclose(gfp);
	return wrong == 0 && entries > 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "outlet", required_argument, NULL, 'o' },
		{ "device", required_argument, NULL, 'D' },
		{ "code", required_argument, NULL, 'c' },
		{ "stored", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = NULL, *outlet = NULL, *device = NULL, *code = NULL;
	const char *stored = NULL, *cmd;
	int	 ch;

	if (sodium_init() < 0 || argc < 2)
		sf_die("usage: srv-fields gen|check", "...");
	cmd = argv[1];
	argc--;
	argv++;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': dir = optarg; break;
		case 'o': outlet = optarg; break;
		case 'D': device = optarg; break;
		case 'c': code = optarg; break;
		case 's': stored = optarg; break;
		default: sf_die("bad option", "");
		}
	}
	if (dir == NULL)
		sf_die("--dir", "required");
	if (strcmp(cmd, "gen") == 0 && outlet != NULL && device != NULL &&
	    code != NULL)
		return sf_gen(dir, outlet, device, code);
	if (strcmp(cmd, "check") == 0 && stored != NULL)
		return sf_check(dir, stored);
	sf_die("usage: srv-fields gen|check", "...");
	return 2;
}
