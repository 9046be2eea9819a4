/*
 * escape.c: one function per output context, each driven by a table
 * (lowdown's html_escape.c, cmark's houdini).  Text from the records and
 * the content reaches an output only through one of these.
 */
#include <string.h>

#include "core.h"

/*
 * HTML text and attribute values.  & < > must go for text; " and ' too
 * so the same function is safe inside either kind of quoted attribute.
 * Mustache's {{name}} uses this.
 */
static const char *const html_esc[256] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;",
	['"'] = "&quot;", ['\''] = "&#39;",
};

void
esc_html(struct buf *b, const char *s, size_t n)
{
	size_t i, start = 0;
	const char *e;

	for (i = 0; i < n; i++) {
		if ((e = html_esc[(unsigned char)s[i]]) == NULL)
			continue;
		buf_put(b, s + start, i - start);
		buf_puts(b, e);
		start = i + 1;
	}
	buf_put(b, s + start, n - start);
}

/*
 * URL paths.  Unreserved bytes (RFC 3986) and the path delimiters / and
 * # stay; UTF-8 bytes stay too (browsers and file shares take them as
 * they are); the rest is percent-encoded.  The result still goes through
 * esc_html when it sits in an attribute, but holds nothing to escape.
 */
static const unsigned char url_keep[256] = {
	['-'] = 1, ['.'] = 1, ['_'] = 1, ['~'] = 1, ['/'] = 1, ['#'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

void
esc_url(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (url_keep[c] || c >= 0x80)
			buf_putc(b, c);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}

/*
 * JSON strings (RFC 8259): " and \ and the control characters.  We also
 * escape < > & as \u003c... so JSON pasted into HTML cannot end a
 * script element.
 */
void
esc_json(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		switch (c) {
		case '"':
			BUF_LIT(b, "\\\"");
			break;
		case '\\':
			BUF_LIT(b, "\\\\");
			break;
		case '\n':
			BUF_LIT(b, "\\n");
			break;
		case '\r':
			BUF_LIT(b, "\\r");
			break;
		case '\t':
			BUF_LIT(b, "\\t");
			break;
		case '<':
		case '>':
		case '&':
			BUF_LIT(b, "\\u00");
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
			break;
		default:
			if (c < 0x20) {
				BUF_LIT(b, "\\u00");
				buf_putc(b, hex[c >> 4]);
				buf_putc(b, hex[c & 15]);
			} else
				buf_putc(b, c);
		}
	}
}

/*
 * CSV fields (RFC 4180).  A field a spreadsheet would take for a formula
 * (first byte = + - @, or a TAB or CR that some programs skip) is
 * prefixed with ' as OWASP's CSV-injection guidance says; a field with
 * a comma, quote or line break is quoted, quotes doubled.
 */
static const unsigned char csv_formula[256] = {
	['='] = 1, ['+'] = 1, ['-'] = 1, ['@'] = 1, ['\t'] = 1, ['\r'] = 1,
};

void
esc_csv(struct buf *b, const char *s, size_t n)
{
	int quote = 0, formula;
	size_t i;

	formula = n > 0 && csv_formula[(unsigned char)s[0]];
	for (i = 0; i < n && !quote; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' ||
		    s[i] == '\r')
			quote = 1;
	if (quote)
		buf_putc(b, '"');
	if (formula)
		buf_putc(b, '\'');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_putc(b, '"');
		buf_putc(b, s[i]);
	}
	if (quote)
		buf_putc(b, '"');
}

/* The length of the UTF-8 sequence starting with c, 0 if c cannot start
 * one. */
static size_t
utf8_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

int
utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, len;
	unsigned int cp;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		len = utf8_len(p[i]);
		if (len == 0 || i + len > n)
			goto fail;
		cp = p[i] & (0x7f >> len);
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		/* Overlong forms, surrogates and beyond U+10FFFF. */
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			goto fail;
		i += len;
	}
	return 1;
fail:
	if (bad)
		*bad = i;
	return 0;
}

void
slugify(struct buf *b, const char *s, size_t n, int keep_utf8)
{
	size_t i, start = b->len;
	int dash = 0;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c >= 'A' && c <= 'Z') || (keep_utf8 && c >= 0x80)) {
			if (dash && b->len > start)
				buf_putc(b, '-');
			dash = 0;
			buf_putc(b, c >= 'A' && c <= 'Z' ? c + 32 : c);
		} else
			dash = 1;
	}
}

int
money_add(int64_t *sum, int64_t x)
{
	if (__builtin_add_overflow(*sum, x, sum)) {
		*sum = x > 0 ? INT64_MAX : INT64_MIN;
		return 0;
	}
	return 1;
}

void
fmt_money(struct buf *b, int64_t cents, int with_cents)
{
	char digits[32];
	uint64_t v;
	int n, i;

	if (cents < 0) {
		buf_putc(b, '-');
		v = (uint64_t)0 - (uint64_t)cents;
	} else
		v = (uint64_t)cents;
	buf_putc(b, '$');
	/* Dollars rounded half up when the cents are not shown. */
	n = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)
	    (with_cents ? v / 100 : (v + 50) / 100));
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, ',');
		buf_putc(b, digits[i]);
	}
	if (with_cents)
		buf_printf(b, ".%02u", (unsigned)(v % 100));
}

int64_t
ratio_tenths(int64_t part, int64_t whole)
{
	/* part = q whole + r: tenths = 1000 q + round(1000 r / whole), the
	 * second in integers too (r < whole, so 2000 r + whole fits while
	 * whole is below 2^53; records.md bounds a budget far lower). */
	int64_t q = part / whole, r = part % whole;
	uint64_t num = 2000 * (uint64_t)r + (uint64_t)whole;

	if (q > INT64_MAX / 1000 - 1)
		return INT64_MAX;
	return 1000 * q + (int64_t)(num / (2 * (uint64_t)whole));
}

void
fmt_tenths(struct buf *b, int64_t tenths)
{
	buf_printf(b, "%lld.%lld", (long long)(tenths / 10),
	    (long long)(tenths % 10));
}

void
url_rel(struct buf *b, const char *from, const char *to)
{
	const char *f = from, *t = to, *fs, *ts;

	/* Drop the folders both paths share, then climb out of the rest of
	 * from's folders: links stay relative, so the site works from a
	 * file share and from any sub-path of a server. */
	for (;;) {
		fs = strchr(f, '/');
		ts = strchr(t, '/');
		if (fs == NULL || ts == NULL || fs - f != ts - t ||
		    memcmp(f, t, (size_t)(fs - f)) != 0)
			break;
		f = fs + 1;
		t = ts + 1;
	}
	for (; (fs = strchr(f, '/')) != NULL; f = fs + 1)
		BUF_LIT(b, "../");
	esc_url(b, t, strlen(t));
}

/*
 * A CSS string body (inside "..."): everything but ASCII letters, digits
 * and spaces becomes a hex escape, so no quote, backslash, newline or
 * "</style" can end the string or the element.  UTF-8 sequences are
 * decoded so the escape names the character.
 */
void
esc_css_str(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len, k;
	unsigned int cp;

	while (i < n) {
		if ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' &&
		    p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9') ||
		    p[i] == ' ') {
			buf_putc(b, (char)p[i++]);
			continue;
		}
		len = p[i] < 0x80 ? 1 : utf8_len(p[i]);
		if (len == 0 || i + len > n)
			len = 1;
		cp = len == 1 ? p[i] : p[i] & (0x7f >> len);
		for (k = 1; k < len; k++)
			cp = (cp << 6) | (p[i + k] & 0x3f);
		if (cp == 0 || (len > 1 && cp > 0x10ffff))
			cp = 0xfffd;
		buf_printf(b, "\\%x ", cp);
		i += len;
	}
}
