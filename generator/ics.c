/*
 * ics.c: a packet's next steps as an iCalendar file (cli.md,
 * private/packets/ID.ics; RFC 5545): one all-day event per alert dated
 * on or after the as-of date, so an employee with a computer gets the
 * deadlines in their own calendar.
 *
 * Written with libical, which escapes text (, ; \ and newlines) and folds
 * lines at 75 octets with CRLF as RFC 5545 asks: the format's corners
 * are the library's, not ours.  Nothing comes from the clock: DTSTAMP is
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

int
ics_packet(const struct packet *p, const struct catalog *c,
    const struct config *s, struct buf *out)
{
	icalcomponent *cal, *ev;
	struct buf uid = {0}, words = {0};
	char *text;
	size_t i;
	int n = 0;

	cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid(
	    "-//umpress//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale(
	    "GREGORIAN"));
	for (i = 0; i < p->nalerts; i++) {
		/* cli.md: past dates are not calendar events; the packet
		 * lists them. */
		if (p->alerts[i].on == DAY_NONE || p->alerts[i].on < p->as_of)
			continue;
		ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
		ics_uid(p, i, &uid);
		icalcomponent_add_property(ev, icalproperty_new_uid(uid.data));
		icalcomponent_add_property(ev, icalproperty_new_dtstamp(
		    ics_stamp(p->as_of)));
		icalcomponent_add_property(ev, icalproperty_new_dtstart(
		    ics_date(p->alerts[i].on)));
		icalcomponent_add_property(ev, icalproperty_new_dtend(
		    ics_date(p->alerts[i].on + 1)));
		buf_reset(&words);
		view_alert_text(&p->alerts[i], p, c, s, &words);
		icalcomponent_add_property(ev, icalproperty_new_summary(
		    words.data));
		/* A deadline, not a meeting: it does not make the day busy. */
		icalcomponent_add_property(ev, icalproperty_new_transp(
		    ICAL_TRANSP_TRANSPARENT));
		icalcomponent_add_component(cal, ev);
		n++;
	}
	if (n > 0) {
		text = icalcomponent_as_ical_string_r(cal);
		buf_puts(out, text);
		icalmemory_free_buffer(text);
	}
	icalcomponent_free(cal);
	buf_free(&uid);
	buf_free(&words);
	return n;
}
