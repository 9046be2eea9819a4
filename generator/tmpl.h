/*
 * tmpl.h: the Mustache engine (template.c).  Templates are compiled once
 * into an op tree and run per page, lowdown-style.  The required modules
 * of the Mustache spec are supported: comments, set delimiters,
 * interpolation, sections, inverted sections, partials (with standalone
 * indentation).  {{name}} escapes with esc_html(); {{{name}}} and
 * {{&name}} do not.
 *
 * umpress is stricter than the spec in two places (content.md): a partial
 * that does not exist and a section left open are errors reported as
 * "templates/FILE:LINE: message".  A name the view lacks renders empty as
 * the spec says, and is reported once per template line as a warning
 * when the set was made with warn_missing.
 */
#ifndef UMPRESS_TMPL_H
#define UMPRESS_TMPL_H

#include "core.h"

struct tmpl;
struct tmpl_set;

/*
 * Where template text comes from.  load() puts the text of a template
 * (partial == 0: a file name such as "page.html") or of a partial
 * (partial == 1: the NAME of {{> NAME}}) into text, sets *path to a
 * malloc'd name for messages (the set frees it), and returns 1; it
 * returns 0 when there is no such template.
 */
struct tmpl_loader {
	int	(*load)(void *arg, const char *name, int partial,
		    struct buf *text, char **path);
	void	*arg;
};

/*
 * tmpl_set_new: an empty set of compiled templates.  strict: a missing
 * partial is an error (umpress), not empty output (the spec).
 * warn_missing: report names the view lacks.  Messages go to d, which
 * must outlive the set.  Free with tmpl_set_free().
 */
struct tmpl_set	*tmpl_set_new(const struct tmpl_loader *, int strict,
		    int warn_missing, struct diag *d);

/*
 * tmpl_set_dir: a strict set reading DIR/NAME for templates and
 * DIR/partials/NAME.html for partials; messages name the files as
 * DISPLAY/NAME (DISPLAY is "templates" for a project's folder).
 */
struct tmpl_set	*tmpl_set_dir(const char *dir, const char *display,
		    int warn_missing, struct diag *d);

/*
 * tmpl_get: the template NAME, compiled with every partial it reaches on
 * first use and kept in the set.  NULL when it or a partial is missing
 * or malformed (every problem reported).
 */
const struct tmpl *tmpl_get(struct tmpl_set *, const char *name);

/*
 * tmpl_compile: compiles text given directly (tests, built-in
 * templates), under NAME for messages.  Its partials come from the
 * loader.  NULL on error.  The set owns the result.
 */
const struct tmpl *tmpl_compile(struct tmpl_set *, const char *name,
		    const char *text, size_t len);

/*
 * tmpl_render: appends the template run against ctx to out.  Returns 0
 * (after reporting) if partials recurse deeper than 64 levels, else 1.
 * Safe to call from several threads on one set at once.
 */
int		 tmpl_render(const struct tmpl *, const struct tv *ctx,
		    struct buf *out);

void		 tmpl_set_free(struct tmpl_set *);

#endif /* UMPRESS_TMPL_H */
