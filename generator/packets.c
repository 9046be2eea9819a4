/*
 * packets.c: one packet per employee (cli.md, output layout):
 * private/packets/ID.html for each participant or eligible employee, and
 * its article for the print batches (print/, batches.c); and for a
 * participant with a computer, private/packets/ID.ics, the dated next
 * steps as calendar events (ics.c).  A writer of the
 * engine (engine.c): a packet made from the same input as the previous
 * output's is kept without rendering it, its article read back from it.
 * Also `umpress packet ID`, which renders one packet the same way.
 *
 * Everything here is personal data: every file is written OUT_PRIVATE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"
#include "records.h"

/* The kind of the packets' articles (eng_article). */
#define KIND	"packet"

int
packet_due(const struct packet *pkt)
{
	/* Every employee with an enrollment or an eligibility. */
	return pkt->enrollment != NULL || pkt->eligible;
}

/*
 * The steps of one way up as a packet lists them (partials/packet-way.html
 * rendered with view_way()): the way from a class to a plan's target, with
 * its diagram, or the first steps from a class.
 */
struct way {
	size_t		 from;		/* the class, a title index */
	size_t		 to;		/* the target's, or SIZE_MAX: none */
	char		*html;		/* NUL-ended; NULL: nothing to list */
	size_t		 len;		/* of html */
};

/*
 * What the packets are rendered with besides the project: their ways up.
 * Every way a packet may show is rendered before the workers start and
 * only read by them: Graphviz runs on one thread only (ladders.c), and a
 * way is the same for every employee of a class and target, so its HTML
 * (steps, diagram, legend) is made once, not per packet.  With no links
 * and no ids, the same diagram may repeat on a unit's print batch.  The
 * packets writer's state (packets_writer: made in start, freed in stop),
 * and packet_print's.
 */
struct packets {
	struct priv	*pv;		/* the build's (NULL: packet_print) */
	const struct project *p;	/* catalog, settings, templates */
	struct paths	*paths;		/* paths_new() of the catalog */
	const struct tmpl *tmpl;	/* partials/packet-way.html */
	struct way	*ways;		/* to a target: by (from, to) once
					 * drawn; those with no way left out */
	size_t		 nways;
	unsigned char	*seen;		/* bit from * ntitles + to: in ways */
	struct way	*firsts;	/* per title: the first steps from it */
};

/* ---- the ways up ------------------------------------------------------------ */

static int
way_cmp(const void *x, const void *y)
{
	const struct way *a = x, *b = y;

	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return (a->to > b->to) - (a->to < b->to);
}

/* Ready to make views: the paths table, no way rendered yet. */
static void
packets_open(struct packets *k, const struct project *p)
{
	size_t nt = p->catalog.ntitles;

	k->p = p;
	k->paths = paths_new(&p->catalog);
	k->seen = xcalloc(nt * nt / 8 + 1, 1);
	k->firsts = xcalloc(nt + 1, sizeof(*k->firsts));
}

/* Ready to render HTML: the template of the ways.  0 when it is missing
 * or bad (reported). */
static int
packets_tmpl(struct packets *k)
{
	static const char way[] = "{{> packet-way}}";

	k->tmpl = tmpl_compile(k->p->tmpl, "packet-way", way, sizeof(way) -
	    1);
	return k->tmpl != NULL;
}

/* packets_open's undoing; the half-open state is fine. */
static void
packets_close(struct packets *k)
{
	size_t i;

	for (i = 0; i < k->nways; i++)
		free(k->ways[i].html);
	for (i = 0; k->firsts != NULL && i < k->p->catalog.ntitles; i++)
		free(k->firsts[i].html);
	free(k->ways);
	free(k->firsts);
	free(k->seen);
	paths_free(k->paths);
}

/* A packet will show the way from class code from to class code to: its
 * pair is rendered, once (rec_plan_pairs' fn).  Codes not in the
 * catalog have no way. */
static void
packets_want(void *arg, const char *from, const char *to)
{
	struct packets *k = arg;
	const struct catalog *c = &k->p->catalog;
	const struct title *tf = catalog_find(c, from), *tt;
	size_t bit;

	if (tf == NULL || (tt = catalog_find(c, to)) == NULL)
		return;
	bit = (size_t)(tf - c->titles) * c->ntitles + (size_t)(tt - c->titles);
	if (k->seen[bit / 8] & 1 << bit % 8)
		return;
	k->seen[bit / 8] |= (unsigned char)(1 << bit % 8);
	if ((k->nways & (k->nways + 1)) == 0)	/* 0, 1, 3, 7: full */
		k->ways = xreallocarray(k->ways, 2 * k->nways + 2,
		    sizeof(*k->ways));
	memset(&k->ways[k->nways], 0, sizeof(*k->ways));
	k->ways[k->nways].from = (size_t)(tf - c->titles);
	k->ways[k->nways++].to = (size_t)(tt - c->titles);
}

/* Renders a way's steps into w->html; with the diagram of its n steps
 * (svg, or NULL), and the diagram's legend. */
static int
way_render(const struct packets *k, struct way *w, const char *svg,
    size_t len, const struct ladder_step *const *steps, size_t n,
    struct arena *a)
{
	const struct catalog *c = &k->p->catalog;
	struct buf b = {0};
	struct tv *v;
	int ok;

	v = view_way(a, c, k->paths, k->p->conf.profile, c->titles[w->from].
	    code, w->to == SIZE_MAX ? NULL : c->titles[w->to].code);
	tv_set(a, v, "svg", tv_ref(a, svg, len));
	tv_set(a, v, "legend", svg == NULL ? tv_list(a) :
	    ladders_path_legend(a, c, steps, n));
	ok = tmpl_render(k->tmpl, v, &b);
	w->len = b.len;
	w->html = buf_detach(&b);
	return ok;
}

/* Draws the way of a wanted pair (one thread: Graphviz) and renders it;
 * a pair with no way is left with html NULL. */
static int
way_draw(struct packets *k, struct ladders **gv, struct way *w,
    struct arena *a, struct buf *svg, struct diag *d)
{
	const struct catalog *c = &k->p->catalog;
	const struct ladder_step *const *steps;
	size_t n;

	if ((n = paths_career(k->paths, c->titles[w->from].code,
	    c->titles[w->to].code, a, &steps)) == 0)
		return 1;
	if (*gv == NULL && (*gv = ladders_new()) == NULL) {
		diag_msg(d, DIAG_ERROR, "Graphviz could not start (its "
		    "plugins: run 'dot -c' as root)");
		return 0;
	}
	buf_reset(svg);
	return ladders_path_svg(*gv, c, steps, n, NULL, NULL, svg, d) &&
	    way_render(k, w, svg->data, svg->len, steps, n, a);
}

/*
 * Renders every way a packet may show: each wanted pair that has a way,
 * drawn, and the first steps from each class that has some; then sorts
 * the pairs for way_of() (they are unique: the order is total).  0 when
 * anything failed (reported).
 */
static int
packets_draw(struct packets *k, struct diag *d)
{
	const struct catalog *c = &k->p->catalog;
	const struct ladder_step *const *first;
	struct ladders *gv = NULL;
	struct arena a = {0};
	struct buf svg = {0};
	size_t i;
	int ok = 1;

	for (i = 0; ok && i < k->nways; i++) {
		arena_reset(&a);
		ok = way_draw(k, &gv, &k->ways[i], &a, &svg, d);
	}
	xqsort(k->ways, k->nways, sizeof(*k->ways), way_cmp);
	for (i = 0; ok && i < c->ntitles; i++) {
		arena_reset(&a);
		k->firsts[i].from = i;
		k->firsts[i].to = SIZE_MAX;
		if (paths_first_steps(k->paths, c->titles[i].code, &first) > 0)
			ok = way_render(k, &k->firsts[i], NULL, 0, NULL, 0,
			    &a);
	}
	ladders_free(gv);
	arena_free(&a);
	buf_free(&svg);
	return ok;
}

/*
 * The HTML of the packet's way up (NULL: none to list).  A way the start
 * did not render (rec_plan_pairs would have to miss an employee) is
 * rendered here, in the worker, without its diagram: Graphviz is not
 * for worker threads.
 */
static const char *
way_of(const struct packets *k, const struct packet *pkt, struct arena *a)
{
	const struct catalog *c = &k->p->catalog;
	const struct title *from, *to = NULL;
	const struct ladder_step *const *steps;
	const struct way *w = NULL;
	struct way key;

	if ((from = catalog_find(c, pkt->h->emp.class_code)) == NULL)
		return NULL;
	key.from = (size_t)(from - c->titles);
	if (pkt->plan != NULL && pkt->plan->target_class_code != NULL &&
	    (to = catalog_find(c, pkt->plan->target_class_code)) != NULL) {
		key.to = (size_t)(to - c->titles);
		if (k->nways > 0)
			w = bsearch(&key, k->ways, k->nways, sizeof(*k->ways),
			    way_cmp);
		if (w != NULL && w->html != NULL)
			return w->html;
	}
	if (to == NULL || paths_career(k->paths, from->code, to->code, a,
	    &steps) == 0)
		return k->firsts[key.from].html;
	memset(&key, 0, sizeof(key));
	key.from = (size_t)(from - c->titles);
	key.to = (size_t)(to - c->titles);
	if (!way_render(k, &key, NULL, 0, NULL, 0, a))
		return NULL;
	return arena_strdup(a, key.html);
}

/* ---- a packet ------------------------------------------------------------- */

/* The view of the packet templates: the packet view, the HTML of the
 * steps of the way up (way_steps, null when none) and the site's. */
static struct tv *
packet_view(const struct packets *k, const struct packet *pkt,
    struct arena *a)
{
	const struct config *s = &k->p->conf;
	const char *way = way_of(k, pkt, a);
	struct tv *v = view_packet(pkt, &k->p->catalog, k->paths, s, a, 1);

	tv_set(a, v, "way_steps", tv_ref(a, way, way ? strlen(way) : 0));
	tv_set(a, v, "site", view_site(s, a));
	return v;
}

/*
 * Renders one employee's packet: the article into art and the whole
 * document into doc (css: its @page rules), the view in a.  Used by the
 * build and by `umpress packet`.
 */
static int
packet_render(const struct packets *k, const struct packet *pkt,
    struct arena *a, struct buf *art, struct buf *doc, struct buf *css)
{
	const struct priv_tmpl *t = &k->p->priv;
	struct tv *v = packet_view(k, pkt, a);

	buf_reset(art);
	buf_reset(doc);
	if (!tmpl_render(t->article, v, art))
		return 0;
	page_css(css, pkt->h->emp.id, pkt->h->emp.name, 0);
	tv_set(a, v, "style", tv_str(a, t->css));
	tv_set(a, v, "page_css", tv_str(a, css->data));
	/* Not copied: art outlives the document's rendering. */
	tv_set(a, v, "article", tv_ref(a, art->data, art->len));
	return tmpl_render(t->packet, v, doc);
}

/* Where the article is in the document ({{{article}}} in packet.html);
 * off UINT64_MAX when a custom template does not hold it as it is. */
static struct out_span
part_of(const struct buf *doc, const struct buf *art)
{
	const char *p = doc->data, *end = doc->data + doc->len;
	struct out_span none = { UINT64_MAX, 0 }, s = { 0, 0 };

	if (art->len == 0)
		return s;
	while ((p = memchr(p, art->data[0], (size_t)(end - p))) != NULL &&
	    (size_t)(end - p) >= art->len) {
		if (memcmp(p, art->data, art->len) == 0) {
			s.off = (uint64_t)(p - doc->data);
			s.len = art->len;
			return s;
		}
		p++;
	}
	return none;
}

/*
 * cli.md packets/ID.ics: for participants (current enrollment active or
 * suspended) with computer access (the others get paper) who have an
 * alert dated on or after the as-of date.  Kept when its input is the
 * previous file's; none is made when no alert is dated.
 */
static int
packets_ics(struct priv *pv, struct eng_emp *em, struct eng_file *f,
    const struct digest *in)
{
	const struct packet *pkt = em->pkt;
	struct buf *b = &em->buf[2];
	struct out_span none = { 0, 0 };

	if (pkt->enrollment == NULL || pkt->enrollment->status ==
	    ENR_WITHDRAWN || !pkt->h->emp.computer_access)
		return 1;
	if (f->has_old && eng_keep(em, f, in))
		return 1;
	buf_reset(b);
	switch (ics_packet(pkt, &pv->p->catalog, &pv->p->conf, b, pv->d)) {
	case -1:
		return 0;
	case 0:
		return 1;
	}
	return eng_write(em, f, b, OUT_PRIVATE, in, &none);
}

/* One employee: the packet, kept from the previous output when its
 * input is the same, its article, and its calendar file.  f[0] is the
 * packet, f[1] the calendar (the writer's series, in order). */
static int
packets_employee(void *self, struct eng_emp *em, struct eng_file *f,
    void **note)
{
	struct packets *k = self;
	struct priv *pv = k->pv;
	struct buf *art = &em->buf[0], *doc = &em->buf[1];
	struct out_span span;
	struct digest in;

	(void)note;
	if (!packet_due(em->pkt))
		return 1;
	eng_input(pv->p, em->h, &in);
	if (!packets_ics(pv, em, &f[1], &in))
		return 0;
	/* A kept packet's article is read back for the batches: only when
	 * the previous build found it in the document. */
	if (f[0].has_old && f[0].old_span.off != UINT64_MAX &&
	    eng_keep(em, &f[0], &in))
		return eng_article_kept(em, KIND, &f[0], &in);
	if (!packet_render(k, em->pkt, em->view, art, doc, &em->buf[2]))
		return 0;
	span = part_of(doc, art);
	return eng_write(em, &f[0], doc, OUT_PRIVATE, &in, &span) &&
	    eng_article(em, KIND, art, &in);
}

/*
 * Before the scan, in one thread: the paths table and the diagram of
 * every (class, latest plan's target) pair of the records, drawn once
 * for all the workers (Graphviz is not thread-safe).  A check draws
 * them too: it renders everything a build does.
 */
static int
packets_start(void *self, struct eng *e)
{
	struct packets *k = self;

	(void)e;
	packets_open(k, k->pv->p);
	return packets_tmpl(k) && rec_plan_pairs(k->pv->r, packets_want, k) &&
	    packets_draw(k, k->pv->d);
}

/* After the scan: the print batches of the packets. */
static int
packets_finish(void *self, struct eng *e)
{
	struct packets *k = self;

	/* cli.md names print/no-computer-access.html: always made. */
	return batches_write(k->pv, e, KIND, "private/print", "Packets", 1);
}

static void
packets_stop(void *self)
{
	struct packets *k = self;

	packets_close(k);
	free(k);
}

void
packets_writer(struct eng_writer *w, struct priv *pv)
{
	struct packets *k = xcalloc(1, sizeof(*k));

	k->pv = pv;
	k->p = pv->p;
	memset(w, 0, sizeof(*w));
	w->series[0].head = "private/packets/";
	w->series[0].tail = ".html";
	w->series[1].head = "private/packets/";
	w->series[1].tail = ".ics";
	w->kinds[0] = KIND;
	w->start = packets_start;
	w->employee = packets_employee;
	w->finish = packets_finish;
	w->stop = packets_stop;
	w->self = k;
}

int
packet_print(struct project *p, struct records *r, const char *id,
    const char *format, struct diag *d)
{
	struct history h;
	struct packet pkt;
	struct packets k;
	struct program_rows pr;
	struct selection *sel = NULL;
	struct arena a = {0}, va = {0};
	struct buf b = {0}, art = {0}, css = {0};
	int found, bad = 0, ok = 0;

	memset(&k, 0, sizeof(k));
	/* Where the employee's application stands among everyone's, as a
	 * build would say it. */
	if (!rec_program(r, &a, &pr) || (sel = selection_run(p, r, &pr,
	    NULL, d)) == NULL)
		goto out;
	found = rec_find(r, &p->catalog, p->conf.profile, id, &a, &h, &bad);
	if (found == 0)
		diag_msg(d, DIAG_ERROR, "no employee with id %s", id);
	if (found == 1 && bad == 0) {
		h.app = selection_find(sel, h.emp.id);
		rule_packet(&h, &p->catalog, &p->conf.prog, p->conf.profile,
		    p->as_of, &va, &pkt);
		packets_open(&k, p);
		if (strcmp(format, "json") == 0) {
			tv_json(&b, view_packet(&pkt, &p->catalog, k.paths,
			    &p->conf, &va, 0), 1);
			buf_putc(&b, '\n');
		} else if (strcmp(format, "text") == 0)
			view_text(&pkt, &p->catalog, k.paths, &p->conf, &b);
		/* The HTML: the way's steps rendered here, its one diagram
		 * drawn. */
		else if (packets_tmpl(&k)) {
			if (pkt.plan != NULL)
				packets_want(&k, h.emp.class_code,
				    pkt.plan->target_class_code);
			if (!packets_draw(&k, d) ||
			    !packet_render(&k, &pkt, &va, &art, &b, &css))
				buf_reset(&b);
		}
		ok = b.len > 0 && fwrite(b.data, 1, b.len, stdout) == b.len &&
		    fflush(stdout) == 0;
	}
	packets_close(&k);
out:
	selection_free(sel);
	arena_free(&a);
	arena_free(&va);
	buf_free(&b);
	buf_free(&art);
	buf_free(&css);
	return ok;
}
