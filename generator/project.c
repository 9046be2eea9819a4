/*
 * project.c: YAML through libyaml, and content/site.yaml (content.md):
 * the site's settings and the program: overrides of rules.md's numbers.
 * Every key is checked; an unknown one is an error at its line, so a
 * typo in a setting never silently keeps a default.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

#define SITE_YAML "content/site.yaml"

/* ---- YAML slips, in plain words -------------------------------------------- */

/* One line of a YAML text. */
struct yline {
	const char	*s;	/* its first byte */
	size_t		 len;	/* without the newline (and a CR) */
	size_t		 indent;/* leading spaces */
	int		 blank;	/* empty, blanks or a comment */
};

/* Line n (0-based) of text; an empty line past the end. */
static struct yline
yaml_line(const char *text, size_t len, size_t n)
{
	const char *p = text, *end = text + len, *nl;
	struct yline l;

	for (; n > 0 && p < end; n--)
		p = (nl = memchr(p, '\n', (size_t)(end - p))) ? nl + 1 : end;
	l.s = p;
	nl = memchr(p, '\n', (size_t)(end - p));
	l.len = (size_t)((nl ? nl : end) - p);
	if (l.len > 0 && p[l.len - 1] == '\r')
		l.len--;
	for (l.indent = 0; l.indent < l.len && p[l.indent] == ' '; l.indent++)
		;
	l.blank = l.indent == l.len || p[l.indent] == '#';
	return l;
}

/* Where ": " (or a ':' that ends the line) is in l from column from;
 * -1 when nowhere. */
static long
yaml_colon(const struct yline *l, size_t from)
{
	size_t i;

	for (i = from; i < l->len; i++)
		if (l->s[i] == ':' && (i + 1 == l->len || l->s[i + 1] == ' '))
			return (long)i;
	return -1;
}

/* The fix for ': ' in a value: the line with the value quoted. */
static void
yaml_quoted(struct buf *b, const struct yline *l, size_t colon)
{
	const char *v = l->s + colon + 1;
	size_t n = l->len - colon - 1;
	char q = memchr(v, '"', n) == NULL ? '"' : '\'';

	while (n > 0 && *v == ' ')
		v++, n--;
	if (memchr(v, q, n) != NULL) {
		BUF_LIT(b, "put the value in quotes");
		return;
	}
	buf_printf(b, "put the value in quotes: %.*s %c%.*s%c",
	    (int)(colon + 1 - l->indent), l->s + l->indent, q, (int)n, v, q);
}

/*
 * "mapping values are not allowed in this context": a ": " where a value
 * goes on.  In a value after its key's ": ", the value needs quotes; at
 * the start of a line, that line is indented under a value, or the line
 * above is no "key: value" and ran on into this one (then the slip is
 * there, a line before libyaml sees it).  -1 when none of these.
 */
static int
yaml_mapping_slip(const char *text, size_t len, size_t at, size_t col,
    struct buf *b)
{
	struct yline l = yaml_line(text, len, at), up;
	long first = yaml_colon(&l, l.indent);
	size_t k = at;

	if (first >= 0 && (size_t)first < col) {
		buf_printf(b, "the value of '%.*s' holds ': ': ",
		    (int)((size_t)first - l.indent), l.s + l.indent);
		yaml_quoted(b, &l, (size_t)first);
		return (int)at;
	}
	up.blank = 1;
	while (k > 0 && up.blank)
		up = yaml_line(text, len, --k);
	if (!up.blank && yaml_colon(&up, up.indent) < 0) {
		if (memchr(up.s, ':', up.len) != NULL)
			buf_printf(b, "'%.*s' is not 'key: value': put a space "
			    "after the ':'", (int)(up.len - up.indent),
			    up.s + up.indent);
		else
			buf_printf(b, "'%.*s' is not 'key: value': a key is "
			    "followed by ':' and a space", (int)(up.len -
			    up.indent), up.s + up.indent);
		return (int)k;
	}
	if (up.blank)
		return -1;
	BUF_LIT(b, "this line is indented more than the key above it: start "
	    "the keys of one mapping in the same column");
	return (int)at;
}

/* "did not find expected key": a line the mapping cannot take. */
static int
yaml_key_slip(const char *text, size_t len, size_t at, size_t col,
    struct buf *b)
{
	struct yline l = yaml_line(text, len, at);

	if (col > l.indent)
		BUF_LIT(b, "more text after the closing quote: put the whole "
		    "value in quotes (inside '...', write a ' as '')");
	else if (l.indent < l.len && l.s[l.indent] == '-')
		BUF_LIT(b, "a list item where a key belongs: put the list "
		    "under its key, indented ('key:' then '  - item')");
	else
		BUF_LIT(b, "this line is indented less than the keys above "
		    "it: start the keys of one mapping in the same column");
	return (int)at;
}

/*
 * The line of a YAML syntax error and the words for it (issue 19: the
 * line of the slip, in plain words, with the likely fix, not libyaml's
 * words one line late).  Returns the 0-based line.
 */
static int
yaml_slip(const yaml_parser_t *p, const char *text, size_t len,
    struct buf *b)
{
	const char *pr = p->problem ? p->problem : "";
	const char *cx = p->context ? p->context : "";
	size_t at = p->problem_mark.line, col = p->problem_mark.column;
	struct yline l = yaml_line(text, len, at);
	char c = col < l.len ? l.s[col] : ' ';
	int k = -1;

	if (strstr(pr, "mapping values are not allowed"))
		k = yaml_mapping_slip(text, len, at, col, b);
	else if (strstr(pr, "could not find expected ':'"))
		k = yaml_mapping_slip(text, len, p->context_mark.line + 1, 0, b);
	if (k >= 0)
		return k;
	if (strstr(pr, "did not find expected key"))
		return yaml_key_slip(text, len, at, col, b);
	if (strstr(cx, "quoted scalar") && strstr(pr, "end of stream")) {
		BUF_LIT(b, "the quote that opens this value is not closed: end "
		    "the value with the same quote");
		return (int)p->context_mark.line;
	}
	if (strstr(pr, "expected ',' or ']'") || strstr(pr,
	    "expected ',' or '}'")) {
		buf_printf(b, "a value that begins with '%c' is a YAML %s, and "
		    "this one is not closed: put the value in quotes, or close "
		    "it with '%c'", *pr && strchr(pr, ']') ? '[' : '{',
		    strchr(pr, ']') ? "list" : "mapping",
		    strchr(pr, ']') ? ']' : '}');
		return (int)p->context_mark.line;
	}
	if (strstr(pr, "tab character") || c == '\t')
		BUF_LIT(b, "a tab in the indentation: indent with spaces");
	else if (strstr(pr, "unknown escape character"))
		BUF_LIT(b, "a '\\' inside double quotes starts an escape: use "
		    "single quotes, or write '\\\\'");
	else if (strstr(pr, "expected '-' indicator"))
		BUF_LIT(b, "this line is in a list but is no item of it: each "
		    "item begins with '- '");
	else if (strstr(pr, "cannot start any token") || strstr(pr,
	    "undefined alias") || strstr(pr, "expected node content"))
		buf_printf(b, "a value cannot begin with '%c': put the value "
		    "in quotes", c);
	else
		buf_printf(b, "this is not YAML that umpress can read "
		    "(libyaml: %s%s%s)", pr, *cx ? " " : "", cx);
	return (int)at;
}

int
ydoc_load(struct ydoc *y, const char *text, size_t len, const char *path,
    int line0, struct diag *d)
{
	struct buf b = {0};
	int at;

	yaml_parser_t p;
	int ok = 1;

	memset(y, 0, sizeof(*y));
	y->path = path;
	y->line0 = line0;
	if (!yaml_parser_initialize(&p))
		abort();
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&p, &y->doc)) {
		at = yaml_slip(&p, text, len, &b);
		diag_file(d, DIAG_ERROR, path, line0 + at, "%s", b.data);
		buf_free(&b);
		ok = 0;
	} else
		y->loaded = 1;
	yaml_parser_delete(&p);
	return ok;
}

void
ydoc_free(struct ydoc *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
}

yaml_node_t *
ydoc_root(struct ydoc *y)
{
	return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *
ydoc_node(struct ydoc *y, int index)
{
	return yaml_document_get_node(&y->doc, index);
}

int
ydoc_line(const struct ydoc *y, const yaml_node_t *n)
{
	return y->line0 + (int)n->start_mark.line;
}

const char *
ydoc_scalar(const yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

/* Reports a key seen before in the same mapping. */
static int
ydoc_dup_key(struct ydoc *y, yaml_node_t *map, yaml_node_pair_t *upto,
    const char *key)
{
	yaml_node_pair_t *p;
	const char *k;

	for (p = map->data.mapping.pairs.start; p < upto; p++) {
		k = ydoc_scalar(ydoc_node(y, p->key));
		if (k != NULL && strcmp(k, key) == 0)
			return 1;
	}
	return 0;
}

int
ydoc_each(struct ydoc *y, yaml_node_t *map, const char *what,
    ydoc_key_fn fn, void *arg, struct diag *d)
{
	yaml_node_pair_t *p;
	yaml_node_t *k;
	const char *key;
	int ok = 1;

	if (map == NULL || map->type != YAML_MAPPING_NODE) {
		diag_file(d, DIAG_ERROR, y->path,
		    map ? ydoc_line(y, map) : y->line0,
		    "%s must be a mapping of keys to values", what);
		return 0;
	}
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = ydoc_node(y, p->key);
		if ((key = ydoc_scalar(k)) == NULL) {
			diag_file(d, DIAG_ERROR, y->path, ydoc_line(y, k),
			    "%s: a key must be a plain word", what);
			ok = 0;
		} else if (ydoc_dup_key(y, map, p, key)) {
			diag_file(d, DIAG_ERROR, y->path, ydoc_line(y, k),
			    "%s: '%s' is given twice", what, key);
			ok = 0;
		} else if (!fn(arg, y, key, ydoc_node(y, p->value),
		    ydoc_line(y, k), d))
			ok = 0;
	}
	return ok;
}

/* A scalar for key, or a report that the value is not one. */
static const char *
ydoc_need_scalar(struct ydoc *y, yaml_node_t *n, const char *key,
    struct diag *d)
{
	const char *s = ydoc_scalar(n);

	if (s == NULL)
		diag_file(d, DIAG_ERROR, y->path, ydoc_line(y, n),
		    "%s: expected a single value", key);
	return s;
}

int
ydoc_get_str(struct ydoc *y, yaml_node_t *n, const char *key, char **out,
    struct diag *d)
{
	const char *s;

	if ((s = ydoc_need_scalar(y, n, key, d)) == NULL)
		return 0;
	free(*out);
	*out = xstrdup(s);
	return 1;
}

int
ydoc_get_bool(struct ydoc *y, yaml_node_t *n, const char *key, int *out,
    struct diag *d)
{
	const char *s;

	if ((s = ydoc_need_scalar(y, n, key, d)) == NULL)
		return 0;
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)
		*out = 1;
	else if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0)
		*out = 0;
	else {
		diag_file(d, DIAG_ERROR, y->path, ydoc_line(y, n),
		    "%s: expected true or false, not '%s'", key, s);
		return 0;
	}
	return 1;
}

int
ydoc_get_long(struct ydoc *y, yaml_node_t *n, const char *key,
    long long min, long long max, long long *out, struct diag *d)
{
	const char *s;
	char *end;
	long long v;

	if ((s = ydoc_need_scalar(y, n, key, d)) == NULL)
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno == ERANGE) {
		diag_file(d, DIAG_ERROR, y->path, ydoc_line(y, n),
		    "%s: expected a whole number, not '%s'", key, s);
		return 0;
	}
	if (v < min || v > max) {
		diag_file(d, DIAG_ERROR, y->path, ydoc_line(y, n),
		    "%s: %lld is outside %lld to %lld", key, v, min, max);
		return 0;
	}
	*out = v;
	return 1;
}

/* ---- site.yaml ------------------------------------------------------------ */

enum setting_type { SET_INT, SET_INT64, SET_DOUBLE };

/* The program: keys and the settings field each one sets (content.md). */
static const struct setting_key {
	const char		*key;
	enum setting_type	 type;
	size_t			 off;
	long long		 min;
	long long		 max;
} setting_keys[] = {
#define SK(k, f, t, lo, hi) { k, t, offsetof(struct settings, f), lo, hi }
	SK("max_credential_targets", max_credential_targets, SET_INT, 0, 99),
	SK("max_certificate_targets", max_certificate_targets, SET_INT, 0, 99),
	SK("exam_window_years", exam_window_years, SET_INT, 1, 50),
	SK("warning_days", warning_days, SET_INT, 0, 3650),
	SK("retest_wait_days", retest_wait_days, SET_INT, 0, 3650),
	SK("max_exams_per_half_year", max_exams_per_half_year, SET_INT, 0, 99),
	SK("max_classes_per_year", max_classes_per_year, SET_INT, 0, 99),
	SK("max_concurrent_classes", max_concurrent_classes, SET_INT, 0, 99),
	SK("max_concurrent_summer_classes", max_concurrent_summer, SET_INT,
	    0, 99),
	SK("recent_credit_years", recent_credit_years, SET_INT, 0, 50),
	SK("withdrawal_drops", withdrawal_drops, SET_INT, 1, 99),
	SK("inactivity_years", inactivity_years, SET_INT, 1, 50),
	SK("max_time_off_hours_per_week", max_hours_per_week, SET_DOUBLE,
	    0, 168),
	SK("max_full_day_days_per_semester", max_full_day_days, SET_INT,
	    0, 366),
	SK("private_tuition_cap_cents", private_tuition_cap_cents, SET_INT64,
	    0, 100000000000LL),
	SK("work_commitment_years", work_commitment_years, SET_INT, 0, 50),
	SK("grade_valid_years", grade_valid_years, SET_INT, 1, 50),
	SK("max_counties", max_counties, SET_INT, 1, 3),
	SK("max_assignment_years", max_assignment_years, SET_INT, 1, 50),
#undef SK
};

/* One key of program:. */
static int
program_key(void *arg, struct ydoc *y, const char *key, yaml_node_t *v,
    int line, struct diag *d)
{
	struct settings *s = arg;
	const struct setting_key *k;
	long long n;
	size_t i;

	for (i = 0; i < sizeof(setting_keys) / sizeof(setting_keys[0]); i++)
		if (strcmp(setting_keys[i].key, key) == 0)
			break;
	if (i == sizeof(setting_keys) / sizeof(setting_keys[0])) {
		diag_file(d, DIAG_ERROR, y->path, line,
		    "program: unknown setting '%s'", key);
		return 0;
	}
	k = &setting_keys[i];
	if (!ydoc_get_long(y, v, key, k->min, k->max, &n, d))
		return 0;
	if (k->type == SET_INT)
		*(int *)(void *)((char *)s + k->off) = (int)n;
	else if (k->type == SET_INT64)
		*(int64_t *)(void *)((char *)s + k->off) = n;
	else
		*(double *)(void *)((char *)s + k->off) = (double)n;
	return 1;
}

/* One key of contact:. */
static int
contact_key(void *arg, struct ydoc *y, const char *key, yaml_node_t *v,
    int line, struct diag *d)
{
	struct contact *c = arg;

	if (strcmp(key, "name") == 0)
		return ydoc_get_str(y, v, "contact: name", &c->name, d);
	if (strcmp(key, "phone") == 0)
		return ydoc_get_str(y, v, "contact: phone", &c->phone, d);
	if (strcmp(key, "email") == 0)
		return ydoc_get_str(y, v, "contact: email", &c->email, d);
	if (strcmp(key, "office") == 0)
		return ydoc_get_str(y, v, "contact: office", &c->office, d);
	diag_file(d, DIAG_ERROR, y->path, line, "contact: unknown key '%s'",
	    key);
	return 0;
}

static int
profile_value(struct ydoc *y, yaml_node_t *v, struct config *s, struct diag *d)
{
	const char *p = ydoc_need_scalar(y, v, "profile", d);

	if (p == NULL)
		return 0;
	if (strcmp(p, "illinois") == 0)
		s->profile = PROFILE_ILLINOIS;
	else if (strcmp(p, "california") == 0)
		s->profile = PROFILE_CALIFORNIA;
	else {
		diag_file(d, DIAG_ERROR, y->path, ydoc_line(y, v),
		    "profile: expected illinois or california, not '%s'", p);
		return 0;
	}
	return 1;
}

/* A YAML sequence node, or a report that the value is not one. */
static yaml_node_t *
seq_node(struct ydoc *y, yaml_node_t *v, const char *key,
    const char *example, struct diag *d)
{
	if (v != NULL && v->type == YAML_SEQUENCE_NODE)
		return v;
	diag_file(d, DIAG_ERROR, y->path, v ? ydoc_line(y, v) : y->line0,
	    "%s: expected a list, such as %s", key, example);
	return NULL;
}

/*
 * registration_months (rules.md N2): month numbers 1 to 12, each once.
 * IL III.A: "at least one registration month per calendar year".
 */
static int
months_value(struct ydoc *y, yaml_node_t *v, struct config *s,
    struct diag *d)
{
	yaml_node_item_t *it;
	long long m;
	unsigned bit;
	int ok = 1;

	if ((v = seq_node(y, v, "registration_months", "[3, 9]", d)) == NULL)
		return 0;
	s->prog.registration_months = 0;
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		if (!ydoc_get_long(y, ydoc_node(y, *it), "registration_months",
		    1, 12, &m, d)) {
			ok = 0;
			continue;
		}
		bit = 1u << (m - 1);
		if (s->prog.registration_months & bit) {
			diag_file(d, DIAG_ERROR, y->path,
			    ydoc_line(y, ydoc_node(y, *it)),
			    "registration_months: %lld is given twice", m);
			ok = 0;
		}
		s->prog.registration_months |= bit;
	}
	if (ok && s->prog.registration_months == 0) {
		diag_file(d, DIAG_ERROR, y->path, ydoc_line(y, v),
		    "registration_months: name at least one month (IL III.A)");
		ok = 0;
	}
	return ok;
}

/* covered_bargaining_units (rules.md E1): bargaining unit codes. */
static int
units_value(struct ydoc *y, yaml_node_t *v, struct config *s,
    struct diag *d)
{
	yaml_node_item_t *it;
	char *u;
	size_t n;
	int ok = 1;

	if ((v = seq_node(y, v, "covered_bargaining_units",
	    "[RC-062, RC-063]", d)) == NULL)
		return 0;
	n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	s->covered = xcalloc(n + 1, sizeof(*s->covered));
	s->ncovered = 0;
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		u = NULL;
		if (!ydoc_get_str(y, ydoc_node(y, *it),
		    "covered_bargaining_units", &u, d)) {
			ok = 0;
			continue;
		}
		if (*u == '\0') {
			diag_file(d, DIAG_ERROR, y->path,
			    ydoc_line(y, ydoc_node(y, *it)),
			    "covered_bargaining_units: an empty unit code");
			free(u);
			ok = 0;
			continue;
		}
		s->covered[s->ncovered++] = u;
	}
	s->prog.covered_units = (const char *const *)s->covered;
	s->prog.ncovered_units = s->ncovered;
	return ok;
}

/* One top-level key of site.yaml. */
static int
site_key(void *arg, struct ydoc *y, const char *key, yaml_node_t *v,
    int line, struct diag *d)
{
	struct config *s = arg;

	if (strcmp(key, "title") == 0)
		return ydoc_get_str(y, v, key, &s->title, d);
	if (strcmp(key, "department") == 0)
		return ydoc_get_str(y, v, key, &s->department, d);
	if (strcmp(key, "base_url") == 0)
		return ydoc_get_str(y, v, key, &s->base_url, d);
	if (strcmp(key, "unsafe_html") == 0)
		return ydoc_get_bool(y, v, key, &s->unsafe_html, d);
	if (strcmp(key, "profile") == 0)
		return profile_value(y, v, s, d);
	if (strcmp(key, "contact") == 0)
		return ydoc_each(y, v, "contact", contact_key, &s->contact, d);
	if (strcmp(key, "program") == 0)
		return ydoc_each(y, v, "program", program_key, &s->prog, d);
	if (strcmp(key, "registration_months") == 0)
		return months_value(y, v, s, d);
	if (strcmp(key, "covered_bargaining_units") == 0)
		return units_value(y, v, s, d);
	if (strcmp(key, "strict") == 0)
		return ydoc_get_bool(y, v, key, &s->strict, d);
	diag_file(d, DIAG_ERROR, y->path, line, "unknown key '%s'", key);
	return 0;
}

/*
 * Checks the text of a content file the way content.md asks: UTF-8 with
 * an optional byte-order mark (*skip is set past it) and no NUL byte.
 * Reports the line of the first bad byte and returns 0.
 */
int
project_text_ok(const char *path, const struct buf *b, size_t *skip,
    struct diag *d)
{
	const char *nul;
	size_t bad, at, i;
	int line = 1;

	*skip = b->len >= 3 && memcmp(b->data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	nul = memchr(b->data, '\0', b->len);
	at = nul ? (size_t)(nul - b->data) : b->len;
	if (!utf8_valid(b->data + *skip, b->len - *skip, &bad) &&
	    *skip + bad < at)
		at = *skip + bad;
	if (at == b->len)
		return 1;
	for (i = 0; i < at; i++)
		line += b->data[i] == '\n';
	diag_file(d, DIAG_ERROR, path, line, "%s", b->data[at] == '\0' ?
	    "a NUL byte (files must be text)" :
	    "bytes that are not UTF-8 (save the file as UTF-8)");
	return 0;
}

int
project_load(struct config *s, struct diag *d)
{
	struct buf b = {0};
	struct ydoc y;
	size_t skip;
	int ok = 0;

	memset(s, 0, sizeof(*s));
	settings_defaults(&s->prog);
	if (!file_read(SITE_YAML, &b)) {
		diag_file(d, DIAG_ERROR, SITE_YAML, 0, "cannot read: %s",
		    strerror(errno));
		goto out;
	}
	if (!project_text_ok(SITE_YAML, &b, &skip, d))
		goto out;
	if (!ydoc_load(&y, b.data + skip, b.len - skip, SITE_YAML, 1, d))
		goto outy;
	if (ydoc_root(&y) == NULL) {
		diag_file(d, DIAG_ERROR, SITE_YAML, 1, "the file is empty: "
		    "title is required");
		goto outy;
	}
	ok = ydoc_each(&y, ydoc_root(&y), "site.yaml", site_key, s, d);
	if (ok && (s->title == NULL || s->title[0] == '\0')) {
		diag_file(d, DIAG_ERROR, SITE_YAML, 1, "title is required");
		ok = 0;
	}
outy:
	ydoc_free(&y);
out:
	buf_free(&b);
	return ok;
}

void
config_free(struct config *s)
{
	free(s->title);
	free(s->department);
	free(s->base_url);
	free(s->contact.name);
	free(s->contact.phone);
	free(s->contact.email);
	free(s->contact.office);
	while (s->ncovered > 0)
		free(s->covered[--s->ncovered]);
	free(s->covered);
	memset(s, 0, sizeof(*s));
}

const char *
project_profile_name(enum profile p)
{
	return p == PROFILE_CALIFORNIA ? "california" : "illinois";
}

/* ---- what a build is made from ------------------------------------------- */

/* Adds path to p->files with the digest of the file's size and bytes. */
static void
fp_add(struct project *p, const char *path, struct buf *b)
{
	struct fp_file *f;
	struct hash h;

	p->files = xreallocarray(p->files, p->nfiles + 1, sizeof(*p->files));
	f = &p->files[p->nfiles++];
	f->path = xstrdup(path);
	f->use = FP_ANY;
	if (!file_read(path, b))
		buf_reset(b);
	hash_init(&h);
	hash_u64(&h, b->len);
	hash_put(&h, b->data, b->len);
	hash_end(&h, &f->d);
}

/* Every file under dir (links followed, as the loaders follow them), in
 * name order; a missing dir is noted as a file that is not there. */
static void
fp_tree(struct project *p, const char *dir, struct buf *b)
{
	struct dirent **ents;
	struct stat st;
	char *path;
	int n, i;

	if ((n = scandir(dir, &ents, NULL, alphasort)) < 0) {
		fp_add(p, dir, b);
		return;
	}
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, ents[i]->d_name);
		if (strcmp(ents[i]->d_name, ".") && strcmp(ents[i]->d_name,
		    "..") && stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				fp_tree(p, path, b);
			else if (S_ISREG(st.st_mode))
				fp_add(p, path, b);
		}
		free(path);
		free(ents[i]);
	}
	free(ents);
}

static int
fp_file_cmp(const void *x, const void *y)
{
	return strcmp(((const struct fp_file *)x)->path,
	    ((const struct fp_file *)y)->path);
}

static struct fp_file *
fp_find(const struct project *p, const char *path)
{
	struct fp_file key;

	key.path = (char *)path;
	return p->nfiles ? bsearch(&key, p->files, p->nfiles,
	    sizeof(*p->files), fp_file_cmp) : NULL;
}

/* What every part of the output is made from: the program (a rebuilt
 * umpress may render differently) and the as-of date. */
static void
fp_common(struct hash *h, const struct project *p)
{
	hash_str(h, "umpress " UMPRESS_VERSION);
	hash_digest(h, &p->program);
	hash_u64(h, (uint64_t)(int64_t)p->as_of);
}

void
project_fingerprint(struct project *p)
{
	struct hash h;
	struct buf b = {0};
	size_t i;

	if (file_read("/proc/self/exe", &b))
		hash_bytes(b.data, b.len, &p->program);
	fp_tree(p, "content", &b);
	fp_tree(p, "templates", &b);
	/* By path, for fp_find (scandir's order within a folder is not
	 * quite strcmp's across folders). */
	xqsort(p->files, p->nfiles, sizeof(*p->files), fp_file_cmp);
	hash_init(&h);
	fp_common(&h, p);
	for (i = 0; i < p->nfiles; i++) {
		hash_str(&h, p->files[i].path);
		hash_digest(&h, &p->files[i].d);
	}
	hash_end(&h, &p->fp_all);
	buf_free(&b);
}

/*
 * The loader of the scratch sets that find what a template reaches: the
 * files tmpl_set_dir() would read, each marked with the use at hand.
 */
struct fp_reach {
	struct project	*p;
	enum fp_use	 use;		/* what the files reached are marked */
};

static int
fp_reach_load(void *arg, const char *name, int partial, struct buf *text,
    char **path)
{
	struct fp_reach *r = arg;
	struct fp_file *f;
	char *file;

	file = partial ? xasprintf("templates/partials/%s.html", name) :
	    xasprintf("templates/%s", name);
	if ((f = fp_find(r->p, file)) != NULL && f->use < r->use)
		f->use = r->use;
	if (!file_read(file, text)) {
		free(file);
		return 0;
	}
	*path = file;
	return 1;
}

/* Marks what the template (or partial) name reaches with use.  Its
 * problems are the real set's to report: this one says nothing. */
static void
fp_reach(struct project *p, const char *name, int partial, enum fp_use use)
{
	struct fp_reach r = { p, use };
	struct tmpl_loader l = { fp_reach_load, &r };
	struct diag quiet;
	struct tmpl_set *set;
	char *text;

	diag_init(&quiet, NULL);
	set = tmpl_set_new(&l, 1, 0, &quiet);
	if (partial) {
		text = xasprintf("{{> %s}}", name);
		tmpl_compile(set, name, text, strlen(text));
		free(text);
	} else
		tmpl_get(set, name);
	tmpl_set_free(set);
}

/* A file of templates/ the public site or the report bundle is made
 * from alone (FP_PUBLIC roots): page.html and report.html run as
 * templates, style.css and search.js copied as they are. */
static int
fp_public_root(const char *path)
{
	static const char *const roots[] = { "templates/page.html",
	    "templates/report.html", "templates/style.css",
	    "templates/search.js", NULL };
	size_t i;

	for (i = 0; roots[i] != NULL; i++)
		if (strcmp(path, roots[i]) == 0)
			return 1;
	return 0;
}

/*
 * Which files of templates/ private/ is made from: every one but what
 * only the public roots reach.  A template of its own (packet.html,
 * private.html), packet.css, and a partial the public roots do not
 * reach (those the writers compile by name: packet-article, print-start,
 * letter-...) are private roots; what they reach is private too, a
 * partial that page.html shares among them.  A file private/ is not
 * made from may be taken for one (a partial nothing uses): that costs a
 * rebuild, never a stale file.
 */
static void
fp_templates(struct project *p)
{
	static const char tdir[] = "templates/", pdir[] = "templates/partials/";
	struct fp_file *f;
	char *name;
	size_t i, n;

	fp_reach(p, "page.html", 0, FP_PUBLIC);
	fp_reach(p, "report.html", 0, FP_PUBLIC);
	for (i = 0; i < p->nfiles; i++)
		if (fp_public_root(p->files[i].path))
			p->files[i].use = FP_PUBLIC;
	for (i = 0; i < p->nfiles; i++) {
		f = &p->files[i];
		n = strlen(f->path);
		if (strncmp(f->path, tdir, sizeof(tdir) - 1) != 0 ||
		    fp_public_root(f->path))
			continue;
		if (strncmp(f->path, pdir, sizeof(pdir) - 1) == 0 &&
		    strchr(f->path + sizeof(pdir) - 1, '/') == NULL &&
		    n > sizeof(pdir) - 1 + 5 &&
		    strcmp(f->path + n - 5, ".html") == 0) {
			if (f->use == FP_PUBLIC)
				continue;
			name = xstrndup(f->path + sizeof(pdir) - 1,
			    n - (sizeof(pdir) - 1) - 5);
			fp_reach(p, name, 1, FP_PRIVATE);
			free(name);
		} else if (strchr(f->path + sizeof(tdir) - 1, '/') == NULL &&
		    n > 5 && strcmp(f->path + n - 5, ".html") == 0)
			fp_reach(p, f->path + sizeof(tdir) - 1, 0,
			    FP_PRIVATE);
		f->use = FP_PRIVATE;
	}
}

void
project_fingerprint_private(struct project *p)
{
	const struct page *pg;
	const struct fp_file *f;
	struct hash h;
	size_t i;

	fp_templates(p);
	hash_init(&h);
	hash_str(&h, "private");
	fp_common(&h, p);
	/* The settings private/ shows and the rules' numbers. */
	if ((f = fp_find(p, SITE_YAML)) != NULL)
		hash_digest(&h, &f->d);
	/* The catalog: the appendix pages, whatever else content/ holds. */
	for (i = 0; i < p->content.npages; i++) {
		pg = &p->content.pages[i];
		if (pg->appendix == APPX_NONE)
			continue;
		hash_str(&h, pg->src);
		if ((f = fp_find(p, pg->src)) != NULL)
			hash_digest(&h, &f->d);
	}
	for (i = 0; i < p->nfiles; i++)
		if (p->files[i].use == FP_PRIVATE) {
			hash_str(&h, p->files[i].path);
			hash_digest(&h, &p->files[i].d);
		}
	hash_end(&h, &p->fp);
}

void
project_fingerprint_free(struct project *p)
{
	size_t i;

	for (i = 0; i < p->nfiles; i++)
		free(p->files[i].path);
	free(p->files);
	p->files = NULL;
	p->nfiles = 0;
}
