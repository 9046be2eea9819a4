/*
 * test_search.c: the site search's words and keys against the vectors
 * search.js is held to as well (tests/search/vectors.txt), and the index
 * made from pages: what it takes from a page and what it leaves out.
 * Run from the top of the project (make test).
 */
#define _GNU_SOURCE	/* memmem */
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

static void
test_index(void **state)
{
	struct search *x = search_new(), *y = search_new();
	struct buf a = {0}, b = {0};
	const char *stems, *end;

	(void)state;
	search_add(x, "guides/exams.html", page_a, sizeof(page_a) - 1);
	search_add(x, "time-off.html", page_b, sizeof(page_b) - 1);
	search_write(x, &a);
	/* The text of <main>, references decoded, the paragraph shared
	 * by the two pages stored once. */
	assert_non_null(strstr(a.data, "retest"));
	assert_non_null(strstr(a.data, "\\u0026"));
	assert_non_null(strstr(a.data, "\xe2\x80\x94"));
	assert_non_null(strstr(a.data, "0Zebra"));
	assert_non_null(strstr(a.data, "Proficiency"));
	/* Anchors: none for the h1, the text's slug for the h2 (content.c
	 * makes them so), the id for the h3. */
	assert_non_null(strstr(a.data, "\", \"-  later\"]"));
	/* No menus, diagrams, scripts, comments, head or footer. */
	assert_null(strstr(a.data, "Menu"));
	assert_null(strstr(a.data, "On this"));
	assert_null(strstr(a.data, "diagram"));
	assert_null(strstr(a.data, "hidden"));
	assert_null(strstr(a.data, "commented"));
	assert_null(strstr(a.data, "Head"));
	assert_null(strstr(a.data, "Footer"));
	/* Stop words are in the text but have no key. */
	stems = strstr(a.data, "\"stems\": \"");
	assert_non_null(stems);
	end = strchr(stems + 10, '"');
	assert_non_null(end);
	assert_non_null(memmem(stems, (size_t)(end - stems), "retest", 6));
	assert_null(memmem(stems, (size_t)(end - stems), "may", 3));
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
