/* SPDX-License-Identifier: ISC */
/* The one error idiom: an enum pos_rc plus an optional allocated cause. */
#include <stdarg.h>
#include <stdlib.h>

#include "util.h"

const char *
pos_strerror(enum pos_rc rc)
{
	switch (rc) {
	case POS_OK:		return "ok";
	case POS_EINVAL:	return "invalid input";
	case POS_ENOTFOUND:	return "not found";
	case POS_ESTATE:	return "not allowed now";
	case POS_EFULL:		return "full";
	case POS_EDB:		return "database error";
	case POS_EIO:		return "I/O error";
	case POS_ENET:		return "network error";
	case POS_EPROTO:	return "protocol error";
	case POS_ECORRUPT:	return "corrupt";
	case POS_ENEED_APPROVAL: return "needs a manager's approval";
	case POS_ENEED_WEIGHT:	return "needs a weight";
	}
	return "unknown error";
}

enum pos_rc
cause_set(char **cause, enum pos_rc rc, const char *fmt, ...)
{
	va_list	 ap;

	if (cause == NULL)
		return rc;
	free(*cause);
	va_start(ap, fmt);
	*cause = xvasprintf(fmt, ap);
	va_end(ap);
	return rc;
}
