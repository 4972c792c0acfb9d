/* SPDX-License-Identifier: ISC */
/*
 * verify beyond the chain (core/verify.c) on a real demo ledger file: the
 * PIN state the counter keeps (wrong PINs, lockout, unlock, resets by a
 * good PIN) replays exactly, to the millisecond of the last wrong PIN,
 * and a change to it behind the program's back is named; the province's
 * acknowledgement is checked with the server key when one is given.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <sqlite3.h>

#include "check.h"
#include "core.h"
#include "db-int.h"
#include "ledger-int.h"

static int64_t	 now_ms = INT64_C(1795000000000);

static void
set_now(int64_t ms)
{
	char	 buf[32];

	now_ms = ms;
	snprintf(buf, sizeof buf, "%lld", (long long)ms);
	setenv("NTT_FAKE_NOW_MS", buf, 1);
}

/* Replays; want NULL: must pass, else the cause must hold want. */
static void
check_replay(struct ledger *l, const char *want)
{
	char	*cause = NULL;
	enum pos_rc rc;

	rc = verify_replay(l, NULL, &cause);
	if (want == NULL) {
		CHECK(rc == POS_OK);
		if (rc != POS_OK)
			fprintf(stderr, "replay: %s\n", cause);
	} else {
		CHECK(rc == POS_ECORRUPT);
		CHECK(cause != NULL && strstr(cause, want) != NULL);
		if (cause != NULL && strstr(cause, want) == NULL)
			fprintf(stderr, "replay: %s (want %s)\n", cause, want);
	}
	free(cause);
}

static void
sql(struct ledger *l, const char *q)
{
	CHECK(sqlite3_exec(l->db->sq, q, NULL, NULL, NULL) == SQLITE_OK);
}

static void
test_pins(struct ledger *l, struct counter *c)
{
	struct db_pin st;
	struct entry *e = NULL;
	int	 i;

	check_replay(l, NULL);
	/* Three wrong PINs: the count and the time of the last one. */
	for (i = 0; i < 3; i++) {
		set_now(now_ms + 60000);
		CHECK(counter_login(c, "ani", "9999", NULL) == POS_EINVAL);
	}
	CHECK(db_sale_pin_get(l->db, "ani", &st, NULL) == POS_OK);
	CHECK_EQ_I64(st.failed, 3);
	CHECK(ledger_get(l, ledger_count(l), &e, NULL) == POS_OK);
	CHECK_EQ_I64(st.failed_at_ms, e->created_at_ms);
	entry_free(e);
	check_replay(l, NULL);
	sql(l, "UPDATE users SET failed_pins = 0 WHERE code = 'ani'");
	check_replay(l, "pengguna ani (users.failed_pins): ledger 0, dari "
	    "jurnal 3");
	sql(l, "UPDATE users SET failed_pins = 3, pin_failed_at_ms = "
	    "pin_failed_at_ms - 60000 WHERE code = 'ani'");
	check_replay(l, "(users.pin_failed_at_ms)");
	sql(l, "UPDATE users SET pin_failed_at_ms = pin_failed_at_ms + 60000 "
	    "WHERE code = 'ani'");
	check_replay(l, NULL);

	/* A good PIN resets them. */
	set_now(now_ms + 60000);
	CHECK(counter_login(c, "ani", "1234", NULL) == POS_OK);
	CHECK(counter_logout(c, NULL) == POS_OK);
	CHECK(db_sale_pin_get(l->db, "ani", &st, NULL) == POS_OK);
	CHECK_EQ_I64(st.failed, 0);
	CHECK_EQ_I64(st.failed_at_ms, 0);
	check_replay(l, NULL);

	/* Ten: locked; someone unlocks it with the sqlite3 shell. */
	for (i = 0; i < 10; i++) {
		set_now(now_ms + 3600000);
		CHECK(counter_login(c, "yosef", "0000", NULL) != POS_OK);
	}
	CHECK(db_sale_pin_get(l->db, "yosef", &st, NULL) == POS_OK);
	CHECK(st.locked);
	check_replay(l, NULL);
	sql(l, "UPDATE users SET locked = 0 WHERE code = 'yosef'");
	check_replay(l, "pengguna yosef (users.locked): ledger 0, dari "
	    "jurnal 1");
	sql(l, "UPDATE users SET locked = 1 WHERE code = 'yosef'");
	/* A manager unlocks, after a slip of her own (reset with it). */
	CHECK(counter_unlock(c, "yosef", "maria", "1111", NULL) == POS_EINVAL);
	check_replay(l, NULL);
	CHECK(counter_unlock(c, "yosef", "maria", "9876", NULL) == POS_OK);
	CHECK(db_sale_pin_get(l->db, "yosef", &st, NULL) == POS_OK);
	CHECK(!st.locked && st.failed == 0);
	CHECK(db_sale_pin_get(l->db, "maria", &st, NULL) == POS_OK);
	CHECK_EQ_I64(st.failed, 0);
	check_replay(l, NULL);

	/* An approval by a kasir with a good PIN after slips: refused, and
	 * the slips are forgiven; a manager's approval likewise. */
	CHECK(counter_login(c, "yosef", "1111", NULL) == POS_EINVAL);
	CHECK(counter_login(c, "maria", "1111", NULL) == POS_EINVAL);
	set_now(now_ms + 60000);
	CHECK(counter_login(c, "ani", "1234", NULL) == POS_OK);
	CHECK(counter_add_sku(c, "KOP-BJW-250", 1, NULL) == POS_OK);
	CHECK(counter_discount(c, 0, "20%", NULL) == POS_ENEED_APPROVAL);
	CHECK(counter_approve(c, "yosef", "2345", NULL) == POS_ESTATE);
	CHECK(counter_approve(c, "maria", "9876", NULL) == POS_OK);
	CHECK(db_sale_pin_get(l->db, "yosef", &st, NULL) == POS_OK);
	CHECK_EQ_I64(st.failed, 0);
	CHECK(db_sale_pin_get(l->db, "maria", &st, NULL) == POS_OK);
	CHECK_EQ_I64(st.failed, 0);
	CHECK(counter_logout(c, NULL) == POS_OK);
	check_replay(l, NULL);
}

/*
 * The writer takes the time of a wrong PIN from its entry, whatever the
 * caller's clock said, so the replay (which has only the entry) agrees.
 */
static void
test_pin_time(struct ledger *l)
{
	struct db_pin_set ps;
	struct db_apply apply = { db_sale_apply_pin, &ps, NULL };
	struct db_pin st;
	struct entry *e;

	memset(&ps, 0, sizeof ps);
	snprintf(ps.user, sizeof ps.user, "admin");
	ps.pin.failed = 1;
	ps.pin.failed_at_ms = 12345;	/* read before the append: stale */
	e = entry_new(ENTRY_EVENT);
	entry_set(&e->note, "pin.fail");
	entry_set(&e->author, "admin");
	entry_add_field(e, "user", "admin");
	entry_add_field(e, "failed", "1");
	e->created_at_ms = now_ms + 777;
	CHECK(ledger_append_apply(l, e, &apply, NULL) == POS_OK);
	CHECK(db_sale_pin_get(l->db, "admin", &st, NULL) == POS_OK);
	CHECK_EQ_I64(st.failed, 1);
	CHECK_EQ_I64(st.failed_at_ms, now_ms + 777);
	entry_free(e);
	check_replay(l, NULL);
}

static void
test_acked(struct ledger *l)
{
	struct sync_state s;
	struct outbox_ack a;
	uint8_t	 pk[ENTRY_PK_LEN], sk[ENTRY_SK_LEN], other[ENTRY_PK_LEN];
	uint8_t	 osk[ENTRY_SK_LEN];
	char	*cause = NULL;
	int64_t	 head;

	crypto_sign_keypair(pk, sk);
	crypto_sign_keypair(other, osk);
	/* Nothing acknowledged yet. */
	CHECK(verify_acked(l, pk, NULL) == POS_OK);
	memset(&a, 0, sizeof a);
	snprintf(a.device_id, sizeof a.device_id, "%s", ledger_device_id(l));
	CHECK(ledger_head(l, &head, a.head_hash, NULL) == POS_OK);
	a.acked_seq = head;
	a.server_time_ms = now_ms;
	outbox_ack_sign(&a, sk);
	CHECK(ledger_sync_get(l, &s, NULL) == POS_OK);
	s.acked_seq = a.acked_seq;
	memcpy(s.acked_hash, a.head_hash, sizeof s.acked_hash);
	memcpy(s.server_sig, a.sig, sizeof s.server_sig);
	s.server_time_ms = a.server_time_ms;
	CHECK(ledger_sync_put(l, &s, NULL) == POS_OK);
	CHECK(verify_acked(l, pk, NULL) == POS_OK);
	CHECK(verify_acked(l, NULL, NULL) == POS_OK);
	CHECK(verify_acked(l, other, &cause) == POS_ECORRUPT);
	CHECK(cause != NULL && strstr(cause, "tidak ditandatangani") != NULL);
	/* A seq raised by hand no longer carries the server's signature. */
	sql(l, "UPDATE sync_state SET acked_seq = acked_seq + 5");
	CHECK(verify_acked(l, pk, NULL) == POS_ECORRUPT);
	CHECK(verify_acked(l, NULL, &cause) == POS_ECORRUPT);
	CHECK(cause != NULL && strstr(cause, "ledger lebih pendek dari yang "
	    "sudah diakui provinsi") != NULL);
	free(cause);
}

int
main(void)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct ledger *l = NULL;
	struct counter *c = NULL;
	const char *tmp = getenv("TMPDIR");
	char	 dir[400], path[512], *cause = NULL;

	snprintf(dir, sizeof dir, "%s/test-verify-XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/ledger.db", dir);
	set_now(now_ms);
	if (ledger_create(path, NULL, &init, &l, &cause) != POS_OK ||
	    demo_load(l, &cause) != POS_OK) {
		fprintf(stderr, "setup: %s\n", cause);
		return 1;
	}
	CHECK(counter_open(l, &c, NULL) == POS_OK);
	test_pins(l, c);
	test_pin_time(l);
	test_acked(l);
	counter_close(c);
	ledger_close(l);
	return check_exit();
}
