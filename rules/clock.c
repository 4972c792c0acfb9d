/* SPDX-License-Identifier: ISC */
/* UTC storage, WITA display; no dependence on the machine's TZ. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"

int64_t
clock_now_ms(void)
{
	struct timespec ts;
	const char *fake;
	char	*end;
	long long v;

	if ((fake = getenv("NTT_FAKE_NOW_MS")) != NULL) {
		v = strtoll(fake, &end, 10);
		if (*fake != '\0' && *end == '\0' && v > 0)
			return v;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t
clock_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
clock_split(int64_t at_ms, int64_t offset_s, struct tm *tm)
{
	time_t	 t = (time_t)(at_ms / 1000 + offset_s);

	if (at_ms < 0 && at_ms % 1000 != 0)
		t--;
	gmtime_r(&t, tm);
}

/* Copies at most size - 1 bytes of src and a NUL into out. */
static char *
clock_copy(char *out, const char *src, size_t size)
{
	snprintf(out, size, "%.*s", (int)(size - 1), src);
	return out;
}

char *
clock_wita_date(int64_t at_ms, char *out)
{
	struct tm tm;
	char	 tmp[64];

	clock_split(at_ms, CLOCK_WITA_OFFSET_S, &tm);
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
	return clock_copy(out, tmp, 11);
}

char *
clock_wita_fmt(int64_t at_ms, char *out)
{
	struct tm tm;
	char	 tmp[64];

	clock_split(at_ms, CLOCK_WITA_OFFSET_S, &tm);
	snprintf(tmp, sizeof tmp, "%02d-%02d-%04d %02d:%02d", tm.tm_mday,
	    tm.tm_mon + 1, tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
	return clock_copy(out, tmp, 17);
}

char *
clock_utc_iso(int64_t at_ms, char *out)
{
	struct tm tm;
	char	 tmp[64];
	int	 ms = (int)(((at_ms % 1000) + 1000) % 1000);

	clock_split(at_ms, 0, &tm);
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, ms);
	return clock_copy(out, tmp, 25);
}

bool
clock_day_next(const char *day, char *out)
{
	struct tm tm;
	time_t	 t;
	char	 back[11];
	int	 y, m, d;

	if (strlen(day) != 10 || sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return false;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	t = timegm(&tm);
	/* Refuse what timegm normalised ("2026-02-30"). */
	clock_wita_date((int64_t)(t - CLOCK_WITA_OFFSET_S) * 1000, back);
	if (strcmp(back, day) != 0)
		return false;
	clock_wita_date((int64_t)(t + 86400 - CLOCK_WITA_OFFSET_S) * 1000, out);
	return true;
}

bool
clock_day_valid(const char *day)
{
	char	 next[11];
	int	 y;

	if (strlen(day) != 10 || day[4] != '-' || day[7] != '-' ||
	    strspn(day, "0123456789") != 4 ||
	    strspn(day + 5, "0123456789") != 2 ||
	    strspn(day + 8, "0123456789") != 2)
		return false;
	y = (day[0] - '0') * 1000 + (day[1] - '0') * 100 +
	    (day[2] - '0') * 10 + (day[3] - '0');
	return y >= 2000 && y <= 2199 && clock_day_next(day, next);
}
