/* SPDX-License-Identifier: ISC */
/*
 * "file:PATH": appends every document to a file and fsyncs it. For demos,
 * tests, and an archive copy of receipts; no status (always unknown).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "printer-int.h"

static enum pos_rc
printer_file_open(struct printer *p, const char *arg, char **cause)
{
	p->path = xstrdup(arg);
	p->fd = open(arg, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (p->fd == -1)
		return printer_errno(cause, errno, arg);
	return POS_OK;
}

static enum pos_rc
printer_file_write(struct printer *p, const void *data, size_t len,
    char **cause)
{
	enum pos_rc rc;

	rc = printer_fd_write(p->fd, false, data, len, p->path, cause);
	if (rc != POS_OK)
		return rc;
	/* The file is the record of what was printed: make it durable. */
	if (fsync(p->fd) != 0)
		return printer_errno(cause, errno, p->path);
	return POS_OK;
}

static void
printer_file_close(struct printer *p)
{
}

const struct printer_backend printer_file_backend = {
	.name = "file",
	.open = printer_file_open,
	.write = printer_file_write,
	.status = NULL,
	.close = printer_file_close,
};
