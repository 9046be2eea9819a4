/*
 * extern.h: the table of contents.  Every stage's entry points, in the
 * order data flows through a build:
 *
 *   project.c   site.yaml, YAML helpers          project_  ydoc_
 *   content.c   pages: front matter + Markdown   content_
 *   catalog.c   title and ladder appendices      catalog_
 *   records.c   the database (records.h)         rec_
 *   rules.c     the rules, pure (model.h)        rule_
 *   view.c      packet view -> JSON, text, tv    view_
 *   template.c  Mustache (tmpl.h)                tmpl_
 *   site.c      the public site                  site_
 *   output.c    the only writer under output/    out_
 *   build.c     the build and check commands     build_
 *
 * Shared types live in core.h (memory, diagnostics, dates, escaping,
 * values) and model.h (settings, catalog, records, packet).
 */
#ifndef UMPRESS_EXTERN_H
#define UMPRESS_EXTERN_H

#include <yaml.h>
#include <cmark-gfm.h>

#include "core.h"
#include "model.h"
#include "tmpl.h"
#include "records.h"

#define UMPRESS_VERSION "0.1.0"

/* ---- project.c: YAML and site.yaml -------------------------------------- */

/*
 * A YAML document with its origin, so every message can name the file
 * and line.  Lines of nodes are ydoc_line(y, node).
 */
struct ydoc {
	yaml_document_t	 doc;	/* libyaml's tree */
	const char	*path;	/* display path of the file */
	int		 line0;	/* line of the YAML's first line in path */
	int		 loaded;/* 1: doc holds a document to delete */
};

/*
 * ydoc_load: parses text as one YAML document.  A syntax error is
 * reported at its line and 0 returned.  An empty text gives an empty
 * mapping.  Free with ydoc_free() in either case.
 */
int		 ydoc_load(struct ydoc *, const char *text, size_t len,
		    const char *path, int line0, struct diag *);
void		 ydoc_free(struct ydoc *);
yaml_node_t	*ydoc_root(struct ydoc *);
yaml_node_t	*ydoc_node(struct ydoc *, int index);
int		 ydoc_line(const struct ydoc *, const yaml_node_t *);
/* ydoc_scalar: the node's text, or NULL when it is not a scalar. */
const char	*ydoc_scalar(const yaml_node_t *);

/* Which keys a mapping may hold; see ydoc_each(). */
typedef int (*ydoc_key_fn)(void *arg, struct ydoc *, const char *key,
    yaml_node_t *value, int line, struct diag *);

/*
 * ydoc_each: calls fn for every key of a mapping node, in order.  A key
 * that is not a scalar, or repeats an earlier key, is reported.  Returns
 * 0 when anything was reported (by it or by fn), else 1.
 */
int		 ydoc_each(struct ydoc *, yaml_node_t *map, const char *what,
		    ydoc_key_fn fn, void *arg, struct diag *);
/* Typed values; each reports "KEY: ..." at the node's line on failure. */
int		 ydoc_get_str(struct ydoc *, yaml_node_t *, const char *key,
		    char **out, struct diag *);
int		 ydoc_get_bool(struct ydoc *, yaml_node_t *, const char *key,
		    int *out, struct diag *);
int		 ydoc_get_long(struct ydoc *, yaml_node_t *, const char *key,
		    long long min, long long max, long long *out,
		    struct diag *);

/*
 * project_load: content/site.yaml of the project in the current folder.
 * Every problem reported; 0 when there was one.  config_free() either way.
 */
int		 project_load(struct config *, struct diag *);
void		 config_free(struct config *);
/*
 * project_fingerprint: a digest of everything but the records a build's
 * output depends on: the program, the as-of date, every file under
 * content/ and templates/.  Files made from the same fingerprint and the
 * same records are the same (output.c keeps them; packets.c).
 */
void		 project_fingerprint(struct digest *, day_t as_of);
/*
 * project_text_ok: a content file's bytes are UTF-8 (after an optional
 * byte-order mark, which *skip steps over) with no NUL; else the line of
 * the first bad byte is reported and 0 returned.
 */
int		 project_text_ok(const char *path, const struct buf *,
		    size_t *skip, struct diag *);
/* project_profile_name: "illinois" / "california". */
const char	*project_profile_name(enum profile);

/* ---- content.c: pages ---------------------------------------------------- */

enum appendix {
	APPX_NONE,
	APPX_TITLES,	/* appendix: titles */
	APPX_LADDERS	/* appendix: ladders */
};

struct heading {
	int	 level;		/* 2..6 after the page title's h1 */
	char	*text;		/* plain text */
	char	*anchor;	/* id, unique in the page */
	int	 line;		/* line in the source file */
};

/* One page of the public site made from content/. */
struct page {
	char		*src;		/* "content/guides/exams.md" */
	char		*slug;		/* "guides/exams"; "index" for home */
	char		*out;		/* "guides/exams.html" under site/ */
	char		*title;		/* front matter title */
	char		*description;	/* or NULL */
	long long	 weight;	/* menu order; 0 when not given */
	int		 draft;		/* draft: true (not published) */
	enum appendix	 appendix;
	int		 body_line;	/* line of the body's first line */
	cmark_parser	*parser;	/* parser (its extension list) until
					 * content_render() */
	cmark_node	*doc;		/* the body's tree until rendered */
	char		*md;		/* the body's Markdown until rendered
					 * (catalog.c reads rows' cells) */
	char		*html;		/* the rendered body */
	struct heading	*headings;	/* the body's headings, in order */
	size_t		 nheadings;
};

/*
 * content/reports/FY.md (content.md, 2026-12-04): the narrative of that
 * year's report bundle, not a page of the site.  Its page holds src,
 * title and, once rendered, html.
 */
struct narrative {
	int		 fy;		/* 2026 for reports/2026-27.md */
	struct page	 pg;
};

/* Every page, sorted by slug.  content_free() releases it. */
struct content {
	struct page	*pages;
	size_t		 npages;
	struct narrative *narratives;	/* by fiscal year */
	size_t		 nnarratives;
	char		**failed;	/* content files that exist but did
					 * not load (reported), under content/:
					 * links to them are not dead */
	size_t		 nfailed;
	int		 titles_unsure;	/* one of them may be a title appendix:
					 * its codes are not known */
};

/*
 * content_load: reads every *.md under content/ (sorted walk), front
 * matter and Markdown.  Reports every problem; 0 when there was one.
 * Must run on one thread (cmark-gfm's extensions registry).
 */
int		 content_load(struct content *, const struct config *,
		    struct diag *);
/* content_narrative: the narrative of fiscal year fy, or NULL. */
const struct narrative *content_narrative(const struct content *, int fy);
/* content_find: the page with this slug, or NULL. */
struct page	*content_find(const struct content *, const char *slug);
/* content_site_fn: whether the generator makes the file at site path
 * PATH ("titles/index.html"), for links to it. */
typedef int (*content_site_fn)(const void *arg, const char *path);
/*
 * content_render: checks every local href and src of every page and
 * narrative (pages, the files site(arg, path) says the generator makes,
 * folders, #anchors) and rewrites them relative to the page, .md files
 * as their pages; gives headings their anchors and renders the HTML;
 * frees the trees.  Reports each dead link at its line; 0 when there was
 * one.  site may be NULL (no other files).
 */
int		 content_render(struct content *, const struct config *,
		    content_site_fn site, const void *arg, struct diag *);
void		 content_free(struct content *);
/* content_slug_ok: a slug (a page's path under content/, as front matter
 * may give it): segments of letters, digits, '-', '_' and '.', none empty
 * or starting with '.'. */
int		 content_slug_ok(const char *);
/* content_node_text: the plain text under a node. */
void		 content_node_text(cmark_node *, struct buf *);


/* ---- catalog.c: appendices ------------------------------------------------ */

/*
 * catalog_load: the title and ladder appendices of the content (read from
 * the cmark-gfm trees, before content_render frees them).  Reports every
 * problem at its file and line; 0 when there was one.
 */
int		 catalog_load(struct catalog *, const struct content *,
		    struct diag *);
void		 catalog_free(struct catalog *);
/* catalog_cycles: warns (check) of ladders that loop, naming rows. */
void		 catalog_cycles(const struct catalog *, struct diag *);

/* ---- ladders.c: career ladder diagrams (Graphviz) ------------------------- */

struct ladders;

/*
 * ladders_new: a Graphviz context for laying out diagrams.  Graphviz is
 * not thread-safe: use one from one thread.  ladders_free(NULL) is fine.
 */
struct ladders	*ladders_new(void);
void		 ladders_free(struct ladders *);

/*
 * ladders_svg: appends an inline SVG of the steps of the given ladders
 * (one ladder, or all of them for the lattice) to out, laid out by
 * libgvc's dot.  Nodes are titles, labelled with the title and its
 * category, shaped by category; edges are labelled by Via; every node
 * links to its title page relative to the page at site path FROM.  ID
 * prefixes every id in the SVG, so several diagrams share a page.  The
 * SVG has role="img", a <title> (title) and a <desc> (desc).  The same
 * inputs give the same bytes.  0 on failure (reported).
 */
int		 ladders_svg(struct ladders *, const struct catalog *,
		    const struct ladder *const *lds, size_t nlds,
		    const char *from, const char *id, const char *title,
		    const char *desc, struct buf *out, struct diag *);
/*
 * ladders_path_svg: appends an inline SVG of one employee's way up (the
 * steps of paths_career(), n > 0; nothing when n is 0), top to bottom,
 * drawn as the ladders are, with its own <title> ("The way from A to B")
 * and <desc> (the whole way in a sentence).  from as for ladders_svg, or
 * NULL: no links (a printed packet).  id as for ladders_svg, or NULL: no
 * id at all in the SVG (aria-label names it), so the same bytes can sit
 * many times on one page.  Graphviz: one thread, as ladders_svg.  The
 * same steps give the same bytes.  0 on failure (reported).
 */
int		 ladders_path_svg(struct ladders *, const struct catalog *,
		    const struct ladder_step *const *steps, size_t n,
		    const char *from, const char *id, struct buf *out,
		    struct diag *);
/*
 * ladders_legend, ladders_path_legend: what the outlines and the words
 * under the names of a diagram mean, for the text beside it: a list of
 * {outline, word (null when none), meaning}, one per kind of node drawn,
 * in a fixed order.  Pure (no Graphviz): any thread; in arena.
 */
struct tv	*ladders_legend(struct arena *, const struct catalog *,
		    const struct ladder *const *lds, size_t nlds);
struct tv	*ladders_path_legend(struct arena *, const struct catalog *,
		    const struct ladder_step *const *steps, size_t n);

/* ---- view.c: the packet view ----------------------------------------------- */

/*
 * view_packet: the packet view of cli.md as a value tree in arena.  With
 * display, each date KEY also has KEY_text ("10 January 2028") and each
 * amount KEY_text ("$1,234.00"), and has_* flags for the template.
 */
struct tv	*view_packet(const struct packet *, const struct catalog *,
		    const struct config *, struct arena *, int display);
/* view_alert_text: one alert in plain words, with whom to ask. */
void		 view_alert_text(const struct alert *, const struct packet *,
		    const struct catalog *, const struct config *, struct buf *);
/* view_text: the packet as plain text wrapped at 72 columns. */
void		 view_text(const struct packet *, const struct catalog *,
		    const struct config *, struct buf *);

/* ---- output.c: the only writer under output/ ----------------------------- */

struct out;

enum out_mode {
	OUT_PUBLIC,	/* files 0644, folders 0755 */
	OUT_PRIVATE	/* personal data: files 0600, folders 0700 */
};

/*
 * A file of an output as its manifest records it.  A file is "kept" when
 * the previous output's file is this build's too: nothing is written,
 * and the old file is linked in at commit (its mtime stays, rsync moves
 * nothing); a build whose files are all kept leaves the output as it is.
 */
struct out_rec {
	struct digest	 hash;		/* of the bytes */
	struct digest	 input;		/* what it was made from; 0: unknown */
	uint64_t	 size;
	uint64_t	 part_off;	/* a part a later build reads back */
	uint64_t	 part_len;	/* (a packet's article) */
	unsigned	 mode;		/* permission bits */
	int		 kept;
};

/*
 * out_begin: starts a build of the output folder DIR: waits for any other
 * build of it, removes what a killed build left beside it, and makes a
 * fresh staging folder.  input: what the whole build is made from (the
 * project and the records), kept in the manifest; NULL when it cannot
 * be told.  NULL on failure (reported).
 * out_current: whether the previous output was made from that same
 * input and every file of it is in place: then a build would make the
 * same files, and the caller may drop the build (out_abort).
 */
struct out	*out_begin(const char *dir, const struct digest *input,
		    struct diag *);
int		 out_current(struct out *);
/*
 * out_write: writes one file of the new output (path relative to it,
 * folders made as needed); kept when the previous output has the same
 * bytes there.  0 on failure (reported, naming the file).
 */
int		 out_write(struct out *, const char *path, const void *,
		    size_t, enum out_mode);
/*
 * out_keep: 1 when the previous output's file at path was made from the
 * same input (a digest of everything it depends on) and is as that build
 * left it: it is kept and the caller need not make it.  Else 0, and the
 * caller writes it, giving out_open() or out_adopt() the input.
 */
int		 out_keep(struct out *, const char *path,
		    const struct digest *input, enum out_mode);
/*
 * The series: files of one kind that come in the order of a key and
 * whose number grows with the records (packets, by employee id).  Their
 * manifest lines stream: memory does not grow with their number.
 *   out_seq_old    the previous output's file of key at path (keys in
 *                  strictly increasing strcmp order; one thread); 1 found
 *   out_seq_keep   1 when old was made from input and is intact: *r kept
 *   out_seq_write  writes the file unless old has its bytes; *r says
 *                  which; part_off/len: a part to read back later
 *   out_seq_put    records *r, in key order (one thread)
 * out_seq_keep and out_seq_write are thread-safe.  NULL out: check.
 */
int		 out_seq_old(struct out *, const char *key, const char *path,
		    struct out_rec *old);
int		 out_seq_keep(struct out *, const char *path,
		    const struct out_rec *old, const struct digest *input,
		    struct out_rec *);
int		 out_seq_write(struct out *, const char *path, const void *,
		    size_t, enum out_mode, const struct digest *input,
		    uint64_t part_off, uint64_t part_len,
		    const struct out_rec *old, struct out_rec *);
void		 out_seq_put(struct out *, const char *key, const char *path,
		    const struct out_rec *);
/*
 * out_open, out_put, out_close: one file written in parts, for files too
 * big to hold (print batches, the index); recorded like out_write() when
 * closed, with input (may be NULL) for out_keep.  out_open(NULL, ...)
 * gives a file that writes nothing (check).  out_close() frees it and
 * returns 0 when anything failed (reported).
 */
struct out_file	*out_open(struct out *, const char *path, enum out_mode,
		    const struct digest *input);
void		 out_put(struct out_file *, const void *, size_t);
int		 out_close(struct out_file *);
/*
 * out_path: the staging path of a file, for writers that need a path
 * (libzip); the caller frees it.  Folders are made.  Once the file is
 * written there, out_adopt() records it like out_close() would.
 */
char		*out_path(struct out *, const char *path, enum out_mode);
int		 out_adopt(struct out *, const char *path, enum out_mode,
		    const struct digest *input);
/*
 * Reading back this build's other (not series) files:
 *   out_files  the paths under prefix, sorted (*paths: the array is the
 *              caller's to free, the strings the output's), and a digest
 *              of their paths and bytes
 *   out_read   a file's bytes (0 with errno on failure)
 * out_read_old: len bytes at off of the previous output's file at path
 * (a kept series file's part).
 */
size_t		 out_files(struct out *, const char *prefix,
		    const char ***paths, struct digest *);
int		 out_read(struct out *, const char *path, struct buf *);
int		 out_read_old(struct out *, const char *path, uint64_t off,
		    uint64_t len, struct buf *);
/*
 * out_commit: puts the new output in place of the old one: one rename of
 * the stage, the old removed; nothing at all when every file was kept.
 * out_abort: drops the new output; the old stays.  Both free the struct.
 */
int		 out_commit(struct out *);
void		 out_abort(struct out *);

/* ---- site.c: the public site ---------------------------------------------- */

/* Everything a build reads, loaded and checked once. */
struct project {
	struct config	 conf;		/* content/site.yaml */
	struct content	 content;
	struct catalog	 catalog;
	struct tmpl_set	*tmpl;		/* templates/ */
	day_t		 as_of;
	struct digest	 fp;		/* project_fingerprint() */
};

/*
 * site_build: every page of output/site/: content pages, the title
 * catalog and title pages, the ladders, the program results (from the
 * figures, when the project has records: fy and pr not NULL), sitemap.xml,
 * 404, the stylesheet.  0 on failure (reported).
 */
int		 site_build(struct project *, const struct fy_figures *,
		    const struct program_rows *, struct out *, struct diag *);
/* site_check_slugs: content pages whose slug a generated page takes. */
int		 site_check_slugs(const struct project *, struct diag *);
/* site_makes: whether site_build() makes the file at site path PATH
 * besides the content pages (results.html only with_records). */
int		 site_makes(const struct project *, int with_records,
		    const char *path);

/* ---- packets.c: the private outputs -------------------------------------- */

struct records;

/*
 * packets_build: reads every employee's records once and writes under
 * private/: a packet for each participant or eligible employee, the print
 * batches, the eligibility lists and the coordinator's index; sums the
 * annual figures of the as-of fiscal year into fy (fy->fy set and
 * grades_by_title allocated by the caller).  jobs: worker threads.  With
 * out NULL it renders and writes nothing (check).  0 when a record was
 * bad or anything failed (reported).
 */
int		 packets_build(struct project *, struct records *,
		    struct out *, int jobs, struct fy_figures *,
		    struct diag *);
/*
 * packet_print: one employee's packet on standard output as html, json or
 * text.  0 when there is no such employee ("no employee with id ID"), a
 * record is bad, or writing failed (reported).
 */
int		 packet_print(struct project *, struct records *,
		    const char *id, const char *format, struct diag *);

/* ---- report.c, chart.c: the annual figures and the bundles ----------------- */

/* One row of metrics.csv (rules.md, annual reporting). */
struct metric {
	char	 name[80];	/* "appointments_2026-27" */
	char	 label[128];	/* in words, for the report */
	int	 known;		/* 0: cannot be computed (left empty) */
	int64_t	 value;		/* um_share_percent: in tenths */
	char	 text[32];	/* the value as metrics.csv writes it */
};

struct metrics {
	int		 fy;
	struct metric	*v;	/* in the order of rules.md */
	size_t		 n;
};

/* metrics_make: the rows from the summed figures and program tables;
 * pr may be NULL (no records).  metrics_free() releases them. */
void		 metrics_make(struct metrics *, const struct project *,
		    const struct fy_figures *, const struct program_rows *);
void		 metrics_free(struct metrics *);
/* metrics_view: fiscal_year, metrics (name, label, value) and charts
 * (raw SVG; ids prefixed with pfx), for report.html and the site. */
struct tv	*metrics_view(const struct metrics *, struct arena *,
		    const char *pfx);
/*
 * report_bundle: the as-of fiscal year's plain bundle, from the figures
 * the build summed, into reports/FY/ of out (NULL: check).
 */
int		 report_bundle(struct project *, const struct fy_figures *,
		    const struct program_rows *, struct out *, struct diag *);
/*
 * report_command: umpress report FY: reads the records for fiscal year
 * fy, writes the bundle into outdir (NULL: output/reports/FY) and prints
 * its path; with a password file, AES-256 and the roster.
 */
int		 report_command(struct project *, struct records *, int fy,
		    const char *outdir, const char *password_file,
		    struct diag *);
/* site_bundle: bundles/site.zip of the site/ already written to out. */
int		 site_bundle(struct project *, struct out *, struct diag *);

/* One bar of a chart. */
struct chart_bar {
	char	 label[64];	/* left of the bar */
	char	 text[64];	/* the value in words, right of it */
	double	 value;
	int	 hatched;	/* a goal or a budget: hatched, not solid */
};

/* chart_bars: a horizontal bar chart as inline SVG (role img, title,
 * a desc naming every value). */
void		 chart_bars(struct buf *, const char *id, const char *title,
		    const struct chart_bar *, size_t);

/* ---- stem.c, search.c: the site search ----------------------------------- */

/*
 * word_next: the next word of s[*pos..len) (stem.c says what a word is):
 * its length, its offset in *start, *pos moved past it; 0 at the end.
 * word_key: appends the word's key to out: ASCII lowercased, and a word
 * of a-z Porter-stemmed.  templates/search.js does the same, both held
 * to tests/search/vectors.txt.
 */
size_t		 word_next(const char *s, size_t len, size_t *pos,
		    size_t *start);
void		 word_key(const char *w, size_t len, struct buf *out);

struct search;

/*
 * search_new: an empty index.  search_add: one rendered page of site/
 * (path under site/, its HTML): the title, headings and text of its
 * <main>, diagrams, menus and scripts left out.  search_write: the index
 * as a script (search-index.js) into b: the same pages, in any order,
 * give the same bytes.  search_free(NULL) is fine.
 */
struct search	*search_new(void);
void		 search_add(struct search *, const char *path,
		    const char *html, size_t len);
void		 search_write(struct search *, struct buf *);
void		 search_free(struct search *);

/* ---- progress.c: what a build is doing, on a terminal ------------------- */

/*
 * One progress display per process, as there is one terminal: a line on
 * stderr that updates in place (stage, count done of total, rate, time
 * left) when stderr is a terminal and not quiet; with verbose, a line per
 * stage with its time.  Nothing else: a build's output does not depend
 * on it.  progress_add is thread-safe (the packet workers call it);
 * the rest is called from the main thread.
 * progress_stream: a stream for diagnostics that clears the line before
 * each message, so messages and the line do not mix (stderr when the
 * line is off).
 */
void		 progress_init(int quiet, int verbose);
void		 progress_stage(const char *name, uint64_t total);
void		 progress_add(uint64_t n);
void		 progress_end(void);
FILE		*progress_stream(void);
/* rec_count (records.c): how many employees a scan reads; 0 when that
 * cannot be told. */
uint64_t	 rec_count(struct records *);

/* ---- serve.c, newpage.c: the preview server, new pages ---------------- */

/*
 * serve_run: umpress serve: listens on addr:port (port 0: one the
 * system picks; reported, 0, when the address cannot be had), builds,
 * serves output/site/ and builds again after every change of content/,
 * templates/ and records/umpress.db until SIGINT or SIGTERM.  Each build
 * is argv ("umpress", "build", its options) run as a process of this
 * program.  Prints a line after each build and "listening on URL" on
 * stdout.  1 on a clean stop.
 */
int		 serve_run(const char *addr, int port, int quiet,
		    char *const *argv, struct diag *);
/* serve_addr_ok: addr is an IPv4 or IPv6 address (--bind). */
int		 serve_addr_ok(const char *addr);
/*
 * page_new: umpress new page PATH: writes content/PATH.md with its
 * front matter, never over a file; prints its path.  0 on failure
 * (reported, naming the file).
 */
int		 page_new(const char *path, struct diag *);


/* ---- build.c: the commands ---------------------------------------------- */

enum command {
	CMD_BUILD,
	CMD_CHECK,
	CMD_PACKET,
	CMD_REPORT,
	CMD_RECORDS_INIT,
	CMD_RECORDS_DEMO,
	CMD_SERVE,
	CMD_NEW_PAGE
};

/* The command line, as main.c read it. */
struct opts {
	enum command	 cmd;
	int		 word;		/* words the command name took */
	int		 nargs;		/* positional arguments it takes */
	const char	*args[2];	/* ID, FY, FILE or PATH */
	day_t		 as_of;		/* --as-of, or the default */
	const char	*out;		/* --out, or NULL */
	int		 jobs;		/* --jobs, or 0: one per core */
	const char	*format;	/* --format: html, json or text */
	const char	*password_file;	/* --password-file, or NULL */
	long		 employees;	/* --employees */
	unsigned long	 seed;		/* --seed */
	int		 port;		/* serve --port (1313; 0: any free) */
	const char	*bind;		/* serve --bind, or NULL: 127.0.0.1 */
	int		 strict;	/* --strict: warnings are errors */
	int		 quiet;		/* --quiet: errors only, no progress line */
	int		 verbose;	/* --verbose: what each step did, and its
					 * time */
};

/* cmd_run: runs the command; returns the exit status (cli.md). */
int		 cmd_run(const struct opts *);

#endif /* UMPRESS_EXTERN_H */
