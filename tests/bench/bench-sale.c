/* SPDX-License-Identifier: ISC */
/*
 * bench-sale: the counter's latency on a big outlet (make bench, on a copy
 * of gen-outlet's 100k products / 1M sales ledger). Never pass/fail:
 * figures, p50/p99/max.
 *
 *  1. Scan to line: counter_scan() of a random catalog barcode, as the
 *     cashier's Enter runs it, end to end: the barcode lookup, the cart
 *     rules and the durable write of the open sale (one WAL commit,
 *     synchronous=FULL). Sales of 20 lines, then cancelled.
 *  2. The same without the commit: the lookup, sale_add and the draft
 *     text, through the same functions counter_scan calls.
 *  3. The durable draft write alone.
 *  4. Search per keystroke: counter_search() for every prefix of names
 *     as a cashier types them, from a whole first word and 3 letters of
 *     the next ("Madu Hut"), and for a word from inside names ("tambol").
 *  5. The back office's product list per keystroke: counter_products()
 *     for the same keystrokes, 200 rows a fetch (inactive products too,
 *     with stock and today's price), and its pages: the empty search at
 *     offsets through the whole catalog in name order.
 *
 *	bench-sale --db COPY [--scans N] [--names N]
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "core.h"
#include "db-int.h"
#include "ledger-int.h"

#define BENCH_LINES_PER_SALE	20
#define BENCH_OFFICE_ROWS	200	/* OFFICE_ROWS_MAX, pos/pos.h */

static int64_t
bench_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
bench_cmp(const void *a, const void *b)
{
	int64_t	 x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static void
bench_report(const char *what, int64_t *ns, size_t n)
{
	int64_t	 sum = 0;
	size_t	 i;

	if (n == 0)
		return;
	qsort(ns, n, sizeof *ns, bench_cmp);
	for (i = 0; i < n; i++)
		sum += ns[i];
	printf("  %-44s n=%-6zu p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  "
	    "mean %7.3f ms\n", what, n, ns[n / 2] / 1e6,
	    ns[n * 99 / 100] / 1e6, ns[n - 1] / 1e6, sum / (double)n / 1e6);
}

/* Random catalog barcodes and product names, read before timing. */
static void
bench_sample(struct ledger *l, size_t nscans, size_t nnames, char ***codes,
    char ***names)
{
	sqlite3 *sq = l->db->sq;
	sqlite3_stmt *st = NULL;
	size_t	 i;

	*codes = xcalloc(nscans, sizeof **codes);
	*names = xcalloc(nnames, sizeof **names);
	if (sqlite3_prepare_v2(sq, "SELECT b.code FROM barcodes b JOIN "
	    "products p USING (sku) WHERE p.unit = 'pcs' AND p.active "
	    "ORDER BY random() LIMIT ?", -1, &st, NULL) != SQLITE_OK)
		fatalx("prepare: %s", sqlite3_errmsg(sq));
	sqlite3_bind_int64(st, 1, (int64_t)nscans);
	for (i = 0; i < nscans && sqlite3_step(st) == SQLITE_ROW; i++)
		(*codes)[i] = xstrdup((const char *)sqlite3_column_text(st,
		    0));
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(sq, "SELECT name FROM products ORDER BY "
	    "random() LIMIT ?", -1, &st, NULL) != SQLITE_OK)
		fatalx("prepare: %s", sqlite3_errmsg(sq));
	sqlite3_bind_int64(st, 1, (int64_t)nnames);
	for (i = 0; i < nnames && sqlite3_step(st) == SQLITE_ROW; i++)
		(*names)[i] = xstrdup((const char *)sqlite3_column_text(st,
		    0));
	sqlite3_finalize(st);
}

/* "Madu Hutan Pilihan" -> "Madu Hut"; "tambol" style from a later word. */
static void
bench_queries(const char *name, char *typed, size_t size, char *inner,
    size_t isize)
{
	const char *sp = strchr(name, ' '), *w;
	size_t	 n;

	n = sp != NULL ? (size_t)(sp - name) + 4 : strlen(name);
	if (n >= size)
		n = size - 1;
	memcpy(typed, name, n);
	typed[n] = '\0';
	/* The last word of 5+ letters, its first 6 letters, lower case. */
	inner[0] = '\0';
	for (w = name; *w != '\0'; w++) {
		if ((w == name || w[-1] == ' ') && strcspn(w, " ") >= 5) {
			n = strcspn(w, " ") < 6 ? strcspn(w, " ") : 6;
			if (n >= isize)
				n = isize - 1;
			memcpy(inner, w, n);
			inner[n] = '\0';
		}
	}
	for (n = 0; inner[n] != '\0'; n++)
		if (inner[n] >= 'A' && inner[n] <= 'Z')
			inner[n] = (char)(inner[n] - 'A' + 'a');
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "scans", required_argument, NULL, 's' },
		{ "names", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct counter_hit hits[COUNTER_HITS_MAX];
	struct ledger *l = NULL;
	struct counter *c = NULL;
	struct sale *s = NULL;
	struct product p;
	struct db_draft d;
	struct db_counts counts;
	const char *db = NULL;
	char	**codes, **names, *cause = NULL, *body, typed[64], inner[16];
	char	 q[64];
	struct product_row *rows;
	int64_t	*scan, *mem, *put, *key, *office, t0;
	size_t	 nscans = 2000, nnames = 300, nscan = 0, nmem = 0, nput = 0;
	size_t	 nkey = 0, i, k, nh, len, hits_total = 0, noffice = 0, nrows;
	size_t	 off;
	int	 ch;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 's': nscans = strtoul(optarg, NULL, 10); break;
		case 'n': nnames = strtoul(optarg, NULL, 10); break;
		default:
			goto usage;
		}
	}
	if (db == NULL || nscans == 0 || nnames == 0)
		goto usage;
	/*
	 * The manager rings up: random goods include foods whose certificate
	 * has expired, which stop a kasir for a manager's approval (the
	 * check still runs on every scan), and each sale of 20 lines is
	 * cancelled, which a kasir may not do alone either.
	 */
	if (ledger_open(db, NULL, 0, NULL, &l, &cause) != POS_OK ||
	    counter_open(l, &c, &cause) != POS_OK ||
	    counter_login(c, "maria", "1234", &cause) != POS_OK) {
		fprintf(stderr, "bench-sale: %s\n", cause);
		return 1;
	}
	if (sale_nlines(counter_sale(c)) > 0 &&
	    counter_cancel(c, &cause) != POS_OK) {
		fprintf(stderr, "bench-sale: %s\n", cause);
		return 1;
	}
	bench_sample(l, nscans, nnames, &codes, &names);
	scan = xcalloc(nscans, sizeof *scan);
	mem = xcalloc(nscans, sizeof *mem);
	put = xcalloc(nscans, sizeof *put);
	key = xcalloc(nnames * 80, sizeof *key);

	if (db_counts(l->db, &counts, &cause) != POS_OK) {
		fprintf(stderr, "bench-sale: %s\n", cause);
		return 1;
	}
	printf("\nCounter (bench-sale): %lld products, %lld entries\n",
	    (long long)counts.products, (long long)counts.entries);
	/* Warm the cache as a shop's first minutes do. */
	for (i = 0; i < nscans && i < 50; i++)
		catalog_product_by_barcode(l, codes[i], &p, NULL);

	/* 1. counter_scan end to end. */
	for (i = 0; i < nscans && codes[i] != NULL; i++) {
		t0 = bench_ns();
		if (counter_scan(c, codes[i], &cause) != POS_OK) {
			fprintf(stderr, "bench-sale: scan %s: %s\n", codes[i],
			    cause);
			return 1;
		}
		scan[nscan++] = bench_ns() - t0;
		if (sale_nlines(counter_sale(c)) >= BENCH_LINES_PER_SALE &&
		    counter_cancel(c, &cause) != POS_OK) {
			fprintf(stderr, "bench-sale: %s\n", cause);
			return 1;
		}
	}
	if (counter_cancel(c, &cause) != POS_OK) {
		fprintf(stderr, "bench-sale: %s\n", cause);
		return 1;
	}

	/* 2. The same minus the commit; 3. the commit alone. */
	for (i = 0; i < nscans && codes[i] != NULL; i++) {
		if (s == NULL)
			s = sale_new(SALE_SALE, "ani", true);
		t0 = bench_ns();
		if (catalog_product_by_barcode(l, codes[i], &p, &cause) !=
		    POS_OK || sale_add(s, &p, 1, codes[i], &cause) != POS_OK) {
			fprintf(stderr, "bench-sale: %s\n", cause);
			return 1;
		}
		body = sale_encode(s);
		mem[nmem++] = bench_ns() - t0;
		memset(&d, 0, sizeof d);
		snprintf(d.uuid, sizeof d.uuid, "%s", sale_uuid(s));
		snprintf(d.kind, sizeof d.kind, "sale");
		snprintf(d.author, sizeof d.author, "ani");
		sale_label(s, d.label, sizeof d.label);
		d.total_rp = sale_total(s);
		t0 = bench_ns();
		if (db_sale_draft_put(l->db, &d, body, &cause) != POS_OK) {
			fprintf(stderr, "bench-sale: %s\n", cause);
			return 1;
		}
		put[nput++] = bench_ns() - t0;
		free(body);
		if (sale_nlines(s) >= BENCH_LINES_PER_SALE) {
			sale_free(s);
			s = NULL;
		}
	}
	sale_free(s);
	db_sale_draft_delete(l->db, 0, NULL);

	/* 4. Every keystroke of typed names. */
	for (i = 0; i < nnames && names[i] != NULL; i++) {
		bench_queries(names[i], typed, sizeof typed, inner,
		    sizeof inner);
		for (k = 0; k < 2; k++) {
			const char *src = k == 0 ? typed : inner;

			len = strlen(src);
			for (ch = 1; (size_t)ch <= len; ch++) {
				memcpy(q, src, (size_t)ch);
				q[ch] = '\0';
				t0 = bench_ns();
				if (counter_search(c, q, hits,
				    COUNTER_HITS_MAX, &nh, &cause) != POS_OK) {
					fprintf(stderr, "bench-sale: %s\n",
					    cause);
					return 1;
				}
				key[nkey++] = bench_ns() - t0;
				hits_total += nh;
			}
		}
	}

	bench_report("scan to line, end to end (with 1 commit)", scan, nscan);
	bench_report("scan to line, beyond the commit", mem, nmem);
	bench_report("durable draft write (the commit)", put, nput);
	bench_report("search per keystroke", key, nkey);

	/* 5. The back office's list: the same keystrokes, then pages. */
	rows = xcalloc(BENCH_OFFICE_ROWS, sizeof *rows);
	office = xcalloc(nnames * 80 + 1000, sizeof *office);
	for (i = 0; i < nnames && names[i] != NULL; i++) {
		bench_queries(names[i], typed, sizeof typed, inner,
		    sizeof inner);
		for (k = 0; k < 2; k++) {
			const char *src = k == 0 ? typed : inner;

			len = strlen(src);
			for (ch = 1; (size_t)ch <= len; ch++) {
				memcpy(q, src, (size_t)ch);
				q[ch] = '\0';
				t0 = bench_ns();
				if (counter_products(c, q, 0, rows,
				    BENCH_OFFICE_ROWS, &nrows, &cause) !=
				    POS_OK) {
					fprintf(stderr, "bench-sale: %s\n",
					    cause);
					return 1;
				}
				office[noffice++] = bench_ns() - t0;
			}
		}
	}
	bench_report("back office list per keystroke (200 rows)", office,
	    noffice);
	noffice = 0;
	for (off = 0; noffice < 1000; off += 100) {
		t0 = bench_ns();
		if (counter_products(c, "", off, rows, BENCH_OFFICE_ROWS,
		    &nrows, &cause) != POS_OK) {
			fprintf(stderr, "bench-sale: %s\n", cause);
			return 1;
		}
		office[noffice++] = bench_ns() - t0;
		if (nrows < BENCH_OFFICE_ROWS)
			break;
	}
	bench_report("back office page (200 rows, name order)", office,
	    noffice);
	printf("  (%zu pages, offsets 0 to %zu)\n", noffice, off);
	free(rows);
	free(office);

	printf("  (%zu keystrokes, %.1f hits each on average; lines of %d, "
	    "PPN on)\n", nkey, nkey > 0 ? (double)hits_total / nkey : 0.0,
	    BENCH_LINES_PER_SALE);
	counter_logout(c, NULL);
	counter_close(c);
	ledger_close(l);
	return 0;
usage:
	fprintf(stderr, "usage: bench-sale --db COPY [--scans N] "
	    "[--names N]\n");
	return 2;
}
