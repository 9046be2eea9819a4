/*
 * slug.c: the file names of units and counties (cli.md, output layout):
 * print/UNIT.html, letters/KIND/UNIT.html, lists/CODE/COUNTY.html.  A
 * name is lowercased, each run of other characters than a-z and 0-9 made
 * one '-' (slugify), and a long one cut with a digest of the whole name,
 * so every name the records accept makes a file name the file system
 * takes (NAME_MAX is 255 bytes); the units of a folder then get names of
 * their own, none a reserved one.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "extern.h"

#define SLUG_MAX	80	/* longer slugs are cut ... */
#define SLUG_CUT	71	/* ... to this, '-', 8 hex digits */

void
slug_file(struct buf *b, const char *name)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	size_t start = b->len;

	slugify(b, name, strlen(name), 0);
	if (b->len - start > SLUG_MAX) {
		b->len = start + SLUG_CUT;
		/* SHA-256 never fails on a buffer but for want of memory. */
		if (!EVP_Digest(name, strlen(name), md, &n, EVP_sha256(),
		    NULL) || n < 4)
			memset(md, 0, 4);
		buf_printf(b, "-%02x%02x%02x%02x", md[0], md[1], md[2], md[3]);
	}
	buf_putc(b, '\0');
	b->len--;
}

/* The slugs given so far: an open-addressing hash set. */
struct slug_set {
	char	**v;		/* NULL: a free place */
	size_t	  cap;		/* a power of two */
	size_t	  n;
};

static size_t
slot_of(const struct slug_set *s, const char *slug)
{
	size_t h = 5381, i;

	for (i = 0; slug[i] != '\0'; i++)
		h = h * 33 + (unsigned char)slug[i];
	for (i = h & (s->cap - 1); s->v[i] != NULL &&
	    strcmp(s->v[i], slug) != 0; i = (i + 1) & (s->cap - 1))
		continue;
	return i;
}

static void
set_add(struct slug_set *s, char *slug)
{
	char **old = s->v;
	size_t i, oldcap = s->cap;

	if (2 * (s->n + 1) > s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xcalloc(s->cap, sizeof(*s->v));
		for (i = 0; i < oldcap; i++)
			if (old[i] != NULL)
				s->v[slot_of(s, old[i])] = old[i];
		free(old);
	}
	s->v[slot_of(s, slug)] = slug;
	s->n++;
}

static int
set_has(const struct slug_set *s, const char *slug)
{
	return s->cap > 0 && s->v[slot_of(s, slug)] != NULL;
}

struct slug_set *
slug_set_new(const char *const *reserved)
{
	struct slug_set *s = xcalloc(1, sizeof(*s));

	while (reserved != NULL && *reserved != NULL)
		set_add(s, xstrdup(*reserved++));
	return s;
}

const char *
slug_unique(struct slug_set *s, const char *slug)
{
	char *t = xstrdup(slug);
	long i;

	for (i = 2; set_has(s, t); i++) {
		free(t);
		t = xasprintf("%s-%ld", slug, i);
	}
	set_add(s, t);
	return t;
}

void
slug_set_free(struct slug_set *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->cap; i++)
		free(s->v[i]);
	free(s->v);
	free(s);
}
