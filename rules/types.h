/* SPDX-License-Identifier: ISC */
/*
 * Plain data shared by every layer: the one result type, and the units we
 * count in. Money is int64_t whole rupiah (_rp), weight int64_t grams (_g),
 * instants int64_t Unix milliseconds UTC (_at_ms). Never floating point.
 */
#ifndef NTT_TYPES_H
#define NTT_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum pos_rc {
	POS_OK = 0,
	POS_EINVAL,	/* caller gave bad input; *cause says which */
	POS_ENOTFOUND,	/* item, sale, entry ... does not exist */
	POS_ESTATE,	/* not allowed now, or ledger not ours / too new */
	POS_EFULL,	/* disk or database full, buffer cap reached */
	POS_EDB,	/* other SQLite error */
	POS_EIO,	/* I/O error: ledger, printer, file */
	POS_ENET,	/* could not reach the server */
	POS_EPROTO,	/* peer answered something we do not understand */
	POS_ECORRUPT,	/* ledger corrupt or chain broken */
	/*
	 * Needs: nothing was refused or changed; the action waits for what
	 * only a person can give, then is made again (core/counter.h).
	 */
	POS_ENEED_APPROVAL,	/* a manager's code and PIN, on the spot */
	POS_ENEED_WEIGHT,	/* the grams of a weighed product */
};

/* A static English name for rc ("ok", "invalid input", ...). */
const char	*pos_strerror(enum pos_rc rc);

#define printflike(a, b) __attribute__((format(printf, a, b)))

#endif
