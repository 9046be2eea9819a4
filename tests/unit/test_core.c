/*
 * test_core.c: the pieces every stage uses: dates (rules.md "Dates"),
 * escaping per output context, slugs, money, relative URLs, JSON.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core.h"

static day_t
D(const char *s)
{
	day_t t = DAY_NONE;

	assert_true(date_parse(s, strlen(s), &t));
	return t;
}

static const char *
S(day_t t)
{
	static char out[4][11];
	static int k;

	k = (k + 1) % 4;
	date_format(t, out[k]);
	return out[k];
}

static void
test_date_parse(void **state)
{
	day_t t;

	(void)state;
	assert_string_equal(S(D("2026-11-25")), "2026-11-25");
	assert_string_equal(S(D("2024-02-29")), "2024-02-29");
	assert_int_equal(D("1970-01-01"), 0);
	assert_false(date_parse("2026-13-01", 10, &t));
	assert_false(date_parse("2026-02-29", 10, &t));
	assert_false(date_parse("2026-1-01", 9, &t));
	assert_false(date_parse("2026/01/01", 10, &t));
	assert_false(date_parse("2026-01-00", 10, &t));
	assert_false(date_parse("abcd-ef-gh", 10, &t));
	assert_false(date_parse("2026-01-01 ", 11, &t));
}

/* rules.md: + N months keeps the day, or the month's last day. */
static void
test_date_add_months(void **state)
{
	(void)state;
	assert_string_equal(S(date_add_years(D("2024-02-29"), 1)),
	    "2025-02-28");
	assert_string_equal(S(date_add_years(D("2024-02-29"), 4)),
	    "2028-02-29");
	assert_string_equal(S(date_add_months(D("2025-08-31"), 6)),
	    "2026-02-28");
	assert_string_equal(S(date_add_months(D("2027-08-31"), 6)),
	    "2028-02-29");
	assert_string_equal(S(date_add_months(D("2026-01-31"), 1)),
	    "2026-02-28");
	assert_string_equal(S(date_add_months(D("2026-12-15"), 1)),
	    "2027-01-15");
	assert_string_equal(S(date_add_years(D("2025-01-10"), 3)),
	    "2028-01-10");
	assert_int_equal(date_add_months(DAY_NONE, 3), DAY_NONE);
}

/* rules.md: the whole months from A to B, the largest n with
 * A + n months <= B. */
static void
test_date_whole_months(void **state)
{
	(void)state;
	assert_int_equal(date_whole_months(D("2026-01-15"),
	    D("2026-02-14")), 0);
	assert_int_equal(date_whole_months(D("2026-01-15"),
	    D("2026-02-15")), 1);
	assert_int_equal(date_whole_months(D("2026-01-31"),
	    D("2026-02-28")), 1);
	assert_int_equal(date_whole_months(D("2024-05-31"),
	    D("2026-05-30")), 23);
	assert_int_equal(date_whole_months(D("2024-05-31"),
	    D("2026-05-31")), 24);
	assert_int_equal(date_whole_months(D("2026-05-01"),
	    D("2025-05-01")), 0);
}

static void
test_date_fiscal_year(void **state)
{
	char name[8];
	int fy;

	(void)state;
	assert_int_equal(date_fy(D("2026-06-30")), 2025);
	assert_int_equal(date_fy(D("2026-07-01")), 2026);
	assert_string_equal(S(date_fy_start(2026)), "2026-07-01");
	assert_string_equal(S(date_fy_end(2026)), "2027-06-30");
	date_fy_name(2026, name);
	assert_string_equal(name, "2026-27");
	date_fy_name(2099, name);
	assert_string_equal(name, "2099-00");
	assert_true(date_fy_parse("2026-27", &fy));
	assert_int_equal(fy, 2026);
	assert_true(date_fy_parse("2099-00", &fy));
	assert_false(date_fy_parse("2026", &fy));
	assert_false(date_fy_parse("26-27", &fy));
	assert_false(date_fy_parse("2026-28", &fy));
	assert_false(date_fy_parse("2026-2027", &fy));
	assert_false(date_fy_parse("20x6-27", &fy));
}

static void
test_date_half_year(void **state)
{
	(void)state;
	assert_int_equal(date_half(D("2026-06-30")),
	    date_half(D("2026-01-01")));
	assert_int_not_equal(date_half(D("2026-06-30")),
	    date_half(D("2026-07-01")));
	assert_int_not_equal(date_half(D("2025-12-31")),
	    date_half(D("2026-01-01")));
	assert_int_equal(date_half(D("2025-12-31")),
	    date_half(D("2025-07-01")));
}

static void
test_date_human(void **state)
{
	char out[32];

	(void)state;
	date_human(D("2028-01-10"), out);
	assert_string_equal(out, "10 January 2028");
	date_human(DAY_NONE, out);
	assert_string_equal(out, "");
}

/* Runs an escaping function over a string into a fresh C string. */
static char *
run(void (*fn)(struct buf *, const char *, size_t), const char *in)
{
	struct buf b = {0};

	fn(&b, in, strlen(in));
	return buf_detach(&b);
}

static void
test_escape_html(void **state)
{
	char *s;

	(void)state;
	s = run(esc_html, "<script>alert(\"x\")</script> & 'y'");
	assert_string_equal(s, "&lt;script&gt;alert(&quot;x&quot;)"
	    "&lt;/script&gt; &amp; &#39;y&#39;");
	free(s);
	s = run(esc_html, "Zo\xc3\xab \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
	assert_string_equal(s, "Zo\xc3\xab \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
	free(s);
}

/* OWASP CSV injection: cells beginning with = + - @ are neutralised. */
static void
test_escape_csv(void **state)
{
	char *s;

	(void)state;
	s = run(esc_csv, "=HYPERLINK(\"http://x\")");
	assert_string_equal(s, "\"'=HYPERLINK(\"\"http://x\"\")\"");
	free(s);
	s = run(esc_csv, "+1");
	assert_string_equal(s, "'+1");
	free(s);
	s = run(esc_csv, "-2");
	assert_string_equal(s, "'-2");
	free(s);
	s = run(esc_csv, "@SUM(A1)");
	assert_string_equal(s, "'@SUM(A1)");
	free(s);
	s = run(esc_csv, "Doe, Jane");
	assert_string_equal(s, "\"Doe, Jane\"");
	free(s);
	s = run(esc_csv, "plain");
	assert_string_equal(s, "plain");
	free(s);
}

static void
test_escape_json(void **state)
{
	char *s;

	(void)state;
	s = run(esc_json, "a\"b\\c\n\x01</script>");
	assert_string_equal(s, "a\\\"b\\\\c\\n\\u0001\\u003c/script\\u003e");
	free(s);
}

static void
test_escape_url(void **state)
{
	char *s;

	(void)state;
	s = run(esc_url, "titles/A B\"<x>.html#top");
	assert_string_equal(s, "titles/A%20B%22%3Cx%3E.html#top");
	free(s);
}

/* cli.md: "St. Clair" gives "st-clair". */
static void
test_slugify(void **state)
{
	struct buf b = {0};

	(void)state;
	slugify(&b, "St. Clair", 9, 0);
	assert_string_equal(b.data, "st-clair");
	buf_reset(&b);
	slugify(&b, "  --Jo Daviess!! ", 17, 0);
	assert_string_equal(b.data, "jo-daviess");
	buf_reset(&b);
	slugify(&b, "Caf\xc3\xa9 hours", 11, 1);
	assert_string_equal(b.data, "caf\xc3\xa9-hours");
	buf_reset(&b);
	slugify(&b, "Caf\xc3\xa9", 5, 0);
	assert_string_equal(b.data, "caf");
	buf_free(&b);
}

static void
test_utf8(void **state)
{
	size_t bad;

	(void)state;
	assert_true(utf8_valid("ok \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
	    14, &bad));
	assert_false(utf8_valid("ab\xff", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("\xc0\xaf", 2, &bad));	/* overlong */
	assert_false(utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
	assert_false(utf8_valid("\xe2\x82", 2, &bad));	/* truncated */
}

/* money_add: sums of cents that stop, saturated, at what int64_t holds. */
static void
test_money_add(void **state)
{
	int64_t sum = INT64_MAX - 10;

	(void)state;
	assert_int_equal(money_add(&sum, 10), 1);
	assert_true(sum == INT64_MAX);
	assert_int_equal(money_add(&sum, 1), 0);
	assert_true(sum == INT64_MAX);
	sum = INT64_MIN + 5;
	assert_int_equal(money_add(&sum, -6), 0);
	assert_true(sum == INT64_MIN);
	sum = 100000000;
	assert_int_equal(money_add(&sum, -100000000), 1);
	assert_true(sum == 0);
}

static void
test_money(void **state)
{
	struct buf b = {0};

	(void)state;
	fmt_money(&b, 123456789, 1);
	assert_string_equal(b.data, "$1,234,567.89");
	buf_reset(&b);
	fmt_money(&b, 523000, 0);
	assert_string_equal(b.data, "$5,230");
	buf_reset(&b);
	fmt_money(&b, 5, 1);
	assert_string_equal(b.data, "$0.05");
	buf_reset(&b);
	fmt_money(&b, 150, 0);
	assert_string_equal(b.data, "$2");
	buf_free(&b);
}

static void
test_url_rel(void **state)
{
	struct buf b = {0};

	(void)state;
	url_rel(&b, "guides/exams.html", "titles/index.html");
	assert_string_equal(b.data, "../titles/index.html");
	buf_reset(&b);
	url_rel(&b, "index.html", "titles/X-1.html");
	assert_string_equal(b.data, "titles/X-1.html");
	buf_reset(&b);
	url_rel(&b, "titles/A.html", "titles/B.html");
	assert_string_equal(b.data, "B.html");
	buf_reset(&b);
	url_rel(&b, "a/b/c.html", "a/d.html");
	assert_string_equal(b.data, "../d.html");
	buf_reset(&b);
	url_rel(&b, "a/b/c.html", "");
	assert_string_equal(b.data, "../../");
	buf_free(&b);
}

static void
test_tv_json(void **state)
{
	struct arena a = {0};
	struct buf b = {0};
	struct tv *m, *l;

	(void)state;
	m = tv_map(&a);
	tv_set(&a, m, "id", tv_str(&a, "E1001"));
	tv_set(&a, m, "none", tv_str(&a, NULL));
	tv_set(&a, m, "hours", tv_num(&a, 3.0));
	tv_set(&a, m, "half", tv_num(&a, 1.5));
	tv_set(&a, m, "ok", tv_bool(&a, 1));
	l = tv_set(&a, m, "list", tv_list(&a));
	tv_push(&a, l, tv_date(&a, D("2026-07-01")));
	tv_push(&a, l, tv_date(&a, DAY_NONE));
	tv_json(&b, m, 0);
	assert_string_equal(b.data, "{\"id\":\"E1001\",\"none\":null,"
	    "\"hours\":3,\"half\":1.5,\"ok\":true,"
	    "\"list\":[\"2026-07-01\",null]}");
	assert_non_null(tv_get(m, "ok"));
	assert_null(tv_get(m, "missing"));
	buf_free(&b);
	arena_free(&a);
}

/* Many allocations, a big one, a reset: all usable and zeroed. */
static void
test_arena(void **state)
{
	struct arena a = {0};
	char *p, *big;
	int i;

	(void)state;
	for (i = 0; i < 10000; i++) {
		p = arena_alloc(&a, 24);
		assert_int_equal(p[0] | p[23], 0);
		memset(p, 'x', 24);
	}
	big = arena_alloc(&a, 1 << 20);
	assert_int_equal(big[(1 << 20) - 1], 0);
	assert_string_equal(arena_printf(&a, "%s-%d", "id", 7), "id-7");
	arena_reset(&a);
	p = arena_alloc(&a, 8);
	assert_int_equal(p[0], 0);
	arena_free(&a);
}

/* Bytes fed in pieces hash as the same bytes fed at once; nothing fed
 * (even as a NULL pointer) changes nothing. */
static void
test_hash_pieces(void **state)
{
	static const char text[] = "an employee's rows, as they are read";
	struct digest whole, parts, other;
	struct hash h;
	size_t i;

	(void)state;
	hash_bytes(text, sizeof(text) - 1, &whole);
	hash_init(&h);
	for (i = 0; i < sizeof(text) - 1; i += 3)
		hash_put(&h, text + i, sizeof(text) - 1 - i < 3 ?
		    sizeof(text) - 1 - i : 3);
	hash_put(&h, NULL, 0);
	hash_end(&h, &parts);
	assert_true(digest_eq(&whole, &parts));
	hash_bytes(text, sizeof(text) - 2, &other);
	assert_false(digest_eq(&whole, &other));
}

/* A set's digest (digest_add) is the same whatever the order of its
 * members, and another member makes another digest. */
static void
test_digest_set(void **state)
{
	struct digest m[3], ab = {{0, 0}}, ba = {{0, 0}}, ac = {{0, 0}};

	(void)state;
	hash_bytes("E0001", 5, &m[0]);
	hash_bytes("E0002", 5, &m[1]);
	hash_bytes("E0003", 5, &m[2]);
	digest_add(&ab, &m[0]);
	digest_add(&ab, &m[1]);
	digest_add(&ba, &m[1]);
	digest_add(&ba, &m[0]);
	digest_add(&ac, &m[0]);
	digest_add(&ac, &m[2]);
	assert_true(digest_eq(&ab, &ba));
	assert_false(digest_eq(&ab, &ac));
}

/*
 * rules.md: a share of the training budget is "rounded half up to one
 * decimal"; in tenths of a percent.  The case (97,000 of
 * 1,000,000 is 9.7, once printed as 1.0), the half-up edge on both
 * sides, thirds, all and none, and sizes that would overflow a plain
 * part * 1000.
 */
static void
test_ratio_tenths(void **state)
{
	static const struct {
		int64_t part, whole, tenths;
		const char *text;
	} t[] = {
		{ 97000, 1000000, 97, "9.7" },
		{ 1, 2000, 1, "0.1" },		/* 0.05: half up */
		{ 1, 2001, 0, "0.0" },		/* 0.04997...: down */
		{ 3, 2000, 2, "0.2" },		/* 0.15: half up */
		{ 1, 3, 333, "33.3" },
		{ 2, 3, 667, "66.7" },
		{ 0, 5, 0, "0.0" },
		{ 5, 5, 1000, "100.0" },
		{ 20554789, 95000000, 216, "21.6" },
		{ 100000000, 7, 14285714286LL, "1428571428.6" },
		{ 9000000000000000LL, 1, 9000000000000000000LL, NULL },
		{ INT64_MAX / 2, 3, INT64_MAX, NULL },	/* saturates */
		{ INT64_MAX, 1, INT64_MAX, NULL },	/* saturates */
	};
	struct buf b = {0};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(ratio_tenths(t[i].part, t[i].whole),
		    t[i].tenths);
		if (t[i].text == NULL)
			continue;
		buf_reset(&b);
		fmt_tenths(&b, t[i].tenths);
		assert_string_equal(b.data, t[i].text);
	}
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_add_months),
		cmocka_unit_test(test_date_whole_months),
		cmocka_unit_test(test_date_fiscal_year),
		cmocka_unit_test(test_date_half_year),
		cmocka_unit_test(test_date_human),
		cmocka_unit_test(test_escape_html),
		cmocka_unit_test(test_escape_csv),
		cmocka_unit_test(test_escape_json),
		cmocka_unit_test(test_escape_url),
		cmocka_unit_test(test_slugify),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_url_rel),
		cmocka_unit_test(test_tv_json),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_hash_pieces),
		cmocka_unit_test(test_digest_set),
		cmocka_unit_test(test_money_add),
		cmocka_unit_test(test_ratio_tenths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
