/* SPDX-License-Identifier: ISC */
/*
 * "cups:QUEUE": one print job per document through `lp -d QUEUE -o raw`,
 * the bytes on its stdin. fork/exec with an argument vector: no shell, so
 * a queue name cannot run anything. stdin is a socket so that a dead lp
 * gives EPIPE instead of SIGPIPE in the till. The caller must not reap
 * children it did not start (a SIGCHLD handler with waitpid(-1) would
 * steal lp's exit status).
 */
#include <sys/socket.h>
#include <sys/wait.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "printer-int.h"

static enum pos_rc
printer_cups_open(struct printer *p, const char *arg, char **cause)
{
	const char *s;

	/* CUPS queue names: printable, no space, '/' or '#'; no option. */
	for (s = arg; *s != '\0'; s++) {
		if (!isalnum((unsigned char)*s) && strchr("_-.@", *s) == NULL)
			break;
	}
	if (*s != '\0' || *arg == '-' || s - arg > 127)
		return cause_set(cause, POS_EINVAL,
		    "Nama antrean CUPS tidak sah (%s)", arg);
	p->path = xstrdup(arg);
	return POS_OK;
}

static int64_t
printer_cups_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Reads lp's stderr into msg (first line kept) until EOF or the deadline;
 * returns false on the deadline.
 */
static bool
printer_cups_drain(int fd, char *msg, size_t size, int64_t deadline)
{
	struct pollfd pfd;
	size_t	 len = strlen(msg);
	ssize_t	 n;
	int64_t	 left;
	char	 junk[256];

	pfd.fd = fd;
	pfd.events = POLLIN;
	for (;;) {
		left = deadline - printer_cups_now_ms();
		if (left <= 0)
			return false;
		if (poll(&pfd, 1, (int)left) < 0 && errno != EINTR)
			return false;
		n = read(fd, junk, sizeof junk);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			return true;
		if (len + 1 < size) {
			if ((size_t)n > size - 1 - len)
				n = (ssize_t)(size - 1 - len);
			memcpy(msg + len, junk, (size_t)n);
			len += (size_t)n;
			msg[len] = '\0';
		}
	}
}

static enum pos_rc
printer_cups_write(struct printer *p, const void *data, size_t len,
    char **cause)
{
	char	*argv[] = { "lp", "-d", p->path, "-o", "raw", NULL };
	int	 sv[2] = { -1, -1 }, ev[2] = { -1, -1 }, null, status;
	char	 msg[160] = "", *nl;
	pid_t	 pid, w;
	bool	 done;
	enum pos_rc rc;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0 ||
	    pipe2(ev, O_CLOEXEC | O_NONBLOCK) != 0) {
		rc = printer_errno(cause, errno, "lp");
		goto out;
	}
	pid = fork();
	if (pid == -1) {
		rc = printer_errno(cause, errno, "lp");
		goto out;
	}
	if (pid == 0) {
		/* Only async-signal-safe calls until exec. */
		null = open("/dev/null", O_WRONLY);
		if (dup2(sv[1], 0) == -1 || null == -1 || dup2(null, 1) == -1 ||
		    dup2(ev[1], 2) == -1)
			_exit(126);
		execvp("lp", argv);
		_exit(127);
	}
	close(sv[1]);
	close(ev[1]);
	sv[1] = ev[1] = -1;
	fcntl(sv[0], F_SETFL, O_NONBLOCK);

	rc = printer_fd_write(sv[0], true, data, len, "lp", cause);
	close(sv[0]);
	sv[0] = -1;
	done = printer_cups_drain(ev[0],  msg, sizeof msg,
	    printer_cups_now_ms() + PRINTER_CUPS_MS);
	if (!done)
		kill(pid, SIGKILL);
	do
		w = waitpid(pid, &status, 0);
	while (w == -1 && errno == EINTR);
	if ((nl = strchr(msg, '\n')) != NULL)
		*nl = '\0';
	if (!done)
		rc = cause_set(cause, POS_EIO, "CUPS tidak merespons (%s)",
		    p->path);
	else if (w == -1)
		rc = printer_errno(cause, errno, "lp");
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		rc = cause_set(cause, POS_EIO,
		    "Program lp tidak ada (pasang cups-client)");
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		log_warnx("lp -d %s: %s", p->path, msg);
		rc = cause_set(cause, POS_EIO, "Gagal mencetak lewat CUPS: %s",
		    *msg != '\0' ? msg : p->path);
	}
out:
	if (sv[0] != -1)
		close(sv[0]);
	if (sv[1] != -1)
		close(sv[1]);
	if (ev[0] != -1)
		close(ev[0]);
	if (ev[1] != -1)
		close(ev[1]);
	return rc;
}

static void
printer_cups_close(struct printer *p)
{
}

const struct printer_backend printer_cups_backend = {
	.name = "cups",
	.open = printer_cups_open,
	.write = printer_cups_write,
	.status = NULL,
	.close = printer_cups_close,
};
