/* SPDX-License-Identifier: ISC */
/*
 * Printer back-ends, private to receipts/: each is a const table of
 * functions chosen by the name before the ':' in printer_open()'s spec
 * (docs/STYLE.md §Back-ends chosen by name).
 */
#ifndef NTT_PRINTER_INT_H
#define NTT_PRINTER_INT_H

#include <sys/types.h>

#include "receipts.h"

struct printer;

struct printer_backend {
	const char	*name;		/* "file", "none", "dev", ... */
	/* arg is the text after "name:" ("" for none); borrowed. */
	enum pos_rc	 (*open)(struct printer *, const char *arg,
			    char **cause);
	enum pos_rc	 (*write)(struct printer *, const void *, size_t,
			    char **cause);
	/* NULL when the back-end cannot ask: the state is unknown. */
	enum pos_rc	 (*status)(struct printer *, enum printer_state *,
			    char **cause);
	void		 (*close)(struct printer *);
};

struct printer {
	const struct printer_backend *backend;
	int		 fd;		/* open descriptor, or -1 */
	char		*path;		/* file/device path, host, or queue */
	char		*port;		/* tcp: service; NULL otherwise */
	int		 baud;		/* dev: serial speed, 0 to leave it */
};

extern const struct printer_backend printer_file_backend;
extern const struct printer_backend printer_dev_backend;
extern const struct printer_backend printer_tcp_backend;
extern const struct printer_backend printer_cups_backend;

/*
 * printer.c: shared by the descriptor back-ends. printer_fd_write sends all
 * of len bytes to a non-blocking fd, giving up after PRINTER_WRITE_MS
 * without progress (send() without SIGPIPE when sock). printer_fd_status
 * asks DLE EOT 1 and 4 on a non-blocking read/write fd. what (the path or
 * host) goes into *cause.
 */
enum pos_rc	 printer_fd_write(int fd, bool sock, const void *, size_t,
		    const char *what, char **cause);
enum pos_rc	 printer_fd_status(int fd, bool sock, enum printer_state *,
		    const char *what, char **cause);
/* The cashier's words for an errno from open/connect/write. */
enum pos_rc	 printer_errno(char **cause, int err, const char *what);

#endif
