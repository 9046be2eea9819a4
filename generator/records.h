/*
 * records.h: the participant database of records.md (records.c) and the
 * synthetic demo database (demo.c).
 *
 * Reading: the database is opened read-only and one read transaction is
 * held from rec_open() to rec_close(), so everything read sees one
 * snapshot while HR writes.  Employees come out one at a time, in id
 * order, from one ordered scan per table merged by employee id; memory
 * held is one employee's rows.  Every row is checked against records.md
 * (types too: tables loaded with .import have no constraints and hold
 * TEXT), each problem reported as "records: TABLE row ROWID: message".
 */
#ifndef UMPRESS_RECORDS_H
#define UMPRESS_RECORDS_H

#include "model.h"

struct records;
struct rec_scan;

/*
 * rec_open: opens PATH read-only and begins the read transaction.  A file
 * that is missing, not a regular file, not SQLite, or whose user_version
 * is not 1, and a table or column of records.md the database lacks, are
 * reported as "DISPLAY: message" (DISPLAY is how messages name the file,
 * e.g. "records/umpress.db"; every missing one is named) and NULL
 * returned.  Tables and columns records.md added on 2026-12-04 may be
 * missing: they read as empty, or null.  Free with rec_close().
 */
struct records	*rec_open(const char *path, const char *display,
		    struct diag *);
void		 rec_close(struct records *);

/*
 * rec_digest: the digest of the database's bytes as this connection reads
 * them.  0 when it cannot be told (a WAL database, a read error).
 */
int		 rec_digest(struct records *, struct digest *);

/*
 * rec_program: the goals, budgets, spending and periods tables, checked,
 * into arena (periods by period; a table records.md added later that the
 * database lacks has no rows).  Returns 0 when a row is bad (each
 * reported), else 1.
 */
int		 rec_program(struct records *, struct arena *,
		    struct program_rows *);

/*
 * rec_scan_new: a scan over every employee in id order.  Rows are
 * checked against the catalog (class codes) and records.md.  Rows of an
 * employee id that is not in employees are reported as they are passed.
 * In the Illinois profile a certificate grade that is not A is warned of
 * (rules.md G4), and read as recorded.
 */
struct rec_scan	*rec_scan_new(struct records *, const struct catalog *,
		    enum profile);

/*
 * rec_scan_next: the next employee's history, its strings and arrays in
 * arena.  Returns 1 and sets *bad to the number of problems found in
 * that employee's rows (reported); 0 at the end of the scan (after
 * reporting the rows left over in other tables) or on a database error
 * (reported; rec_scan_failed() then says 1).
 */
int		 rec_scan_next(struct rec_scan *, struct arena *,
		    struct history *, int *bad);
int		 rec_scan_failed(const struct rec_scan *);
void		 rec_scan_free(struct rec_scan *);

/*
 * rec_find: one employee by id, with the same checks as a scan.  Returns
 * 1 when found (*bad as above), 0 when there is no such employee (not
 * reported: the caller says "no employee with id ID"), -1 on a database
 * error (reported).
 */
int		 rec_find(struct records *, const struct catalog *,
		    enum profile, const char *id, struct arena *,
		    struct history *, int *bad);

/*
 * The applications of every registration period, each with its
 * employee's row, for the selection (rules.md "Selection"), which must
 * be known before the scan: a packet says where its employee's
 * application stands among the others'.
 *   rec_apps_new   the applications joined with their employees, by
 *                  period, then employee id, then rowid
 *   rec_apps_next  the next one into *row (strings in arena); 1, or 0 at
 *                  the end or on a database error (reported)
 * A row with a bad value, or of no employee, is passed over (row->bad is
 * set when a value was bad): the scan of employees reports every such
 * row and the build stops, so nothing is reported here twice.
 */
struct app_row {
	struct application app;		/* the applications row */
	struct employee	 emp;		/* its employee's row */
	int		 bad;		/* a value could not be read */
};
struct rec_apps;
struct rec_apps	*rec_apps_new(struct records *, const struct catalog *);
int		 rec_apps_next(struct rec_apps *, struct arena *,
		    struct app_row *);
void		 rec_apps_free(struct rec_apps *);

/*
 * rec_plan_pairs: for each employee with a career plan, in id order,
 * fn(arg, the employee's class_code, the target_class_code of their
 * latest plan) when both are set; the latest plan is the one rules.c
 * takes (the highest version, the first of equal ones).  What the
 * packets' diagrams of the ways up are drawn for before the scan
 * (packets.c).  The values are not checked: the scan reports bad rows.
 * 0 on a database error (reported).
 */
int		 rec_plan_pairs(struct records *, void (*fn)(void *,
		    const char *from, const char *to), void *arg);

/*
 * rec_init: creates a new database at PATH with records/schema.sql (built
 * into the program).  PATH must not exist.  0 on failure (reported).
 */
int		 rec_init(const char *path, struct diag *);

/*
 * rec_demo: creates a new synthetic database at PATH: n employees, the
 * same bytes for the same seed, catalog and as-of date.  Its dates are
 * set around as_of, so the demo shows every rule and alert of rules.md
 * among its first 200 employees whatever day it is made.  One
 * transaction, prepared statements.  0 on failure (reported).
 */
int		 rec_demo(const char *path, const struct catalog *,
		    const struct config *, long n, unsigned long seed,
		    day_t as_of, struct diag *);

/*
 * rec_bind_text, rec_bind_date: bind a string (NULL: SQL NULL) or a
 * date as YYYY-MM-DD (DAY_NONE: NULL) to parameter i of a statement;
 * for the databases umpress writes (demo records, the private spool).
 */
struct sqlite3_stmt;
void		 rec_bind_text(struct sqlite3_stmt *, int i, const char *);
void		 rec_bind_date(struct sqlite3_stmt *, int i, day_t);

#endif /* UMPRESS_RECORDS_H */
