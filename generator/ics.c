/*
 * ics.c: a packet's next steps as an iCalendar file (cli.md,
 * private/packets/ID.ics; RFC 5545): one all-day event per alert dated
 * on or after the as-of date, so an employee with a computer gets the
 * deadlines in their own calendar.
 *
 * Written with libical, which escapes text (, ; \ and newlines as RFC
 * 5545 3.3.11 asks): the format's corners are the library's, not ours,
 * but for one.  libical 3.0 folds a line (3.1) with its CRLF counted in
 * the line: a last part of 73 octets with no blank, colon or semicolon
 * in it is folded between the CR and the LF, leaving a bare CR and a
 * line of a blank and a bare LF.  Measured on the demo (2,000
 * employees): 3 of 161 files, in UIDs of 73 octets; any word that long
 * in a title would do it too.  So ics_fold() unfolds what libical
 * writes and folds it again: 75 octets at most, never inside a UTF-8
 * character.  Nothing comes from the clock: DTSTAMP is
 * the as-of date at midnight UTC, and each UID is made from the
 * employee, the alert and its date, so the same input gives the same
 * bytes and a calendar that imports the file again updates its events
 * instead of doubling them.
 */
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "extern.h"

/* An all-day date (VALUE=DATE). */
static struct icaltimetype
ics_date(day_t t)
{
	struct icaltimetype d = icaltime_null_date();
	int y, m, dd;

	date_ymd(t, &y, &m, &dd);
	d.year = y;
	d.month = m;
	d.day = dd;
	return d;
}

/* cli.md: DTSTAMP is the as-of date at 00:00:00Z. */
static struct icaltimetype
ics_stamp(day_t t)
{
	struct icaltimetype d = icaltime_null_time();
	int y, m, dd;

	date_ymd(t, &y, &m, &dd);
	d.year = y;
	d.month = m;
	d.day = dd;
	d.zone = icaltimezone_get_utc_timezone();
	return d;
}

/*
 * cli.md: UID ID-CODE-CLASS-YYYYMMDD@umpress (CLASS left out for an
 * alert about no title).  Two alerts of one code, title and date (two
 * plan steps due the same day) would share it: the second and later
 * get -2, -3, ... in the packet's order, which the same input repeats.
 */
static void
ics_uid(const struct packet *p, size_t i, struct buf *b)
{
	const struct alert *a = &p->alerts[i], *o;
	char d[11];
	size_t j, k = 1;

	for (j = 0; j < i; j++) {
		o = &p->alerts[j];
		k += o->code == a->code && o->on == a->on &&
		    (o->class_code == a->class_code || (o->class_code &&
		    a->class_code && strcmp(o->class_code, a->class_code) ==
		    0));
	}
	date_format(a->on, d);
	buf_reset(b);
	buf_printf(b, "%s-%s-", p->h->emp.id, alert_code_name(a->code));
	if (a->class_code != NULL)
		buf_printf(b, "%s-", a->class_code);
	buf_printf(b, "%.4s%.2s%.2s", d, d + 5, d + 8);
	if (k > 1)
		buf_printf(b, "-%zu", k);
	BUF_LIT(b, "@umpress");
}

/* RFC 5545 3.1: a line's octets, not counting its CRLF. */
#define ICS_LINE	75

/*
 * Appends one logical line of len octets, folded: at most ICS_LINE
 * octets a line, a continuation line's leading blank counted, and the
 * fold before a character, never inside its UTF-8 sequence ("Multi-octet
 * characters MUST NOT be split", 3.1 note).  Bytes that are not UTF-8
 * (none come from umpress) are cut where the line is full.
 */
static void
ics_fold_line(struct buf *out, const char *p, size_t len)
{
	size_t max = ICS_LINE, take;

	for (;;) {
		take = len;
		if (take > max) {
			take = max;
			while (take > 0 &&
			    ((unsigned char)p[take] & 0xC0) == 0x80)
				take--;
			if (take == 0)
				take = max;
		}
		buf_put(out, p, take);
		BUF_LIT(out, "\r\n");
		p += take;
		len -= take;
		if (len == 0)
			break;
		buf_putc(out, ' ');
		max = ICS_LINE - 1;
	}
}

/* extern.h.  Unfolding first (3.1: a CRLF followed by a blank is taken
 * out) undoes whatever folding was there, right or wrong. */
void
ics_fold(struct buf *out, const char *s, size_t len)
{
	struct buf u = {0};
	const char *p, *end, *nl;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\r' && i + 2 < len && s[i + 1] == '\n' &&
		    (s[i + 2] == ' ' || s[i + 2] == '\t')) {
			i += 2;
			continue;
		}
		buf_putc(&u, s[i]);
	}
	if (u.len == 0)
		return;
	for (p = u.data, end = u.data + u.len; p < end; p = nl + 2) {
		nl = p;
		while (nl < end && !(nl[0] == '\r' && nl + 1 < end &&
		    nl[1] == '\n'))
			nl++;
		ics_fold_line(out, p, (size_t)(nl - p));
		if (nl == end)
			break;
	}
	buf_free(&u);
}

/* Adds prop to comp; 0 when libical could not make it (NULL). */
static int
ics_add(icalcomponent *comp, icalproperty *prop)
{
	if (comp == NULL || prop == NULL) {
		icalproperty_free(prop);
		return 0;
	}
	icalcomponent_add_property(comp, prop);
	return 1;
}

/* The calendar with its header; NULL when libical failed. */
static icalcomponent *
ics_calendar(void)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);

	if (cal == NULL)
		return NULL;
	if (!ics_add(cal, icalproperty_new_version("2.0")) ||
	    !ics_add(cal, icalproperty_new_prodid("-//umpress//EN")) ||
	    !ics_add(cal, icalproperty_new_calscale("GREGORIAN"))) {
		icalcomponent_free(cal);
		return NULL;
	}
	return cal;
}

/* The event of alert i into cal; 0 when libical failed. */
static int
ics_event(icalcomponent *cal, const struct packet *p, size_t i,
    const struct catalog *c, const struct config *s, struct buf *uid,
    struct buf *words)
{
	icalcomponent *ev;
	int ok;

	if ((ev = icalcomponent_new(ICAL_VEVENT_COMPONENT)) == NULL)
		return 0;
	ics_uid(p, i, uid);
	buf_reset(words);
	view_alert_text(&p->alerts[i], p, c, s, words);
	ok = ics_add(ev, icalproperty_new_uid(uid->data)) &&
	    ics_add(ev, icalproperty_new_dtstamp(ics_stamp(p->as_of))) &&
	    ics_add(ev, icalproperty_new_dtstart(ics_date(p->alerts[i].on))) &&
	    ics_add(ev, icalproperty_new_dtend(ics_date(p->alerts[i].on +
	    1))) &&
	    ics_add(ev, icalproperty_new_summary(words->data ? words->data :
	    "")) &&
	    /* A deadline, not a meeting: it does not make the day busy. */
	    ics_add(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	if (!ok) {
		icalcomponent_free(ev);
		return 0;
	}
	icalcomponent_add_component(cal, ev);
	return 1;
}

int
ics_packet(const struct packet *p, const struct catalog *c,
    const struct config *s, struct buf *out, struct diag *d)
{
	icalcomponent *cal;
	struct buf uid = {0}, words = {0};
	char *text = NULL;
	size_t i;
	int n = 0;

	if ((cal = ics_calendar()) == NULL)
		goto fail;
	for (i = 0; i < p->nalerts; i++) {
		/* cli.md: past dates are not calendar events; the packet
		 * lists them. */
		if (p->alerts[i].on == DAY_NONE || p->alerts[i].on < p->as_of)
			continue;
		if (!ics_event(cal, p, i, c, s, &uid, &words))
			goto fail;
		n++;
	}
	if (n > 0) {
		if ((text = icalcomponent_as_ical_string_r(cal)) == NULL)
			goto fail;
		ics_fold(out, text, strlen(text));
		icalmemory_free_buffer(text);
	}
	icalcomponent_free(cal);
	buf_free(&uid);
	buf_free(&words);
	return n;
fail:
	diag_msg(d, DIAG_ERROR, "the calendar file of %s: libical failed: %s",
	    p->h->emp.id, icalerror_strerror(icalerrno));
	if (cal != NULL)
		icalcomponent_free(cal);
	buf_free(&uid);
	buf_free(&words);
	return -1;
}
