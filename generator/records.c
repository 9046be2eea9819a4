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
	CK_LONG_OPT,	/* long, min to max; dflt when null */
	CK_LL_OPT,	/* long long above 0; 0 when null (courses.id) */
	CK_REAL_OPT,	/* double, min to max; dflt when null */
	CK_MONEY,	/* int64_t cents, 0 to MONEY_MAX; dflt (0, -1) when
			 * null */
	CK_ENUM,	/* an enum of int's size: index into values */
	CK_ENUM_OPT,	/* an enum: index + 1 into values, 0 when null */
	CK_GRADE,	/* char: the one letter of a value of values */
	CK_FY,		/* int: "2026-27" gives 2026 */
	CK_PERIOD	/* int: "2027-03" as period_parse() gives it */
};

/* records.md (2026-12-04): money is at most 100,000,000 cents in one
 * field. */
#define MONEY_MAX	100000000

struct colspec {
	const char		*name;
	enum ck			 kind;
	size_t			 off;	/* offset in the row's struct */
	const char *const	*values;/* CK_ENUM*, CK_GRADE: allowed words */
	double			 dflt;	/* CK_*_OPT, CK_BOOL: when null */
	double			 min;	/* CK_INT*, CK_LONG*, CK_REAL_OPT */
	double			 max;
	int			 added;	/* 1: records.md 2026-12-04; a missing
					 * column reads as null */
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

/*
 * A column's name, kind, offset, values, dflt, min, max.  An entry of a
 * table is C(column), or ADDED(column) for a column records.md added on
 * 2026-12-04, which a database made before may lack.
 */
#define COL(s, f, T, k, vals, dflt, lo, hi) \
	#f, k, MEMBER(s, f, T), vals, dflt, lo, hi
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
#define LONG_OPT(s, f, d, lo, hi) \
	COL(s, f, long, CK_LONG_OPT, NULL, d, lo, hi)
#define LL_OPT(s, f)	COL(s, f, long long, CK_LL_OPT, NULL, 0, 0, 0)
#define REAL_OPT(s, f, d, lo, hi) \
	COL(s, f, double, CK_REAL_OPT, NULL, d, lo, hi)
#define MONEY(s, f)	COL(s, f, int64_t, CK_MONEY, NULL, 0, 0, 0)
#define MONEY_OPT(s, f)	COL(s, f, int64_t, CK_MONEY, NULL, -1, 0, 0)
#define ENUM(s, f, T, vals) #f, CK_ENUM, EMEMBER(s, f, T), vals, 0, 0, 0
#define ENUM_OPT(s, f, T, vals) \
	#f, CK_ENUM_OPT, EMEMBER(s, f, T), vals, 0, 0, 0
#define GRADE(s, f, vals) COL(s, f, char, CK_GRADE, vals, 0, 0, 0)
#define PERIOD(s, f)	COL(s, f, int, CK_PERIOD, NULL, 0, 0, 0)
/* fiscal_year, "2026-27", into member f */
#define FY(s, f)	"fiscal_year", CK_FY, MEMBER(s, f, int), NULL, 0, 0, 0
#define C(col)		{ col, 0 }
#define ADDED(col)	{ col, 1 }
#define END	{ NULL, CK_TEXT, 0, NULL, 0, 0, 0, 0 }

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
static const char *const v_probation[] = { "original", "promotional", NULL };
static const char *const v_leave_kind[] = { "education", "military_paid",
	"military_unpaid", "other", NULL };
static const char *const v_decision[] = { "selected", "not_selected", NULL };

static const struct colspec c_employees[] = {
	C(ID(employee, id)),
	C(TEXT(employee, name)),
	C(CODE(employee, class_code)),
	C(TEXT_OPT(employee, department)),
	C(TEXT_OPT(employee, unit)),
	C(TEXT_OPT(employee, supervisor)),
	C(TEXT_OPT(employee, work_county)),
	C(TEXT_OPT(employee, bargaining_unit)),
	C(ENUM(employee, status, enum emp_status, v_status)),
	C(REAL_OPT(employee, time_base, 1.0, 1e-9, 1)),
	C(BOOL(employee, rotating_schedule, 0)),
	C(DATE(employee, seniority_date)),
	C(ENUM(employee, highest_degree, enum degree, v_degree)),
	C(DATE_OPT(employee, last_academic_credit_on)),
	C(BOOL(employee, on_layoff, 0)),
	C(ENUM_OPT(employee, leave, enum leave, v_leave)),
	C(BOOL(employee, computer_access, 1)),
	C(DATE_OPT(employee, separated_on)),
	ADDED(ENUM_OPT(employee, probation, enum probation, v_probation)),
	END
};

static const struct colspec c_enrollments[] = {
	C(DATE(enrollment, enrolled_on)),
	C(TEXT_OPT(enrollment, counselor)),
	C(ENUM(enrollment, status, enum enr_status, v_enr)),
	C(DATE_OPT(enrollment, status_on)),
	C(TEXT_OPT(enrollment, reason)),
	END
};

static const struct colspec c_plans[] = {
	C(INT(plan, version, 1, 1e9)),
	C(DATE(plan, created_on)),
	C(TEXT_OPT(plan, objective)),
	C(CODE_OPT(plan, target_class_code)),
	C(DATE_OPT(plan, target_date)),
	C(DATE_OPT(plan, supervisor_approved_on)),
	C(DATE_OPT(plan, coordinator_reviewed_on)),
	C(TEXT_OPT(plan, reason)),
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
	C(INT(step_row, version, 1, 1e9)),
	C(INT(step_row, seq, -1e9, 1e9)),
	C(TEXT(step_row, action)),
	C(DATE_OPT(step_row, due_on)),
	C(DATE_OPT(step_row, done_on)),
	END
};

static const struct colspec c_targets[] = {
	C(CODE(target, class_code)),
	C(DATE(target, targeted_on)),
	C(DATE_OPT(target, ended_on)),
	C(ENUM_OPT(target, route, enum route, v_route)),
	C(ENUM_OPT(target, option, enum lang_option, v_option)),
	END
};

static const struct colspec c_attempts[] = {
	C(CODE(exam_attempt, class_code)),
	C(TEXT(exam_attempt, section)),
	C(DATE(exam_attempt, taken_on)),
	C(BOOL(exam_attempt, proficient, 0)),
	ADDED(BOOL(exam_attempt, final, 0)),
	END
};

static const struct colspec c_courses[] = {
	C(LL_OPT(course, id)),
	C(CODE_OPT(course, class_code)),
	C(TEXT_OPT(course, institution)),
	C(BOOL(course, public_institution, 1)),
	C(TEXT_OPT(course, name)),
	C(DATE(course, starts_on)),
	C(DATE(course, ends_on)),
	C(BOOL(course, summer_term, 0)),
	C(BOOL(course, semester_school, 1)),
	C(REAL_OPT(course, credit_hours, -1, 0, 1000)),
	C(REAL_OPT(course, meeting_hours_per_week, 0, 0, 168)),
	C(INT_OPT(course, full_day_days, -1, 0, 366)),
	C(LL_OPT(course, lab_for)),
	C(ENUM(course, status, enum course_status, v_course)),
	C(DATE_OPT(course, status_on)),
	C(MONEY(course, tuition_cents)),
	C(MONEY(course, fees_cents)),
	C(MONEY(course, outside_aid_cents)),
	ADDED(BOOL(course, limit_exempt, 0)),
	ADDED(BOOL(course, full_tuition_approved, 0)),
	END
};

static const struct colspec c_grades[] = {
	C(CODE(grade, class_code)),
	C(GRADE(grade, grade, v_grade)),
	C(DATE(grade, issued_on)),
	C(ENUM(grade, basis, enum grade_basis, v_basis)),
	END
};

static const struct colspec c_prefs[] = {
	C(CODE(county_pref, class_code)),
	C(INT(county_pref, rank, 1, 3)),
	C(TEXT(county_pref, county)),
	END
};

static const struct colspec c_appointments[] = {
	C(CODE_OPT(appointment, from_class_code)),
	C(CODE(appointment, to_class_code)),
	C(DATE(appointment, appointed_on)),
	C(BOOL(appointment, via_program, 0)),
	END
};

static const struct colspec c_assignments[] = {
	C(ENUM(assignment, kind, enum assign_kind, v_assign)),
	C(DATE(assignment, starts_on)),
	C(DATE_OPT(assignment, ends_on)),
	C(TEXT_OPT(assignment, note)),
	END
};

static const struct colspec c_goals[] = {
	C(FY(goal, fy)),
	C(LONG(goal, expected_appointments, 0, 1e9)),
	ADDED(LONG_OPT(goal, anticipated_openings, -1, 0, 1e9)),
	ADDED(LONG_OPT(goal, qualified_candidates, -1, 0, 1e9)),
	ADDED(TEXT_OPT(goal, timetable)),
	END
};

static const struct colspec c_budgets[] = {
	C(FY(budget, fy)),
	C(MONEY(budget, training_budget_cents)),
	ADDED(MONEY_OPT(budget, um_assigned_cents)),
	END
};

static const struct colspec c_spending[] = {
	C(FY(spending, fy)),
	C(TEXT(spending, category)),
	C(MONEY(spending, amount_cents)),
	END
};

/* The tables records.md added on 2026-12-04: all their columns are
 * needed when the table is there. */
static const struct colspec c_leaves[] = {
	C(ENUM(leave_row, kind, enum leave_kind, v_leave_kind)),
	C(DATE(leave_row, starts_on)),
	C(DATE_OPT(leave_row, ends_on)),
	END
};

static const struct colspec c_extensions[] = {
	C(CODE(exam_extension, class_code)),
	/* IL VII.G: days added to the exam window; at most 100 years
	 * keeps the window's arithmetic far from overflow. */
	C(INT(exam_extension, days, 1, 36500)),
	C(DATE(exam_extension, granted_on)),
	C(TEXT_OPT(exam_extension, reason)),
	END
};

static const struct colspec c_applications[] = {
	C(PERIOD(application, period)),
	C(DATE_OPT(application, applied_on)),
	C(DATE_OPT(application, supervisor_approved_on)),
	C(ENUM_OPT(application, decision, enum app_decision, v_decision)),
	END
};

static const struct colspec c_periods[] = {
	C(PERIOD(period, period)),
	C(LONG_OPT(period, capacity, -1, 0, 1e9)),
	END
};

/*
 * Every table: the employees, then the tables of an employee's history
 * (T_ENR to T_APP, in the order of struct history), then the program's.
 */
enum tab { T_EMP, T_ENR, T_PLAN, T_STEP, T_TARGET, T_ATTEMPT, T_COURSE,
	T_GRADE, T_PREF, T_APPT, T_ASSIGN, T_LEAVE, T_EXT, T_APP, T_GOAL,
	T_BUDGET, T_SPEND, T_PERIOD, T__MAX };
#define T_HIST_FIRST	T_ENR
#define T_HIST_END	(T_APP + 1)

/* The largest row struct: cursor_take decodes into a buffer of it. */
#define ROW_MAX	256
/* sizeof(struct s), which must fit in ROW_MAX. */
#define ROW(s)	(sizeof(struct s) + 0 * sizeof(struct {			\
	int row_struct_too_big: sizeof(struct s) <= ROW_MAX ? 1 : -1; }))

static const struct table {
	const char		*name;
	const struct colspec	*cols;
	size_t			 size;	/* of the row's struct */
	const char		*key;	/* the employee id column, or NULL */
	const char		*order;	/* after the key; NULL: by rowid */
	int			 rowid;	/* 1: the struct begins with rowid */
	int			 added;	/* 1: records.md 2026-12-04; a missing
					 * table has no rows */
} tables[T__MAX] = {
	{ "employees", c_employees, ROW(employee), "id", NULL, 1, 0 },
	{ "enrollments", c_enrollments, ROW(enrollment), "employee_id",
	    "enrolled_on", 1, 0 },
	{ "career_plans", c_plans, ROW(plan), "employee_id", "version", 1, 0 },
	{ "plan_steps", c_steps, ROW(step_row), "employee_id", "version, seq",
	    1, 0 },
	{ "targets", c_targets, ROW(target), "employee_id", "targeted_on", 1,
	    0 },
	{ "exam_attempts", c_attempts, ROW(exam_attempt), "employee_id",
	    "taken_on", 1, 0 },
	{ "courses", c_courses, ROW(course), "employee_id", "starts_on, id", 1,
	    0 },
	{ "grades", c_grades, ROW(grade), "employee_id", "issued_on", 1, 0 },
	{ "county_preferences", c_prefs, ROW(county_pref), "employee_id",
	    "class_code, rank", 1, 0 },
	{ "appointments", c_appointments, ROW(appointment), "employee_id",
	    "appointed_on", 1, 0 },
	{ "assignments", c_assignments, ROW(assignment), "employee_id",
	    "starts_on", 1, 0 },
	{ "leaves", c_leaves, ROW(leave_row), "employee_id", "starts_on", 1,
	    1 },
	{ "exam_extensions", c_extensions, ROW(exam_extension), "employee_id",
	    "granted_on", 1, 1 },
	{ "applications", c_applications, ROW(application), "employee_id",
	    "period", 1, 1 },
	{ "goals", c_goals, ROW(goal), NULL, NULL, 0, 0 },
	{ "budgets", c_budgets, ROW(budget), NULL, NULL, 0, 0 },
	{ "spending", c_spending, ROW(spending), NULL, NULL, 0, 0 },
	{ "periods", c_periods, ROW(period), NULL, "period", 1, 1 },
};

/* ---- the connection ------------------------------------------------------ */

struct records {
	sqlite3		*db;
	struct diag	*d;
	char		*display;	/* how messages name the file */
	int		 here[T__MAX];	/* 1: the table is in the database */
	uint64_t	 have[T__MAX];	/* bit i: tables[t].cols[i] is there */
};

/* A read cursor over one table, in employee order. */
struct cursor {
	const struct table *t;
	sqlite3_stmt	*st;
	int		 row;		/* 1: st holds a row */
	struct buf	 rows;		/* this employee's decoded rows */
};

/* A scan of every employee (rec_scan_new), or of one (rec_find). */
struct rec_scan {
	struct records	*r;		/* the connection */
	const struct catalog *c;	/* for class codes */
	enum profile	 profile;	/* the rules that apply (G4) */
	sqlite3_stmt	*emp;		/* the employees, by id */
	struct cursor	 cur[T__MAX];	/* T_HIST_FIRST to T_HIST_END used */
	int		*periods;	/* the periods table's, sorted, for
					 * applications (NULL: none) */
	size_t		 nperiods;
	struct buf	 last;		/* the previous employee's id */
	struct hash	 in;		/* this employee's rows, as read */
	int		 failed;	/* 1: a database error (reported) */
	int		 ended;		/* 1: every employee was returned */
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

/*
 * Looks table t up with st (SELECT name FROM pragma_table_info(?1)):
 * sets r->here[t] and r->have[t].  A table or column records.md added
 * on 2026-12-04 may be missing; any other that is missing is reported.
 * Returns 1 when t has all it needs, 0 when not, -1 on a database error
 * (not reported).
 */
static int
table_find(struct records *r, sqlite3_stmt *st, enum tab t)
{
	const struct table *tb = &tables[t];
	const char *name;
	int rc, ok = 1, key;
	size_t i;

	/* employees' key, id, is one of its columns */
	key = tb->key == NULL || strcmp(tb->key, tb->cols[0].name) == 0;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, tb->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->here[t] = 1;
		if ((name = (const char *)sqlite3_column_text(st, 0)) == NULL)
			continue;
		/* SQLite matches names ignoring ASCII case, as we do */
		key |= strcasecmp(name, tb->key ? tb->key : "") == 0;
		for (i = 0; tb->cols[i].name != NULL; i++)
			if (strcasecmp(name, tb->cols[i].name) == 0)
				r->have[t] |= (uint64_t)1 << i;
	}
	if (rc != SQLITE_DONE)
		return -1;
	if (!r->here[t] && !tb->added)
		diag_file(r->d, DIAG_ERROR, r->display, 0, "no table %s",
		    tb->name);
	if (!r->here[t])
		return tb->added;
	if (!key)
		diag_file(r->d, DIAG_ERROR, r->display, 0, "table %s has no "
		    "column %s", tb->name, tb->key);
	ok = key;
	for (i = 0; tb->cols[i].name != NULL; i++)
		if (!(r->have[t] & (uint64_t)1 << i) && !tb->cols[i].added) {
			diag_file(r->d, DIAG_ERROR, r->display, 0, "table %s "
			    "has no column %s", tb->name, tb->cols[i].name);
			ok = 0;
		}
	return ok;
}

/*
 * Which tables and columns the database has, looked up once: queries
 * name columns in double quotes, and SQLite takes an unknown quoted
 * name for a string ("unit" would read as the text 'unit' in every row;
 * issue #20), so none may be asked for that is not there.  Returns 1
 * when all that is needed is there, 0 when not (every missing one
 * reported), -1 on a database error (not reported).
 */
static int
columns_find(struct records *r)
{
	sqlite3_stmt *st = NULL;
	int ok = 1, rc = 1;
	size_t t;

	if (sqlite3_prepare_v2(r->db, "SELECT name FROM "
	    "pragma_table_info(?1)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	for (t = 0; t < T__MAX && rc != -1; t++)
		if ((rc = table_find(r, st, (enum tab)t)) == 0)
			ok = 0;
	sqlite3_finalize(st);
	return rc == -1 ? -1 : ok;
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
	if ((rc = columns_find(r)) == -1)
		goto sqlfail;
	if (rc == 0)
		goto fail;
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
		if (n > MONEY_MAX)
			return bad(r, table, rowid, c, v, "is more than "
			    "100,000,000 cents"), 0;
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
 * Whole numbers (CK_BOOL, CK_INT*, CK_LONG*, CK_LL_OPT, CK_MONEY), each
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
	case CK_LONG_OPT:
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

/*
 * A value of a list (CK_ENUM*, CK_GRADE), a fiscal year (CK_FY) or a
 * registration period (CK_PERIOD).
 */
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
	if (c->kind == CK_PERIOD) {
		if (null || sqlite3_value_type(v) != SQLITE_TEXT ||
		    !period_parse((const char *)sqlite3_value_text(v),
		    (size_t)sqlite3_value_bytes(v), &k))
			return bad(r, table, rowid, c, v, "is not a period "
			    "YYYY-MM"), 0;
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
	case CK_PERIOD:
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

/* Checks that need more than one column of the row of table t. */
static int
row_checks(struct records *r, enum tab t, long long rowid, const char *row)
{
	const char *an = "starts_on", *bn = "ends_on";
	day_t a, b;

	switch (t) {
	case T_COURSE:
		a = ((const struct course *)(const void *)row)->starts_on;
		b = ((const struct course *)(const void *)row)->ends_on;
		break;
	case T_ASSIGN:
		a = ((const struct assignment *)(const void *)row)->starts_on;
		b = ((const struct assignment *)(const void *)row)->ends_on;
		break;
	case T_LEAVE:
		a = ((const struct leave_row *)(const void *)row)->starts_on;
		b = ((const struct leave_row *)(const void *)row)->ends_on;
		break;
	case T_TARGET:
		an = "targeted_on", bn = "ended_on";
		a = ((const struct target *)(const void *)row)->targeted_on;
		b = ((const struct target *)(const void *)row)->ended_on;
		break;
	default:
		return 1;
	}
	if (b != DAY_NONE && a != DAY_NONE && b < a) {
		diag_rec(r->d, DIAG_ERROR, tables[t].name, rowid,
		    "%s is before %s", bn, an);
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
decode_row(struct records *r, const struct catalog *cat, enum tab t,
    sqlite3_stmt *st, struct arena *a, char *dst, long long *rowid,
    struct hash *h)
{
	const struct table *tb = &tables[t];
	const struct colspec *cols = tb->cols;
	int i, nbad = 0, first = tb->key != NULL ? 2 : 1;
	sqlite3_value *v;

	*rowid = sqlite3_column_int64(st, 0);
	if (tb->rowid)
		memcpy(dst, rowid, sizeof(*rowid));
	/* The rowid is left out of the hash: HR reloading the same rows
	 * changes rowids, not packets. */
	if (h != NULL)
		hash_str(h, tb->name);
	for (i = 0; cols[i].name != NULL; i++) {
		v = sqlite3_column_value(st, first + i);
		if (h != NULL)
			hash_value(h, v);
		nbad += !decode(r, cat, tb->name, *rowid, &cols[i], v, a, dst);
	}
	if (nbad == 0)
		nbad += !row_checks(r, t, *rowid, dst);
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
key_expr(struct records *r, const char *table, const char *key,
    const char *alias)
{
	const char *type = NULL, *coll = NULL, *dot = alias ? "." : "";

	if (alias == NULL)
		alias = "";
	if (sqlite3_table_column_metadata(r->db, "main", table, key, &type,
	    &coll, NULL, NULL, NULL) == SQLITE_OK && type != NULL &&
	    coll != NULL && strcasecmp(coll, "BINARY") == 0 &&
	    (has_ci(type, "CHAR") || has_ci(type, "CLOB") ||
	    has_ci(type, "TEXT")) && !has_ci(type, "INT"))
		return xasprintf("%s%s\"%s\"", alias, dot, key);
	return xasprintf("CAST(%s%s\"%s\" AS TEXT)", alias, dot, key);
}

/*
 * SELECT rowid, [key,] columns FROM table [WHERE key = ?1] ORDER BY key,
 * order, rowid; NULL in place of a column the database lacks (one that
 * records.md added later: columns_find let no other through).
 */
static char *
select_sql(struct records *r, enum tab t, int one)
{
	const struct table *tb = &tables[t];
	struct buf b = {0};
	char *key = tb->key ? key_expr(r, tb->name, tb->key, NULL) : NULL;
	size_t i;

	BUF_LIT(&b, "SELECT rowid");
	if (key != NULL)
		buf_printf(&b, ", %s", key);
	for (i = 0; tb->cols[i].name != NULL; i++)
		if (r->have[t] & (uint64_t)1 << i)
			buf_printf(&b, ", \"%s\"", tb->cols[i].name);
		else
			BUF_LIT(&b, ", NULL");
	buf_printf(&b, " FROM \"%s\"", tb->name);
	if (one && key != NULL)
		buf_printf(&b, " WHERE %s = ?1", key);
	BUF_LIT(&b, " ORDER BY ");
	if (key != NULL)
		buf_printf(&b, "%s, ", key);
	if (tb->order != NULL)
		buf_printf(&b, "%s, ", tb->order);
	BUF_LIT(&b, "rowid");
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

/*
 * Reads program table t into *out (n rows, in the arena).  A table
 * records.md added later that the database lacks has none.  0 when a row
 * is bad (each reported) or the query fails.
 */
static int
program_table(struct records *r, struct arena *a, enum tab t, void **out,
    size_t *n)
{
	size_t size = tables[t].size;
	sqlite3_stmt *st = NULL;
	struct buf rows = {0};
	long long rowid;
	int nbad = 0, rc = SQLITE_DONE;
	char *sql, *row;

	if (r->here[t]) {
		sql = select_sql(r, t, 0);
		st = prepare(r, sql);
		free(sql);
		if (st == NULL)
			return 0;
	}
	row = xcalloc(1, size);
	while (st != NULL && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(row, 0, size);
		if (decode_row(r, NULL, t, st, a, row, &rowid, NULL) == 0)
			buf_put(&rows, row, size);
		else
			nbad++;
	}
	if (rc != SQLITE_DONE)
		diag_file(r->d, DIAG_ERROR, r->display, 0, "%s: %s",
		    tables[t].name, sqlite3_errmsg(r->db));
	free(row);
	sqlite3_finalize(st);
	*n = rows.len / size;
	*out = arena_alloc(a, rows.len + 1);
	if (rows.len)
		memcpy(*out, rows.data, rows.len);
	buf_free(&rows);
	return rc == SQLITE_DONE && nbad == 0;
}

/* One row a period (rules.md "Selection" takes its capacity); the rows
 * are in period order. */
static int
periods_unique(struct records *r, const struct program_rows *pr)
{
	char name[8];
	size_t i;
	int ok = 1;

	for (i = 1; i < pr->nperiods; i++)
		if (pr->periods[i].period == pr->periods[i - 1].period) {
			period_format(pr->periods[i].period, name);
			diag_rec(r->d, DIAG_ERROR, "periods",
			    pr->periods[i].rowid, "period %s is used by an "
			    "earlier row too", name);
			ok = 0;
		}
	return ok;
}

int
rec_program(struct records *r, struct arena *a, struct program_rows *pr)
{
	int ok;

	memset(pr, 0, sizeof(*pr));
	ok = program_table(r, a, T_GOAL, (void **)&pr->goals, &pr->ngoals);
	ok &= program_table(r, a, T_BUDGET, (void **)&pr->budgets,
	    &pr->nbudgets);
	ok &= program_table(r, a, T_SPEND, (void **)&pr->spending,
	    &pr->nspending);
	ok &= program_table(r, a, T_PERIOD, (void **)&pr->periods,
	    &pr->nperiods);
	return periods_unique(r, pr) && ok;
}

/* ---- the applications, for the selection ------------------------------------ */

struct rec_apps {
	struct records	*r;		/* the connection */
	const struct catalog *c;	/* for class codes */
	sqlite3_stmt	*st;		/* NULL: no applications table */
	struct diag	 quiet;		/* counts, prints nothing: the scan
					 * reports these rows' problems */
	int		 napp;		/* columns of applications read */
};

struct rec_apps *
rec_apps_new(struct records *r, const struct catalog *c)
{
	struct rec_apps *q = xcalloc(1, sizeof(*q));
	const struct table *ta = &tables[T_APP], *te = &tables[T_EMP];
	struct buf b = {0};
	char *key;
	size_t i;

	q->r = r;
	q->c = c;
	diag_init(&q->quiet, NULL);
	if (!r->here[T_APP] || !r->here[T_EMP])
		return q;
	/* The employees' columns as select_sql() lays a scan out (rowid,
	 * key, columns: decode_row reads them so), then the
	 * application's; NULL for a column added later that is missing. */
	key = key_expr(r, te->name, te->key, "e");
	buf_printf(&b, "SELECT e.rowid, %s", key);
	for (i = 0; te->cols[i].name != NULL; i++)
		if (r->have[T_EMP] & (uint64_t)1 << i)
			buf_printf(&b, ", e.\"%s\"", te->cols[i].name);
		else
			BUF_LIT(&b, ", NULL");
	BUF_LIT(&b, ", a.rowid");
	for (i = 0; ta->cols[i].name != NULL; i++, q->napp++)
		if (r->have[T_APP] & (uint64_t)1 << i)
			buf_printf(&b, ", a.\"%s\"", ta->cols[i].name);
		else
			BUF_LIT(&b, ", NULL");
	buf_printf(&b, " FROM \"applications\" AS a JOIN \"employees\" AS e "
	    "ON %s = CAST(a.\"employee_id\" AS TEXT) ORDER BY a.\"period\", "
	    "%s, a.rowid", key, key);
	q->st = prepare(r, b.data);
	free(key);
	buf_free(&b);
	return q;
}

int
rec_apps_next(struct rec_apps *q, struct arena *a, struct app_row *row)
{
	const struct colspec *cols = tables[T_APP].cols;
	struct records *r = q->r;
	struct diag *d = r->d;
	long long rowid;
	int rc, first, i;

	if (q->st == NULL)
		return 0;
	if ((rc = sqlite3_step(q->st)) != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			diag_file(r->d, DIAG_ERROR, r->display, 0,
			    "applications: %s", sqlite3_errmsg(r->db));
		return 0;
	}
	memset(row, 0, sizeof(*row));
	r->d = &q->quiet;
	row->bad = decode_row(r, q->c, T_EMP, q->st, a, (char *)&row->emp,
	    &rowid, NULL) > 0;
	for (i = 0; tables[T_EMP].cols[i].name != NULL; i++)
		continue;
	first = 2 + i;		/* the application's rowid */
	rowid = sqlite3_column_int64(q->st, first);
	row->app.rowid = rowid;
	for (i = 0; i < q->napp; i++)
		row->bad |= !decode(r, q->c, "applications", rowid, &cols[i],
		    sqlite3_column_value(q->st, first + 1 + i), a,
		    (char *)&row->app);
	r->d = d;
	return 1;
}

void
rec_apps_free(struct rec_apps *q)
{
	if (q == NULL)
		return;
	sqlite3_finalize(q->st);
	free(q);
}

/* ---- the ways up the plans aim at --------------------------------------------- */

/* The latest plan of one employee so far, in rec_plan_pairs(). */
struct latest {
	struct buf	 id;		/* the employee's id */
	long long	 version;	/* the highest version so far */
	struct buf	 from, to;	/* the class, the plan's target */
	int		 has_from, has_to; /* 0: SQL null */
};

static void
latest_text(struct buf *b, int *has, sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	buf_reset(b);
	if ((*has = s != NULL))
		buf_puts(b, s);
}

static void
latest_take(struct latest *l, sqlite3_stmt *st)
{
	l->version = sqlite3_column_int64(st, 1);
	latest_text(&l->to, &l->has_to, st, 2);
	latest_text(&l->from, &l->has_from, st, 3);
}

int
rec_plan_pairs(struct records *r, void (*fn)(void *, const char *,
    const char *), void *arg)
{
	char *pk = key_expr(r, "career_plans", "employee_id", "p");
	char *ek = key_expr(r, "employees", "id", "e");
	struct latest l;
	struct buf sql = {0};
	sqlite3_stmt *st;
	const char *id;
	int rc, ok = 0, have = 0;

	memset(&l, 0, sizeof(l));
	/* Every plan with its employee's class, in the scan's order (key,
	 * version, rowid: select_sql()), so the latest of each employee is
	 * what rules.c takes: the highest version, the first of equal
	 * ones.  Picked here rather than by SQL: an aggregate and a
	 * DISTINCT cost three times the join (callgrind, 3,000 employees). */
	buf_printf(&sql, "SELECT %s, p.\"version\", p.\"target_class_code\", "
	    "e.\"class_code\" FROM \"career_plans\" AS p JOIN \"employees\" AS e "
	    "ON %s = %s ORDER BY %s, p.\"version\", p.rowid", pk, ek, pk, pk);
	if ((st = prepare(r, sql.data)) != NULL) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			id = (const char *)sqlite3_column_text(st, 0);
			if (id == NULL)
				continue;
			if (have && strcmp(id, l.id.data) == 0) {
				if (sqlite3_column_int64(st, 1) > l.version)
					latest_take(&l, st);
				continue;
			}
			if (have && l.has_from && l.has_to)
				fn(arg, l.from.data, l.to.data);
			buf_reset(&l.id);
			buf_puts(&l.id, id);
			latest_take(&l, st);
			have = 1;
		}
		if (have && l.has_from && l.has_to)
			fn(arg, l.from.data, l.to.data);
		if (!(ok = rc == SQLITE_DONE))
			diag_file(r->d, DIAG_ERROR, r->display, 0,
			    "career_plans: %s", sqlite3_errmsg(r->db));
		sqlite3_finalize(st);
	}
	free(pk);
	free(ek);
	buf_free(&sql);
	buf_free(&l.id);
	buf_free(&l.from);
	buf_free(&l.to);
	return ok;
}

/* ---- employees, one at a time ------------------------------------------------ */

static void
cursor_step(struct rec_scan *s, struct cursor *c)
{
	int rc;

	if (c->st == NULL) {	/* a table added later, not there */
		c->row = 0;
		return;
	}
	rc = sqlite3_step(c->st);
	c->row = rc == SQLITE_ROW;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		diag_file(s->r->d, DIAG_ERROR, s->r->display, 0, "%s: %s",
		    c->t->name, sqlite3_errmsg(s->r->db));
		s->failed = 1;
	}
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/*
 * The periods an application may name (records.md: an application for
 * an unknown period is a bad record), sorted into s->periods.  A row
 * that is no period is left out here (rec_program reports it).  0 on a
 * database error (reported).
 */
static int
periods_load(struct rec_scan *s)
{
	sqlite3_stmt *st;
	struct buf b = {0};
	int p, rc;

	if (!s->r->here[T_PERIOD])
		return 1;
	if ((st = prepare(s->r, "SELECT \"period\" FROM \"periods\"")) ==
	    NULL)
		return 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sqlite3_column_type(st, 0) == SQLITE_TEXT &&
		    period_parse((const char *)sqlite3_column_text(st, 0),
		    (size_t)sqlite3_column_bytes(st, 0), &p))
			buf_put(&b, &p, sizeof(p));
	if (rc != SQLITE_DONE)
		diag_file(s->r->d, DIAG_ERROR, s->r->display, 0, "periods: %s",
		    sqlite3_errmsg(s->r->db));
	sqlite3_finalize(st);
	s->nperiods = b.len / sizeof(int);
	s->periods = (int *)(void *)buf_detach(&b);
	if (s->nperiods > 1)
		qsort(s->periods, s->nperiods, sizeof(int), int_cmp);
	return rc == SQLITE_DONE;
}

/*
 * Opens the employees' statement and the cursors of the history tables
 * (none for a table added later that is not there); the WHERE key = ?1
 * form when one.
 */
static int
cursors_open(struct rec_scan *s, int one)
{
	char *sql;
	size_t i;

	if (!periods_load(s))
		return 0;
	sql = select_sql(s->r, T_EMP, one);
	s->emp = prepare(s->r, sql);
	free(sql);
	if (s->emp == NULL)
		return 0;
	for (i = T_HIST_FIRST; i < T_HIST_END; i++) {
		s->cur[i].t = &tables[i];
		if (!s->r->here[i])
			continue;
		sql = select_sql(s->r, (enum tab)i, one);
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
	_Alignas(max_align_t) char row[ROW_MAX];
	long long rowid;
	int cmp, nbad = 0;

	buf_reset(&c->rows);
	while (c->row && (cmp = strcmp(cur_emp(c), id)) <= 0) {
		if (cmp < 0) {
			orphan(s, c);
			nbad++;
		} else {
			memset(row, 0, sizeof(row));
			if (decode_row(s->r, s->c, (enum tab)(c->t - tables),
			    c->st, a, row, &rowid, &s->in) == 0)
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

/*
 * Each application names a period of the periods table, and an employee
 * applies once for a period (records.md "Bad records"; rules.md
 * "Selection").  The rows are in period order, so a second follows the
 * first.
 */
static int
applications_check(struct rec_scan *s, const struct history *h)
{
	const struct application *ap = h->applications;
	char name[8];
	size_t i;
	int nbad = 0;

	for (i = 0; i < h->napplications; i++) {
		period_format(ap[i].period, name);
		if (s->nperiods == 0 || bsearch(&ap[i].period, s->periods,
		    s->nperiods, sizeof(int), int_cmp) == NULL) {
			diag_rec(s->r->d, DIAG_ERROR, "applications",
			    ap[i].rowid, "period %s is not in the periods "
			    "table", name);
			nbad++;
		} else if (i > 0 && ap[i].period == ap[i - 1].period) {
			diag_rec(s->r->d, DIAG_ERROR, "applications",
			    ap[i].rowid, "a second application of employee "
			    "%s for period %s (the first is row %lld)",
			    h->emp.id, name, ap[i - 1].rowid);
			nbad++;
		}
	}
	return nbad;
}

/*
 * G4 (IL XII.A): a program grade for a certificate title is A.  Another
 * grade there may be a competitive grade recorded in the same table, so
 * it is a warning, not a bad record, and the grade is used as recorded.
 * rules.md asks this of a dual title's rows with basis exam; XII.A ("Once
 * employees have ... passed the proficiency examination or earned a
 * qualifying degree and/or license for a dual title ... Employees will
 * receive an UMP grade of A") gives A to every dual-title grade, and the
 * seed wins: every grade of a dual title.  Illinois only: California
 * grades nothing.
 */
static void
grades_check(struct rec_scan *s, const struct history *h)
{
	const struct title *t;
	size_t i;

	if (s->profile != PROFILE_ILLINOIS)
		return;
	for (i = 0; i < h->ngrades; i++) {
		t = catalog_find(s->c, h->grades[i].class_code);
		if (t != NULL && (t->kind == KIND_CERTIFICATE ||
		    t->kind == KIND_DUAL) && h->grades[i].grade != 'A')
			diag_rec(s->r->d, DIAG_WARN, "grades",
			    h->grades[i].rowid, "a certificate grade is A "
			    "(IL XII.A)");
	}
}

/* Fills h from the cursors for the employee already in h->emp. */
static int
history_fill(struct rec_scan *s, struct history *h, struct arena *a)
{
	int nbad = 0;
	size_t i;

	for (i = T_HIST_FIRST; i < T_HIST_END; i++)
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
	h->leaves = rows_out(&s->cur[T_LEAVE], a, &h->nleaves);
	h->extensions = rows_out(&s->cur[T_EXT], a, &h->nextensions);
	h->applications = rows_out(&s->cur[T_APP], a, &h->napplications);
	nbad += steps_attach(s, h, &s->cur[T_STEP], a);
	nbad += labs_check(s, h);
	nbad += applications_check(s, h);
	grades_check(s, h);
	return nbad;
}

struct rec_scan *
rec_scan_new(struct records *r, const struct catalog *c, enum profile pf)
{
	struct rec_scan *s = xcalloc(1, sizeof(*s));

	s->r = r;
	s->c = c;
	s->profile = pf;
	if (!cursors_open(s, 0))
		s->failed = 1;
	return s;
}

/* Reads the employees row st holds into h->emp; the number of problems. */
static int
employee_take(struct rec_scan *s, struct arena *a, struct history *h,
    long long *rowid)
{
	int nbad;

	memset(h, 0, sizeof(*h));
	hash_init(&s->in);
	nbad = decode_row(s->r, s->c, T_EMP, s->emp, a, (char *)&h->emp,
	    rowid, &s->in);
	if (h->emp.id == NULL)	/* a bad id: merge by its text anyway */
		h->emp.id = text_of(sqlite3_column_value(s->emp, 1), a);
	return nbad;
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
		for (i = T_HIST_FIRST; i < T_HIST_END; i++)
			for (; s->cur[i].row; cursor_step(s, &s->cur[i]))
				orphan(s, &s->cur[i]);
		s->ended = 1;
		return 0;
	}
	*nbad = employee_take(s, a, h, &rowid);
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

/* Finalizes a scan's statements and frees its buffers, not s itself. */
static void
scan_clear(struct rec_scan *s)
{
	size_t i;

	sqlite3_finalize(s->emp);
	buf_free(&s->last);
	free(s->periods);
	for (i = T_HIST_FIRST; i < T_HIST_END; i++) {
		sqlite3_finalize(s->cur[i].st);
		buf_free(&s->cur[i].rows);
	}
}

void
rec_scan_free(struct rec_scan *s)
{
	if (s == NULL)
		return;
	scan_clear(s);
	free(s);
}

int
rec_find(struct records *r, const struct catalog *c, enum profile pf,
    const char *id, struct arena *a, struct history *h, int *nbad)
{
	struct rec_scan s;
	long long rowid;
	size_t i;
	int rc, found = -1;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.c = c;
	s.profile = pf;
	*nbad = 0;
	if (!cursors_open(&s, 1))
		goto out;
	sqlite3_bind_text(s.emp, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s.emp)) != SQLITE_ROW) {
		found = rc == SQLITE_DONE ? 0 : -1;
		goto out;
	}
	*nbad = employee_take(&s, a, h, &rowid);
	for (i = T_HIST_FIRST; i < T_HIST_END; i++) {
		if (s.cur[i].st != NULL)
			sqlite3_bind_text(s.cur[i].st, 1, id, -1,
			    SQLITE_STATIC);
		cursor_step(&s, &s.cur[i]);
	}
	*nbad += history_fill(&s, h, a);
	found = s.failed ? -1 : 1;
out:
	scan_clear(&s);
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
