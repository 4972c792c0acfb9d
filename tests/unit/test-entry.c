/* SPDX-License-Identifier: ISC */
/*
 * The journal entry: the docs/ledger.md test vector byte for byte (the same
 * vector scripts/ledger-verify.py computes independently), the signature,
 * and that changing any field of the header or a line breaks verification.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "check.h"
#include "core.h"

/* docs/ledger.md §Test vectors. */
#define VEC_ENC_LEN	543
#define VEC_ENC_SHA256	"b76bfb312b420a61cc3b15cf4c0b8e566c598cfe8df935e333842366adbea86f"
#define VEC_HASH	"a71488e01855c347ac29db4e9a388655af2c89042f6b62e5fe51f4e4cd9cb882"
#define VEC_SIG		"52025fa0a05bcea59b28e95432df04e3faeb441c48dae509aec0a87fdb1f44a2" \
			"3b98e0fdaa54f30835171f81efd76d888335495b2c612abdcd72800e87115e0b"

static struct entry *
vec_entry(void)
{
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *l;
	int	 i;

	e->seq = 2;
	strcpy(e->uuid, "0f8e7a6c-5b4d-4c3b-9a29-18f7e6d5c4b3");
	entry_set(&e->outlet_id, "KPG01");
	entry_set(&e->device_id, "KPG01-K1");
	e->created_at_ms = INT64_C(1795278600123);
	entry_set(&e->business_day, "2026-11-22");
	entry_set(&e->author, "ani");
	e->total_rp = 365000;
	strcpy(e->key_id, "0123456789abcdef");
	for (i = 0; i < ENTRY_HASH_LEN; i++)
		e->prev_hash[i] = (uint8_t)i;
	l = entry_add(e, "item");
	entry_set(&l->code, "KOP-BJW-250");
	entry_set(&l->text, "Kopi Arabika Bajawa 250 g");
	l->qty = 2;
	entry_set(&l->unit, "pcs");
	l->price_rp = 85000;
	l->amount_rp = 170000;
	entry_set(&l->tax_class, "PPN11");
	entry_set(&l->party, "SUP-004");
	l->share_rp = 144500;
	l = entry_add(e, "item");
	entry_set(&l->code, "SEI-BABI-KG");
	entry_set(&l->text, "Se'i babi");
	l->qty = 750;
	entry_set(&l->unit, "g");
	l->price_rp = 260000;
	l->amount_rp = 195000;
	entry_set(&l->tax_class, "PPN11");
	entry_set(&l->party, "SUP-009");
	l->share_rp = 165750;
	l = entry_add(e, "pay");
	entry_set(&l->code, "cash");
	l->amount_rp = 400000;
	l = entry_add(e, "change");
	entry_set(&l->code, "cash");
	l->amount_rp = -35000;
	return e;
}

static void
test_entry_vector(void)
{
	struct entry *e = vec_entry();
	uint8_t	*enc, h[ENTRY_HASH_LEN], seed[32], pk[32], sk[64];
	char	 hex[2 * 64 + 1], kid[ENTRY_KEYID_LEN + 1];
	size_t	 len;
	int	 i;

	enc = entry_encode(e, &len);
	CHECK_EQ_I64(len, VEC_ENC_LEN);
	crypto_hash_sha256(h, enc, len);
	hex_encode(h, sizeof h, hex);
	CHECK_STR(hex, VEC_ENC_SHA256);
	free(enc);
	entry_hash(e, h);
	hex_encode(h, sizeof h, hex);
	CHECK_STR(hex, VEC_HASH);

	/* Ed25519 is deterministic: seed 0x00..0x1f gives one signature. */
	for (i = 0; i < 32; i++)
		seed[i] = (uint8_t)i;
	crypto_sign_seed_keypair(pk, sk, seed);
	hex_encode(pk, sizeof pk, hex);
	printf("vector public key %s\n", hex);
	entry_key_id(pk, kid);
	printf("vector key id %s\n", kid);
	entry_seal(e, sk);
	hex_encode(e->sig, sizeof e->sig, hex);
	printf("vector signature %s\n", hex);
	CHECK_STR(hex, VEC_SIG);
	strcpy(e->key_id, kid);
	entry_seal(e, sk);
	CHECK(entry_verify(e, 2, e->prev_hash, pk, NULL) == POS_OK);
	entry_free(e);
}

/* Changes field f of the struct at base by one unit, by its type. */
static void
tamper(const struct entry_field *f, void *base)
{
	char	 s[ENTRY_TEXT_MAX + 2];
	uint8_t	 b[ENTRY_SIG_LEN];
	size_t	 n;

	switch (f->type) {
	case ENTRY_T_I64:
		entry_field_set_i64(f, base, entry_field_i64(f, base) + 1);
		break;
	case ENTRY_T_TEXT:
	case ENTRY_T_UUID:
	case ENTRY_T_KEYID:
		/* The last character's low bit, or "x" for an empty text. */
		snprintf(s, sizeof s, "%s", entry_field_str(f, base));
		if ((n = strlen(s)) == 0)
			s[n++] = 'x';
		else
			s[n - 1] ^= 1;
		entry_field_set_str(f, base, s, n);
		break;
	case ENTRY_T_HASH:
	case ENTRY_T_SIG:
		memcpy(b, entry_field_blob(f, base), f->size);
		b[f->size / 2] ^= 0x80;
		entry_field_set_blob(f, base, b);
		break;
	}
}

/*
 * Every field of the lists (rules/entry.h), of the header and of every
 * line, changed by one unit, must make verification fail.
 */
static void
test_entry_tamper(void)
{
	uint8_t	 seed[32] = { 7 }, pk[32], sk[64], prev[ENTRY_HASH_LEN];
	struct entry *e;
	char	*cause = NULL;
	size_t	 field, line, nlines, tampered = 0;

	crypto_sign_seed_keypair(pk, sk, seed);
	e = vec_entry();
	nlines = e->nlines;
	entry_free(e);
	for (line = 0; line <= nlines; line++) {
		for (field = 0; field < (line == 0 ? ENTRY_NFIELDS :
		    ENTRY_LINE_NFIELDS); field++) {
			e = vec_entry();
			entry_key_id(pk, e->key_id);
			memcpy(prev, e->prev_hash, sizeof prev);
			entry_seal(e, sk);
			CHECK(entry_verify(e, 2, prev, pk, NULL) == POS_OK);
			if (line == 0)
				tamper(&entry_fields[field], e);
			else
				tamper(&entry_line_fields[field],
				    &e->lines[line - 1]);
			tampered++;
			CHECK(entry_verify(e, 2, prev, pk, &cause) ==
			    POS_ECORRUPT);
			/* The cause names entry 2 (missing, when seq is 3). */
			CHECK(cause != NULL && strstr(cause, "entri 2") !=
			    NULL);
			free(cause);
			cause = NULL;
			entry_free(e);
		}
	}
	CHECK_EQ_I64(tampered, ENTRY_NFIELDS + nlines * ENTRY_LINE_NFIELDS);
	/* A dropped line, too. */
	e = vec_entry();
	entry_key_id(pk, e->key_id);
	entry_seal(e, sk);
	e->nlines--;
	CHECK(entry_verify(e, 2, e->prev_hash, pk, NULL) == POS_ECORRUPT);
	e->nlines++;
	entry_free(e);
}

static void
test_entry_check(void)
{
	struct entry *e = entry_new(ENTRY_SALE);
	char	*cause = NULL;
	char	 big[ENTRY_TEXT_MAX + 2];

	CHECK(entry_uuid_is_valid(e->uuid));
	CHECK(e->uuid[14] == '4');
	CHECK(entry_check(e, NULL) == POS_OK);
	entry_set(&e->note, "Kain tenun \xe2\x80\x93 Sumba");	/* en dash */
	CHECK(entry_check(e, NULL) == POS_OK);
	entry_set(&e->note, "bad \xc3\x28 utf8");
	CHECK(entry_check(e, &cause) == POS_EINVAL);
	CHECK(cause != NULL);
	free(cause);
	entry_set(&e->note, "overlong \xc0\xaf");
	CHECK(entry_check(e, NULL) == POS_EINVAL);
	entry_set(&e->note, "tab\there");
	CHECK(entry_check(e, NULL) == POS_EINVAL);
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	entry_set(&e->note, big);
	CHECK(entry_check(e, NULL) == POS_EINVAL);
	entry_set(&e->note, "");
	entry_set(&e->business_day, "22-11-2026");
	CHECK(entry_check(e, NULL) == POS_EINVAL);
	entry_set(&e->business_day, "2026-11-22");
	entry_set(&e->ref_uuid, "not-a-uuid");
	CHECK(entry_check(e, NULL) == POS_EINVAL);
	entry_set(&e->ref_uuid, "");
	entry_add(e, "");
	CHECK(entry_check(e, NULL) == POS_EINVAL);
	entry_free(e);
	CHECK(!entry_uuid_is_valid("0F8E7A6C-5B4D-4C3B-9A29-18F7E6D5C4B3"));
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_entry_vector();
	test_entry_tamper();
	test_entry_check();
	return check_exit();
}
