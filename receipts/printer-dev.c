/* SPDX-License-Identifier: ISC */
/*
 * "dev:PATH[@BAUD]": a printer device file, USB (/dev/usb/lp0) or serial
 * (/dev/ttyUSB0@9600). A tty is put in raw 8N1 mode so no byte of a raster
 * image is translated. After any error the device is closed and opened
 * again on the next call, so unplugging and replugging the printer works.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "printer-int.h"

static const struct {
	int	 baud;
	speed_t	 speed;
} printer_dev_speeds[] = {
	{ 9600, B9600 }, { 19200, B19200 }, { 38400, B38400 },
	{ 57600, B57600 }, { 115200, B115200 },
};

static enum pos_rc
printer_dev_tty(struct printer *p, char **cause)
{
	struct termios t;
	size_t	 i;

	if (tcgetattr(p->fd, &t) != 0)
		return printer_errno(cause, errno, p->path);
	cfmakeraw(&t);
	/* No modem lines: never hang up the printer when we close. */
	t.c_cflag |= CLOCAL | CREAD;
	t.c_cflag &= ~(tcflag_t)HUPCL;
	for (i = 0; i < sizeof printer_dev_speeds /
	    sizeof *printer_dev_speeds; i++) {
		if (printer_dev_speeds[i].baud == p->baud) {
			cfsetispeed(&t, printer_dev_speeds[i].speed);
			cfsetospeed(&t, printer_dev_speeds[i].speed);
		}
	}
	if (tcsetattr(p->fd, TCSANOW, &t) != 0)
		return printer_errno(cause, errno, p->path);
	return POS_OK;
}

static enum pos_rc
printer_dev_connect(struct printer *p, char **cause)
{
	int	 flags = O_NOCTTY | O_NONBLOCK | O_CLOEXEC;
	enum pos_rc rc;

	if (p->fd != -1)
		return POS_OK;
	p->fd = open(p->path, O_RDWR | flags);
	/* A write-only device still prints; its status is unknown. */
	if (p->fd == -1 && (errno == EACCES || errno == EROFS))
		p->fd = open(p->path, O_WRONLY | flags);
	if (p->fd == -1)
		return printer_errno(cause, errno, p->path);
	if (isatty(p->fd)) {
		rc = printer_dev_tty(p, cause);
		if (rc != POS_OK) {
			close(p->fd);
			p->fd = -1;
			return rc;
		}
	}
	return POS_OK;
}

static enum pos_rc
printer_dev_open(struct printer *p, const char *arg, char **cause)
{
	const char *at;
	char	*end;
	long	 baud;
	size_t	 i;

	at = strrchr(arg, '@');
	if (at != NULL) {
		baud = strtol(at + 1, &end, 10);
		for (i = 0; i < sizeof printer_dev_speeds /
		    sizeof *printer_dev_speeds; i++) {
			if (printer_dev_speeds[i].baud == baud)
				break;
		}
		if (*end != '\0' || end == at + 1 ||
		    i == sizeof printer_dev_speeds / sizeof *printer_dev_speeds)
			return cause_set(cause, POS_EINVAL,
			    "Kecepatan serial tidak sah: %s", at + 1);
		p->baud = (int)baud;
		p->path = xstrndup(arg, (size_t)(at - arg));
	} else
		p->path = xstrdup(arg);
	if (*p->path != '/')
		return cause_set(cause, POS_EINVAL,
		    "Alamat printer salah (%s)", p->path);
	return printer_dev_connect(p, cause);
}

static void
printer_dev_drop(struct printer *p)
{
	if (p->fd != -1)
		close(p->fd);
	p->fd = -1;
}

static enum pos_rc
printer_dev_write(struct printer *p, const void *data, size_t len,
    char **cause)
{
	enum pos_rc rc;

	rc = printer_dev_connect(p, cause);
	if (rc == POS_OK)
		rc = printer_fd_write(p->fd, false, data, len, p->path, cause);
	if (rc != POS_OK)
		printer_dev_drop(p);
	return rc;
}

static enum pos_rc
printer_dev_status(struct printer *p, enum printer_state *state,
    char **cause)
{
	enum pos_rc rc;

	rc = printer_dev_connect(p, cause);
	if (rc == POS_OK)
		rc = printer_fd_status(p->fd, false, state, p->path, cause);
	if (rc != POS_OK)
		printer_dev_drop(p);
	return rc;
}

static void
printer_dev_close(struct printer *p)
{
}

const struct printer_backend printer_dev_backend = {
	.name = "dev",
	.open = printer_dev_open,
	.write = printer_dev_write,
	.status = printer_dev_status,
	.close = printer_dev_close,
};
