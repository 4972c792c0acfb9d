/* SPDX-License-Identifier: ISC */
/*
 * Day reports and consignment statements from the ledger. An X report is a
 * look at a business day; the Z report closes it with a "day.close" entry
 * carrying the day's totals and the perpetual grand total (net sales since
 * the ledger began), chained and signed like every entry (R2.5). After a
 * closure, new entries belong to the next business day (db-journal.c).
 */
#ifndef NTT_REPORT_H
#define NTT_REPORT_H

#include "types.h"

struct actor;
struct ledger;

/*
 * The X or Z report of business day (NULL: today in WITA, or the day after
 * the last closure) as printer bytes for profile (NULL: the outlet's
 * printer.profile) and as plain text (either out may be NULL; both are
 * the caller's).
 */
enum pos_rc	 report_day(struct ledger *, const char *day, bool z,
		    const char *profile, char **bytes, size_t *lenp,
		    char **text, char **cause);
/*
 * Closes the business day that is open (day: NULL, or that same day
 * named): appends the day.close entry by a (core/auth.c), its totals
 * summed inside the write transaction, and returns its Z report like
 * report_day. The gate refuses any other day, a day with nothing since
 * the last closure, and a closure while a sale is open or held
 * (gate.h).
 */
enum pos_rc	 report_close_day(struct ledger *, const struct actor *a,
		    const char *day, const char *profile, char **bytes,
		    size_t *lenp, char **text, char **cause);
/*
 * The business day that is open (11 bytes): the day of the first business
 * entry since the last closure, else today, or the day after the last
 * closure when that is later (gate.h).
 */
enum pos_rc	 report_open_day(struct ledger *, char *day, char **cause);
/*
 * The consignment statement of supplier for days [from, to] (inclusive,
 * "YYYY-MM-DD"), as bytes and text like report_day; *share_rp (may be
 * NULL) is what the outlet owes the producer.
 */
enum pos_rc	 report_consign(struct ledger *, const char *supplier,
		    const char *from, const char *to, const char *profile,
		    char **bytes, size_t *lenp, char **text, int64_t *share_rp,
		    char **cause);

/*
 * The statement of settlement entry seq, as it was paid: its period,
 * method and reference, what was paid before it; copy marks it SALINAN
 * (a reprint). POS_ENOTFOUND for any other entry.
 */
enum pos_rc	 report_consign_settled(struct ledger *, int64_t seq,
		    bool copy, const char *profile, char **bytes,
		    size_t *lenp, char **text, char **cause);

/*
 * report-close.c. Closes month "YYYY-MM" by a: a month.close entry whose
 * fields are the sums of the month's day closures, summed inside the
 * write; the gate refuses a month not over, one closed before, one with
 * no day closed. Its paper as report_day.
 */
enum pos_rc	 report_close_month(struct ledger *, const struct actor *a,
		    const char *month, const char *profile, char **bytes,
		    size_t *lenp, char **text, char **cause);
/* The groups of the sales report: "produk", "kategori", "pemasok",
 * "kasir", "metode". */
const char *const *report_sales_groups(size_t *n);
/*
 * Sales over business days [from, to] by group, net of refunds (methods:
 * money taken less change and money paid back), as paper and text like
 * report_day; *total_rp (may be NULL) the total.
 */
enum pos_rc	 report_sales(struct ledger *, const char *group,
		    const char *from, const char *to, const char *profile,
		    char **bytes, size_t *lenp, char **text, int64_t *total_rp,
		    char **cause);
/*
 * The same as a CSV file in dir (NULL or "": the setting report.csv_dir,
 * else the folder FILE.laporan beside the ledger): written to a temporary
 * name, synced, renamed. *path (may be NULL) is the caller's.
 */
enum pos_rc	 report_sales_csv(struct ledger *, const char *group,
		    const char *from, const char *to, const char *dir,
		    char **path, int64_t *total_rp, char **cause);

#endif
