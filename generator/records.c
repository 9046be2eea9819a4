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

enum ck {
	CK_TEXT,	/* const char *, NOT NULL */
	CK_TEXT_OPT,	/* const char *, or NULL */
	CK_ID,		/* employees.id: letters, digits, - and _, 1..32 */
	CK_CODE,	/* a class code of the title appendices */
	CK_CODE_OPT,
	CK_DATE,	/* day_t */
	CK_DATE_OPT,	/* day_t, DAY_NONE when null */
	CK_BOOL,	/* int, 0 or 1 */
	CK_INT,		/* int */
	CK_LL_OPT,	/* long long, 0 when null (courses.id, lab_for) */
	CK_REAL_OPT,	/* double, dflt when null */
	CK_MONEY,	/* int64_t cents, >= 0; 0 when null */
	CK_ENUM,	/* int: index into values */
	CK_ENUM_OPT,	/* int: index + 1 into values, 0 when null */
	CK_FY		/* int: "2026-27" gives 2026 */
};

struct colspec {
	const char		*name;
	enum ck			 kind;
	size_t			 off;	/* offset in the row's struct */
	const char *const	*values;/* CK_ENUM*: the allowed words */
	double			 dflt;	/* CK_REAL_OPT: when null */
	double			 min;	/* CK_INT, CK_REAL_OPT: bounds */
	double			 max;
};

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

#define O(s, f)	offsetof(struct s, f)
#define END	{ NULL, CK_TEXT, 0, NULL, 0, 0, 0 }

static const struct colspec c_employees[] = {
	{ "id", CK_ID, O(employee, id), NULL, 0, 0, 0 },
	{ "name", CK_TEXT, O(employee, name), NULL, 0, 0, 0 },
	{ "class_code", CK_CODE, O(employee, class_code), NULL, 0, 0, 0 },
	{ "department", CK_TEXT_OPT, O(employee, department), NULL, 0, 0, 0 },
	{ "unit", CK_TEXT_OPT, O(employee, unit), NULL, 0, 0, 0 },
	{ "supervisor", CK_TEXT_OPT, O(employee, supervisor), NULL, 0, 0, 0 },
	{ "work_county", CK_TEXT_OPT, O(employee, work_county), NULL, 0, 0,
	    0 },
	{ "bargaining_unit", CK_TEXT_OPT, O(employee, bargaining_unit), NULL,
	    0, 0, 0 },
	{ "status", CK_ENUM, O(employee, status), v_status, 0, 0, 0 },
	{ "time_base", CK_REAL_OPT, O(employee, time_base), NULL, 1.0, 1e-9,
	    1 },
	{ "rotating_schedule", CK_BOOL, O(employee, rotating_schedule), NULL,
	    0, 0, 0 },
	{ "seniority_date", CK_DATE, O(employee, seniority_date), NULL, 0, 0,
	    0 },
	{ "highest_degree", CK_ENUM, O(employee, highest_degree), v_degree, 0,
	    0, 0 },
	{ "last_academic_credit_on", CK_DATE_OPT,
	    O(employee, last_academic_credit_on), NULL, 0, 0, 0 },
	{ "on_layoff", CK_BOOL, O(employee, on_layoff), NULL, 0, 0, 0 },
	{ "leave", CK_ENUM_OPT, O(employee, leave), v_leave, 0, 0, 0 },
	{ "computer_access", CK_BOOL, O(employee, computer_access), NULL, 1, 0,
	    0 },
	{ "separated_on", CK_DATE_OPT, O(employee, separated_on), NULL, 0, 0,
	    0 },
	END
};

static const struct colspec c_enrollments[] = {
	{ "enrolled_on", CK_DATE, O(enrollment, enrolled_on), NULL, 0, 0, 0 },
	{ "counselor", CK_TEXT_OPT, O(enrollment, counselor), NULL, 0, 0, 0 },
	{ "status", CK_ENUM, O(enrollment, status), v_enr, 0, 0, 0 },
	{ "status_on", CK_DATE_OPT, O(enrollment, status_on), NULL, 0, 0, 0 },
	{ "reason", CK_TEXT_OPT, O(enrollment, reason), NULL, 0, 0, 0 },
	END
};

static const struct colspec c_plans[] = {
	{ "version", CK_INT, O(plan, version), NULL, 0, 1, 1e9 },
	{ "created_on", CK_DATE, O(plan, created_on), NULL, 0, 0, 0 },
	{ "objective", CK_TEXT_OPT, O(plan, objective), NULL, 0, 0, 0 },
	{ "target_class_code", CK_CODE_OPT, O(plan, target_class_code), NULL,
	    0, 0, 0 },
	{ "target_date", CK_DATE_OPT, O(plan, target_date), NULL, 0, 0, 0 },
	{ "supervisor_approved_on", CK_DATE_OPT,
	    O(plan, supervisor_approved_on), NULL, 0, 0, 0 },
	{ "coordinator_reviewed_on", CK_DATE_OPT,
	    O(plan, coordinator_reviewed_on), NULL, 0, 0, 0 },
	{ "reason", CK_TEXT_OPT, O(plan, reason), NULL, 0, 0, 0 },
	END
};

/* plan_steps: version is read into seq's neighbour, see step_version. */
struct step_row {
	struct plan_step s;
	int		 version;
};

static const struct colspec c_steps[] = {
	{ "version", CK_INT, O(step_row, version), NULL, 0, 1, 1e9 },
	{ "seq", CK_INT, O(step_row, s.seq), NULL, 0, -1e9, 1e9 },
	{ "action", CK_TEXT, O(step_row, s.action), NULL, 0, 0, 0 },
	{ "due_on", CK_DATE_OPT, O(step_row, s.due_on), NULL, 0, 0, 0 },
	{ "done_on", CK_DATE_OPT, O(step_row, s.done_on), NULL, 0, 0, 0 },
	END
};

static const struct colspec c_targets[] = {
	{ "class_code", CK_CODE, O(target, class_code), NULL, 0, 0, 0 },
	{ "targeted_on", CK_DATE, O(target, targeted_on), NULL, 0, 0, 0 },
	{ "ended_on", CK_DATE_OPT, O(target, ended_on), NULL, 0, 0, 0 },
	{ "route", CK_ENUM_OPT, O(target, route), v_route, 0, 0, 0 },
	{ "option", CK_ENUM_OPT, O(target, option), v_option, 0, 0, 0 },
	END
};

static const struct colspec c_attempts[] = {
	{ "class_code", CK_CODE, O(exam_attempt, class_code), NULL, 0, 0, 0 },
	{ "section", CK_TEXT, O(exam_attempt, section), NULL, 0, 0, 0 },
	{ "taken_on", CK_DATE, O(exam_attempt, taken_on), NULL, 0, 0, 0 },
	{ "proficient", CK_BOOL, O(exam_attempt, proficient), NULL, 0, 0, 0 },
	END
};

static const struct colspec c_courses[] = {
	{ "id", CK_LL_OPT, O(course, id), NULL, 0, 0, 0 },
	{ "class_code", CK_CODE_OPT, O(course, class_code), NULL, 0, 0, 0 },
	{ "institution", CK_TEXT_OPT, O(course, institution), NULL, 0, 0, 0 },
	{ "public_institution", CK_BOOL, O(course, public_institution), NULL,
	    1, 0, 0 },
	{ "name", CK_TEXT_OPT, O(course, name), NULL, 0, 0, 0 },
	{ "starts_on", CK_DATE, O(course, starts_on), NULL, 0, 0, 0 },
	{ "ends_on", CK_DATE, O(course, ends_on), NULL, 0, 0, 0 },
	{ "summer_term", CK_BOOL, O(course, summer_term), NULL, 0, 0, 0 },
	{ "semester_school", CK_BOOL, O(course, semester_school), NULL, 1, 0,
	    0 },
	{ "credit_hours", CK_REAL_OPT, O(course, credit_hours), NULL, -1, 0,
	    1000 },
	{ "meeting_hours_per_week", CK_REAL_OPT,
	    O(course, meeting_hours_per_week), NULL, 0, 0, 168 },
	{ "full_day_days", CK_REAL_OPT, O(course, full_day_days), NULL, -1, 0,
	    366 },
	{ "lab_for", CK_LL_OPT, O(course, lab_for), NULL, 0, 0, 0 },
	{ "status", CK_ENUM, O(course, status), v_course, 0, 0, 0 },
	{ "status_on", CK_DATE_OPT, O(course, status_on), NULL, 0, 0, 0 },
	{ "tuition_cents", CK_MONEY, O(course, tuition_cents), NULL, 0, 0, 0 },
	{ "fees_cents", CK_MONEY, O(course, fees_cents), NULL, 0, 0, 0 },
	{ "outside_aid_cents", CK_MONEY, O(course, outside_aid_cents), NULL, 0,
	    0, 0 },
	END
};

static const struct colspec c_grades[] = {
	{ "class_code", CK_CODE, O(grade, class_code), NULL, 0, 0, 0 },
	{ "grade", CK_ENUM, O(grade, grade), v_grade, 0, 0, 0 },
	{ "issued_on", CK_DATE, O(grade, issued_on), NULL, 0, 0, 0 },
	{ "basis", CK_ENUM, O(grade, basis), v_basis, 0, 0, 0 },
	END
};

static const struct colspec c_prefs[] = {
	{ "class_code", CK_CODE, O(county_pref, class_code), NULL, 0, 0, 0 },
	{ "rank", CK_INT, O(county_pref, rank), NULL, 0, 1, 3 },
	{ "county", CK_TEXT, O(county_pref, county), NULL, 0, 0, 0 },
	END
};

static const struct colspec c_appointments[] = {
	{ "from_class_code", CK_CODE_OPT, O(appointment, from_class_code),
	    NULL, 0, 0, 0 },
	{ "to_class_code", CK_CODE, O(appointment, to_class_code), NULL, 0, 0,
	    0 },
	{ "appointed_on", CK_DATE, O(appointment, appointed_on), NULL, 0, 0,
	    0 },
	{ "via_program", CK_BOOL, O(appointment, via_program), NULL, 0, 0, 0 },
	END
};

static const struct colspec c_assignments[] = {
	{ "kind", CK_ENUM, O(assignment, kind), v_assign, 0, 0, 0 },
	{ "starts_on", CK_DATE, O(assignment, starts_on), NULL, 0, 0, 0 },
	{ "ends_on", CK_DATE_OPT, O(assignment, ends_on), NULL, 0, 0, 0 },
	{ "note", CK_TEXT_OPT, O(assignment, note), NULL, 0, 0, 0 },
	END
};

static const struct colspec c_goals[] = {
	{ "fiscal_year", CK_FY, O(goal, fy), NULL, 0, 0, 0 },
	{ "expected_appointments", CK_INT, O(goal, expected_appointments),
	    NULL, 0, 0, 1e9 },
	END
};

static const struct colspec c_budgets[] = {
	{ "fiscal_year", CK_FY, O(budget, fy), NULL, 0, 0, 0 },
	{ "training_budget_cents", CK_MONEY, O(budget, training_budget_cents),
	    NULL, 0, 0, 0 },
	END
};

static const struct colspec c_spending[] = {
	{ "fiscal_year", CK_FY, O(spending, fy), NULL, 0, 0, 0 },
	{ "category", CK_TEXT, O(spending, category), NULL, 0, 0, 0 },
	{ "amount_cents", CK_MONEY, O(spending, amount_cents), NULL, 0, 0, 0 },
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

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
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
			*(const char **)(void *)(dst + c->off) = NULL;
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
		*(const char **)(void *)(dst + c->off) = s;
		return 1;
	default:
		break;
	}
	return 0;
}

/* Dates, booleans and numbers; 0/1, ranges and money checked. */
static int
decode_number(struct records *r, const char *table, long long rowid,
    const struct colspec *c, sqlite3_value *v, int null, char *dst)
{
	long long n;
	double x;
	day_t t;

	switch (c->kind) {
	case CK_DATE_OPT:
		if (null) {
			*(day_t *)(void *)(dst + c->off) = DAY_NONE;
			return 1;
		}
		/* FALLTHROUGH */
	case CK_DATE:
		if (null || sqlite3_value_type(v) != SQLITE_TEXT ||
		    !date_parse((const char *)sqlite3_value_text(v),
		    (size_t)sqlite3_value_bytes(v), &t))
			return bad(r, table, rowid, c, v, null ? "is missing" :
			    "is not a real date YYYY-MM-DD"), 0;
		*(day_t *)(void *)(dst + c->off) = t;
		return 1;
	case CK_BOOL:
		if (null) {
			*(int *)(void *)(dst + c->off) = (int)c->dflt;
			return 1;
		}
		if (!as_int(v, &n) || (n != 0 && n != 1))
			return bad(r, table, rowid, c, v, "is not 0 or 1"), 0;
		*(int *)(void *)(dst + c->off) = (int)n;
		return 1;
	case CK_INT:
		if (null || !as_int(v, &n) || n < c->min || n > c->max) {
			if (null || !as_int(v, &n))
				return bad(r, table, rowid, c, v, "is not a "
				    "whole number"), 0;
			diag_rec(r->d, DIAG_ERROR, table, rowid, "%s %lld is "
			    "outside %.0f to %.0f", c->name, n, c->min,
			    c->max);
			return 0;
		}
		if (c->off == O(goal, expected_appointments) &&
		    strcmp(table, "goals") == 0)
			*(long *)(void *)(dst + c->off) = (long)n;
		else
			*(int *)(void *)(dst + c->off) = (int)n;
		return 1;
	case CK_LL_OPT:
		if (null) {
			*(long long *)(void *)(dst + c->off) = 0;
			return 1;
		}
		if (!as_int(v, &n) || n <= 0)
			return bad(r, table, rowid, c, v, "is not a course "
			    "id"), 0;
		*(long long *)(void *)(dst + c->off) = n;
		return 1;
	case CK_REAL_OPT:
		if (null)
			x = c->dflt;
		else if (!as_real(v, &x) || x < c->min || x > c->max)
			return bad(r, table, rowid, c, v, !as_real(v, &x) ?
			    "is not a number" : "is out of range"), 0;
		if (c->off == O(course, full_day_days) &&
		    strcmp(table, "courses") == 0) {
			if (x != floor(x))
				return bad(r, table, rowid, c, v, "is not a "
				    "whole number of days"), 0;
			*(int *)(void *)(dst + c->off) = (int)x;
		} else
			*(double *)(void *)(dst + c->off) = x;
		return 1;
	case CK_MONEY:
		if (null) {
			*(int64_t *)(void *)(dst + c->off) = 0;
			return 1;
		}
		if (!as_int(v, &n))
			return bad(r, table, rowid, c, v, "is not a whole "
			    "number of cents"), 0;
		if (n < 0)
			return bad(r, table, rowid, c, v, "is negative"), 0;
		*(int64_t *)(void *)(dst + c->off) = n;
		return 1;
	default:
		break;
	}
	return 0;
}

/* A value of a list (CK_ENUM*), or a fiscal year (CK_FY). */
static int
decode_enum(struct records *r, const char *table, long long rowid,
    const struct colspec *c, sqlite3_value *v, int null, char *dst)
{
	size_t i;
	const char *s;

	switch (c->kind) {
	case CK_ENUM_OPT:
	case CK_ENUM:
		if (null && c->kind == CK_ENUM_OPT) {
			*(int *)(void *)(dst + c->off) = 0;
			return 1;
		}
		s = null ? "" : (const char *)sqlite3_value_text(v);
		for (i = 0; c->values[i] != NULL; i++)
			if (strcmp(s, c->values[i]) == 0)
				break;
		if (null || c->values[i] == NULL) {
			struct buf w = {0};

			for (i = 0; c->values[i] != NULL; i++)
				buf_printf(&w, "%s%s", i ? ", " : "",
				    c->values[i]);
			diag_rec(r->d, DIAG_ERROR, table, rowid, "%s '%s' is "
			    "not one of %s", c->name, null ? "" : s, w.data);
			buf_free(&w);
			return 0;
		}
		if (c->values == v_grade)
			*(char *)(dst + c->off) = s[0];
		else
			*(int *)(void *)(dst + c->off) = (int)i +
			    (c->kind == CK_ENUM_OPT);
		return 1;
	case CK_FY:
		if (null || sqlite3_value_type(v) != SQLITE_TEXT ||
		    !date_fy_parse((const char *)sqlite3_value_text(v),
		    (int *)(void *)(dst + c->off)))
			return bad(r, table, rowid, c, v, "is not a fiscal "
			    "year such as 2026-27"), 0;
		return 1;
	default:
		break;
	}
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
	case CK_FY:
		return decode_enum(r, table, rowid, c, v, null, dst);
	default:
		return decode_number(r, table, rowid, c, v, null, dst);
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
	int nbad = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < h->nplans; j++)
			if (h->plans[j].version == sr[i].version)
				break;
		if (j == h->nplans) {
			diag_rec(s->r->d, DIAG_ERROR, "plan_steps",
			    sr[i].s.rowid, "no career plan version %d of "
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
		for (i = 0; i < n; i++)
			if (sr[i].version == h->plans[j].version)
				h->plans[j].steps[h->plans[j].nsteps++] =
				    sr[i].s;
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

/* rec_count: how many employees a scan reads, for the progress line;
 * 0 when that cannot be told. */
uint64_t
rec_count(struct records *r)
{
	sqlite3_stmt *st;
	uint64_t n = 0;

	if (sqlite3_prepare_v2(r->db, "SELECT count(*) FROM employees", -1,
	    &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (uint64_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}
