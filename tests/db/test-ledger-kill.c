/* SPDX-License-Identifier: ISC */
/*
 * kill -9 against a real writer (docs/requirements.md R1.2, R2.2, R5.3).
 * ledger-hammer (tests/tools) appends 5-line sales to a real ledger and
 * reports "SEQ UUID" on a pipe after each append returns POS_OK, as the
 * counter prints a receipt after COMMIT. We SIGKILL it at a random moment,
 * KILL_RUNS times on the same ledger, and after each kill open the ledger
 * as the program would on restart and check the oracle:
 *
 *	- nothing acknowledged is lost: every reported seq is there with
 *	  the reported uuid, and the head is the last report or one past
 *	  it (a COMMIT that finished just before the kill, unreported);
 *	- no partial entry: every sale has exactly its 5 items and its
 *	  payment, which add up to its total;
 *	- ledger_verify OK (chain, hashes, signatures), integrity_check ok,
 *	  seq gapless 1..n;
 *	- stock of every product is the opening stock minus what the sales
 *	  in the journal took, and every sale has its receipt queued (the
 *	  hammer prints none): the queue and the stock move with the entry.
 *
 * The oracle is shown to bite, each run: two copies of the ledger, one
 * with a sold quantity changed and one with the last sale's lines cut
 * short, must fail it, and so must a hammer that reports each sale
 * before appending it (a receipt before COMMIT) within KILL_EARLY_RUNS
 * kills (it is caught in one to three).
 *
 * NTT_SEED=n repeats the schedule (delays, sales); the seed is printed
 * first. Where a kill lands still depends on timing. kill -9 loses
 * nothing the kernel has been given, so this cannot catch a missing
 * fsync (a weaker sync pragma): that needs a power cut, R1.9 and LazyFS.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "fixture.h"
#include "core.h"
#include "print.h"

#ifndef NTT_LEDGER_HAMMER
#error "NTT_LEDGER_HAMMER: the path of ledger-hammer, set by CMake"
#endif

#define KILL_RUNS	30	/* honest runs, each ended by SIGKILL */
#define KILL_EARLY_RUNS	40	/* most runs of the lying hammer */
#define KILL_NSKU	8	/* products the hammer made */
#define KILL_OPEN_US	5000	/* kill while opening: this soon */
#define KILL_SELL_US	100000	/* kill while selling: this long after */
#define KILL_WAIT_MS	10000	/* the first sale comes within this */

struct kill_report {
	int64_t	 seq;
	char	 uuid[ENTRY_UUID_LEN + 1];
};

/* Everything the hammer ever reported, over all runs. */
static struct {
	struct kill_report *r;
	size_t	 n, size;
} kill_reports;

static struct {
	char	 dir[512];
	char	 db[600];
	char	 key[600];
	char	 copy[600];
	int64_t	 opening[KILL_NSKU];
	char	 sku[KILL_NSKU][32];
	int	 nsku;
} kill_env;

static uint64_t kill_rs;

static uint64_t
kill_rand(void)
{
	kill_rs ^= kill_rs >> 12;
	kill_rs ^= kill_rs << 25;
	kill_rs ^= kill_rs >> 27;
	return kill_rs * UINT64_C(2685821657736338717);
}

static int64_t
kill_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Starts ledger-hammer with args; its stdout is *fd. */
static pid_t
kill_spawn(const char *mode, const char *path, uint64_t seed, int *fd)
{
	char	 seedbuf[32];
	pid_t	 pid;
	int	 p[2];

	snprintf(seedbuf, sizeof seedbuf, "%llu", (unsigned long long)seed);
	if (pipe(p) != 0)
		return -1;
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		if (dup2(p[1], STDOUT_FILENO) == -1)
			_exit(127);
		close(p[1]);
		if (seed == 0)
			execl(NTT_LEDGER_HAMMER, "ledger-hammer", mode, path,
			    (char *)NULL);
		else
			execl(NTT_LEDGER_HAMMER, "ledger-hammer", mode, path,
			    seedbuf, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	*fd = p[0];
	return pid;
}

/*
 * Reads fd until EOF into a buffer (caller frees), sending SIGKILL to pid
 * delay_us after the start, or when after_first after the first line it
 * writes (or after KILL_WAIT_MS without one). delay_us < 0: never; the
 * child ends by itself. Reaps pid into *status.
 */
static char *
kill_collect(pid_t pid, int fd, int64_t delay_us, bool after_first,
    int *status)
{
	struct pollfd pfd;
	struct buf b;
	char	 chunk[4096];
	ssize_t	 n;
	int64_t	 at, left;
	bool	 killed = delay_us < 0;
	int	 timeout;

	at = kill_now_us() + (after_first ? KILL_WAIT_MS * 1000 : delay_us);
	buf_init(&b, 64 << 20);
	pfd.fd = fd;
	pfd.events = POLLIN;
	for (;;) {
		timeout = -1;
		if (!killed) {
			left = at - kill_now_us();
			if (left <= 0) {
				kill(pid, SIGKILL);
				killed = true;
			} else
				timeout = (int)((left + 999) / 1000);
		}
		if (poll(&pfd, 1, timeout) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pfd.revents == 0)
			continue;
		n = read(fd, chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (after_first && memchr(chunk, '\n', (size_t)n) != NULL) {
			at = kill_now_us() + delay_us;
			after_first = false;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	if (!killed)
		kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) == -1 && errno == EINTR)
		continue;
	buf_addstr(&b, "");
	return buf_take(&b, NULL);
}

/*
 * Parses "SEQ UUID\n" lines into reps (appended). Returns the number of
 * malformed lines, a torn last line included.
 */
static int
kill_parse(const char *out, struct kill_report **reps, size_t *n,
    size_t *size)
{
	const char *p = out, *nl;
	struct kill_report r;
	char	 line[128], *end;
	int	 bad = 0;
	size_t	 len;

	for (; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL) {
			bad++;
			break;
		}
		len = (size_t)(nl - p);
		if (len >= sizeof line) {
			bad++;
			continue;
		}
		memcpy(line, p, len);
		line[len] = '\0';
		memset(&r, 0, sizeof r);
		r.seq = strtoll(line, &end, 10);
		if (end == line || *end != ' ' || strlen(end + 1) !=
		    ENTRY_UUID_LEN) {
			bad++;
			continue;
		}
		memcpy(r.uuid, end + 1, ENTRY_UUID_LEN);
		if (*n == *size) {
			*size = *size ? 2 * *size : 256;
			*reps = xreallocarray(*reps, *size, sizeof **reps);
		}
		(*reps)[(*n)++] = r;
	}
	return bad;
}

/* Counts a violation and says it: on stderr, or as expected on stdout. */
#define ORACLE(c, ...) do {						\
	if (!(c)) {							\
		fprintf(expect ? stdout : stderr, "%s: ",		\
		    expect ? expect : "oracle");			\
		fprintf(expect ? stdout : stderr, __VA_ARGS__);		\
		fprintf(expect ? stdout : stderr, "\n");		\
		bad++;							\
	}								\
} while (0)

static int
kill_sku_index(const char *sku)
{
	int	 i;

	for (i = 0; i < kill_env.nsku; i++)
		if (strcmp(kill_env.sku[i], sku) == 0)
			return i;
	return -1;
}

/*
 * The oracle over the ledger at path, as the program would open it after
 * a restart. reps[0..n) were reported, the last run's from reps[first]
 * on, and the head was h0 before that run (h0 < 0: no last run). Returns
 * the number of violations, printed as errors, or when expect is not
 * NULL as expected findings under that name. *head is the head found.
 */
static int
kill_oracle(const char *path, const struct kill_report *reps, size_t n,
    size_t first, int64_t h0, const char *expect, int64_t *head)
{
	struct ledger *l = NULL;
	struct ledger_report rep;
	struct print_status ps;
	struct entry *e = NULL;
	sqlite3	*sq = NULL;
	sqlite3_stmt *st = NULL;
	const char *ic = NULL;
	char	*cause = NULL;
	int64_t	 count = -1, seq, sum, pay, sold[KILL_NSKU], stock, last;
	int64_t	 nsales = 0;
	int	 bad = 0, k;
	size_t	 i, items;

	*head = -1;
	/* SQLite's own view first, on a plain connection. */
	ORACLE(sqlite3_open_v2(path, &sq, SQLITE_OPEN_READWRITE, NULL) ==
	    SQLITE_OK, "sqlite3_open %s", path);
	if (sqlite3_prepare_v2(sq, "PRAGMA integrity_check", -1, &st, NULL) ==
	    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		ic = (const char *)sqlite3_column_text(st, 0);
	ORACLE(ic != NULL && strcmp(ic, "ok") == 0, "integrity_check: %s",
	    ic ? ic : sqlite3_errmsg(sq));
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(sq, "SELECT count(*), coalesce(min(seq), 0), "
	    "coalesce(max(seq), 0), (SELECT count(*) FROM journal_lines WHERE "
	    "seq NOT IN (SELECT seq FROM journal)) FROM journal", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		count = sqlite3_column_int64(st, 0);
		ORACLE(sqlite3_column_int64(st, 1) == 1 &&
		    sqlite3_column_int64(st, 2) == count, "seq not 1..%lld "
		    "(min %lld, max %lld)", (long long)count,
		    (long long)sqlite3_column_int64(st, 1),
		    (long long)sqlite3_column_int64(st, 2));
		ORACLE(sqlite3_column_int64(st, 3) == 0, "%lld lines without "
		    "an entry", (long long)sqlite3_column_int64(st, 3));
	} else
		ORACLE(0, "journal query: %s", sqlite3_errmsg(sq));
	sqlite3_finalize(st);
	sqlite3_close(sq);

	if (ledger_open(path, kill_env.key, 0, NULL, &l, &cause) != POS_OK) {
		ORACLE(0, "ledger_open: %s", cause ? cause : "?");
		free(cause);
		return bad;
	}
	ORACLE(ledger_verify(l, NULL, &rep, &cause) == POS_OK, "verify: %s",
	    cause ? cause : "?");
	free(cause);
	cause = NULL;
	ORACLE(ledger_count(l) == count, "ledger_count %lld, SQL %lld",
	    (long long)ledger_count(l), (long long)count);
	count = ledger_count(l);
	*head = count;

	/* Nothing acknowledged is lost, or replaced. */
	for (i = 0; i < n; i++) {
		if (reps[i].seq < 1 || reps[i].seq > count) {
			ORACLE(0, "reported seq %lld missing (head %lld)",
			    (long long)reps[i].seq, (long long)count);
			continue;
		}
		if (ledger_get(l, reps[i].seq, &e, NULL) != POS_OK) {
			ORACLE(0, "reported seq %lld unreadable",
			    (long long)reps[i].seq);
			continue;
		}
		ORACLE(strcmp(e->uuid, reps[i].uuid) == 0, "seq %lld is %s, "
		    "reported %s", (long long)reps[i].seq, e->uuid,
		    reps[i].uuid);
		entry_free(e);
		e = NULL;
	}
	/* The last run's reports: h0+1, h0+2 ... and at most one more. */
	last = h0;
	for (i = first; h0 >= 0 && i < n; i++) {
		ORACLE(reps[i].seq == last + 1, "report %lld after %lld",
		    (long long)reps[i].seq, (long long)last);
		last = reps[i].seq;
	}
	ORACLE(h0 < 0 || count == last || count == last + 1, "head %lld, "
	    "last reported %lld", (long long)count, (long long)last);

	/* Whole sales only, and the stock they leave. */
	memset(sold, 0, sizeof sold);
	for (seq = 1; seq <= count; seq++) {
		if (ledger_get(l, seq, &e, NULL) != POS_OK) {
			ORACLE(0, "seq %lld unreadable", (long long)seq);
			continue;
		}
		if (strcmp(e->kind, ENTRY_SALE) == 0) {
			nsales++;
			/* Its lines as written, without the lots added. */
			fixture_drop_lots(e);
			ORACLE(e->nlines == 6, "sale %lld has %zu lines",
			    (long long)seq, e->nlines);
			sum = pay = 0;
			items = 0;
			for (i = 0; i < e->nlines; i++) {
				if (strcmp(e->lines[i].type, "item") == 0) {
					items++;
					sum += e->lines[i].amount_rp;
					k = kill_sku_index(e->lines[i].code);
					ORACLE(k >= 0, "sale %lld: sku %s",
					    (long long)seq, e->lines[i].code);
					if (k >= 0)
						sold[k] += e->lines[i].qty;
				} else if (strcmp(e->lines[i].type, "pay") ==
				    0)
					pay += e->lines[i].amount_rp;
			}
			ORACLE(items == 5 && sum == e->total_rp &&
			    pay == e->total_rp, "sale %lld: %zu items, sum "
			    "%lld, pay %lld, total %lld", (long long)seq,
			    items, (long long)sum, (long long)pay,
			    (long long)e->total_rp);
		}
		entry_free(e);
		e = NULL;
	}
	for (k = 0; k < kill_env.nsku; k++) {
		stock = -1;
		ORACLE(catalog_stock(l, kill_env.sku[k], &stock, NULL) ==
		    POS_OK, "stock %s unreadable", kill_env.sku[k]);
		ORACLE(stock == kill_env.opening[k] - sold[k], "stock %s "
		    "%lld, opening %lld - sold %lld", kill_env.sku[k],
		    (long long)stock, (long long)kill_env.opening[k],
		    (long long)sold[k]);
	}
	memset(&ps, 0, sizeof ps);
	ORACLE(print_status(l, &ps, NULL) == POS_OK, "print_status");
	ORACLE(ps.pending == nsales, "%lld receipts queued for %lld sales",
	    (long long)ps.pending, (long long)nsales);
	ledger_close(l);
	return bad;
}

/* Creates the ledger with ledger-hammer init and reads its opening stock. */
static bool
kill_init(void)
{
	struct ledger *l = NULL;
	struct entry *e = NULL;
	char	*out;
	int64_t	 seq;
	size_t	 i;
	pid_t	 pid;
	int	 fd, status = -1;
	bool	 ok = false;

	if ((pid = kill_spawn("init", kill_env.db, 0, &fd)) == -1)
		return false;
	out = kill_collect(pid, fd, -1, false, &status);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    strtoll(out, NULL, 10) < 2) {
		free(out);
		return false;
	}
	free(out);
	/* The products are what the stock.in entries received. */
	if (ledger_open(kill_env.db, kill_env.key, 0, NULL, &l, NULL) != POS_OK)
		return false;
	for (seq = 1; seq <= ledger_count(l); seq++) {
		if (ledger_get(l, seq, &e, NULL) != POS_OK)
			goto out;
		/* An intake's first item line (after its field lines). */
		for (i = 0; i < e->nlines &&
		    strcmp(e->lines[i].type, "item") != 0; i++)
			;
		if ((strcmp(e->kind, ENTRY_STOCK_IN) == 0 ||
		    strcmp(e->kind, ENTRY_CONSIGN_IN) == 0) &&
		    i < e->nlines && kill_env.nsku < KILL_NSKU) {
			snprintf(kill_env.sku[kill_env.nsku],
			    sizeof kill_env.sku[0], "%s", e->lines[i].code);
			if (catalog_stock(l, e->lines[i].code,
			    &kill_env.opening[kill_env.nsku], NULL) != POS_OK)
				goto out;
			kill_env.nsku++;
		}
		entry_free(e);
		e = NULL;
	}
	ok = kill_env.nsku == KILL_NSKU;
out:
	entry_free(e);
	ledger_close(l);
	return ok;
}

/*
 * One run: start the hammer in mode and SIGKILL it at a random moment:
 * one run in five within KILL_OPEN_US of the start, while it opens and
 * recovers the ledger, the others within KILL_SELL_US after its first
 * sale, while it sells (so a slow machine still kills mid-sale). Collects
 * what it reported into kill_reports. Returns the number of new reports,
 * -1 if the hammer did not die of our SIGKILL.
 */
static int64_t
kill_one(const char *mode, bool selling, int64_t *delay_us)
{
	char	*out;
	pid_t	 pid;
	int	 fd, status = -1, bad;
	size_t	 n0 = kill_reports.n;
	bool	 after_first;

	after_first = selling || kill_rand() % 5 != 0;
	if (after_first)
		*delay_us = (int64_t)(kill_rand() % KILL_SELL_US);
	else
		*delay_us = (int64_t)(kill_rand() % KILL_OPEN_US);
	pid = kill_spawn(mode, kill_env.db, kill_rand() | 1, &fd);
	if (pid == -1)
		return -1;
	out = kill_collect(pid, fd, *delay_us, after_first, &status);
	bad = kill_parse(out, &kill_reports.r, &kill_reports.n,
	    &kill_reports.size);
	free(out);
	CHECK_EQ_I64(bad, 0);
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
		fprintf(stderr, "ledger-hammer %s: status 0x%x\n", mode,
		    status);
		return -1;
	}
	return (int64_t)(kill_reports.n - n0);
}

/*
 * A copy of the (closed, checkpointed) ledger with sql run on it behind
 * the ledger's back; the oracle must find something wrong.
 */
static void
kill_tamper(const char *what, const char *sql)
{
	sqlite3	*sq = NULL;
	char	*err = NULL;
	int64_t	 head;
	int	 bad;

	fixture_unlink_ledger(kill_env.copy);
	CHECK(fixture_copy_file(kill_env.db, kill_env.copy));
	CHECK(sqlite3_open_v2(kill_env.copy, &sq, SQLITE_OPEN_READWRITE,
	    NULL) == SQLITE_OK);
	if (sqlite3_exec(sq, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "tamper %s: %s\n", what, err ? err : "?");
		CHECK(!"tamper");
	}
	CHECK_EQ_I64(sqlite3_changes(sq) > 0, 1);
	sqlite3_free(err);
	sqlite3_close(sq);
	bad = kill_oracle(kill_env.copy, kill_reports.r, kill_reports.n,
	    kill_reports.n, -1, what, &head);
	printf("tampered copy (%s): oracle found %d violations\n", what, bad);
	CHECK(bad > 0);
	fixture_unlink_ledger(kill_env.copy);
}

int
main(void)
{
	const char *tmp, *s;
	uint64_t seed;
	int64_t	 h0, head, got, delay, total = 0, midway = 0, unacked = 0;
	struct stat sb;
	size_t	 first;
	int	 run, bad, caught = 0, t0;

	if ((s = getenv("NTT_SEED")) != NULL && *s != '\0')
		seed = strtoull(s, NULL, 10);
	else
		seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	printf("seed %llu (NTT_SEED=%llu repeats this run)\n",
	    (unsigned long long)seed, (unsigned long long)seed);
	kill_rs = seed != 0 ? seed : 1;
	t0 = (int)time(NULL);

	CHECK(stat(NTT_LEDGER_HAMMER, &sb) == 0);
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(kill_env.dir, sizeof kill_env.dir, "%s/ledger-kill.XXXXXX",
	    tmp);
	if (mkdtemp(kill_env.dir) == NULL) {
		CHECK(!"mkdtemp");
		return check_exit();
	}
	snprintf(kill_env.db, sizeof kill_env.db, "%s/kill.db", kill_env.dir);
	snprintf(kill_env.key, sizeof kill_env.key, "%s/kill.db.key",
	    kill_env.dir);
	snprintf(kill_env.copy, sizeof kill_env.copy, "%s/copy.db",
	    kill_env.dir);
	CHECK(kill_init());
	if (kill_env.nsku != KILL_NSKU)
		goto out;
	bad = kill_oracle(kill_env.db, NULL, 0, 0, -1, NULL, &h0);
	CHECK_EQ_I64(bad, 0);

	for (run = 0; run < KILL_RUNS; run++) {
		first = kill_reports.n;
		got = kill_one("run", false, &delay);
		CHECK(got >= 0);
		if (got < 0)
			break;
		bad = kill_oracle(kill_env.db, kill_reports.r,
		    kill_reports.n, first, h0, NULL, &head);
		if (bad != 0)
			fprintf(stderr, "run %d (kill after %lld us, %lld "
			    "reported): %d violations\n", run,
			    (long long)delay, (long long)got, bad);
		CHECK_EQ_I64(bad, 0);
		total += got;
		if (got > 0)
			midway++;
		/* Committed, killed before it could say so: allowed. */
		if (head == h0 + got + 1)
			unacked++;
		h0 = head;
	}
	printf("%d kills, %lld sales acknowledged, head %lld, %lld kills "
	    "mid-sales, %lld sales committed but not acknowledged\n", run,
	    (long long)total, (long long)h0, (long long)midway,
	    (long long)unacked);
	/* Most kills must land while sales are going in, or we test little. */
	CHECK(midway >= KILL_RUNS / 2);

	/* The oracle bites: tampered copies, then a lying hammer. */
	kill_tamper("a sold quantity changed", "DROP TRIGGER "
	    "journal_lines_no_update; UPDATE journal_lines SET qty = qty + 1 "
	    "WHERE type = 'item' AND seq = (SELECT max(seq) FROM journal WHERE "
	    "kind = 'sale') AND line_no = 1");
	kill_tamper("the last sale cut short", "DROP TRIGGER "
	    "journal_lines_no_delete; DELETE FROM journal_lines WHERE seq = "
	    "(SELECT max(seq) FROM journal) AND line_no > 3");
	for (run = 0; run < KILL_EARLY_RUNS && caught == 0; run++) {
		first = kill_reports.n;
		got = kill_one("run-early", true, &delay);
		CHECK(got >= 0);
		if (got < 0)
			break;
		bad = kill_oracle(kill_env.db, kill_reports.r,
		    kill_reports.n, first, h0, "lying hammer", &head);
		if (bad > 0)
			caught++;
		/* Forget the lies, so the next run is judged alone. */
		kill_reports.n = first;
		h0 = head;
	}
	printf("lying hammer (reports before COMMIT): caught after %d "
	    "kills\n", run);
	CHECK_EQ_I64(caught, 1);
	printf("%d s\n", (int)time(NULL) - t0);
out:
	fixture_unlink_ledger(kill_env.db);
	fixture_unlink_ledger(kill_env.copy);
	unlink(kill_env.key);
	rmdir(kill_env.dir);
	free(kill_reports.r);
	return check_exit();
}
