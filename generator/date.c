/*
 * date.c: calendar arithmetic on day numbers, as rules.md "Dates" defines
 * it.  Pure: only date_default_as_of() looks at the environment or clock.
 * The day-number conversions are Howard Hinnant's civil-date algorithms
 * (public domain), valid for every proleptic Gregorian date we accept.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core.h"

day_t
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (day_t)(era * 146097 + doe - 719468);
}

void
date_ymd(day_t z0, int *y, int *m, int *d)
{
	long z = (long)z0 + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int
date_parse(const char *s, size_t len, day_t *out)
{
	int y, m, d, i;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return 0;
	*out = date_from_ymd(y, m, d);
	return 1;
}

/* Writes n as exactly width decimal digits (n is not negative). */
static void
put_digits(char *out, unsigned n, int width)
{
	while (width-- > 0) {
		out[width] = (char)('0' + n % 10);
		n /= 10;
	}
}

/* Writes n in decimal (as "%d" would) and returns the end. */
static char *
put_int(char *out, int n)
{
	char tmp[12];
	unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;
	int i = 0;

	do
		tmp[i++] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (n < 0)
		*out++ = '-';
	while (i > 0)
		*out++ = tmp[--i];
	return out;
}

void
date_format(day_t t, char out[11])
{
	int y, m, d;

	if (t == DAY_NONE) {
		out[0] = '\0';
		return;
	}
	date_ymd(t, &y, &m, &d);
	put_digits(out, (unsigned)y % 10000, 4);
	out[4] = '-';
	put_digits(out + 5, (unsigned)m, 2);
	out[7] = '-';
	put_digits(out + 8, (unsigned)d, 2);
	out[10] = '\0';
}

void
date_human(day_t t, char out[32])
{
	static const char *const names[12] = { "January", "February",
	    "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	char *p;
	size_t n;
	int y, m, d;

	if (t == DAY_NONE) {
		out[0] = '\0';
		return;
	}
	/* By hand, not snprintf: a packet shows a dozen dates and this was
	 * a tenth of rendering one (make bench, perf). */
	date_ymd(t, &y, &m, &d);
	p = put_int(out, d);
	*p++ = ' ';
	n = strlen(names[m - 1]);
	memcpy(p, names[m - 1], n);
	p += n;
	*p++ = ' ';
	*put_int(p, y) = '\0';
}

/* rules.md: "+ N months" keeps the day of the month, or the month's last
 * day when it has fewer (31 August + 6 months is 28 or 29 February). */
day_t
date_add_months(day_t t, int months)
{
	int y, m, d, idx;

	if (t == DAY_NONE)
		return DAY_NONE;
	date_ymd(t, &y, &m, &d);
	idx = y * 12 + (m - 1) + months;
	y = idx / 12;
	m = idx % 12 + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	return date_from_ymd(y, m, d);
}

/* rules.md: 29 February plus one year is 28 February. */
day_t
date_add_years(day_t t, int years)
{
	return date_add_months(t, years * 12);
}

/* rules.md: the largest n with a + n months <= b. */
int
date_whole_months(day_t a, day_t b)
{
	int ya, ma, da, yb, mb, db, n;

	if (a == DAY_NONE || b == DAY_NONE || b < a)
		return 0;
	date_ymd(a, &ya, &ma, &da);
	date_ymd(b, &yb, &mb, &db);
	n = (yb - ya) * 12 + (mb - ma);
	/* The estimate is right or one too many (day of month). */
	while (n > 0 && date_add_months(a, n) > b)
		n--;
	return n;
}

int
date_fy(day_t t)
{
	int y, m, d;

	date_ymd(t, &y, &m, &d);
	return m >= 7 ? y : y - 1;
}

day_t
date_fy_start(int fy)
{
	return date_from_ymd(fy, 7, 1);
}

day_t
date_fy_end(int fy)
{
	return date_from_ymd(fy + 1, 6, 30);
}

void
date_fy_name(int fy, char out[8])
{
	put_digits(out, (unsigned)fy % 10000, 4);
	out[4] = '-';
	put_digits(out + 5, (unsigned)(fy + 1) % 100, 2);
	out[7] = '\0';
}

/* cli.md: YYYY-YY with the second year following the first. */
int
date_fy_parse(const char *s, int *fy)
{
	int i, y, next;

	if (strlen(s) != 7 || s[4] != '-')
		return 0;
	for (i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	next = (s[5] - '0') * 10 + (s[6] - '0');
	if (y < 1000 || next != (y + 1) % 100)
		return 0;
	*fy = y;
	return 1;
}

int
date_half(day_t t)
{
	int y, m, d;

	date_ymd(t, &y, &m, &d);
	return y * 2 + (m > 6);
}

int
period_parse(const char *s, size_t len, int *out)
{
	size_t i;
	int y, m;

	if (len != 7 || s[4] != '-')
		return 0;
	for (i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (y < 1000 || m < 1 || m > 12)
		return 0;
	*out = y * 12 + m - 1;
	return 1;
}

void
period_format(int period, char out[8])
{
	unsigned y = (unsigned)(period / 12) % 10000, m = (unsigned)(period % 12) + 1;

	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '\0';
}

day_t
period_first_day(int period)
{
	return date_from_ymd(period / 12, period % 12 + 1, 1);
}

void
period_name(int period, struct buf *b)
{
	char s[32], *sp;

	/* date_human's words without the day: one table of month names */
	date_human(period_first_day(period), s);
	sp = strchr(s, ' ');
	buf_puts(b, sp != NULL ? sp + 1 : s);
}

day_t
period_last_day(int period)
{
	return period_first_day(period + 1) - 1;
}

int
period_of(day_t t)
{
	int y, m, d;

	date_ymd(t, &y, &m, &d);
	return y * 12 + m - 1;
}

/* cli.md: --as-of, else the UTC date of SOURCE_DATE_EPOCH, else today.
 * A SOURCE_DATE_EPOCH that is not a number is ignored, as reproducible-
 * builds.org asks of tools. */
day_t
date_default_as_of(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (e != NULL && *e != '\0') {
		v = strtoll(e, &end, 10);
		if (*end == '\0' && v >= 0)
			return (day_t)(v / 86400);
	}
	return (day_t)(time(NULL) / 86400);
}
