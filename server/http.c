/* SPDX-License-Identifier: ISC */
/*
 * HTTPS for ntt-server with libmicrohttpd: routing, the checks that need
 * only the request head (method, content type and encoding, declared
 * length, credential), the body collected under a cap, and the JSON reply.
 * A request refused on its head is answered after its body has been read
 * and thrown away (up to HTTP_DRAIN_MAX), so the client hears why.
 */
#include <sys/socket.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
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
};

/*
 * A refused request's body is read and thrown away up to this many bytes
 * before the refusal is sent, so the client reads the refusal instead of
 * a reset; past it the connection is closed.
 */
#define HTTP_DRAIN_MAX	(4 * PROTO_MAX_BODY)

enum http_verdict {
	HTTP_ACCEPT,	/* read the body, then run the request */
	HTTP_LATER,	/* refuse once the body is drained */
	HTTP_NOW,	/* refuse at once: the body is not worth reading */
};

struct http_req {
	enum http_route	 route;
	struct buf	 body;		/* as received, capped */
	bool		 gzip;		/* Content-Encoding: gzip */
	bool		 too_big;	/* the body passed PROTO_MAX_BODY */
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
} http_routes[] = {
	{ PROTO_PATH_BATCH, "POST", HTTP_BATCH, true },
	{ PROTO_PATH_ENROL, "POST", HTTP_ENROL, false },
	{ PROTO_PATH_HEAD, "GET", HTTP_HEAD, true },
};

static enum MHD_Result
http_send(struct MHD_Connection *c, struct http_req *q, int status,
    const struct proto_reply *r, const char *allow)
{
	struct MHD_Response *resp;
	struct buf b;
	enum MHD_Result ret;

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
	ret = MHD_queue_response(c, (unsigned int)status, resp);
	MHD_destroy_response(resp);
	q->answered = true;
	q->status = status;
	if (status != 200)
		log_info("%s %s -> %d %s: %s",
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
	char	*cause = NULL, *end;
	enum pos_rc rc;
	size_t	 i;
	long long len;

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
	if (strcmp(method, http_routes[i].method) != 0) {
		ingest_error(r, "method_not_allowed", "%s hanya menerima %s",
		    http_routes[i].path, http_routes[i].method);
		*status = 405;
		*allow = http_routes[i].method;
		return HTTP_LATER;
	}
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
			    len > PROTO_MAX_BODY) {
				ingest_error(r, "too_large", "Badan permintaan "
				    "lebih dari %d byte", PROTO_MAX_BODY);
				*status = 413;
				return errno == 0 && len >= 0 &&
				    len <= HTTP_DRAIN_MAX ? HTTP_LATER :
				    HTTP_NOW;
			}
		}
	}
	if (!http_routes[i].auth)
		return HTTP_ACCEPT;
	rc = ingest_auth(s, MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_AUTHORIZATION), &q->dev, &cause);
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
	return rc == POS_OK ? HTTP_ACCEPT : HTTP_LATER;
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
		ingest_error(r, "too_large", "Badan permintaan lebih dari %d "
		    "byte", PROTO_MAX_BODY);
		*status = 413;
		goto out;
	}
	if (q->gzip && q->route != HTTP_HEAD) {
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
		ingest_batch(s, &q->dev, json, len, r, status);
		break;
	case HTTP_ENROL:
		ingest_enrol(s, json, len, r, status);
		break;
	case HTTP_HEAD:
		ingest_head(s, &q->dev, r, status);
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

	if (q == NULL) {
		q = xcalloc(1, sizeof *q);
		q->start_ms = clock_now_ms();
		buf_init(&q->body, PROTO_MAX_BODY + 1);
		*con_cls = q;
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
	http_run(s, q, &r, &status);
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
		log_info("%s %s: connection ended before the request was "
		    "complete (nothing stored)",
		    q->dev.device_id[0] ? q->dev.device_id : "-",
		    http_routes[q->route].path);
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

	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_USE_TLS | MHD_USE_ERROR_LOG;
	if (ai->ai_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	d = MHD_start_daemon(flags, 0, NULL, NULL, http_handler, s,
	    MHD_OPTION_EXTERNAL_LOGGER, http_mhd_log, NULL,
	    MHD_OPTION_SOCK_ADDR, ai->ai_addr,
	    MHD_OPTION_HTTPS_MEM_KEY, key,
	    MHD_OPTION_HTTPS_MEM_CERT, cert,
	    MHD_OPTION_HTTPS_PRIORITIES,
	    "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads > 0 ?
	    o->threads : 4),
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)120,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
	    MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)256,
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
	log_info("signal %d: stopping", sig);
	MHD_stop_daemon(d);
	free(cert);
	free(key);
	free(host);
	return 0;
}
