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

/*
 * ledger-create.c: when a ledger's key file is missing, puts in place the
 * key an init left under its temporary name if it is the ledger's (pk).
 * POS_ENOTFOUND, cause untouched, when there is no such file.
 */
enum pos_rc	 ledger_create_finish(const char *db_path,
		    const char *key_path, const uint8_t pk[ENTRY_PK_LEN],
		    struct devkey *out, char **cause);

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
