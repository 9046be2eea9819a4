/*
 * test_search.c: the site search's words and keys against the vectors
 * search.js is held to as well (tests/search/vectors.txt), and the index
 * made from pages: what it takes from a page and what it leaves out.
 * Run from the top of the project (make test).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extern.h"

#define VECTORS	"tests/search/vectors.txt"

/* The keys of every word of text, separated by spaces. */
static void
keys_of(const char *text, size_t len, struct buf *out)
{
	size_t pos = 0, start, n;

	buf_reset(out);
	while ((n = word_next(text, len, &pos, &start)) > 0) {
		if (out->len > 0)
			buf_putc(out, ' ');
		word_key(text + start, n, out);
	}
	if (out->data == NULL)
		buf_puts(out, "");
}

static void
test_vectors(void **state)
{
	struct buf file = {0}, got = {0};
	char *line, *tab, *nl, *end;
	int cases = 0, wrong = 0;

	(void)state;
	assert_true(file_read(VECTORS, &file));
	end = file.data + file.len;
	for (line = file.data; line < end; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		assert_non_null(nl);
		*nl = '\0';
		if (*line == '#' || *line == '\0')
			continue;
		tab = strchr(line, '\t');
		assert_non_null(tab);
		keys_of(line, (size_t)(tab - line), &got);
		cases++;
		if (strcmp(got.data, tab + 1) != 0 && wrong++ < 10)
			print_error("%.*s: got '%s', want '%s'\n",
			    (int)(tab - line), line, got.data, tab + 1);
	}
	assert_int_equal(wrong, 0);
	/* The file is the generated one, not a few lines. */
	assert_true(cases > 1000);
	buf_free(&file);
	buf_free(&got);
}

static void
test_words(void **state)
{
	struct buf k = {0};
	const char *s = "  re-tests, ok";
	size_t pos = 0, start, n;

	(void)state;
	n = word_next(s, strlen(s), &pos, &start);
	assert_int_equal(n, 2);
	assert_int_equal(start, 2);
	n = word_next(s, strlen(s), &pos, &start);
	assert_int_equal(n, 5);
	word_key(s + start, n, &k);
	assert_string_equal(k.data, "test");
	assert_int_equal(word_next(s, strlen(s), &pos, &start), 2);
	assert_int_equal(word_next(s, strlen(s), &pos, &start), 0);
	/* Bytes that are not UTF-8 separate words, and are not words. */
	s = "ab\xff\xc3(cd";
	pos = 0;
	assert_int_equal(word_next(s, strlen(s), &pos, &start), 2);
	assert_int_equal(word_next(s, strlen(s), &pos, &start), 2);
	assert_int_equal(start, 5);
	buf_free(&k);
}

static const char page_a[] =
"<!DOCTYPE html><html><head><title>Head only</title></head><body>"
"<header><nav><a href=\"x\">Menu entry</a></nav></header>"
"<main id=\"main\"><nav class=\"toc\"><h2>On this page</h2></nav>"
"<h1>Proficiency exams</h1>"
"<p>You may <strong>retest</strong> after 30&nbsp;days &amp; again.</p>"
"<!-- <p>commented out</p> -->"
"<h2 id=\"retests\">Retests</h2>"
"<h3 id=\"later\">Other</h3>"
"<svg><text>diagram label</text></svg>"
"<ul><li>First item</li><li>Second &#8212; item &#x5A;ebra</li></ul>"
"<script>var hidden = 1;</script>"
"</main><footer>Footer words</footer></body></html>";

static const char page_b[] =
"<main><h1>Time off</h1><p>You may retest after 30 days &amp; again.</p>"
"<table><tr><th>When</th><td>Soon</td></tr></table></main>";

/* The string of key in an index, between its quotes, into out. */
static void
field(const char *ix, const char *key, struct buf *out)
{
	char *at = xasprintf("\"%s\": \"", key);
	const char *s = strstr(ix, at), *e;

	assert_non_null(s);
	s += strlen(at);
	e = strchr(s, '"');
	assert_non_null(e);
	buf_reset(out);
	buf_put(out, s, (size_t)(e - s));
	free(at);
}

static void
test_index(void **state)
{
	/* The text of <main>, references decoded; the anchors: none for
	 * the h1, the text's slug for the h2 (content.c makes them so),
	 * the id for the h3. */
	static const char *const has[] = { "retest", "\\u0026",
	    "\xe2\x80\x94", "0Zebra", "Proficiency", "\", \"-  later\"]" };
	/* No menus, diagrams, scripts, comments, head or footer. */
	static const char *const hasnt[] = { "Menu", "On this", "diagram",
	    "hidden", "commented", "Head", "Footer" };
	struct search *x = search_new(), *y = search_new();
	struct buf a = {0}, b = {0}, f = {0};
	size_t i, n = 1;

	(void)state;
	search_add(x, "guides/exams.html", page_a, sizeof(page_a) - 1);
	search_add(x, "time-off.html", page_b, sizeof(page_b) - 1);
	search_write(x, &a);
	for (i = 0; i < sizeof(has) / sizeof(has[0]); i++)
		assert_non_null(strstr(a.data, has[i]));
	for (i = 0; i < sizeof(hasnt) / sizeof(hasnt[0]); i++)
		assert_null(strstr(a.data, hasnt[i]));
	/* Stop words are in the text but have no key. */
	field(a.data, "stems", &f);
	assert_non_null(strstr(f.data, "retest"));
	assert_null(strstr(f.data, "may"));
	/* 6 blocks and 3, the paragraph the two pages share stored once. */
	field(a.data, "blocks", &f);
	for (i = 0; i < f.len; i++)
		n += f.data[i] == ' ';
	assert_int_equal(n, 8);
	/* The same pages in another order: the same bytes. */
	search_add(y, "time-off.html", page_b, sizeof(page_b) - 1);
	search_add(y, "guides/exams.html", page_a, sizeof(page_a) - 1);
	search_write(y, &b);
	assert_string_equal(a.data, b.data);
	search_free(x);
	search_free(y);
	search_free(NULL);
	buf_free(&a);
	buf_free(&b);
	buf_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_index),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
