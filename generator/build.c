/*
 * build.c: the commands of cli.md.  Loading is one pass that reports
 * every problem of the content, templates and records before anything
 * is written; building then writes the whole output through output.c,
 * which swaps it in only when everything succeeded.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"
#include "records.h"

#define OUTPUT_DIR	"output"
#define RECORDS_DB	"records/umpress.db"

/* What a link of a page may lead to besides the pages (content_render). */
struct site_files {
	const struct project	*p;
	int			 with_records;	/* results.html is made */
};

static int
site_file(const void *arg, const char *path)
{
	const struct site_files *sf = arg;

	return site_makes(sf->p, sf->with_records, path);
}

/*
 * Loads site.yaml, the pages, the catalog and the templates, reporting
 * every problem (a bad site.yaml does not stop the pages from being
 * checked).  Returns 0 when anything was an error.
 */
static int
project_open(struct project *p, day_t as_of, int warn_missing,
    struct diag *d)
{
	struct site_files sf = { p, access(RECORDS_DB, F_OK) == 0 };
	int ok;

	memset(p, 0, sizeof(*p));
	p->as_of = as_of;
	/* Before loading: a file edited during the load then differs from
	 * its digest, and the next build makes its outputs anew. */
	project_fingerprint(p);
	ok = project_load(&p->conf, d);
	ok &= content_load(&p->content, &p->conf, d);
	ok &= catalog_load(&p->catalog, &p->content, d);
	ok &= site_check_slugs(p, d);
	ok &= content_render(&p->content, &p->conf, site_file, &sf, d);
	if (access("templates", F_OK) == -1) {
		/* One message for the folder, not one per template. */
		diag_file(d, DIAG_ERROR, "templates", 0, "no such folder (a project holds "
		    "content/, templates/ and records/)");
		return 0;
	}
	p->tmpl = tmpl_set_dir("templates", "templates", warn_missing, d);
	ok &= tmpl_get(p->tmpl, "page.html") != NULL;
	ok &= private_load(p, d);
	project_fingerprint_private(p);
	return ok && d->errors == 0;
}

static void
project_close(struct project *p)
{
	private_unload(p);
	tmpl_set_free(p->tmpl);
	catalog_free(&p->catalog);
	content_free(&p->content);
	config_free(&p->conf);
	project_fingerprint_free(p);
}

/* --verbose: one line of what a step read or made.  Not a diagnostic
 * (nothing is wrong), so not counted by struct diag. */
static void
note(const struct opts *o, const char *fmt, ...)
{
	va_list ap;

	if (!o->verbose)
		return;
	fputs("umpress: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* --verbose: what the project holds. */
static void
note_project(const struct opts *o, const struct project *p)
{
	const struct narrative *n;
	size_t i;

	note(o, "content/: %zu pages, %zu titles, %zu ladders",
	    p->content.npages, p->catalog.ntitles, p->catalog.nladders);
	for (i = 0; i < p->content.nnarratives; i++) {
		n = &p->content.narratives[i];
		note(o, "%s: the narrative of the %d-%02d report: %s", n->pg.src,
		    n->fy, (n->fy + 1) % 100, n->pg.title);
	}
}

/* --jobs, or one worker per core. */
static int
jobs_of(const struct opts *o)
{
	long n = o->jobs > 0 ? o->jobs : sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/*
 * Opens the records.  A project without records/umpress.db builds its
 * public site only, with a warning (a new project's coordinator writes
 * pages before HR sends a database).  *r is NULL then.  0 when the
 * database cannot be read (reported).
 */
static int
records_open(struct records **r, struct diag *d)
{
	*r = NULL;
	if (access(RECORDS_DB, F_OK) == -1 && errno == ENOENT) {
		diag_file(d, DIAG_WARN, RECORDS_DB, 0, "no such file: "
		    "building the public site only (make one with 'umpress "
		    "records init' or 'umpress records demo')");
		return 1;
	}
	return (*r = rec_open(RECORDS_DB, RECORDS_DB, d)) != NULL;
}

/*
 * Opens the records for a build into outdir.  Without them the build
 * would make the public site only, and swapping it in would remove the
 * packets, lists and reports the last build made from them: when outdir
 * holds those, the missing database is an error that says what to do
 * (issue 19: losing the database must not cost the output made from it).
 */
static int
records_for_build(struct records **r, const char *outdir, struct diag *d)
{
	char *priv = xasprintf("%s/private", outdir);
	int had = access(priv, F_OK) == 0;

	free(priv);
	*r = NULL;
	if (had && access(RECORDS_DB, F_OK) == -1 && errno == ENOENT) {
		diag_file(d, DIAG_ERROR, RECORDS_DB, 0, "no such file, but "
		    "%s/ holds the packets, lists and reports of a build that "
		    "had it, and this build would remove them: put the "
		    "database back, or remove %s/private/ to build the public "
		    "site only", outdir, outdir);
		return 0;
	}
	return records_open(r, d);
}

/* Opens the records for a command that cannot do without them. */
static int
records_need(struct records **r, struct diag *d)
{
	*r = NULL;
	if (access(RECORDS_DB, F_OK) == -1) {
		diag_file(d, DIAG_ERROR, RECORDS_DB, 0, "no such file");
		return 0;
	}
	return records_open(r, d);
}

/* ---- what a kept private/ was summed into -------------------------------- */

/*
 * The figures as a note of the manifest (out_note), for a build that
 * keeps private/ without reading an employee: the results page and the
 * report bundle show them.  Every field of struct fy_figures is here: a
 * field added there fails this assertion until it is added here too.
 */
_Static_assert(sizeof(struct fy_figures) == offsetof(struct fy_figures,
    eligible_employees) + 17 * sizeof(long) + sizeof(int64_t) +
    2 * sizeof(long *), "struct fy_figures changed: update fy_note_put "
    "and fy_note_get (build.c)");

static void
fy_note_put(struct buf *b, const struct fy_figures *f, size_t ntitles)
{
	size_t i;

	buf_printf(b, "%d %ld %ld %ld %ld %ld %ld %ld %" PRId64 " %ld %ld %ld "
	    "%ld %ld %ld %ld %ld %ld %ld %zu", f->fy, f->eligible_employees,
	    f->participating_employees, f->appointments[0],
	    f->appointments[1], f->appointments[2], f->appointments_eltpa,
	    f->appointments_bridging, f->course_spent_cents,
	    f->courses_taken, f->courses_completed, f->courses_dropped,
	    f->courses_failed, f->exams_taken, f->grades_issued,
	    f->withdrawal_candidates, f->applicants, f->selected,
	    f->waiting_list, ntitles);
	for (i = 0; i < ntitles; i++)
		buf_printf(b, " %ld", f->grades_by_title[i]);
	for (i = 0; i < 3 * ntitles; i++)
		buf_printf(b, " %ld", f->appointments_by_title[i]);
}

/* The next number of the note at *p into *v; 0 when there is none. */
static int
fy_num(const char **p, long long *v)
{
	char *end;

	errno = 0;
	*v = strtoll(*p, &end, 10);
	if (end == *p || errno != 0 || (*end != ' ' && *end != '\0'))
		return 0;
	*p = end;
	return 1;
}

/* Reads a note fy_note_put() wrote into f (made by fy_figures_init for
 * ntitles); 0 when it is not one (f then holds a part of it). */
static int
fy_note_get(const char *note, struct fy_figures *f, size_t ntitles)
{
	long *scalars[] = { &f->eligible_employees,
	    &f->participating_employees, &f->appointments[0],
	    &f->appointments[1], &f->appointments[2], &f->appointments_eltpa,
	    &f->appointments_bridging, NULL, &f->courses_taken,
	    &f->courses_completed, &f->courses_dropped, &f->courses_failed,
	    &f->exams_taken, &f->grades_issued, &f->withdrawal_candidates,
	    &f->applicants, &f->selected, &f->waiting_list };
	const char *p = note;
	long long v;
	size_t i;

	if (!fy_num(&p, &v) || v != f->fy)
		return 0;
	for (i = 0; i < sizeof(scalars) / sizeof(scalars[0]); i++) {
		if (!fy_num(&p, &v))
			return 0;
		if (scalars[i] != NULL)
			*scalars[i] = (long)v;
		else
			f->course_spent_cents = (int64_t)v;
	}
	if (!fy_num(&p, &v) || v != (long long)ntitles)
		return 0;
	for (i = 0; i < 4 * ntitles; i++) {
		if (!fy_num(&p, &v))
			return 0;
		if (i < ntitles)
			f->grades_by_title[i] = (long)v;
		else
			f->appointments_by_title[i - ntitles] = (long)v;
	}
	return *p == '\0';
}

/* What private/ is made from: the project's part of it (project.c) and
 * the records' bytes.  Zero when those cannot be told. */
static void
private_input(const struct project *p, const struct digest *db,
    struct digest *in)
{
	struct hash h;

	memset(in, 0, sizeof(*in));
	if (db == NULL)
		return;
	hash_init(&h);
	hash_str(&h, "private");
	hash_digest(&h, &p->fp);
	hash_digest(&h, db);
	hash_end(&h, in);
}

static void
digest_hex(const struct digest *x, char hex[33])
{
	snprintf(hex, 33, "%016" PRIx64 "%016" PRIx64, x->w[0], x->w[1]);
}

/*
 * Whether the previous output's private/ was made from this build's
 * input, and is as that build left it: it is kept whole (out_keep_tree)
 * and its figures read from the manifest into fy.  A guide edited, a
 * site template or the stylesheet changed: no record is read.
 */
static int
private_kept(const struct project *p, struct out *out,
    const struct digest *in, struct fy_figures *fy)
{
	struct fy_figures old;
	const char *note;
	char hex[33];
	size_t n = p->catalog.ntitles;

	if (out == NULL || (in->w[0] == 0 && in->w[1] == 0))
		return 0;
	digest_hex(in, hex);
	if ((note = out_note_old(out, "private")) == NULL ||
	    strcmp(note, hex) != 0 ||
	    (note = out_note_old(out, "figures")) == NULL)
		return 0;
	fy_figures_init(&old, fy->fy, n);
	if (!fy_note_get(note, &old, n) || !out_keep_tree(out, "private/")) {
		fy_figures_free(&old);
		return 0;
	}
	fy_figures_free(fy);
	*fy = old;	/* its arrays now fy's */
	return 1;
}

/*
 * The warnings of a part of the build, from the from-th that d->log
 * holds, as the manifest's note KEY: a later build that keeps that part
 * repeats them (warnings_again).  No note when there are none.
 */
static void
warnings_note(struct out *out, const char *key, size_t from,
    struct diag *d)
{
	char *note = diag_log_note(d, from);

	if (note != NULL)
		out_note(out, key, note);
	free(note);
}

/*
 * Issue 21: a part of the output kept as the last build made it was not
 * made again, so nothing in it warned; its inputs are the same, so its
 * warnings still hold: they are said again, as they were said then.
 */
static void
warnings_again(const struct out *out, const char *key, struct diag *d)
{
	diag_replay(d, out_note_old(out, key));
}

/* The notes a later build keeping private/ needs of this one: its
 * input, its figures, its warnings (all d->log holds by now). */
static void
private_notes(const struct project *p, struct out *out,
    const struct digest *in, const struct fy_figures *fy, struct diag *d)
{
	struct buf b = {0};
	char hex[33];

	if (out == NULL || (in->w[0] == 0 && in->w[1] == 0))
		return;
	digest_hex(in, hex);
	out_note(out, "private", hex);
	fy_note_put(&b, fy, p->catalog.ntitles);
	out_note(out, "figures", b.data);
	buf_free(&b);
	warnings_note(out, "private-warnings", 0, d);
}

/* ---- a build --------------------------------------------------------------- */

/*
 * Everything a build writes, into out (NULL: check, writes nothing):
 * the private outputs first, as they read the records and sum the
 * figures the public results page and the report bundle show; kept as
 * they are when made from the same input (db: the records' digest,
 * NULL when unknown).
 */
static int
build_all(struct project *p, struct records *r, const struct digest *db,
    struct out *out, int jobs, struct diag *d)
{
	struct fy_figures fy;
	struct program_rows pr;
	struct arena a = {0};
	struct digest in;
	struct diag_log log = {0};
	size_t site_from = 0;
	int ok = 1, have = r != NULL;

	memset(&pr, 0, sizeof(pr));
	fy_figures_init(&fy, date_fy(p->as_of), p->catalog.ntitles);
	/* Each part's warnings, for the manifest's notes. */
	d->log = &log;
	if (have) {
		ok = rec_program(r, &a, &pr);
		private_input(p, db, &in);
		if (private_kept(p, out, &in, &fy))
			warnings_again(out, "private-warnings", d);
		else {
			progress_stage("packets", rec_count(r));
			ok &= private_build(p, r, &pr, out, jobs, &fy, d);
		}
		private_notes(p, out, &in, &fy, d);
		site_from = log.n;
		out_hook("private");
	}
	progress_stage("site", 0);
	ok = ok && d->errors == 0 && site_build(p, have ? &fy : NULL,
	    have ? &pr : NULL, out, d);
	progress_stage("report", 0);
	if (ok && have)
		ok = report_bundle(p, &fy, &pr, out, d);
	progress_stage("bundle", 0);
	ok = ok && site_bundle(p, out, d);
	/* What warned besides private/: the site, the report, the bundle. */
	warnings_note(out, "warnings", site_from, d);
	d->log = NULL;
	diag_log_free(&log);
	fy_figures_free(&fy);
	arena_free(&a);
	return ok && d->errors == 0;
}

/*
 * What a whole build is made from: the project (its files, the program,
 * the as-of date: fp_all) and the records' bytes (*db, zero when there
 * are none).  0 when those cannot be told (a WAL database).
 */
static int
build_input(const struct project *p, struct records *r, struct digest *db,
    struct digest *in)
{
	struct hash h;

	memset(db, 0, sizeof(*db));
	if (r != NULL && !rec_digest(r, db))
		return 0;
	hash_init(&h);
	hash_str(&h, "build");
	hash_digest(&h, &p->fp_all);
	hash_u64(&h, r != NULL);
	hash_digest(&h, db);
	hash_end(&h, in);
	return 1;
}

/*
 * --strict (or strict: true): a build must see every warning a file of
 * its output would give, so it never keeps a file a build without it
 * made (that file's templates were not run again): its inputs differ.
 */
static void
fp_strict(struct project *p)
{
	struct hash h;

	hash_init(&h);
	hash_str(&h, "strict");
	hash_digest(&h, &p->fp);
	hash_end(&h, &p->fp);
	hash_init(&h);
	hash_str(&h, "strict");
	hash_digest(&h, &p->fp_all);
	hash_end(&h, &p->fp_all);
}

/*
 * The count of warnings at the end of a build (cli.md, 2026-12-04), and
 * under --strict or strict: true the verdict: 0 when they stop it.
 */
static int
warnings_end(const struct opts *o, const struct project *p,
    struct diag *d)
{
	int strict = o->strict || p->conf.strict;

	if (d->warnings == 0 || (o->quiet && !strict))
		return 1;
	fprintf(d->out, "umpress: %d warning%s", d->warnings,
	    d->warnings == 1 ? "" : "s");
	if (strict)
		fprintf(d->out, ", errors under %s%s", o->strict ? "--strict" :
		    "strict: true (content/site.yaml)", o->cmd == CMD_CHECK ?
		    "" : ": nothing was written");
	fputc('\n', d->out);
	if (strict && d->quiet_warnings)
		fputs("umpress: run without --quiet to see them\n", d->out);
	return !strict;
}

/* A build: everything into output/ (or --out), swapped in at the end,
 * or nothing at all; 1 when it succeeded.  Its stages go to the progress
 * line. */
static int
build_once(const struct opts *o, struct diag *d)
{
	const char *dir = o->out ? o->out : OUTPUT_DIR;
	struct project p;
	struct records *r = NULL;
	struct out *out = NULL;
	struct digest in, db;
	int ok, known = 0, current = 0;

	progress_stage("loading", 0);
	d->quiet_warnings = o->quiet && !o->strict;
	ok = project_open(&p, o->as_of, 1, d);
	if (ok) {
		catalog_cycles(&p.catalog, d);
		note_project(o, &p);
		if (o->strict || p.conf.strict)
			fp_strict(&p);
		ok = records_for_build(&r, dir, d);
	}
	if (ok) {
		known = build_input(&p, r, &db, &in);
		ok = (out = out_begin(dir, known ? &in : NULL, d)) != NULL;
	}
	/* Nothing changed since the output was made, and it is all in
	 * place: it stays as it is, unread and unwritten. */
	if (ok && out_current(out)) {
		current = 1;
		note(o, "%s/: made from these very inputs: kept as it is", dir);
		warnings_again(out, "private-warnings", d);
		warnings_again(out, "warnings", d);
	} else if (ok) {
		note(o, "%s: %s", RECORDS_DB, r ? "read" : "none: the public "
		    "site only");
		ok = build_all(&p, r, known ? &db : NULL, out, jobs_of(o), d);
	}
	ok = warnings_end(o, &p, d) && ok;
	if (ok && !current) {
		progress_stage("writing", 0);
		ok = out_commit(out);
		out = NULL;
		note(o, "%s/: the new output is in place", dir);
	}
	out_abort(out);
	rec_close(r);
	project_close(&p);
	progress_end();
	if (ok)
		printf("%s/site/index.html\n", dir);
	return ok;
}

/* umpress build: prints the home page's path when done. */
static int
cmd_build(const struct opts *o, struct diag *d)
{
	return build_once(o, d) ? 0 : 1;
}

/* umpress serve: the site of output/ on a local address, built again
 * after every change by "umpress build" with the as-of date fixed at the
 * start, so every build of a preview is for the same day (serve.c). */
static int
cmd_serve(const struct opts *o, struct diag *d)
{
	char date[11], *argv[8];
	int n = 0;

	date_format(o->as_of, date);
	argv[n++] = "umpress";
	argv[n++] = "build";
	argv[n++] = "--as-of";
	argv[n++] = date;
	if (o->verbose)
		argv[n++] = "--verbose";
	if (o->strict)
		argv[n++] = "--strict";
	if (o->quiet)
		argv[n++] = "--quiet";
	argv[n] = NULL;
	return serve_run(o->bind != NULL ? o->bind : "127.0.0.1", o->port,
	    o->quiet, argv, d) ? 0 : 1;
}

/*
 * CA "Approval of Upward Mobility Program Efforts and Goals": the
 * department's submission includes a "description of the actions that
 * demonstrate a good faith effort"; the report of the as-of fiscal year
 * takes it from content/reports/FY.md.  California only: Illinois
 * reports carry no such description.
 */
static void
narrative_check(const struct project *p, struct diag *d)
{
	char fy[8], *path;

	if (p->conf.profile != PROFILE_CALIFORNIA ||
	    content_narrative(&p->content, date_fy(p->as_of)) != NULL)
		return;
	date_fy_name(date_fy(p->as_of), fy);
	path = xasprintf("content/reports/%s.md", fy);
	diag_file(d, DIAG_WARN, path, 0, "no such file: the %s report has no "
	    "description of the good-faith efforts California asks for "
	    "with the goals (write it there, in Markdown)", fy);
	free(path);
}

/* umpress check: loads everything and renders every page and packet
 * into memory, so template names missing from the views are warned of;
 * writes nothing. */
static int
cmd_check(const struct opts *o, struct diag *d)
{
	struct project p;
	struct records *r = NULL;
	int ok;

	if ((ok = project_open(&p, o->as_of, 1, d))) {
		catalog_cycles(&p.catalog, d);
		narrative_check(&p, d);
		ok = records_open(&r, d) && build_all(&p, r, NULL, NULL,
		    jobs_of(o), d);
	}
	/* strict: true in site.yaml makes warnings errors here too. */
	if (p.conf.strict)
		ok = warnings_end(o, &p, d) && ok;
	rec_close(r);
	project_close(&p);
	return ok && d->errors == 0 ? 0 : 1;
}

/* umpress packet ID: one packet on standard output. */
static int
cmd_packet(const struct opts *o, struct diag *d)
{
	struct project p;
	struct records *r = NULL;
	int ok;

	ok = project_open(&p, o->as_of, 0, d);
	ok = ok && records_need(&r, d) && packet_print(&p, r, o->args[0],
	    o->format ? o->format : "html", d);
	rec_close(r);
	project_close(&p);
	return ok && d->errors == 0 ? 0 : 1;
}

/* umpress report FY: one fiscal year's bundle, its path printed. */
static int
cmd_report(const struct opts *o, struct diag *d)
{
	struct project p;
	struct records *r = NULL;
	int fy = 0, ok;

	date_fy_parse(o->args[0], &fy);
	ok = project_open(&p, o->as_of, 0, d);
	ok = ok && records_need(&r, d) && report_command(&p, r, fy, o->out,
	    o->password_file, d);
	rec_close(r);
	project_close(&p);
	return ok && d->errors == 0 ? 0 : 1;
}

/* umpress records init FILE / records demo FILE. */
static int
cmd_records(const struct opts *o, struct diag *d)
{
	struct project p;
	int ok;

	if (o->cmd == CMD_RECORDS_INIT)
		return rec_init(o->args[0], d) ? 0 : 1;
	/* The demo draws its classes from the project's title catalog. */
	ok = project_open(&p, o->as_of, 0, d) && rec_demo(o->args[0],
	    &p.catalog, &p.conf, o->employees, o->seed, o->as_of, d);
	project_close(&p);
	if (ok)
		printf("%s\n", o->args[0]);
	return ok ? 0 : 1;
}

int
cmd_run(const struct opts *o)
{
	struct diag d;

	if (o->cmd == CMD_BUILD)
		progress_init(o->quiet, o->verbose);
	diag_init(&d, progress_stream());
	switch (o->cmd) {
	case CMD_BUILD:
		return cmd_build(o, &d);
	case CMD_CHECK:
		return cmd_check(o, &d);
	case CMD_PACKET:
		return cmd_packet(o, &d);
	case CMD_REPORT:
		return cmd_report(o, &d);
	case CMD_RECORDS_INIT:
	case CMD_RECORDS_DEMO:
		return cmd_records(o, &d);
	case CMD_SERVE:
		return cmd_serve(o, &d);
	case CMD_NEW_PAGE:
		return page_new(o->args[0], &d) ? 0 : 1;
	}
	return 2;
}
