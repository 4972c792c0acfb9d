/* SPDX-License-Identifier: ISC */
/*
 * connflood: many connections that never finish a request, to show the
 * server closes them at its deadlines and still serves everyone else
 * (tests/regress/server-flood.sh). Loopback only, bounded in count and
 * time, stops by itself.
 *
 *	connflood --target 127.0.0.1:PORT --mode MODE --n N
 *	    [--sources 127.0.0.A[+K]] [--hold S] [--every S] [--late-ms M]
 *
 *	tcp	connect and send nothing (not even a TLS hello)
 *	tls	TLS handshake, then half a request head, then nothing
 *	drip	as tls, then one more header line every --every seconds
 *
 * Connections are spread over K source addresses from 127.0.0.A (the
 * per-address limit sees K clients). The tool watches every socket for
 * --hold seconds (at most 120) and prints what the server did:
 *
 *	opened=N	connections the server accepted
 *	refused=N	not accepted, or closed within M ms (default 1000):
 *			a limit, or the server shedding load
 *	closed=N	closed later, by a deadline
 *	open=N		still open at the end
 *	life_min_ms= life_max_ms=	of the closed ones, from connect
 */
#include <sys/resource.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gnutls/gnutls.h>

#define CF_MAX_N	5000
#define CF_MAX_HOLD	120

enum cf_state {
	CF_OPEN,
	CF_REFUSED,
	CF_CLOSED,
};

struct cf_conn {
	int		 fd;
	gnutls_session_t tls;
	int64_t		 start_ms;
	int64_t		 end_ms;
	enum cf_state	 state;
};

static int64_t
cf_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
cf_die(const char *msg)
{
	fprintf(stderr, "connflood: %s\n", msg);
	exit(2);
}

/* A connected socket from src to dst, or -1 (refused, reset, timeout). */
static int
cf_connect(const struct sockaddr_in *src, const struct sockaddr_in *dst)
{
	struct pollfd p;
	socklen_t len = sizeof(int);
	int	 fd, err = 0, one = 1;

	if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) == -1)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (const struct sockaddr *)src, sizeof *src) == -1 ||
	    (connect(fd, (const struct sockaddr *)dst, sizeof *dst) == -1 &&
	    errno != EINPROGRESS)) {
		close(fd);
		return -1;
	}
	p.fd = fd;
	p.events = POLLOUT;
	if (poll(&p, 1, 3000) != 1 ||
	    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == -1 ||
	    err != 0) {
		close(fd);
		return -1;
	}
	/* Blocking from here: the handshake has its own timeout. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

static bool
cf_send(struct cf_conn *c, const char *s)
{
	ssize_t	 n;

	do
		n = gnutls_record_send(c->tls, s, strlen(s));
	while (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED);
	return n == (ssize_t)strlen(s);
}

static void
cf_end(struct cf_conn *c, enum cf_state st)
{
	c->state = st;
	c->end_ms = cf_now();
	if (c->tls != NULL)
		gnutls_deinit(c->tls);
	c->tls = NULL;
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

/*
 * One look (at most ms) at the first n connections: those the server has
 * closed are marked so, with the time. pfd holds n entries.
 */
static void
cf_watch(struct cf_conn *cs, int n, struct pollfd *pfd, int ms)
{
	int	 i, k;

	for (i = 0, k = 0; i < n; i++)
		if (cs[i].state == CF_OPEN && cs[i].fd >= 0) {
			pfd[k].fd = cs[i].fd;
			pfd[k].events = POLLRDHUP;
			pfd[k].revents = 0;
			k++;
		}
	if (k == 0 || poll(pfd, (nfds_t)k, ms) <= 0)
		return;
	for (i = 0, k = 0; i < n; i++) {
		if (cs[i].state != CF_OPEN || cs[i].fd < 0)
			continue;
		if ((pfd[k++].revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0)
			cf_end(&cs[i], CF_CLOSED);
	}
}

static int
cf_open_count(const struct cf_conn *cs, int n)
{
	int	 i, k = 0;

	for (i = 0; i < n; i++)
		if (cs[i].state == CF_OPEN)
			k++;
	return k;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "target", required_argument, NULL, 't' },
		{ "mode", required_argument, NULL, 'm' },
		{ "n", required_argument, NULL, 'n' },
		{ "sources", required_argument, NULL, 's' },
		{ "hold", required_argument, NULL, 'h' },
		{ "every", required_argument, NULL, 'e' },
		{ "late-ms", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	gnutls_certificate_credentials_t cred;
	struct sockaddr_in dst, src;
	struct cf_conn *cs;
	struct pollfd *pfd;
	struct rlimit rl;
	const char *mode = "tcp", *target = NULL, *sources = "127.0.0.2";
	char	 host[64], *colon, *plus, line[64];
	int64_t	 start, hold_ms, life_min = -1, life_max = -1, next_drip;
	int	 ch, n = 100, hold = 10, every = 1, nsrc = 1, i, r;
	int	 late = 1000;
	int	 opened = 0, refused = 0, closed = 0, open = 0, drips = 0;
	uint32_t src0;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 't': target = optarg; break;
		case 'm': mode = optarg; break;
		case 'n': n = atoi(optarg); break;
		case 's': sources = optarg; break;
		case 'h': hold = atoi(optarg); break;
		case 'e': every = atoi(optarg); break;
		case 'l': late = atoi(optarg); break;
		default: cf_die("bad option");
		}
	}
	if (target == NULL || n < 1 || n > CF_MAX_N || hold < 1 ||
	    hold > CF_MAX_HOLD || every < 1)
		cf_die("usage: --target 127.0.0.1:PORT --mode tcp|tls|drip "
		    "--n 1-5000 [--sources 127.0.0.A[+K]] [--hold 1-120] "
		    "[--every S]");
	if (strcmp(mode, "tcp") != 0 && strcmp(mode, "tls") != 0 &&
	    strcmp(mode, "drip") != 0)
		cf_die("--mode tcp, tls or drip");

	snprintf(host, sizeof host, "%s", target);
	if ((colon = strrchr(host, ':')) == NULL)
		cf_die("--target HOST:PORT");
	*colon = '\0';
	memset(&dst, 0, sizeof dst);
	dst.sin_family = AF_INET;
	dst.sin_port = htons((uint16_t)atoi(colon + 1));
	if (inet_pton(AF_INET, host, &dst.sin_addr) != 1 ||
	    (ntohl(dst.sin_addr.s_addr) >> 24) != 127)
		cf_die("loopback targets only (127.0.0.0/8)");
	snprintf(host, sizeof host, "%s", sources);
	if ((plus = strchr(host, '+')) != NULL) {
		*plus = '\0';
		nsrc = atoi(plus + 1);
	}
	memset(&src, 0, sizeof src);
	src.sin_family = AF_INET;
	if (inet_pton(AF_INET, host, &src.sin_addr) != 1 || nsrc < 1 ||
	    nsrc > 250 || (ntohl(src.sin_addr.s_addr) >> 24) != 127 ||
	    (ntohl(src.sin_addr.s_addr) & 0xff) + (uint32_t)nsrc > 255)
		cf_die("--sources 127.0.0.A[+K] within 127.0.0.0/8");
	src0 = ntohl(src.sin_addr.s_addr);

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	gnutls_global_init();
	gnutls_certificate_allocate_credentials(&cred);
	cs = calloc((size_t)n, sizeof *cs);
	pfd = calloc((size_t)n, sizeof *pfd);
	if (cs == NULL || pfd == NULL)
		cf_die("out of memory");

	start = cf_now();
	for (i = 0; i < n; i++) {
		struct cf_conn *c = &cs[i];

		/* Closes seen as they come, not after the last connect. */
		if (i % 20 == 0)
			cf_watch(cs, i, pfd, 0);
		src.sin_addr.s_addr = htonl(src0 + (uint32_t)(i % nsrc));
		c->start_ms = cf_now();
		c->fd = cf_connect(&src, &dst);
		if (c->fd == -1) {
			cf_end(c, CF_REFUSED);
			continue;
		}
		opened++;
		if (strcmp(mode, "tcp") == 0)
			continue;
		gnutls_init(&c->tls, GNUTLS_CLIENT);
		gnutls_set_default_priority(c->tls);
		gnutls_credentials_set(c->tls, GNUTLS_CRD_CERTIFICATE, cred);
		gnutls_server_name_set(c->tls, GNUTLS_NAME_DNS, "localhost",
		    strlen("localhost"));
		gnutls_transport_set_int(c->tls, c->fd);
		gnutls_handshake_set_timeout(c->tls, 5000);
		do
			r = gnutls_handshake(c->tls);
		while (r < 0 && gnutls_error_is_fatal(r) == 0);
		if (r < 0 || !cf_send(c, "GET /v1/head HTTP/1.1\r\n"
		    "Host: localhost\r\n")) {
			cf_end(c, CF_REFUSED);
			continue;
		}
	}
	fprintf(stderr, "connflood: %d %s connections made in %lld ms\n",
	    opened, mode, (long long)(cf_now() - start));

	/* Watch them all until the hold is over or every one is closed. */
	hold_ms = (int64_t)hold * 1000;
	next_drip = cf_now() + every * 1000;
	while (cf_open_count(cs, n) > 0 && cf_now() - start < hold_ms) {
		cf_watch(cs, n, pfd, 100);
		if (strcmp(mode, "drip") == 0 && cf_now() >= next_drip) {
			snprintf(line, sizeof line, "X-Drip-%d: %d\r\n", drips,
			    drips);
			drips++;
			for (i = 0; i < n; i++)
				if (cs[i].state == CF_OPEN &&
				    !cf_send(&cs[i], line))
					cf_end(&cs[i], CF_CLOSED);
			next_drip += every * 1000;
		}
	}
	for (i = 0; i < n; i++) {
		switch (cs[i].state) {
		case CF_OPEN:
			open++;
			cf_end(&cs[i], CF_OPEN);
			break;
		case CF_REFUSED:
			refused++;
			break;
		case CF_CLOSED:
			r = (int)(cs[i].end_ms - cs[i].start_ms);
			if (r < late) {
				/* Sooner than a deadline: a limit. */
				refused++;
				break;
			}
			closed++;
			if (life_min < 0 || r < life_min)
				life_min = r;
			if (r > life_max)
				life_max = r;
			break;
		}
	}
	printf("opened=%d refused=%d closed=%d open=%d life_min_ms=%lld "
	    "life_max_ms=%lld drips=%d\n", opened, refused, closed, open,
	    (long long)life_min, (long long)life_max, drips);
	gnutls_certificate_free_credentials(cred);
	gnutls_global_deinit();
	free(cs);
	free(pfd);
	return 0;
}
