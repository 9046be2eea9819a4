/*
 * core.h: the pieces every stage of umpress uses.  Memory (x* wrappers,
 * growable buffers, arenas), diagnostics, calendar dates, escaping, and
 * the value tree that views hand to templates.
 *
 * Failure convention, unless a function says otherwise: functions that can
 * fail return 1 on success and 0 on failure, after reporting the problem
 * through the diagnostics context they were given.  Out of memory ends the
 * program (the x* wrappers); nothing else in a library module exits.
 */
#ifndef UMPRESS_CORE_H
#define UMPRESS_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#if defined(__GNUC__)
#define UM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define UM_PRINTF(f, a)
#endif

/* ---- memory (buf.c) ---------------------------------------------------- */

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
/* xqsort: qsort that takes an empty array as NULL (qsort may not). */
void xqsort(void *, size_t n, size_t sz, int (*)(const void *, const void *));
/* xreallocarray: grow an array to n elements of size sz, overflow-checked. */
void *xreallocarray(void *, size_t n, size_t sz);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
char *xasprintf(const char *, ...) UM_PRINTF(1, 2);

/*
 * A growable byte buffer.  Zero-initialise it ({0}) to start; buf_free()
 * releases it.  data is NUL-terminated after every put, so it can be used
 * as a C string while no NUL bytes were put into it.
 */
struct buf {
	char	*data;	/* bytes, NUL-terminated; NULL while cap is 0 */
	size_t	 len;	/* bytes used, not counting the terminator */
	size_t	 cap;	/* bytes allocated */
};

void	buf_put(struct buf *, const void *, size_t);
void	buf_puts(struct buf *, const char *);
void	buf_putc(struct buf *, int);
void	buf_printf(struct buf *, const char *, ...) UM_PRINTF(2, 3);
void	buf_vprintf(struct buf *, const char *, va_list);
void	buf_reset(struct buf *);	/* len = 0, keeps the allocation */
/* buf_reserve: room for n more bytes (and the terminator) at data + len. */
void	buf_reserve(struct buf *, size_t n);
void	buf_free(struct buf *);
/* buf_detach: hands the NUL-terminated data to the caller (who frees it). */
char	*buf_detach(struct buf *);
#define BUF_LIT(b, s) buf_put((b), (s), sizeof(s) - 1)

/*
 * An arena: many small allocations freed at once.  Views (one packet, one
 * page) are built in an arena that is reset between them, so building a
 * view costs no free() calls and memory stays at one view's size.
 */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;	/* chunk being filled; older ones after */
	size_t	 used;			/* bytes used in head */
};

void	*arena_alloc(struct arena *, size_t);	/* zeroed, max-aligned */
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_strdup(struct arena *, const char *);
char	*arena_printf(struct arena *, const char *, ...) UM_PRINTF(2, 3);
void	 arena_reset(struct arena *);	/* keeps the first chunk */
void	 arena_free(struct arena *);

/* ---- diagnostics (diag.c) ---------------------------------------------- */

enum diag_level {
	DIAG_WARN,	/* printed; exit status stays 0 */
	DIAG_ERROR	/* printed; the command exits 1 and writes nothing */
};

/*
 * Every message of a run goes through one context, so messages have one
 * shape (cli.md) and the exit status follows the worst level seen:
 *   PATH:LINE: message            (LINE omitted when 0)
 *   PATH:LINE: warning: message
 *   records: TABLE row ROWID: message
 * Safe to call from several threads.
 */
struct diag {
	FILE	*out;		/* where messages go (stderr); NULL: none
				 * printed, only counted */
	int	 errors;	/* errors reported so far */
	int	 warnings;	/* warnings reported so far */
	int	 quiet_warnings;/* 1: count warnings but do not print them */
	struct diag_log	*log;	/* not NULL: every warning about a file or
				 * a record is kept here too (the
				 * caller's: diag_log_free) */
};

/*
 * The warnings of a build, kept so that a later build keeping the output
 * they came from can repeat them (issue 21: a rebuild that keeps a file
 * does not run what warned of it, and a warning shown once and then
 * never again looks fixed while it is not).  Zero-initialise it ({0}).
 */
struct diag_entry {
	char		*key;	/* the file, or "records: TABLE"; ""
				 * when repeated */
	long long	 num;	/* the line or row, 0 when none; repeated:
				 * its rank in the note it came from */
	char		*line;	/* the message as printed, without its
				 * newline */
	int		 again;	/* 1: repeated by diag_replay */
};

struct diag_log {
	struct diag_entry *v;	/* in the order they were reported */
	size_t		 n, cap;
	size_t		 nagain;	/* of them repeated (diag_replay) */
};

void	diag_init(struct diag *, FILE *);
void	diag_file(struct diag *, enum diag_level, const char *path, int line,
	    const char *, ...) UM_PRINTF(5, 6);
void	diag_rec(struct diag *, enum diag_level, const char *table,
	    long long rowid, const char *, ...) UM_PRINTF(5, 6);
/* diag_msg: a message about no file: "umpress: message". */
void	diag_msg(struct diag *, enum diag_level, const char *, ...)
	    UM_PRINTF(3, 4);
/*
 * diag_log_note: the warnings kept in d->log from the from-th on (those
 * of diag_file and diag_rec: a diag_msg warning is about the run, not
 * what it read), sorted by file, line and text (the order threads
 * reported them in is not fixed, a note's must be), as one line for a
 * note of the manifest
 * (out_note): each message with \\, tab, CR and LF escaped, tab between
 * them.  NULL when there are none.  The caller frees it.
 * diag_replay: reports again, as warnings, the messages of such a note
 * (NULL: none), with the same text and place; kept in d->log.  A warning
 * the same as one repeated is not printed or counted twice (a partial
 * shared by the site and the packets warns once a run).
 */
char	*diag_log_note(struct diag *, size_t from);
void	 diag_replay(struct diag *, const char *note);
void	 diag_log_free(struct diag_log *);

/* ---- calendar dates (date.c) ------------------------------------------- */

/*
 * A date is a day number: days since 1970-01-01 in the proleptic Gregorian
 * calendar.  DAY_NONE stands for a null date.  All arithmetic follows
 * rules.md "Dates".
 */
typedef int32_t day_t;
#define DAY_NONE INT32_MIN

/* date_parse: exactly YYYY-MM-DD, a real calendar day, year 1000..9999. */
int	 date_parse(const char *s, size_t len, day_t *out);
/* date_format: YYYY-MM-DD into out (11 bytes); "" for DAY_NONE. */
void	 date_format(day_t, char out[11]);
/* date_human: "10 January 2028" into out (32 bytes); "" for DAY_NONE. */
void	 date_human(day_t, char out[32]);
day_t	 date_from_ymd(int y, int m, int d);
void	 date_ymd(day_t, int *y, int *m, int *d);
/* rules.md: + N months keeps the day, or the month's last day. */
day_t	 date_add_months(day_t, int months);
day_t	 date_add_years(day_t, int years);
/* rules.md: whole months from a to b; 0 when b is before a. */
int	 date_whole_months(day_t a, day_t b);
/* Fiscal year (1 July - 30 June) holding the day, by its first year. */
int	 date_fy(day_t);
day_t	 date_fy_start(int fy);		/* 1 July of fy */
day_t	 date_fy_end(int fy);		/* 30 June of fy + 1 */
/* "2026-27" into out (8 bytes). */
void	 date_fy_name(int fy, char out[8]);
/* date_fy_parse: "2026-27" -> 2026; 0 when malformed (cli.md). */
int	 date_fy_parse(const char *, int *fy);
/* Half-year (January-June or July-December): year * 2 + (month > 6). */
int	 date_half(day_t);
/*
 * A registration period (records.md periods, rules.md N2) is a month,
 * "2027-03", held as year * 12 + month - 1 so periods sort as numbers.
 * period_parse: exactly YYYY-MM, month 01-12, year 1000-9999; 0 else.
 */
int	 period_parse(const char *s, size_t len, int *out);
/* "2027-03" into out (8 bytes). */
void	 period_format(int period, char out[8]);
/* The period's first and last day, and the period holding a day. */
day_t	 period_first_day(int period);
/* period_name: a registration month by name, "March 2027", into b. */
void	 period_name(int period, struct buf *b);
day_t	 period_last_day(int period);
int	 period_of(day_t);
/* Today (UTC) from SOURCE_DATE_EPOCH or the clock; main.c only. */
day_t	 date_default_as_of(void);

/* ---- escaping and slugs (escape.c) ------------------------------------- */

/* HTML text and attribute values: & < > " ' (one function serves both). */
void	esc_html(struct buf *, const char *, size_t);
/* A path for an href/src: UTF-8 kept, reserved bytes percent-encoded. */
void	esc_url(struct buf *, const char *, size_t);
/* A JSON string body (no quotes): controls, " and \ escaped. */
void	esc_json(struct buf *, const char *, size_t);
/*
 * A CSV field: quoted when it holds , " CR or LF; a field that begins
 * with = + - @ TAB or CR gets a leading ' so spreadsheets do not run it
 * as a formula (OWASP CSV injection).
 */
void	esc_csv(struct buf *, const char *, size_t);
/*
 * A slug: ASCII letters lowercased, digits kept, UTF-8 letters kept when
 * keep_utf8, every other run of bytes made one '-', none at either end.
 * ("St. Clair" -> "st-clair", cli.md lists.)
 */
void	slugify(struct buf *, const char *, size_t, int keep_utf8);
/*
 * url_rel: the relative URL from the page at site path FROM to the file
 * at site path TO ("guides/exams.html" to "titles/index.html" gives
 * "../titles/index.html"), percent-encoded.
 */
void	url_rel(struct buf *, const char *from, const char *to);
/* A CSS string body: all but letters, digits and spaces hex-escaped. */
void	esc_css_str(struct buf *, const char *, size_t);
/* fmt_money: "$1,234" or, with cents, "$1,234.56". */
void	fmt_money(struct buf *, int64_t cents, int with_cents);
/*
 * ratio_tenths: part / whole * 100 in tenths of a percent, rounded half
 * up (rules.md: "rounded half up to one decimal"), for part >= 0 and
 * whole > 0, whatever their size (no overflow).  fmt_tenths: "9.7".
 */
int64_t	ratio_tenths(int64_t part, int64_t whole);
void	fmt_tenths(struct buf *, int64_t tenths);
/* money_add: *sum += x; 0 when that would overflow (*sum then stays
 * saturated at INT64_MAX or INT64_MIN). */
int	money_add(int64_t *sum, int64_t x);
/* utf8_valid: 1 when s is valid UTF-8; else 0 and *bad is the offset. */
int	utf8_valid(const char *s, size_t len, size_t *bad);

/* ---- template values (tv.c) -------------------------------------------- */

/*
 * The value tree a view hands to a template: JSON's types.  Built in an
 * arena; nothing in it is freed on its own.  Maps keep insertion order.
 */
enum tv_type {
	TV_NULL,
	TV_BOOL,
	TV_NUM,
	TV_STR,
	TV_LIST,
	TV_MAP
};

struct tv_item;

struct tv {
	enum tv_type	 type;
	int		 boolean;	/* TV_BOOL */
	double		 num;		/* TV_NUM */
	const char	*str;		/* TV_STR: bytes, NUL-terminated */
	size_t		 len;		/* TV_STR: bytes; TV_LIST/MAP: items */
	struct tv_item	*first;		/* TV_LIST, TV_MAP: items in order */
	struct tv_item	*last;		/* TV_LIST, TV_MAP: for appending */
};

struct tv_item {
	const char	*key;		/* TV_MAP: the key; TV_LIST: NULL */
	struct tv	*val;
	struct tv_item	*next;
};

struct tv	*tv_null(struct arena *);
struct tv	*tv_bool(struct arena *, int);
struct tv	*tv_num(struct arena *, double);
struct tv	*tv_str(struct arena *, const char *);	/* copied; NULL -> null */
struct tv	*tv_strn(struct arena *, const char *, size_t);
/* tv_ref: s itself, not copied (n bytes, NUL-terminated), for bytes that
 * outlive the view: a diagram, an article many kilobytes long. */
struct tv	*tv_ref(struct arena *, const char *, size_t);
struct tv	*tv_strf(struct arena *, const char *, ...) UM_PRINTF(2, 3);
struct tv	*tv_date(struct arena *, day_t);	/* "YYYY-MM-DD" or null */
struct tv	*tv_list(struct arena *);
struct tv	*tv_map(struct arena *);
/* tv_push: appends v to a list and returns v. */
struct tv	*tv_push(struct arena *, struct tv *list, struct tv *v);
/* tv_set: appends key = v to a map (key copied) and returns v. */
struct tv	*tv_set(struct arena *, struct tv *map, const char *key,
		    struct tv *v);
/* tv_put: sets key = v in a map, replacing its value if the key is
 * there, appending it otherwise; returns v. */
struct tv	*tv_put(struct arena *, struct tv *map, const char *key,
		    struct tv *v);
/* tv_get: the value of key in a map, or NULL. */
const struct tv	*tv_get(const struct tv *map, const char *key);
/* tv_json: the value as JSON, indented by 2 per level when pretty. */
void		 tv_json(struct buf *, const struct tv *, int pretty);

/* ---- content hashes (hash.c) ------------------------------------------ */

/* A 128-bit hash of bytes, fed in pieces: same bytes, same digest. */
struct digest {
	uint64_t	 w[2];
};

struct hash {
	uint64_t	 a, b;		/* the lanes */
	uint64_t	 n;		/* bytes so far */
	unsigned char	 tail[16];	/* a block not yet full */
	size_t		 t;		/* bytes in tail */
};

void	hash_init(struct hash *);
void	hash_put(struct hash *, const void *, size_t);
void	hash_str(struct hash *, const char *);	/* with its end: NULL is "" */
void	hash_u64(struct hash *, uint64_t);	/* as 8 little-endian bytes */
void	hash_digest(struct hash *, const struct digest *);
void	hash_end(struct hash *, struct digest *);
void	hash_bytes(const void *, size_t, struct digest *);
int	digest_eq(const struct digest *, const struct digest *);
/* digest_add: sum += x, word by word: the digest of a set is the sum of
 * its members' digests, the same whatever order they come in. */
void	digest_add(struct digest *sum, const struct digest *x);

/* ---- files (buf.c) ----------------------------------------------------- */

/* file_read: the whole file into b (reset first); 0 with errno on failure. */
int	file_read(const char *path, struct buf *b);

#endif /* UMPRESS_CORE_H */
