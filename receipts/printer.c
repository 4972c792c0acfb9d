/* SPDX-License-Identifier: ISC */
/*
 * Printers chosen by name ("file:PATH", "none", "dev:PATH", "tcp:HOST",
 * "cups:QUEUE"), the "none" back-end, and the descriptor helpers the others
 * share: bounded writes and the DLE EOT status query. What to print is
 * escpos.c's business; whether to print again after a failure is the
 * caller's (a reprint is a DUPLIKAT: docs/receipts.md).
 */
#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "printer-int.h"

static enum pos_rc
printer_none_open(struct printer *p, const char *arg, char **cause)
{
	if (*arg != '\0')
		return cause_set(cause, POS_EINVAL,
		    "Printer \"none\" tanpa argumen");
	return POS_OK;
}

static enum pos_rc
printer_none_write(struct printer *p, const void *data, size_t len,
    char **cause)
{
	return POS_OK;
}

static void
printer_none_close(struct printer *p)
{
}

static const struct printer_backend printer_none_backend = {
	.name = "none",
	.open = printer_none_open,
	.write = printer_none_write,
	.status = NULL,
	.close = printer_none_close,
};

static const struct printer_backend *printer_backends[] = {
	&printer_file_backend,
	&printer_none_backend,
	&printer_dev_backend,
	&printer_tcp_backend,
	&printer_cups_backend,
};

/* The back-end spec names and its argument, or why not. */
static enum pos_rc
printer_parse(const char *spec, const struct printer_backend **out,
    const char **argp, char **cause)
{
	const struct printer_backend *be = NULL;
	const char *colon, *arg;
	size_t	 i, len;

	if (spec == NULL || *spec == '\0')
		return cause_set(cause, POS_EINVAL, "Printer belum diatur");
	colon = strchr(spec, ':');
	len = colon != NULL ? (size_t)(colon - spec) : strlen(spec);
	arg = colon != NULL ? colon + 1 : "";
	for (i = 0; i < sizeof printer_backends / sizeof *printer_backends;
	    i++) {
		if (strlen(printer_backends[i]->name) == len &&
		    strncmp(printer_backends[i]->name, spec, len) == 0)
			be = printer_backends[i];
	}
	if (be == NULL)
		return cause_set(cause, POS_EINVAL,
		    "Jenis printer tidak dikenal: %.*s", (int)(len > 20 ?
		    20 : len), spec);
	if (be != &printer_none_backend && *arg == '\0')
		return cause_set(cause, POS_EINVAL,
		    "Printer %s: alamat kosong", be->name);
	*out = be;
	*argp = arg;
	return POS_OK;
}

enum pos_rc
printer_check(const char *spec, char **cause)
{
	const struct printer_backend *be;
	const char *arg;

	return printer_parse(spec, &be, &arg, cause);
}

enum pos_rc
printer_open(const char *spec, struct printer **out, char **cause)
{
	const struct printer_backend *be = NULL;
	struct printer *p;
	const char *arg;
	enum pos_rc rc;

	if ((rc = printer_parse(spec, &be, &arg, cause)) != POS_OK)
		return rc;
	p = xcalloc(1, sizeof *p);
	p->backend = be;
	p->fd = -1;
	rc = be->open(p, arg, cause);
	if (rc != POS_OK) {
		printer_close(p);
		return rc;
	}
	*out = p;
	return POS_OK;
}

void
printer_close(struct printer *p)
{
	if (p == NULL)
		return;
	p->backend->close(p);
	if (p->fd != -1)
		close(p->fd);
	free(p->path);
	free(p->port);
	free(p);
}

const char *
printer_backend(const struct printer *p)
{
	return p->backend->name;
}

enum pos_rc
printer_write(struct printer *p, const void *data, size_t len, char **cause)
{
	return p->backend->write(p, data, len, cause);
}

enum pos_rc
printer_status(struct printer *p, enum printer_state *state, char **cause)
{
	*state = PRINTER_UNKNOWN;
	if (p->backend->status == NULL)
		return POS_OK;
	return p->backend->status(p, state, cause);
}

enum pos_rc
printer_print(struct printer *p, const void *data, size_t len, char **cause)
{
	enum printer_state state;
	enum pos_rc rc;

	rc = printer_status(p, &state, cause);
	if (rc != POS_OK)
		return rc;
	if (state == PRINTER_PAPER_OUT || state == PRINTER_OFFLINE)
		return cause_set(cause, POS_EIO, "%s",
		    printer_state_text(state));
	return printer_write(p, data, len, cause);
}

const char *
printer_state_text(enum printer_state state)
{
	switch (state) {
	case PRINTER_UNKNOWN:	return "Status printer tidak diketahui";
	case PRINTER_READY:	return "Printer siap";
	case PRINTER_PAPER_LOW:	return "Kertas hampir habis";
	case PRINTER_PAPER_OUT:	return "Kertas habis";
	case PRINTER_OFFLINE:	return "Printer offline (tutup terbuka?)";
	}
	return "Status printer tidak diketahui";
}

enum pos_rc
printer_errno(char **cause, int err, const char *what)
{
	log_warnx("printer %s: %s", what, strerror(err));
	switch (err) {
	case EACCES:
	case EPERM:
		return cause_set(cause, POS_EIO,
		    "Tidak ada izin ke printer (%s)", what);
	case EBUSY:
		return cause_set(cause, POS_EIO,
		    "Printer sedang dipakai program lain (%s)", what);
	case ENOSPC:
	case EDQUOT:
		return cause_set(cause, POS_EIO, "Disk penuh (%s)", what);
	case EROFS:
		return cause_set(cause, POS_EIO, "Disk hanya-baca (%s)", what);
	case ETIMEDOUT:
		return cause_set(cause, POS_EIO,
		    "Printer tidak merespons (%s)", what);
	case EISDIR:
	case ENOTDIR:
	case ENAMETOOLONG:
		return cause_set(cause, POS_EIO, "Alamat printer salah (%s)",
		    what);
	}
	/* ENOENT, ENODEV, ENXIO, EIO, ECONNREFUSED, EPIPE, ... */
	return cause_set(cause, POS_EIO, "Printer tidak tersambung (%s)",
	    what);
}

enum pos_rc
printer_fd_write(int fd, bool sock, const void *data, size_t len,
    const char *what, char **cause)
{
	const char *s = data;
	struct pollfd pfd;
	ssize_t	 n;
	int	 r;

	while (len > 0) {
		if (sock)
			n = send(fd, s, len, MSG_NOSIGNAL);
		else
			n = write(fd, s, len);
		if (n > 0) {
			s += n;
			len -= (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
			return printer_errno(cause, n == 0 ? EIO : errno,
			    what);
		/*
		 * A printer out of paper or switched off stops reading: give
		 * up after a while instead of freezing the till.
		 */
		pfd.fd = fd;
		pfd.events = POLLOUT;
		r = poll(&pfd, 1, PRINTER_WRITE_MS);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return printer_errno(cause, errno, what);
		if (r == 0)
			return printer_errno(cause, ETIMEDOUT, what);
		if ((pfd.revents & POLLOUT) == 0)
			return printer_errno(cause, EIO, what);
	}
	return POS_OK;
}

/* Sends DLE EOT n; 1 and *byte set if a status byte came back, else 0. */
static int
printer_fd_ask(int fd, bool sock, uint8_t n, uint8_t *byte)
{
	uint8_t	 cmd[] = { 0x10, 0x04, n };
	struct pollfd pfd;
	ssize_t	 r;

	if (printer_fd_write(fd, sock, cmd, sizeof cmd, "status", NULL) !=
	    POS_OK)
		return -1;
	pfd.fd = fd;
	pfd.events = POLLIN;
	for (;;) {
		r = poll(&pfd, 1, PRINTER_STATUS_MS);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || (pfd.revents & POLLIN) == 0)
			return 0;
		r = read(fd, byte, 1);
		if (r < 0 && errno == EINTR)
			continue;
		/*
		 * Status bytes have bits 1 and 4 set and bits 0 and 7 clear
		 * (0x12 is "all well"); anything else is not an answer.
		 */
		return r == 1 && (*byte & 0x93) == 0x12;
	}
}

enum pos_rc
printer_fd_status(int fd, bool sock, enum printer_state *state,
    const char *what, char **cause)
{
	uint8_t	 junk[64], online, paper;
	int	 i, r;

	*state = PRINTER_UNKNOWN;
	/* Drop stale bytes, so an old answer is not read as this one. */
	for (i = 0; i < 16 && read(fd, junk, sizeof junk) > 0; i++)
		continue;
	r = printer_fd_ask(fd, sock, 1, &online);
	if (r < 0)
		return printer_errno(cause, EIO, what);
	if (r == 0)
		return POS_OK;
	r = printer_fd_ask(fd, sock, 4, &paper);
	if (r < 0)
		return printer_errno(cause, EIO, what);
	/* python-escpos masks: 0x60 paper end, 0x0c near end. */
	if (r == 1 && (paper & 0x60))
		*state = PRINTER_PAPER_OUT;
	else if (online & 0x08)
		*state = PRINTER_OFFLINE;
	else if (r == 1 && (paper & 0x0c))
		*state = PRINTER_PAPER_LOW;
	else
		*state = PRINTER_READY;
	return POS_OK;
}
