/*
 * records.c: the participant database of records.md, read-only, in one
 * read transaction (one snapshot while HR writes).
 *
 * Every table is described once, as a list of columns with their kind
 * and where the value goes (struct colspec).  One decoder turns a row
 * into a struct, checking it against records.md itself: tables loaded
 * with `sqlite3 .import` have no constraints and hold TEXT, so nothing is
 * left to the schema.  The same decoder serves the scan of every
 * employee (one ordered query per table, merged by employee id) and the
 * lookup of one employee (the same queries with WHERE employee_id = ?).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sqlite3.h>

#include "records.h"

/* ---- what the tables hold ----------------------------------------------- */

/*
 * The kind of a column: how its value is checked, and the C type of the
 * struct member it goes to (after the colon).  The column macros below
 * check that type at compile time.
 */
enum ck {
	CK_TEXT,	/* const char *, NOT NULL */
	CK_TEXT_OPT,	/* const char *, or NULL */
	CK_ID,		/* const char *: letters, digits, - and _, 1..32 */
	CK_CODE,	/* const char *: a code of the title appendices */
	CK_CODE_OPT,	/* const char *, or NULL */
	CK_DATE,	/* day_t */
	CK_DATE_OPT,	/* day_t, DAY_NONE when null */
	CK_BOOL,	/* int: 0 or 1, dflt when null */
	CK_INT,		/* int, min to max */
	CK_INT_OPT,	/* int, min to max; dflt when null */
	CK_LONG,	/* long, min to max */
	CK_LL_OPT,	/* long long above 0; 0 when null (courses.id) */
	CK_REAL_OPT,	/* double, min to max; dflt when null */
	CK_MONEY,	/* int64_t cents, 0 to MONEY_MAX; 0 when null */
	CK_ENUM,	/* an enum of int's size: index into values */
	CK_ENUM_OPT,	/* an enum: index + 1 into values, 0 when null */
	CK_GRADE,	/* char: the one letter of a value of values */
	CK_FY		/* int: "2026-27" gives 2026 */
};

struct colspec {
	const char		*name;
	enum ck			 kind;
	size_t			 off;	/* offset in the row's struct */
	const char *const	*values;/* CK_ENUM*, CK_GRADE: allowed words */
	double			 dflt;	/* CK_*_OPT, CK_BOOL: when null */
	double			 min;	/* CK_INT*, CK_LONG*, CK_REAL_OPT */
	double			 max;
};

/*
 * Member f of struct s, which must be of type T: a mismatch stops the
 * compiler ("negative width in bit-field 'column_type_mismatch'"), so a
 * column cannot write 4 bytes into a long or 8 into an int.  _Generic's
 * operand is not evaluated.
 */
#define MEMBER(s, f, T)	(offsetof(struct s, f) + 0 * sizeof(struct {	\
	int column_type_mismatch: _Generic(((struct s *)0)->f,		\
	    T: 1, default: -1); }))
/* Member f of struct s, an enum of type T, which is written as an int. */
#define EMEMBER(s, f, T) (MEMBER(s, f, T) + 0 * sizeof(struct {	\
	int enum_not_int_sized: sizeof(T) == sizeof(int) ? 1 : -1; }))

/* One column: { name, kind, offset, values, dflt, min, max }. */
#define COL(s, f, T, k, vals, dflt, lo, hi) \
	{ #f, k, MEMBER(s, f, T), vals, dflt, lo, hi }
#define TEXT(s, f)	COL(s, f, const char *, CK_TEXT, NULL, 0, 0, 0)
#define TEXT_OPT(s, f)	COL(s, f, const char *, CK_TEXT_OPT, NULL, 0, 0, 0)
#define ID(s, f)	COL(s, f, const char *, CK_ID, NULL, 0, 0, 0)
#define CODE(s, f)	COL(s, f, const char *, CK_CODE, NULL, 0, 0, 0)
#define CODE_OPT(s, f)	COL(s, f, const char *, CK_CODE_OPT, NULL, 0, 0, 0)
#define DATE(s, f)	COL(s, f, day_t, CK_DATE, NULL, 0, 0, 0)
#define DATE_OPT(s, f)	COL(s, f, day_t, CK_DATE_OPT, NULL, 0, 0, 0)
#define BOOL(s, f, d)	COL(s, f, int, CK_BOOL, NULL, d, 0, 1)
#define INT(s, f, lo, hi) COL(s, f, int, CK_INT, NULL, 0, lo, hi)
#define INT_OPT(s, f, d, lo, hi) COL(s, f, int, CK_INT_OPT, NULL, d, lo, hi)
#define LONG(s, f, lo, hi) COL(s, f, long, CK_LONG, NULL, 0, lo, hi)
#define LL_OPT(s, f)	COL(s, f, long long, CK_LL_OPT, NULL, 0, 0, 0)
#define REAL_OPT(s, f, d, lo, hi) \
	COL(s, f, double, CK_REAL_OPT, NULL, d, lo, hi)
#define MONEY(s, f)	COL(s, f, int64_t, CK_MONEY, NULL, 0, 0, 0)
#define ENUM(s, f, T, vals) \
	{ #f, CK_ENUM, EMEMBER(s, f, T), vals, 0, 0, 0 }
#define ENUM_OPT(s, f, T, vals) \
	{ #f, CK_ENUM_OPT, EMEMBER(s, f, T), vals, 0, 0, 0 }
#define GRADE(s, f, vals) COL(s, f, char, CK_GRADE, vals, 0, 0, 0)
/* fiscal_year, "2026-27", into member f */
#define FY(s, f)	{ "fiscal_year", CK_FY, MEMBER(s, f, int), NULL, 0, 0, 0 }
#define END	{ NULL, CK_TEXT, 0, NULL, 0, 0, 0 }

/*
 * Stores x, a variable of the C type of c's kind, into the row.  The
 * column macros made sure the member is of that type.
 */
#define PUT(dst, c, x)	memcpy((dst) + (c)->off, &(x), sizeof(x))

static const char *const v_status[] = { "permanent", "probationary",
	"limited_term", "temporary", NULL };
static const char *const v_degree[] = { "none", "high_school", "associate",
	"bachelor", "master", "doctorate", NULL };
static const char *const v_leave[] = { "education", "military_paid",
	"other", NULL };
static const char *const v_enr[] = { "active", "suspended", "withdrawn",
	NULL };
static const char *const v_route[] = { "exam", "degree", NULL };
static const char *const v_option[] = { "bilingual", "sign_language", NULL };
static const char *const v_course[] = { "planned", "enrolled", "completed",
	"dropped", "failed", NULL };
static const char *const v_grade[] = { "A", "B", "C", NULL };
static const char *const v_basis[] = { "exam", "degree", "license", NULL };
static const char *const v_assign[] = { "training_development", "rotation",
	"job_share", NULL };

static const struct colspec c_employees[] = {
	ID(employee, id),
	TEXT(employee, name),
	CODE(employee, class_code),
	TEXT_OPT(employee, department),
	TEXT_OPT(employee, unit),
	TEXT_OPT(employee, supervisor),
	TEXT_OPT(employee, work_county),
	TEXT_OPT(employee, bargaining_unit),
	ENUM(employee, status, enum emp_status, v_status),
	REAL_OPT(employee, time_base, 1.0, 1e-9, 1),
	BOOL(employee, rotating_schedule, 0),
	DATE(employee, seniority_date),
	ENUM(employee, highest_degree, enum degree, v_degree),
	DATE_OPT(employee, last_academic_credit_on),
	BOOL(employee, on_layoff, 0),
	ENUM_OPT(employee, leave, enum leave, v_leave),
	BOOL(employee, computer_access, 1),
	DATE_OPT(employee, separated_on),
	END
};

static const struct colspec c_enrollments[] = {
	DATE(enrollment, enrolled_on),
	TEXT_OPT(enrollment, counselor),
	ENUM(enrollment, status, enum enr_status, v_enr),
	DATE_OPT(enrollment, status_on),
	TEXT_OPT(enrollment, reason),
	END
};

static const struct colspec c_plans[] = {
	INT(plan, version, 1, 1e9),
	DATE(plan, created_on),
	TEXT_OPT(plan, objective),
	CODE_OPT(plan, target_class_code),
	DATE_OPT(plan, target_date),
	DATE_OPT(plan, supervisor_approved_on),
	DATE_OPT(plan, coordinator_reviewed_on),
	TEXT_OPT(plan, reason),
	END
};

/* A plan_steps row: a struct plan_step and the plan version it is of
 * (steps_attach puts it under that plan). */
struct step_row {
	long long	 rowid;
	int		 version;
	int		 seq;
	const char	*action;
	day_t		 due_on;
	day_t		 done_on;
};

static const struct colspec c_steps[] = {
	INT(step_row, version, 1, 1e9),
	INT(step_row, seq, -1e9, 1e9),
	TEXT(step_row, action),
	DATE_OPT(step_row, due_on),
	DATE_OPT(step_row, done_on),
	END
};

static const struct colspec c_targets[] = {
	CODE(target, class_code),
	DATE(target, targeted_on),
	DATE_OPT(target, ended_on),
	ENUM_OPT(target, route, enum route, v_route),
	ENUM_OPT(target, option, enum lang_option, v_option),
	END
};

static const struct colspec c_attempts[] = {
	CODE(exam_attempt, class_code),
	TEXT(exam_attempt, section),
	DATE(exam_attempt, taken_on),
	BOOL(exam_attempt, proficient, 0),
	END
};

static const struct colspec c_courses[] = {
	LL_OPT(course, id),
	CODE_OPT(course, class_code),
	TEXT_OPT(course, institution),
	BOOL(course, public_institution, 1),
	TEXT_OPT(course, name),
	DATE(course, starts_on),
	DATE(course, ends_on),
	BOOL(course, summer_term, 0),
	BOOL(course, semester_school, 1),
	REAL_OPT(course, credit_hours, -1, 0, 1000),
	REAL_OPT(course, meeting_hours_per_week, 0, 0, 168),
	INT_OPT(course, full_day_days, -1, 0, 366),
	LL_OPT(course, lab_for),
	ENUM(course, status, enum course_status, v_course),
	DATE_OPT(course, status_on),
	MONEY(course, tuition_cents),
	MONEY(course, fees_cents),
	MONEY(course, outside_aid_cents),
	END
};

static const struct colspec c_grades[] = {
	CODE(grade, class_code),
	GRADE(grade, grade, v_grade),
	DATE(grade, issued_on),
	ENUM(grade, basis, enum grade_basis, v_basis),
	END
};

static const struct colspec c_prefs[] = {
	CODE(county_pref, class_code),
	INT(county_pref, rank, 1, 3),
	TEXT(county_pref, county),
	END
};

static const struct colspec c_appointments[] = {
	CODE_OPT(appointment, from_class_code),
	CODE(appointment, to_class_code),
	DATE(appointment, appointed_on),
	BOOL(appointment, via_program, 0),
	END
};

static const struct colspec c_assignments[] = {
	ENUM(assignment, kind, enum assign_kind, v_assign),
	DATE(assignment, starts_on),
	DATE_OPT(assignment, ends_on),
	TEXT_OPT(assignment, note),
	END
};

static const struct colspec c_goals[] = {
	FY(goal, fy),
	LONG(goal, expected_appointments, 0, 1e9),
	END
};

static const struct colspec c_budgets[] = {
	FY(budget, fy),
	MONEY(budget, training_budget_cents),
	END
};

static const struct colspec c_spending[] = {
	FY(spending, fy),
	TEXT(spending, category),
	MONEY(spending, amount_cents),
	END
};

/* The per-employee tables, in the order of struct history. */
enum tab { T_ENR, T_PLAN, T_STEP, T_TARGET, T_ATTEMPT, T_COURSE, T_GRADE,
	T_PREF, T_APPT, T_ASSIGN, T__MAX };

static const struct table {
	const char		*name;
	const struct colspec	*cols;
	size_t			 size;	/* of the row's struct */
	const char		*order;	/* after employee_id */
} tables[T__MAX] = {
	{ "enrollments", c_enrollments, sizeof(struct enrollment),
	    "enrolled_on" },
	{ "career_plans", c_plans, sizeof(struct plan), "version" },
	{ "plan_steps", c_steps, sizeof(struct step_row), "version, seq" },
	{ "targets", c_targets, sizeof(struct target), "targeted_on" },
	{ "exam_attempts", c_attempts, sizeof(struct exam_attempt),
	    "taken_on" },
	{ "courses", c_courses, sizeof(struct course), "starts_on, id" },
	{ "grades", c_grades, sizeof(struct grade), "issued_on" },
	{ "county_preferences", c_prefs, sizeof(struct county_pref),
	    "class_code, rank" },
	{ "appointments", c_appointments, sizeof(struct appointment),
	    "appointed_on" },
	{ "assignments", c_assignments, sizeof(struct assignment),
	    "starts_on" },
};

/* ---- the connection ------------------------------------------------------ */

struct records {
	sqlite3		*db;
	struct diag	*d;
	char		*display;	/* how messages name the file */
};

/* A read cursor over one table, in employee order. */
struct cursor {
	const struct table *t;
	sqlite3_stmt	*st;
	int		 row;		/* 1: st holds a row */
	struct buf	 rows;		/* this employee's decoded rows */
};

struct rec_scan {
	struct records	*r;
	const struct catalog *c;
	sqlite3_stmt	*emp;
	struct cursor	 cur[T__MAX];
	struct buf	 last;		/* the previous employee's id */
	struct hash	 in;		/* this employee's rows, as read */
	int		 failed;
	int		 ended;
};

static int
busy_ms(void)
{
	const char *e = getenv("UMPRESS_BUSY_MS");

	/* A writer holds its lock for a moment; wait, but not forever. */
	return e != NULL && *e ? atoi(e) : 5000;
}

/*
 * What SQLite would say vaguely (or not at all) about a file that is not
 * a database, said plainly: a folder, an empty file (what quitting the
 * sqlite3 shell at once leaves), a file without SQLite's 100-byte header.
 */
static int
file_is_db(const char *path, const char *display, struct diag *d)
{
	static const char magic[16] = "SQLite format 3";
	unsigned char head[100];
	struct stat st;
	ssize_t n;
	int fd;

	/* O_NONBLOCK: a FIFO put there opens at once (and is refused
	 * below) instead of waiting for a writer forever (issue #20). */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		diag_file(d, DIAG_ERROR, display, 0, "cannot read: %s",
		    strerror(errno));
		if (fd != -1)
			close(fd);
		return 0;
	}
	n = S_ISREG(st.st_mode) ? read(fd, head, sizeof(head)) : -1;
	close(fd);
	if (S_ISDIR(st.st_mode))
		diag_file(d, DIAG_ERROR, display, 0, "cannot read: %s",
		    strerror(EISDIR));
	else if (!S_ISREG(st.st_mode))
		diag_file(d, DIAG_ERROR, display, 0, "not a regular file");
	else if (n == 0)
		diag_file(d, DIAG_ERROR, display, 0, "an empty file, not a "
		    "database (make one with 'umpress records init' or "
		    "'umpress records demo')");
	else if (n != (ssize_t)sizeof(head) || memcmp(head, magic,
	    sizeof(magic)) != 0)
		diag_file(d, DIAG_ERROR, display, 0, "not an SQLite "
		    "database, or a damaged one");
	else
		return 1;
	return 0;
}

struct records *
rec_open(const char *path, const char *display, struct diag *d)
{
	struct records *r = xcalloc(1, sizeof(*r));
	sqlite3_stmt *st = NULL;
	int rc, v = -1;

	r->d = d;
	r->display = xstrdup(display);
	if (!file_is_db(path, display, d))
		goto fail;
	if (sqlite3_open_v2(path, &r->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		goto sqlfail;
	sqlite3_busy_timeout(r->db, busy_ms());
	if (sqlite3_exec(r->db, "PRAGMA query_only = 1; BEGIN", NULL, NULL,
	    NULL) != SQLITE_OK)
		goto sqlfail;
	/* The first read takes the snapshot (and meets a writer's lock). */
	if (sqlite3_prepare_v2(r->db, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK || (rc = sqlite3_step(st)) != SQLITE_ROW)
		goto sqlfail;
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (v != 1) {
		diag_file(d, DIAG_ERROR, display, 0, "schema version %d, "
		    "expected 1 (records.md)", v);
		goto fail;
	}
	return r;
sqlfail:
	rc = r->db ? sqlite3_errcode(r->db) : SQLITE_CANTOPEN;
	if ((rc & 0xff) == SQLITE_READONLY)
		/* A hot journal: a writer stopped midway and only a writer
		 * may roll it back; we never write. */
		diag_file(d, DIAG_ERROR, display, 0, "a change to it was "
		    "cut off (%s-journal is left); open it once with the "
		    "sqlite3 shell to roll the change back", display);
	else if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		diag_file(d, DIAG_ERROR, display, 0, "not an SQLite database, "
		    "or a damaged one");
	else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		diag_file(d, DIAG_ERROR, display, 0, "locked by another "
		    "program for more than %d ms; try again when it is done",
		    busy_ms());
	else
		diag_file(d, DIAG_ERROR, display, 0, "%s", r->db ?
		    sqlite3_errmsg(r->db) : "cannot open");
fail:
	sqlite3_finalize(st);
	rec_close(r);
	return NULL;
}

void
rec_close(struct records *r)
{
	if (r == NULL)
		return;
	if (r->db != NULL) {
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(r->db);
	}
	free(r->display);
	free(r);
}

/*
 * The digest of the database file's bytes, read through SQLite's own
 * handle inside our read transaction: the file SQLite opened (not one
 * put at the path since), and no open() and close() of our own, which
 * would drop the process's POSIX locks on it and let a writer in.  In
 * rollback-journal mode no writer can change the file while we hold the
 * transaction, so the digest is of the snapshot we read.  In WAL mode
 * rows live in the -wal file too: 0, no digest.
 */
int
rec_digest(struct records *r, struct digest *out)
{
	sqlite3_stmt *st = NULL;
	sqlite3_file *f = NULL;
	sqlite3_int64 size, off;
	struct hash h;
	char buf[1 << 16];
	int n, ok;

	ok = sqlite3_prepare_v2(r->db, "PRAGMA journal_mode", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL &&
	    strcasecmp((const char *)sqlite3_column_text(st, 0), "wal") != 0;
	sqlite3_finalize(st);
	if (!ok || sqlite3_file_control(r->db, "main",
	    SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || f == NULL ||
	    f->pMethods == NULL || f->pMethods->xFileSize(f, &size) !=
	    SQLITE_OK)
		return 0;
	hash_init(&h);
	for (off = 0; off < size; off += n) {
		n = size - off < (sqlite3_int64)sizeof(buf) ?
		    (int)(size - off) : (int)sizeof(buf);
		if (f->pMethods->xRead(f, buf, n, off) != SQLITE_OK)
			return 0;
		hash_put(&h, buf, (size_t)n);
	}
	hash_u64(&h, (uint64_t)size);
	hash_end(&h, out);
	return 1;
}

/* ---- one row ------------------------------------------------------------------ */

/* A value as a message shows it: at most 60 bytes, controls escaped. */
static void
shown(struct buf *b, const unsigned char *s, int n)
{
	int i;

	for (i = 0; i < n && i < 60; i++)
		if (s[i] < 0x20 || s[i] == 0x7f)
			buf_printf(b, "\\x%02x", s[i]);
		else
			buf_putc(b, s[i]);
	if (n > 60)
		BUF_LIT(b, "...");
}

static void
bad(struct records *r, const char *table, long long rowid,
    const struct colspec *c, sqlite3_value *v, const char *why)
{
	struct buf b = {0};

	shown(&b, sqlite3_value_text(v) ? sqlite3_value_text(v) :
	    (const unsigned char *)"", sqlite3_value_bytes(v));
	diag_rec(r->d, DIAG_ERROR, table, rowid, "%s '%s' %s", c->name,
	    b.data ? b.data : "", why);
	buf_free(&b);
}

/* A whole number, from an INTEGER or from TEXT that is exactly one. */
static int
as_int(sqlite3_value *v, long long *out)
{
	const char *s;
	char *end;

	if (sqlite3_value_type(v) == SQLITE_INTEGER) {
		*out = sqlite3_value_int64(v);
		return 1;
	}
	if (sqlite3_value_type(v) == SQLITE_FLOAT) {
		double d = sqlite3_value_double(v);

		*out = (long long)d;
		return d == (double)*out;
	}
	if (sqlite3_value_type(v) != SQLITE_TEXT)
		return 0;
	s = (const char *)sqlite3_value_text(v);
	errno = 0;
	*out = strtoll(s, &end, 10);
	return *s && *end == '\0' && errno == 0 && (*s != '+' && *s != ' ');
}

static int
as_real(sqlite3_value *v, double *out)
{
	const char *s;
	char *end;

	if (sqlite3_value_type(v) == SQLITE_INTEGER ||
	    sqlite3_value_type(v) == SQLITE_FLOAT) {
		*out = sqlite3_value_double(v);
		return 1;
	}
	if (sqlite3_value_type(v) != SQLITE_TEXT)
		return 0;
	s = (const char *)sqlite3_value_text(v);
	*out = strtod(s, &end);
	return *s && *end == '\0' && isfinite(*out) && *s != ' ';
}

static const char *
text_of(sqlite3_value *v, struct arena *a)
{
	const char *t = (const char *)sqlite3_value_text(v);

	return t == NULL ? arena_strdup(a, "") : arena_strndup(a, t,
	    (size_t)sqlite3_value_bytes(v));
}

static int
id_ok(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= 32 && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == n;
}

/* Text, ids and class codes (CK_TEXT*, CK_ID, CK_CODE*). */
static int
decode_text(struct records *r, const char *table, long long rowid,
    const struct colspec *c, sqlite3_value *v, int null, char *dst,
    const struct catalog *cat, struct arena *a)
{
	const char *s;

	switch (c->kind) {
	case CK_TEXT_OPT:
	case CK_CODE_OPT:
		if (null) {
			s = NULL;
			PUT(dst, c, s);
			return 1;
		}
		/* FALLTHROUGH */
	case CK_TEXT:
	case CK_ID:
	case CK_CODE:
		if (null) {
			diag_rec(r->d, DIAG_ERROR, table, rowid, "%s is "
			    "missing", c->name);
			return 0;
		}
		s = text_of(v, a);
		if (!utf8_valid(s, strlen(s), NULL))
			return bad(r, table, rowid, c, v, "is not UTF-8"), 0;
		if (c->kind == CK_ID && !id_ok(s))
			return bad(r, table, rowid, c, v, "is not an id of 1 "
			    "to 32 letters, digits, '-' and '_'"), 0;
		if ((c->kind == CK_CODE || c->kind == CK_CODE_OPT) &&
		    catalog_find(cat, s) == NULL)
			return bad(r, table, rowid, c, v, "is not a code in "
			    "the title appendices"), 0;
		PUT(dst, c, s);
		return 1;
	default:
		break;
	}
	return 0;
}

/* Dates (CK_DATE*). */
static int
decode_date(struct records *r, const char *table, long long rowid,
    const struct colspec *c, sqlite3_value *v, int null, char *dst)
{
	day_t t = DAY_NONE;

	if (!(null && c->kind == CK_DATE_OPT) && (null ||
	    sqlite3_value_type(v) != SQLITE_TEXT ||
	    !date_parse((const char *)sqlite3_value_text(v),
	    (size_t)sqlite3_value_bytes(v), &t)))
		return bad(r, table, rowid, c, v, null ? "is missing" :
		    "is not a real date YYYY-MM-DD"), 0;
	PUT(dst, c, t);
	return 1;
}

/* Whether whole number n is a value of c (reported when not). */
static int
whole_ok(struct records *r, const char *table, long long rowid,
    const struct colspec *c, sqlite3_value *v, long long n)
{
	switch (c->kind) {
	case CK_BOOL:
		if (n != 0 && n != 1)
			return bad(r, table, rowid, c, v, "is not 0 or 1"), 0;
		return 1;
	case CK_LL_OPT:
		if (n <= 0)
			return bad(r, table, rowid, c, v, "is not a course "
			    "id"), 0;
		return 1;
	case CK_MONEY:
		if (n < 0)
			return bad(r, table, rowid, c, v, "is negative"), 0;
		return 1;
	default:
		if (n < c->min || n > c->max) {
			diag_rec(r->d, DIAG_ERROR, table, rowid, "%s %lld is "
			    "outside %.0f to %.0f", c->name, n, c->min,
			    c->max);
			return 0;
		}
		return 1;
	}
}

/*
 * Whole numbers (CK_BOOL, CK_INT*, CK_LONG, CK_LL_OPT, CK_MONEY), each
 * stored at the width of its kind.
 */
static int
decode_whole(struct records *r, const char *table, long long rowid,
    const struct colspec *c, sqlite3_value *v, int null, char *dst)
{
	long long n;
	int64_t m;
	long l;
	int i;

	if (null && (c->kind == CK_INT || c->kind == CK_LONG))
		return bad(r, table, rowid, c, v, "is not a whole number"), 0;
	if (null)
		n = (long long)c->dflt;
	else if (!as_int(v, &n))
		return bad(r, table, rowid, c, v, c->kind == CK_BOOL ?
		    "is not 0 or 1" : c->kind == CK_LL_OPT ? "is not a "
		    "course id" : c->kind == CK_MONEY ? "is not a whole "
		    "number of cents" : "is not a whole number"), 0;
	else if (!whole_ok(r, table, rowid, c, v, n))
		return 0;
	switch (c->kind) {
	case CK_LONG:
		l = (long)n;
		PUT(dst, c, l);
		break;
	case CK_LL_OPT:
		PUT(dst, c, n);
		break;
	case CK_MONEY:
		m = n;
		PUT(dst, c, m);
		break;
	default:
		i = (int)n;
		PUT(dst, c, i);
		break;
	}
	return 1;
}

/* Numbers with a fraction (CK_REAL_OPT). */
static int
decode_real(struct records *r, const char *table, long long rowid,
    const struct colspec *c, sqlite3_value *v, int null, char *dst)
{
	double x = c->dflt;

	if (!null && !as_real(v, &x))
		return bad(r, table, rowid, c, v, "is not a number"), 0;
	if (!null && (x < c->min || x > c->max))
		return bad(r, table, rowid, c, v, "is out of range"), 0;
	PUT(dst, c, x);
	return 1;
}

/* A value of a list (CK_ENUM*, CK_GRADE), or a fiscal year (CK_FY). */
static int
decode_enum(struct records *r, const char *table, long long rowid,
    const struct colspec *c, sqlite3_value *v, int null, char *dst)
{
	struct buf w = {0};
	const char *s;
	size_t i;
	int k;
	char g;

	if (c->kind == CK_FY) {
		if (null || sqlite3_value_type(v) != SQLITE_TEXT ||
		    !date_fy_parse((const char *)sqlite3_value_text(v), &k))
			return bad(r, table, rowid, c, v, "is not a fiscal "
			    "year such as 2026-27"), 0;
		PUT(dst, c, k);
		return 1;
	}
	if (null && c->kind == CK_ENUM_OPT) {
		k = 0;
		PUT(dst, c, k);
		return 1;
	}
	s = null ? "" : (const char *)sqlite3_value_text(v);
	for (i = 0; c->values[i] != NULL; i++)
		if (strcmp(s, c->values[i]) == 0)
			break;
	if (!null && c->values[i] != NULL && c->kind == CK_GRADE) {
		g = s[0];
		PUT(dst, c, g);
		return 1;
	}
	if (!null && c->values[i] != NULL) {
		k = (int)i + (c->kind == CK_ENUM_OPT);
		PUT(dst, c, k);
		return 1;
	}
	for (i = 0; c->values[i] != NULL; i++)
		buf_printf(&w, "%s%s", i ? ", " : "", c->values[i]);
	diag_rec(r->d, DIAG_ERROR, table, rowid, "%s '%s' is not one of %s",
	    c->name, s, w.data);
	buf_free(&w);
	return 0;
}

/* Decodes one column into the row at dst; 0 when it is bad (reported). */
static int
decode(struct records *r, const struct catalog *cat, const char *table,
    long long rowid, const struct colspec *c, sqlite3_value *v,
    struct arena *a, char *dst)
{
	/*
	 * records.md: HR loads CSV with `sqlite3 .import`, which stores a
	 * blank cell as '' and never as NULL, so an empty text is taken as
	 * no value (NULL, or the column's default).
	 */
	int null = sqlite3_value_type(v) == SQLITE_NULL ||
	    (sqlite3_value_type(v) == SQLITE_TEXT &&
	    sqlite3_value_bytes(v) == 0);

	switch (c->kind) {
	case CK_TEXT_OPT:
	case CK_CODE_OPT:
	case CK_TEXT:
	case CK_ID:
	case CK_CODE:
		return decode_text(r, table, rowid, c, v, null, dst, cat, a);
	case CK_ENUM_OPT:
	case CK_ENUM:
	case CK_GRADE:
	case CK_FY:
		return decode_enum(r, table, rowid, c, v, null, dst);
	case CK_DATE:
	case CK_DATE_OPT:
		return decode_date(r, table, rowid, c, v, null, dst);
	case CK_REAL_OPT:
		return decode_real(r, table, rowid, c, v, null, dst);
	default:
		return decode_whole(r, table, rowid, c, v, null, dst);
	}
}

/* Checks that need more than one column of the row. */
static int
row_checks(struct records *r, const char *table, long long rowid,
    const struct colspec *cols, const char *row)
{
	day_t a = DAY_NONE, b = DAY_NONE;
	const char *an = NULL, *bn = NULL;

	if (cols == c_courses)
		an = "starts_on", bn = "ends_on",
		a = ((const struct course *)(const void *)row)->starts_on,
		b = ((const struct course *)(const void *)row)->ends_on;
	else if (cols == c_assignments)
		an = "starts_on", bn = "ends_on",
		a = ((const struct assignment *)(const void *)row)->starts_on,
		b = ((const struct assignment *)(const void *)row)->ends_on;
	else if (cols == c_targets)
		an = "targeted_on", bn = "ended_on",
		a = ((const struct target *)(const void *)row)->targeted_on,
		b = ((const struct target *)(const void *)row)->ended_on;
	if (an != NULL && b != DAY_NONE && a != DAY_NONE && b < a) {
		diag_rec(r->d, DIAG_ERROR, table, rowid, "%s is before %s",
		    bn, an);
		return 0;
	}
	return 1;
}

/*
 * Decodes a row of st (rowid in column 0, then the columns from first)
 * into dst.  Returns the number of problems (each reported).
 */
/*
 * Feeds a value, as the database holds it, to an employee's input hash
 * (history.input: what the packet is made from).  Before decoding: the
 * type of a value is not defined after a conversion.
 */
static void
hash_value(struct hash *h, sqlite3_value *v)
{
	int type = sqlite3_value_type(v), n;
	double x;
	uint64_t bits;

	switch (type) {
	case SQLITE_INTEGER:
		bits = (uint64_t)sqlite3_value_int64(v);
		break;
	case SQLITE_FLOAT:
		x = sqlite3_value_double(v);
		memcpy(&bits, &x, sizeof(bits));
		break;
	case SQLITE_TEXT:
	case SQLITE_BLOB:
		n = sqlite3_value_bytes(v);
		hash_put(h, sqlite3_value_blob(v), (size_t)n);
		bits = (uint64_t)n;
		break;
	default:
		bits = 0;
		break;
	}
	hash_u64(h, bits ^ ((uint64_t)type << 60));
}

static int
decode_row(struct records *r, const struct catalog *cat, const char *table,
    const struct colspec *cols, sqlite3_stmt *st, int first,
    struct arena *a, char *dst, long long *rowid, struct hash *h)
{
	sqlite3_value *v;
	int i, nbad = 0;

	*rowid = sqlite3_column_int64(st, 0);
	*(long long *)(void *)dst = *rowid;	/* every struct starts so */
	/* The rowid is left out of the hash: HR reloading the same rows
	 * changes rowids, not packets. */
	if (h != NULL)
		hash_str(h, table);
	for (i = 0; cols[i].name != NULL; i++) {
		v = sqlite3_column_value(st, first + i);
		if (h != NULL)
			hash_value(h, v);
		nbad += !decode(r, cat, table, *rowid, &cols[i], v, a, dst);
	}
	if (nbad == 0)
		nbad += !row_checks(r, table, *rowid, cols, dst);
	return nbad;
}

void
rec_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

void
rec_bind_date(sqlite3_stmt *st, int i, day_t t)
{
	char s[11];

	date_format(t, s);
	rec_bind_text(st, i, t == DAY_NONE ? NULL : s);
}

/* Whether s holds word, ignoring case (SQLite's affinity rules). */
static int
has_ci(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (; *s != '\0'; s++)
		if (strncasecmp(s, word, n) == 0)
			return 1;
	return 0;
}

/*
 * The expression a scan orders a table's employee ids by.  The merge
 * compares ids as bytes (strcmp), so the ORDER BY must too: a TEXT
 * column of BINARY collation (ours, and what .import makes) is ordered
 * as it is, by its index; another (INTEGER ids, COLLATE NOCASE) is
 * ordered by its text, at the cost of a sort.
 */
static char *
key_expr(struct records *r, const char *table, const char *key)
{
	const char *type = NULL, *coll = NULL;

	if (sqlite3_table_column_metadata(r->db, "main", table, key, &type,
	    &coll, NULL, NULL, NULL) == SQLITE_OK && type != NULL &&
	    coll != NULL && strcasecmp(coll, "BINARY") == 0 &&
	    (has_ci(type, "CHAR") || has_ci(type, "CLOB") ||
	    has_ci(type, "TEXT")) && !has_ci(type, "INT"))
		return xasprintf("\"%s\"", key);
	return xasprintf("CAST(\"%s\" AS TEXT)", key);
}

/* SELECT rowid, [employee_id,] columns FROM table [WHERE] ORDER BY. */
static char *
select_sql(struct records *r, const char *table, const struct colspec *cols,
    const char *keycol, const char *order, int one)
{
	struct buf b = {0};
	char *key = keycol ? key_expr(r, table, keycol) : NULL;
	size_t i;

	BUF_LIT(&b, "SELECT rowid");
	if (key != NULL)
		buf_printf(&b, ", %s", key);
	for (i = 0; cols[i].name != NULL; i++)
		buf_printf(&b, ", \"%s\"", cols[i].name);
	buf_printf(&b, " FROM \"%s\"", table);
	if (one && key != NULL)
		buf_printf(&b, " WHERE %s = ?1", key);
	if (key != NULL)
		buf_printf(&b, " ORDER BY %s", key);
	if (order != NULL)
		buf_printf(&b, "%s%s", key ? ", " : " ORDER BY ", order);
	BUF_LIT(&b, ", rowid");
	free(key);
	return buf_detach(&b);
}

static sqlite3_stmt *
prepare(struct records *r, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK) {
		diag_file(r->d, DIAG_ERROR, r->display, 0, "%s",
		    sqlite3_errmsg(r->db));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* ---- program tables --------------------------------------------------------- */

static int
program_table(struct records *r, struct arena *a, const char *table,
    const struct colspec *cols, size_t size, void **out, size_t *n)
{
	char *sql = select_sql(r, table, cols, NULL, "1", 0);
	sqlite3_stmt *st = prepare(r, sql);
	struct buf rows = {0};
	long long rowid;
	int nbad = 0, rc;
	char *row;

	free(sql);
	if (st == NULL)
		return 0;
	row = xcalloc(1, size);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(row, 0, size);
		/* decode_row puts the rowid at offset 0; the columns then
		 * overwrite it, as these structs keep none. */
		rowid = sqlite3_column_int64(st, 0);
		if (decode_row(r, NULL, table, cols, st, 1, a, row, &rowid,
		    NULL) ==
		    0)
			buf_put(&rows, row, size);
		else
			nbad++;
	}
	free(row);
	sqlite3_finalize(st);
	*n = rows.len / size;
	*out = arena_alloc(a, rows.len + 1);
	if (rows.len)
		memcpy(*out, rows.data, rows.len);
	buf_free(&rows);
	return rc == SQLITE_DONE && nbad == 0;
}

int
rec_program(struct records *r, struct arena *a, struct program_rows *pr)
{
	int ok;

	memset(pr, 0, sizeof(*pr));
	ok = program_table(r, a, "goals", c_goals, sizeof(struct goal),
	    (void **)&pr->goals, &pr->ngoals);
	ok &= program_table(r, a, "budgets", c_budgets, sizeof(struct budget),
	    (void **)&pr->budgets, &pr->nbudgets);
	ok &= program_table(r, a, "spending", c_spending,
	    sizeof(struct spending), (void **)&pr->spending, &pr->nspending);
	return ok;
}

/* ---- employees, one at a time ------------------------------------------------ */

static void
cursor_step(struct rec_scan *s, struct cursor *c)
{
	int rc = sqlite3_step(c->st);

	c->row = rc == SQLITE_ROW;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		diag_file(s->r->d, DIAG_ERROR, s->r->display, 0, "%s: %s",
		    c->t->name, sqlite3_errmsg(s->r->db));
		s->failed = 1;
	}
}

/* Opens the cursors; one is the WHERE employee_id = ? form when one. */
static int
cursors_open(struct rec_scan *s, int one)
{
	char *sql;
	size_t i;

	for (i = 0; i < T__MAX; i++) {
		s->cur[i].t = &tables[i];
		sql = select_sql(s->r, tables[i].name, tables[i].cols,
		    "employee_id",
		    tables[i].order, one);
		s->cur[i].st = prepare(s->r, sql);
		free(sql);
		if (s->cur[i].st == NULL)
			return 0;
		if (!one)
			cursor_step(s, &s->cur[i]);
	}
	return 1;
}

static const char *
cur_emp(const struct cursor *c)
{
	const char *e = (const char *)sqlite3_column_text(c->st, 1);

	return e ? e : "";
}

static void
orphan(struct rec_scan *s, struct cursor *c)
{
	struct buf b = {0};

	shown(&b, (const unsigned char *)cur_emp(c),
	    (int)strlen(cur_emp(c)));
	diag_rec(s->r->d, DIAG_ERROR, c->t->name,
	    sqlite3_column_int64(c->st, 0), "no employee with id '%s'",
	    b.data ? b.data : "");
	buf_free(&b);
}

/*
 * Reads the cursor's rows of employee id into c->rows; rows of ids that
 * sort before it have no employee and are reported.  BINARY collation
 * on both sides, as the ORDER BY compares.
 */
static int
cursor_take(struct rec_scan *s, struct cursor *c, const char *id,
    struct arena *a)
{
	_Alignas(max_align_t) char row[256];
	long long rowid;
	int cmp, nbad = 0;

	buf_reset(&c->rows);
	while (c->row && (cmp = strcmp(cur_emp(c), id)) <= 0) {
		if (cmp < 0) {
			orphan(s, c);
			nbad++;
		} else {
			memset(row, 0, sizeof(row));
			if (decode_row(s->r, s->c, c->t->name, c->t->cols,
			    c->st, 2, a, row, &rowid, &s->in) == 0)
				buf_put(&c->rows, row, c->t->size);
			else
				nbad++;
		}
		cursor_step(s, c);
	}
	return nbad;
}

/* Copies a cursor's rows into the arena. */
static void *
rows_out(struct cursor *c, struct arena *a, size_t *n)
{
	void *p;

	*n = c->rows.len / c->t->size;
	if (*n == 0)
		return NULL;
	p = arena_alloc(a, c->rows.len);
	memcpy(p, c->rows.data, c->rows.len);
	return p;
}

/* Puts the steps under their plans; a step of no plan is reported. */
static int
steps_attach(struct rec_scan *s, struct history *h, struct cursor *c,
    struct arena *a)
{
	struct step_row *sr = (struct step_row *)(void *)c->rows.data;
	size_t n = c->rows.len / sizeof(*sr), i, j, k;
	struct plan_step *st;
	int nbad = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < h->nplans; j++)
			if (h->plans[j].version == sr[i].version)
				break;
		if (j == h->nplans) {
			diag_rec(s->r->d, DIAG_ERROR, "plan_steps",
			    sr[i].rowid, "no career plan version %d of "
			    "employee %s", sr[i].version, h->emp.id);
			nbad++;
		}
	}
	for (j = 0; j < h->nplans; j++) {
		for (i = 0, k = 0; i < n; i++)
			k += sr[i].version == h->plans[j].version;
		if (k == 0)
			continue;
		h->plans[j].steps = arena_alloc(a, k * sizeof(struct plan_step));
		for (i = 0; i < n; i++) {
			if (sr[i].version != h->plans[j].version)
				continue;
			st = &h->plans[j].steps[h->plans[j].nsteps++];
			st->rowid = sr[i].rowid;
			st->seq = sr[i].seq;
			st->action = sr[i].action;
			st->due_on = sr[i].due_on;
			st->done_on = sr[i].done_on;
		}
	}
	return nbad;
}

/* Each lab names a course of the same employee (records.md). */
static int
labs_check(struct rec_scan *s, const struct history *h)
{
	size_t i, j;
	int nbad = 0;

	for (i = 0; i < h->ncourses; i++) {
		if (h->courses[i].lab_for == 0)
			continue;
		for (j = 0; j < h->ncourses; j++)
			if (h->courses[j].id == h->courses[i].lab_for && j != i)
				break;
		if (j == h->ncourses) {
			diag_rec(s->r->d, DIAG_ERROR, "courses",
			    h->courses[i].rowid, "lab_for %lld names no "
			    "course of employee %s", h->courses[i].lab_for,
			    h->emp.id);
			nbad++;
		}
	}
	return nbad;
}

/* Fills h from the cursors for the employee already in h->emp. */
static int
history_fill(struct rec_scan *s, struct history *h, struct arena *a)
{
	int nbad = 0;
	size_t i;

	for (i = 0; i < T__MAX; i++)
		nbad += cursor_take(s, &s->cur[i], h->emp.id, a);
	hash_end(&s->in, &h->input);
	h->enrollments = rows_out(&s->cur[T_ENR], a, &h->nenrollments);
	h->plans = rows_out(&s->cur[T_PLAN], a, &h->nplans);
	h->targets = rows_out(&s->cur[T_TARGET], a, &h->ntargets);
	h->attempts = rows_out(&s->cur[T_ATTEMPT], a, &h->nattempts);
	h->courses = rows_out(&s->cur[T_COURSE], a, &h->ncourses);
	h->grades = rows_out(&s->cur[T_GRADE], a, &h->ngrades);
	h->prefs = rows_out(&s->cur[T_PREF], a, &h->nprefs);
	h->appointments = rows_out(&s->cur[T_APPT], a, &h->nappointments);
	h->assignments = rows_out(&s->cur[T_ASSIGN], a, &h->nassignments);
	nbad += steps_attach(s, h, &s->cur[T_STEP], a);
	nbad += labs_check(s, h);
	return nbad;
}

struct rec_scan *
rec_scan_new(struct records *r, const struct catalog *c)
{
	struct rec_scan *s = xcalloc(1, sizeof(*s));
	char *sql;

	s->r = r;
	s->c = c;
	sql = select_sql(r, "employees", c_employees + 1, "id", NULL, 0);
	s->emp = prepare(r, sql);
	free(sql);
	if (s->emp == NULL || !cursors_open(s, 0))
		s->failed = 1;
	return s;
}

int
rec_scan_next(struct rec_scan *s, struct arena *a, struct history *h,
    int *nbad)
{
	long long rowid;
	size_t i;
	int rc;

	*nbad = 0;
	if (s->failed || s->ended)
		return 0;
	rc = sqlite3_step(s->emp);
	if (rc != SQLITE_ROW) {
		if (rc != SQLITE_DONE) {
			diag_file(s->r->d, DIAG_ERROR, s->r->display, 0,
			    "employees: %s", sqlite3_errmsg(s->r->db));
			s->failed = 1;
			return 0;
		}
		/* Rows after the last employee have no employee. */
		for (i = 0; i < T__MAX; i++)
			for (; s->cur[i].row; cursor_step(s, &s->cur[i]))
				orphan(s, &s->cur[i]);
		s->ended = 1;
		return 0;
	}
	memset(h, 0, sizeof(*h));
	hash_init(&s->in);
	*nbad = decode_row(s->r, s->c, "employees", c_employees, s->emp, 1, a,
	    (char *)&h->emp, &rowid, &s->in);
	if (h->emp.id == NULL)	/* a bad id: merge by its text anyway */
		h->emp.id = text_of(sqlite3_column_value(s->emp, 1), a);
	/* Tables loaded with .import have no primary key; the scan is in
	 * id order, so a repeated id follows its first row. */
	if (s->last.len > 0 && strcmp(s->last.data, h->emp.id) == 0) {
		diag_rec(s->r->d, DIAG_ERROR, "employees", rowid, "id '%s' is "
		    "used by an earlier row too", h->emp.id);
		(*nbad)++;
	}
	buf_reset(&s->last);
	buf_puts(&s->last, h->emp.id);
	buf_putc(&s->last, '\0');
	*nbad += history_fill(s, h, a);
	return !s->failed;
}

int
rec_scan_failed(const struct rec_scan *s)
{
	return s->failed;
}

void
rec_scan_free(struct rec_scan *s)
{
	size_t i;

	if (s == NULL)
		return;
	sqlite3_finalize(s->emp);
	buf_free(&s->last);
	for (i = 0; i < T__MAX; i++) {
		sqlite3_finalize(s->cur[i].st);
		buf_free(&s->cur[i].rows);
	}
	free(s);
}

int
rec_find(struct records *r, const struct catalog *c, const char *id,
    struct arena *a, struct history *h, int *nbad)
{
	struct rec_scan s;
	char *sql;
	long long rowid;
	size_t i;
	int rc, found = -1;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.c = c;
	*nbad = 0;
	sql = select_sql(r, "employees", c_employees + 1, "id", NULL, 1);
	s.emp = prepare(r, sql);
	free(sql);
	if (s.emp == NULL || !cursors_open(&s, 1))
		goto out;
	sqlite3_bind_text(s.emp, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s.emp)) != SQLITE_ROW) {
		found = rc == SQLITE_DONE ? 0 : -1;
		goto out;
	}
	memset(h, 0, sizeof(*h));
	hash_init(&s.in);
	*nbad = decode_row(r, c, "employees", c_employees, s.emp, 1, a,
	    (char *)&h->emp, &rowid, &s.in);
	if (h->emp.id == NULL)
		h->emp.id = arena_strdup(a, id);
	for (i = 0; i < T__MAX; i++) {
		sqlite3_bind_text(s.cur[i].st, 1, id, -1, SQLITE_STATIC);
		cursor_step(&s, &s.cur[i]);
	}
	*nbad += history_fill(&s, h, a);
	found = s.failed ? -1 : 1;
out:
	sqlite3_finalize(s.emp);
	for (i = 0; i < T__MAX; i++) {
		sqlite3_finalize(s.cur[i].st);
		buf_free(&s.cur[i].rows);
	}
	return found;
}
