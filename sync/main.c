/* SPDX-License-Identifier: ISC */
/*
 * ntt-sync: the outlet's sync daemon (run), and the commands around it:
 * enrol (trade a one-time code for the device credential), status (what
 * the cashier's status line shows, in words), check-config. One daemon per
 * ledger, by an flock on the lock file. Exit codes: 0 done, 2 usage,
 * 3 another ntt-sync holds the ledger, 75 a --once run could not finish
 * (try again later), 78 bad config, 1 anything else.
 */
#include <sys/file.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "sync.h"
#include "version.h"

#define MAIN_EX_LOCKED		3
#define MAIN_EX_TEMPFAIL	75
#define MAIN_EX_CONFIG		78
#define MAIN_HEAD_EVERY_MS	(60 * 60 * 1000)	/* idle head check */

static volatile sig_atomic_t main_stop;

struct main_opts {
	const char	*config;
	const char	*code;
	bool		 once;
};

static int
main_usage(void)
{
	fprintf(stderr, "ntt-sync %s\n"
	    "usage: ntt-sync [run] --config FILE [--once]\n"
	    "       ntt-sync enrol --config FILE --code CODE\n"
	    "       ntt-sync status --config FILE\n"
	    "       ntt-sync check-config --config FILE\n", NTT_VERSION);
	return 2;
}

static void
main_signal(int sig)
{
	main_stop = 1;
}

/*
 * Sleeps ms, or less when a signal asks to stop or the credential file
 * changes (a device enrolled again: try at once, not after the backoff).
 */
static void
main_sleep(int64_t ms, struct net *net)
{
	struct timespec ts;

	while (ms > 0 && !main_stop && !net_token_changed(net)) {
		ts.tv_sec = (time_t)(ms > 500 ? 0 : ms / 1000);
		ts.tv_nsec = (long)((ms > 500 ? 500 : ms % 1000) * 1000000);
		nanosleep(&ts, NULL);
		ms -= ms > 500 ? 500 : ms;
	}
}

/* The single-instance lock (R3.7); its fd stays open for life. */
static int
main_lock(const char *path)
{
	char	 pid[32];
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1) {
		fprintf(stderr, "ntt-sync: berkas kunci %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		n = read(fd, pid, sizeof pid - 1);
		pid[n > 0 ? n : 0] = '\0';
		pid[strcspn(pid, "\n")] = '\0';
		fprintf(stderr, "ntt-sync: ledger ini sudah disinkronkan oleh "
		    "ntt-sync lain (pid %s, kunci %s); hanya satu per ledger\n",
		    pid[0] ? pid : "?", path);
		close(fd);
		return -2;
	}
	snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == -1 ||
	    pwrite(fd, pid, strlen(pid), 0) != (ssize_t)strlen(pid))
		log_warn("%s", path);
	return fd;
}

static int
main_config(const struct main_opts *o, struct sync_config *cf)
{
	char	*cause = NULL;

	if (o->config == NULL)
		return main_usage();
	if (config_load(o->config, cf, &cause) != POS_OK) {
		fprintf(stderr, "ntt-sync: konfigurasi salah: %s\n", cause);
		free(cause);
		return MAIN_EX_CONFIG;
	}
	return 0;
}

static int
main_run(const struct main_opts *o)
{
	struct sync_config cf;
	struct push p;
	struct sigaction sa;
	char	*cause = NULL;
	enum push_step step;
	int64_t	 last_head_check;
	int	 ex, lockfd = -1;

	if ((ex = main_config(o, &cf)) != 0)
		return ex;
	memset(&p, 0, sizeof p);
	p.cf = &cf;
	p.stop = &main_stop;
	p.max_entries = cf.policy.max_entries;
	p.last_rewind = -1;
	ex = 1;
	if ((lockfd = main_lock(cf.lock_file)) < 0) {
		ex = lockfd == -2 ? MAIN_EX_LOCKED : 1;
		goto out;
	}
	if (ledger_open(cf.ledger, NULL, LEDGER_SYNC, NULL, &p.l, &cause) !=
	    POS_OK ||
	    net_open(&cf, true, &main_stop, &p.net, &cause) != POS_OK ||
	    ledger_sync_get(p.l, &p.st, &cause) != POS_OK) {
		fprintf(stderr, "ntt-sync: %s\n", cause);
		goto out;
	}
	/* Without its note the daemon still runs: the ledger is the record. */
	if (ledger_note_open(p.l, &p.note, &cause) != POS_OK) {
		log_warnx("%s", cause);
		free(cause);
		cause = NULL;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = main_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	log_info("ntt-sync %s: ledger %s (device %s) to %s, acknowledged up "
	    "to %lld", NTT_VERSION, cf.ledger, ledger_device_id(p.l),
	    cf.server, (long long)p.st.acked_seq);

	step = push_check_head(&p);
	last_head_check = clock_now_ms();
	while (!main_stop) {
		if (step != PUSH_FAILED)
			step = push_step(&p);
		if (step == PUSH_PROGRESS)
			continue;
		if (o->once) {
			ex = step == PUSH_IDLE ? 0 : MAIN_EX_TEMPFAIL;
			if (step != PUSH_IDLE)
				fprintf(stderr, "ntt-sync: belum selesai: %s\n",
				    p.st.last_error);
			goto out;
		}
		if (step == PUSH_FAILED) {
			main_sleep(p.st.next_try_at_ms - clock_now_ms(), p.net);
			step = PUSH_PROGRESS;
			continue;
		}
		main_sleep(cf.interval_s * 1000, p.net);
		if (clock_now_ms() - last_head_check >= MAIN_HEAD_EVERY_MS) {
			step = push_check_head(&p);
			last_head_check = clock_now_ms();
		}
	}
	log_info("stopping on signal; acknowledged up to %lld",
	    (long long)p.st.acked_seq);
	ex = o->once ? MAIN_EX_TEMPFAIL : 0;
out:
	net_close(p.net);
	ledger_note_close(p.note);
	ledger_close(p.l);
	if (lockfd >= 0)
		close(lockfd);
	config_free(&cf);
	free(cause);
	return ex;
}

static int
main_enrol(const struct main_opts *o)
{
	struct sync_config cf;
	struct proto_enrol req;
	struct proto_reply r;
	struct ledger *l = NULL;
	struct net *net = NULL;
	struct buf body, reply;
	char	*cause = NULL, *tok = NULL;
	long	 status;
	int	 ex, fd;

	if (o->code == NULL)
		return main_usage();
	if ((ex = main_config(o, &cf)) != 0)
		return ex;
	ex = 1;
	buf_init(&body, PROTO_MAX_BODY);
	buf_init(&reply, PROTO_MAX_REPLY);
	if (access(cf.token_file, F_OK) == 0) {
		fprintf(stderr, "ntt-sync: kredensial %s sudah ada; perangkat "
		    "sudah terdaftar (hapus berkas itu dulu untuk mendaftar "
		    "ulang)\n", cf.token_file);
		goto out;
	}
	if (ledger_open(cf.ledger, NULL, LEDGER_SYNC, NULL, &l, &cause) !=
	    POS_OK || net_open(&cf, false, &main_stop, &net, &cause) !=
	    POS_OK)
		goto fail;
	memset(&req, 0, sizeof req);
	snprintf(req.outlet_id, sizeof req.outlet_id, "%s",
	    ledger_outlet_id(l));
	snprintf(req.device_id, sizeof req.device_id, "%s",
	    ledger_device_id(l));
	memcpy(req.public_key, ledger_public_key(l), ENTRY_PK_LEN);
	snprintf(req.code, sizeof req.code, "%s", o->code);
	proto_enrol_json(&body, &req);
	if (net_request(net, PROTO_PATH_ENROL, body.data, body.len, false,
	    &status, &reply, &cause) != POS_OK)
		goto fail;
	if (reply.data == NULL || proto_reply_decode(reply.data, reply.len,
	    &r, &cause) != POS_OK) {
		fprintf(stderr, "ntt-sync: jawaban server tidak dapat dibaca "
		    "(HTTP %ld)\n", status);
		goto out;
	}
	if (status != 200) {
		fprintf(stderr, "ntt-sync: pendaftaran ditolak (%ld %s): %s\n",
		    status, r.error, r.message);
		goto out;
	}
	/* The key the province gave the installer, not whatever answers. */
	if (!r.has_server_key || r.token[0] == '\0' || !r.has_ack ||
	    sodium_memcmp(r.server_key, config_ack_key(&cf, &r.ack),
	    ENTRY_PK_LEN) != 0 ||
	    !outbox_ack_sig_ok(&r.ack, config_ack_key(&cf, &r.ack))) {
		fprintf(stderr, "ntt-sync: server menjawab tanpa kunci "
		    "server_key yang dikonfigurasi: pendaftaran dibatalkan\n");
		goto out;
	}
	tok = xasprintf("%s\n", r.token);
	if ((fd = open(cf.token_file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0400)) == -1 || write(fd, tok, strlen(tok)) !=
	    (ssize_t)strlen(tok) || fsync(fd) != 0 || close(fd) != 0) {
		fprintf(stderr, "ntt-sync: menyimpan kredensial %s: %s\n",
		    cf.token_file, strerror(errno));
		goto out;
	}
	printf("Perangkat %s (outlet %s) terdaftar; server memegang %lld "
	    "entri; kredensial di %s\n", req.device_id, req.outlet_id,
	    (long long)r.ack.acked_seq, cf.token_file);
	ex = 0;
	goto out;
fail:
	fprintf(stderr, "ntt-sync: %s\n", cause);
out:
	if (tok != NULL)
		sodium_memzero(tok, strlen(tok));
	sodium_memzero(&r, sizeof r);
	free(tok);
	net_close(net);
	ledger_close(l);
	buf_free(&body);
	buf_free(&reply);
	config_free(&cf);
	free(cause);
	return ex;
}

static void
main_when(const char *label, int64_t at_ms)
{
	char	 t[32];

	if (at_ms <= 0)
		printf("%-15s: -\n", label);
	else
		printf("%-15s: %s WITA\n", label, clock_wita_fmt(at_ms, t));
}

static int
main_status(const struct main_opts *o)
{
	struct sync_config cf;
	struct sync_view v;
	struct sync_state *st = &v.st;
	struct ledger *l = NULL;
	char	*cause = NULL, hex[2 * ENTRY_HASH_LEN + 1];
	int	 ex;

	if ((ex = main_config(o, &cf)) != 0)
		return ex;
	ex = 1;
	if (ledger_open(cf.ledger, NULL, LEDGER_READONLY, NULL, &l, &cause) !=
	    POS_OK || ledger_sync_view(l, &v, &cause) != POS_OK) {
		fprintf(stderr, "ntt-sync: %s\n", cause);
		goto out;
	}
	hex_encode(st->acked_hash, sizeof st->acked_hash, hex);
	printf("%-15s: %s (%s)\n", "Ledger", cf.ledger, ledger_device_id(l));
	printf("%-15s: %lld (hash %.16s)\n", "Diakui server",
	    (long long)st->acked_seq, hex);
	if (v.unsaved)
		printf("%-15s: %lld, TIDAK TERCATAT di ledger: %s\n",
		    "Dipegang daemon", (long long)v.held_seq, v.why);
	main_when("Jam server", st->server_time_ms);
	printf("%-15s: %lld entri\n", "Tertunda", (long long)v.pending);
	main_when("Tertunda sejak", st->oldest_pending_at_ms);
	main_when("Terakhir OK", v.unsaved ? v.held_at_ms :
	    st->last_ok_at_ms);
	main_when("Coba lagi", st->failures > 0 ? st->next_try_at_ms : 0);
	printf("%-15s: %s\n", "Galat terakhir",
	    st->last_error[0] ? st->last_error : "-");
	ex = 0;
out:
	ledger_close(l);
	config_free(&cf);
	free(cause);
	return ex;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "code", required_argument, NULL, 'k' },
		{ "once", no_argument, NULL, '1' },
		{ NULL, 0, NULL, 0 },
	};
	struct main_opts o;
	const char *cmd = "run";
	struct sync_config cf;
	int	 ch, ex;

	if (argc > 1 && argv[1][0] != '-') {
		cmd = argv[1];
		argc--;
		argv++;
	}
	memset(&o, 0, sizeof o);
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': o.config = optarg; break;
		case 'k': o.code = optarg; break;
		case '1': o.once = true; break;
		default: return main_usage();
		}
	}
	if (optind != argc || o.config == NULL)
		return main_usage();
	if (sodium_init() < 0)
		fatalx("libsodium tidak siap");
	if (strcmp(cmd, "run") == 0)
		return main_run(&o);
	if (strcmp(cmd, "enrol") == 0)
		return main_enrol(&o);
	if (strcmp(cmd, "status") == 0)
		return main_status(&o);
	if (strcmp(cmd, "check-config") == 0) {
		if ((ex = main_config(&o, &cf)) == 0) {
			printf("%s: baik\n", o.config);
			config_free(&cf);
		}
		return ex;
	}
	return main_usage();
}
