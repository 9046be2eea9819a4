/*
 * fuzz_template.c: the Mustache engine (template.c, tmpl.h).
 *
 * Input: TEMPLATES [NUL DATA].  TEMPLATES is split at each byte 0x1e
 * (record separator) into segments: segment 0 is the template rendered,
 * segment K (K >= 1) is the partial named "K".  The partial named "self"
 * is segment 0 again, so {{>self}} makes a template include itself; the
 * partial named "data" is DATA's text.  Any other partial does not exist.
 *
 * DATA, line by line, builds the view (struct tv) the templates run
 * against.  Each line is KEY then one operator byte then the rest:
 *   KEY=TEXT   a string          KEY#NUM   a number (strtod)
 *   KEY?       true              KEY!      false
 *   KEY~       null              KEY{      a map, to its line "}"
 *   KEY[       a list, to its line "]"
 * Inside a list the key is ignored (items have none).  A line with no
 * operator is a string under its own text as key.  Nesting stops at 32
 * levels; unbalanced closers are ignored.
 *
 * Each input runs twice: in a strict set with missing-name warnings, the
 * way umpress runs templates (tmpl_get through the loader, twice, to hit
 * its cache), and in a set like the spec's (not strict, tmpl_compile).
 * abort() fires when a template is refused or a render fails without a
 * message, when a second render differs from the first, or when the
 * spec's set does not run what the strict set ran to the same bytes.
 * A render slower than SLOW seconds is not run again (the second render
 * and the spec's set are left out).
 *
 * Messages go to /dev/null; FUZZ_VERBOSE=1 sends them to stderr.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tmpl.h"
#include "fuzz.h"

#define SEG_MAX		64	/* segments of TEMPLATES looked at */
#define NEST_MAX	32	/* containers open at once in DATA */
/*
 * Seconds a render may take and still be run again.  template.c stops a
 * render after 50 million steps, which under the sanitizers takes some
 * 6 s: run three times, such an input would pass libFuzzer's -timeout.
 */
#define SLOW		1.0

static FILE	*sink;

struct input {
	const char	*seg[SEG_MAX];	/* segment starts */
	size_t		 len[SEG_MAX];	/* and lengths */
	size_t		 nseg;
	const char	*data;		/* DATA, or NULL */
	size_t		 dlen;
};

/* The loader: templates "main" and partials by number, "self", "data". */
static int
load(void *arg, const char *name, int partial, struct buf *text,
    char **path)
{
	const struct input *in = arg;
	char *end;
	unsigned long k;

	if (!partial) {
		if (strcmp(name, "main") != 0)
			return 0;
		buf_put(text, in->seg[0], in->len[0]);
	} else if (strcmp(name, "self") == 0)
		buf_put(text, in->seg[0], in->len[0]);
	else if (strcmp(name, "data") == 0) {
		if (in->data == NULL)
			return 0;
		buf_put(text, in->data, in->dlen);
	} else {
		k = strtoul(name, &end, 10);
		if (*name < '1' || *name > '9' || *end != '\0' ||
		    k >= in->nseg)
			return 0;
		buf_put(text, in->seg[k], in->len[k]);
	}
	*path = xasprintf("%s%s", partial ? "partials/" : "", name);
	return 1;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Builds the view from DATA (see the top of the file). */
static struct tv *
view(struct arena *a, const char *p, size_t len)
{
	struct tv *stack[NEST_MAX], *root = tv_map(a), *cur, *v;
	const char *end = p + len, *nl, *op;
	char *key;
	size_t depth = 0, n;

	stack[depth++] = root;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		cur = stack[depth - 1];
		if (n == 1 && (*p == '}' || *p == ']')) {
			if (depth > 1 && stack[depth - 1]->type ==
			    (*p == '}' ? TV_MAP : TV_LIST))
				depth--;
			goto next;
		}
		op = p;
		while (op < p + n && (*op == '\0' ||
		    strchr("=#?!~{[", *op) == NULL))
			op++;
		key = arena_strndup(a, p, (size_t)(op - p));
		if (op == p + n)
			v = tv_strn(a, p, n);
		else {
			switch (*op) {
			case '=':
				v = tv_strn(a, op + 1, (size_t)(p + n - op - 1));
				break;
			case '#': {
				char *num = arena_strndup(a, op + 1,
				    (size_t)(p + n - op - 1));

				v = tv_num(a, strtod(num, NULL));
				break;
			}
			case '?':
				v = tv_bool(a, 1);
				break;
			case '!':
				v = tv_bool(a, 0);
				break;
			case '~':
				v = tv_null(a);
				break;
			case '{':
				v = tv_map(a);
				break;
			default:
				v = tv_list(a);
				break;
			}
		}
		if (cur->type == TV_LIST)
			tv_push(a, cur, v);
		else
			tv_set(a, cur, key, v);
		if ((v->type == TV_MAP || v->type == TV_LIST) &&
		    depth < NEST_MAX)
			stack[depth++] = v;
next:
		p = nl ? nl + 1 : end;
	}
	return root;
}

static void
split(struct input *in, const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end, *nul, *rs;

	memset(in, 0, sizeof(*in));
	nul = memchr(p, '\0', size);
	end = nul ? nul : p + size;
	if (nul != NULL) {
		in->data = nul + 1;
		in->dlen = size - (size_t)(nul - p) - 1;
	}
	for (;;) {
		rs = memchr(p, 0x1e, (size_t)(end - p));
		in->seg[in->nseg] = p;
		in->len[in->nseg] = rs ? (size_t)(rs - p) : (size_t)(end - p);
		in->nseg++;
		if (rs == NULL || in->nseg == SEG_MAX)
			break;
		p = rs + 1;
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{

	(void)argc;
	(void)argv;
	sink = fuzz_sink();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in;
	struct tmpl_loader loader = { load, &in };
	struct tmpl_set *set;
	const struct tmpl *t, *again;
	struct arena a = {0};
	struct buf out = {0}, out2 = {0};
	struct diag d;
	struct tv *ctx;
	int errors, rendered = 0, slow = 0;
	double t0;

	split(&in, data, size);
	ctx = view(&a, in.data ? in.data : "", in.data ? in.dlen : 0);
	diag_init(&d, sink);

	/* umpress's way: strict, warnings, by name through the loader. */
	set = tmpl_set_new(&loader, 1, 1, &d);
	t = tmpl_get(set, "main");
	again = tmpl_get(set, "main");
	if (t != again)
		abort();	/* tmpl_get keeps its answer */
	if (t == NULL && d.errors == 0)
		abort();	/* refused without saying why */
	if (t != NULL) {
		errors = d.errors;
		t0 = now();
		rendered = tmpl_render(t, ctx, &out);
		slow = now() - t0 > SLOW;
		if (!rendered && d.errors == errors)
			abort();	/* failed without saying why */
		/* Rendering again gives the same bytes. */
		if (!slow && (tmpl_render(t, ctx, &out2) != rendered ||
		    out2.len != out.len ||
		    (out.len && memcmp(out.data, out2.data, out.len))))
			abort();
	}
	tmpl_set_free(set);

	/*
	 * The spec's way: missing partials are empty, compiled from text.
	 * What the strict set ran, this one runs to the same bytes:
	 * strictness only refuses templates, warnings only report.
	 */
	buf_reset(&out2);
	set = tmpl_set_new(&loader, 0, 0, &d);
	t = tmpl_compile(set, "main", in.seg[0], in.len[0]);
	if (rendered && t == NULL)
		abort();
	if (t != NULL && !slow) {
		errors = d.errors;
		if (!tmpl_render(t, ctx, &out2)) {
			if (d.errors == errors || rendered)
				abort();
		} else if (rendered && (out2.len != out.len ||
		    (out.len && memcmp(out.data, out2.data, out.len))))
			abort();
	}
	tmpl_set_free(set);

	buf_free(&out);
	buf_free(&out2);
	arena_free(&a);
	return 0;
}
