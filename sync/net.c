/* SPDX-License-Identifier: ISC */
/*
 * The one libcurl user. TLS as docs/requirements.md R4.2 asks: https only, the
 * province CA and nothing from the system store, peer and host name
 * verified, an optional SPKI pin, TLS 1.2 or newer, no redirects, and
 * stall timeouts (a slow link that still moves is never cut off). One
 * handle for the daemon's life so the connection is reused. The
 * credential is read again whenever its file changes, so a device
 * enrolled again works without a restart (docs/sync-install.md
 * §Enrolment).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "sync.h"
#include "version.h"

struct net {
	CURL		*h;
	char		*base;		/* server URL, borrowed from config */
	char		*auth;		/* "Authorization: Bearer ...", owned */
	const char	*token_file;	/* borrowed from config; NULL: none */
	struct stat	 token_st;	/* the credential file as last read */
	char		 err[CURL_ERROR_SIZE];
	struct buf	*reply;		/* during a transfer */
	int		 gzip_level;
	volatile sig_atomic_t *stop;
};

static size_t
net_write(char *p, size_t size, size_t n, void *arg)
{
	struct net *net = arg;

	if (buf_add(net->reply, p, size * n) != POS_OK)
		return 0;	/* an endless reply is not a reply */
	return size * n;
}

static int
net_progress(void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut,
    curl_off_t un)
{
	struct net *net = arg;

	return net->stop != NULL && *net->stop ? 1 : 0;
}

/* The credential file's identity: another file, or the same rewritten. */
static bool
net_same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	    a->st_size == b->st_size &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	    a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	    a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
	    a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

static enum pos_rc
net_token(const char *path, char **out, struct stat *stp, char **cause)
{
	struct stat st;
	char	 tok[PROTO_TOKEN_LEN + 2];
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return cause_set(cause, POS_ESTATE, "Kredensial %s tidak ada "
		    "(%s): daftarkan perangkat dengan ntt-sync enrol", path,
		    strerror(errno));
	if (fstat(fd, &st) == -1 || (st.st_mode & 077) != 0) {
		close(fd);
		return cause_set(cause, POS_ESTATE, "Kredensial %s dapat "
		    "dibaca pengguna lain: chmod 400 dulu", path);
	}
	n = read(fd, tok, sizeof tok);
	close(fd);
	if (n < PROTO_TOKEN_LEN || (n > PROTO_TOKEN_LEN &&
	    tok[PROTO_TOKEN_LEN] != '\n') || strspn(tok,
	    "0123456789abcdef") < PROTO_TOKEN_LEN) {
		sodium_memzero(tok, sizeof tok);
		return cause_set(cause, POS_ESTATE, "Kredensial %s rusak",
		    path);
	}
	tok[PROTO_TOKEN_LEN] = '\0';
	*out = xasprintf("Authorization: Bearer %s", tok);
	*stp = st;
	sodium_memzero(tok, sizeof tok);
	return POS_OK;
}

bool
net_token_changed(struct net *net)
{
	struct stat st;

	if (net == NULL || net->token_file == NULL ||
	    stat(net->token_file, &st) == -1)
		return false;
	return !net_same_file(&st, &net->token_st);
}

/*
 * Reads the credential again if its file changed. A file that cannot be
 * read (half way through an enrolment) leaves the one we have, which the
 * server then refuses in words the status line shows.
 */
static void
net_token_reload(struct net *net)
{
	struct stat st;
	char	*auth = NULL, *cause = NULL;

	if (!net_token_changed(net))
		return;
	if (net_token(net->token_file, &auth, &st, &cause) != POS_OK) {
		log_warnx("credential changed but not taken: %s", cause);
		free(cause);
		return;
	}
	sodium_memzero(net->auth, strlen(net->auth));
	free(net->auth);
	net->auth = auth;
	net->token_st = st;
	log_info("credential %s read again", net->token_file);
}

enum pos_rc
net_open(const struct sync_config *cf, bool with_token,
    volatile sig_atomic_t *stop, struct net **out, char **cause)
{
	struct net *net;
	CURL	*h;
	enum pos_rc rc;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return cause_set(cause, POS_EIO, "libcurl tidak siap");
	net = xcalloc(1, sizeof *net);
	net->base = cf->server;
	net->gzip_level = cf->gzip_level;
	net->stop = stop;
	if (with_token) {
		if ((rc = net_token(cf->token_file, &net->auth,
		    &net->token_st, cause)) != POS_OK) {
			free(net);
			return rc;
		}
		net->token_file = cf->token_file;
	}
	if ((h = net->h = curl_easy_init()) == NULL) {
		net_close(net);
		return cause_set(cause, POS_EIO, "libcurl tidak siap");
	}
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, 0L);
	curl_easy_setopt(h, CURLOPT_CAINFO, cf->ca_file);
	curl_easy_setopt(h, CURLOPT_CAPATH, NULL);	/* not the system's */
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(h, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
	if (cf->pin != NULL)
		curl_easy_setopt(h, CURLOPT_PINNEDPUBLICKEY, cf->pin);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, cf->connect_timeout_s);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, cf->stall_bytes);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, cf->stall_time_s);
	curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "ntt-sync/" NTT_VERSION);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, net->err);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, net_write);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, net);
	curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, net_progress);
	curl_easy_setopt(h, CURLOPT_XFERINFODATA, net);
	curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	*out = net;
	return POS_OK;
}

void
net_close(struct net *net)
{
	if (net == NULL)
		return;
	if (net->h != NULL)
		curl_easy_cleanup(net->h);
	if (net->auth != NULL) {
		sodium_memzero(net->auth, strlen(net->auth));
		free(net->auth);
	}
	free(net);
	curl_global_cleanup();
}

/* What went wrong, for the cashier's status line and the log. */
static enum pos_rc
net_fail(struct net *net, CURLcode cc, char **cause)
{
	const char *why = net->err[0] != '\0' ? net->err :
	    curl_easy_strerror(cc);

	switch (cc) {
	case CURLE_COULDNT_RESOLVE_HOST:
		return cause_set(cause, POS_ENET, "Nama server tidak dikenal "
		    "(tidak ada jaringan?): %s", why);
	case CURLE_COULDNT_CONNECT:
		return cause_set(cause, POS_ENET, "Tidak dapat menghubungi "
		    "server: %s", why);
	case CURLE_OPERATION_TIMEDOUT:
		return cause_set(cause, POS_ENET, "Jaringan macet, pengiriman "
		    "dihentikan: %s", why);
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
		return cause_set(cause, POS_ENET, "Server tidak dapat "
		    "dipercaya (sertifikat/kunci salah, atau jam perangkat "
		    "salah): %s", why);
	case CURLE_UNSUPPORTED_PROTOCOL:
		return cause_set(cause, POS_ENET, "Hanya https yang diizinkan: "
		    "%s", why);
	case CURLE_ABORTED_BY_CALLBACK:
		return cause_set(cause, POS_ENET, "Dihentikan (sinyal)");
	case CURLE_WRITE_ERROR:
		return cause_set(cause, POS_ENET, "Jawaban server terlalu "
		    "besar");
	default:
		return cause_set(cause, POS_ENET, "Pengiriman gagal: %s", why);
	}
}

enum pos_rc
net_request(struct net *net, const char *path, const void *body,
    size_t len, bool gzip, long *status, struct buf *reply, char **cause)
{
	struct curl_slist *hdr = NULL;
	struct buf z;
	char	*url;
	CURLcode cc;
	enum pos_rc rc = POS_OK;

	*status = 0;
	buf_init(&z, PROTO_MAX_BODY);
	url = xasprintf("%s%s", net->base, path);
	net->err[0] = '\0';
	net->reply = reply;
	curl_easy_setopt(net->h, CURLOPT_URL, url);
	net_token_reload(net);
	if (net->auth != NULL)
		hdr = curl_slist_append(hdr, net->auth);
	if (body != NULL) {
		hdr = curl_slist_append(hdr, "Content-Type: application/json");
		hdr = curl_slist_append(hdr, "Expect:");
		if (gzip) {
			rc = proto_gzip(body, len, net->gzip_level, &z,
			    cause);
			if (rc != POS_OK)
				goto out;
			body = z.data;
			len = z.len;
			hdr = curl_slist_append(hdr, "Content-Encoding: gzip");
		}
		curl_easy_setopt(net->h, CURLOPT_POST, 1L);
		curl_easy_setopt(net->h, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(net->h, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)len);
	} else
		curl_easy_setopt(net->h, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(net->h, CURLOPT_HTTPHEADER, hdr);
	cc = curl_easy_perform(net->h);
	curl_easy_setopt(net->h, CURLOPT_HTTPHEADER, NULL);
	if (cc != CURLE_OK) {
		rc = net_fail(net, cc, cause);
		goto out;
	}
	curl_easy_getinfo(net->h, CURLINFO_RESPONSE_CODE, status);
out:
	net->reply = NULL;
	curl_slist_free_all(hdr);
	buf_free(&z);
	free(url);
	return rc;
}
