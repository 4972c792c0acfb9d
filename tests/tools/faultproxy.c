/* SPDX-License-Identifier: ISC */
/*
 * faultproxy: a TCP proxy that breaks the link on purpose, for the sync
 * tests (the kernel here has no netem). TLS passes through untouched; the
 * faults are chosen per connection from a control file, one line per
 * connection in order (the last line repeats), re-read (and the count
 * started again) whenever the file changes or on SIGHUP:
 *
 *	pass			forward everything
 *	delay MS		hold every chunk MS milliseconds
 *	rate BPS		at most BPS bytes per second each way
 *	cut-request N		forward N bytes of the request, then cut
 *				both sides (the server never commits)
 *	drop-response N		once N request bytes went through, cut both
 *				sides at the first answer byte (the server
 *				has committed; the client never hears)
 *	dup N			drop-response N: the client must send the
 *				same batch again, so the server receives it
 *				twice (the duplicate a timeout makes)
 *	truncate-response N K	once N request bytes went through, forward
 *				K bytes of the answer, then cut
 *	stall N			forward N request bytes, then nothing either
 *				way until the client gives up (a link that
 *				dies mid-transfer without closing)
 *	reset			accept, then reset the connection
 *	blackhole		accept, read, never answer (no TLS at all)
 *
 *	faultproxy --listen 127.0.0.1:0 --target 127.0.0.1:8443 \
 *	    --control FILE --port-file FILE [--stats FILE]
 *	faultproxy --free-port		prints a free loopback port
 *
 * The stats file gets "connections N\nup BYTES\ndown BYTES\n" after every
 * connection: the bytes on the wire for the benchmark.
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum fp_kind {
	FP_PASS,
	FP_DELAY,
	FP_RATE,
	FP_CUT_REQUEST,
	FP_DROP_RESPONSE,
	FP_TRUNCATE_RESPONSE,
	FP_STALL,
	FP_RESET,
	FP_BLACKHOLE,
};

struct fp_mode {
	enum fp_kind	 kind;
	long		 n;	/* ms, bytes/s, or request bytes */
	long		 k;	/* answer bytes for truncate-response */
};

struct fp_conn {
	int		 cfd;
	struct fp_mode	 mode;
};

static const char	*fp_control;
static const char	*fp_stats;
static struct sockaddr_in fp_target;
static pthread_mutex_t	 fp_mtx = PTHREAD_MUTEX_INITIALIZER;
static struct fp_mode	*fp_modes;
static size_t		 fp_nmodes;
static size_t		 fp_next;	/* index of the next connection */
static atomic_long	 fp_up, fp_down, fp_conns;
static volatile sig_atomic_t fp_reload;
static struct stat	 fp_control_st;	/* as last loaded */

static void
fp_die(const char *what)
{
	fprintf(stderr, "faultproxy: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int
fp_parse_mode(const char *line, struct fp_mode *m)
{
	char	 word[32];
	long	 a = 0, b = 0;
	int	 n;

	memset(m, 0, sizeof *m);
	n = sscanf(line, "%31s %ld %ld", word, &a, &b);
	if (n < 1)
		return -1;
	m->n = a;
	m->k = b;
	if (strcmp(word, "pass") == 0)
		m->kind = FP_PASS;
	else if (strcmp(word, "delay") == 0 && n == 2)
		m->kind = FP_DELAY;
	else if (strcmp(word, "rate") == 0 && n == 2 && a > 0)
		m->kind = FP_RATE;
	else if (strcmp(word, "cut-request") == 0 && n == 2)
		m->kind = FP_CUT_REQUEST;
	else if ((strcmp(word, "drop-response") == 0 ||
	    strcmp(word, "dup") == 0) && n == 2)
		m->kind = FP_DROP_RESPONSE;
	else if (strcmp(word, "truncate-response") == 0 && n == 3)
		m->kind = FP_TRUNCATE_RESPONSE;
	else if (strcmp(word, "stall") == 0 && n == 2)
		m->kind = FP_STALL;
	else if (strcmp(word, "reset") == 0)
		m->kind = FP_RESET;
	else if (strcmp(word, "blackhole") == 0)
		m->kind = FP_BLACKHOLE;
	else
		return -1;
	return 0;
}

static void
fp_load(void)
{
	FILE	*fp;
	char	 line[256];
	struct fp_mode m, *modes = NULL;
	size_t	 n = 0;

	memset(&fp_control_st, 0, sizeof fp_control_st);
	if (fp_control != NULL)
		stat(fp_control, &fp_control_st);
	if (fp_control != NULL && (fp = fopen(fp_control, "r")) != NULL) {
		while (fgets(line, sizeof line, fp) != NULL) {
			if (line[0] == '#' || line[0] == '\n')
				continue;
			if (fp_parse_mode(line, &m) != 0) {
				fprintf(stderr, "faultproxy: bad mode: %s",
				    line);
				continue;
			}
			modes = realloc(modes, (n + 1) * sizeof *modes);
			if (modes == NULL)
				fp_die("realloc");
			modes[n++] = m;
		}
		fclose(fp);
	}
	pthread_mutex_lock(&fp_mtx);
	free(fp_modes);
	fp_modes = modes;
	fp_nmodes = n;
	fp_next = 0;
	pthread_mutex_unlock(&fp_mtx);
}

/* The control file was replaced or rewritten since it was loaded. */
static bool
fp_changed(void)
{
	struct stat st;

	memset(&st, 0, sizeof st);
	if (fp_control == NULL)
		return false;
	stat(fp_control, &st);
	return st.st_ino != fp_control_st.st_ino ||
	    st.st_size != fp_control_st.st_size ||
	    st.st_mtim.tv_sec != fp_control_st.st_mtim.tv_sec ||
	    st.st_mtim.tv_nsec != fp_control_st.st_mtim.tv_nsec;
}

static struct fp_mode
fp_pick(void)
{
	struct fp_mode m;

	memset(&m, 0, sizeof m);
	pthread_mutex_lock(&fp_mtx);
	if (fp_nmodes > 0)
		m = fp_modes[fp_next < fp_nmodes ? fp_next : fp_nmodes - 1];
	fp_next++;
	pthread_mutex_unlock(&fp_mtx);
	return m;
}

static void
fp_write_stats(void)
{
	char	 tmp[4096];
	FILE	*fp;

	if (fp_stats == NULL)
		return;
	snprintf(tmp, sizeof tmp, "%s.%ld", fp_stats, (long)pthread_self());
	pthread_mutex_lock(&fp_mtx);
	if ((fp = fopen(tmp, "w")) != NULL) {
		fprintf(fp, "connections %ld\nup %ld\ndown %ld\n",
		    atomic_load(&fp_conns), atomic_load(&fp_up),
		    atomic_load(&fp_down));
		fclose(fp);
		rename(tmp, fp_stats);
	}
	pthread_mutex_unlock(&fp_mtx);
}

static void
fp_sleep_ms(long ms)
{
	struct timespec ts;

	if (ms <= 0)
		return;
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static int
fp_write_all(int fd, const char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		w = send(fd, p, n, MSG_NOSIGNAL);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void
fp_reset(int fd)
{
	struct linger l = { 1, 0 };

	setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
	close(fd);
}

static void *
fp_conn_main(void *arg)
{
	struct fp_conn *c = arg;
	struct fp_mode m = c->mode;
	struct pollfd pfd[2];
	char	 buf[16384];
	long	 up = 0, answered = 0;
	ssize_t	 n;
	size_t	 w;
	bool	 cdone = false, sdone = false;
	int	 cfd = c->cfd, sfd = -1;

	free(c);
	if (m.kind == FP_RESET) {
		fp_reset(cfd);
		goto out;
	}
	if (m.kind == FP_BLACKHOLE) {
		while (read(cfd, buf, sizeof buf) > 0)
			;
		close(cfd);
		goto out;
	}
	if ((sfd = socket(AF_INET, SOCK_STREAM, 0)) == -1 ||
	    connect(sfd, (struct sockaddr *)&fp_target,
	    sizeof fp_target) == -1) {
		fp_reset(cfd);
		if (sfd != -1)
			close(sfd);
		goto out;
	}
	while (!cdone || !sdone) {
		pfd[0].fd = cdone ? -1 : cfd;
		pfd[0].events = POLLIN;
		pfd[1].fd = sdone ? -1 : sfd;
		pfd[1].events = POLLIN;
		if (poll(pfd, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pfd[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			n = read(cfd, buf, sizeof buf);
			if (n <= 0) {
				cdone = true;
				shutdown(sfd, SHUT_WR);
			} else {
				w = (size_t)n;
				if (m.kind == FP_STALL && up + n >= m.n) {
					w = (size_t)(m.n - up);
					fp_write_all(sfd, buf, w);
					atomic_fetch_add(&fp_up, (long)w);
					/* Swallow until the client hangs up. */
					while (read(cfd, buf, sizeof buf) > 0)
						;
					break;
				}
				if (m.kind == FP_CUT_REQUEST && up + n >= m.n) {
					w = (size_t)(m.n - up);
					fp_write_all(sfd, buf, w);
					atomic_fetch_add(&fp_up, (long)w);
					break;
				}
				if (m.kind == FP_DELAY)
					fp_sleep_ms(m.n);
				if (m.kind == FP_RATE)
					fp_sleep_ms(n * 1000 / m.n);
				if (fp_write_all(sfd, buf, w) != 0)
					break;
				up += n;
				atomic_fetch_add(&fp_up, n);
			}
		}
		if (pfd[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			n = read(sfd, buf, sizeof buf);
			if (n <= 0) {
				sdone = true;
				shutdown(cfd, SHUT_WR);
				continue;
			}
			w = (size_t)n;
			if (m.kind == FP_DROP_RESPONSE && up >= m.n)
				break;	/* committed, and nobody hears it */
			if (m.kind == FP_TRUNCATE_RESPONSE && up >= m.n) {
				if (answered + n >= m.k) {
					w = (size_t)(m.k - answered);
					fp_write_all(cfd, buf, w);
					atomic_fetch_add(&fp_down, (long)w);
					break;
				}
				answered += n;
			}
			if (m.kind == FP_DELAY)
				fp_sleep_ms(m.n);
			if (m.kind == FP_RATE)
				fp_sleep_ms(n * 1000 / m.n);
			if (fp_write_all(cfd, buf, w) != 0)
				break;
			atomic_fetch_add(&fp_down, n);
		}
	}
	if (!cdone || !sdone) {
		fp_reset(cfd);
		fp_reset(sfd);
	} else {
		close(cfd);
		close(sfd);
	}
out:
	fp_write_stats();
	return NULL;
}

static int
fp_addr(const char *s, struct sockaddr_in *sin)
{
	char	 host[64];
	const char *colon = strrchr(s, ':');

	if (colon == NULL || (size_t)(colon - s) >= sizeof host)
		return -1;
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	memset(sin, 0, sizeof *sin);
	sin->sin_family = AF_INET;
	sin->sin_port = htons((uint16_t)strtol(colon + 1, NULL, 10));
	return inet_pton(AF_INET, host, &sin->sin_addr) == 1 ? 0 : -1;
}

static void
fp_on_hup(int sig)
{
	fp_reload = 1;
}

static int
fp_free_port(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int	 fd;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1 ||
	    bind(fd, (struct sockaddr *)&sin, sizeof sin) == -1 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) == -1)
		fp_die("free port");
	printf("%u\n", ntohs(sin.sin_port));
	close(fd);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "target", required_argument, NULL, 't' },
		{ "control", required_argument, NULL, 'c' },
		{ "port-file", required_argument, NULL, 'p' },
		{ "stats", required_argument, NULL, 's' },
		{ "free-port", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct sockaddr_in lsin;
	struct sigaction sa;
	socklen_t len;
	pthread_attr_t attr;
	pthread_t th;
	struct fp_conn *c;
	const char *listen_at = NULL, *target = NULL, *port_file = NULL;
	FILE	*fp;
	int	 ch, lfd, cfd, one = 1;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l': listen_at = optarg; break;
		case 't': target = optarg; break;
		case 'c': fp_control = optarg; break;
		case 'p': port_file = optarg; break;
		case 's': fp_stats = optarg; break;
		case 'f': return fp_free_port();
		default: return 2;
		}
	}
	if (listen_at == NULL || target == NULL ||
	    fp_addr(listen_at, &lsin) != 0 ||
	    fp_addr(target, &fp_target) != 0) {
		fprintf(stderr, "usage: faultproxy --listen IP:PORT --target "
		    "IP:PORT [--control F] [--port-file F] [--stats F]\n");
		return 2;
	}
	fp_load();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fp_on_hup;
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if ((lfd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		fp_die("socket");
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(lfd, (struct sockaddr *)&lsin, sizeof lsin) == -1 ||
	    listen(lfd, 128) == -1)
		fp_die(listen_at);
	len = sizeof lsin;
	getsockname(lfd, (struct sockaddr *)&lsin, &len);
	if (port_file != NULL) {
		if ((fp = fopen(port_file, "w")) == NULL)
			fp_die(port_file);
		fprintf(fp, "%u\n", ntohs(lsin.sin_port));
		fclose(fp);
	}
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	for (;;) {
		cfd = accept(lfd, NULL, NULL);
		if (fp_reload || fp_changed()) {
			fp_reload = 0;
			fp_load();
		}
		if (cfd == -1) {
			if (errno == EINTR)
				continue;
			fp_die("accept");
		}
		setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		atomic_fetch_add(&fp_conns, 1);
		c = malloc(sizeof *c);
		if (c == NULL)
			fp_die("malloc");
		c->cfd = cfd;
		c->mode = fp_pick();
		if (pthread_create(&th, &attr, fp_conn_main, c) != 0)
			fp_die("pthread_create");
	}
}
