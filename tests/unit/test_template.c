/*
 * test_template.c: what template.c does beyond the Mustache spec (which
 * tests/mustache/spec.c runs): umpress's strict errors with their exact
 * messages and lines, the limits on nesting and recursion, missing-name
 * warnings, the compile-once cache, and rendering from several threads.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tmpl.h"

/* Diagnostics written to memory, to compare with what is expected. */
struct cap {
	FILE		*f;	/* the memory stream diag writes to */
	char		*text;	/* what it holds, after cap_text() */
	size_t		 len;	/* bytes in text */
	struct diag	 d;	/* the context under test */
};

/* A loader over a table of partials, "NAME", "TEXT", ..., NULL. */
struct table {
	const char	*const *files;	/* pairs of name and text */
};

/* A scratch project folder: DIR/ with DIR/partials/. */
struct tdir {
	char		 path[64];	/* the folder */
	char		*files[16];	/* files written, to remove */
	int		 n;		/* entries in files */
};

/* Starts capturing: c->d writes to memory. */
static void
cap_open(struct cap *c)
{
	memset(c, 0, sizeof(*c));
	c->f = open_memstream(&c->text, &c->len);
	assert_non_null(c->f);
	diag_init(&c->d, c->f);
}

/* Everything reported so far, as one string. */
static const char *
cap_text(struct cap *c)
{
	fflush(c->f);
	return c->text;
}

/* Ends capturing and frees what was captured. */
static void
cap_close(struct cap *c)
{
	fclose(c->f);
	free(c->text);
}

/* The loader: partials from the table, named "p/NAME"; no roots. */
static int
table_load(void *arg, const char *name, int partial, struct buf *text,
    char **path)
{
	const struct table *t = arg;
	size_t i;

	if (!partial)
		return 0;
	for (i = 0; t->files[i] != NULL; i += 2)
		if (strcmp(t->files[i], name) == 0) {
			buf_puts(text, t->files[i + 1]);
			*path = xasprintf("p/%s", name);
			return 1;
		}
	return 0;
}

/* A set whose partials are the table's. */
static struct tmpl_set *
table_set(struct table *t, int strict, int warn, struct cap *c)
{
	struct tmpl_loader l = { table_load, t };

	return tmpl_set_new(&l, strict, warn, &c->d);
}

/* Renders t against v into a fresh string (freed by the caller). */
static char *
render(const struct tmpl *t, const struct tv *v)
{
	struct buf b = {0};

	assert_non_null(t);
	assert_true(tmpl_render(t, v, &b));
	return buf_detach(&b);
}

/* Renders t against v and compares with want. */
static void
assert_render(const struct tmpl *t, const struct tv *v, const char *want)
{
	char *got = render(t, v);

	assert_string_equal(got, want);
	free(got);
}

/* Compiles text in a strict set with no partials; want: the messages. */
static void
assert_errors(const char *text, const char *want)
{
	static const char *const none[] = { NULL };
	struct table tb = { none };
	struct cap c;
	struct tmpl_set *s;

	cap_open(&c);
	s = table_set(&tb, 1, 0, &c);
	assert_null(tmpl_compile(s, "T", text, strlen(text)));
	assert_string_equal(cap_text(&c), want);
	tmpl_set_free(s);
	cap_close(&c);
}

/* Makes a scratch folder with partials/ inside. */
static void
tdir_open(struct tdir *t)
{
	char *p;

	memset(t, 0, sizeof(*t));
	strcpy(t->path, "/tmp/test_template.XXXXXX");
	assert_non_null(mkdtemp(t->path));
	p = xasprintf("%s/partials", t->path);
	assert_int_equal(mkdir(p, 0700), 0);
	free(p);
}

/* Writes DIR/rel, remembering it for tdir_close(). */
static void
tdir_write(struct tdir *t, const char *rel, const char *text)
{
	char *p = xasprintf("%s/%s", t->path, rel);
	FILE *f = fopen(p, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_true(t->n < 16);
	t->files[t->n++] = p;
}

/* Removes what tdir_open() and tdir_write() made. */
static void
tdir_close(struct tdir *t)
{
	char *p;
	int i;

	for (i = 0; i < t->n; i++) {
		unlink(t->files[i]);
		free(t->files[i]);
	}
	p = xasprintf("%s/partials", t->path);
	rmdir(p);
	free(p);
	rmdir(t->path);
}

/* content.md: an unknown partial is an error naming the including file. */
static void
test_missing_partial(void **state)
{
	struct tdir td;
	struct cap c;
	struct tmpl_set *s;

	(void)state;
	tdir_open(&td);
	tdir_write(&td, "page.html", "<p>\n{{> nosuch}}\n{{> footer}}\n");
	tdir_write(&td, "partials/footer.html", "<footer>\n{{> gone}}\n");
	cap_open(&c);
	s = tmpl_set_dir(td.path, "templates", 0, &c.d);
	assert_null(tmpl_get(s, "page.html"));
	assert_string_equal(cap_text(&c),
	    "templates/page.html:2: no partial named 'nosuch'\n"
	    "templates/partials/footer.html:2: no partial named 'gone'\n");
	/* Asked again: the same answer, nothing said twice. */
	assert_null(tmpl_get(s, "page.html"));
	assert_int_equal(c.d.errors, 2);
	tmpl_set_free(s);
	cap_close(&c);
	tdir_close(&td);
}

/* The spec's rule in a non-strict set: a missing partial is empty. */
static void
test_missing_partial_lenient(void **state)
{
	static const char *const none[] = { NULL };
	struct table tb = { none };
	struct cap c;
	struct tmpl_set *s;

	(void)state;
	cap_open(&c);
	s = table_set(&tb, 0, 0, &c);
	assert_render(tmpl_compile(s, "T", "[{{> nosuch}}]", 14), NULL, "[]");
	assert_string_equal(cap_text(&c), "");
	tmpl_set_free(s);
	cap_close(&c);
}

/* An open section is reported at the line of its opening tag. */
static void
test_open_section(void **state)
{
	(void)state;
	assert_errors("a\n{{#x}}\nb\n{{^y}}\n",
	    "T:2: section 'x' is not closed\n"
	    "T:4: section 'y' is not closed\n");
}

/* Close tags that close the wrong section, or nothing. */
static void
test_close_mismatch(void **state)
{
	(void)state;
	assert_errors("{{#x}}\n{{/y}}\n",
	    "T:2: '{{/y}}' does not match '{{#x}}' on line 1\n");
	/* Closing an outer section leaves the inner one open. */
	assert_errors("{{#a}}\n{{#b}}\n{{/a}}\n",
	    "T:2: section 'b' is not closed\n");
	assert_errors("a\n\n{{/x}}\n",
	    "T:3: '{{/x}}' closes no open section\n");
}

/* "{{foo" with no end, or with another tag before its end. */
static void
test_unclosed_tag(void **state)
{
	(void)state;
	assert_errors("a\n{{foo", "T:2: tag is not closed\n");
	assert_errors("{{{foo}}", "T:1: tag is not closed\n");
	/* The next tag still counts: its error is reported too. */
	assert_errors("{{foo\n{{#bar}}\n",
	    "T:1: tag is not closed\n"
	    "T:2: section 'bar' is not closed\n");
	assert_errors("{{foo {{bar}}\n{{/x}}",
	    "T:1: tag is not closed\n"
	    "T:2: '{{/x}}' closes no open section\n");
}

/* Bad set-delimiter tags, empty names, names that are not names. */
static void
test_bad_tags(void **state)
{
	(void)state;
	assert_errors("x\n{{=<% =}}\n",
	    "T:2: bad set-delimiter tag '{{=<% =}}'\n");
	assert_errors("{{=<% a %>=}}", "T:1: bad set-delimiter tag "
	    "'{{=<% a %>=}}'\n");
	assert_errors("{{= =}}", "T:1: bad set-delimiter tag '{{= =}}'\n");
	assert_errors("{{}}\n{{# }}\n{{{ }}}",
	    "T:1: tag has no name\n"
	    "T:2: tag has no name\n"
	    "T:3: tag has no name\n");
	assert_errors("{{a b}}{{a..b}}{{.a}}",
	    "T:1: bad tag name 'a b'\n"
	    "T:1: bad tag name 'a..b'\n"
	    "T:1: bad tag name '.a'\n");
}

/* Partial names are file names under partials/ and nothing else. */
static void
test_bad_partial_name(void **state)
{
	(void)state;
	assert_errors("{{> ../x}}\n{{> .hidden}}\n{{> a/b}}\n",
	    "T:1: bad partial name '../x'\n"
	    "T:2: bad partial name '.hidden'\n"
	    "T:3: bad partial name 'a/b'\n");
}

/* Every problem of a file is reported, in order, not just the first. */
static void
test_many_errors(void **state)
{
	(void)state;
	assert_errors(
	    "<h1>{{title}}</h1>\n"
	    "{{#items}}\n"
	    "{{}}\n"
	    "{{> nosuch}}\n"
	    "{{/item}}\n"
	    "{{#open}}\n"
	    "{{unclosed\n",
	    "T:3: tag has no name\n"
	    "T:5: '{{/item}}' does not match '{{#items}}' on line 2\n"
	    "T:7: tag is not closed\n"
	    "T:6: section 'open' is not closed\n"
	    "T:4: no partial named 'nosuch'\n");
}

/* 10,000 nested sections: one error, quickly, and no deep recursion. */
static void
test_deep_nesting(void **state)
{
	struct buf b = {0}, want = {0};
	int i;

	(void)state;
	for (i = 0; i < 10000; i++)
		BUF_LIT(&b, "{{#a}}");
	for (i = 0; i < 10000; i++)
		BUF_LIT(&b, "{{/a}}");
	assert_errors(b.data, "T:1: sections nested deeper than 100\n");
	/* Only opens: the first 100 stay open, the rest are past the
	 * limit and said once. */
	buf_reset(&b);
	for (i = 0; i < 10000; i++)
		BUF_LIT(&b, "{{^a}}\n");
	BUF_LIT(&want, "T:101: sections nested deeper than 100\n");
	for (i = 1; i <= 100; i++)
		buf_printf(&want, "T:%d: section 'a' is not closed\n", i);
	assert_errors(b.data, want.data);
	buf_free(&want);
	buf_free(&b);
}

/* Inputs that cost their square if scanned naively: every error is
 * reported, every partial found.  (Not timed: a CPU-time bound failed
 * under load, and speed is make bench's to measure.) */
static void
test_pathological(void **state)
{
	static const char *const none[] = { NULL };
	struct table tb = { none };
	struct buf b = {0};
	struct cap c;
	struct tmpl_set *s;
	int i;

	(void)state;
	cap_open(&c);
	s = table_set(&tb, 0, 0, &c);
	for (i = 0; i < 20000; i++)
		BUF_LIT(&b, "{{a ");
	BUF_LIT(&b, "}}");
	assert_null(tmpl_compile(s, "T", b.data, b.len));
	assert_int_equal(c.d.errors, 19999);
	buf_reset(&b);
	for (i = 0; i < 20000; i++)
		buf_printf(&b, "{{{a}} {{>p%d}}", i);
	assert_null(tmpl_compile(s, "U", b.data, b.len));
	assert_int_equal(c.d.errors, 19999 + 20000);
	buf_reset(&b);
	for (i = 0; i < 20000; i++)
		buf_printf(&b, "{{>p%d}}", i);
	assert_render(tmpl_compile(s, "V", b.data, b.len), NULL, "");
	tmpl_set_free(s);
	cap_close(&c);
	buf_free(&b);
}

/* Exactly 100 levels is fine. */
static void
test_nesting_limit(void **state)
{
	static const char *const none[] = { NULL };
	struct table tb = { none };
	struct arena a = {0};
	struct buf b = {0};
	struct tv *v;
	struct cap c;
	struct tmpl_set *s;
	int i;

	(void)state;
	for (i = 0; i < 100; i++)
		BUF_LIT(&b, "{{#a}}");
	BUF_LIT(&b, "x");
	for (i = 0; i < 100; i++)
		BUF_LIT(&b, "{{/a}}");
	cap_open(&c);
	s = table_set(&tb, 1, 0, &c);
	v = tv_map(&a);
	tv_set(&a, v, "a", tv_bool(&a, 1));
	assert_render(tmpl_compile(s, "T", b.data, b.len), v, "x");
	tmpl_set_free(s);
	cap_close(&c);
	arena_free(&a);
	buf_free(&b);
}

/* A partial including itself outside a section would never end. */
static void
test_self_partial(void **state)
{
	static const char *const files[] = {
		"me", "x\n{{> me}}\n",
		"a", "{{#s}}{{/s}}{{> b}}",
		"b", "{{^s}}{{/s}}\n{{> a}}",
		NULL
	};
	struct table tb = { files };
	struct cap c;
	struct tmpl_set *s;

	(void)state;
	cap_open(&c);
	s = table_set(&tb, 1, 0, &c);
	assert_null(tmpl_compile(s, "T", "{{> me}}", 8));
	assert_string_equal(cap_text(&c),
	    "p/me:2: partial 'me' includes itself\n");
	assert_null(tmpl_compile(s, "U", "{{#x}}{{/x}}{{> a}}", 19));
	assert_string_equal(cap_text(&c),
	    "p/me:2: partial 'me' includes itself\n"
	    "p/b:2: partial 'a' includes itself\n");
	/* Already known bad: NULL again, with nothing new to say. */
	assert_null(tmpl_compile(s, "V", "{{> b}}", 7));
	assert_int_equal(c.d.errors, 2);
	tmpl_set_free(s);
	cap_close(&c);
}

/* A tree of n levels: {"name": "L<k>", "kids": [ ... ]}. */
static struct tv *
tree(struct arena *a, int n)
{
	struct tv *v = tv_map(a), *kids;

	tv_set(a, v, "name", tv_strf(a, "L%d", n));
	kids = tv_set(a, v, "kids", tv_list(a));
	if (n > 1)
		tv_push(a, kids, tree(a, n - 1));
	return v;
}

/* Inside a section, self-inclusion is the spec's recursion: bounded by
 * the data, and each standalone level adds its indentation. */
static void
test_self_partial_in_section(void **state)
{
	static const char *const files[] = {
		"node", "<li>{{name}}\n{{#kids}}\n  {{> node}}\n{{/kids}}\n"
		    "</li>\n",
		NULL
	};
	struct table tb = { files };
	struct arena a = {0};
	struct cap c;
	struct tmpl_set *s;
	const struct tmpl *t;

	(void)state;
	cap_open(&c);
	s = table_set(&tb, 1, 0, &c);
	t = tmpl_compile(s, "T", "<ul>\n  {{> node}}\n</ul>\n", 24);
	assert_render(t, tree(&a, 3),
	    "<ul>\n"
	    "  <li>L3\n"
	    "    <li>L2\n"
	    "      <li>L1\n"
	    "      </li>\n"
	    "    </li>\n"
	    "  </li>\n"
	    "</ul>\n");
	assert_string_equal(cap_text(&c), "");
	tmpl_set_free(s);
	cap_close(&c);
	arena_free(&a);
}

/* {"n": {"n": ... }} nested depth times. */
static struct tv *
chain(struct arena *a, int depth)
{
	struct tv *v = tv_map(a), *p = v;
	int i;

	for (i = 0; i < depth; i++)
		p = tv_set(a, p, "n", tv_map(a));
	/* The innermost must say no, or {{#n}} finds an outer n. */
	tv_set(a, p, "n", tv_null(a));
	return v;
}

/* tmpl_render stops at 64 nested partials and says so once. */
static void
test_partial_depth(void **state)
{
	static const char *const files[] = {
		"node", "{{#n}}\n<{{> node}}{{/n}}", NULL
	};
	struct table tb = { files };
	struct arena a = {0};
	struct buf b = {0};
	struct cap c;
	struct tmpl_set *s;
	const struct tmpl *t;
	char *out;

	(void)state;
	cap_open(&c);
	s = table_set(&tb, 1, 0, &c);
	t = tmpl_compile(s, "T", "{{> node}}", 10);
	assert_non_null(t);
	/* 63 levels of data: 64 partials, the most allowed. */
	out = render(t, chain(&a, 63));
	assert_int_equal(strlen(out), 63);
	free(out);
	assert_false(tmpl_render(t, chain(&a, 64), &b));
	buf_reset(&b);
	assert_false(tmpl_render(t, chain(&a, 1000), &b));
	assert_string_equal(cap_text(&c),
	    "p/node:2: partials nested deeper than 64\n");
	buf_free(&b);
	tmpl_set_free(s);
	cap_close(&c);
	arena_free(&a);
}

/* A name found nowhere warns once per line, however often it runs;
 * null, false and an empty list are in the view. */
static void
test_missing_warning(void **state)
{
	static const char *const none[] = { NULL };
	static const char text[] = "{{a}}\n{{b.c}}{{b.c}}\n"
	    "{{#d}}x{{/d}}{{^e}}y{{/e}}\n{{n}}{{f}}{{#l}}{{/l}}{{.}}\n";
	struct table tb = { none };
	struct arena a = {0};
	struct cap c;
	struct tmpl_set *s;
	const struct tmpl *t;
	struct tv *v;

	(void)state;
	v = tv_map(&a);
	tv_set(&a, v, "b", tv_map(&a));
	tv_set(&a, v, "n", tv_null(&a));
	tv_set(&a, v, "f", tv_bool(&a, 0));
	tv_set(&a, v, "l", tv_list(&a));
	cap_open(&c);
	s = table_set(&tb, 1, 1, &c);
	t = tmpl_compile(s, "T", text, sizeof(text) - 1);
	assert_render(t, v, "\n\ny\nfalse\n");
	assert_render(t, v, "\n\ny\nfalse\n");
	assert_string_equal(cap_text(&c),
	    "T:1: warning: 'a' is not in the view\n"
	    "T:2: warning: 'b.c' is not in the view\n"
	    "T:3: warning: 'd' is not in the view\n"
	    "T:3: warning: 'e' is not in the view\n");
	assert_int_equal(c.d.errors, 0);
	tmpl_set_free(s);
	cap_close(&c);
	arena_free(&a);
}

/* Dotted names resolve their first part up the stack, the rest in it. */
static void
test_dotted_names(void **state)
{
	static const char *const none[] = { NULL };
	static const char text[] = "{{a.b.c}}|{{#a}}{{b.c}}{{x}}{{/a}}|"
	    "{{#a.b}}{{c}}{{/a.b}}|{{a.x}}";
	struct table tb = { none };
	struct arena a = {0};
	struct cap c;
	struct tmpl_set *s;
	struct tv *v, *av;

	(void)state;
	v = tv_map(&a);
	av = tv_set(&a, v, "a", tv_map(&a));
	tv_set(&a, tv_set(&a, av, "b", tv_map(&a)), "c", tv_num(&a, 7));
	tv_set(&a, v, "x", tv_str(&a, "outer"));
	cap_open(&c);
	s = table_set(&tb, 1, 0, &c);
	assert_render(tmpl_compile(s, "T", text, sizeof(text) - 1), v,
	    "7|7outer|7|");
	tmpl_set_free(s);
	cap_close(&c);
	arena_free(&a);
}

/* {{x}} escapes with esc_html: & < > " '; the others do not escape. */
static void
test_escaping(void **state)
{
	static const char *const none[] = { NULL };
	static const char text[] = "{{x}}|{{{x}}}|{{&x}}";
	struct table tb = { none };
	struct arena a = {0};
	struct cap c;
	struct tmpl_set *s;
	struct tv *v;

	(void)state;
	v = tv_map(&a);
	tv_set(&a, v, "x", tv_str(&a, "<a href=\"u\">'&'</a>"));
	cap_open(&c);
	s = table_set(&tb, 1, 0, &c);
	assert_render(tmpl_compile(s, "T", text, sizeof(text) - 1), v,
	    "&lt;a href=&quot;u&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;|"
	    "<a href=\"u\">'&'</a>|<a href=\"u\">'&'</a>");
	tmpl_set_free(s);
	cap_close(&c);
	arena_free(&a);
}

/* Numbers as tv_json writes them; truthiness is JavaScript's !!. */
static void
test_values(void **state)
{
	static const char *const none[] = { NULL };
	static const char text[] = "{{i}} {{f}} {{neg}} {{big}} {{t}}|"
	    "{{#zero}}0{{/zero}}{{#empty}}e{{/empty}}{{#m}}m{{/m}}"
	    "{{#s}}{{.}}{{/s}}";
	struct table tb = { none };
	struct arena a = {0};
	struct cap c;
	struct tmpl_set *s;
	struct tv *v;

	(void)state;
	v = tv_map(&a);
	tv_set(&a, v, "i", tv_num(&a, 85));
	tv_set(&a, v, "f", tv_num(&a, 1.21));
	tv_set(&a, v, "neg", tv_num(&a, -3));
	tv_set(&a, v, "big", tv_num(&a, 1e20));
	tv_set(&a, v, "t", tv_bool(&a, 1));
	tv_set(&a, v, "zero", tv_num(&a, 0));
	tv_set(&a, v, "empty", tv_str(&a, ""));
	tv_set(&a, v, "m", tv_map(&a));
	tv_set(&a, v, "s", tv_str(&a, "str"));
	cap_open(&c);
	s = table_set(&tb, 1, 0, &c);
	assert_render(tmpl_compile(s, "T", text, sizeof(text) - 1), v,
	    "85 1.21 -3 1e+20 true|mstr");
	tmpl_set_free(s);
	cap_close(&c);
	arena_free(&a);
}

/* One compiled partial serves every indentation, run after run. */
static void
test_indented_partial(void **state)
{
	static const char *const files[] = {
		"item", "<li>\n{{x}}\n</li>\n", NULL
	};
	static const char text[] = "<ul>\n  {{> item}}\n\t{{> item}}\n"
	    "<p>{{> item}}</p>\n</ul>\n";
	static const char want[] = "<ul>\n  <li>\n  X\n  </li>\n"
	    "\t<li>\n\tX\n\t</li>\n<p><li>\nX\n</li>\n</p>\n</ul>\n";
	struct table tb = { files };
	struct arena a = {0};
	struct cap c;
	struct tmpl_set *s;
	const struct tmpl *t;
	struct tv *v;

	(void)state;
	v = tv_map(&a);
	tv_set(&a, v, "x", tv_str(&a, "X"));
	cap_open(&c);
	s = table_set(&tb, 1, 0, &c);
	t = tmpl_compile(s, "T", text, sizeof(text) - 1);
	assert_render(t, v, want);
	assert_render(t, v, want);
	assert_string_equal(cap_text(&c), "");
	tmpl_set_free(s);
	cap_close(&c);
	arena_free(&a);
}

/* tmpl_set_dir: file names, display paths, the cache, unreadable files. */
static void
test_dir(void **state)
{
	struct tdir td;
	struct cap c;
	struct tmpl_set *s;
	const struct tmpl *t;
	char *want;

	(void)state;
	tdir_open(&td);
	tdir_write(&td, "page.html", "<h1>{{title}}</h1>\n{{> foot}}\n");
	tdir_write(&td, "partials/foot.html", "<footer>{{year}}</footer>\n");
	cap_open(&c);
	s = tmpl_set_dir(td.path, "templates", 1, &c.d);
	t = tmpl_get(s, "page.html");
	assert_non_null(t);
	assert_ptr_equal(tmpl_get(s, "page.html"), t);
	assert_render(t, NULL, "<h1></h1>\n<footer></footer>\n");
	assert_null(tmpl_get(s, "nope.html"));
	want = xasprintf(
	    "templates/page.html:1: warning: 'title' is not in the view\n"
	    "templates/partials/foot.html:1: warning: 'year' is not in the "
	    "view\n"
	    "templates/nope.html: cannot read: %s\n", strerror(ENOENT));
	assert_string_equal(cap_text(&c), want);
	free(want);
	tmpl_set_free(s);
	cap_close(&c);
	tdir_close(&td);
}

/* What each thread renders, and the expected result. */
struct job {
	const struct tmpl	*t;	/* template to run */
	const struct tv		*v;	/* the view */
	const char		*want;	/* expected output */
	int			 bad;	/* runs that differed */
};

/* A thread: renders 1,000 times and counts results that differ. */
static void *
job_run(void *arg)
{
	struct job *j = arg;
	struct buf b = {0};
	int i;

	for (i = 0; i < 1000; i++) {
		buf_reset(&b);
		if (!tmpl_render(j->t, j->v, &b) || strcmp(b.data, j->want))
			j->bad++;
	}
	buf_free(&b);
	return NULL;
}

/* Four threads run one template 1,000 times each, warnings and all. */
static void
test_threads(void **state)
{
	static const char *const files[] = {
		"row", "<tr><td>{{name}}</td><td>{{n}}</td>{{missing}}</tr>\n",
		NULL
	};
	static const char text[] = "<table>\n{{#rows}}\n  {{> row}}\n"
	    "{{/rows}}\n</table>\n";
	struct table tb = { files };
	struct arena a = {0};
	struct job jobs[4];
	pthread_t th[4];
	struct cap c;
	struct tmpl_set *s;
	struct tv *v, *rows, *r;
	char *want;
	int i;

	(void)state;
	v = tv_map(&a);
	rows = tv_set(&a, v, "rows", tv_list(&a));
	for (i = 0; i < 50; i++) {
		r = tv_push(&a, rows, tv_map(&a));
		tv_set(&a, r, "name", tv_strf(&a, "<%d>", i));
		tv_set(&a, r, "n", tv_num(&a, i * 1.5));
	}
	cap_open(&c);
	s = table_set(&tb, 1, 1, &c);
	jobs[0].t = tmpl_compile(s, "T", text, sizeof(text) - 1);
	want = render(jobs[0].t, v);
	assert_non_null(strstr(want, "  <tr><td>&lt;49&gt;</td><td>73.5"));
	for (i = 0; i < 4; i++) {
		jobs[i] = (struct job){ jobs[0].t, v, want, 0 };
		assert_int_equal(pthread_create(&th[i], NULL, job_run,
		    &jobs[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(jobs[i].bad, 0);
	}
	assert_string_equal(cap_text(&c),
	    "p/row:1: warning: 'missing' is not in the view\n");
	free(want);
	tmpl_set_free(s);
	cap_close(&c);
	arena_free(&a);
}

/* Runs every test; cmocka's exit status. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_partial),
		cmocka_unit_test(test_missing_partial_lenient),
		cmocka_unit_test(test_open_section),
		cmocka_unit_test(test_close_mismatch),
		cmocka_unit_test(test_unclosed_tag),
		cmocka_unit_test(test_bad_tags),
		cmocka_unit_test(test_bad_partial_name),
		cmocka_unit_test(test_many_errors),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_pathological),
		cmocka_unit_test(test_self_partial),
		cmocka_unit_test(test_self_partial_in_section),
		cmocka_unit_test(test_partial_depth),
		cmocka_unit_test(test_missing_warning),
		cmocka_unit_test(test_dotted_names),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_indented_partial),
		cmocka_unit_test(test_dir),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
