/* SPDX-License-Identifier: ISC */
/* Private to core/: the open ledger. Programs see it only as opaque. */
#ifndef NTT_LEDGER_INT_H
#define NTT_LEDGER_INT_H

#include "core.h"
#include "db.h"
#include "devkey.h"

struct ledger {
	struct db	*db;		/* owned */
	struct db_device dev;		/* identity from the genesis row */
	struct devkey	 key;		/* secrets; wiped at close */
	bool		 have_key;	/* false when opened read-only */
};

/* Appends e with an apply step inside the same transaction. */
enum pos_rc	 ledger_append_apply(struct ledger *, struct entry *,
		    const struct db_apply *, char **cause);

/*
 * catalog.c: appends an entry of kind (consign.in, stock.in,
 * consign.return) moving qty of product p, one "item" line.
 */
enum pos_rc	 catalog_move(struct ledger *, const char *author,
		    const char *kind, const struct product *p, int64_t qty,
		    char **cause);

#endif
