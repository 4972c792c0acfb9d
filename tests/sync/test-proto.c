/* SPDX-License-Identifier: ISC */
/*
 * The wire codec (sync/proto.c): entries survive the trip byte for byte
 * (the hash and signature still verify), and every malformed body is
 * refused: truncated, trailing garbage, NUL, unknown or repeated or
 * missing members, wrong types, numbers out of range, bad hex, wrong
 * version, empty or oversized batches; gzip bombs stop at the cap.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "check.h"
#include "core.h"
#include "proto.h"

static uint8_t	 test_pk[ENTRY_PK_LEN], test_sk[ENTRY_SK_LEN];

static struct entry *
test_entry(int64_t seq, const uint8_t prev[ENTRY_HASH_LEN])
{
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *l;

	e->seq = seq;
	entry_set(&e->outlet_id, "KPG01");
	entry_set(&e->device_id, "KPG01-K1");
	e->created_at_ms = INT64_C(1763826427123);
	entry_set(&e->business_day, "2026-11-22");
	entry_set(&e->author, "KSR01");
	entry_set(&e->note, "Catatan \"kutip\" \\ garis miring, é ñ 中 "
	    "— ok");
	e->total_rp = 9007199254740991;	/* 2^53 - 1, the largest allowed */
	entry_key_id(test_pk, e->key_id);
	memcpy(e->prev_hash, prev, ENTRY_HASH_LEN);
	l = entry_add(e, "item");
	entry_set(&l->code, "TEN-SBT-001");
	entry_set(&l->text, "Kain Tenun Ikat Sumba 'Hinggi' 2x1 m");
	entry_set(&l->unit, "pcs");
	entry_set(&l->tax_class, "PPN11");
	entry_set(&l->party, "SUP-001");
	l->qty = 2;
	l->price_rp = 1750000;
	l->disc_rp = -5;
	l->amount_rp = 3500000;
	l->tax_rp = 346847;
	l->share_rp = 2975000;
	l = entry_add(e, "pay");
	entry_set(&l->code, "tunai");
	l->amount_rp = 3500000;
	entry_seal(e, test_sk);
	return e;
}

static char *
test_batch_json(struct entry **es, size_t n, size_t *lenp)
{
	struct buf b;
	size_t	 i;

	buf_init(&b, 1024 * 1024);
	proto_batch_open(&b, "KPG01-K1");
	for (i = 0; i < n; i++)
		proto_batch_add(&b, es[i], i);
	proto_batch_close(&b);
	return buf_take(&b, lenp);
}

static void
test_proto_roundtrip(void)
{
	struct entry *es[2];
	struct proto_batch b;
	uint8_t	 zero[ENTRY_HASH_LEN] = { 0 };
	char	*json, *cause = NULL;
	size_t	 len;

	es[0] = test_entry(7, zero);
	es[1] = test_entry(8, es[0]->hash);
	json = test_batch_json(es, 2, &len);
	CHECK(proto_batch_decode(json, len, &b, &cause) == POS_OK);
	CHECK_EQ_I64(b.n, 2);
	CHECK_STR(b.device_id, "KPG01-K1");
	if (b.n == 2) {
		CHECK_EQ_I64(b.entries[1]->seq, 8);
		CHECK_STR(b.entries[0]->note, es[0]->note);
		CHECK_STR(b.entries[0]->lines[0].text, es[0]->lines[0].text);
		CHECK_EQ_I64(b.entries[0]->total_rp, 9007199254740991);
		CHECK_EQ_I64(b.entries[0]->lines[0].disc_rp, -5);
		CHECK(memcmp(b.entries[1]->sig, es[1]->sig,
		    ENTRY_SIG_LEN) == 0);
		/* Decoded entries hash and verify as the originals. */
		CHECK(entry_verify(b.entries[0], 7, zero, test_pk, &cause) ==
		    POS_OK);
		CHECK(entry_verify(b.entries[1], 8, es[0]->hash, test_pk,
		    &cause) == POS_OK);
	}
	proto_batch_free(&b);
	free(json);
	entry_free(es[0]);
	entry_free(es[1]);
	free(cause);
}

/* Replaces the first occurrence of from in s by to; returns a new string. */
static char *
test_subst(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);

	if (p == NULL)
		return xstrdup("");
	return xasprintf("%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
}

static enum pos_rc
test_decode(const char *json, char **cause)
{
	struct proto_batch b;
	enum pos_rc rc;

	rc = proto_batch_decode(json, strlen(json), &b, cause);
	if (rc == POS_OK)
		proto_batch_free(&b);
	return rc;
}

static void
test_proto_refuses(void)
{
	static const struct {
		const char	*from, *to, *why;
	} bad[] = {
		{ "\"seq\":7", "\"seq\":\"7\"", "harus bilangan" },
		{ "\"seq\":7", "\"seq\":7.5", "bilangan bulat" },
		{ "\"seq\":7", "\"seq\":9007199254740993", "bilangan bulat" },
		{ "\"seq\":7", "\"seq\":1e300", "bilangan bulat" },
		{ "\"seq\":7,", "", "\"seq\" tidak ada" },
		{ "\"seq\":7", "\"seq\":7,\"seq\":7", "dua kali" },
		{ "\"seq\":7", "\"seq\":7,\"extra\":1", "tidak dikenal" },
		{ "\"kind\":\"sale\"", "\"kind\":null", "harus teks" },
		{ "\"sig\":\"", "\"sig\":\"AB", "heksadesimal" },
		{ "\"hash\":\"", "\"hash\":\"0", "heksadesimal" },
		{ "\"v\":1", "\"v\":2", "Versi protokol 2" },
		{ "\"device_id\":\"KPG01-K1\",\"entries\"",
		    "\"entries\"", "\"device_id\" tidak ada" },
		{ "\"type\":\"item\"", "\"type\":\"item\",\"qty\":1",
		    "dua kali" },
		{ "\"qty\":2", "\"qty\":true", "harus bilangan" },
	};
	struct proto_batch pb;
	struct entry *e;
	uint8_t	 zero[ENTRY_HASH_LEN] = { 0 };
	char	*json, *j, *cause = NULL;
	size_t	 len, i;

	e = test_entry(7, zero);
	json = test_batch_json(&e, 1, &len);
	CHECK(test_decode(json, &cause) == POS_OK);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		j = test_subst(json, bad[i].from, bad[i].to);
		CHECK(*j != '\0');
		CHECK(test_decode(j, &cause) == POS_EINVAL);
		if (cause == NULL || strstr(cause, bad[i].why) == NULL)
			fprintf(stderr, "case %zu: cause \"%s\", want \"%s\"\n",
			    i, cause ? cause : "", bad[i].why);
		CHECK(cause != NULL && strstr(cause, bad[i].why) != NULL);
		free(j);
	}
	/* Truncated anywhere: never accepted. */
	for (i = 0; i < len - 2; i += 7) {
		j = xstrndup(json, i);
		CHECK(test_decode(j, &cause) == POS_EINVAL);
		free(j);
	}
	j = xasprintf("%s x", json);
	CHECK(test_decode(j, &cause) == POS_EINVAL);
	free(j);
	j = xstrdup(json);
	j[3] = '\0';
	CHECK(proto_batch_decode(j, len, &pb, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "NUL") != NULL);
	free(j);
	CHECK(test_decode("", &cause) == POS_EINVAL);
	CHECK(test_decode("[]", &cause) == POS_EINVAL);
	CHECK(test_decode("{\"v\":1,\"device_id\":\"X\",\"entries\":[]}",
	    &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "1 sampai") != NULL);
	free(json);
	entry_free(e);
	free(cause);
}

static void
test_proto_too_many(void)
{
	struct buf b;
	struct entry *e;
	uint8_t	 zero[ENTRY_HASH_LEN] = { 0 };
	char	*cause = NULL;
	struct proto_batch pb;
	size_t	 i;

	e = test_entry(1, zero);
	buf_init(&b, 64 * 1024 * 1024);
	proto_batch_open(&b, "KPG01-K1");
	for (i = 0; i < PROTO_MAX_ENTRIES + 1; i++)
		proto_batch_add(&b, e, i);
	proto_batch_close(&b);
	CHECK(proto_batch_decode(b.data, b.len, &pb, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "1001") != NULL);
	buf_free(&b);
	entry_free(e);
	free(cause);
}

static enum pos_rc
test_reply(const char *s, struct proto_reply *r, char **cause)
{
	return proto_reply_decode(s, strlen(s), r, cause);
}

static void
test_proto_reply(void)
{
	struct proto_reply r, d;
	struct proto_enrol e, de;
	struct buf b;
	char	*cause = NULL;

	memset(&r, 0, sizeof r);
	snprintf(r.error, sizeof r.error, "gap");
	snprintf(r.message, sizeof r.message, "Server punya \"5\"\n");
	r.has_ack = true;
	snprintf(r.ack.device_id, sizeof r.ack.device_id, "KPG01-K1");
	r.ack.acked_seq = 5;
	r.ack.server_time_ms = 1763826427000;
	memset(r.ack.head_hash, 0x5a, ENTRY_HASH_LEN);
	outbox_ack_sign(&r.ack, test_sk);
	buf_init(&b, PROTO_MAX_REPLY);
	proto_reply_json(&b, &r);
	CHECK(proto_reply_decode(b.data, b.len, &d, &cause) == POS_OK);
	CHECK_STR(d.error, "gap");
	CHECK_STR(d.message, r.message);
	CHECK(d.has_ack && d.ack.acked_seq == 5);
	CHECK(outbox_ack_sig_ok(&d.ack, test_pk));
	CHECK(!d.has_server_key && d.token[0] == '\0');
	buf_free(&b);

	memset(&r, 0, sizeof r);
	memset(r.token, 'a', PROTO_TOKEN_LEN);
	r.has_server_key = true;
	memcpy(r.server_key, test_pk, ENTRY_PK_LEN);
	buf_init(&b, PROTO_MAX_REPLY);
	proto_reply_json(&b, &r);
	CHECK(proto_reply_decode(b.data, b.len, &d, &cause) == POS_OK);
	CHECK(d.error[0] == '\0' && !d.has_ack);
	CHECK(strlen(d.token) == PROTO_TOKEN_LEN);
	CHECK(memcmp(d.server_key, test_pk, ENTRY_PK_LEN) == 0);
	buf_free(&b);
	CHECK(test_reply("{\"v\":1,\"token\":\"short\"}", &d, &cause) ==
	    POS_EINVAL);
	CHECK(test_reply("<html>502</html>", &d, &cause) == POS_EINVAL);

	memset(&e, 0, sizeof e);
	snprintf(e.outlet_id, sizeof e.outlet_id, "KPG01");
	snprintf(e.device_id, sizeof e.device_id, "KPG01-K1");
	memcpy(e.public_key, test_pk, ENTRY_PK_LEN);
	snprintf(e.code, sizeof e.code, "ABCD-EFGH-JKMN-PQRS");
	buf_init(&b, PROTO_MAX_REPLY);
	proto_enrol_json(&b, &e);
	CHECK(proto_enrol_decode(b.data, b.len, &de, &cause) == POS_OK);
	CHECK(memcmp(&e, &de, sizeof e) == 0);
	buf_free(&b);
	b.data = xstrdup("{\"v\":1,\"outlet_id\":\"kpg\",\"device_id\":\"X\","
	    "\"public_key\":\"00\",\"code\":\"c\"}");
	CHECK(proto_enrol_decode(b.data, strlen(b.data), &de, &cause) ==
	    POS_EINVAL);
	free(b.data);
	free(cause);
}

static void
test_proto_gzip(void)
{
	struct buf z, out;
	char	*big, *copy, *cause = NULL;
	size_t	 n = 10 * 1024 * 1024;

	big = xcalloc(1, n);
	memset(big, 'A', n);
	buf_init(&z, n);
	CHECK(proto_gzip(big, n, 9, &z, &cause) == POS_OK);
	CHECK(z.len < 64 * 1024);
	/* A bomb: 10 MiB from a few KiB stops at the cap. */
	buf_init(&out, 1024 * 1024);
	CHECK(proto_gunzip(z.data, z.len, &out, &cause) == POS_EFULL);
	buf_free(&out);
	buf_init(&out, n + 1);
	CHECK(proto_gunzip(z.data, z.len, &out, &cause) == POS_OK);
	CHECK_EQ_I64(out.len, n);
	CHECK(out.data != NULL && memcmp(out.data, big, n) == 0);
	buf_free(&out);
	/* Truncated, garbage, two members, trailing bytes. */
	buf_init(&out, n + 1);
	CHECK(proto_gunzip(z.data, z.len - 9, &out, &cause) == POS_EINVAL);
	buf_free(&out);
	buf_init(&out, n + 1);
	CHECK(proto_gunzip("not gzip at all", 15, &out, &cause) == POS_EINVAL);
	buf_free(&out);
	copy = xmalloc(z.len);
	memcpy(copy, z.data, z.len);
	buf_add(&z, copy, z.len);
	free(copy);
	buf_init(&out, 2 * n + 1);
	CHECK(proto_gunzip(z.data, z.len, &out, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "setelah akhir") != NULL);
	buf_free(&out);
	buf_free(&z);
	free(big);
	free(cause);
}

static void
test_proto_str(void)
{
	struct buf b;

	buf_init(&b, 1024);
	proto_json_str(&b, "a\"b\\c\x01\td\n");
	CHECK_STR(b.data, "\"a\\\"b\\\\c\\u0001\\td\\n\"");
	buf_free(&b);
	CHECK(proto_id_ok("KPG01-K1"));
	CHECK(!proto_id_ok("kpg01"));
	CHECK(!proto_id_ok(""));
	CHECK(!proto_id_ok("KPG01 K1"));
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	crypto_sign_keypair(test_pk, test_sk);
	test_proto_roundtrip();
	test_proto_refuses();
	test_proto_too_many();
	test_proto_reply();
	test_proto_gzip();
	test_proto_str();
	return check_exit();
}
