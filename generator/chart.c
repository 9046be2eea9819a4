/*
 * chart.c: small SVG bar charts for the report (issue 6: our own small
 * SVG writer).  Each chart is an <svg role="img"> with a <title> and a
 * <desc> that says every figure in words; the report's table of figures
 * is its text equivalent too.  Bars are told apart by a pattern and a
 * label as well as by their shade, so they print in black and white; a
 * bar made of parts (appointments by category) has a key under it.
 * Coordinates are integers: the same figures give the same bytes.
 */
#include <string.h>

#include "extern.h"

#define W	640		/* view box width */
#define BAR_H	28		/* one bar */
#define GAP	14		/* between groups */
#define LABEL_W	200		/* the labels' column */
#define VAL_W	130		/* the values' column */
#define KEY_H	30		/* the key's line */
#define SWATCH	14		/* a key's sample of its fill */

static void
put_text(struct buf *b, const char *s)
{
	esc_html(b, s, strlen(s));
}

static double
bar_total(const struct chart_bar *bar)
{
	double t = 0;
	int k;

	for (k = 0; k < CHART_PARTS; k++)
		t += bar->value[k];
	return t;
}

/* A rectangle in a fill; an open one is white with its outline. */
static void
put_rect(struct buf *b, const char *id, int x, int y, int w, int h,
    enum chart_fill fill)
{
	buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
	    "stroke=\"#000\" %sfill=\"", x, y, w, h, fill == FILL_DASHED ?
	    "stroke-width=\"2\" stroke-dasharray=\"6 3\" " : "");
	switch (fill) {
	case FILL_HATCH:
		buf_printf(b, "url(#%s-hatch)", id);
		break;
	case FILL_OPEN:
	case FILL_DASHED:
		BUF_LIT(b, "#fff");
		break;
	case FILL_SOLID:
		BUF_LIT(b, "#4a4a4a");
		break;
	}
	BUF_LIT(b, "\"/>\n");
}

/* The title, and the desc that says every value in words. */
static void
put_head(struct buf *b, const char *id, const char *title, int h,
    const struct chart_bar *bars, size_t n)
{
	size_t i;

	buf_printf(b, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" "
	    "width=\"%d\" aria-labelledby=\"%s-t %s-d\" "
	    "xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"%s-t\">", W, h,
	    W, id, id, id);
	put_text(b, title);
	buf_printf(b, "</title>\n<desc id=\"%s-d\">", id);
	for (i = 0; i < n; i++) {
		put_text(b, bars[i].label);
		BUF_LIT(b, ": ");
		put_text(b, bars[i].desc[0] ? bars[i].desc : bars[i].text);
		buf_puts(b, i + 1 < n ? "; " : ".");
	}
	BUF_LIT(b, "</desc>\n<defs><pattern id=\"");
	buf_printf(b, "%s-hatch\" width=\"6\" height=\"6\" "
	    "patternUnits=\"userSpaceOnUse\"><path d=\"M0,6 L6,0\" "
	    "stroke=\"#000\" stroke-width=\"1.5\"/></pattern></defs>\n", id);
}

/*
 * One bar at y: its parts end to end, each ending where the sum so far
 * ends (rounded once per edge, so the parts add up to the bar), then its
 * text.  max is above 0.
 */
static void
put_bar(struct buf *b, const char *id, int y, const struct chart_bar *bar,
    double max)
{
	double sum = 0;
	int k, x0 = LABEL_W, x1 = LABEL_W;

	buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
	    "font-size=\"14\">", LABEL_W - 8, y + BAR_H / 2 + 5);
	put_text(b, bar->label);
	BUF_LIT(b, "</text>\n");
	for (k = 0; k < CHART_PARTS; k++) {
		if (bar->value[k] <= 0)
			continue;
		sum += bar->value[k];
		x1 = LABEL_W + (int)(sum / max * (W - LABEL_W - VAL_W) + 0.5);
		put_rect(b, id, x0, y, x1 - x0, BAR_H, bar->fill[k]);
		x0 = x1;
	}
	buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"14\">", x1 + 6,
	    y + BAR_H / 2 + 5);
	put_text(b, bar->text);
	BUF_LIT(b, "</text>\n");
}

/* The key: a sample of each fill and its name, on one line at y. */
static void
put_key(struct buf *b, const char *id, int y, const struct chart_key *keys,
    size_t nkeys)
{
	size_t i;
	int x = LABEL_W;

	for (i = 0; i < nkeys; i++) {
		put_rect(b, id, x, y, SWATCH, SWATCH, keys[i].fill);
		buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"14\">",
		    x + SWATCH + 6, y + SWATCH - 2);
		put_text(b, keys[i].name);
		BUF_LIT(b, "</text>\n");
		/* 8 units a character is wide enough at font-size 14. */
		x += SWATCH + 6 + 8 * (int)strlen(keys[i].name) + 24;
	}
}

void
chart_bars(struct buf *b, const char *id, const char *title,
    const struct chart_bar *bars, size_t n, const struct chart_key *keys,
    size_t nkeys)
{
	double max = 0;
	size_t i;
	int h = (int)n * (BAR_H + GAP) + GAP + (nkeys > 0 ? KEY_H : 0);

	for (i = 0; i < n; i++)
		if (bar_total(&bars[i]) > max)
			max = bar_total(&bars[i]);
	put_head(b, id, title, h, bars, n);
	for (i = 0; i < n; i++)
		put_bar(b, id, GAP + (int)i * (BAR_H + GAP), &bars[i],
		    max > 0 ? max : 1);
	if (nkeys > 0)
		put_key(b, id, GAP + (int)n * (BAR_H + GAP), keys, nkeys);
	BUF_LIT(b, "</svg>\n");
}
