/*
 * chart.c: small SVG bar charts for the report (issue 6: our own small
 * SVG writer).  Each chart is an <svg role="img"> with a <title> and a
 * <desc> that says every figure in words; the report's table of figures
 * is its text equivalent too.  Bars are told apart by a pattern and a
 * label as well as by their shade, so they print in black and white.
 * Coordinates are integers: the same figures give the same bytes.
 */
#include <string.h>

#include "extern.h"

#define W	640		/* view box width */
#define BAR_H	28		/* one bar */
#define GAP	14		/* between groups */
#define LABEL_W	200		/* the labels' column */
#define VAL_W	130		/* the values' column */

static void
put_text(struct buf *b, const char *s)
{
	esc_html(b, s, strlen(s));
}

void
chart_bars(struct buf *b, const char *id, const char *title,
    const struct chart_bar *bars, size_t n)
{
	double max = 0;
	size_t i;
	int h = (int)n * (BAR_H + GAP) + GAP, len, y;

	for (i = 0; i < n; i++)
		if (bars[i].value > max)
			max = bars[i].value;
	buf_printf(b, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" "
	    "width=\"%d\" aria-labelledby=\"%s-t %s-d\" "
	    "xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"%s-t\">", W, h,
	    W, id, id, id);
	put_text(b, title);
	buf_printf(b, "</title>\n<desc id=\"%s-d\">", id);
	for (i = 0; i < n; i++) {
		put_text(b, bars[i].label);
		BUF_LIT(b, ": ");
		put_text(b, bars[i].text);
		buf_puts(b, i + 1 < n ? "; " : ".");
	}
	BUF_LIT(b, "</desc>\n<defs><pattern id=\"");
	buf_printf(b, "%s-hatch\" width=\"6\" height=\"6\" "
	    "patternUnits=\"userSpaceOnUse\"><path d=\"M0,6 L6,0\" "
	    "stroke=\"#000\" stroke-width=\"1.5\"/></pattern></defs>\n", id);
	for (i = 0; i < n; i++) {
		y = GAP + (int)i * (BAR_H + GAP);
		len = max > 0 ? (int)(bars[i].value / max * (W - LABEL_W -
		    VAL_W) + 0.5) : 0;
		buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
		    "font-size=\"14\">", LABEL_W - 8, y + BAR_H / 2 + 5);
		put_text(b, bars[i].label);
		buf_printf(b, "</text>\n<rect x=\"%d\" y=\"%d\" width=\"%d\" "
		    "height=\"%d\" stroke=\"#000\" fill=\"", LABEL_W, y, len,
		    BAR_H);
		if (bars[i].hatched)
			buf_printf(b, "url(#%s-hatch)", id);
		else if (bars[i].open)
			BUF_LIT(b, "#fff");
		else
			BUF_LIT(b, "#4a4a4a");
		BUF_LIT(b, "\"/>\n");
		buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"14\">",
		    LABEL_W + len + 6, y + BAR_H / 2 + 5);
		put_text(b, bars[i].text);
		BUF_LIT(b, "</text>\n");
	}
	BUF_LIT(b, "</svg>\n");
}
