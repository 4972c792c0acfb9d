/* SPDX-License-Identifier: ISC */
/*
 * The shift work at the counter (counter.h): the person logged in opens
 * a shift with the opening cash counted by denomination, moves cash in
 * and out, looks at an X, closes with a blind count, and a manager
 * approves a difference past the limit, closes the day and the month,
 * and reads sales reports. Every rule is in core/shift.c, report*.c and
 * the gate; this file turns typed text into counts and asks for approvals.
 */
#include <stdlib.h>
#include <string.h>

#include "counter-int.h"
#include "print.h"
#include "report.h"
#include "shift.h"

/* The person logged in as an actor; approver "" when none. */
static void
counter_actor(struct counter *c, struct actor *a, const char *approver)
{
	memset(a, 0, sizeof *a);
	counter_copy(a->code, sizeof a->code, c->user.code);
	a->role = role_parse(c->user.role);
	counter_copy(a->approver, sizeof a->approver, approver);
}

/* Typed counts: n texts of notes (and of others after them). */
static enum pos_rc
counter_count_parse(const char *const *texts, bool others,
    struct drawer_count *out, char **cause)
{
	char	 label[16];
	enum pos_rc rc;
	size_t	 i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < DRAWER_NDENOMS; i++)
		if ((rc = drawer_count_parse(texts[i], DRAWER_PIECES_MAX,
		    drawer_denom_label(i, label), &out->pieces[i], cause)) !=
		    POS_OK)
			return rc;
	for (i = 0; others && i < DRAWER_NOTHERS; i++)
		if ((rc = drawer_count_parse(texts[DRAWER_NDENOMS + i],
		    DRAWER_OTHER_MAX_RP, sale_method_name(drawer_others[i]),
		    &out->other_rp[i], cause)) != POS_OK)
			return rc;
	return drawer_count_cash(out, &(int64_t){ 0 }, cause);
}

enum pos_rc
counter_shift(struct counter *c, struct shift_state *out, char **cause)
{
	if (!c->in)
		return cause_set(cause, POS_ESTATE, "Belum masuk");
	return shift_find(c->l, c->user.code, out, cause);
}

enum pos_rc
counter_shift_open(struct counter *c, const char *const *texts,
    char **cause)
{
	struct drawer_count count;
	struct actor a;
	enum pos_rc rc;

	if (!c->in)
		return cause_set(cause, POS_ESTATE, "Belum masuk");
	if ((rc = counter_count_parse(texts, false, &count, cause)) != POS_OK)
		return rc;
	counter_actor(c, &a, "");
	rc = shift_open(c->l, &a, &count, NULL, cause);
	c->st_at_ms = 0;
	return rc;
}

enum pos_rc
counter_cash(struct counter *c, int dir, const char *amount,
    const char *reason, const char *text, char **cause)
{
	struct counter_key k;
	struct actor a;
	char	 by[16] = "", detail[COUNTER_DETAIL_MAX], m[MONEY_FMT_MAX];
	int64_t	 rp;
	enum pos_rc rc;

	if (!c->in)
		return cause_set(cause, POS_ESTATE, "Belum masuk");
	if (!money_parse(amount, &rp) || rp <= 0)
		return cause_set(cause, POS_EINVAL, "Jumlah \"%.40s\" tidak "
		    "sah: ketik rupiah (50000)", amount);
	if (dir < 0 && shift_cash_needs_approval(c->l, rp)) {
		counter_key_of(c, ACT_CASH_OUT_OVER, SALE_WHOLE, &k);
		k.sale[0] = '\0';
		k.rp = rp;
		snprintf(detail, sizeof detail, "Kas keluar %s (%.40s)",
		    money_fmt(rp, m), reason);
		if ((rc = counter_right(c, &k, detail, by, cause)) != POS_OK)
			return rc;
	}
	counter_actor(c, &a, by);
	rc = shift_cash(c->l, &a, dir < 0 ? -rp : rp, reason, text, NULL,
	    NULL, NULL, cause);
	c->st_at_ms = 0;
	return rc;
}

enum pos_rc
counter_shift_close(struct counter *c, const char *const *texts,
    const char *note, struct shift_state *out, char **cause)
{
	struct drawer_count count;
	struct actor a;
	enum pos_rc rc;

	if (!c->in)
		return cause_set(cause, POS_ESTATE, "Belum masuk");
	if ((rc = counter_count_parse(texts, true, &count, cause)) != POS_OK)
		return rc;
	counter_actor(c, &a, "");
	rc = shift_close(c->l, &a, NULL, &count, note, out, cause);
	c->st_at_ms = 0;
	return rc;
}

enum pos_rc
counter_shift_diff(struct counter *c, const struct shift_state *s,
    const char *note, char **cause)
{
	struct counter_key k;
	struct actor a;
	char	 by[16] = "", detail[COUNTER_DETAIL_MAX], m[MONEY_FMT_MAX];
	enum pos_rc rc;

	if (!c->in)
		return cause_set(cause, POS_ESTATE, "Belum masuk");
	if (note == NULL || *note == '\0')
		return cause_set(cause, POS_EINVAL, "Selisih kas: tulis "
		    "keterangan (mengapa lebih/kurang)");
	counter_key_of(c, ACT_SHIFT_DIFF, SALE_WHOLE, &k);
	k.sale[0] = '\0';
	k.seq = s->close_seq;
	k.rp = s->diff_rp;
	snprintf(detail, sizeof detail, "Selisih kas %s shift %s",
	    money_fmt(s->diff_rp, m), s->cashier);
	if ((rc = counter_right(c, &k, detail, by, cause)) != POS_OK)
		return rc;
	counter_actor(c, &a, by);
	return shift_diff_approve(c->l, &a, s->close_seq, note, cause);
}

/* Sends bytes to the outlet's printer; a failure is said, not fatal. */
static void
counter_paper(struct counter *c, char *bytes, size_t len, char *why,
    size_t size)
{
	char	*cause = NULL;

	why[0] = '\0';
	if (bytes != NULL && print_raw(c->l, NULL, bytes, len, &cause) !=
	    POS_OK)
		snprintf(why, size, "%s", cause != NULL ? cause : "printer");
	free(cause);
	free(bytes);
	c->prn_at_ms = 0;
}

enum pos_rc
counter_x(struct counter *c, bool print, char **text, char *why,
    size_t size, char **cause)
{
	struct shift_state s;
	char	*bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	why[0] = '\0';
	if (!c->in)
		return cause_set(cause, POS_ESTATE, "Belum masuk");
	rc = shift_find(c->l, c->user.code, &s, cause);
	if (rc == POS_OK)
		rc = shift_paper(c->l, &s, NULL, NULL, NULL, print ? &bytes :
		    NULL, &len, text, cause);
	else if (rc == POS_ENOTFOUND)
		rc = report_day(c->l, NULL, false, NULL, print ? &bytes : NULL,
		    &len, text, cause);
	if (rc == POS_OK && print)
		counter_paper(c, bytes, len, why, size);
	else
		free(bytes);
	return rc;
}

enum pos_rc
counter_shift_slip(struct counter *c, const struct shift_state *s,
    const char *note, char **text, char *why, size_t size, char **cause)
{
	char	*bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	rc = shift_paper(c->l, s, c->user.code, note, NULL, &bytes, &len,
	    text, cause);
	if (rc == POS_OK)
		counter_paper(c, bytes, len, why, size);
	return rc;
}

enum pos_rc
counter_close_day(struct counter *c, char **text, char *why, size_t size,
    char **cause)
{
	struct actor a;
	char	*bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	why[0] = '\0';
	if (!c->in || !counter_may(c, ACT_DAY_CLOSE))
		return cause_set(cause, POS_ESTATE, "%s: hanya manajer",
		    role_act_name(ACT_DAY_CLOSE));
	counter_actor(c, &a, "");
	rc = report_close_day(c->l, &a, NULL, NULL, &bytes, &len, text,
	    cause);
	c->st_at_ms = 0;
	if (rc == POS_OK)
		counter_paper(c, bytes, len, why, size);
	return rc;
}

enum pos_rc
counter_close_month(struct counter *c, const char *month, char **text,
    char *why, size_t size, char **cause)
{
	struct actor a;
	char	*bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	why[0] = '\0';
	if (!c->in || !counter_may(c, ACT_MONTH_CLOSE))
		return cause_set(cause, POS_ESTATE, "%s: hanya manajer",
		    role_act_name(ACT_MONTH_CLOSE));
	counter_actor(c, &a, "");
	rc = report_close_month(c->l, &a, month, NULL, &bytes, &len, text,
	    cause);
	if (rc == POS_OK)
		counter_paper(c, bytes, len, why, size);
	return rc;
}

enum pos_rc
counter_sales(struct counter *c, const char *group, const char *from,
    const char *to, bool print, char **text, char **csv, char *why,
    size_t size, char **cause)
{
	char	*bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	why[0] = '\0';
	if (!c->in || !counter_may(c, ACT_REPORTS))
		return cause_set(cause, POS_ESTATE, "%s: hanya manajer",
		    role_act_name(ACT_REPORTS));
	rc = report_sales(c->l, group, from, to, NULL, print ? &bytes : NULL,
	    &len, text, NULL, cause);
	if (rc == POS_OK && csv != NULL)
		rc = report_sales_csv(c->l, group, from, to, NULL, csv, NULL,
		    cause);
	if (rc == POS_OK && print)
		counter_paper(c, bytes, len, why, size);
	else
		free(bytes);
	return rc;
}
