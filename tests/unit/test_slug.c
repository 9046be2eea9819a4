/*
 * test_slug.c: the file names of units and counties (cli.md, output
 * layout, 2026-12-04): slug_file() and the set that makes them unique.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extern.h"

/* slug_file(name) as a string (the caller frees it). */
static char *
slug(const char *name)
{
	struct buf b = {0};

	slug_file(&b, name);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

static void
test_slug_file(void **state)
{
	char *s;

	(void)state;
	/* cli.md: "St. Clair" gives st-clair. */
	assert_string_equal(s = slug("St. Clair"), "st-clair");
	free(s);
	assert_string_equal(s = slug("  Chicago -- Claims (North) "),
	    "chicago-claims-north");
	free(s);
	/* Letters outside a-z are other characters. */
	assert_string_equal(s = slug("Zoë Café"), "zo-caf");
	free(s);
	assert_string_equal(s = slug("???"), "");
	free(s);
}

static void
test_slug_file_long(void **state)
{
	char name[301], *s;
	size_t i;

	(void)state;
	/* 80 characters stay as they are. */
	memset(name, 'a', 80);
	name[80] = '\0';
	assert_string_equal(s = slug(name), name);
	free(s);
	/* 81 are cut to 71, '-', the first 8 hex digits of the SHA-256 of
	 * the whole name: printf 'a%.0s' $(seq 81) | sha256sum. */
	name[80] = 'a';
	name[81] = '\0';
	s = slug(name);
	assert_int_equal(strlen(s), 80);
	assert_memory_equal(s, name, 71);
	assert_string_equal(s + 71, "-8c48280d");
	free(s);
	/* The digest is of the name, not of the slug: two names of one
	 * slug get two file names. */
	for (i = 0; i < 300; i++)
		name[i] = i % 2 ? ' ' : 'X';
	name[300] = '\0';
	s = slug(name);
	assert_int_equal(strlen(s), 80);
	assert_int_equal(s[71], '-');
	name[1] = '.';
	{
		char *t = slug(name);

		assert_memory_equal(s, t, 71);
		assert_string_not_equal(s + 71, t + 71);
		free(t);
	}
	free(s);
}

static void
test_slug_unique(void **state)
{
	static const char *const reserved[] = { "no-computer-access",
	    "no-unit", "index", NULL };
	struct slug_set *set = slug_set_new(reserved);
	char name[16];
	int i;

	(void)state;
	assert_string_equal(slug_unique(set, "no-computer-access"),
	    "no-computer-access-2");
	assert_string_equal(slug_unique(set, "no-unit"), "no-unit-2");
	assert_string_equal(slug_unique(set, "index"), "index-2");
	assert_string_equal(slug_unique(set, "st-clair"), "st-clair");
	assert_string_equal(slug_unique(set, "st-clair"), "st-clair-2");
	/* A unit whose own slug was given out before goes on counting. */
	assert_string_equal(slug_unique(set, "st-clair-2"), "st-clair-2-2");
	assert_string_equal(slug_unique(set, "st-clair"), "st-clair-3");
	/* Many: the set grows and finds every one. */
	for (i = 0; i < 500; i++) {
		snprintf(name, sizeof(name), "u%d", i);
		assert_string_equal(slug_unique(set, name), name);
	}
	assert_string_equal(slug_unique(set, "u499"), "u499-2");
	slug_set_free(set);
	slug_set_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slug_file),
		cmocka_unit_test(test_slug_file_long),
		cmocka_unit_test(test_slug_unique),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
