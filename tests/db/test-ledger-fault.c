/* SPDX-License-Identifier: ISC */
/*
 * The ledger under real I/O faults (docs/requirements.md R1.2, R1.5, R2.2,
 * R5.3, R5.4). A real ledger file with a small catalog and stock; then, in the
 * SQLite style, for every fault kind (write error, full disk, fsync
 * error), both modes (transient, persistent), and N = 1, 2, ... until a
 * run completes without the fault being hit, one durable 5-line sale is
 * appended through the fault VFS with the N-th operation failing. Then:
 *
 *	- the append returned POS_EIO or POS_EFULL with a cause, and e->seq
 *	  is 0: the counter would print no receipt (R1.2);
 *	- the handle refuses the next sale without touching the disk: no
 *	  retry (R1.5);
 *	- opened again without the fault VFS, as the program would be after
 *	  a restart: integrity_check ok, ledger_verify OK, gapless, and the
 *	  sale either absent, or present whole (all 6 lines, verifying) with
 *	  stock down by exactly its quantities and its receipt queued.
 *
 * "Present" is allowed, as SQLite cannot do better: once it has written a
 * commit frame to the -wal it cannot un-write it. If the fsync of that
 * frame fails, COMMIT reports the error and the connection forgets the
 * frame; a clean close then deletes the -wal, but if the process dies
 * first (or the close cannot checkpoint), the next opening recovers the
 * frame: the sale the cashier was told had failed is there, whole, with
 * its receipt queued. What must never happen is half a sale, a gap, or
 * stock or a receipt queue that disagrees with the journal. The test
 * counts how often "present" happens and prints it.
 *
 * A fault in the automatic checkpoint, which SQLite runs inside COMMIT
 * after the commit frame is written, is not reported at all: the default
 * wal hook ignores the checkpoint's result and COMMIT returns SQLITE_OK.
 * Then the sale must be there (it was said to be committed); the test
 * counts these too, and demands R1.5's refusal of the next sale after
 * them: db.c runs the checkpoint in its own wal hook and marks the handle
 * failed on an I/O error there.
 *
 * Each faulty run happens in a child process, so it can also end the way
 * a crash right after the error would: _exit without ledger_close (the
 * "crash" variants), leaving -wal and -shm as they are. No connection is
 * open in the parent across fork(). The "ckpt" variants start from a
 * ledger whose -wal is a few frames short of SQLite's automatic
 * checkpoint (1000 pages, left as it is in production), so the sale's
 * own COMMIT runs the checkpoint and the faults reach it too.
 *
 * Last, a really full database: PRAGMA max_page_count on the connection,
 * no VFS, sales until one does not fit; it fails with POS_EFULL, a cause
 * in Bahasa Indonesia, and nothing of it is written.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "core.h"
#include "faultvfs.h"
#include "fixture.h"
#include "print.h"

#define FAULT_NPRODUCTS	5
#define FAULT_OPENING	1000	/* pieces received of each product */
#define FAULT_MAX_N	2000	/* a loop this long is a bug */

/* What the one sale takes of each fixture product. */
static const int64_t fault_qty[FAULT_NPRODUCTS] = { 2, 1, 3, 1, 4 };

/* What the ledger looks like before, and what happens after the fault. */
static const struct fault_variant {
	const char	*name;
	bool		 ckpt;		/* start just short of a checkpoint */
	bool		 crash;		/* _exit without ledger_close */
} fault_variants[] = {
	{ "close", false, false },
	{ "crash", false, true },
	{ "ckpt-close", true, false },
	{ "ckpt-crash", true, true },
};

/* Where the files are. */
static struct {
	char	 dir[512];
	char	 tmpl[600];	/* the ledger as set up, closed */
	char	 tmpl_ckpt[600]; /* + ckpt_sold sales in its -wal */
	char	 key[600];	/* the device key, used by every copy */
	char	 run[600];	/* the copy a run works on */
	int64_t	 base;		/* entries in tmpl */
	int64_t	 ckpt_sold;	/* sales in tmpl_ckpt */
} fault_env;

/* SQL every new connection runs first (auto extension), or NULL. */
static const char *fault_conn_sql;


/* What a faulty run is, and what the child says about it. */
struct fault_job {
	enum faultvfs_kind kind;
	bool		 persistent;
	const struct fault_variant *v;
	int64_t		 n;
	int64_t		 base;		/* entries before the sale */
	struct entry	*sale;
};
struct fault_counts {
	int	 npass, nfail;	/* a child's CHECKs */
};
struct fault_result {
	struct fault_counts c;	/* first */
	int	 rc;		/* of the append */
	int64_t	 hits;		/* faults injected */
	int64_t	 count;		/* counted operations */
	int	 swallowed;	/* hit after COMMIT, append said POS_OK */
};

static int
fault_autoext(sqlite3 *sq, char **err, const sqlite3_api_routines *api)
{
	if (fault_conn_sql == NULL)
		return SQLITE_OK;
	return sqlite3_exec(sq, fault_conn_sql, NULL, NULL, err);
}

static bool
fault_exists(const char *path, const char *suffix)
{
	struct stat sb;
	char	 p[700];

	snprintf(p, sizeof p, "%s%s", path, suffix);
	return stat(p, &sb) == 0;
}

/*
 * Makes the run file a copy of a template: the database and its -wal if
 * it has one, never the -shm, which the next opening rebuilds from the
 * -wal as after a crash. No connection is open on either while we copy.
 */
static bool
fault_copy(const char *tmpl)
{
	char	 from[700], to[700];

	fixture_unlink_ledger(fault_env.run);
	if (!fixture_copy_file(tmpl, fault_env.run))
		return false;
	if (!fault_exists(tmpl, "-wal"))
		return true;
	snprintf(from, sizeof from, "%s-wal", tmpl);
	snprintf(to, sizeof to, "%s-wal", fault_env.run);
	return fixture_copy_file(from, to);
}

/* The one sale: 5 items and a cash payment. */
static struct entry *
fault_sale(void)
{
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *li;
	int64_t	 total = 0;
	int	 i;

	entry_set(&e->author, "ani");
	for (i = 0; i < FAULT_NPRODUCTS; i++) {
		li = entry_add(e, "item");
		entry_set(&li->code, fixture_products[i].sku);
		entry_set(&li->text, fixture_products[i].name);
		entry_set(&li->unit, "pcs");
		entry_set(&li->tax_class, "PPN11");
		li->qty = fault_qty[i];
		li->price_rp = fixture_products[i].price_rp;
		li->amount_rp = li->qty * li->price_rp;
		total += li->amount_rp;
	}
	li = entry_add(e, "pay");
	entry_set(&li->code, "tunai");
	li->amount_rp = total;
	e->total_rp = total;
	return e;
}

static enum pos_rc
fault_setup(char **cause)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct ledger *l = NULL;
	const char *tmp;
	enum pos_rc rc;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(fault_env.dir, sizeof fault_env.dir, "%s/ledger-fault.XXXXXX",
	    tmp);
	if (mkdtemp(fault_env.dir) == NULL)
		return cause_set(cause, POS_EIO, "mkdtemp %s: %s",
		    fault_env.dir, strerror(errno));
	snprintf(fault_env.tmpl, sizeof fault_env.tmpl, "%s/template.db",
	    fault_env.dir);
	snprintf(fault_env.key, sizeof fault_env.key, "%s/template.db.key",
	    fault_env.dir);
	snprintf(fault_env.tmpl_ckpt, sizeof fault_env.tmpl_ckpt,
	    "%s/template-ckpt.db", fault_env.dir);
	snprintf(fault_env.run, sizeof fault_env.run, "%s/run.db",
	    fault_env.dir);

	if ((rc = ledger_create(fault_env.tmpl, fault_env.key, &init, &l,
	    cause)) != POS_OK)
		return rc;
	if ((rc = fixture_stock(l, "konsinyasi", FAULT_NPRODUCTS,
	    FAULT_OPENING, cause)) != POS_OK)
		goto out;
	fault_env.base = ledger_count(l);
out:
	ledger_close(l);
	return rc;
}

static void
fault_cleanup(void)
{
	fixture_unlink_ledger(fault_env.run);
	fixture_unlink_ledger(fault_env.tmpl);
	fixture_unlink_ledger(fault_env.tmpl_ckpt);
	unlink(fault_env.key);
	rmdir(fault_env.dir);
}

/*
 * Runs fn(arg, res) in a child process which then _exits without closing
 * anything, and copies res (len bytes) back. The child's CHECKs count
 * here: res starts with a struct fault_counts. False when the child died
 * or said nothing.
 */

static bool
fault_fork(void (*fn)(void *, void *), void *arg, void *res, size_t len)
{
	struct fault_counts *c = res;
	pid_t	 pid;
	int	 p[2], status = -1, npass0, nfail0;
	ssize_t	 got;

	memset(res, 0, len);
	if (pipe(p) != 0)
		return false;
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1) {
		close(p[0]);
		close(p[1]);
		return false;
	}
	if (pid == 0) {
		close(p[0]);
		npass0 = check_npass;
		nfail0 = check_nfail;
		fn(arg, res);
		c->npass = check_npass - npass0;
		c->nfail = check_nfail - nfail0;
		if (write(p[1], res, len) != (ssize_t)len)
			_exit(2);
		_exit(0);
	}
	close(p[1]);
	got = read(p[0], res, len);
	close(p[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		continue;
	if (got != (ssize_t)len)
		return false;
	check_npass += c->npass;
	check_nfail += c->nfail;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* PRAGMA integrity_check and the SQL view of the sequence, on its own
 * plain connection: an oracle that does not go through the ledger code. */
static void
fault_check_sql(const char *path, int64_t expect_count)
{
	sqlite3	*sq = NULL;
	sqlite3_stmt *st = NULL;
	const char *ic = NULL;

	CHECK(sqlite3_open_v2(path, &sq, SQLITE_OPEN_READWRITE, NULL) ==
	    SQLITE_OK);
	if (sqlite3_prepare_v2(sq, "PRAGMA integrity_check", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		ic = (const char *)sqlite3_column_text(st, 0);
	CHECK_STR(ic, "ok");
	sqlite3_finalize(st);
	st = NULL;
	/* Gapless 1..n, and no line without its entry. */
	if (sqlite3_prepare_v2(sq, "SELECT count(*), coalesce(min(seq), 0), "
	    "coalesce(max(seq), 0), (SELECT count(*) FROM journal_lines WHERE "
	    "seq NOT IN (SELECT seq FROM journal)) FROM journal", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		CHECK_EQ_I64(sqlite3_column_int64(st, 0), expect_count);
		CHECK_EQ_I64(sqlite3_column_int64(st, 1), 1);
		CHECK_EQ_I64(sqlite3_column_int64(st, 2), expect_count);
		CHECK_EQ_I64(sqlite3_column_int64(st, 3), 0);
	} else
		CHECK(!"journal query");
	sqlite3_finalize(st);
	sqlite3_close(sq);
}

/*
 * Opens the run file again without the fault VFS, as the program would
 * after a restart, and checks it. base entries and sold whole sales were
 * there before; sale is the one the faulty run tried to append. Returns
 * 1 if the sale is in the ledger, 0 if not, -1 if the ledger is unusable.
 */
static int
fault_check_reopen(const struct entry *sale, int64_t base, int64_t sold)
{
	struct ledger *l = NULL;
	struct ledger_report rep;
	struct print_status ps;
	struct entry *got = NULL;
	char	*cause = NULL;
	int64_t	 count, stock;
	int	 present, i;
	size_t	 j;

	if (ledger_open(fault_env.run, fault_env.key, 0, NULL, &l, &cause) !=
	    POS_OK) {
		fprintf(stderr, "reopen: %s\n", cause ? cause : "?");
		CHECK(!"ledger opens again after the fault");
		free(cause);
		return -1;
	}
	CHECK(ledger_verify(l, NULL, &rep, &cause) == POS_OK);
	if (cause != NULL) {
		fprintf(stderr, "verify: %s\n", cause);
		free(cause);
		cause = NULL;
	}
	count = ledger_count(l);
	CHECK_EQ_I64(rep.entries, count);
	CHECK(count == base || count == base + 1);
	present = count == base + 1;
	if (present) {
		/* Whole: the very sale, all its lines, as written. */
		CHECK(ledger_get(l, count, &got, NULL) == POS_OK);
		if (got != NULL) {
			CHECK_STR(got->uuid, sale->uuid);
			CHECK_STR(got->kind, ENTRY_SALE);
			CHECK_EQ_I64(got->total_rp, sale->total_rp);
			/* The lots the gate added are not the writer's. */
			fixture_drop_lots(got);
			CHECK_EQ_I64(got->nlines, sale->nlines);
			for (j = 0; j < got->nlines && j < sale->nlines; j++) {
				CHECK_STR(got->lines[j].type,
				    sale->lines[j].type);
				CHECK_STR(got->lines[j].code,
				    sale->lines[j].code);
				CHECK_EQ_I64(got->lines[j].qty,
				    sale->lines[j].qty);
				CHECK_EQ_I64(got->lines[j].amount_rp,
				    sale->lines[j].amount_rp);
			}
			entry_free(got);
		}
	}
	/* Stock agrees with the journal: down by the sale or untouched. */
	for (i = 0; i < FAULT_NPRODUCTS; i++) {
		stock = -1;
		CHECK(catalog_stock(l, fixture_products[i].sku, &stock, NULL) ==
		    POS_OK);
		CHECK_EQ_I64(stock, FAULT_OPENING - (sold + present) *
		    fault_qty[i]);
	}
	/* R1.2: a receipt is queued with the sale, in its transaction. */
	memset(&ps, 0, sizeof ps);
	CHECK(print_status(l, &ps, NULL) == POS_OK);
	CHECK_EQ_I64(ps.pending, sold + present);
	ledger_close(l);
	fault_check_sql(fault_env.run, count);
	return present;
}

/* R1.5: after a failed write the next sale is refused, without any I/O. */
static void
fault_check_refused(struct ledger *l)
{
	struct entry *again;
	char	*cause = NULL;
	int64_t	 before;

	before = faultvfs_count();
	again = fault_sale();
	CHECK(ledger_append(l, again, &cause) == POS_EIO);
	CHECK(cause != NULL && strstr(cause, "buka ulang") != NULL);
	CHECK_EQ_I64(again->seq, 0);
	CHECK_EQ_I64(faultvfs_count(), before);
	entry_free(again);
	free(cause);
}

/*
 * The child of a faulty run: opens the run file through the fault VFS,
 * appends the sale with the n-th operation failing, checks what the
 * caller sees, and closes, or not.
 */
static void
fault_child(void *arg, void *res)
{
	struct fault_job *job = arg;
	struct fault_result *r = res;
	struct ledger *l = NULL;
	char	*cause = NULL;
	enum pos_rc rc;

	if (ledger_open(fault_env.run, fault_env.key, 0, FAULTVFS_NAME, &l,
	    &cause) != POS_OK) {
		fprintf(stderr, "open through the fault VFS: %s\n",
		    cause ? cause : "?");
		CHECK(!"open through the fault VFS");
		return;
	}
	CHECK_EQ_I64(ledger_count(l), job->base);
	faultvfs_arm(job->kind, job->n, job->persistent);
	rc = ledger_append(l, job->sale, &cause);
	r->rc = (int)rc;
	r->hits = faultvfs_hits();
	if (r->hits == 0) {
		/* The run the fault never reached: a normal sale. */
		CHECK(rc == POS_OK);
		CHECK_EQ_I64(job->sale->seq, job->base + 1);
	} else if (rc == POS_OK) {
		/*
		 * The fault hit the automatic checkpoint, which runs inside
		 * COMMIT once the commit frame is synced in the -wal: the
		 * sale is committed and said to be, truthfully (the next
		 * checkpoint writes the pages again from the -wal), and the
		 * disk error stops the next sale (R1.5).
		 */
		r->swallowed = 1;
		CHECK(job->v->ckpt);
		CHECK_EQ_I64(job->sale->seq, job->base + 1);
		fault_check_refused(l);
	} else {
		CHECK(rc == (job->kind == FAULTVFS_FULL ? POS_EFULL :
		    POS_EIO));
		CHECK(cause != NULL && strlen(cause) > 10);
		/* An fsync fails only in COMMIT, after the frame was written:
		 * the cashier is told the sale may be saved, not to ring it
		 * again (the sale does come back in some crash runs). */
		if (job->kind == FAULTVFS_FSYNC)
			CHECK(cause != NULL && strstr(cause, "MUNGKIN") != NULL);
		/* R1.2: no seq, so no receipt. */
		CHECK_EQ_I64(job->sale->seq, 0);
		if (!job->persistent)
			CHECK_EQ_I64(r->hits, 1);
		fault_check_refused(l);
	}
	free(cause);
	if (!job->v->crash)
		ledger_close(l);
	r->count = faultvfs_count();
}

/* For N = 1, 2, ... until the fault is not reached. */
static void
fault_loop(enum faultvfs_kind kind, bool persistent,
    const struct fault_variant *v, int64_t *npoints)
{
	struct fault_job job;
	struct fault_result r;
	int64_t	 n, failed = 0, durable = 0, swallowed = 0, sold;
	int	 p;

	sold = v->ckpt ? fault_env.ckpt_sold : 0;
	for (n = 1; n <= FAULT_MAX_N; n++) {
		CHECK(fault_copy(v->ckpt ? fault_env.tmpl_ckpt :
		    fault_env.tmpl));
		memset(&job, 0, sizeof job);
		job.kind = kind;
		job.persistent = persistent;
		job.v = v;
		job.n = n;
		job.base = fault_env.base + sold;
		job.sale = fault_sale();
		if (!fault_fork(fault_child, &job, &r, sizeof r)) {
			fprintf(stderr, "%s %s %s N=%lld: child failed\n",
			    faultvfs_kind_name(kind), persistent ?
			    "persistent" : "transient", v->name,
			    (long long)n);
			CHECK(!"child ran");
			entry_free(job.sale);
			return;
		}
		p = fault_check_reopen(job.sale, job.base, sold);
		entry_free(job.sale);
		if (r.hits == 0) {
			/* Completed: the sale is there, whole. */
			CHECK_EQ_I64(p, 1);
			break;
		}
		if (r.rc == POS_OK) {
			/* Said to be committed: it must be. */
			CHECK_EQ_I64(p, 1);
			swallowed += r.swallowed;
		} else {
			failed++;
			durable += p == 1;
		}
	}
	CHECK(n <= FAULT_MAX_N);
	/* Every kind must be able to fail the sale. */
	CHECK(failed >= 1);
	*npoints += n - 1;
	printf("%-5s %-10s %-10s: %3lld points: %3lld failed the sale (%2lld "
	    "durable anyway), %2lld hit the checkpoint after COMMIT\n",
	    faultvfs_kind_name(kind), persistent ? "persistent" : "transient",
	    v->name, (long long)(n - 1), (long long)failed, (long long)durable,
	    (long long)swallowed);
}

/*
 * The ckpt template. A probe child appends sales through the fault VFS,
 * counting syncs, until one COMMIT syncs more than its -wal: that one
 * ran the automatic checkpoint. Then a second child appends one sale
 * fewer to a fresh copy and _exits, leaving them all in the -wal.
 */
struct fault_probe {
	struct fault_counts c;
	int64_t	 sales;		/* the sale whose COMMIT checkpoints */
};

static void
fault_probe_child(void *arg, void *res)
{
	struct fault_probe *pr = res;
	struct ledger *l = NULL;
	struct entry *e;
	int64_t	 i, syncs;
	enum pos_rc rc;

	if (ledger_open(fault_env.run, fault_env.key, 0, FAULTVFS_NAME, &l,
	    NULL) != POS_OK)
		return;
	for (i = 1; i <= 1000; i++) {
		e = fault_sale();
		faultvfs_arm(FAULTVFS_FSYNC, INT64_MAX, false);
		rc = ledger_append(l, e, NULL);
		syncs = faultvfs_count();
		entry_free(e);
		if (rc != POS_OK)
			return;
		/* The first COMMIT also syncs the new -wal header. */
		if (i > 1 && syncs > 1) {
			pr->sales = i;
			return;
		}
	}
}

static void
fault_fill_child(void *arg, void *res)
{
	const int64_t *nsales = arg;
	struct ledger *l = NULL;
	struct entry *e;
	int64_t	 i;

	if (ledger_open(fault_env.tmpl_ckpt, fault_env.key, 0, NULL, &l,
	    NULL) != POS_OK)
		return;
	for (i = 0; i < *nsales; i++) {
		e = fault_sale();
		CHECK(ledger_append(l, e, NULL) == POS_OK);
		entry_free(e);
	}
	/* No ledger_close: the sales stay in the -wal. */
}

static bool
fault_make_ckpt(void)
{
	struct fault_probe pr;
	struct fault_counts c;

	if (!fault_copy(fault_env.tmpl) ||
	    !fault_fork(fault_probe_child, NULL, &pr, sizeof pr) ||
	    pr.sales < 2)
		return false;
	fault_env.ckpt_sold = pr.sales - 1;
	fixture_unlink_ledger(fault_env.tmpl_ckpt);
	if (!fixture_copy_file(fault_env.tmpl, fault_env.tmpl_ckpt) ||
	    !fault_fork(fault_fill_child, &fault_env.ckpt_sold, &c,
	    sizeof c) || !fault_exists(fault_env.tmpl_ckpt, "-wal"))
		return false;
	printf("ckpt template: %lld sales in the -wal, the next COMMIT "
	    "checkpoints\n", (long long)fault_env.ckpt_sold);
	return true;
}

/*
 * A really full database: the connection may not grow past the pages it
 * has (PRAGMA max_page_count, set as each connection opens). Sales go in
 * until one does not fit.
 */
static void
fault_full_db(void)
{
	struct ledger *l = NULL;
	struct entry *e, *again;
	char	*cause = NULL, *cause2 = NULL;
	int64_t	 sold = 0, count = -1;
	enum pos_rc rc = POS_OK;
	int	 i;

	CHECK(fault_copy(fault_env.tmpl));
	fault_conn_sql = "PRAGMA max_page_count=1";	/* clamps to the size */
	CHECK(ledger_open(fault_env.run, fault_env.key, 0, NULL, &l, &cause) ==
	    POS_OK);
	fault_conn_sql = NULL;
	if (l == NULL) {
		fprintf(stderr, "open: %s\n", cause ? cause : "?");
		free(cause);
		return;
	}
	for (i = 0; i < 500; i++) {
		e = fault_sale();
		count = ledger_count(l);
		rc = ledger_append(l, e, &cause);
		if (rc != POS_OK) {
			CHECK_EQ_I64(e->seq, 0);
			entry_free(e);
			break;
		}
		sold++;
		entry_free(e);
	}
	printf("full database: %lld sales fit, the next failed: %s\n",
	    (long long)sold, cause ? cause : "(none)");
	CHECK(rc == POS_EFULL);
	CHECK(cause != NULL && strstr(cause, "Disk penuh") != NULL);
	CHECK(cause != NULL && strstr(cause, "tidak ada yang tersimpan") !=
	    NULL);
	/* Nothing of it was written, and nothing more will be tried. */
	CHECK_EQ_I64(ledger_count(l), count);
	again = fault_sale();
	CHECK(ledger_append(l, again, &cause2) == POS_EIO);
	CHECK_EQ_I64(ledger_count(l), count);
	entry_free(again);
	ledger_close(l);
	free(cause);
	free(cause2);

	/* Reopened without the limit: the sales that fit, nothing else. */
	e = fault_sale();
	CHECK_EQ_I64(fault_check_reopen(e, fault_env.base + sold, sold), 0);
	entry_free(e);
}

int
main(void)
{
	static const enum faultvfs_kind kinds[] = {
		FAULTVFS_WRITE, FAULTVFS_FULL, FAULTVFS_FSYNC };
	char	*cause = NULL;
	size_t	 k, v;
	int64_t	 npoints = 0;
	int	 persistent;

	CHECK(faultvfs_register() == SQLITE_OK);
	CHECK(sqlite3_auto_extension((void (*)(void))fault_autoext) ==
	    SQLITE_OK);
	if (fault_setup(&cause) != POS_OK) {
		fprintf(stderr, "setup: %s\n", cause ? cause : "?");
		CHECK(!"setup");
		free(cause);
		fault_cleanup();
		return check_exit();
	}
	/* The template is closed clean: a plain file copy is the ledger. */
	CHECK(!fault_exists(fault_env.tmpl, "-wal"));
	/* genesis, 3 people and their shifts, supplier, products. */
	CHECK_EQ_I64(fault_env.base, 1 + 3 + 3 + 1 + 2 * FAULT_NPRODUCTS);
	CHECK(fault_make_ckpt());

	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		for (persistent = 0; persistent <= 1; persistent++)
			for (v = 0; v < sizeof fault_variants /
			    sizeof fault_variants[0]; v++)
				fault_loop(kinds[k], persistent,
				    &fault_variants[v], &npoints);
	printf("%lld fault points in all\n", (long long)npoints);
	fault_full_db();
	fault_cleanup();
	return check_exit();
}
