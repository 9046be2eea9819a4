/*
 * model.h: the data that flows between the stages.
 *
 *   project.c  -> struct config    (site.yaml, program settings)
 *   catalog.c  -> struct catalog   (title and ladder appendices)
 *   records.c  -> struct history   (one employee's rows, validated)
 *   rules.c    -> struct packet    (what the rules say of that employee)
 *              -> struct fy_figures, struct list_entry (reports, lists)
 *
 * Everything here is plain data.  Who owns what is said at each struct.
 */
#ifndef UMPRESS_MODEL_H
#define UMPRESS_MODEL_H

#include "core.h"

/* ---- program settings (project.c) -------------------------------------- */

enum profile {
	PROFILE_ILLINOIS,	/* every rule but E2 (rules.md) */
	PROFILE_CALIFORNIA	/* E2, P1, P2 and annual reporting only */
};

/*
 * The numbers of rules.md, with their Illinois defaults; site.yaml's
 * program: block may change each one, by the key named in the comment.
 */
struct settings {
	int	max_credential_targets;	/* max_credential_targets: 1 (T1) */
	int	max_certificate_targets;/* max_certificate_targets: 2 (T1) */
	int	exam_window_years;	/* exam_window_years: 3 (X1) */
	int	warning_days;		/* warning_days: 180 (X1, G1) */
	int	retest_wait_days;	/* retest_wait_days: 30 (X2) */
	int	max_exams_per_half_year;/* max_exams_per_half_year: 2 (X3) */
	int	max_classes_per_year;	/* max_classes_per_year: 8 (C1) */
	int	max_concurrent_classes;	/* max_concurrent_classes: 2 (C2) */
	int	max_concurrent_summer;	/* max_concurrent_summer_classes: 1 */
	int	recent_credit_years;	/* recent_credit_years: 5 (C3) */
	int	withdrawal_drops;	/* withdrawal_drops: 3 (C5) */
	int	inactivity_years;	/* inactivity_years: 3 (C6) */
	double	max_hours_per_week;	/* max_time_off_hours_per_week: 8 (O1) */
	int	max_full_day_days;	/* max_full_day_days_per_semester: 20 */
	int64_t	private_tuition_cap_cents; /* private_tuition_cap_cents: -1,
					   * no cap (M1) */
	int	work_commitment_years;	/* work_commitment_years: 2 (M2, M3) */
	int	grade_valid_years;	/* grade_valid_years: 6 (G1) */
	int	max_counties;		/* max_counties: 3 (G3) */
	int	max_assignment_years;	/* max_assignment_years: 2 (P2) */
	/* site.yaml's own keys the rules read (content.md, 2026-12-04): */
	const char *const *covered_units; /* covered_bargaining_units (E1);
					   * NULL: every unit is covered */
	size_t	ncovered_units;
	unsigned registration_months;	/* registration_months (N2): bit
					 * m - 1 for month m; 0: none named */
};

/* settings_defaults: the Illinois defaults of rules.md. */
void	settings_defaults(struct settings *);

struct contact {
	char	*name;		/* the UM coordinator, or NULL */
	char	*phone;		/* or NULL */
	char	*email;		/* or NULL */
	char	*office;	/* or NULL */
};

/* content/site.yaml.  Owned by the caller of project_load(); config_free(). */
struct config {
	char		*title;		/* site title (required) */
	char		*department;	/* or NULL */
	struct contact	 contact;	/* program contact block */
	enum profile	 profile;	/* illinois unless site.yaml says */
	int		 unsafe_html;	/* 1: raw HTML in Markdown is kept */
	char		*base_url;	/* absolute URL of site/ for
					 * sitemap.xml, or NULL */
	struct settings	 prog;		/* program: overrides applied;
					 * its covered_units point into
					 * covered below */
	char		**covered;	/* covered_bargaining_units, or NULL */
	size_t		 ncovered;
	int		 strict;	/* strict: true (warnings are errors) */
};

/* ---- title catalog (catalog.c) ----------------------------------------- */

enum title_kind {
	KIND_NONE,		/* empty Kind: not a target title */
	KIND_CERTIFICATE,	/* earned by proficiency exam (IL V.A.1) */
	KIND_CREDENTIAL,	/* earned by degree or license (IL V.A.2) */
	KIND_DUAL		/* either (IL V.A.3) */
};

enum title_cat {
	CAT_NONE,
	CAT_LPEL,		/* CA low-paying entry level */
	CAT_ELTPA,		/* CA entry-level technical, professional,
				 * administrative */
	CAT_BRIDGING		/* CA bridging classification */
};

/* Degrees, in order, so that comparisons mean "at least". */
enum degree {
	DEG_NONE,
	DEG_HIGH_SCHOOL,
	DEG_ASSOCIATE,
	DEG_BACHELOR,
	DEG_MASTER,
	DEG_DOCTORATE
};

struct title {
	char		*code;		/* class code, unique */
	char		*name;		/* class title */
	char		*schematic;	/* schematic code, or NULL */
	enum title_kind	 kind;
	enum title_cat	 category;
	enum degree	 degree;	/* degree a credential requires */
	day_t		 frozen_on;	/* DAY_NONE unless frozen (IL V.B) */
	int64_t		 salary_max_cents; /* monthly maximum; -1 unknown */
	int		 code_made;	/* 1: the code was made from the title
					 * because the seed gave none */
	const char	*src;		/* content file it is defined in */
	int		 line;		/* line of its row there */
	char		*bargaining_unit; /* Bargaining unit column (G3), or
					   * NULL */
	int		 extended_probation; /* Extended probation months (G2);
					   * -1 when the appendix gives none */
};

enum via {
	VIA_TRANSFER,
	VIA_EXAM,
	VIA_DEGREE,
	VIA_TRAINING_DEVELOPMENT,
	VIA_PROMOTION
};

struct ladder_step {
	size_t		 from;		/* index into catalog.titles */
	size_t		 to;		/* index into catalog.titles */
	enum via	 via;
	const char	*src;		/* content file of the row */
	int		 line;		/* line of the row */
};

struct ladder {
	char			*name;	/* the Ladder column, or the page
					 * title when there is none */
	char			*slug;	/* file name under ladders/ */
	struct ladder_step	*steps;	/* rows in file order */
	size_t			 nsteps;
};

/* Owned by whoever called catalog_load(); catalog_free(). */
struct catalog {
	struct title	*titles;	/* sorted by code */
	size_t		 ntitles;
	struct ladder	*ladders;	/* in order of first appearance */
	size_t		 nladders;
};

/* catalog_find: the title with this code, or NULL (binary search). */
const struct title *catalog_find(const struct catalog *, const char *code);
const char	*kind_name(enum title_kind);	/* "certificate", "" ... */
const char	*category_name(enum title_cat);	/* "LPEL", "" ... */
const char	*degree_name(enum degree);	/* "bachelor", "none" ... */
const char	*via_name(enum via);		/* "exam" ... */

/* ---- ways up the ladders (paths.c) -------------------------------------- */

/*
 * The shortest paths between the classes of the ladder appendices, made
 * once per build.  Read-only after paths_new(): threads share one.  It
 * points into the catalog, which must outlive it.  Costs: 4 * M * M bytes
 * for M classes named by some ladder row; made in O(M * (M + E)).
 */
struct paths;

/* paths_new: the table for a loaded catalog; paths_free() (NULL is fine).
 * Cannot fail. */
struct paths	*paths_new(const struct catalog *);
void		 paths_free(struct paths *);

/*
 * paths_first_steps (cli.md "first_steps"): the ladder rows that start
 * from class code from, in the order of the appendices (ladders in order,
 * rows in file order), a row repeating an earlier one's To and Via left
 * out, as is a row from a class to itself.  *out points into the table;
 * returns how many (0, *out NULL: none, or an unknown code).  O(log N).
 */
size_t		 paths_first_steps(const struct paths *, const char *from,
		    const struct ladder_step *const **out);

/*
 * paths_career (cli.md "career_path"): the way from class code from to
 * class code to: the fewest steps; among those, the list of codes first
 * when compared code by code (bytewise); between two classes joined by
 * several rows, the first of them in the order above.  The steps (rows of
 * the catalog) go in an array allocated in a; returns how many.  0 and
 * *out NULL when either code is unknown or on no ladder, when to is from,
 * or when no path leads there.  O(log N + steps).
 */
size_t		 paths_career(const struct paths *, const char *from,
		    const char *to, struct arena *,
		    const struct ladder_step *const **out);

/* via_phrase: the way to take a step, in words: "by transfer". */
const char	*via_phrase(enum via, enum profile);
/* title_note: what a title is along a path, or NULL: "a bridging class"
 * for Category bridging (CA "Bridging Classifications"). */
const char	*title_note(const struct title *);
/*
 * path_step_text: one step as what to do, in plain words, appended to b:
 * "Transfer to Management Services Technician (5278), a bridging class"
 * (no full stop: a list item or a sentence ends it).  Not escaped: the
 * template escapes it.
 */
void		 path_step_text(const struct catalog *,
		    const struct ladder_step *, enum profile, struct buf *);

/* ---- one employee's records (records.c) -------------------------------- */

/*
 * Strings and arrays of a history live in the arena the records reader
 * was handed; they are valid until the caller resets it.  Every row keeps
 * its rowid so a message can name it.  NULL strings and DAY_NONE dates
 * are SQL nulls.
 */

enum emp_status { ST_PERMANENT, ST_PROBATIONARY, ST_LIMITED_TERM,
	ST_TEMPORARY };
enum leave { LEAVE_NONE, LEAVE_EDUCATION, LEAVE_MILITARY_PAID,
	LEAVE_OTHER };
/* employees.probation (2026-12-04): null is taken as promotional (E1). */
enum probation { PROB_NONE, PROB_ORIGINAL, PROB_PROMOTIONAL };
/* leaves.kind (2026-12-04). */
enum leave_kind { LK_EDUCATION, LK_MILITARY_PAID, LK_MILITARY_UNPAID,
	LK_OTHER };
/* applications.decision (2026-12-04): null while pending. */
enum app_decision { DEC_NONE, DEC_SELECTED, DEC_NOT_SELECTED };
enum enr_status { ENR_ACTIVE, ENR_SUSPENDED, ENR_WITHDRAWN };
enum route { ROUTE_NONE, ROUTE_EXAM, ROUTE_DEGREE };
enum lang_option { OPT_NONE, OPT_BILINGUAL, OPT_SIGN_LANGUAGE };
enum course_status { CS_PLANNED, CS_ENROLLED, CS_COMPLETED, CS_DROPPED,
	CS_FAILED };
enum grade_basis { BASIS_EXAM, BASIS_DEGREE, BASIS_LICENSE };
enum assign_kind { AK_TRAINING_DEVELOPMENT, AK_ROTATION, AK_JOB_SHARE };

struct employee {
	long long	 rowid;
	const char	*id;
	const char	*name;
	const char	*class_code;
	const char	*department;
	const char	*unit;
	const char	*supervisor;
	const char	*work_county;
	const char	*bargaining_unit;	/* NULL: not represented */
	enum emp_status	 status;
	double		 time_base;		/* (0, 1] */
	int		 rotating_schedule;
	day_t		 seniority_date;
	enum degree	 highest_degree;
	day_t		 last_academic_credit_on;
	int		 on_layoff;
	enum leave	 leave;
	int		 computer_access;
	day_t		 separated_on;
	enum probation	 probation;	/* PROB_NONE when null or missing */
};

struct enrollment {
	long long	 rowid;
	day_t		 enrolled_on;
	const char	*counselor;
	enum enr_status	 status;
	day_t		 status_on;
	const char	*reason;
};

struct plan_step {
	long long	 rowid;
	int		 seq;
	const char	*action;
	day_t		 due_on;
	day_t		 done_on;
};

struct plan {
	long long	 rowid;
	int		 version;
	day_t		 created_on;
	const char	*objective;
	const char	*target_class_code;
	day_t		 target_date;
	day_t		 supervisor_approved_on;
	day_t		 coordinator_reviewed_on;
	const char	*reason;
	struct plan_step *steps;	/* plan_steps of this version, by seq */
	size_t		 nsteps;
};

struct target {
	long long	 rowid;
	const char	*class_code;
	day_t		 targeted_on;
	day_t		 ended_on;
	enum route	 route;
	enum lang_option option;
};

struct exam_attempt {
	long long	 rowid;
	const char	*class_code;
	const char	*section;
	day_t		 taken_on;
	int		 proficient;
	int		 final;		/* recorded as the final attempt (X4) */
};

struct course {
	long long	 rowid;
	long long	 id;		/* courses.id */
	const char	*class_code;
	const char	*institution;
	int		 public_institution;
	const char	*name;
	day_t		 starts_on;
	day_t		 ends_on;
	int		 summer_term;
	int		 semester_school;
	double		 credit_hours;	/* < 0: unknown (null) */
	double		 meeting_hours_per_week; /* 0 when null */
	int		 full_day_days;	/* < 0: not a full-day course */
	long long	 lab_for;	/* 0: not a lab */
	enum course_status status;
	day_t		 status_on;
	int64_t		 tuition_cents;
	int64_t		 fees_cents;
	int64_t		 outside_aid_cents;
	int		 limit_exempt;	/* outside the yearly limit (C1) */
	int		 full_tuition_approved; /* full private tuition (M5) */
};

struct grade {
	long long	 rowid;
	const char	*class_code;
	char		 grade;		/* 'A', 'B' or 'C' */
	day_t		 issued_on;
	enum grade_basis basis;
};

struct county_pref {
	long long	 rowid;
	const char	*class_code;
	int		 rank;		/* 1..3 */
	const char	*county;
};

struct appointment {
	long long	 rowid;
	const char	*from_class_code;
	const char	*to_class_code;
	day_t		 appointed_on;
	int		 via_program;
};

struct assignment {
	long long	 rowid;
	enum assign_kind kind;
	day_t		 starts_on;
	day_t		 ends_on;
	const char	*note;
};

/* leaves (2026-12-04): E3, and X1's military leave. */
struct leave_row {
	long long	 rowid;
	enum leave_kind	 kind;
	day_t		 starts_on;
	day_t		 ends_on;	/* DAY_NONE: not yet back */
};

/* exam_extensions (2026-12-04): X1. */
struct exam_extension {
	long long	 rowid;
	const char	*class_code;
	int		 days;		/* above 0 */
	day_t		 granted_on;
	const char	*reason;	/* or NULL */
};

/* applications (2026-12-04): one per employee and period. */
struct application {
	long long	 rowid;
	int		 period;	/* period_parse() */
	day_t		 applied_on;	/* DAY_NONE when null */
	day_t		 supervisor_approved_on; /* CA; DAY_NONE when null */
	enum app_decision decision;
};

/*
 * Where an employee's application of the latest registration period
 * stands, as the selection (rules.md "Selection") decided it across
 * every applicant; set on the history by the caller before the rules
 * run (it depends on other employees), NULL when none.
 */
enum app_result {
	APP_SELECTED,		/* selected */
	APP_WAITING,		/* on the waiting list */
	APP_NOT_ELIGIBLE,	/* not eligible on the period's last day */
	APP_NOT_APPROVED,	/* CA: no supervisor's approval */
	APP_NOT_SELECTED,	/* CA: the coordinator said no */
	APP_PENDING		/* CA: no decision yet */
};

/* Why an employee is not eligible (rules.md E1, E2). */
enum elig_reason {
	ER_NONE,		/* eligible */
	ER_SEPARATED,
	ER_STATUS,		/* limited_term or temporary */
	ER_ORIGINAL_PROBATION,
	ER_NOT_COVERED,		/* neither a covered unit nor a program title */
	ER_NOT_LPEL		/* CA */
};

struct app_status {
	int		 period;	/* the latest registration period */
	enum app_result	 result;
	long		 position;	/* in the selection CSV order, from 1 */
	long		 waiting_position; /* APP_WAITING: 1 for the first on
					 * the waiting list; else 0 */
	enum elig_reason reason;	/* APP_NOT_ELIGIBLE */
};

/*
 * One employee's rows from every table.  Arrays are in the order the
 * reader gives: enrollments by enrolled_on, plans by version, targets by
 * targeted_on, attempts by taken_on, courses by starts_on then id,
 * grades by issued_on, preferences by class_code then rank, appointments
 * by appointed_on, assignments by starts_on, leaves by starts_on,
 * extensions by granted_on, applications by period; ties by rowid.
 */
struct history {
	struct employee		 emp;
	struct enrollment	*enrollments;	size_t nenrollments;
	struct plan		*plans;		size_t nplans;
	struct target		*targets;	size_t ntargets;
	struct exam_attempt	*attempts;	size_t nattempts;
	struct course		*courses;	size_t ncourses;
	struct grade		*grades;	size_t ngrades;
	struct county_pref	*prefs;		size_t nprefs;
	struct appointment	*appointments;	size_t nappointments;
	struct assignment	*assignments;	size_t nassignments;
	struct leave_row	*leaves;	size_t nleaves;
	struct exam_extension	*extensions;	size_t nextensions;
	struct application	*applications;	size_t napplications;
	struct digest		 input;		/* of the rows read (records.c) */
	const struct app_status	*app;		/* set by the caller, or NULL */
};

/* The program-wide tables (records.md "goals, budgets, spending",
 * "periods"). */
struct goal {
	int	fy;			/* 2026 for "2026-27" */
	long	expected_appointments;
	long	anticipated_openings;	/* -1 when null or missing */
	long	qualified_candidates;	/* -1 when null or missing */
	const char *timetable;		/* or NULL */
};
struct budget {
	int	fy;
	int64_t	training_budget_cents;
	int64_t	um_assigned_cents;	/* -1 when null or missing */
};
struct period {
	long long rowid;
	int	period;			/* period_parse() */
	long	capacity;		/* -1: null, everyone is taken */
};
struct spending {
	int	fy;
	const char *category;
	int64_t	amount_cents;
};
struct program_rows {
	struct goal	*goals;		size_t ngoals;
	struct budget	*budgets;	size_t nbudgets;
	struct spending	*spending;	size_t nspending;
	struct period	*periods;	size_t nperiods; /* by period */
};

/* ---- the rules' answers (rules.c) --------------------------------------- */

/*
 * Alert codes, in the order of rules.md's list (section "Next steps"):
 * the three groups, most urgent first, and within a group the order
 * alerts of one date take.  alert_code_name() gives the name.
 */
enum alert_code {
	/* (1) what has happened or breaks a rule now */
	AL_EXAM_WINDOW_EXPIRED,		/* X1 */
	AL_GRADE_EXPIRED,		/* G1 */
	AL_FINAL_ATTEMPT_FAILED,	/* X4 */
	AL_NO_LONGER_ELIGIBLE,		/* E4 */
	AL_REPAYMENT_OWED,		/* N3 */
	AL_ENROLLMENT_SUSPENDED,	/* N4 */
	AL_LEAVE_BLOCKS_ENROLLMENT,	/* E3 */
	AL_TARGET_LIMIT,		/* T1 */
	AL_CREDENTIAL_NEEDS_BACHELOR,	/* T2 */
	AL_TITLE_FROZEN,		/* T3 */
	AL_TOO_MANY_CONCURRENT,		/* C2 */
	AL_ONE_TARGET_AT_A_TIME,	/* C7 */
	AL_FULL_DAY_LIMIT,		/* O2 */
	AL_PRIVATE_CLASS_LIMIT,		/* M5 */
	AL_PLAN_STEP_OVERDUE,		/* N1 */
	AL_WITHDRAWAL_DROPS,		/* C5 */
	AL_WITHDRAWAL_INACTIVE,		/* C6 */
	AL_ASSIGNMENT_TOO_LONG,		/* P2 */
	/* (2) what needs doing by a date */
	AL_EXAM_WINDOW_CLOSING,		/* X1 */
	AL_GRADE_EXPIRING,		/* G1 */
	AL_REQUEST_TIME_OFF,		/* N5 */
	AL_PLAN_STEP_DUE,		/* N1 */
	AL_REVISED_PLAN_REQUIRED,	/* C4 */
	AL_PLAN_MISSING,		/* P1 */
	AL_PLAN_NOT_APPROVED,		/* P1 */
	AL_PLAN_NOT_REVIEWED,		/* P1 */
	AL_REGISTER,			/* N2 */
	/* (3) advice */
	AL_CLASS_LIMIT_REACHED,		/* C1 */
	AL_FIRST_TERM_ONE_CLASS,	/* C3 */
	AL__MAX
};

const char	*alert_code_name(enum alert_code);	/* "TARGET_LIMIT" */
const char	*alert_rule(enum alert_code);		/* "T1" */
/* "SEPARATED", "STATUS", ... (rules.md E1); "" for ER_NONE. */
const char	*elig_reason_name(enum elig_reason);
/* "selected", "waiting_list", ... (cli.md's selection CSV). */
const char	*app_result_name(enum app_result);

/*
 * One alert.  The words a reader sees are made from these facts by the
 * view (view.c), not by the rules.  Pointers point into the history.
 */
struct alert {
	enum alert_code	 code;
	day_t		 on;		/* the date its rule names (a deadline,
					 * or when it began); DAY_NONE when
					 * the rule names none */
	const char	*class_code;	/* the title it is about, or NULL */
	long		 count;		/* a number it is about (courses,
					 * days, a step's seq, a course id),
					 * or 0; the last key of the order */
	const struct course *course;	/* C7, M5, N5: the course, or NULL */
	const struct course *other;	/* C7: the course of the other title */
	const struct plan_step *step;	/* N1: the step, or NULL */
};

struct target_view {
	const struct target *t;		/* the record */
	const struct title *title;	/* its catalog entry */
	enum title_kind	 counts_as;	/* T1: KIND_CERTIFICATE or
					 * KIND_CREDENTIAL */
	int		 exam_route;	/* 1: X1-X4 apply (certificate, or
					 * dual not on the degree route) */
	day_t		 first_exam_on;	/* X1: first attempt of the current
					 * window, or DAY_NONE */
	day_t		 exam_window_ends_on; /* X1, DAY_NONE once graded */
	int		 military_days;	/* X1: M, days of military leave */
	int		 extension_days; /* X1: X, days of extensions */
	int		 restarted;	/* X1: an earlier window ended without
					 * a grade (the scores were erased) */
	day_t		 restarted_after; /* X1: the end of the window before
					 * the current one when restarted, else
					 * DAY_NONE */
	day_t		 next_exam_allowed_on; /* X2, or DAY_NONE */
	const struct course *retest_course; /* X2: the completed course that
					 * allows the retest, or NULL */
	const char	**sections_not_proficient; /* X2, by section name */
	size_t		 nsections_not_proficient;
	day_t		 final_attempt_on; /* X4: the final attempt that left a
					 * section not proficient, or DAY_NONE */
	day_t		 retarget_allowed_on; /* X4, or DAY_NONE */
	const struct grade *grade;	/* G1: latest grade, or NULL */
	day_t		 grade_expires_on; /* G1, or DAY_NONE */
	const char	*counties[3];	/* G3: counties by rank */
	size_t		 ncounties;
};

struct course_view {
	const struct course *c;		/* the record */
	int		 counted;	/* C1: counted (not planned, not lab) */
	int		 in_fy;		/* starts in the as-of fiscal year */
	int64_t		 program_paid_cents; /* M1 for this course */
	int		 full_tuition;	/* M5: paid in full at a private
					 * institution */
	int		 binding;	/* M2: binds the work commitment */
};

/* G2: the probation of the latest appointment through the program. */
struct probation_view {
	const struct appointment *ap;	/* the appointment, or NULL: none */
	const struct title *title;	/* its title in the catalog, or NULL */
	int		 extension_months; /* E: beyond the normal 4 */
	int		 by_grade_c;	/* 1: E is XIII.K's for a C grade */
	day_t		 ends_on;	/* appointed_on + 4 + E months */
	day_t		 return_right_ends_on; /* appointed_on + 4 months */
};

/*
 * What the rules say of one employee as of one date: the packet view of
 * cli.md before it is put into words.  Filled by rule_packet(); arrays
 * live in the arena it was given.  Fields of rules the profile does not
 * apply are left at their zero values (and the view writes them null).
 */
struct packet {
	day_t		 as_of;
	enum profile	 profile;
	const struct history *h;	/* the records it was made from */
	const struct title *cls;	/* current class in the catalog */
	int		 eligible;	/* E1 (IL) or E2 (CA) */
	enum elig_reason eligibility_reason; /* E1, E2: ER_NONE if eligible */
	int		 separated;	/* separated_on on or before as-of */
	int		 on_leave;	/* E3: a leave that blocks enrolling */
	const struct enrollment *enrollment; /* latest, or NULL */
	const struct plan *plan;	/* latest version, or NULL */

	struct target_view *targets;	/* open targets, by targeted_on */
	size_t		 ntargets;

	struct course_view *courses;	/* one per h->courses, same order */
	size_t		 ncourses;
	int		 classes_fy;	/* C1: fiscal year of as-of */
	int		 classes_counted; /* C1 */
	int		 classes_remaining; /* C1 */
	int		 classes_concurrent; /* C2: enrolled courses on as-of */
	int		 concurrent_limit; /* C2: the limit that applies */
	long		 drops;		/* C5: drops and fails that count */
	day_t		 inactive_since; /* C6: the last activity, when it
					 * raises the alert; else DAY_NONE */

	int		 exams_used;	/* X3: this half-year */
	int		 exams_remaining;

	double		 meeting_hours;	/* O1: weekly meeting hours */
	double		 hours_per_week; /* O1 */
	long		 full_day_days;	/* O2: S, this half-year */
	double		 full_day_days_off; /* O2 */
	int		 rotating_note;	/* O3: show the rotating note */

	int64_t		 program_paid_cents; /* M1 over all counted */
	day_t		 commitment_ends_on; /* M2, or DAY_NONE */
	day_t		 commitment_from; /* M2: the binding course's end */
	int64_t		 binding_paid_cents; /* M3: paid */
	int		 months_fulfilled; /* M3 */
	int64_t		 repayment_cents; /* M3 */

	struct probation_view probation; /* G2 */

	int		 register_period; /* N2: the registration month named
					 * (period_parse()), or -1 */
	const struct application *next_app; /* N2: an application for a
					 * period not begun yet, or NULL */
	int		 app_open;	/* h->app's registration month has not
					 * ended: its decision is provisional */
	const struct appointment *promoted_to; /* E4: the appointment to the
					 * current class after the current
					 * enrollment began (II.B), or NULL */

	struct alert	*alerts;	/* most urgent first (see rules.c) */
	size_t		 nalerts;
};

/* Fixed numbers of the guidelines, shared by the rules and their words. */
enum {
	RULE_RETARGET_MONTHS = 18,	/* IL VII.G: after a failed final
					 * attempt (X4) */
	RULE_PROBATION_MONTHS = 4,	/* IL XIII.K-N: the normal probation */
	RULE_C_GRADE_MONTHS = 8,	/* IL XIII.K: "up to eight (8) months"
					 * more for a C grade (G2) */
	RULE_FULL_TUITION_PER_FY = 4,	/* IL XI.A: full private tuition (M5) */
	RULE_STEP_DUE_DAYS = 30		/* rules.md N1: a step due soon */
};

/*
 * rule_packet: evaluates every rule the profile applies for one employee
 * as of one date.  Pure: reads only its arguments (h->app included);
 * allocates in arena.  Relies on the history's arrays being in the
 * reader's order (struct history).  Cannot fail.
 */
void	rule_packet(const struct history *, const struct catalog *,
	    const struct settings *, enum profile, day_t as_of,
	    struct arena *, struct packet *);

/* G3: one line of an eligibility list. */
struct list_entry {
	const struct title *title;	/* the list's title */
	const char	*county;	/* the list's county */
	int		 covered_first;	/* IL XIII.F: 1 when the title's
					 * appendix row names a bargaining
					 * unit and the employee's unit is
					 * covered (E1): listed before 0 */
	char		 grade;		/* 'A', 'B', 'C' */
	day_t		 issued_on;
	day_t		 expires_on;
	day_t		 seniority_date;
};

/*
 * rule_list_entries: the eligibility lists (G3) this employee is on as of
 * the date, in the arena: *out and *n.  Pure.  The caller orders each
 * list across employees: covered_first descending, then grade, then
 * seniority_date, then employee id (rules.md G3).
 */
void	rule_list_entries(const struct history *, const struct catalog *,
	    const struct settings *, enum profile, day_t as_of,
	    struct arena *, struct list_entry **out, size_t *n);

/*
 * rule_alert_rank: how urgent an alert is, the first key of a packet's
 * alert order: 0 it has happened or breaks a rule now, 1 it needs doing
 * by a date, 2 advice (rules.md's three groups).
 */
int	rule_alert_rank(enum alert_code);

/* Annual reporting (rules.md), summed over employees by rule_fy_add(). */
struct fy_figures {
	int	 fy;			/* the report's fiscal year */
	long	 eligible_employees;
	long	 participating_employees;
	long	 appointments[3];	/* [0] FY, [1] FY-1, [2] FY-2 */
	long	 appointments_eltpa;	/* FY's, to an ELTPA title */
	long	 appointments_bridging;	/* FY's, to a bridging title */
	int64_t	 course_spent_cents;	/* M1 (and M5) over courses starting
					 * in FY */
	long	 courses_taken;		/* IL: counted courses, labs out */
	long	 courses_completed;
	long	 courses_dropped;
	long	 courses_failed;
	long	 exams_taken;		/* IL: X3 exams taken in FY */
	long	 grades_issued;		/* IL */
	long	 withdrawal_candidates;	/* IL: C5 or C6 on FY's last day, or
					 * the as-of date inside FY */
	long	 applicants;		/* for the registration periods whose
					 * last day falls in FY; set by the
					 * selection (selection.c), not by
					 * rule_fy_add */
	long	 selected;
	long	 waiting_list;
	long	*grades_by_title;	/* IL: per catalog title index */
	long	*appointments_by_title;	/* [y * ntitles + title index], y as
					 * in appointments; NULL: not kept */
};

/* fy_figures_init: zero figures for fiscal year fy with the per-title
 * arrays for ntitles titles; fy_figures_free() releases them. */
void	fy_figures_init(struct fy_figures *, int fy, size_t ntitles);
void	fy_figures_free(struct fy_figures *);

/*
 * rule_fy_add: adds one employee's part of the figures for f->fy as of
 * the date (figures that stop at the as-of date do so).  Pure; needs no
 * memory beyond f.
 */
void	rule_fy_add(const struct history *, const struct catalog *,
	    const struct settings *, enum profile, day_t as_of,
	    struct fy_figures *f);

/*
 * rule_c1_count: C1's count of the courses starting in fiscal year fy:
 * the fewest groups (exact for up to 20 short courses; scratch memory,
 * up to 1 MB, in the arena).
 */
int	rule_c1_count(const struct course *, size_t n, int fy,
	    struct arena *);
/* rule_m1_paid: M1, what the program pays for one course; full_tuition:
 * M5 granted it full tuition (no private cap). */
int64_t	rule_m1_paid(const struct course *, const struct settings *,
	    int full_tuition);

/* rule_eligible: E1 (illinois) or E2 (california) on a day. */
int	rule_eligible(const struct history *, const struct catalog *,
	    const struct settings *, enum profile, day_t on);
/* rule_elig_reason: why not (E1's first reason, or E2's); ER_NONE when
 * eligible. */
enum elig_reason rule_elig_reason(const struct history *,
	    const struct catalog *, const struct settings *, enum profile,
	    day_t on);

/* ---- selection of a registration period (select.c) ---------------------- */

/*
 * One application of a period, as the selection reads it: the caller
 * fills the first part (from the applications and employees rows and
 * E1/E2 on the period's last day); rule_select() fills the rest.
 */
struct applicant {
	const char	*id;		/* employee id */
	const char	*name;		/* for the lists; not an order key */
	const char	*unit;		/* for the letters' batches, or NULL */
	long long	 rowid;		/* of the applications row */
	day_t		 seniority_date;
	day_t		 applied_on;	/* DAY_NONE when null */
	enum elig_reason reason;	/* on the period's last day; ER_NONE:
					 * eligible */
	int		 approved;	/* CA: supervisor_approved_on set */
	enum app_decision decision;	/* CA: the coordinator's decision */
	/* Set by rule_select(): */
	enum app_result	 result;
	long		 position;	/* in the period's list, from 1 */
	long		 waiting;	/* APP_WAITING: 1 for the first on the
					 * waiting list; else 0 */
	long		 first_consideration; /* IL IV.B: place on the
					 * previous waiting list, or 0 */
};

/*
 * rule_select: the selection of one period (rules.md "Selection"): sorts
 * v into the order of the period's list (cli.md: the selected and the
 * waiting list in selection order, then the others by seniority date
 * and id) and sets each result and position.  capacity: the periods
 * row's, -1 when null (everyone is taken).  prev: the ids of the
 * previous period's waiting list, in order (IL IV.B).  Pure; scratch in
 * arena.  Cannot fail.
 */
void	rule_select(struct applicant *v, size_t n, long capacity,
	    enum profile, const char *const *prev, size_t nprev,
	    struct arena *);

#endif /* UMPRESS_MODEL_H */
