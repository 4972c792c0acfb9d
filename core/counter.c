/* SPDX-License-Identifier: ISC */
/*
 * The counter and its open sale (counter.h, counter-int.h): open and
 * close, the sale kept durable in draft 0 on every change and put back
 * exactly when a change fails, and receipt numbers. The jobs of the
 * session are in counter-session.c, counter-cart.c, counter-pay.c and
 * counter-refund.c.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counter-int.h"

void
counter_copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src != NULL ? src : "");
}

enum pos_rc
counter_open(struct ledger *l, struct counter **out, char **cause)
{
	struct counter *c;

	if (!l->have_key)
		return cause_set(cause, POS_ESTATE, "Ledger dibuka tanpa kunci "
		    "perangkat: kasir tidak bisa berjualan");
	c = xcalloc(1, sizeof *c);
	c->l = l;
	*out = c;
	return POS_OK;
}

void
counter_close(struct counter *c)
{
	if (c == NULL)
		return;
	sale_free(c->sale);
	free(c);
}

const struct sale *
counter_sale(const struct counter *c)
{
	return c->sale;
}

const char *
counter_note(struct counter *c)
{
	static char out[COUNTER_DETAIL_MAX];

	snprintf(out, sizeof out, "%s", c->note);
	c->note[0] = '\0';
	return *out != '\0' ? out : NULL;
}

void
counter_number(const struct counter *c, int64_t seq, char *out)
{
	rcode_number(ledger_device_id(c->l), seq, out);
}

bool
counter_is_manager(const char *role)
{
	return role_is_manager(role_parse(role));
}

static bool
counter_pkp(struct counter *c)
{
	return setting_bool(c->l, "pkp");
}

enum pos_rc
counter_append(struct counter *c, struct entry *e,
    enum pos_rc (*fn)(struct db *, const struct entry *, void *, char **),
    void *arg, char **cause)
{
	struct db_apply apply = { fn, arg, NULL };
	enum pos_rc rc;

	rc = ledger_append_apply(c->l, e, fn != NULL ? &apply : NULL, cause);
	c->st_at_ms = c->prn_at_ms = 0;
	return rc;
}

enum pos_rc
counter_need_in(struct counter *c, char **cause)
{
	if (!c->in || c->sale == NULL)
		return cause_set(cause, POS_ESTATE, "Belum masuk");
	return POS_OK;
}

/* A new empty sale by the user logged in, started now. */
struct sale *
counter_fresh(struct counter *c)
{
	struct sale *s = sale_new(SALE_SALE, c->user.code, counter_pkp(c));

	sale_set_started(s, clock_now_ms());
	return s;
}

/* Loads draft 0, or starts an empty sale. */
enum pos_rc
counter_resume(struct counter *c, char **cause)
{
	struct db_draft d;
	struct sale *s = NULL;
	char	*body = NULL, *why = NULL;
	enum pos_rc rc;

	rc = db_sale_draft_get(c->l->db, 0, &d, &body, &why);
	if (rc == POS_ENOTFOUND) {
		/* No open sale: not an error, start an empty one. */
		free(why);
		sale_free(c->sale);
		c->sale = counter_fresh(c);
		c->saved = false;
		return POS_OK;
	}
	if (rc != POS_OK) {
		cause_set(cause, rc, "%s", why != NULL ? why : "?");
		free(why);
		return rc;
	}
	rc = sale_decode(body, &s, cause);
	free(body);
	if (rc != POS_OK)
		return rc;
	sale_free(c->sale);
	c->sale = s;
	c->saved = true;
	return POS_OK;
}

/* Writes the open sale as draft 0 (one durable transaction). */
enum pos_rc
counter_save(struct counter *c, char **cause)
{
	struct db_draft d;
	char	*body;
	enum pos_rc rc;

	memset(&d, 0, sizeof d);
	d.id = 0;
	counter_copy(d.uuid, sizeof d.uuid, sale_uuid(c->sale));
	counter_copy(d.kind, sizeof d.kind, sale_kind(c->sale) ==
	    SALE_REFUND ? "refund" : "sale");
	counter_copy(d.author, sizeof d.author, sale_author(c->sale));
	sale_label(c->sale, d.label, sizeof d.label);
	d.total_rp = sale_total(c->sale);
	d.updated_at_ms = clock_now_ms();
	body = sale_encode(c->sale);
	rc = db_sale_draft_put(c->l->db, &d, body, cause);
	free(body);
	if (rc == POS_OK)
		c->saved = true;
	return rc;
}

/*
 * Every change goes through here: old is the sale before it. When the
 * change failed or cannot be made durable, the sale is put back exactly.
 */
enum pos_rc
counter_settle(struct counter *c, struct sale *old, enum pos_rc rc,
    char **cause)
{
	if (rc == POS_OK)
		rc = counter_save(c, cause);
	if (rc != POS_OK) {
		sale_free(c->sale);
		c->sale = old;
	} else
		sale_free(old);
	return rc;
}

char *
counter_trim(const char *s)
{
	size_t	 n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

/* Parses a receipt number or scanned receipt QR into a seq. */
enum pos_rc
counter_find_seq(struct counter *c, const char *typed, int64_t *seq,
    char *number, char **cause)
{
	struct rcode r;
	const char *dev = ledger_device_id(c->l), *p;
	char	*text, *end;
	size_t	 dlen = strlen(dev);
	long long v = 0;
	enum pos_rc rc = POS_OK;

	text = counter_trim(typed);
	if (strncmp(text, "NTT1_", 5) == 0) {
		if (ledger_receipt_check(c->l, text, &r, cause) != POS_OK)
			rc = POS_EINVAL;
		else
			v = r.seq;
		goto out;
	}
	p = text;
	if (strncasecmp(text, dev, dlen) == 0 && text[dlen] == '-')
		p = text + dlen + 1;
	errno = 0;
	v = strtoll(p, &end, 10);
	if (*p == '\0' || !isdigit((unsigned char)*p) || *end != '\0' ||
	    errno != 0 || v <= 0)
		rc = cause_set(cause, POS_EINVAL, "Nomor nota %s tidak sah "
		    "(contoh %s-000123)", text, dev);
out:
	free(text);
	if (rc == POS_OK) {
		*seq = v;
		counter_number(c, v, number);
	}
	return rc;
}
