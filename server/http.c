/* SPDX-License-Identifier: ISC */
/*
 * HTTPS for ntt-server with libmicrohttpd: routing, the checks that need
 * only the request head (method, content type and encoding, declared
 * length, credential, the credential's rate), the body collected under a
 * cap, and the JSON reply. A request refused on its head is answered after
 * its body has been read and thrown away (up to HTTP_DRAIN_MAX), so the
 * client hears why.
 *
 * One thread per connection, so a request that waits on PostgreSQL holds
 * its own thread and no one else's; their number is capped
 * (max_connections, per_address_connections). Every connection is under a
 * deadline the reaper enforces by shutting its socket, whatever the
 * client trickles: the TLS handshake and request line (tls_timeout), the
 * rest of the head (head_timeout), the whole request scaled to its body
 * (request_timeout + size / request_min_rate), and a kept-alive
 * connection's wait for its next request (idle_timeout). libmicrohttpd's
 * own timeout only measures silence, which one byte a minute defeats.
 * docs/sync-install.md §Limits.
 */
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>
#include <sodium.h>

#include "clock.h"
#include "server.h"

enum http_route {
	HTTP_BATCH,
	HTTP_ENROL,
	HTTP_HEAD,
	HTTP_HEALTH,
};

/*
 * A refused request's body is read and thrown away up to this many bytes
 * before the refusal is sent, so the client reads the refusal instead of
 * a reset; past it the connection is closed.
 */
#define HTTP_DRAIN_MAX	(4 * PROTO_MAX_BODY)
/* An enrolment is a few hundred bytes: its body may not be a batch's. */
#define HTTP_ENROL_MAX	(8 * 1024)

enum http_verdict {
	HTTP_ACCEPT,	/* read the body, then run the request */
	HTTP_LATER,	/* refuse once the body is drained */
	HTTP_NOW,	/* refuse at once: the body is not worth reading */
};

/*
 * One TCP connection (libmicrohttpd's socket context), on the list the
 * reaper walks. fd stays open until the connection is off the list: the
 * close notification comes before libmicrohttpd closes the socket.
 */
struct http_conn {
	int		 fd;
	int64_t		 deadline_ms;	/* clock_mono_ms; 0: none */
	int64_t		 phase_ms;	/* when the phase began */
	bool		 early;		/* no request head yet */
	const char	*phase;		/* static: what the deadline is for */
	bool		 shut;		/* the reaper shut it */
	char		 addr[64];
	struct http_conn *prev, *next;
};

static struct {
	pthread_mutex_t	 mtx;
	struct http_conn *head;
	int64_t		 n;		/* connections on the list */
	const struct srv_limits *lim;
	atomic_bool	 stop;
	atomic_llong	 shut;		/* connections closed by a deadline */
} http_conns = { .mtx = PTHREAD_MUTEX_INITIALIZER };

struct http_req {
	enum http_route	 route;
	bool		 headed;	/* http_accept has run */
	struct http_conn *conn;		/* borrowed from the connection */
	struct srv_req	 req;		/* address and socket */
	int64_t		 retry_s;	/* Retry-After, 0: none */
	struct buf	 body;		/* as received, capped */
	bool		 gzip;		/* Content-Encoding: gzip */
	bool		 too_big;	/* the body passed its route's max */
	bool		 answered;	/* a reply is queued */
	struct proto_reply *refusal;	/* owned: to send after draining */
	int		 refusal_status;
	const char	*allow;		/* static: for 405 */
	uint64_t	 drained;	/* body bytes thrown away */
	struct srv_device dev;		/* from the credential */
	int		 status;
	int64_t		 start_ms;
};

static const struct {
	const char	*path;
	const char	*method;
	enum http_route	 route;
	bool		 auth;
	int64_t		 max_body;	/* bytes as sent */
} http_routes[] = {
	{ PROTO_PATH_BATCH, "POST", HTTP_BATCH, true, PROTO_MAX_BODY },
	{ PROTO_PATH_ENROL, "POST", HTTP_ENROL, false, HTTP_ENROL_MAX },
	{ PROTO_PATH_HEAD, "GET", HTTP_HEAD, true, 0 },
	{ "/v1/health", "GET", HTTP_HEALTH, false, 0 },
};

bool
http_client_gone(int fd)
{
	struct pollfd p;

	if (fd < 0)
		return false;
	p.fd = fd;
	p.events = POLLRDHUP;
	p.revents = 0;
	return poll(&p, 1, 0) == 1 &&
	    (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

/*
 * Sets the deadline of conn for phase; early says the request head is not
 * complete yet (what goes first under pressure).
 */
static void
http_deadline(struct http_conn *conn, int64_t at_ms, const char *phase,
    bool early)
{
	if (conn == NULL)
		return;
	pthread_mutex_lock(&http_conns.mtx);
	conn->deadline_ms = at_ms;
	conn->phase_ms = clock_mono_ms();
	conn->phase = phase;
	conn->early = early;
	pthread_mutex_unlock(&http_conns.mtx);
}

/*
 * The reaper: every 250 ms, shuts the sockets past their deadline. Under
 * pressure (three quarters of max_connections open) a connection still
 * without its request head after HTTP_PRESSURE_MS goes too: a client that
 * means to send one sends it in milliseconds, and the room it frees is
 * what keeps everyone else served while a flood fills the cap.
 */
#define HTTP_PRESSURE_MS	1000

static void *
http_reaper(void *arg)
{
	struct http_conn *c;
	struct timespec ts = { 0, 250 * 1000000L };
	int64_t	 now;
	bool	 pressed;

	(void)arg;
	while (!atomic_load(&http_conns.stop)) {
		nanosleep(&ts, NULL);
		now = clock_mono_ms();
		pthread_mutex_lock(&http_conns.mtx);
		pressed = http_conns.n * 4 >= http_conns.lim->max_connections
		    * 3;
		for (c = http_conns.head; c != NULL; c = c->next) {
			if (c->shut || c->deadline_ms == 0)
				continue;
			if (now < c->deadline_ms && !(pressed && c->early &&
			    now - c->phase_ms >= HTTP_PRESSURE_MS))
				continue;
			/* libmicrohttpd sees the end and closes it. */
			shutdown(c->fd, SHUT_RDWR);
			c->shut = true;
			atomic_fetch_add(&http_conns.shut, 1);
			log_debug("%s: %s deadline passed, connection closed",
			    c->addr, c->phase);
		}
		pthread_mutex_unlock(&http_conns.mtx);
	}
	return NULL;
}

static void
http_addr(const struct sockaddr *sa, char *out, size_t size)
{
	const void *a = NULL;

	snprintf(out, size, "?");
	if (sa == NULL)
		return;
	if (sa->sa_family == AF_INET)
		a = &((const struct sockaddr_in *)(const void *)sa)->sin_addr;
	else if (sa->sa_family == AF_INET6)
		a = &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr;
	if (a != NULL)
		inet_ntop(sa->sa_family, a, out, (socklen_t)size);
}

static void
http_notify(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode toe)
{
	const union MHD_ConnectionInfo *ci;
	struct http_conn *conn;

	(void)cls;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		conn = xcalloc(1, sizeof *conn);
		ci = MHD_get_connection_info(c,
		    MHD_CONNECTION_INFO_CONNECTION_FD);
		conn->fd = ci != NULL ? ci->connect_fd : -1;
		ci = MHD_get_connection_info(c,
		    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		http_addr(ci != NULL ? ci->client_addr : NULL, conn->addr,
		    sizeof conn->addr);
		conn->phase_ms = clock_mono_ms();
		conn->deadline_ms = conn->phase_ms +
		    http_conns.lim->tls_timeout * 1000;
		conn->phase = "TLS handshake and request line";
		conn->early = true;
		pthread_mutex_lock(&http_conns.mtx);
		http_conns.n++;
		conn->next = http_conns.head;
		if (conn->next != NULL)
			conn->next->prev = conn;
		http_conns.head = conn;
		pthread_mutex_unlock(&http_conns.mtx);
		*socket_context = conn;
		return;
	}
	if ((conn = *socket_context) == NULL)
		return;
	pthread_mutex_lock(&http_conns.mtx);
	http_conns.n--;
	if (conn->prev != NULL)
		conn->prev->next = conn->next;
	else
		http_conns.head = conn->next;
	if (conn->next != NULL)
		conn->next->prev = conn->prev;
	pthread_mutex_unlock(&http_conns.mtx);
	free(conn);
	*socket_context = NULL;
}

/* The request line is in: the rest of the head has head_timeout. */
static void *
http_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci;
	struct http_req *q;

	(void)cls;
	(void)uri;
	q = xcalloc(1, sizeof *q);
	q->start_ms = clock_now_ms();
	q->req.fd = -1;
	buf_init(&q->body, PROTO_MAX_BODY + 1);
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	if (ci != NULL && (q->conn = ci->socket_context) != NULL) {
		q->req.fd = q->conn->fd;
		snprintf(q->req.addr, sizeof q->req.addr, "%s",
		    q->conn->addr);
		http_deadline(q->conn, clock_mono_ms() +
		    http_conns.lim->head_timeout * 1000, "request head", true);
	}
	return q;
}

static enum MHD_Result
http_send(struct MHD_Connection *c, struct http_req *q, int status,
    const struct proto_reply *r, const char *allow)
{
	struct MHD_Response *resp;
	struct buf b;
	enum MHD_Result ret;
	char	 ra[24];

	buf_init(&b, PROTO_MAX_REPLY);
	proto_reply_json(&b, r);
	if (b.failed)
		return MHD_NO;
	resp = MHD_create_response_from_buffer(b.len, b.data,
	    MHD_RESPMEM_MUST_COPY);
	buf_free(&b);
	if (resp == NULL)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type",
	    "application/json; charset=utf-8");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	if (allow != NULL)
		MHD_add_response_header(resp, "Allow", allow);
	if (status == 401)
		MHD_add_response_header(resp, "WWW-Authenticate",
		    "Bearer realm=\"ntt-sync\"");
	if (q->retry_s > 0) {
		snprintf(ra, sizeof ra, "%lld", (long long)q->retry_s);
		MHD_add_response_header(resp, "Retry-After", ra);
	}
	ret = MHD_queue_response(c, (unsigned int)status, resp);
	MHD_destroy_response(resp);
	q->answered = true;
	q->status = status;
	if (status != 200)
		log_info("%s %s %s -> %d %s: %s", q->req.addr,
		    q->dev.device_id[0] ? q->dev.device_id : "-",
		    http_routes[q->route].path, status, r->error, r->message);
	return ret;
}

/* "application/json", optionally followed by parameters. */
static bool
http_is_json(const char *ct)
{
	size_t	 n = strlen("application/json");

	if (ct == NULL || strncasecmp(ct, "application/json", n) != 0)
		return false;
	return ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ';
}

/*
 * The first call for a request: everything that needs only its head. On
 * a refusal r, *status (and *allow) are set, and the verdict says when
 * to send it.
 */
static enum http_verdict
http_accept(struct srv *s, struct MHD_Connection *c, struct http_req *q,
    const char *url, const char *method, struct proto_reply *r,
    int *status, const char **allow)
{
	const char *ct, *ce, *cl;
	char	*cause = NULL, *end, key[OUTBOX_ID_MAX + 2];
	enum pos_rc rc;
	size_t	 i;
	long long len;
	int64_t	 body;

	for (i = 0; i < sizeof http_routes / sizeof http_routes[0]; i++)
		if (strcmp(url, http_routes[i].path) == 0)
			break;
	if (i == sizeof http_routes / sizeof http_routes[0]) {
		ingest_error(r, "not_found", "Tidak ada %.100s di server ini",
		    url);
		*status = 404;
		return HTTP_LATER;
	}
	q->route = http_routes[i].route;
	buf_free(&q->body);
	buf_init(&q->body, (size_t)http_routes[i].max_body + 1);
	if (strcmp(method, http_routes[i].method) != 0) {
		ingest_error(r, "method_not_allowed", "%s hanya menerima %s",
		    http_routes[i].path, http_routes[i].method);
		*status = 405;
		*allow = http_routes[i].method;
		return HTTP_LATER;
	}
	cl = NULL;
	if (strcmp(method, "POST") == 0) {
		ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_TYPE);
		ce = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_ENCODING);
		cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (!http_is_json(ct)) {
			ingest_error(r, "unsupported_media_type",
			    "Content-Type harus application/json, bukan %.60s",
			    ct != NULL ? ct : "(tidak ada)");
			*status = 415;
			return HTTP_LATER;
		}
		if (ce != NULL && strcasecmp(ce, "gzip") == 0)
			q->gzip = true;
		else if (ce != NULL && strcasecmp(ce, "identity") != 0) {
			ingest_error(r, "unsupported_media_type",
			    "Content-Encoding %.40s tidak didukung (gzip atau "
			    "identity)", ce);
			*status = 415;
			return HTTP_LATER;
		}
		if (cl != NULL) {
			errno = 0;
			len = strtoll(cl, &end, 10);
			if (errno != 0 || *end != '\0' || len < 0 ||
			    len > http_routes[i].max_body) {
				ingest_error(r, "too_large", "Badan permintaan "
				    "lebih dari %lld byte",
				    (long long)http_routes[i].max_body);
				*status = 413;
				return errno == 0 && len >= 0 &&
				    len <= HTTP_DRAIN_MAX ? HTTP_LATER :
				    HTTP_NOW;
			}
		}
	}
	/* The whole request: a base, and its body at request_min_rate. */
	body = strcmp(method, "POST") != 0 ? 0 : cl != NULL ?
	    (int64_t)strtoll(cl, NULL, 10) : http_routes[i].max_body;
	if (q->conn != NULL)
		http_deadline(q->conn, clock_mono_ms() + limit_request_ms(
		    s->lim.request_timeout * 1000, body,
		    s->lim.request_min_rate), "request", false);
	if (!http_routes[i].auth)
		return HTTP_ACCEPT;
	pg_watch(q->req.fd);
	rc = ingest_auth(s, MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_AUTHORIZATION), &q->dev, &cause);
	pg_watch(-1);
	if (rc == POS_ENOTFOUND) {
		ingest_error(r, "unauthorized", "%s", cause);
		*status = 401;
	} else if (rc != POS_OK) {
		log_warnx("auth: %s", cause);
		ingest_error(r, "unavailable", "Basis data server tidak siap; "
		    "coba lagi nanti");
		*status = 503;
	}
	free(cause);
	if (rc != POS_OK)
		return HTTP_LATER;
	/* R4.8: a credential's requests under its rate (per instance). */
	snprintf(key, sizeof key, "b:%s", q->dev.device_id);
	if (!rate_take(s->rates, key, s->lim.batch_per_min,
	    s->lim.batch_burst, &q->retry_s)) {
		ingest_error(r, "rate_limited", "Terlalu banyak permintaan "
		    "perangkat %s; coba lagi setelah %lld detik",
		    q->dev.device_id, (long long)q->retry_s);
		*status = 429;
		return HTTP_LATER;
	}
	return HTTP_ACCEPT;
}

/* The last call: the whole body is here. */
static void
http_run(struct srv *s, struct http_req *q, struct proto_reply *r,
    int *status)
{
	struct buf plain;
	const char *json = q->body.data != NULL ? q->body.data : "";
	size_t	 len = q->body.len;
	char	*cause = NULL;
	enum pos_rc rc;

	buf_init(&plain, PROTO_MAX_JSON + 1);
	if (q->too_big) {
		ingest_error(r, "too_large", "Badan permintaan lebih dari %lld "
		    "byte", (long long)http_routes[q->route].max_body);
		*status = 413;
		goto out;
	}
	if (q->gzip && q->route != HTTP_HEAD && q->route != HTTP_HEALTH) {
		rc = proto_gunzip(json, len, &plain, &cause);
		if (rc == POS_EFULL) {
			ingest_error(r, "too_large", "%s", cause);
			*status = 413;
			goto out;
		}
		if (rc != POS_OK) {
			ingest_error(r, "bad_request", "%s", cause);
			*status = 400;
			goto out;
		}
		json = plain.data != NULL ? plain.data : "";
		len = plain.len;
	}
	switch (q->route) {
	case HTTP_BATCH:
		ingest_batch(s, &q->dev, &q->req, json, len, r, status);
		break;
	case HTTP_ENROL:
		ingest_enrol(s, &q->req, json, len, r, status, &q->retry_s);
		break;
	case HTTP_HEAD:
		ingest_head(s, &q->dev, r, status);
		break;
	case HTTP_HEALTH:
		/* For a load balancer: no credential, no body, cheap. */
		if (pg_health(s->pool, &cause) != POS_OK) {
			ingest_error(r, "unavailable", "Basis data tidak "
			    "terjangkau: %.200s", cause);
			*status = 503;
		} else
			*status = 200;
		break;
	}
out:
	buf_free(&plain);
	free(cause);
}

static enum MHD_Result
http_handler(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	struct srv *s = cls;
	struct http_req *q = *con_cls;
	struct proto_reply r;
	const char *allow = NULL;
	enum MHD_Result ret;
	int	 status = 500;

	if (q == NULL)
		*con_cls = q = http_uri(NULL, url, c);
	if (!q->headed) {
		q->headed = true;
		memset(&r, 0, sizeof r);
		switch (http_accept(s, c, q, url, method, &r, &status,
		    &allow)) {
		case HTTP_NOW:
			return http_send(c, q, status, &r, allow);
		case HTTP_LATER:
			q->refusal = xmalloc(sizeof *q->refusal);
			*q->refusal = r;
			q->refusal_status = status;
			q->allow = allow;
			/* A refusal's body is drained, not waited for. */
			http_deadline(q->conn, clock_mono_ms() +
			    s->lim.request_timeout * 1000, "refused request",
			    false);
			break;
		case HTTP_ACCEPT:
			break;
		}
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		if (q->answered || q->refusal != NULL || q->too_big)
			q->drained += *upload_data_size;
		else if (buf_add(&q->body, upload_data, *upload_data_size) !=
		    POS_OK)
			q->too_big = true;
		*upload_data_size = 0;
		return q->drained > HTTP_DRAIN_MAX ? MHD_NO : MHD_YES;
	}
	if (q->answered)
		return MHD_YES;
	if (q->refusal != NULL)
		return http_send(c, q, q->refusal_status, q->refusal, q->allow);
	memset(&r, 0, sizeof r);
	pg_watch(q->req.fd);
	http_run(s, q, &r, &status);
	pg_watch(-1);
	ret = http_send(c, q, status, &r, NULL);
	if (status == 200)
		log_debug("%s %s -> 200 stored %lld dup %lld head %lld "
		    "(%lld ms)",
		    q->dev.device_id, url, (long long)r.stored,
		    (long long)r.duplicates, (long long)r.ack.acked_seq,
		    (long long)(clock_now_ms() - q->start_ms));
	return ret;
}

static void
http_done(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct http_req *q = *con_cls;

	if (q == NULL)
		return;
	if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK && !q->answered)
		log_info("%s %s %s: connection ended before the request was "
		    "complete (nothing stored)", q->req.addr,
		    q->dev.device_id[0] ? q->dev.device_id : "-",
		    http_routes[q->route].path);
	/* Kept alive: the next request line within idle + tls_timeout. */
	http_deadline(q->conn, clock_mono_ms() + (http_conns.lim->idle_timeout +
	    http_conns.lim->tls_timeout) * 1000, "idle", true);
	buf_free(&q->body);
	free(q->refusal);
	free(q);
	*con_cls = NULL;
}

static void	http_mhd_log(void *, const char *, va_list)
		    __attribute__((format(printf, 2, 0)));

static void
http_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char	 msg[512];
	size_t	 n;

	vsnprintf(msg, sizeof msg, fmt, ap);
	n = strlen(msg);
	while (n > 0 && msg[n - 1] == '\n')
		msg[--n] = '\0';
	log_debug("microhttpd: %s", msg);
}

/* Reads a PEM file whole; refuses a private key others can read. */
static char *
http_read_pem(const char *path, bool secret)
{
	struct stat st;
	struct buf b;
	char	 chunk[4096];
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		fatal("%s", path);
	if (fstat(fd, &st) == -1)
		fatal("%s", path);
	if (secret && (st.st_mode & 077) != 0)
		fatalx("%s: kunci rahasia dapat dibaca pengguna lain (mode "
		    "%03o): chmod 600", path, (unsigned)(st.st_mode & 0777));
	buf_init(&b, 1024 * 1024);
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, (size_t)n);
	close(fd);
	if (n < 0 || b.failed || b.len == 0)
		fatalx("%s: tidak dapat dibaca", path);
	return buf_take(&b, NULL);
}

static void
http_ready(const char *path, unsigned port)
{
	char	*tmp;
	FILE	*fp;

	tmp = xasprintf("%s.tmp", path);
	if ((fp = fopen(tmp, "w")) == NULL)
		fatal("%s", tmp);
	fprintf(fp, "%u\n", port);
	if (fclose(fp) != 0 || rename(tmp, path) != 0)
		fatal("%s", path);
	free(tmp);
}

int
http_serve(struct srv *s, const struct http_opts *o)
{
	struct addrinfo hints, *ai = NULL;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	struct rlimit rl;
	pthread_t reaper;
	sigset_t set;
	char	*host, *port, *cert, *key;
	unsigned flags;
	int	 sig, e;

	host = xstrdup(o->listen);
	if ((port = strrchr(host, ':')) == NULL)
		fatalx("--listen %s: harus HOST:PORT", o->listen);
	*port++ = '\0';
	if (host[0] == '[' && host[strlen(host) - 1] == ']') {
		memmove(host, host + 1, strlen(host));
		host[strlen(host) - 1] = '\0';
	}
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((e = getaddrinfo(host[0] ? host : NULL, port, &hints, &ai)) != 0)
		fatalx("--listen %s: %s", o->listen, gai_strerror(e));
	cert = http_read_pem(o->cert_file, false);
	key = http_read_pem(o->key_file, true);

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* A descriptor for every connection allowed, and some to spare. */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	http_conns.lim = &s->lim;
	atomic_store(&http_conns.stop, false);
	if (pthread_create(&reaper, NULL, http_reaper, NULL) != 0)
		fatalx("pthread_create");

	flags = MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL | MHD_USE_TLS |
	    MHD_USE_ERROR_LOG;
	if (ai->ai_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	(void)o->threads;	/* the database sessions; connections: below */
	d = MHD_start_daemon(flags, 0, NULL, NULL, http_handler, s,
	    MHD_OPTION_EXTERNAL_LOGGER, http_mhd_log, NULL,
	    MHD_OPTION_SOCK_ADDR, ai->ai_addr,
	    MHD_OPTION_HTTPS_MEM_KEY, key,
	    MHD_OPTION_HTTPS_MEM_CERT, cert,
	    MHD_OPTION_HTTPS_PRIORITIES,
	    "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)s->lim.idle_timeout,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)s->lim.max_connections,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT,
	    (unsigned)s->lim.per_address_connections,
	    MHD_OPTION_THREAD_STACK_SIZE, (size_t)(512 * 1024),
	    MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)256,
	    MHD_OPTION_NOTIFY_CONNECTION, http_notify, NULL,
	    MHD_OPTION_URI_LOG_CALLBACK, http_uri, NULL,
	    MHD_OPTION_NOTIFY_COMPLETED, http_done, NULL,
	    MHD_OPTION_END);
	sodium_memzero(key, strlen(key));
	if (d == NULL)
		fatalx("tidak dapat mendengarkan di %s (alamat dipakai, atau "
		    "sertifikat/kunci TLS tidak cocok)", o->listen);
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	log_info("ntt-server listening on %s port %u", host[0] ? host : "*",
	    info != NULL ? info->port : 0);
	if (o->ready_file != NULL && info != NULL)
		http_ready(o->ready_file, info->port);
	freeaddrinfo(ai);

	sigwait(&set, &sig);
	log_info("signal %d: stopping (%lld connections closed at a "
	    "deadline)", sig, (long long)atomic_load(&http_conns.shut));
	MHD_stop_daemon(d);
	atomic_store(&http_conns.stop, true);
	pthread_join(reaper, NULL);
	free(cert);
	free(key);
	free(host);
	return 0;
}
