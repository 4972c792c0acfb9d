/* SPDX-License-Identifier: ISC */
/*
 * The server's per-instance memory of who asked for what: token buckets
 * per credential and per address (rules/limit.c does the arithmetic),
 * failure counts (wrong enrolment codes), and each device's turn (one
 * request of a device at work on PostgreSQL at a time, so one device's
 * retries stuck behind a row lock hold one database session, not all).
 *
 * A fixed table of RATE_SLOTS keys, never grown: a key is looked for in
 * RATE_PROBE slots from its hash, and a new key takes an empty slot there
 * or the one used longest ago that no request holds. An attacker with
 * many keys can make the server forget a key early (its bucket starts
 * full again); it can never make it use more memory. Per instance by
 * design (docs/sync-install.md §Limits): two servers behind a balancer
 * each allow the rate; what must be shared (alarms, quarantine) is in
 * PostgreSQL.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "server.h"

#define RATE_SLOTS	8192
#define RATE_PROBE	16

struct rate_slot {
	char		 key[80];	/* "" for empty */
	struct limit_bucket b;
	int64_t		 fails;		/* within the window from fail_at_ms */
	int64_t		 fail_at_ms;
	int64_t		 used_ms;	/* last looked up */
	bool		 busy;		/* a request holds the key's turn */
};

struct rate_table {
	pthread_mutex_t	 mtx;
	pthread_cond_t	 cv;		/* a turn was given back */
	struct rate_slot *slots;
};

void
rate_cond_init(pthread_cond_t *cv)
{
	pthread_condattr_t ca;

	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(cv, &ca);
	pthread_condattr_destroy(&ca);
}

void
rate_cond_wait(pthread_cond_t *cv, pthread_mutex_t *mtx, int ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_cond_timedwait(cv, mtx, &ts);
}

struct rate_table *
rate_new(void)
{
	struct rate_table *t = xcalloc(1, sizeof *t);

	pthread_mutex_init(&t->mtx, NULL);
	rate_cond_init(&t->cv);
	t->slots = xcalloc(RATE_SLOTS, sizeof *t->slots);
	return t;
}

void
rate_free(struct rate_table *t)
{
	if (t == NULL)
		return;
	pthread_mutex_destroy(&t->mtx);
	pthread_cond_destroy(&t->cv);
	free(t->slots);
	free(t);
}

/* FNV-1a. */
static uint32_t
rate_hash(const char *k)
{
	uint32_t h = 2166136261u;

	for (; *k != '\0'; k++)
		h = (h ^ (uint8_t)*k) * 16777619u;
	return h;
}

/* The slot of key, made if need be; NULL when every candidate is held. */
static struct rate_slot *
rate_slot(struct rate_table *t, const char *key, int64_t now_ms)
{
	struct rate_slot *s, *victim = NULL;
	uint32_t h = rate_hash(key);
	int	 i;

	for (i = 0; i < RATE_PROBE; i++) {
		s = &t->slots[(h + (uint32_t)i) % RATE_SLOTS];
		if (strcmp(s->key, key) == 0) {
			s->used_ms = now_ms;
			return s;
		}
		if (s->busy)
			continue;
		if (victim == NULL || s->key[0] == '\0' ||
		    (victim->key[0] != '\0' && s->used_ms < victim->used_ms))
			victim = s;
	}
	if (victim == NULL)
		return NULL;
	memset(victim, 0, sizeof *victim);
	snprintf(victim->key, sizeof victim->key, "%s", key);
	victim->used_ms = now_ms;
	return victim;
}

bool
rate_take(struct rate_table *t, const char *key, int64_t per_min,
    int64_t burst, int64_t *retry_s)
{
	struct rate_slot *s;
	int64_t	 now = clock_mono_ms();
	bool	 ok = true;

	pthread_mutex_lock(&t->mtx);
	if ((s = rate_slot(t, key, now)) != NULL)
		ok = limit_take(&s->b, now, per_min, burst, retry_s);
	pthread_mutex_unlock(&t->mtx);
	return ok;
}

int64_t
rate_fail(struct rate_table *t, const char *key, int64_t window_s)
{
	struct rate_slot *s;
	int64_t	 now = clock_mono_ms(), n = 1;

	pthread_mutex_lock(&t->mtx);
	if ((s = rate_slot(t, key, now)) != NULL) {
		if (s->fails == 0 || now - s->fail_at_ms > window_s * 1000) {
			s->fails = 0;
			s->fail_at_ms = now;
		}
		n = ++s->fails;
	}
	pthread_mutex_unlock(&t->mtx);
	return n;
}

enum pos_rc
rate_turn_take(struct rate_table *t, const char *key, int64_t wait_ms,
    int watch_fd, char **cause)
{
	struct rate_slot *s;
	int64_t	 until = clock_mono_ms() + wait_ms;
	enum pos_rc rc = POS_OK;

	pthread_mutex_lock(&t->mtx);
	for (;;) {
		s = rate_slot(t, key, clock_mono_ms());
		if (s == NULL || !s->busy)
			break;
		if (clock_mono_ms() >= until) {
			rc = cause_set(cause, POS_ESTATE, "Permintaan lain "
			    "perangkat %s masih diproses", key);
			break;
		}
		if (http_client_gone(watch_fd)) {
			rc = cause_set(cause, POS_ENET, "Klien sudah "
			    "memutuskan sambungan");
			break;
		}
		/* Wake at least every 200 ms to look at the client. */
		rate_cond_wait(&t->cv, &t->mtx, 200);
	}
	if (rc == POS_OK && s != NULL)
		s->busy = true;
	pthread_mutex_unlock(&t->mtx);
	return rc;
}

void
rate_turn_give(struct rate_table *t, const char *key)
{
	struct rate_slot *s;

	pthread_mutex_lock(&t->mtx);
	if ((s = rate_slot(t, key, clock_mono_ms())) != NULL)
		s->busy = false;
	pthread_cond_broadcast(&t->cv);
	pthread_mutex_unlock(&t->mtx);
}
