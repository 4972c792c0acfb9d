/* SPDX-License-Identifier: ISC */
/*
 * The sync rules without I/O: batch bounds, backoff with jitter, the
 * signed acknowledgement and its checks. Both ends link this file, so the
 * daemon and the server can never disagree on what an ack means.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "outbox.h"
#include "util.h"

static const char outbox_ack_domain[] = "NTT-ACK-1";	/* + its NUL */

bool
outbox_next(const struct outbox_policy *p, int64_t acked_seq, int64_t head,
    int64_t *from, int64_t *to)
{
	int64_t	 n = p->max_entries > 0 ? p->max_entries : 1;

	if (head <= acked_seq)
		return false;
	*from = acked_seq + 1;
	*to = head - *from + 1 > n ? *from + n - 1 : head;
	return true;
}

bool
outbox_fits(const struct outbox_policy *p, int64_t count, int64_t bytes,
    int64_t len)
{
	if (count == 0)
		return true;
	if (count >= p->max_entries)
		return false;
	return bytes + len <= p->max_bytes;
}

int64_t
outbox_backoff_ms(const struct outbox_policy *p, int64_t failures,
    uint32_t rnd)
{
	int64_t	 d, lo, hi;

	lo = p->backoff_min_ms > 0 ? p->backoff_min_ms : 1;
	hi = p->backoff_max_ms > lo ? p->backoff_max_ms : lo;
	d = lo;
	while (failures-- > 1 && d < hi)
		d *= 2;
	if (d > hi)
		d = hi;
	/*
	 * Jitter in [d/2, d]: fifty outlets whose link comes back together do
	 * not knock on the server in step, and no wait is ever near zero.
	 */
	return d - (d / 2) * (int64_t)rnd / (int64_t)UINT32_MAX;
}

uint8_t *
outbox_ack_bytes(const struct outbox_ack *a, size_t *lenp)
{
	struct buf b;
	size_t	 n = strnlen(a->device_id, sizeof a->device_id);

	buf_init(&b, 1024);
	buf_add(&b, outbox_ack_domain, sizeof outbox_ack_domain);
	buf_add_u32be(&b, (uint32_t)n);
	buf_add(&b, a->device_id, n);
	buf_add_i64be(&b, a->acked_seq);
	buf_add(&b, a->head_hash, ENTRY_HASH_LEN);
	buf_add_i64be(&b, a->server_time_ms);
	return (uint8_t *)buf_take(&b, lenp);
}

void
outbox_ack_sign(struct outbox_ack *a, const uint8_t sk[ENTRY_SK_LEN])
{
	uint8_t	*m;
	size_t	 len;

	m = outbox_ack_bytes(a, &len);
	crypto_sign_detached(a->sig, NULL, m, len, sk);
	free(m);
}

bool
outbox_ack_sig_ok(const struct outbox_ack *a,
    const uint8_t server_pk[ENTRY_PK_LEN])
{
	uint8_t	*m;
	size_t	 len;
	int	 r;

	m = outbox_ack_bytes(a, &len);
	r = crypto_sign_verify_detached(a->sig, m, len, server_pk);
	free(m);
	return r == 0;
}

enum pos_rc
outbox_ack_check(const struct outbox_ack *a, const char *device_id,
    int64_t local_head, const uint8_t local_hash[ENTRY_HASH_LEN],
    const uint8_t server_pk[ENTRY_PK_LEN], char **cause)
{
	if (!outbox_ack_sig_ok(a, server_pk))
		return cause_set(cause, POS_EPROTO, "Tanda tangan server pada "
		    "tanda terima tidak sah: tanda terima diabaikan");
	if (strcmp(a->device_id, device_id) != 0)
		return cause_set(cause, POS_EPROTO, "Tanda terima untuk "
		    "perangkat lain (%s): diabaikan", a->device_id);
	if (a->acked_seq < 0)
		return cause_set(cause, POS_EPROTO, "Tanda terima dengan "
		    "nomor urut negatif: diabaikan");
	/* R3.5: the server's witness must match the device's own chain. */
	if (a->acked_seq > local_head)
		return cause_set(cause, POS_ECORRUPT, "Server menyimpan entri "
		    "sampai %lld, perangkat ini hanya punya %lld: rantai "
		    "bercabang, hubungi kantor provinsi",
		    (long long)a->acked_seq, (long long)local_head);
	if (sodium_memcmp(a->head_hash, local_hash, ENTRY_HASH_LEN) != 0)
		return cause_set(cause, POS_ECORRUPT, "Entri %lld di server "
		    "berbeda dengan di perangkat: rantai bercabang, hubungi "
		    "kantor provinsi", (long long)a->acked_seq);
	return POS_OK;
}

enum outbox_action
outbox_classify(long http_status, const char *code)
{
	if (http_status == 200)
		return OUTBOX_ACKED;
	if (http_status == 409 && strcmp(code, "gap") == 0)
		return OUTBOX_REWIND;
	if (http_status == 413)
		return OUTBOX_SHRINK;
	if (http_status == 0 || http_status == 408 || http_status == 429 ||
	    http_status >= 500)
		return OUTBOX_RETRY;
	return OUTBOX_HALT;
}
