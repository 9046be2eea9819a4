/*
 * spec.c: runs the required modules of the official Mustache spec
 * (tests/mustache/spec/NAME.json) against template.c.  Each test's data
 * becomes a value tree, its partials come through a loader backed by the
 * JSON object, and the set is non-strict, as the spec wants a missing
 * partial to render empty.
 *   mustache-spec DIR
 * prints each failure, a count per module and, last,
 * "mustache spec: N passed, M failed"; exits 1 when M > 0.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "tmpl.h"

static const char *const modules[] = {
	"comments", "delimiters", "interpolation", "inverted", "partials",
	"sections"
};

/* Tallies of a run. */
struct tally {
	int	 passed;	/* tests whose output matched */
	int	 failed;	/* tests whose output did not */
};

/* The JSON value as a value tree in a; nested depth is the spec's. */
static struct tv *
to_tv(struct arena *a, const json_t *j)
{
	struct tv *v;
	const char *key;
	json_t *val;
	size_t i;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		v = tv_map(a);
		json_object_foreach((json_t *)j, key, val)
			tv_set(a, v, key, to_tv(a, val));
		return v;
	case JSON_ARRAY:
		v = tv_list(a);
		json_array_foreach(j, i, val)
			tv_push(a, v, to_tv(a, val));
		return v;
	case JSON_STRING:
		return tv_strn(a, json_string_value(j), json_string_length(j));
	case JSON_INTEGER:
		return tv_num(a, (double)json_integer_value(j));
	case JSON_REAL:
		return tv_num(a, json_real_value(j));
	case JSON_TRUE:
		return tv_bool(a, 1);
	case JSON_FALSE:
		return tv_bool(a, 0);
	case JSON_NULL:
		break;
	}
	return tv_null(a);
}

/* The loader: partials from the test's "partials" object. */
static int
json_load(void *arg, const char *name, int partial, struct buf *text,
    char **path)
{
	const json_t *j;

	if (!partial || arg == NULL)
		return 0;
	if ((j = json_object_get(arg, name)) == NULL || !json_is_string(j))
		return 0;
	buf_put(text, json_string_value(j), json_string_length(j));
	*path = xstrdup(name);
	return 1;
}

/* Prints s with newlines and tabs visible, in quotes. */
static void
put_shown(const char *s, size_t n)
{
	size_t i;

	putchar('"');
	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '\n':
			fputs("\\n", stdout);
			break;
		case '\r':
			fputs("\\r", stdout);
			break;
		case '\t':
			fputs("\\t", stdout);
			break;
		default:
			putchar(s[i]);
			break;
		}
	putchar('"');
}

/* Runs one test; 1 when the output is the expected one. */
static int
run_test(const char *module, const json_t *test, struct diag *d)
{
	struct tmpl_loader l = { json_load, NULL };
	const char *name = json_string_value(json_object_get(test, "name"));
	const json_t *tj = json_object_get(test, "template");
	const json_t *ej = json_object_get(test, "expected");
	struct arena a = {0};
	struct buf out = {0};
	struct tmpl_set *s;
	const struct tmpl *t;
	int ok = 0;

	l.arg = json_object_get(test, "partials");
	s = tmpl_set_new(&l, 0, 0, d);
	t = tmpl_compile(s, name, json_string_value(tj),
	    json_string_length(tj));
	if (t != NULL && tmpl_render(t, to_tv(&a, json_object_get(test,
	    "data")), &out))
		ok = out.len == json_string_length(ej) && (out.len == 0 ||
		    memcmp(out.data, json_string_value(ej), out.len) == 0);
	if (!ok) {
		printf("FAIL %s: %s: expected ", module, name);
		put_shown(json_string_value(ej), json_string_length(ej));
		fputs(" got ", stdout);
		if (t == NULL)
			fputs("(compile error)", stdout);
		else
			put_shown(out.data ? out.data : "", out.len);
		putchar('\n');
	}
	buf_free(&out);
	arena_free(&a);
	tmpl_set_free(s);
	return ok;
}

/* Runs DIR/MODULE.json; 0 when the file cannot be read. */
static int
run_module(const char *dir, const char *module, struct tally *all,
    struct diag *d)
{
	struct tally m = {0, 0};
	json_error_t err;
	json_t *root, *test;
	char *path;
	size_t i;

	path = xasprintf("%s/%s.json", dir, module);
	root = json_load_file(path, 0, &err);
	if (root == NULL) {
		fprintf(stderr, "%s:%d: %s\n", path, err.line, err.text);
		free(path);
		return 0;
	}
	json_array_foreach(json_object_get(root, "tests"), i, test) {
		if (run_test(module, test, d))
			m.passed++;
		else
			m.failed++;
	}
	printf("%s: %d passed, %d failed\n", module, m.passed, m.failed);
	all->passed += m.passed;
	all->failed += m.failed;
	json_decref(root);
	free(path);
	return 1;
}

/* Runs every module; exits 1 when a test failed or a file was unread. */
int
main(int argc, char *argv[])
{
	struct tally all = {0, 0};
	struct diag d;
	size_t i;

	if (argc != 2) {
		fputs("usage: mustache-spec DIR\n", stderr);
		return 2;
	}
	diag_init(&d, stderr);
	for (i = 0; i < sizeof(modules) / sizeof(modules[0]); i++)
		if (!run_module(argv[1], modules[i], &all, &d))
			all.failed++;
	printf("mustache spec: %d passed, %d failed\n", all.passed,
	    all.failed);
	return all.failed > 0;
}
