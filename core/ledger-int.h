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

#endif
