/* SPDX-License-Identifier: ISC */
/*
 * Logging in the OpenSMTPD vocabulary. Programs choose the destination; the
 * library only logs. fatal() runs the hook first so a curses program can
 * restore the terminal.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

static FILE	*log_fp;
static void	(*log_fatal_hook)(void);

void
log_open(const char *path)
{
	FILE	*fp;

	if ((fp = fopen(path, "a")) == NULL)
		return;
	setvbuf(fp, NULL, _IOLBF, 0);
	if (log_fp != NULL && log_fp != stderr)
		fclose(log_fp);
	log_fp = fp;
}

void
log_set_fatal_hook(void (*hook)(void))
{
	log_fatal_hook = hook;
}

static void	log_vwrite(const char *, const char *, va_list, int)
		    printflike(2, 0);
static _Noreturn void log_vfatal(const char *, va_list, int)
		    printflike(1, 0);

static void
log_vwrite(const char *level, const char *fmt, va_list ap, int err)
{
	FILE	*fp = log_fp != NULL ? log_fp : stderr;
	char	 stamp[32];
	time_t	 now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(fp, "%s %s: ", stamp, level);
	vfprintf(fp, fmt, ap);
	if (err)
		fprintf(fp, ": %s", strerror(err));
	fputc('\n', fp);
	fflush(fp);
}

#define LOG_FN(name, level, witherr)				\
void								\
name(const char *fmt, ...)					\
{								\
	va_list	 ap;						\
	int	 err = errno;					\
								\
	va_start(ap, fmt);					\
	log_vwrite(level, fmt, ap, (witherr) ? err : 0);	\
	va_end(ap);						\
}

LOG_FN(log_info, "info", 0)
LOG_FN(log_warnx, "warn", 0)
LOG_FN(log_warn, "warn", 1)

void
log_debug(const char *fmt, ...)
{
	va_list	 ap;

	if (getenv("NTT_DEBUG") == NULL)
		return;
	va_start(ap, fmt);
	log_vwrite("debug", fmt, ap, 0);
	va_end(ap);
}

static _Noreturn void
log_vfatal(const char *fmt, va_list ap, int err)
{
	if (log_fatal_hook != NULL)
		log_fatal_hook();
	log_vwrite("fatal", fmt, ap, err);
	exit(1);
}

void
fatalx(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_vfatal(fmt, ap, 0);
}

void
fatal(const char *fmt, ...)
{
	va_list	 ap;
	int	 err = errno;

	va_start(ap, fmt);
	log_vfatal(fmt, ap, err);
}
