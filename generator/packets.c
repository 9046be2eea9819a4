/*
 * packets.c: one packet per employee (cli.md, output layout):
 * private/packets/ID.html for each participant or eligible employee, and
 * its article for the print batches (print/, batches.c).  A writer of the
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

/* The diagram of one way up: a class and a plan's target, title indexes. */
struct diagram {
	size_t		 from;		/* the employee's class */
	size_t		 to;		/* the latest plan's target */
	char		*svg;		/* ladders_path_svg(), NUL-ended */
	size_t		 len;
};

/*
 * The diagrams of the ways up the packets show.  Graphviz runs on one
 * thread only (ladders.c), so every diagram the workers may need is drawn
 * before they start, once per (class, target) pair, and they only read
 * them: with no links and no ids, the same bytes serve every packet of a
 * pair and may repeat on a unit's print batch.
 */
struct diagrams {
	struct diagram	*v;		/* by (from, to) */
	size_t		 n;
};

/*
 * What the packets are rendered with besides the project: the ways up.
 * The packets writer's state (packets_writer: made in start, freed in
 * stop), and packet_print's.
 */
struct packets {
	struct priv	*pv;		/* the build's (NULL: packet_print) */
	const struct project *p;
	struct paths	*paths;		/* paths_new() of the catalog */
	struct diagrams	 dia;
};

int
packet_due(const struct packet *pkt)
{
	/* Every employee with an enrollment or an eligibility. */
	return pkt->enrollment != NULL || pkt->eligible;
}

/* ---- the diagrams of the ways up ------------------------------------------ */

static int
diagram_cmp(const void *x, const void *y)
{
	const struct diagram *a = x, *b = y;

	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return (a->to > b->to) - (a->to < b->to);
}

/*
 * Draws the way up of each pair that has one (rec_plan_pairs(): unique
 * pairs, so the order by (from, to) is total).  One thread: Graphviz.
 * 0 when a diagram failed (reported).
 */
static int
diagrams_make(struct packets *k, const struct rec_pair *pairs, size_t n,
    struct diag *d)
{
	const struct catalog *c = &k->p->catalog;
	const struct ladder_step *const *steps;
	struct ladders *gv = NULL;
	struct arena a = {0};
	struct buf b = {0};
	struct diagram *dg;
	size_t i, ns;
	int ok = 1;

	k->dia.v = xreallocarray(NULL, n + 1, sizeof(*k->dia.v));
	for (i = 0; ok && i < n; i++) {
		arena_reset(&a);
		if ((ns = paths_career(k->paths, pairs[i].from, pairs[i].to,
		    &a, &steps)) == 0)
			continue;
		if (gv == NULL && (gv = ladders_new()) == NULL) {
			diag_msg(d, DIAG_ERROR, "Graphviz could not start (its "
			    "plugins: run 'dot -c' as root)");
			ok = 0;
			break;
		}
		buf_reset(&b);
		if (!(ok = ladders_path_svg(gv, c, steps, ns, NULL, NULL, &b,
		    d)))
			break;
		dg = &k->dia.v[k->dia.n++];
		dg->from = steps[0]->from;
		dg->to = steps[ns - 1]->to;
		dg->len = b.len;
		dg->svg = buf_detach(&b);
	}
	xqsort(k->dia.v, k->dia.n, sizeof(*k->dia.v), diagram_cmp);
	ladders_free(gv);
	arena_free(&a);
	buf_free(&b);
	return ok;
}

/* The diagram of the packet's way up, or NULL (no way, or not drawn). */
static const struct diagram *
diagram_of(const struct packets *k, const struct packet *pkt)
{
	const struct catalog *c = &k->p->catalog;
	const struct title *from, *to;
	struct diagram key;

	if (pkt->plan == NULL || pkt->plan->target_class_code == NULL ||
	    (from = catalog_find(c, pkt->h->emp.class_code)) == NULL ||
	    (to = catalog_find(c, pkt->plan->target_class_code)) == NULL)
		return NULL;
	key.from = (size_t)(from - c->titles);
	key.to = (size_t)(to - c->titles);
	return k->dia.n == 0 ? NULL : bsearch(&key, k->dia.v, k->dia.n,
	    sizeof(*k->dia.v), diagram_cmp);
}

/* Ready to render packets: the paths table and the diagrams of pairs. */
static int
packets_open(struct packets *k, const struct project *p,
    const struct rec_pair *pairs, size_t n, struct diag *d)
{
	k->p = p;
	k->paths = paths_new(&p->catalog);
	return diagrams_make(k, pairs, n, d);
}

/* packets_open's undoing; the half-open state is fine. */
static void
packets_close(struct packets *k)
{
	size_t i;

	for (i = 0; i < k->dia.n; i++)
		free(k->dia.v[i].svg);
	free(k->dia.v);
	paths_free(k->paths);
}

/* ---- a packet ------------------------------------------------------------- */

/* The view of the packet templates: the packet view, the diagram of
 * the way up (path_svg, null without one) and the site's. */
static struct tv *
packet_view(const struct packets *k, const struct packet *pkt,
    struct arena *a)
{
	const struct config *s = &k->p->conf;
	const struct diagram *dg = diagram_of(k, pkt);
	struct tv *v = view_packet(pkt, &k->p->catalog, k->paths, s, a, 1);
	struct tv *st, *c;

	tv_set(a, v, "path_svg", dg ? tv_strn(a, dg->svg, dg->len) :
	    tv_null(a));
	st = tv_set(a, v, "site", tv_map(a));
	tv_set(a, st, "title", tv_str(a, s->title));
	tv_set(a, st, "department", tv_str(a, s->department));
	c = tv_set(a, st, "contact", tv_map(a));
	tv_set(a, c, "name", tv_str(a, s->contact.name));
	tv_set(a, c, "phone", tv_str(a, s->contact.phone));
	tv_set(a, c, "email", tv_str(a, s->contact.email));
	tv_set(a, c, "office", tv_str(a, s->contact.office));
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
	tv_set(a, v, "article", tv_str(a, art->data));
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

/* One employee: the packet, kept from the previous output when its
 * input is the same, and its article. */
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
	/* A kept packet's article is read back for the batches: only when
	 * the previous build found it in the document. */
	if (f->has_old && f->old_span.off != UINT64_MAX &&
	    eng_keep(em, f, &in))
		return eng_article_kept(em, KIND, f, &in);
	if (!packet_render(k, em->pkt, em->view, art, doc, &em->buf[2]))
		return 0;
	span = part_of(doc, art);
	return eng_write(em, f, doc, OUT_PRIVATE, &in, &span) &&
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
	struct rec_pair *pairs;
	struct arena a = {0};
	size_t n;
	int ok;

	(void)e;
	ok = rec_plan_pairs(k->pv->r, &a, &pairs, &n) &&
	    packets_open(k, k->pv->p, pairs, n, k->pv->d);
	arena_free(&a);
	return ok;
}

/* After the scan: the print batches of the packets. */
static int
packets_finish(void *self, struct eng *e)
{
	struct packets *k = self;

	return batches_write(k->pv, e, KIND, "private/print", "Packets");
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
	w->kinds[0] = KIND;
	w->start = packets_start;
	w->employee = packets_employee;
	w->finish = packets_finish;
	w->stop = packets_stop;
	w->self = k;
}

/* One packet's way up: its pair of class and plan target, for the
 * diagram of packet_print (a packet of no plan target has none). */
static size_t
packet_pair(const struct packet *pkt, struct rec_pair *pr)
{
	if (pkt->plan == NULL || pkt->plan->target_class_code == NULL)
		return 0;
	pr->from = pkt->h->emp.class_code;
	pr->to = pkt->plan->target_class_code;
	return 1;
}

int
packet_print(struct project *p, struct records *r, const char *id,
    const char *format, struct diag *d)
{
	struct history h;
	struct packet pkt;
	struct packets k;
	struct rec_pair pr;
	struct arena a = {0}, va = {0};
	struct buf b = {0}, art = {0}, css = {0};
	int found, bad = 0, ok = 0, html = strcmp(format, "html") == 0;

	memset(&k, 0, sizeof(k));
	found = rec_find(r, &p->catalog, p->conf.profile, id, &a, &h, &bad);
	if (found == 0)
		diag_msg(d, DIAG_ERROR, "no employee with id %s", id);
	if (found == 1 && bad == 0) {
		rule_packet(&h, &p->catalog, &p->conf.prog, p->conf.profile,
		    p->as_of, &va, &pkt);
		/* Only the HTML draws the way up: one diagram, here. */
		if (!packets_open(&k, p, &pr, html ? packet_pair(&pkt, &pr) :
		    0, d))
			buf_reset(&b);
		else if (strcmp(format, "json") == 0) {
			tv_json(&b, view_packet(&pkt, &p->catalog, k.paths,
			    &p->conf, &va, 0), 1);
			buf_putc(&b, '\n');
		} else if (strcmp(format, "text") == 0)
			view_text(&pkt, &p->catalog, k.paths, &p->conf, &b);
		else if (!packet_render(&k, &pkt, &va, &art, &b, &css))
			buf_reset(&b);
		ok = b.len > 0 && fwrite(b.data, 1, b.len, stdout) == b.len &&
		    fflush(stdout) == 0;
	}
	packets_close(&k);
	arena_free(&a);
	arena_free(&va);
	buf_free(&b);
	buf_free(&art);
	buf_free(&css);
	return ok;
}
