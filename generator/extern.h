/*
 * extern.h: the table of contents.  Every stage's entry points, in the
 * order data flows through a build:
 *
 *   project.c   site.yaml, YAML helpers          project_  ydoc_
 *   content.c   pages: front matter + Markdown   content_
 *   catalog.c   title and ladder appendices      catalog_
 *   ladders.c   ladder diagrams (Graphviz)       ladders_
 *   records.c   the database (records.h)         rec_
 *   rules.c     the rules, pure (model.h)        rule_
 *   view.c      packet view -> JSON, text, tv    view_
 *   template.c  Mustache (tmpl.h)                tmpl_
 *   output.c    the only writer under output/    out_
 *   site.c      the public site                  site_
 *   engine.c    employees into documents         eng_
 *   private.c   private/: writers, index         private_
 *   packets.c   packets/ID.html, packet command  packet_  packets_
 *   batches.c   print batches by unit            batches_  page_css
 *   lists.c     eligibility lists (G3)           lists_
 *   report.c    figures, report and site zips    metrics_  report_
 *   chart.c     SVG bar charts                   chart_
 *   build.c     the commands                     cmd_
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
 * What a build's outputs are made from besides the records (struct
 * project's fp, fp_all, files):
 *   project_fingerprint          before loading (so a file edited during
 *                                the load differs from its digest, and
 *                                the next build makes its outputs anew):
 *                                the digest of every file under content/
 *                                and templates/, and fp_all: the program,
 *                                the as-of date and all those files
 *   project_fingerprint_private  once loaded: fp, what private/ is made
 *                                from: the program, the as-of date,
 *                                site.yaml, the appendix pages (the
 *                                catalog) and the templates but those
 *                                only the site and report reach
 *                                (page.html, report.html, style.css,
 *                                search.js and their partials).  A
 *                                writer of private/ that reads another
 *                                file must be added there.
 *   project_fingerprint_free     releases files
 */
struct project;
void		 project_fingerprint(struct project *);
void		 project_fingerprint_private(struct project *);
void		 project_fingerprint_free(struct project *);
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
 * ladders_new: a handle on the process's one Graphviz context (made by
 * the first call, kept until the process ends: ladders.c says why), so
 * handles may come and go any number of times.  Graphviz is not
 * thread-safe: use them from one thread.  ladders_free(NULL) is fine.
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

/* view_site: site.yaml's title, department and contact, as every page,
 * packet and letter shows them ("site" in the templates); contact.reach:
 * a phone, email or office is given. */
struct tv	*view_site(const struct config *, struct arena *);

/*
 * view_packet: the packet view of cli.md as a value tree in arena, its
 * first_steps and career_path read off the build's paths table (not
 * NULL).  With display, each date KEY also has KEY_text ("10 January
 * 2028") and each amount KEY_text ("$1,234.00"), has_* flags for the
 * template, and the employee's way up in words: "way", {text, on, note}
 * (on and note: the step they are on and what it is to them, or null).
 */
struct tv	*view_packet(const struct packet *, const struct catalog *,
		    const struct paths *, const struct config *,
		    struct arena *, int display);
/*
 * view_way: the view of templates/partials/packet-way.html, the steps of
 * one way up as a packet lists them: career_path from class code from to
 * class code to (NULL: none) as view_packet has it, its steps with their
 * text; or, with no way there, first_steps with their text and
 * has_first_steps.  The same for every employee of that class and target,
 * so a build renders it once (packets.c, which adds the diagram and its
 * legend).  In arena.
 */
struct tv	*view_way(struct arena *, const struct catalog *,
		    const struct paths *, enum profile, const char *from,
		    const char *to);
/* view_alert_text: one alert in plain words, with whom to ask. */
void		 view_alert_text(const struct alert *, const struct packet *,
		    const struct catalog *, const struct config *, struct buf *);
/*
 * view_elig_reason: "You were not eligible for the program: ..." with what
 * would change it, for a reason of rules.md E1 or E2 (the letters).
 */
void		 view_elig_reason(const struct packet *, const struct catalog *,
		    const struct config *, enum elig_reason, struct buf *);
/* view_text: the packet as plain text wrapped at 72 columns (the paths
 * table as for view_packet). */
void		 view_text(const struct packet *, const struct catalog *,
		    const struct paths *, const struct config *,
		    struct buf *);

/* ---- ics.c: the packet's calendar file ------------------------------------- */

/*
 * ics_packet: appends to out the iCalendar file of cli.md for the packet
 * (RFC 5545, by libical): an all-day event for each alert dated on or
 * after the as-of date.  Returns the number of events; with none,
 * nothing is appended (no file is made); -1 when libical failed
 * (reported).  Thread-safe.
 * ics_fold: appends the iCalendar lines of s (each ending CRLF, folded
 * or not) to out folded as RFC 5545 3.1 asks: at most 75 octets a line
 * besides its CRLF, never inside a UTF-8 character.
 */
int		 ics_packet(const struct packet *, const struct catalog *,
		    const struct config *, struct buf *out, struct diag *);
void		 ics_fold(struct buf *out, const char *s, size_t len);

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
	unsigned	 mode;		/* permission bits */
	int		 kept;
};

/*
 * A span of a series file's bytes that its writer notes in the manifest,
 * so that a later build keeping the file can read that part back
 * (out_read_old) instead of making it again: for a packet, where its
 * article is.  {0, 0}: none.
 */
struct out_span {
	uint64_t	 off;
	uint64_t	 len;
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
 * The series: files that come in the order of a key and whose number
 * grows with the records (an employee's packet, by employee id; a key
 * may have several files).  Their manifest lines stream: memory does not
 * grow with their number.
 *   out_seq_old    the previous output's file at path of key, and its
 *                  span; (key, path) strictly increasing, keys by strcmp
 *                  and then the paths of a key (one thread); 1 found
 *   out_seq_keep   1 when old was made from input and is intact: *r kept
 *   out_seq_write  writes the file unless old has its bytes; *r says
 *                  which
 *   out_seq_put    records *r and its span, in (key, path) order (one
 *                  thread)
 * out_seq_keep and out_seq_write are thread-safe.  NULL out: check.
 */
int		 out_seq_old(struct out *, const char *key, const char *path,
		    struct out_rec *old, struct out_span *span);
int		 out_seq_keep(struct out *, const char *path,
		    const struct out_rec *old, const struct digest *input,
		    struct out_rec *);
int		 out_seq_write(struct out *, const char *path, const void *,
		    size_t, enum out_mode, const struct digest *input,
		    const struct out_rec *old, struct out_rec *);
void		 out_seq_put(struct out *, const char *key, const char *path,
		    const struct out_rec *, const struct out_span *);
/*
 * out_keep_tree: keeps every file of the previous output under prefix
 * ("private/"), series and others, when its manifest is whole, every one
 * of them is intact and every series file is under prefix: the build
 * then makes none of them.  1 when kept; else 0 and nothing is.  Before
 * any series file of the build (out_seq_*).
 * out_note: a line "KEY VALUE" of the new manifest (KEY without blanks,
 * VALUE one line): what a later build needs of this one besides its
 * files (the figures the kept private/ was summed into).  out_note_old:
 * the previous manifest's value of KEY, NULL when none.
 */
int		 out_keep_tree(struct out *, const char *prefix);
void		 out_note(struct out *, const char *key, const char *value);
const char	*out_note_old(const struct out *, const char *key);
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
 * The previous output's files as they are, whatever its manifest says
 * (a file another command put there: an encrypted report bundle):
 *   out_name      a path as messages name it (the output folder given)
 *   out_old       where to read the previous output's file at path
 *   out_keep_old  keeps that file in the new output as it is; 0 when
 *                 there is none
 * out_name and out_old: the caller frees the string.
 */
char		*out_name(const struct out *, const char *path);
char		*out_old(const struct out *, const char *path);
int		 out_keep_old(struct out *, const char *path);
/*
 * out_commit: puts the new output in place of the old one: one exchange
 * of the stage and the output, the old removed; nothing at all when
 * every file was kept.  A folder all of whose files are kept is not
 * linked file by file (output.c).
 * out_abort: drops the new output; the old stays.  Both free the struct.
 */
int		 out_commit(struct out *);
void		 out_abort(struct out *);

/*
 * out_single: writes one file outside a build (umpress report) into the
 * folder DIR, at PATH in it: makes the folders (0755, or 0700 private),
 * waits for a build of DIR (its lock), has fn make the file at tmp (a
 * temporary path beside it; shown names the file in messages), gives it
 * its mode (0644, or 0600 private) whatever the umask, and renames it
 * into place: a failed run leaves the old file as it was.  A DIR that is
 * a symbolic link is followed, as by builds.  0 on failure (reported).
 */
typedef int	(*out_single_fn)(const char *tmp, const char *shown,
		    void *arg);
int		 out_single(const char *dir, const char *path,
		    enum out_mode, out_single_fn, void *arg, struct diag *);
/*
 * out_hook: a point of a build the tests can stop at (tests/crash): when
 * the environment's UMPRESS_TEST_HOOK names stage, the program kills
 * itself there (SIGKILL), or, with UMPRESS_TEST_FIFO naming a FIFO,
 * waits until the test has opened it and closed it again.  The stages,
 * in a build's order: "lock-wait" (about to wait for another build),
 * "stage" (the staging folder made), "scan" (the first employees'
 * files written), "private" (private/ written), "commit" (the stage
 * complete, before the swap), "exchanged" (swapped, the output's whole
 * folders still links into the old one), "swapped" (the new output
 * whole, before the old one is removed).
 */
void		 out_hook(const char *stage);

/* ---- site.c: the public site ---------------------------------------------- */

/* What a file of content/ or templates/ is to the private outputs'
 * fingerprint (project.c). */
enum fp_use {
	FP_ANY,		/* not known to be a template of either */
	FP_PUBLIC,	/* reached only by the site's and report's */
	FP_PRIVATE	/* a template private/ is made from */
};

/* A file of content/ or templates/ as read before loading. */
struct fp_file {
	char		*path;		/* "templates/packet.html" */
	struct digest	 d;		/* of its size and bytes */
	enum fp_use	 use;
};

/* The templates of private/, loaded with the project (private_load). */
struct priv_tmpl {
	const struct tmpl *packet;	/* packet.html */
	const struct tmpl *article;	/* partials/packet-article.html */
	const struct tmpl *print_start;	/* partials/print-start.html */
	const struct tmpl *print_end;	/* partials/print-end.html */
	const struct tmpl *private;	/* private.html: lists, the index,
					 * a period's selection */
	const struct tmpl *index_row;	/* partials/private-row.html */
	const struct tmpl *index_end;	/* partials/private-end.html */
	const struct tmpl *sel_group;	/* partials/selection-group.html */
	const struct tmpl *sel_row;	/* partials/selection-row.html */
	const struct tmpl *letters[3];	/* partials/letter-registration,
					 * -welcome, -selection.html */
	char		*css;		/* templates/packet.css */
};

/* Everything a build reads, loaded and checked once. */
struct project {
	struct config	 conf;		/* content/site.yaml */
	struct content	 content;
	struct catalog	 catalog;
	struct tmpl_set	*tmpl;		/* templates/ */
	struct priv_tmpl priv;		/* ... those of private/ */
	day_t		 as_of;
	struct digest	 program;	/* the program's bytes */
	struct digest	 fp;		/* what private/ is made from besides
					 * the records (project.c) */
	struct digest	 fp_all;	/* ... what all of the output is */
	struct fp_file	*files;		/* content/, templates/: by path */
	size_t		 nfiles;
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

/* ---- slug.c: the file names of units and counties ------------------------ */

/*
 * slug_file: appends the file name of a unit or county (cli.md): the
 * name lowercased, each run of other characters than a-z and 0-9 one
 * '-', none at either end; one longer than 80 characters cut to 71 and
 * followed by '-' and the first 8 hex digits of the SHA-256 of the whole
 * name.  Nothing when no letter or digit is left (the caller names it).
 */
void		 slug_file(struct buf *, const char *name);
/*
 * A set of file names given out in turn: slug_unique gives slug, or,
 * when it is one of the reserved names or was given before, slug-2,
 * slug-3, ... (cli.md: in the order of the units' names, the caller's
 * order).  The names are the set's: slug_set_free frees them.
 */
struct slug_set	*slug_set_new(const char *const *reserved);
const char	*slug_unique(struct slug_set *, const char *slug);
void		 slug_set_free(struct slug_set *);

/* ---- engine.c: employees into documents ----------------------------------- */

struct records;
struct sqlite3;
struct eng;
struct eng_slot;

#define ENG_SERIES	2	/* files per employee one writer may make */
#define ENG_BUFS	3	/* scratch buffers a worker lends the writers */

/* A series path: HEAD, the employee's id, TAIL ("private/packets/",
 * ".html").  { NULL, NULL } ends a writer's list. */
struct eng_series {
	const char	*head;
	const char	*tail;
};

/* One file of an employee's series, found in the previous output by the
 * scan, made or kept by its writer, recorded by the engine. */
struct eng_file {
	const char	*path;		/* of the file (the batch's arena) */
	struct out_rec	 old;		/* the previous output's file there */
	struct out_span	 old_span;	/* ... and its span */
	int		 has_old;
	struct out_rec	 rec;		/* this build's (eng_keep, eng_write) */
	struct out_span	 span;
	int		 made;		/* 1: recorded in the manifest */
};

/* One employee, as the writers see it in their employee() hook. */
struct eng_emp {
	struct eng	*e;
	const struct history *h;	/* the employee's rows */
	const struct packet *pkt;	/* what the rules say (rule_packet) */
	struct arena	*view;		/* the worker's, reset after the
					 * employee: views */
	struct arena	*keep;		/* lives until the employee is
					 * retired: notes for retire() */
	struct buf	*buf;		/* ENG_BUFS scratch buffers */
	struct eng_slot	*slot;		/* the engine's notes */
};

/*
 * A writer: what one kind of output does with each employee and, after
 * the scan, with what was noted of them all.  Any hook may be NULL.
 * Each returns 0 on failure (reported).
 *   schema    SQL making the writer's tables in the private database
 *   series    the files it may make per employee (up to ENG_SERIES);
 *             the engine finds each in the previous output
 *   kinds     the kinds of article it makes (eng_article), up to 3:
 *             names of [a-z_] (the engine keeps a table of each)
 *   start     once the database is open: prepares its statements
 *   employee  in a worker thread, for every employee: makes its files
 *             (eng_keep, eng_write: files[] are its series, in order),
 *             articles (eng_article), and *note, a note for retire() in
 *             e->keep
 *   retire    in the scan's thread, employees in id order: puts the
 *             note in its tables (one connection, no lock)
 *   finish    after the scan, writers in order: batches, lists, index
 *   stop      finalizes its statements and frees self
 */
struct eng_writer {
	const char	*schema;
	struct eng_series series[ENG_SERIES + 1];
	const char	*kinds[4];
	int		(*start)(void *self, struct eng *);
	int		(*employee)(void *self, struct eng_emp *,
			    struct eng_file *files, void **note);
	int		(*retire)(void *self, struct eng *,
			    const struct history *, void *note);
	int		(*finish)(void *self, struct eng *);
	void		(*stop)(void *self);
	void		*self;		/* the writer's state */
};

/*
 * eng_new: a run of the writers (at most 8) over every employee into out
 * (NULL: check, render and write nothing).  eng_run: reads the records
 * once, jobs worker threads, summing the annual figures of fy->fy into
 * fy; then finish() of each writer.  0 when a record was bad or anything
 * failed (reported).  eng_free: stop() of each writer, then the rest.
 */
struct eng	*eng_new(struct project *, struct out *,
		    const struct eng_writer *, size_t, struct diag *);
int		 eng_run(struct eng *, struct records *, int jobs,
		    struct fy_figures *);
void		 eng_free(struct eng *);
/*
 * eng_input: what the documents of one employee are made from: the
 * project (program, templates, content, as-of date) and the employee's
 * rows.  The same input makes the same files, so a file whose input the
 * previous output's manifest holds is kept without making it.
 */
/*
 * eng_attach: fn(arg, h) is called for every employee as the scan reads
 * it, in id order, in the scan's thread, before the writers: to give the
 * history what depends on other employees (h->app, the selection).
 */
void		 eng_attach(struct eng *, void (*fn)(void *, struct history *),
		    void *arg);
void		 eng_input(const struct project *, const struct history *,
		    struct digest *);
/*
 * In employee():
 *   eng_keep     1 when f's previous file was made from in and is
 *                intact: it is kept, with its span
 *   eng_write    writes f (unless the previous file has its bytes)
 *   eng_article  an article of kind (a static string) for the batches:
 *                the bytes of b, spooled
 *   eng_article_kept  the article is the span of f's previous file
 * Each returns 0 on failure (reported).
 */
int		 eng_keep(struct eng_emp *, struct eng_file *,
		    const struct digest *in);
int		 eng_write(struct eng_emp *, struct eng_file *,
		    const struct buf *, enum out_mode,
		    const struct digest *in, const struct out_span *);
int		 eng_article(struct eng_emp *, const char *kind,
		    const struct buf *, const struct digest *in);
int		 eng_article_kept(struct eng_emp *, const char *kind,
		    const struct eng_file *, const struct digest *in);

/* A unit of the articles of one kind: its batch and its index entry. */
struct eng_unit {
	char		*key;		/* its batches' file name, KEY.html:
					 * slug_file() made unique over the
					 * units of every kind, in the order
					 * of their names; "no-unit" */
	char		*name;		/* NULL: employees with no unit */
	long long	 count;		/* articles */
	long long	 nocomp;	/* ... of employees without computer
					 * access */
	struct digest	 set;		/* umpress_set() of its articles */
};

/* The units of a kind, by name (no unit first), and the sets of all its
 * articles and of the articles of employees without computer access. */
struct eng_units {
	struct eng_unit	*v;
	size_t		 n;
	struct digest	 all, nocomp;
};

/*
 * After the scan (finish()):
 *   eng_db       the private database: the writers' tables, and a
 *                table of the articles of each kind (unit, name, id,
 *                class, no_computer, nalerts, off, len, src, input),
 *                indexed in (unit, name, id) order (no unit first)
 *   eng_prepare  prepares sql, in which %s stands for the table of kind;
 *                NULL on failure (reported)
 *   eng_db_fail  reports the database's error about what; returns 0
 *   eng_units    the units of kind, found once for every kind; NULL on
 *                failure (reported); the engine's
 *   eng_copy     puts the bytes of the article (id, src, off, len: its
 *                columns) into f, through tmp
 */
struct sqlite3	*eng_db(struct eng *);
struct sqlite3_stmt *eng_prepare(struct eng *, const char *kind,
		    const char *sql);
int		 eng_db_fail(struct eng *, const char *what);
const struct eng_units *eng_units(struct eng *, const char *kind);
void		 eng_units_free(struct eng_units *);
int		 eng_copy(struct eng *, struct out_file *, const char *id,
		    int src, long long off, size_t len, struct buf *tmp);

/* ---- private.c: what private/ holds ----------------------------------------- */

/* What the writers of private/ share (private_build makes it). */
struct priv {
	struct project	*p;
	struct out	*out;		/* NULL: check (render, write nothing) */
	struct diag	*d;
	struct records	*r;		/* the records, read before the scan
					 * by a writer's start (packets.c) */
	struct arena	 a;		/* the index's entries */
	struct tv	*lists;		/* the lists written (lists.c) */
	struct tv	*periods;	/* the periods' pages (selection.c) */
	struct digest	 sel;		/* what the periods' pages say */
};

/*
 * private_load: the templates of private/ into p->priv (with the
 * project: every problem reported at load, 0 when there was one).
 * private_unload frees them.
 */
int		 private_load(struct project *, struct diag *);
void		 private_unload(struct project *);
/*
 * private_build: reads every employee's records once and writes under
 * private/: a packet for each participant or eligible employee, the print
 * batches, the eligibility lists and the coordinator's index; sums the
 * annual figures of the as-of fiscal year into fy (fy->fy set and
 * grades_by_title allocated by the caller).  jobs: worker threads.  With
 * out NULL it renders and writes nothing (check).  0 when a record was
 * bad or anything failed (reported).
 */
int		 private_build(struct project *, struct records *,
		    const struct program_rows *, struct out *, int jobs,
		    struct fy_figures *, struct diag *);
/* private_view: the view of a private page's shell (print-start,
 * private.html): title, style, page_css, as_of, site.title; list and
 * index null, for the caller to set. */
/* private_count: KEY, the number n, and KEY_one, true when n is 1, for
 * the templates' plurals ("1 letter", "2 letters"). */
void		 private_count(struct arena *, struct tv *, const char *key,
		    long long n);
struct tv	*private_view(const struct project *, struct arena *,
		    const char *title, const char *page_css);

/* ---- packets.c: one packet per employee --------------------------------- */

/* packet_due: whether the employee gets a packet: a participant (any
 * enrollment) or an eligible employee. */
int		 packet_due(const struct packet *);
/* packets_writer: the writer of packets/ID.html and print/. */
void		 packets_writer(struct eng_writer *, struct priv *);
/*
 * packet_print: one employee's packet on standard output as html, json or
 * text.  0 when there is no such employee ("no employee with id ID"), a
 * record is bad, or writing failed (reported).
 */
int		 packet_print(struct project *, struct records *,
		    const char *id, const char *format, struct diag *);

/* ---- batches.c: articles batched by unit -------------------------------- */

/*
 * batches_write: the articles of kind in one document per unit that has
 * any, DIR/UNIT.html, and those of employees without computer access in
 * DIR/no-computer-access.html (when there is one, or always with
 * nocomp_always), each employee's on their own pages ("WHAT of UNIT" the
 * title).  0 on failure (reported).
 * batches_nocomp: how many articles of u are of employees without
 * computer access.
 */
int		 batches_write(struct priv *, struct eng *, const char *kind,
		    const char *dir, const char *what, int nocomp_always);
long long	 batches_nocomp(const struct eng_units *);
/*
 * page_css: the @page rules that print the employee's name and the page
 * number on every page; named, the rules of a page named after the
 * employee, for a batch.
 */
void		 page_css(struct buf *, const char *id, const char *name,
		    int named);

/* ---- lists.c: the eligibility lists (G3) --------------------------------- */

/* lists_writer: the writer of lists/CODE/COUNTY.html and .csv; the lists
 * written go to pv->lists for the index. */
void		 lists_writer(struct eng_writer *, struct priv *);

/* ---- selection.c: the registration periods' selection --------------------- */

struct selection;

/*
 * selection_run: selects every registration period whose month has begun
 * (rules.md "Selection"), in order, from the applications and their
 * employees' rows; with pv, writes private/selection/PERIOD.html and .csv
 * and adds each period to pv->periods (pv->sel: their digest).  Keeps the
 * latest period's results for the packets.  NULL on failure (reported).
 *   selection_find     an employee's result in the latest period, or NULL
 *   selection_attach   for eng_attach: sets h->app
 *   selection_figures  adds the counts of the periods whose last day
 *                      falls in f->fy (rules.md annual reporting)
 * selection_free(NULL) is fine.
 */
struct selection *selection_run(const struct project *, struct records *,
		    const struct program_rows *, struct priv *, struct diag *);
const struct app_status *selection_find(const struct selection *,
		    const char *id);
void		 selection_attach(void *, struct history *);
void		 selection_figures(const struct selection *,
		    struct fy_figures *);
void		 selection_free(struct selection *);
/* elig_reason_words: a reason of E1/E2 in a few words, for lists. */
const char	*elig_reason_words(enum elig_reason);

/* ---- letters.c: letters to hand out ---------------------------------------- */

/* letters_writer: the writer of letters/KIND/UNIT.html (cli.md). */
void		 letters_writer(struct eng_writer *, struct priv *);
/* letters_kind_applies: whether the profile has letter kind k (0
 * registration, 1 welcome, 2 selection); letters_kind_name: its name. */
int		 letters_kind_applies(size_t k, enum profile);
const char	*letters_kind_name(size_t k);

/* ---- report.c, chart.c: the annual figures and the bundles ----------------- */

/* What a figure counts: how metrics.csv and a reader see it. */
enum metric_kind {
	MK_COUNT,		/* people, courses: "1,234" */
	MK_CENTS,		/* money: cents in the CSV, "$1,234.56" for
				 * people (rules.md, 2026-12-04) */
	MK_PERCENT		/* tenths of a percent: "9.7" in both */
};

/* The report's sections, in their order; each figure is in one. */
enum metric_group {
	MG_GOAL,		/* the goal and its basis (GC 19402) */
	MG_APPOINTMENTS,	/* three years, and FY's by category */
	MG_EMPLOYEES,		/* eligible, participating, withdrawal */
	MG_SELECTION,		/* the registration periods' selection */
	MG_MONEY,		/* spent, the budget, assigned, the shares */
	MG_COURSES,		/* IL: courses, exams, grades */
	MG__COUNT
};

/* One row of metrics.csv (rules.md, annual reporting). */
struct metric {
	char	 name[80];	/* "appointments_2026-27" */
	char	 label[128];	/* in words, for the report */
	enum metric_kind kind;
	enum metric_group group; /* its section of the report */
	int	 known;		/* 0: cannot be computed (left empty) */
	int64_t	 value;		/* MK_PERCENT: in tenths */
	char	 text[32];	/* the value as metrics.csv writes it */
	char	 shown[80];	/* the value as a reader sees it */
};

struct metrics {
	int		 fy;
	struct metric	*v;	/* in the order of rules.md */
	size_t		 n;
	int		 overflow;	/* the money spent adds up past int64_t:
					 * left empty (money_overflow) */
	day_t		 counted_on;	/* the eligible are counted on it: FY's
					 * last day, or the as-of date in FY */
	long		 by_category[3][3]; /* appointments through the
					 * program: [y] as in fy_figures'
					 * appointments; [0] ELTPA, [1] bridging,
					 * [2] other titles */
	int		 categories;	/* the catalog names ELTPA or bridging
					 * titles: the split means something */
	const char	*timetable;	/* the goals row's, or NULL; in the
					 * program rows' memory */
	int		 illinois;	/* the profile: the selection's words */
	long		 apps_other;	/* applications neither selected nor
					 * waiting: said beside the figures */
};

/* money_overflow: reports that the money of fiscal year fy adds up past
 * what umpress can count (a wrong amount in the records). */
void		 money_overflow(struct diag *, int fy);

/* metrics_make: the rows from the summed figures and program tables;
 * pr may be NULL (no records).  metrics_free() releases them. */
void		 metrics_make(struct metrics *, const struct project *,
		    const struct fy_figures *, const struct program_rows *);
void		 metrics_free(struct metrics *);
/*
 * metrics_view: for report.html and the site's results page:
 * fiscal_year, timetable; groups, the report's sections in order (id,
 * heading, intro, goal when it is the goal's, chart as raw SVG with ids
 * prefixed with pfx, by_category.years for the appointments', and its
 * metrics: name, label, value as a reader sees it); and every row again
 * as metrics, with every chart as charts.
 */
struct tv	*metrics_view(const struct metrics *, struct arena *,
		    const char *pfx);
/* report_goal: the goals row of fiscal year fy, or NULL. */
const struct goal *report_goal(const struct program_rows *, int fy);
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

/* How a bar, or a part of one, is filled: told apart in black and white. */
enum chart_fill {
	FILL_SOLID,		/* dark grey */
	FILL_HATCH,		/* diagonal lines: a goal, a budget */
	FILL_OPEN,		/* white, outlined */
	FILL_DASHED		/* white, a dashed outline: a goal */
};

/* The parts a bar may have (appointments by category). */
#define CHART_PARTS	3

/* One bar of a chart: one part, or up to CHART_PARTS end to end. */
struct chart_bar {
	char	 label[64];	/* left of the bar */
	char	 text[128];	/* the value in words, right of it */
	char	 desc[160];	/* the value in words for the chart's
				 * description when it says more; "": text */
	double	 value[CHART_PARTS]; /* each part's length; [0] alone for
				 * a plain bar */
	enum chart_fill fill[CHART_PARTS];
};

/* One entry of a chart's key: what a fill means. */
struct chart_key {
	enum chart_fill	 fill;
	const char	*name;
};

/* chart_bars: a horizontal bar chart as inline SVG (role img, title, a
 * desc naming every value), with a key under it when nkeys > 0. */
void		 chart_bars(struct buf *, const char *id, const char *title,
		    const struct chart_bar *, size_t,
		    const struct chart_key *keys, size_t nkeys);

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
