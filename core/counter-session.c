/* SPDX-License-Identifier: ISC */
/*
 * Who is at the counter (counter.h): login and logout, PINs checked by
 * auth.c with its delays and lockout, a manager's unlock, a manager's
 * approval on the spot for what the user may not do alone (every attempt
 * an event entry), and the status line.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "counter-int.h"
#include "print.h"
#include "report.h"

char *
counter_secret_new(void)
{
	char	*p;

	if ((p = sodium_malloc(COUNTER_PIN_MAX)) == NULL)
		fatalx("sodium_malloc: out of memory");
	memset(p, 0, COUNTER_PIN_MAX);
	return p;
}

void
counter_secret_free(char *p)
{
	if (p != NULL)
		sodium_free(p);		/* zeroes before freeing */
}

/* Checks user's PIN (auth.c); the status line is read again after. */
static enum pos_rc
counter_pin_check(struct counter *c, const char *code, const char *pin,
    struct user *u, bool *reset, char **cause)
{
	enum pos_rc rc;

	rc = auth_pin(c->l, code, pin, u, reset, cause);
	c->st_at_ms = c->prn_at_ms = 0;
	/* At the counter an unknown code is just a wrong login. */
	return rc == POS_ENOTFOUND ? POS_EINVAL : rc;
}


enum pos_rc
counter_set(struct counter *c, const char *name, const char *value,
    char **cause)
{
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (!counter_may(c, ACT_SETTINGS))
		return cause_set(cause, POS_ESTATE, "%s: hanya manajer",
		    role_act_name(ACT_SETTINGS));
	rc = catalog_set(c->l, c->user.code, name, value, cause);
	c->st_at_ms = c->prn_at_ms = 0;
	return rc;
}

bool
counter_may(const struct counter *c, enum role_act act)
{
	return c->in && role_need(role_parse(c->user.role), act) == ROLE_ALONE;
}

const struct counter_user *
counter_user(const struct counter *c)
{
	return c->in ? &c->user : NULL;
}

/* Drops the open sale from memory (not from the file) and what waits. */
static void
counter_forget(struct counter *c)
{
	sale_free(c->sale);
	c->sale = NULL;
	c->saved = false;
	memset(&c->want, 0, sizeof c->want);
	memset(&c->grant, 0, sizeof c->grant);
	c->weigh_sku[0] = '\0';
}

enum pos_rc
counter_login(struct counter *c, const char *code, const char *pin,
    char **cause)
{
	struct user u;
	struct entry *e;
	enum pos_rc rc;
	char	*why = NULL;
	bool	 reset, rehash;

	if (c->in)
		return cause_set(cause, POS_ESTATE, "%s masih masuk",
		    c->user.code);
	rc = counter_pin_check(c, code, pin, &u, &reset, cause);
	rehash = rc == POS_OK && pin_needs_rehash(u.pin_hash);
	sodium_memzero(u.pin_hash, sizeof u.pin_hash);
	if (rc != POS_OK)
		return rc;
	e = entry_event("login", code, "user", code, "role", u.role,
	    (const char *)NULL);
	rc = counter_append(c, e, NULL, NULL, cause);
	entry_free(e);
	if (rc != POS_OK)
		return rc;
	/* Hashed with older parameters: upgrade with the PIN just typed. A
	 * failure here costs nothing but the upgrade, so it only logs. */
	if (rehash && catalog_put_user(c->l, code, &u, pin, &why) != POS_OK) {
		log_warnx("PIN %s tidak diperbarui: %s", code, why);
		free(why);
	}
	counter_copy(c->user.code, sizeof c->user.code, u.code);
	counter_copy(c->user.name, sizeof c->user.name, u.name);
	counter_copy(c->user.role, sizeof c->user.role, u.role);
	c->in = true;
	if ((rc = counter_resume(c, cause)) != POS_OK) {
		c->in = false;
		counter_forget(c);
	}
	return rc;
}

enum pos_rc
counter_logout(struct counter *c, char **cause)
{
	struct entry *e;
	enum pos_rc rc;

	if (!c->in)
		return POS_OK;
	e = entry_event("logout", c->user.code, "user", c->user.code,
	    (const char *)NULL);
	rc = counter_append(c, e, NULL, NULL, cause);
	entry_free(e);
	if (rc != POS_OK)
		return rc;
	c->in = false;
	counter_forget(c);
	memset(&c->user, 0, sizeof c->user);
	return POS_OK;
}

enum pos_rc
counter_unlock(struct counter *c, const char *user, const char *manager,
    const char *pin, char **cause)
{
	struct db_pin st;
	struct user u, m;
	struct entry *e;
	enum pos_rc rc;
	bool	 reset;

	if (db_catalog_user(c->l->db, user, &u, NULL) != POS_OK)
		return cause_set(cause, POS_EINVAL, "Pengguna %s tidak "
		    "terdaftar", user);
	if ((rc = db_sale_pin_get(c->l->db, user, &st, cause)) != POS_OK)
		return rc;
	if (!st.locked && st.failed == 0)
		return cause_set(cause, POS_ESTATE, "%s tidak terkunci", user);
	if (strcmp(user, manager) == 0)
		return cause_set(cause, POS_ESTATE, "Manajer lain yang harus "
		    "membuka kunci");
	rc = counter_pin_check(c, manager, pin, &m, &reset, cause);
	sodium_memzero(m.pin_hash, sizeof m.pin_hash);
	if (rc != POS_OK)
		return rc;
	if (!counter_is_manager(m.role))
		return cause_set(cause, POS_ESTATE, "%s bukan manajer",
		    manager);
	if (reset) {
		/* The manager's own slips are forgiven by a good PIN. */
		e = entry_event("pin.reset", manager, "user", manager,
		    (const char *)NULL);
		rc = counter_append(c, e, NULL, NULL, cause);
		entry_free(e);
		if (rc != POS_OK)
			return rc;
	}
	e = entry_event("pin.unlock", manager, "user", user, "approver",
	    manager, (const char *)NULL);
	rc = counter_append(c, e, NULL, NULL, cause);
	entry_free(e);
	return rc;
}

const char *
counter_approval_detail(const struct counter *c)
{
	return c->want.act != ACT_NONE ? c->want_detail : "";
}

void
counter_key_of(struct counter *c, enum role_act act, size_t line,
    struct counter_key *out)
{
	memset(out, 0, sizeof *out);
	out->act = act;
	counter_copy(out->sale, sizeof out->sale, c->sale != NULL ?
	    sale_uuid(c->sale) : "");
	out->line = line;
}

static bool
counter_key_same(const struct counter_key *a, const struct counter_key *b)
{
	return a->act == b->act && strcmp(a->sale, b->sale) == 0 &&
	    a->line == b->line && a->bp == b->bp && a->rp == b->rp &&
	    a->seq == b->seq && strcmp(a->sku, b->sku) == 0;
}

enum pos_rc
counter_ask(struct counter *c, const struct counter_key *k,
    const char *detail, char **cause)
{
	c->want = *k;
	counter_copy(c->want_detail, sizeof c->want_detail, detail);
	return cause_set(cause, POS_ENEED_APPROVAL, "%s: perlu persetujuan "
	    "manajer", detail);
}

bool
counter_take_grant(struct counter *c, const struct counter_key *k,
    char *by, size_t size, char *role, size_t rsize)
{
	if (k->act == ACT_NONE || !counter_key_same(&c->grant, k))
		return false;
	counter_copy(by, size, c->grant_by);
	counter_copy(role, rsize, c->grant_role);
	memset(&c->grant, 0, sizeof c->grant);
	return true;
}

enum pos_rc
counter_right(struct counter *c, const struct counter_key *k,
    const char *detail, char *by, char **cause)
{
	char	 role[10];

	by[0] = '\0';
	switch (role_need(role_parse(c->user.role), k->act)) {
	case ROLE_ALONE:
		return POS_OK;
	case ROLE_MANAGER:
		return cause_set(cause, POS_ESTATE, "%s: hanya manajer",
		    role_act_name(k->act));
	case ROLE_APPROVAL:
		break;
	}
	if (counter_take_grant(c, k, by, 16, role, sizeof role))
		return POS_OK;
	return counter_ask(c, k, detail, cause);
}

/* The approval event: core/verify.c replays its approver and result. */
static enum pos_rc
counter_approval_event(struct counter *c, const char *approver,
    const char *result, bool reset, char **cause)
{
	struct entry *e;
	enum pos_rc rc;

	e = entry_event("approval", c->user.code, "action",
	    role_act_code(c->want.act), "detail", c->want_detail, "approver",
	    approver, "result", result, (const char *)NULL);
	rc = counter_append(c, e, NULL, NULL, cause);
	entry_free(e);
	return rc;
}

enum pos_rc
counter_approve(struct counter *c, const char *manager, const char *pin,
    char **cause)
{
	struct user m;
	enum pos_rc rc;
	bool	 reset = false;

	if (c->want.act == ACT_NONE)
		return cause_set(cause, POS_ESTATE, "Tidak ada yang perlu "
		    "disetujui");
	if (strcmp(manager, c->user.code) == 0 &&
	    !counter_is_manager(c->user.role))
		return cause_set(cause, POS_ESTATE, "Persetujuan harus oleh "
		    "manajer");
	rc = counter_pin_check(c, manager, pin, &m, &reset, cause);
	sodium_memzero(m.pin_hash, sizeof m.pin_hash);
	if (rc == POS_OK && !counter_is_manager(m.role)) {
		counter_approval_event(c, manager, "bukan manajer", reset,
		    NULL);
		return cause_set(cause, POS_ESTATE, "%s bukan manajer",
		    manager);
	}
	if (rc != POS_OK) {
		/* Wrong PINs are events of their own; record the refusal. */
		if (db_catalog_user(c->l->db, manager, &m, NULL) == POS_OK)
			counter_approval_event(c, manager, "ditolak", false,
			    NULL);
		sodium_memzero(m.pin_hash, sizeof m.pin_hash);
		return rc;
	}
	if ((rc = counter_approval_event(c, manager, "disetujui", reset,
	    cause)) != POS_OK)
		return rc;
	/* For exactly what was asked, once. */
	c->grant = c->want;
	counter_copy(c->grant_by, sizeof c->grant_by, m.code);
	counter_copy(c->grant_role, sizeof c->grant_role, m.role);
	memset(&c->want, 0, sizeof c->want);
	return POS_OK;
}

enum pos_rc
counter_approve_cancel(struct counter *c, char **cause)
{
	enum pos_rc rc;

	if (c->want.act == ACT_NONE)
		return POS_OK;
	rc = counter_approval_event(c, "", "batal", false, cause);
	memset(&c->want, 0, sizeof c->want);
	return rc;
}

char *
counter_age_fmt(int64_t ms, char *out)
{
	int64_t	 m = ms / 60000;

	if (m < 60)
		snprintf(out, COUNTER_AGE_MAX, "%" PRId64 " mnt", m);
	else if (m < 48 * 60)
		snprintf(out, COUNTER_AGE_MAX, "%" PRId64 " j", m / 60);
	else
		snprintf(out, COUNTER_AGE_MAX, "%" PRId64 " hr", m / (24 * 60));
	return out;
}

/* The printer's part: the queue is counted at most every 10 s. */
static void
counter_status_printer(struct counter *c, int64_t now)
{
	struct print_status ps;
	char	*spec;

	if (c->prn_at_ms != 0 && now - c->prn_at_ms < 10000 &&
	    now >= c->prn_at_ms)
		return;
	c->prn_at_ms = now;
	spec = print_setting(c->l, "printer");
	if (print_status(c->l, &ps, NULL) == POS_OK && ps.pending > 0)
		snprintf(c->prn, sizeof c->prn, "%lld antre",
		    (long long)ps.pending);
	else if (spec == NULL || strcmp(spec, "none") == 0)
		counter_copy(c->prn, sizeof c->prn, "tidak ada");
	else
		counter_copy(c->prn, sizeof c->prn, "siap");
	free(spec);
}

void
counter_status(struct counter *c, struct counter_status *out)
{
	struct counter_status *st = &c->st;
	struct sync_view sv;
	struct shift_state sh;
	int64_t	 now = clock_now_ms();
	char	 when[17];

	if (c->st_at_ms != 0 && now >= c->st_at_ms &&
	    now - c->st_at_ms < 1000) {
		*out = *st;
		return;
	}
	c->st_at_ms = now;
	memset(st, 0, sizeof *st);
	counter_copy(st->outlet_id, sizeof st->outlet_id,
	    ledger_outlet_id(c->l));
	counter_copy(st->outlet_name, sizeof st->outlet_name,
	    ledger_outlet_name(c->l));
	counter_copy(st->device_id, sizeof st->device_id,
	    ledger_device_id(c->l));
	counter_copy(st->user, sizeof st->user, c->in ? c->user.code : "-");
	/* The day that is open (core/gate.h): after midnight it is still
	 * yesterday's until a manager closes it, which the line shows. */
	if (report_open_day(c->l, st->day, NULL) != POS_OK)
		clock_wita_date(now, st->day);
	st->day_late = strcmp(st->day, clock_wita_date(now, when)) < 0;
	clock_wita_fmt(now, when);
	counter_copy(st->time, sizeof st->time, when + 11);
	/* The shift of the person logged in on this till: since when. */
	if (c->in && shift_find(c->l, c->user.code, &sh, NULL) == POS_OK) {
		clock_wita_fmt(sh.opened_at_ms, when);
		snprintf(st->shift, sizeof st->shift, "buka %s", when + 11);
	} else
		counter_copy(st->shift, sizeof st->shift, c->in ? "belum buka" :
		    "-");
	/* With the daemon's note: what the province lacks, and whether the
	 * daemon could record it (core.h, ledger-note). */
	if (ledger_sync_view(c->l, &sv, NULL) == POS_OK) {
		st->pending = sv.pending;
		st->sync_unsaved = sv.unsaved;
		if (sv.pending > 0 && sv.st.oldest_pending_at_ms > 0 &&
		    now > sv.st.oldest_pending_at_ms)
			st->pending_age_ms = now - sv.st.oldest_pending_at_ms;
	} else
		st->pending = -1;
	counter_status_printer(c, now);
	counter_copy(st->printer, sizeof st->printer, c->prn);
	*out = *st;
}
