/* SPDX-License-Identifier: ISC */
/*
 * Who is acting (core.h §auth.c): a user code and a PIN checked with the
 * throttling rules, at the counter and at a shell alike, so wrong PINs
 * count toward one lockout wherever they are typed; then the table of
 * rights (role.h) for the action, with a manager's code and PIN where it
 * asks for one. The ledger's gate checks the roles again inside the write
 * (gate.c); the PIN can only be checked here.
 */
#include <inttypes.h>
#include <string.h>

#include <sodium.h>

#include "ledger-int.h"

static void
auth_copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src != NULL ? src : "");
}

/*
 * The doubling wait after AUTH_PIN_DELAY_AFTER wrong PINs: 2 s after the
 * 5th, 4 s after the 6th ... 32 s after the 9th.
 */
int64_t
auth_pin_delay_ms(int64_t failed)
{
	if (failed < AUTH_PIN_DELAY_AFTER)
		return 0;
	return INT64_C(1000) << (failed - AUTH_PIN_DELAY_AFTER + 1);
}

enum pos_rc
auth_pin(struct ledger *l, const char *code, const char *pin, struct user *u,
    bool *reset, char **cause)
{
	struct db_pin st;
	struct entry *e;
	enum pos_rc rc;
	int64_t	 now = clock_now_ms(), wait_ms, failed;
	char	 n[24];
	bool	 locked;

	*reset = false;
	if (code == NULL || *code == '\0')
		return cause_set(cause, POS_EINVAL, "Ketik kode pengguna");
	if (strlen(code) >= sizeof u->code ||
	    db_catalog_user(l->db, code, u, NULL) != POS_OK)
		return cause_set(cause, POS_ENOTFOUND, "Pengguna %.40s tidak "
		    "terdaftar", code);
	if (!u->active) {
		sodium_memzero(u->pin_hash, sizeof u->pin_hash);
		return cause_set(cause, POS_ESTATE, "Pengguna %s tidak aktif",
		    code);
	}
	if ((rc = db_sale_pin_get(l->db, code, &st, cause)) != POS_OK)
		return rc;
	if (st.locked)
		return cause_set(cause, POS_ESTATE, "%s terkunci setelah %d PIN"
		    " salah: minta manajer membuka (F7 di layar masuk)", code,
		    AUTH_PIN_LOCK_AFTER);
	wait_ms = st.failed_at_ms + auth_pin_delay_ms(st.failed) - now;
	if (wait_ms > 0)
		return cause_set(cause, POS_ESTATE, "Terlalu banyak PIN salah: "
		    "tunggu %" PRId64 " detik", (wait_ms + 999) / 1000);
	if (pin != NULL && pin_verify(l->key.pepper, pin, u->pin_hash)) {
		*reset = st.failed > 0;
		return POS_OK;
	}
	sodium_memzero(u->pin_hash, sizeof u->pin_hash);

	/* The event is the new state: its projection sets the count, the
	 * lock and the time (rules/kind.c, kind_pin_effects). */
	failed = st.failed + 1;
	locked = failed >= AUTH_PIN_LOCK_AFTER;
	snprintf(n, sizeof n, "%" PRId64, failed);
	e = entry_event(locked ? "pin.locked" : "pin.fail", code, "user", code,
	    "failed", n, (const char *)NULL);
	e->created_at_ms = now;
	rc = ledger_append(l, e, cause);
	entry_free(e);
	if (rc != POS_OK)
		return rc;
	if (locked)
		return cause_set(cause, POS_ESTATE, "PIN salah %d kali: %s "
		    "terkunci sampai manajer membuka", AUTH_PIN_LOCK_AFTER,
		    code);
	if (failed >= AUTH_PIN_DELAY_AFTER)
		return cause_set(cause, POS_EINVAL, "PIN salah (%" PRId64 "x): "
		    "tunggu %" PRId64 " detik", failed,
		    auth_pin_delay_ms(failed) / 1000);
	return cause_set(cause, POS_EINVAL, "PIN salah");
}

enum pos_rc
auth_person(struct ledger *l, enum role_act act, const char *code,
    const char *pin, const char *approver, const char *approver_pin,
    struct actor *out, char **cause)
{
	struct user u, m;
	enum role r, mr = ROLE_NONE;
	enum pos_rc rc;
	bool	 reset, mreset = false;

	if (!l->have_key)
		return cause_set(cause, POS_ESTATE, "Ledger dibuka tanpa "
		    "kunci perangkat: tidak bisa menulis");
	rc = auth_pin(l, code, pin, &u, &reset, cause);
	sodium_memzero(u.pin_hash, sizeof u.pin_hash);
	if (rc != POS_OK)
		return rc;
	r = role_parse(u.role);
	switch (role_need(r, act)) {
	case ROLE_MANAGER:
		return cause_set(cause, POS_ESTATE, "%s: hanya manajer (%s "
		    "adalah %s)", role_act_name(act), code, u.role);
	case ROLE_APPROVAL:
		if (approver == NULL || *approver == '\0')
			return cause_set(cause, POS_ESTATE, "%s oleh %s perlu "
			    "persetujuan manajer (--approver KODE)",
			    role_act_name(act), u.role);
		if (strcmp(approver, code) == 0)
			return cause_set(cause, POS_ESTATE, "Persetujuan harus "
			    "oleh manajer lain");
		rc = auth_pin(l, approver, approver_pin, &m, &mreset, cause);
		sodium_memzero(m.pin_hash, sizeof m.pin_hash);
		if (rc != POS_OK)
			return rc;
		if (!role_is_manager(mr = role_parse(m.role)))
			return cause_set(cause, POS_ESTATE, "%s bukan manajer",
			    approver);
		break;
	case ROLE_ALONE:
		break;
	}
	/* Nothing is written yet: the action's own entry names who did it
	 * and who approved, and clears their earlier wrong PINs. */
	memset(out, 0, sizeof *out);
	auth_copy(out->code, sizeof out->code, u.code);
	out->role = r;
	out->reset = reset;
	if (mr != ROLE_NONE) {
		auth_copy(out->approver, sizeof out->approver, m.code);
		out->approver_reset = mreset;
	}
	return POS_OK;
}
