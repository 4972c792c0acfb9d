/* SPDX-License-Identifier: ISC */
/*
 * Time: stored as int64_t Unix milliseconds UTC, shown in WITA (UTC+8,
 * Asia/Makassar, no daylight saving), whatever TZ the machine has.
 */
#ifndef NTT_CLOCK_H
#define NTT_CLOCK_H

#include "types.h"

#define CLOCK_WITA_OFFSET_S	(8 * 3600)

/*
 * Now, UTC ms. NTT_FAKE_NOW_MS in the environment fixes it, for tests that
 * need a given business day; it is logged in every entry like any time.
 */
int64_t	 clock_now_ms(void);
/*
 * Milliseconds on a clock that never jumps (CLOCK_MONOTONIC), for
 * deadlines, waits and rate limits; never stored, never shown.
 */
int64_t	 clock_mono_ms(void);
/* "2026-11-22" in WITA; out holds 11 bytes. */
char	*clock_wita_date(int64_t at_ms, char *out);
/* "22-11-2026 14:05" in WITA; out holds 17 bytes. */
char	*clock_wita_fmt(int64_t at_ms, char *out);
/* The calendar day after day ("2026-12-31" -> "2027-01-01"); false when
 * day is not a valid "YYYY-MM-DD". out holds 11 bytes. */
bool	 clock_day_next(const char *day, char *out);
/*
 * True when day is a real calendar day "YYYY-MM-DD" of the years this
 * program can mean (2000 to 2199): no "2026-02-30", no year 0000, digits
 * only. Every date typed anywhere passes through here.
 */
bool	 clock_day_valid(const char *day);
/* "2026-11-22T06:05:09.123Z"; out holds 25 bytes. */
char	*clock_utc_iso(int64_t at_ms, char *out);

#endif
