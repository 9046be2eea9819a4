/*
 * model.c: the small pieces of the data model every stage shares: the
 * program defaults of rules.md, catalog look-up, and the names of the
 * enumerations as the contracts spell them.  No I/O, so the rules engine
 * and its tests link it alone.
 */
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* The Illinois numbers of rules.md; site.yaml's program: may change them. */
void
fy_figures_init(struct fy_figures *f, int fy, size_t ntitles)
{
	memset(f, 0, sizeof(*f));
	f->fy = fy;
	f->grades_by_title = xcalloc(ntitles + 1, sizeof(long));
	f->appointments_by_title = xcalloc(3 * ntitles + 1, sizeof(long));
}

void
fy_figures_free(struct fy_figures *f)
{
	free(f->grades_by_title);
	free(f->appointments_by_title);
	f->grades_by_title = f->appointments_by_title = NULL;
}

void
settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->max_credential_targets = 1;		/* IL V.A */
	s->max_certificate_targets = 2;		/* IL V.A */
	s->exam_window_years = 3;		/* IL VII.G */
	s->warning_days = 180;			/* rules.md X1, G1 */
	s->retest_wait_days = 30;		/* IL VII.B */
	s->max_exams_per_half_year = 2;		/* IL VII.H */
	s->max_classes_per_year = 8;		/* IL VIII.B */
	s->max_concurrent_classes = 2;		/* IL VIII.B */
	s->max_concurrent_summer = 1;		/* IL VIII.B */
	s->recent_credit_years = 5;		/* IL VIII.F */
	s->withdrawal_drops = 3;		/* IL IX.B */
	s->inactivity_years = 3;		/* IL IX.D */
	s->max_hours_per_week = 8;		/* IL X.D */
	s->max_full_day_days = 20;		/* IL X.L */
	s->private_tuition_cap_cents = -1;	/* no cap unless set */
	s->work_commitment_years = 2;		/* IL XI.F.1 */
	s->grade_valid_years = 6;		/* IL XII.C */
	s->max_counties = 3;			/* IL XII.F */
	s->max_assignment_years = 2;		/* CA T&D assignment */
}

static int
title_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct title *)elem)->code);
}

const struct title *
catalog_find(const struct catalog *c, const char *code)
{
	if (c == NULL || code == NULL || c->ntitles == 0)
		return NULL;
	return bsearch(code, c->titles, c->ntitles, sizeof(c->titles[0]),
	    title_cmp);
}

const char *
kind_name(enum title_kind k)
{
	switch (k) {
	case KIND_CERTIFICATE:
		return "certificate";
	case KIND_CREDENTIAL:
		return "credential";
	case KIND_DUAL:
		return "dual";
	case KIND_NONE:
		break;
	}
	return "";
}

const char *
category_name(enum title_cat c)
{
	switch (c) {
	case CAT_LPEL:
		return "LPEL";
	case CAT_ELTPA:
		return "ELTPA";
	case CAT_BRIDGING:
		return "bridging";
	case CAT_NONE:
		break;
	}
	return "";
}

const char *
degree_name(enum degree d)
{
	static const char *const names[] = { "none", "high_school",
	    "associate", "bachelor", "master", "doctorate" };

	return d <= DEG_DOCTORATE ? names[d] : "";
}

const char *
via_name(enum via v)
{
	static const char *const names[] = { "transfer", "exam", "degree",
	    "training_development", "promotion" };

	return v <= VIA_PROMOTION ? names[v] : "";
}

/* The alert codes of rules.md and the rule that raises each. */
static const struct {
	const char *name;
	const char *rule;
} alerts[AL__MAX] = {
	[AL_EXAM_WINDOW_EXPIRED] = { "EXAM_WINDOW_EXPIRED", "X1" },
	[AL_GRADE_EXPIRED] = { "GRADE_EXPIRED", "G1" },
	[AL_FINAL_ATTEMPT_FAILED] = { "FINAL_ATTEMPT_FAILED", "X4" },
	[AL_NO_LONGER_ELIGIBLE] = { "NO_LONGER_ELIGIBLE", "E4" },
	[AL_REPAYMENT_OWED] = { "REPAYMENT_OWED", "N3" },
	[AL_ENROLLMENT_SUSPENDED] = { "ENROLLMENT_SUSPENDED", "N4" },
	[AL_LEAVE_BLOCKS_ENROLLMENT] = { "LEAVE_BLOCKS_ENROLLMENT", "E3" },
	[AL_TARGET_LIMIT] = { "TARGET_LIMIT", "T1" },
	[AL_CREDENTIAL_NEEDS_BACHELOR] = { "CREDENTIAL_NEEDS_BACHELOR", "T2" },
	[AL_TITLE_FROZEN] = { "TITLE_FROZEN", "T3" },
	[AL_TOO_MANY_CONCURRENT] = { "TOO_MANY_CONCURRENT", "C2" },
	[AL_ONE_TARGET_AT_A_TIME] = { "ONE_TARGET_AT_A_TIME", "C7" },
	[AL_FULL_DAY_LIMIT] = { "FULL_DAY_LIMIT", "O2" },
	[AL_PRIVATE_CLASS_LIMIT] = { "PRIVATE_CLASS_LIMIT", "M5" },
	[AL_PLAN_STEP_OVERDUE] = { "PLAN_STEP_OVERDUE", "N1" },
	[AL_WITHDRAWAL_DROPS] = { "WITHDRAWAL_DROPS", "C5" },
	[AL_WITHDRAWAL_INACTIVE] = { "WITHDRAWAL_INACTIVE", "C6" },
	[AL_ASSIGNMENT_TOO_LONG] = { "ASSIGNMENT_TOO_LONG", "P2" },
	[AL_EXAM_WINDOW_CLOSING] = { "EXAM_WINDOW_CLOSING", "X1" },
	[AL_GRADE_EXPIRING] = { "GRADE_EXPIRING", "G1" },
	[AL_REQUEST_TIME_OFF] = { "REQUEST_TIME_OFF", "N5" },
	[AL_PLAN_STEP_DUE] = { "PLAN_STEP_DUE", "N1" },
	[AL_REVISED_PLAN_REQUIRED] = { "REVISED_PLAN_REQUIRED", "C4" },
	[AL_PLAN_MISSING] = { "PLAN_MISSING", "P1" },
	[AL_PLAN_NOT_APPROVED] = { "PLAN_NOT_APPROVED", "P1" },
	[AL_PLAN_NOT_REVIEWED] = { "PLAN_NOT_REVIEWED", "P1" },
	[AL_REGISTER] = { "REGISTER", "N2" },
	[AL_CLASS_LIMIT_REACHED] = { "CLASS_LIMIT_REACHED", "C1" },
	[AL_FIRST_TERM_ONE_CLASS] = { "FIRST_TERM_ONE_CLASS", "C3" },
};

const char *
alert_code_name(enum alert_code c)
{
	return c < AL__MAX ? alerts[c].name : "";
}

const char *
alert_rule(enum alert_code c)
{
	return c < AL__MAX ? alerts[c].rule : "";
}

/* rules.md E1, E2: the codes of eligibility_reason. */
const char *
elig_reason_name(enum elig_reason r)
{
	static const char *const names[] = { "", "SEPARATED", "STATUS",
	    "ORIGINAL_PROBATION", "NOT_COVERED", "NOT_LPEL" };

	return (size_t)r < sizeof(names) / sizeof(names[0]) ? names[r] : "";
}

/* cli.md: the decision column of the selection CSV. */
const char *
app_result_name(enum app_result r)
{
	static const char *const names[] = { "selected", "waiting_list",
	    "not_eligible", "not_approved", "not_selected", "pending" };

	return (size_t)r < sizeof(names) / sizeof(names[0]) ? names[r] : "";
}
