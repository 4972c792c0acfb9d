/* SPDX-License-Identifier: ISC */
/*
 * ntt-synctest: the sync tests' hands on a ledger, through core only.
 *
 *	sales --db F --n N [--seed S] [--start-ms T] [--span-ms D]
 *	    [--uuids FILE]
 *		appends N sales of the demo catalog (500 per transaction),
 *		spread over D ms from T (default: now, one week); with
 *		--uuids, sale i takes the UUID of line i of FILE (the output
 *		of list: another device's entries, for the UUID attack)
 *	list --db F		"seq uuid hash" for every entry: the oracle
 *				compares this with the server's rows
 *	batch --db F --from A --to B [--fault KIND]
 *		prints the wire batch of entries A..B; KIND spoils it:
 *		sig (a signature bit; sig-last: in the last entry),
 *		hash (content changed after
 *		sealing), reverse (out of order), skip (a hole inside)
 *	entries --db F		every entry as the JSON the wire carries
 *				(one batch of all, the gzip -9 baseline)
 *	json --db F		each entry's JSON on a line of its own: what
 *				the server must hold in entries.entry
 *	batches --db F --n SIZE --dir D
 *		writes the whole ledger as gzip request bodies of SIZE
 *		entries, D/000001.json.gz ... (the ingest benchmark)
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "demo.h"
#include "proto.h"

struct st_opts {
	const char	*db;
	const char	*uuids;
	const char	*fault;
	const char	*dir;
	int64_t		 n, seed, start_ms, span_ms, from, to;
};

static uint64_t st_rng = 88172645463325252ULL;

static uint64_t
st_rand(void)
{
	st_rng ^= st_rng << 13;
	st_rng ^= st_rng >> 7;
	st_rng ^= st_rng << 17;
	return st_rng;
}

static struct ledger *
st_open(const struct st_opts *o, int flags)
{
	struct ledger *l = NULL;
	char	*cause = NULL;

	if (o->db == NULL) {
		fprintf(stderr, "ntt-synctest: --db wajib\n");
		exit(2);
	}
	if (ledger_open(o->db, NULL, flags, NULL, &l, &cause) != POS_OK) {
		fprintf(stderr, "ntt-synctest: %s\n", cause);
		exit(1);
	}
	return l;
}

static struct entry *
st_sale(int64_t at_ms)
{
	const struct demo_product *p;
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *l;
	int64_t	 total = 0, qty;
	int	 i, n = 1 + (int)(st_rand() % 4);

	e->created_at_ms = at_ms;
	entry_set(&e->author, "ani");	/* a demo kasir */
	for (i = 0; i < n; i++) {
		p = &demo_products[st_rand() % demo_nproducts];
		qty = strcmp(p->unit, "g") == 0 ?
		    100 + (int64_t)(st_rand() % 900) :
		    1 + (int64_t)(st_rand() % 3);
		l = entry_add(e, "item");
		entry_set(&l->code, p->sku);
		entry_set(&l->text, p->name);
		entry_set(&l->unit, p->unit);
		entry_set(&l->tax_class, p->tax_class);
		entry_set(&l->party, p->supplier);
		l->qty = qty;
		l->price_rp = p->price_rp;
		l->amount_rp = strcmp(p->unit, "g") == 0 ?
		    p->price_rp * qty / 1000 : p->price_rp * qty;
		if (strcmp(p->tax_class, "PPN11") == 0)
			l->tax_rp = l->amount_rp * 11 / 111;
		if (strcmp(p->ownership, "konsinyasi") == 0)
			l->share_rp = l->amount_rp -
			    l->amount_rp * p->commission_bp / 10000;
		total += l->amount_rp;
	}
	l = entry_add(e, "pay");
	entry_set(&l->code, st_rand() % 3 == 0 ? "qris" : "tunai");
	l->amount_rp = total;
	e->total_rp = total;
	return e;
}

/* The UUIDs of a list file ("seq uuid hash" lines), *n of them. */
static char **
st_uuids(const char *path, size_t *n)
{
	char	 line[256], u[ENTRY_UUID_LEN + 1];
	char	**us = NULL;
	long long seq;
	FILE	*fp;

	*n = 0;
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "ntt-synctest: %s: %s\n", path,
		    strerror(errno));
		exit(1);
	}
	while (fgets(line, sizeof line, fp) != NULL)
		if (sscanf(line, "%lld %36s", &seq, u) == 2) {
			us = xreallocarray(us, *n + 1, sizeof *us);
			us[(*n)++] = xstrdup(u);
		}
	fclose(fp);
	return us;
}

static int
st_sales(const struct st_opts *o)
{
	struct ledger *l = st_open(o, 0);
	struct entry *es[500];
	const struct actor ani = { .code = "ani", .role = ROLE_KASIR };
	struct shift_state sh;
	struct drawer_count count;
	char	*cause = NULL, **uuids = NULL;
	int64_t	 done = 0, k, i, start;
	size_t	 nu = 0;

	st_rng ^= (uint64_t)o->seed * 0x9e3779b97f4a7c15ULL;
	if (o->uuids != NULL)
		uuids = st_uuids(o->uuids, &nu);
	start = o->start_ms > 0 ? o->start_ms : clock_now_ms() - o->span_ms;
	/* Sales are written in their cashier's open shift (core/shift.h). */
	if (shift_find(l, ani.code, &sh, NULL) == POS_ENOTFOUND) {
		memset(&count, 0, sizeof count);
		if (shift_open(l, &ani, &count, NULL, &cause) != POS_OK) {
			fprintf(stderr, "ntt-synctest: %s\n", cause);
			exit(1);
		}
	}
	while (done < o->n) {
		k = o->n - done < 500 ? o->n - done : 500;
		for (i = 0; i < k; i++) {
			es[i] = st_sale(start + (done + i) * o->span_ms /
			    (o->n > 0 ? o->n : 1));
			if ((size_t)(done + i) < nu)
				snprintf(es[i]->uuid, sizeof es[i]->uuid,
				    "%s", uuids[done + i]);
		}
		if (ledger_append_batch(l, es, (size_t)k, &cause) != POS_OK) {
			fprintf(stderr, "ntt-synctest: %s\n", cause);
			exit(1);
		}
		for (i = 0; i < k; i++)
			entry_free(es[i]);
		done += k;
	}
	printf("%lld\n", (long long)ledger_count(l));
	ledger_close(l);
	while (nu > 0)
		free(uuids[--nu]);
	free(uuids);
	return 0;
}

static enum pos_rc
st_list_one(const struct entry *e, void *arg)
{
	char	 h[2 * ENTRY_HASH_LEN + 1];

	hex_encode(e->hash, ENTRY_HASH_LEN, h);
	printf("%lld %s %s\n", (long long)e->seq, e->uuid, h);
	return POS_OK;
}

static int
st_list(const struct st_opts *o)
{
	struct ledger *l = st_open(o, LEDGER_READONLY);
	char	*cause = NULL;

	if (ledger_foreach(l, o->from > 0 ? o->from : 1, 0, st_list_one, NULL,
	    &cause) != POS_OK) {
		fprintf(stderr, "ntt-synctest: %s\n", cause);
		return 1;
	}
	ledger_close(l);
	return 0;
}

struct st_batch {
	struct entry	**es;
	size_t		 n;
};

static enum pos_rc
st_keep(const struct entry *e, void *arg)
{
	struct st_batch *b = arg;

	b->es = xreallocarray(b->es, b->n + 1, sizeof *b->es);
	b->es[b->n++] = entry_dup(e);
	return POS_OK;
}

static int
st_batch(const struct st_opts *o)
{
	struct ledger *l = st_open(o, LEDGER_READONLY);
	struct st_batch b = { NULL, 0 };
	struct entry *t;
	struct buf out;
	const char *f = o->fault != NULL ? o->fault : "";
	char	*cause = NULL;
	int64_t	 from = o->from > 0 ? o->from : 1;
	int64_t	 to = o->to > 0 ? o->to : ledger_count(l);
	size_t	 i, j;

	if (ledger_foreach(l, from, to - from + 1, st_keep, &b, &cause) !=
	    POS_OK || b.n == 0) {
		fprintf(stderr, "ntt-synctest: %s\n", cause ? cause : "kosong");
		return 1;
	}
	if (strcmp(f, "sig") == 0)
		b.es[0]->sig[5] ^= 0x01;
	else if (strcmp(f, "sig-last") == 0)
		b.es[b.n - 1]->sig[63] ^= 0x10;
	else if (strcmp(f, "hash") == 0)
		b.es[0]->total_rp += 1000;
	else if (strcmp(f, "reverse") == 0)
		for (i = 0, j = b.n - 1; i < j; i++, j--) {
			t = b.es[i];
			b.es[i] = b.es[j];
			b.es[j] = t;
		}
	else if (strcmp(f, "skip") == 0 && b.n > 2) {
		entry_free(b.es[1]);
		memmove(&b.es[1], &b.es[2], (b.n - 2) * sizeof *b.es);
		b.n--;
	} else if (*f != '\0') {
		fprintf(stderr, "ntt-synctest: --fault %s tidak dikenal\n", f);
		return 2;
	}
	buf_init(&out, 256 * 1024 * 1024);
	proto_batch_open(&out, ledger_device_id(l));
	for (i = 0; i < b.n; i++)
		proto_batch_add(&out, b.es[i], i);
	proto_batch_close(&out);
	fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	for (i = 0; i < b.n; i++)
		entry_free(b.es[i]);
	free(b.es);
	ledger_close(l);
	return 0;
}

static enum pos_rc
st_json_one(const struct entry *e, void *arg)
{
	struct buf b;

	buf_init(&b, PROTO_MAX_JSON);
	proto_entry_json(&b, e);
	buf_addbyte(&b, '\n');
	if (b.failed)
		return POS_EFULL;
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
	return POS_OK;
}

static int
st_json(const struct st_opts *o)
{
	struct ledger *l = st_open(o, LEDGER_READONLY);
	char	*cause = NULL;

	if (ledger_foreach(l, 1, 0, st_json_one, NULL, &cause) != POS_OK) {
		fprintf(stderr, "ntt-synctest: %s\n", cause ? cause : "json");
		return 1;
	}
	ledger_close(l);
	return 0;
}

static int
st_batches(const struct st_opts *o)
{
	struct ledger *l = st_open(o, LEDGER_READONLY);
	struct st_batch b = { NULL, 0 };
	struct buf json, z;
	char	*cause = NULL, *path;
	int64_t	 head = ledger_count(l), from, n = o->n > 0 ? o->n : 200;
	size_t	 i;
	FILE	*fp;
	int	 k = 0;

	for (from = 1; from <= head; from += n) {
		if (ledger_foreach(l, from, n, st_keep, &b, &cause) != POS_OK) {
			fprintf(stderr, "ntt-synctest: %s\n", cause);
			return 1;
		}
		buf_init(&json, PROTO_MAX_JSON);
		buf_init(&z, PROTO_MAX_BODY);
		proto_batch_open(&json, ledger_device_id(l));
		for (i = 0; i < b.n; i++) {
			proto_batch_add(&json, b.es[i], i);
			entry_free(b.es[i]);
		}
		b.n = 0;
		proto_batch_close(&json);
		if (proto_gzip(json.data, json.len, 6, &z, &cause) != POS_OK) {
			fprintf(stderr, "ntt-synctest: %s\n", cause);
			return 1;
		}
		path = xasprintf("%s/%06d.json.gz", o->dir, ++k);
		if ((fp = fopen(path, "w")) == NULL ||
		    fwrite(z.data, 1, z.len, fp) != z.len || fclose(fp) != 0) {
			fprintf(stderr, "ntt-synctest: %s: %s\n", path,
			    strerror(errno));
			return 1;
		}
		free(path);
		buf_free(&json);
		buf_free(&z);
	}
	free(b.es);
	printf("%d\n", k);
	ledger_close(l);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "n", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "start-ms", required_argument, NULL, 'S' },
		{ "span-ms", required_argument, NULL, 'D' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "fault", required_argument, NULL, 'F' },
		{ "dir", required_argument, NULL, 'O' },
		{ "uuids", required_argument, NULL, 'U' },
		{ NULL, 0, NULL, 0 },
	};
	struct st_opts o;
	const char *cmd;
	int	 ch;

	if (argc < 2)
		goto usage;
	cmd = argv[1];
	argc--;
	argv++;
	memset(&o, 0, sizeof o);
	o.span_ms = INT64_C(7) * 86400 * 1000;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o.db = optarg; break;
		case 'n': o.n = strtoll(optarg, NULL, 10); break;
		case 's': o.seed = strtoll(optarg, NULL, 10); break;
		case 'S': o.start_ms = strtoll(optarg, NULL, 10); break;
		case 'D': o.span_ms = strtoll(optarg, NULL, 10); break;
		case 'f': o.from = strtoll(optarg, NULL, 10); break;
		case 't': o.to = strtoll(optarg, NULL, 10); break;
		case 'F': o.fault = optarg; break;
		case 'O': o.dir = optarg; break;
		case 'U': o.uuids = optarg; break;
		default: goto usage;
		}
	}
	if (strcmp(cmd, "sales") == 0)
		return st_sales(&o);
	if (strcmp(cmd, "list") == 0)
		return st_list(&o);
	if (strcmp(cmd, "batch") == 0 || strcmp(cmd, "entries") == 0)
		return st_batch(&o);
	if (strcmp(cmd, "json") == 0)
		return st_json(&o);
	if (strcmp(cmd, "batches") == 0 && o.dir != NULL)
		return st_batches(&o);
usage:
	fprintf(stderr, "usage: ntt-synctest sales|list|batch|entries|json "
	    "--db F ...\n");
	return 2;
}
