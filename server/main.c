/* SPDX-License-Identifier: ISC */
/*
 * ntt-server: the provincial sync server, and the commands its operators
 * run: keygen (the acknowledgement signing key), code (a one-time
 * enrolment code for a device), verify (the stored chains), serve. No
 * secret is ever an argument: the
 * keys are files (mode 0600 or stricter), the database password is in a
 * passfile or replaced by peer authentication.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "clock.h"
#include "server.h"
#include "version.h"

struct main_opts {
	const char	*listen;
	const char	*cert;
	const char	*tls_key;
	const char	*sign_key;
	const char	*pg;
	const char	*ready;
	const char	*out;
	const char	*outlet;
	const char	*device;
	const char	*config;
	int		 threads;
	int		 hours;
	int		 stale_days;
};

static int
main_usage(void)
{
	fprintf(stderr, "ntt-server %s\n"
	    "usage: ntt-server serve --listen HOST:PORT --cert PEM "
	    "--tls-key PEM\n"
	    "           --sign-key FILE --pg CONNINFO [--threads N] "
	    "[--ready-file FILE]\n"
	    "           [--config FILE]\n"
	    "       ntt-server limits [--config FILE]\n"
	    "       ntt-server keygen --out FILE\n"
	    "       ntt-server pubkey --sign-key FILE\n"
	    "       ntt-server code --pg CONNINFO --outlet ID --device ID "
	    "[--hours N]\n"
	    "       ntt-server verify --pg CONNINFO [--device ID]\n"
	    "       ntt-server status --pg CONNINFO [--stale-days N]\n",
	    NTT_VERSION);
	return 2;
}

static int
main_parse(int argc, char **argv, struct main_opts *o)
{
	static const struct option longopts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "cert", required_argument, NULL, 'c' },
		{ "tls-key", required_argument, NULL, 't' },
		{ "sign-key", required_argument, NULL, 's' },
		{ "pg", required_argument, NULL, 'p' },
		{ "ready-file", required_argument, NULL, 'r' },
		{ "threads", required_argument, NULL, 'n' },
		{ "out", required_argument, NULL, 'o' },
		{ "outlet", required_argument, NULL, 'O' },
		{ "device", required_argument, NULL, 'D' },
		{ "hours", required_argument, NULL, 'h' },
		{ "stale-days", required_argument, NULL, 'S' },
		{ "config", required_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 },
	};
	int	 ch;

	memset(o, 0, sizeof *o);
	o->threads = 4;
	o->stale_days = 10;
	o->hours = 72;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l': o->listen = optarg; break;
		case 'c': o->cert = optarg; break;
		case 't': o->tls_key = optarg; break;
		case 's': o->sign_key = optarg; break;
		case 'p': o->pg = optarg; break;
		case 'r': o->ready = optarg; break;
		case 'o': o->out = optarg; break;
		case 'O': o->outlet = optarg; break;
		case 'D': o->device = optarg; break;
		case 'C': o->config = optarg; break;
		case 'n':
			o->threads = (int)strtol(optarg, NULL, 10);
			if (o->threads < 1 || o->threads > 64)
				return -1;
			break;
		case 'S':
			o->stale_days = (int)strtol(optarg, NULL, 10);
			if (o->stale_days < 1 || o->stale_days > 365)
				return -1;
			break;
		case 'h':
			o->hours = (int)strtol(optarg, NULL, 10);
			if (o->hours < 1 || o->hours > 24 * 90)
				return -1;
			break;
		default:
			return -1;
		}
	}
	return optind == argc ? 0 : -1;
}

/* The signing key file: 64 hex digits of the Ed25519 seed. */
static void
main_load_key(const char *path, struct srv *s)
{
	struct stat st;
	char	 text[80];
	uint8_t	 seed[crypto_sign_SEEDBYTES];
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		fatal("%s", path);
	if (fstat(fd, &st) == -1)
		fatal("%s", path);
	if ((st.st_mode & 077) != 0)
		fatalx("%s: kunci tanda tangan dapat dibaca pengguna lain "
		    "(mode %03o): chmod 600", path,
		    (unsigned)(st.st_mode & 0777));
	n = read(fd, text, sizeof text - 1);
	close(fd);
	if (n < 64)
		fatalx("%s: bukan kunci ntt-server (64 digit heksadesimal)",
		    path);
	text[n] = '\0';
	if (n > 64 && text[64] == '\n')
		text[64] = '\0';
	if (strlen(text) != 64 ||
	    hex_decode(text, seed, sizeof seed) != 0)
		fatalx("%s: bukan kunci ntt-server (64 digit heksadesimal)",
		    path);
	crypto_sign_seed_keypair(s->pk, s->sk, seed);
	sodium_memzero(seed, sizeof seed);
	sodium_memzero(text, sizeof text);
}

static int
main_keygen(const struct main_opts *o)
{
	struct srv s;
	uint8_t	 seed[crypto_sign_SEEDBYTES];
	char	 hex[2 * crypto_sign_SEEDBYTES + 2];
	char	 pk[2 * ENTRY_PK_LEN + 1];
	int	 fd;

	if (o->out == NULL)
		return main_usage();
	if ((fd = open(o->out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0400)) == -1)
		fatal("%s", o->out);
	randombytes_buf(seed, sizeof seed);
	hex_encode(seed, sizeof seed, hex);
	hex[2 * crypto_sign_SEEDBYTES] = '\n';
	hex[2 * crypto_sign_SEEDBYTES + 1] = '\0';
	if (write(fd, hex, strlen(hex)) != (ssize_t)strlen(hex) ||
	    fsync(fd) != 0 || close(fd) != 0)
		fatal("%s", o->out);
	sodium_memzero(seed, sizeof seed);
	sodium_memzero(hex, sizeof hex);
	main_load_key(o->out, &s);
	hex_encode(s.pk, sizeof s.pk, pk);
	printf("%s\n", pk);
	sodium_memzero(&s, sizeof s);
	return 0;
}

static int
main_pubkey(const struct main_opts *o)
{
	struct srv s;
	char	 pk[2 * ENTRY_PK_LEN + 1];

	if (o->sign_key == NULL)
		return main_usage();
	main_load_key(o->sign_key, &s);
	hex_encode(s.pk, sizeof s.pk, pk);
	printf("%s\n", pk);
	sodium_memzero(&s, sizeof s);
	return 0;
}

/* 16 characters of Crockford base32 (80 bits), shown as XXXX-XXXX-... */
static int
main_code(const struct main_opts *o)
{
	static const char alpha[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	struct pg_pool *pool = NULL;
	struct pg_conn *pc;
	uint8_t	 r[16], h[32];
	char	 code[20];
	char	*cause = NULL;
	size_t	 i, j;

	if (o->pg == NULL || o->outlet == NULL || o->device == NULL)
		return main_usage();
	if (!proto_id_ok(o->outlet) || !proto_id_ok(o->device))
		fatalx("kode outlet/perangkat hanya huruf besar, angka "
		    "dan '-'");
	randombytes_buf(r, sizeof r);
	for (i = 0, j = 0; i < 16; i++) {
		if (i > 0 && i % 4 == 0)
			code[j++] = '-';
		code[j++] = alpha[r[i] & 31];
	}
	code[j] = '\0';
	ingest_code_hash(code, h);
	if (pg_pool_open(o->pg, 1, NULL, &pool, &cause) != POS_OK ||
	    (pc = pg_get(pool, &cause)) == NULL ||
	    pg_code_new(pc, h, o->outlet, o->device, o->hours, &cause) !=
	    POS_OK)
		fatalx("%s", cause);
	pg_put(pool, pc);
	pg_pool_close(pool);
	printf("%s\n", code);
	return 0;
}

struct main_walk {
	const uint8_t	*pk;
	int64_t		 n;		/* entries checked */
	uint8_t		 prev[ENTRY_HASH_LEN];
	char		*why;		/* owned */
};

static enum pos_rc
main_verify_one(int64_t seq, const uint8_t *hash, const char *json,
    const char *const *cols, void *arg)
{
	struct main_walk *w = arg;
	struct entry *e = NULL;
	enum pos_rc rc;

	rc = proto_entry_decode(json, strlen(json), &e, &w->why);
	if (rc == POS_OK && e->seq != seq)
		rc = cause_set(&w->why, POS_ECORRUPT, "baris %lld memuat "
		    "entri %lld", (long long)seq, (long long)e->seq);
	if (rc == POS_OK)
		rc = entry_verify(e, w->n + 1, w->prev, w->pk, &w->why);
	if (rc == POS_OK && sodium_memcmp(hash, e->hash, ENTRY_HASH_LEN) != 0)
		rc = cause_set(&w->why, POS_ECORRUPT, "entri %lld: kolom hash "
		    "berbeda dengan entrinya", (long long)seq);
	if (rc == POS_OK)
		rc = pg_cols_match(e, cols, &w->why);
	if (rc == POS_OK) {
		memcpy(w->prev, e->hash, ENTRY_HASH_LEN);
		w->n++;
	}
	entry_free(e);
	return rc;
}

/*
 * The province's copy, checked as the outlets check theirs: for each
 * device, sequence from 1 without gaps, every link, hash and signature
 * under the enrolled key, every column against the entry it was taken
 * from (pg_cols_match), and the recorded head at the end.
 */
static int
main_verify(const struct main_opts *o)
{
	struct pg_pool *pool = NULL;
	struct pg_conn *pc;
	struct srv_device *devs = NULL;
	struct srv_head *heads = NULL;
	struct main_walk w;
	char	*cause = NULL, hex[2 * ENTRY_HASH_LEN + 1];
	size_t	 n = 0, i;
	int64_t	 last;
	int	 bad = 0;

	if (o->pg == NULL)
		return main_usage();
	if (pg_pool_open(o->pg, 1, NULL, &pool, &cause) != POS_OK ||
	    (pc = pg_get(pool, &cause)) == NULL ||
	    pg_devices(pc, o->device, &devs, &heads, &n, &cause) != POS_OK)
		fatalx("%s", cause);
	for (i = 0; i < n; i++) {
		memset(&w, 0, sizeof w);
		w.pk = devs[i].pk;
		if (pg_chain(pc, devs[i].device_id, 0, main_verify_one, &w,
		    &last, &cause) != POS_OK) {
			printf("%s: RUSAK setelah %lld entri: %s\n",
			    devs[i].device_id, (long long)w.n,
			    w.why != NULL ? w.why : cause);
			bad++;
		} else if (w.n != heads[i].seq || sodium_memcmp(w.prev,
		    heads[i].hash, ENTRY_HASH_LEN) != 0) {
			printf("%s: RUSAK: %lld entri, kepala tercatat %lld\n",
			    devs[i].device_id, (long long)w.n,
			    (long long)heads[i].seq);
			bad++;
		} else {
			hex_encode(w.prev, sizeof w.prev, hex);
			printf("%s: %lld entri, rantai utuh, kepala %.16s\n",
			    devs[i].device_id, (long long)w.n, hex);
		}
		free(w.why);
		free(cause);
		cause = NULL;
	}
	pg_put(pool, pc);
	pg_pool_close(pool);
	free(devs);
	free(heads);
	return bad == 0 ? 0 : 1;
}

/*
 * R3.10, for the provincial office: per device, what the province holds,
 * when the outlet was last heard from, its last closed day, alarms. A
 * device unseen for --stale-days (default 10) or quarantined is marked,
 * and the exit code is 1 when any is, so cron can raise the alarm.
 */
static int
main_status(const struct main_opts *o)
{
	struct pg_pool *pool = NULL;
	struct pg_conn *pc;
	struct srv_status *st = NULL;
	char	*cause = NULL, seen[17];
	const char *flag;
	size_t	 n = 0, i;
	int	 attention = 0;

	if (o->pg == NULL)
		return main_usage();
	if (pg_pool_open(o->pg, 1, NULL, &pool, &cause) != POS_OK ||
	    (pc = pg_get(pool, &cause)) == NULL ||
	    pg_status(pc, &st, &n, &cause) != POS_OK)
		fatalx("%s", cause);
	printf("%-8s %-12s %9s %-16s %-10s %6s  %s\n", "OUTLET", "PERANGKAT",
	    "ENTRI", "TERAKHIR (WITA)", "TUTUP", "ALARM", "KEADAAN");
	for (i = 0; i < n; i++) {
		if (st[i].last_seen_ms > 0)
			clock_wita_fmt(st[i].last_seen_ms, seen);
		else
			snprintf(seen, sizeof seen, "belum pernah");
		if (st[i].quarantined)
			flag = "KARANTINA";
		else if (st[i].days_unseen < 0 ||
		    st[i].days_unseen >= o->stale_days)
			flag = "TERLAMBAT";
		else
			flag = "ok";
		if (strcmp(flag, "ok") != 0)
			attention++;
		printf("%-8s %-12s %9lld %-16s %-10s %6lld  %s\n",
		    st[i].outlet_id, st[i].device_id,
		    (long long)st[i].head_seq, seen,
		    st[i].last_close[0] ? st[i].last_close : "-",
		    (long long)st[i].alarms, flag);
	}
	printf("%zu perangkat, %d perlu perhatian\n", n, attention);
	pg_put(pool, pc);
	pg_pool_close(pool);
	free(st);
	return attention == 0 ? 0 : 1;
}

/* The limits: defaults, or the config file's (exit 78 when it is bad). */
static void
main_limits_load(const struct main_opts *o, struct srv_limits *l)
{
	char	*cause = NULL;

	if (o->config == NULL) {
		conf_defaults(l);
		return;
	}
	if (conf_read(o->config, l, &cause) != POS_OK) {
		fprintf(stderr, "ntt-server: %s\n", cause);
		exit(78);
	}
}

static int
main_limits(const struct main_opts *o)
{
	struct srv_limits l;

	main_limits_load(o, &l);
	conf_print(&l);
	return 0;
}

static int
main_serve(const struct main_opts *o)
{
	struct http_opts h;
	struct srv s;
	char	*cause = NULL;
	int	 rc;

	if (o->listen == NULL || o->cert == NULL || o->tls_key == NULL ||
	    o->sign_key == NULL || o->pg == NULL)
		return main_usage();
	memset(&s, 0, sizeof s);
	main_limits_load(o, &s.lim);
	main_load_key(o->sign_key, &s);
	s.rates = rate_new();
	if (pg_pool_open(o->pg, o->threads, &s.lim, &s.pool, &cause) !=
	    POS_OK)
		fatalx("%s", cause);
	memset(&h, 0, sizeof h);
	h.listen = o->listen;
	h.cert_file = o->cert;
	h.key_file = o->tls_key;
	h.ready_file = o->ready;
	h.threads = o->threads;
	rc = http_serve(&s, &h);
	pg_pool_close(s.pool);
	rate_free(s.rates);
	sodium_memzero(&s, sizeof s);
	return rc;
}

int
main(int argc, char **argv)
{
	struct main_opts o;

	if (sodium_init() < 0)
		fatalx("libsodium tidak siap");
	if (argc < 2 || main_parse(argc - 1, argv + 1, &o) != 0)
		return main_usage();
	if (strcmp(argv[1], "serve") == 0)
		return main_serve(&o);
	if (strcmp(argv[1], "keygen") == 0)
		return main_keygen(&o);
	if (strcmp(argv[1], "pubkey") == 0)
		return main_pubkey(&o);
	if (strcmp(argv[1], "code") == 0)
		return main_code(&o);
	if (strcmp(argv[1], "verify") == 0)
		return main_verify(&o);
	if (strcmp(argv[1], "status") == 0)
		return main_status(&o);
	if (strcmp(argv[1], "limits") == 0)
		return main_limits(&o);
	return main_usage();
}
