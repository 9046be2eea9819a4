/*
 * stem.c: words and their search keys, the same way the site's search
 * script finds them (templates/search.js), so a word the index holds
 * and a word typed in the search box meet at one key: "retest",
 * "retests" and "retesting" are all "retest".  Both sides are tested
 * against one file of vectors (tests/search/vectors.txt).
 *
 *   a word   a run of letters and digits: ASCII letters and digits, and
 *            every code point from U+00C0 up but the punctuation and
 *            symbol blocks (word_char); the rest separates words
 *   its key  ASCII letters lowercased; a word of a-z only is then
 *            stemmed by M.F. Porter's algorithm as published ("An
 *            algorithm for suffix stripping", Program 14(3), 1980), as
 *            Snowball's "porter" does it, which made the vectors: not
 *            with the departures of Porter's own C version ("bli",
 *            "logi", words of two letters left alone)
 */
#include <string.h>

#include "extern.h"

/* ---- words ------------------------------------------------------------ */

/*
 * Whether a code point is part of a word.  Latin-1's punctuation and
 * symbols (U+0080-U+00BF, x and /), General Punctuation to Misc.
 * Symbols and Arrows (U+2000-U+2BFF: dashes, quotes, bullets), CJK
 * punctuation, the specials and lone surrogates (which search.js may
 * meet) separate words, as ASCII punctuation does.
 */
static int
word_char(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	if (c < 0xC0 || c == 0xD7 || c == 0xF7 || (c >= 0xD800 &&
	    c <= 0xDFFF))
		return 0;
	if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c >= 0xFFF0)
		return c > 0xFFFF;
	return 1;
}

/*
 * The code point at s[*i] (of len bytes), *i moved past it.  A byte that
 * does not start a well-formed sequence is U+FFFD (a separator), one
 * byte long.
 */
static uint32_t
utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t n, k, left = len - *i;
	uint32_t c;

	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	n = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? 3 :
	    p[0] >= 0xC2 && p[0] < 0xE0 ? 2 : 0;
	if (n == 0 || n > left) {
		(*i)++;
		return 0xFFFD;
	}
	c = p[0] & (0xFF >> (n + 1));
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			(*i)++;
			return 0xFFFD;
		}
		c = c << 6 | (p[k] & 0x3F);
	}
	/* Overlong forms and surrogates are not characters. */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 ||
	    c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF)) {
		(*i)++;
		return 0xFFFD;
	}
	*i += n;
	return c;
}

size_t
word_next(const char *s, size_t len, size_t *pos, size_t *start)
{
	size_t i = *pos, at;

	while (i < len) {
		at = i;
		if (word_char(utf8_next(s, len, &i))) {
			*start = at;
			while (i < len) {
				at = i;
				if (!word_char(utf8_next(s, len, &i))) {
					i = at;
					break;
				}
			}
			*pos = i;
			return i - *start;
		}
	}
	*pos = len;
	return 0;
}

/* ---- Porter's stemmer ------------------------------------------------- */

/* The word being stemmed: b[0..k], and j, the end of the stem a
 * suffix test (ends) leaves. */
struct porter {
	char	*b;	/* the word, lowercase a-z */
	int	 k;	/* index of its last letter */
	int	 j;	/* index of the stem's last letter after ends() */
};

/* Whether b[i] is a consonant: y is one at the start or after a vowel. */
static int
cons(const struct porter *z, int i)
{
	switch (z->b[i]) {
	case 'a': case 'e': case 'i': case 'o': case 'u':
		return 0;
	case 'y':
		return i == 0 ? 1 : !cons(z, i - 1);
	}
	return 1;
}

/* m, the number of vowel-consonant sequences in b[0..j]:
 * [C](VC)^m[V]. */
static int
measure(const struct porter *z)
{
	int n = 0, i = 0;

	for (;; i++) {
		if (i > z->j)
			return n;
		if (!cons(z, i))
			break;
	}
	for (i++;;) {
		for (;; i++) {
			if (i > z->j)
				return n;
			if (cons(z, i))
				break;
		}
		n++;
		for (i++;; i++) {
			if (i > z->j)
				return n;
			if (!cons(z, i))
				break;
		}
		i++;
	}
}

/* Whether b[0..j] has a vowel. */
static int
vowel_in_stem(const struct porter *z)
{
	int i;

	for (i = 0; i <= z->j; i++)
		if (!cons(z, i))
			return 1;
	return 0;
}

/* Whether b[j-1..j] is a double consonant. */
static int
double_cons(const struct porter *z, int j)
{
	return j >= 1 && z->b[j] == z->b[j - 1] && cons(z, j);
}

/* Whether b[i-2..i] is consonant-vowel-consonant, the last not w, x or
 * y: "hop" (then hope), not "snow". */
static int
cvc(const struct porter *z, int i)
{
	if (i < 2 || !cons(z, i) || cons(z, i - 1) || !cons(z, i - 2))
		return 0;
	return z->b[i] != 'w' && z->b[i] != 'x' && z->b[i] != 'y';
}

/* Whether b[0..k] ends with s; if so j is set before it. */
static int
ends(struct porter *z, const char *s)
{
	int n = (int)strlen(s);

	if (n > z->k + 1 || memcmp(z->b + z->k - n + 1, s, (size_t)n) != 0)
		return 0;
	z->j = z->k - n;
	return 1;
}

/* Replaces b[j+1..k] by s.  The word never grows: "ate" for "at" comes
 * after "ed" or "ing" went. */
static void
set_to(struct porter *z, const char *s)
{
	int n = (int)strlen(s);

	memcpy(z->b + z->j + 1, s, (size_t)n);
	z->k = z->j + n;
}

/* Plurals and -ed or -ing: caresses -> caress, ponies -> poni,
 * feed -> feed, agreed -> agree, hoping -> hope, hopping -> hop. */
static void
step1ab(struct porter *z)
{
	if (z->b[z->k] == 's') {
		if (ends(z, "sses"))
			z->k -= 2;
		else if (ends(z, "ies"))
			set_to(z, "i");
		else if (z->k == 0 || z->b[z->k - 1] != 's')
			z->k--;
	}
	if (ends(z, "eed")) {
		if (measure(z) > 0)
			z->k--;
	} else if ((ends(z, "ed") || ends(z, "ing")) && vowel_in_stem(z)) {
		z->k = z->j;
		if (ends(z, "at"))
			set_to(z, "ate");
		else if (ends(z, "bl"))
			set_to(z, "ble");
		else if (ends(z, "iz"))
			set_to(z, "ize");
		else if (double_cons(z, z->k)) {
			z->k--;
			if (strchr("lsz", z->b[z->k]) != NULL)
				z->k++;
		} else if (z->j = z->k, measure(z) == 1 && cvc(z, z->k))
			set_to(z, "e");
	}
}

/* y -> i when another vowel is in the stem: happy -> happi. */
static void
step1c(struct porter *z)
{
	if (ends(z, "y") && vowel_in_stem(z))
		z->b[z->k] = 'i';
}

/* A suffix of a table and what it becomes. */
struct suffix {
	const char	*from;
	const char	*to;
};

/* Tries each suffix of a table, in order: the first that ends the word
 * is replaced when m > min, and the step ends. */
static void
suffixes(struct porter *z, const struct suffix *t, int min)
{
	for (; t->from != NULL; t++)
		if (ends(z, t->from)) {
			if (measure(z) > min)
				set_to(z, t->to);
			return;
		}
}

/* Double suffixes to single ones: relational -> relate. */
static void
step2(struct porter *z)
{
	static const struct suffix t[] = {
		{ "ational", "ate" }, { "tional", "tion" }, { "enci", "ence" },
		{ "anci", "ance" }, { "izer", "ize" }, { "abli", "able" },
		{ "alli", "al" }, { "entli", "ent" }, { "eli", "e" },
		{ "ousli", "ous" }, { "ization", "ize" }, { "ation", "ate" },
		{ "ator", "ate" }, { "alism", "al" }, { "iveness", "ive" },
		{ "fulness", "ful" }, { "ousness", "ous" }, { "aliti", "al" },
		{ "iviti", "ive" }, { "biliti", "ble" }, { NULL, NULL }
	};

	/* The reference version switches on the second last letter; with
	 * these suffixes that is the same as taking the first that ends
	 * the word, as no two of them end one word (but "ation" after
	 * "ization", tried first). */
	if (z->k >= 1)
		suffixes(z, t, 0);
}

/* -ic-, -full, -ness: triplicate -> triplic. */
static void
step3(struct porter *z)
{
	static const struct suffix t[] = {
		{ "icate", "ic" }, { "ative", "" }, { "alize", "al" },
		{ "iciti", "ic" }, { "ical", "ic" }, { "ful", "" },
		{ "ness", "" }, { NULL, NULL }
	};

	suffixes(z, t, 0);
}

/* -ant, -ence and the like, when m > 1: revival -> reviv. */
static void
step4(struct porter *z)
{
	static const char *const t[] = {
		"al", "ance", "ence", "er", "ic", "able", "ible", "ant",
		"ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
		"ous", "ive", "ize", NULL
	};
	size_t i;

	for (i = 0; t[i] != NULL; i++)
		if (ends(z, t[i]))
			break;
	if (t[i] == NULL)
		return;
	/* -ion only after s or t: adoption -> adopt, not onion. */
	if (strcmp(t[i], "ion") == 0 && (z->j < 0 ||
	    (z->b[z->j] != 's' && z->b[z->j] != 't')))
		return;
	if (measure(z) > 1)
		z->k = z->j;
}

/* A final -e when m > 1 (or m = 1 and not *o), and -ll when m > 1. */
static void
step5(struct porter *z)
{
	int m;

	z->j = z->k;
	if (z->b[z->k] == 'e') {
		m = measure(z);
		if (m > 1 || (m == 1 && !cvc(z, z->k - 1)))
			z->k--;
	}
	if (z->b[z->k] == 'l' && double_cons(z, z->k) && measure(z) > 1)
		z->k--;
}

/*
 * The Porter stem of b[0..len), lowercase a-z, in place.  Returns its
 * length ("s" has none).
 */
static size_t
porter_stem(char *b, size_t len)
{
	struct porter z;

	if (len == 0)
		return 0;
	z.b = b;
	z.k = (int)len - 1;
	z.j = 0;
	step1ab(&z);
	if (z.k > 0) {
		step1c(&z);
		step2(&z);
		step3(&z);
		step4(&z);
		step5(&z);
	}
	return (size_t)z.k + 1;
}

void
word_key(const char *w, size_t len, struct buf *out)
{
	size_t i, at = out->len;
	int plain = 1;
	char c;

	buf_reserve(out, len + 1);
	for (i = 0; i < len; i++) {
		c = w[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		plain &= c >= 'a' && c <= 'z';
		out->data[at + i] = c;
	}
	if (plain)
		len = porter_stem(out->data + at, len);
	out->len = at + len;
	out->data[out->len] = '\0';
}
