/* SPDX-License-Identifier: ISC */
/* Receipt verification codes: make and check (rcode.h). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "clock.h"
#include "rcode.h"
#include "util.h"

static const char rcode_domain[] = "NTT-RECEIPT-1";	/* + its NUL */

#define RCODE_B64	sodium_base64_VARIANT_ORIGINAL_NO_PADDING	/* no "_" */

static void
rcode_time(int64_t at_ms, char out[16])
{
	char	 iso[25];

	/* WITA = UTC + 8 h; clock_utc_iso gives YYYY-MM-DDTHH:MM:SS. */
	clock_utc_iso(at_ms + (int64_t)CLOCK_WITA_OFFSET_S * 1000, iso);
	snprintf(out, 16, "%.4s%.2s%.2sT%.2s%.2s%.2s", iso, iso + 5, iso + 8,
	    iso + 11, iso + 14, iso + 17);
}

static void
rcode_sign(const char *body, const uint8_t sk[ENTRY_SK_LEN],
    uint8_t sig[ENTRY_SIG_LEN])
{
	struct buf b;
	size_t	 len;
	char	*msg;

	buf_init(&b, RCODE_MAX * 2);
	buf_add(&b, rcode_domain, sizeof rcode_domain);
	buf_addstr(&b, body);
	len = b.len;
	msg = buf_take(&b, NULL);
	crypto_sign_detached(sig, NULL, (const uint8_t *)msg, len, sk);
	free(msg);
}

void
rcode_make(const struct entry *e, const uint8_t sk[ENTRY_SK_LEN],
    char out[RCODE_MAX])
{
	char	 t[16], link[24], sig64[100], body[RCODE_MAX];
	uint8_t	 sig[ENTRY_SIG_LEN];

	rcode_time(e->created_at_ms, t);
	sodium_bin2base64(link, sizeof link, e->hash, 12, RCODE_B64);
	snprintf(body, sizeof body, "NTT1_%s_%s_%lld_%s_%lld_%s_%s",
	    e->outlet_id, e->device_id, (long long)e->seq, t,
	    (long long)e->total_rp, e->key_id, link);
	rcode_sign(body, sk, sig);
	sodium_bin2base64(sig64, sizeof sig64, sig, sizeof sig, RCODE_B64);
	/* Ids are at most 31 bytes each, so the code fits in RCODE_MAX. */
	snprintf(out, RCODE_MAX, "%.*s_%.86s", RCODE_MAX - 88, body, sig64);
}

static bool
rcode_int(const char *s, int64_t *out)
{
	char	*end;
	long long v;

	if (*s == '\0' || strspn(s, "-0123456789") != strlen(s))
		return false;
	v = strtoll(s, &end, 10);
	if (*end != '\0')
		return false;
	*out = v;
	return true;
}

enum pos_rc
rcode_verify(const char *text, const uint8_t pk[ENTRY_PK_LEN],
    struct rcode *out, char **cause)
{
	char	 copy[RCODE_MAX], *f[10], *p, *last;
	uint8_t	 sig[ENTRY_SIG_LEN];
	char	 kid[ENTRY_KEYID_LEN + 1];
	struct rcode r;
	size_t	 n = 0, binlen;

	memset(&r, 0, sizeof r);
	if (strlen(text) >= sizeof copy || strncmp(text, "NTT1_", 5) != 0)
		return cause_set(cause, POS_EINVAL, "Bukan kode struk NTT "
		    "Mart");
	snprintf(copy, sizeof copy, "%s", text);
	for (p = copy; n < 10; n++) {
		f[n] = p;
		if ((p = strchr(p, '_')) == NULL) {
			n++;
			break;
		}
		*p++ = '\0';
	}
	if (n != 9 || p != NULL)
		return cause_set(cause, POS_EINVAL, "Kode struk tidak lengkap");
	if (strlen(f[1]) >= sizeof r.outlet_id ||
	    strlen(f[2]) >= sizeof r.device_id || strlen(f[4]) != 15 ||
	    strlen(f[6]) != ENTRY_KEYID_LEN ||
	    !rcode_int(f[3], &r.seq) || r.seq < 1 ||
	    !rcode_int(f[5], &r.total_rp) ||
	    sodium_base642bin(r.link, sizeof r.link, f[7], strlen(f[7]), NULL,
	    &binlen, NULL, RCODE_B64) != 0 || binlen != sizeof r.link ||
	    sodium_base642bin(sig, sizeof sig, f[8], strlen(f[8]), NULL,
	    &binlen, NULL, RCODE_B64) != 0 || binlen != sizeof sig)
		return cause_set(cause, POS_EINVAL, "Kode struk rusak");
	snprintf(r.outlet_id, sizeof r.outlet_id, "%s", f[1]);
	snprintf(r.device_id, sizeof r.device_id, "%s", f[2]);
	snprintf(r.time_wita, sizeof r.time_wita, "%s", f[4]);
	snprintf(r.key_id, sizeof r.key_id, "%s", f[6]);
	entry_key_id(pk, kid);
	if (strcmp(kid, r.key_id) != 0)
		return cause_set(cause, POS_ECORRUPT, "Struk ditandatangani "
		    "kunci %s, bukan kunci perangkat ini (%s)", r.key_id, kid);

	/* The signed body is the text up to the last separator. */
	snprintf(copy, sizeof copy, "%s", text);
	last = strrchr(copy, '_');
	*last = '\0';
	{
		struct buf b;
		size_t	 len;
		char	*msg;
		int	 bad;

		buf_init(&b, RCODE_MAX * 2);
		buf_add(&b, rcode_domain, sizeof rcode_domain);
		buf_addstr(&b, copy);
		len = b.len;
		msg = buf_take(&b, NULL);
		bad = crypto_sign_verify_detached(sig, (const uint8_t *)msg,
		    len, pk);
		free(msg);
		if (bad)
			return cause_set(cause, POS_ECORRUPT, "Tanda tangan "
			    "struk tidak sah: isi struk telah diubah");
	}
	if (out != NULL)
		*out = r;
	return POS_OK;
}

bool
rcode_matches(const struct rcode *r, const struct entry *e)
{
	char	 t[16];

	rcode_time(e->created_at_ms, t);
	return strcmp(r->outlet_id, e->outlet_id) == 0 &&
	    strcmp(r->device_id, e->device_id) == 0 && r->seq == e->seq &&
	    r->total_rp == e->total_rp && strcmp(r->time_wita, t) == 0 &&
	    strcmp(r->key_id, e->key_id) == 0 &&
	    memcmp(r->link, e->hash, sizeof r->link) == 0;
}

char *
rcode_number(const char *device_id, int64_t seq, char *out)
{
	snprintf(out, RCODE_NUMBER_MAX, "%s-%06" PRId64, device_id, seq);
	return out;
}
