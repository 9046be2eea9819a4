/*
 * test_ics.c: the packet's calendar file (cli.md packets/ID.ics, RFC
 * 5545): the header, one all-day event per alert dated on or after the
 * as-of date (earlier and undated ones left out), the UIDs (stable, and
 * unique when two alerts share code, title and date), DTSTAMP from the
 * as-of date, text escaping and line folding, CRLF, the same bytes
 * twice, and no file when no alert is dated.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extern.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static struct title titles[] = {
	{ "CERT-A", "Certificate A, Office; Specialist", NULL,
	    KIND_CERTIFICATE, CAT_NONE, DEG_NONE, DAY_NONE, 500000, 0, "t", 1,
	    NULL, -1 },
	{ "CLERK", "Clerk", NULL, KIND_NONE, CAT_LPEL, DEG_NONE, DAY_NONE,
	    300000, 0, "t", 2, NULL, -1 },
	/* Long, and not ASCII: accents, CJK without a blank for 90
	 * octets, an emoji, and the characters 3.3.11 escapes. */
	{ "LANG-A", "Spécialiste en communication multilingue — "
	    "traductrice-interprète, niveau supérieur; «accréditée» \\ "
	    "資格認定試験専門職員資格認定試験専門職員資格認定試験専門職員"
	    "資格認定試験専門職員 Ωμέγα 🎓 é\nà la ligne", NULL,
	    KIND_CERTIFICATE, CAT_NONE, DEG_NONE, DAY_NONE, 500000, 0, "t", 3,
	    NULL, -1 },
};
static struct catalog cat = { titles, NELEM(titles), NULL, 0 };

static day_t
D(const char *s)
{
	day_t t;

	assert_true(date_parse(s, strlen(s), &t));
	return t;
}

/* A packet with the given alerts, as of 2026-11-23. */
static void
packet(struct history *h, struct packet *p, struct alert *al, size_t n)
{
	memset(h, 0, sizeof(*h));
	memset(p, 0, sizeof(*p));
	h->emp.id = "E1001";
	h->emp.name = "Zoë Núñez";
	h->emp.class_code = "CLERK";
	h->emp.separated_on = DAY_NONE;
	h->emp.computer_access = 1;
	p->h = h;
	p->as_of = D("2026-11-23");
	p->profile = PROFILE_ILLINOIS;
	p->cls = &titles[1];
	p->eligible = 1;
	p->commitment_ends_on = DAY_NONE;
	p->alerts = al;
	p->nalerts = n;
}

static struct alert
AL(enum alert_code c, const char *on, const char *code)
{
	struct alert a;

	memset(&a, 0, sizeof(a));
	a.code = c;
	a.on = on ? D(on) : DAY_NONE;
	a.class_code = code;
	return a;
}

/* The number of times needle occurs in hay. */
static int
count(const char *hay, const char *needle)
{
	int n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

static struct config conf;
static struct diag diag;	/* counts, prints nothing */

/* RFC 5545 3.1: a CRLF followed by a space continues the line. */
static void
unfold(const char *s, struct buf *out)
{
	buf_reset(out);
	for (; *s; s++) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
			s += 2;
			continue;
		}
		buf_putc(out, *s);
	}
}

static void
test_ics_events(void **state)
{
	struct alert al[] = {
	    AL(AL_EXAM_WINDOW_EXPIRED, "2026-11-22", "CERT-A"),	/* past */
	    AL(AL_EXAM_WINDOW_CLOSING, "2026-11-23", "CERT-A"),	/* today */
	    AL(AL_GRADE_EXPIRING, "2027-05-01", "CERT-A"),
	    AL(AL_WITHDRAWAL_DROPS, NULL, NULL),		/* undated */
	    AL(AL_CLASS_LIMIT_REACHED, "2027-06-30", NULL),
	};
	struct history h;
	struct packet p;
	struct buf a = {0}, b = {0}, u = {0};
	const char *s, *line;

	(void)state;
	packet(&h, &p, al, NELEM(al));
	assert_int_equal(ics_packet(&p, &cat, &conf, &a, &diag), 3);
	s = a.data;
	assert_non_null(strstr(s, "BEGIN:VCALENDAR\r\n"));
	assert_non_null(strstr(s, "\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(s, "\r\nPRODID:-//umpress//EN\r\n"));
	assert_int_equal(count(s, "BEGIN:VEVENT\r\n"), 3);
	assert_int_equal(count(s, "END:VEVENT\r\n"), 3);
	assert_non_null(strstr(s,
	    "UID:E1001-EXAM_WINDOW_CLOSING-CERT-A-20261123@umpress\r\n"));
	assert_non_null(strstr(s,
	    "UID:E1001-GRADE_EXPIRING-CERT-A-20270501@umpress\r\n"));
	assert_non_null(strstr(s,
	    "UID:E1001-CLASS_LIMIT_REACHED-20270630@umpress\r\n"));
	assert_null(strstr(s, "EXAM_WINDOW_EXPIRED"));
	assert_null(strstr(s, "WITHDRAWAL_DROPS"));
	assert_int_equal(count(s, "DTSTAMP:20261123T000000Z\r\n"), 3);
	assert_non_null(strstr(s, "DTSTART;VALUE=DATE:20270501\r\n"));
	assert_non_null(strstr(s, "DTEND;VALUE=DATE:20270502\r\n"));
	/* RFC 5545 3.1: no line longer than 75 octets; every line ends
	 * CRLF; 3.3.11: the title's comma and semicolon are escaped. */
	for (line = s; *line; ) {
		const char *end = strstr(line, "\r\n");

		assert_non_null(end);
		assert_true(end - line <= 75);
		line = end + 2;
	}
	unfold(s, &u);
	assert_non_null(strstr(u.data, "\r\nSUMMARY:"));
	assert_non_null(strstr(u.data, "Certificate A\\, Office\\; Specialist"));
	assert_null(strstr(u.data, "Certificate A, Office; Specialist"));
	/* No clock: the same bytes again. */
	assert_int_equal(ics_packet(&p, &cat, &conf, &b, &diag), 3);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	buf_free(&a);
	buf_free(&b);
	buf_free(&u);
}

/*
 * RFC 5545 3.1 as a reader sees it: every line ends CRLF, with no CR or
 * LF elsewhere; no line is longer than 75 octets besides its CRLF; no
 * continuation line starts inside a UTF-8 character (nor ends inside
 * one: the next would start inside it).
 */
static void
assert_folded(const char *s)
{
	const char *line, *end;

	for (line = s; *line != '\0'; line = end + 2) {
		end = strstr(line, "\r\n");
		assert_non_null(end);
		assert_true(end - line <= 75);
		assert_null(memchr(line, '\r', (size_t)(end - line)));
		assert_null(memchr(line, '\n', (size_t)(end - line)));
		if (line[0] == ' ')
			assert_int_not_equal((unsigned char)line[1] & 0xC0,
			    0x80);
	}
}

/* A title's long non-ASCII name in the summary: folded at character
 * boundaries, escaped (3.3.11), and whole once unfolded. */
static void
test_ics_fold_utf8(void **state)
{
	struct alert al[] = {
	    AL(AL_GRADE_EXPIRING, "2027-05-01", "LANG-A"),
	};
	struct history h;
	struct packet p;
	struct buf a = {0}, u = {0};

	(void)state;
	packet(&h, &p, al, NELEM(al));
	assert_int_equal(ics_packet(&p, &cat, &conf, &a, &diag), 1);
	assert_folded(a.data);
	unfold(a.data, &u);
	assert_non_null(strstr(u.data, "Spécialiste en communication "
	    "multilingue — traductrice-interprète\\, niveau supérieur\\; "
	    "«accréditée» \\\\ 資格認定試験専門職員資格認定試験専門職員"
	    "資格認定試験専門職員資格認定試験専門職員 Ωμέγα 🎓 é\\nà la "
	    "ligne"));
	buf_free(&a);
	buf_free(&u);
}

/*
 * libical 3.0 folds a last part of 73 octets without a blank, colon or
 * semicolon between its CR and its LF (a UID of 73 octets did it on the
 * demo).  Every length of UID line from 42 to 120 octets: folded right.
 */
static void
test_ics_fold_uid_lengths(void **state)
{
	struct alert al[] = {
	    AL(AL_CLASS_LIMIT_REACHED, "2027-06-30", NULL),
	};
	struct history h;
	struct packet p;
	struct buf a = {0}, u = {0}, want = {0};
	char id[100];
	size_t n;

	(void)state;
	for (n = 1; n < sizeof(id) - 20; n++) {
		memset(id, 'E', n);
		id[n] = '\0';
		packet(&h, &p, al, NELEM(al));
		h.emp.id = id;
		buf_reset(&a);
		assert_int_equal(ics_packet(&p, &cat, &conf, &a, &diag), 1);
		assert_folded(a.data);
		unfold(a.data, &u);
		buf_reset(&want);
		buf_printf(&want, "\r\nUID:%s-CLASS_LIMIT_REACHED-20270630"
		    "@umpress\r\n", id);
		assert_non_null(strstr(u.data, want.data));
	}
	buf_free(&a);
	buf_free(&u);
	buf_free(&want);
}

/* ics_fold alone: libical's fold between CR and LF mended; 75 octets
 * kept on one line, 76 folded; two-, three- and four-octet characters
 * never cut. */
static void
test_ics_fold(void **state)
{
	struct buf in = {0}, out = {0}, want = {0};
	size_t i;

	(void)state;
	/* As libical 3.0.16 writes a 77-octet UID line. */
	BUF_LIT(&in, "BEGIN:VEVENT\r\nUID:\r\n ");
	for (i = 0; i < 73; i++)
		buf_putc(&in, 'x');
	BUF_LIT(&in, "\r\r\n \nEND:VEVENT\r\n");
	ics_fold(&out, in.data, in.len);
	BUF_LIT(&want, "BEGIN:VEVENT\r\nUID:");
	for (i = 0; i < 71; i++)
		buf_putc(&want, 'x');
	BUF_LIT(&want, "\r\n xx\r\nEND:VEVENT\r\n");
	assert_string_equal(out.data, want.data);

	buf_reset(&in);
	buf_reset(&out);
	for (i = 0; i < 75; i++)
		buf_putc(&in, 'y');
	BUF_LIT(&in, "\r\n");
	ics_fold(&out, in.data, in.len);
	assert_string_equal(out.data, in.data);
	buf_reset(&in);
	buf_reset(&out);
	for (i = 0; i < 76; i++)
		buf_putc(&in, 'y');
	BUF_LIT(&in, "\r\n");
	ics_fold(&out, in.data, in.len);
	assert_int_equal(out.len, 75 + 2 + 1 + 1 + 2);
	assert_memory_equal(out.data + 75, "\r\n y\r\n", 6);

	/* "SUMMARY:" and 40 of each: no cut inside one. */
	buf_reset(&in);
	buf_reset(&out);
	BUF_LIT(&in, "SUMMARY:");
	for (i = 0; i < 40; i++)
		buf_puts(&in, "é");
	for (i = 0; i < 40; i++)
		buf_puts(&in, "試");
	for (i = 0; i < 40; i++)
		buf_puts(&in, "🎓");
	BUF_LIT(&in, "\r\n");
	ics_fold(&out, in.data, in.len);
	assert_folded(out.data);
	unfold(out.data, &want);
	assert_string_equal(want.data, in.data);
	buf_free(&in);
	buf_free(&out);
	buf_free(&want);
}

/* Two plan steps due the same day: two events, two UIDs. */
static void
test_ics_unique_uids(void **state)
{
	struct alert al[] = {
	    AL(AL_PLAN_MISSING, "2027-01-15", NULL),
	    AL(AL_PLAN_MISSING, "2027-01-15", NULL),
	    AL(AL_PLAN_MISSING, "2027-01-15", NULL),
	};
	struct history h;
	struct packet p;
	struct buf a = {0};

	(void)state;
	packet(&h, &p, al, NELEM(al));
	assert_int_equal(ics_packet(&p, &cat, &conf, &a, &diag), 3);
	assert_int_equal(count(a.data,
	    "UID:E1001-PLAN_MISSING-20270115@umpress\r\n"), 1);
	assert_int_equal(count(a.data,
	    "UID:E1001-PLAN_MISSING-20270115-2@umpress\r\n"), 1);
	assert_int_equal(count(a.data,
	    "UID:E1001-PLAN_MISSING-20270115-3@umpress\r\n"), 1);
	buf_free(&a);
}

/* Nothing dated on or after the as-of date: no file. */
static void
test_ics_nothing_dated(void **state)
{
	struct alert al[] = {
	    AL(AL_GRADE_EXPIRED, "2020-01-01", "CERT-A"),
	    AL(AL_WITHDRAWAL_DROPS, NULL, NULL),
	};
	struct history h;
	struct packet p;
	struct buf a = {0};

	(void)state;
	packet(&h, &p, al, NELEM(al));
	assert_int_equal(ics_packet(&p, &cat, &conf, &a, &diag), 0);
	assert_int_equal(a.len, 0);
	packet(&h, &p, NULL, 0);
	assert_int_equal(ics_packet(&p, &cat, &conf, &a, &diag), 0);
	assert_int_equal(a.len, 0);
	buf_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ics_events),
		cmocka_unit_test(test_ics_unique_uids),
		cmocka_unit_test(test_ics_nothing_dated),
		cmocka_unit_test(test_ics_fold_utf8),
		cmocka_unit_test(test_ics_fold_uid_lengths),
		cmocka_unit_test(test_ics_fold),
	};

	diag_init(&diag, NULL);
	settings_defaults(&conf.prog);
	conf.title = "Test Program";
	conf.contact.name = "Casey Coordinator";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
