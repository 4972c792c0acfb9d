/* SPDX-License-Identifier: ISC */
/*
 * "tcp:HOST[:PORT]": a network printer's raw port (9100 by default;
 * "[::1]:9100" for IPv6). One connection per document or status query:
 * printers drop idle connections, and a write into a half-dead one would
 * be lost without an error.
 */
#include <sys/socket.h>

#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "printer-int.h"

#define PRINTER_TCP_PORT	"9100"

/* Connects within PRINTER_CONNECT_MS; returns the fd or -1 with *cause. */
static int
printer_tcp_connect(struct printer *p, char **cause)
{
	struct addrinfo hints, *res = NULL, *ai;
	struct pollfd pfd;
	socklen_t slen;
	int	 fd = -1, err = ECONNREFUSED, r, soerr;
	char	*what;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	what = xasprintf("%s:%s", p->path, p->port);
	if (getaddrinfo(p->path, p->port, &hints, &res) != 0) {
		cause_set(cause, POS_EIO, "Alamat printer tidak dikenal (%s)",
		    what);
		free(what);
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK |
		    SOCK_CLOEXEC, ai->ai_protocol);
		if (fd == -1) {
			err = errno;
			continue;
		}
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		err = errno;
		if (err == EINPROGRESS) {
			pfd.fd = fd;
			pfd.events = POLLOUT;
			do
				r = poll(&pfd, 1, PRINTER_CONNECT_MS);
			while (r < 0 && errno == EINTR);
			soerr = ETIMEDOUT;
			slen = sizeof soerr;
			if (r > 0 && getsockopt(fd, SOL_SOCKET, SO_ERROR,
			    &soerr, &slen) == 0 && soerr == 0)
				break;
			err = r > 0 ? soerr : ETIMEDOUT;
		}
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd == -1)
		printer_errno(cause, err, what);
	free(what);
	return fd;
}

/*
 * Half-closes and waits a little for the printer to close too, so that
 * unread bytes from it (an automatic status) cannot turn our close into a
 * reset that discards the end of the document.
 */
static void
printer_tcp_finish(int fd)
{
	struct pollfd pfd;
	char	 junk[64];
	int	 i;

	shutdown(fd, SHUT_WR);
	pfd.fd = fd;
	pfd.events = POLLIN;
	for (i = 0; i < 64; i++) {
		if (poll(&pfd, 1, PRINTER_STATUS_MS) <= 0)
			break;
		if (read(fd, junk, sizeof junk) <= 0)
			break;
	}
	close(fd);
}

static enum pos_rc
printer_tcp_open(struct printer *p, const char *arg, char **cause)
{
	const char *colon, *host = arg, *end;
	size_t	 hlen;
	long	 port;
	char	*e;
	int	 fd;

	if (*arg == '[') {
		/* "[::1]:9100" */
		end = strchr(arg, ']');
		if (end == NULL)
			return cause_set(cause, POS_EINVAL,
			    "Alamat printer salah (%s)", arg);
		host = arg + 1;
		hlen = (size_t)(end - host);
		colon = end[1] == ':' ? end + 1 : NULL;
		if (end[1] != '\0' && colon == NULL)
			return cause_set(cause, POS_EINVAL,
			    "Alamat printer salah (%s)", arg);
	} else {
		colon = strrchr(arg, ':');
		hlen = colon != NULL ? (size_t)(colon - arg) : strlen(arg);
	}
	if (colon != NULL) {
		port = strtol(colon + 1, &e, 10);
		if (*e != '\0' || e == colon + 1 || port < 1 || port > 65535)
			return cause_set(cause, POS_EINVAL,
			    "Port printer salah (%s)", arg);
		p->port = xstrdup(colon + 1);
	} else
		p->port = xstrdup(PRINTER_TCP_PORT);
	if (hlen == 0)
		return cause_set(cause, POS_EINVAL, "Alamat printer kosong");
	p->path = xstrndup(host, hlen);

	/* Say now, not at the first sale, that the printer is away. */
	fd = printer_tcp_connect(p, cause);
	if (fd == -1)
		return POS_EIO;
	close(fd);
	return POS_OK;
}

static enum pos_rc
printer_tcp_write(struct printer *p, const void *data, size_t len,
    char **cause)
{
	enum pos_rc rc;
	int	 fd;

	fd = printer_tcp_connect(p, cause);
	if (fd == -1)
		return POS_EIO;
	rc = printer_fd_write(fd, true, data, len, p->path, cause);
	printer_tcp_finish(fd);
	return rc;
}

static enum pos_rc
printer_tcp_status(struct printer *p, enum printer_state *state,
    char **cause)
{
	enum pos_rc rc;
	int	 fd;

	fd = printer_tcp_connect(p, cause);
	if (fd == -1)
		return POS_EIO;
	rc = printer_fd_status(fd, true, state, p->path, cause);
	printer_tcp_finish(fd);
	return rc;
}

static void
printer_tcp_close(struct printer *p)
{
}

const struct printer_backend printer_tcp_backend = {
	.name = "tcp",
	.open = printer_tcp_open,
	.write = printer_tcp_write,
	.status = printer_tcp_status,
	.close = printer_tcp_close,
};
