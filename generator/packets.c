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

/* The view of the packet templates: the packet view and the site's. */
static struct tv *
packet_view(const struct project *p, const struct packet *pkt,
    struct arena *a)
{
	const struct config *s = &p->conf;
	struct tv *v = view_packet(pkt, &p->catalog, s, a, 1), *st, *c;

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
packet_render(const struct project *p, const struct packet *pkt,
    struct arena *a, struct buf *art, struct buf *doc, struct buf *css)
{
	const struct priv_tmpl *t = &p->priv;
	struct tv *v = packet_view(p, pkt, a);

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
	if (ics_packet(pkt, &pv->p->catalog, &pv->p->conf, b) == 0)
		return 1;
	return eng_write(em, f, b, OUT_PRIVATE, in, &none);
}

/* One employee: the packet, kept from the previous output when its
 * input is the same, its article, and its calendar file.  f[0] is the
 * packet, f[1] the calendar (the writer's series, in order). */
static int
packets_employee(void *self, struct eng_emp *em, struct eng_file *f,
    void **note)
{
	struct priv *pv = self;
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
	if (!packet_render(pv->p, em->pkt, em->view, art, doc, &em->buf[2]))
		return 0;
	span = part_of(doc, art);
	return eng_write(em, &f[0], doc, OUT_PRIVATE, &in, &span) &&
	    eng_article(em, KIND, art, &in);
}

/* After the scan: the print batches of the packets. */
static int
packets_finish(void *self, struct eng *e)
{
	return batches_write(self, e, KIND, "private/print", "Packets");
}

void
packets_writer(struct eng_writer *w, struct priv *pv)
{
	memset(w, 0, sizeof(*w));
	w->series[0].head = "private/packets/";
	w->series[0].tail = ".html";
	w->series[1].head = "private/packets/";
	w->series[1].tail = ".ics";
	w->kinds[0] = KIND;
	w->employee = packets_employee;
	w->finish = packets_finish;
	w->self = pv;
}

int
packet_print(struct project *p, struct records *r, const char *id,
    const char *format, struct diag *d)
{
	struct history h;
	struct packet pkt;
	struct program_rows pr;
	struct selection *sel = NULL;
	struct arena a = {0}, va = {0};
	struct buf b = {0}, art = {0}, css = {0};
	int found, bad = 0, ok = 0;

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
		if (strcmp(format, "json") == 0) {
			tv_json(&b, view_packet(&pkt, &p->catalog, &p->conf,
			    &va, 0), 1);
			buf_putc(&b, '\n');
		} else if (strcmp(format, "text") == 0)
			view_text(&pkt, &p->catalog, &p->conf, &b);
		else if (!packet_render(p, &pkt, &va, &art, &b, &css))
			buf_reset(&b);
		ok = b.len > 0 && fwrite(b.data, 1, b.len, stdout) == b.len &&
		    fflush(stdout) == 0;
	}
out:
	selection_free(sel);
	arena_free(&a);
	arena_free(&va);
	buf_free(&b);
	buf_free(&art);
	buf_free(&css);
	return ok;
}
