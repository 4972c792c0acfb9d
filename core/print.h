/* SPDX-License-Identifier: ISC */
/*
 * Printing receipts from the ledger. A sale's receipt, or a refund's slip,
 * is queued in the entry's own transaction (db-print.c); print_pump() prints what waits,
 * after the commit, and keeps a failed job for the next try, so printing
 * never loses or blocks a sale. The receipt is built from the committed
 * entry, so the paper shows exactly what the ledger holds, and a reprint
 * is the same receipt marked DUPLIKAT and logged as a chained event
 * (docs/requirements.md R2.7).
 *
 * Outlet settings used: outlet.address, npwp, pkp ("1": PKP),
 * receipt.footer, printer (a receipts.h printer name, default "none"),
 * printer.profile ("58", "80", ...; default "58").
 */
#ifndef NTT_PRINT_H
#define NTT_PRINT_H

#include "types.h"

struct actor;
struct ledger;

struct print_status {
	int64_t	 pending;		/* receipts waiting to print */
	char	 last_error[160];	/* why the oldest one failed, or "" */
};

/*
 * Prints every pending receipt in order on printer (a printer name; NULL:
 * the outlet's "printer" setting). Stops at the first failure, which is
 * recorded on the job and returned (POS_EIO, *cause in Bahasa Indonesia:
 * "Kertas habis", "Printer tidak tersambung"); the job stays queued.
 * *printed counts what was printed (may be NULL).
 */
enum pos_rc	 print_pump(struct ledger *, const char *printer,
		    int64_t *printed, char **cause);
/*
 * Marks the receipts queued for entries up to seq upto_seq as printed
 * without printing them, in one transaction; *n (may be NULL) counts them.
 * Only for sales whose paper was printed elsewhere: imports, and the
 * bench generator (a year of receipts through print_pump takes ~30 min).
 * Never offered at the counter.
 */
enum pos_rc	 print_settle(struct ledger *, int64_t upto_seq, int64_t *n,
		    char **cause);
/*
 * Queues a DUPLIKAT copy of sale or refund seq, logged as an "event" entry
 * by a (with its approver) in the same transaction. POS_ENOTFOUND for any
 * other entry.
 */
enum pos_rc	 print_reprint(struct ledger *, const struct actor *a,
		    int64_t seq, char **cause);
enum pos_rc	 print_status(struct ledger *, struct print_status *,
		    char **cause);
/*
 * Sends bytes (a report, a statement) straight to printer (a printer
 * name; NULL: the outlet's "printer" setting). Not queued: the document
 * can be made again from the ledger at any time.
 */
enum pos_rc	 print_raw(struct ledger *, const char *printer,
		    const char *bytes, size_t len, char **cause);
/*
 * A paper of entry seq that is not a receipt (an intake note, a
 * statement): its text kept as struk/DEVICE-SEQ.txt beside the ledger
 * (path, size bytes), then bytes sent to the outlet's printer.
 */
enum pos_rc	 print_paper(struct ledger *, int64_t seq, const char *text,
		    const char *bytes, size_t len, char *path, size_t size,
		    char **cause);
/*
 * The plain text of entry seq's receipt or refund slip as laid out for
 * profile: the archive copy kept beside the ledger. *text is the caller's.
 */
enum pos_rc	 print_text(struct ledger *, int64_t seq, const char *profile,
		    char **text, char **cause);
/*
 * The receipt bytes for entry seq (copy 0: the original) for profile,
 * without touching the queue: for previews and tests. *out is the
 * caller's.
 */
enum pos_rc	 print_render(struct ledger *, int64_t seq, int64_t copy,
		    int64_t reprint_at_ms, const char *profile, char **out,
		    size_t *lenp, char **cause);

/*
 * After sale or refund seq is committed (print-archive.c): the plain text
 * of its receipt kept as <ledger dir>/struk/NUMBER.txt (temp, fsync,
 * rename), then the queue pumped. Never undoes anything: what went wrong
 * is said in out->error, and the receipt stays queued for Ctrl-P.
 */
struct print_outcome {
	bool	 printed;		/* on the printer */
	char	 path[512];		/* the text copy, or "" */
	char	 error[160];		/* "" if fine */
};
void		 print_archive(struct ledger *, int64_t seq,
		    struct print_outcome *out);

#endif
