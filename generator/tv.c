/*
 * tv.c: the value tree views hand to templates, and its JSON form (the
 * packet JSON of cli.md is a view written with tv_json).
 */
#include <math.h>
#include <string.h>

#include "core.h"

static struct tv *
tv_new(struct arena *a, enum tv_type type)
{
	struct tv *v = arena_alloc(a, sizeof(*v));

	v->type = type;
	return v;
}

struct tv *
tv_null(struct arena *a)
{
	return tv_new(a, TV_NULL);
}

struct tv *
tv_bool(struct arena *a, int b)
{
	struct tv *v = tv_new(a, TV_BOOL);

	v->boolean = b != 0;
	return v;
}

struct tv *
tv_num(struct arena *a, double n)
{
	struct tv *v = tv_new(a, TV_NUM);

	v->num = n;
	return v;
}

struct tv *
tv_strn(struct arena *a, const char *s, size_t n)
{
	return s == NULL ? tv_null(a) : tv_ref(a, arena_strndup(a, s, n), n);
}

struct tv *
tv_ref(struct arena *a, const char *s, size_t n)
{
	struct tv *v;

	if (s == NULL)
		return tv_null(a);
	v = tv_new(a, TV_STR);
	v->str = s;
	v->len = n;
	return v;
}

struct tv *
tv_str(struct arena *a, const char *s)
{
	return s == NULL ? tv_null(a) : tv_strn(a, s, strlen(s));
}

struct tv *
tv_strf(struct arena *a, const char *fmt, ...)
{
	struct buf b = {0};
	struct tv *v;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	v = tv_strn(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return v;
}

struct tv *
tv_date(struct arena *a, day_t t)
{
	char s[11];

	if (t == DAY_NONE)
		return tv_null(a);
	date_format(t, s);
	return tv_strn(a, s, 10);
}

struct tv *
tv_list(struct arena *a)
{
	return tv_new(a, TV_LIST);
}

struct tv *
tv_map(struct arena *a)
{
	return tv_new(a, TV_MAP);
}

static void
tv_append(struct arena *a, struct tv *c, const char *key, struct tv *v)
{
	struct tv_item *it = arena_alloc(a, sizeof(*it));

	it->key = key;
	it->val = v;
	if (c->last)
		c->last->next = it;
	else
		c->first = it;
	c->last = it;
	c->len++;
}

struct tv *
tv_push(struct arena *a, struct tv *list, struct tv *v)
{
	tv_append(a, list, NULL, v);
	return v;
}

struct tv *
tv_set(struct arena *a, struct tv *map, const char *key, struct tv *v)
{
	tv_append(a, map, arena_strdup(a, key), v);
	return v;
}

struct tv *
tv_put(struct arena *a, struct tv *map, const char *key, struct tv *v)
{
	struct tv_item *it;

	for (it = map->first; it != NULL; it = it->next)
		if (it->key[0] == key[0] && strcmp(it->key, key) == 0) {
			it->val = v;
			return v;
		}
	return tv_set(a, map, key, v);
}

const struct tv *
tv_get(const struct tv *map, const char *key)
{
	const struct tv_item *it;

	if (map == NULL || map->type != TV_MAP)
		return NULL;
	/* The first byte first: most keys differ there, and a view's map
	 * is searched for every name a template shows (make bench, perf). */
	for (it = map->first; it != NULL; it = it->next)
		if (it->key[0] == key[0] && strcmp(it->key, key) == 0)
			return it->val;
	return NULL;
}

static void
json_indent(struct buf *b, int pretty, int depth)
{
	if (!pretty)
		return;
	buf_putc(b, '\n');
	while (depth-- > 0)
		BUF_LIT(b, "  ");
}

/* Numbers: integers without a fraction, others with up to 15 digits, so
 * 3.0 hours prints as 3 and 1.5 as 1.5 on every machine. */
static void
json_num(struct buf *b, double n)
{
	if (!isfinite(n))
		BUF_LIT(b, "null");
	else if (n == floor(n) && fabs(n) < 1e15)
		buf_printf(b, "%.0f", n);
	else
		buf_printf(b, "%.15g", n);
}

static void
tv_json_at(struct buf *b, const struct tv *v, int pretty, int depth)
{
	const struct tv_item *it;

	switch (v->type) {
	case TV_NULL:
		BUF_LIT(b, "null");
		return;
	case TV_BOOL:
		buf_puts(b, v->boolean ? "true" : "false");
		return;
	case TV_NUM:
		json_num(b, v->num);
		return;
	case TV_STR:
		buf_putc(b, '"');
		esc_json(b, v->str, v->len);
		buf_putc(b, '"');
		return;
	case TV_LIST:
	case TV_MAP:
		break;
	}
	buf_putc(b, v->type == TV_LIST ? '[' : '{');
	for (it = v->first; it != NULL; it = it->next) {
		json_indent(b, pretty, depth + 1);
		if (v->type == TV_MAP) {
			buf_putc(b, '"');
			esc_json(b, it->key, strlen(it->key));
			buf_puts(b, pretty ? "\": " : "\":");
		}
		tv_json_at(b, it->val, pretty, depth + 1);
		if (it->next)
			buf_putc(b, ',');
	}
	if (v->first)
		json_indent(b, pretty, depth);
	buf_putc(b, v->type == TV_LIST ? ']' : '}');
}

void
tv_json(struct buf *b, const struct tv *v, int pretty)
{
	tv_json_at(b, v, pretty, 0);
}
