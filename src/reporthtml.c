/*
 * reporthtml - the campaign chronology as HTML (see reporthtml.h).
 *
 * DESCRIPTION
 *	Two walks over the store: the first finds the time range and the
 *	number of campaigns (the size of the drawing), the second draws a
 *	row each and then writes the table.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "reporthtml.h"

#define RH_LEFT 230		/* room for the phished domain */
#define RH_PLOT 560		/* width of the time axis */
#define RH_RIGHT 260		/* room for the counts after a bar */
#define RH_ROW 22		/* height of a row */
#define RH_TOP 40		/* the axis labels */
#define RH_BAR_MIN 3		/* a campaign of one message still shows */
#define RH_TICKS 4		/* intervals of the time axis */
#define RH_DELIVERED "#c0392b"	/* delivered: the phish reached people */
#define RH_BLOCKED "#27ae60"	/* rejected or discarded by the site */
#define RH_OTHER "#95a5a6"	/* neither known yet */

/* What the first walk learns, and the second draws with. */
struct rh_state {
	FILE *fp;
	time_t first, last;
	long campaigns;
	long row;
};

/* rh_text - s with &, <, > and " escaped */
static int rh_text(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;"
				: *s == '>' ? "&gt;" : *s == '"' ? "&quot;" : NULL;

		if ((e != NULL ? fputs(e, fp) : fputc(*s, fp)) == EOF)
			return -1;
	}
	return 0;
}

/* rh_date - "2013-07-23 14:12" (UTC) */
static void rh_date(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL
	    || strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, size, "?");
}

/* rh_blocked - what the site refused: rejected plus discarded */
static unsigned long long rh_blocked(const struct store_campaign *c)
{
	return c->n[TRACK_REJECTED] + c->n[TRACK_DISCARDED];
}

/* rh_range - first walk: the time range and the number of rows */
static int rh_range(const struct store_campaign *c, void *ctx)
{
	struct rh_state *st = ctx;

	if (st->campaigns == 0 || c->first_seen < st->first)
		st->first = c->first_seen;
	if (st->campaigns == 0 || c->last_seen > st->last)
		st->last = c->last_seen;
	st->campaigns++;
	return 0;
}

/* rh_x - the x of time t on the axis */
static double rh_x(const struct rh_state *st, time_t t)
{
	double span = (double) (st->last - st->first);

	return RH_LEFT + (span > 0 ? (double) (t - st->first) / span : 0)
	       * RH_PLOT;
}

/* rh_axis - the time axis: a line, RH_TICKS + 1 dates and grid lines */
static int rh_axis(const struct rh_state *st)
{
	long height = RH_TOP + st->campaigns * RH_ROW;
	int bad = 0;

	for (int i = 0; i <= RH_TICKS; i++) {
		time_t t = st->first + (st->last - st->first) * i / RH_TICKS;
		double x = rh_x(st, t);
		char date[32];

		rh_date(t, date, sizeof(date));
		bad |= fprintf(st->fp, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
			       "y2=\"%ld\" stroke=\"#ddd\"/>\n<text x=\"%.1f\" "
			       "y=\"%d\" text-anchor=\"middle\" font-size=\"11\">"
			       "%s</text>\n", x, RH_TOP - 10, x, height, x,
			       RH_TOP - 16, date) < 0;
	}
	return bad ? -1 : 0;
}

/* rh_bar - one segment of a campaign's bar */
static int rh_bar(FILE *fp, double x, double y, double w, const char *fill)
{
	if (w <= 0)
		return 0;
	return fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		       "height=\"%d\" fill=\"%s\"/>\n", x, y, w, RH_ROW - 8,
		       fill) < 0 ? -1 : 0;
}

/* rh_row - second walk: a campaign's name, bar and counts; the bar's
 * delivered and blocked parts in proportion, grey when neither */
static int rh_row(const struct store_campaign *c, void *ctx)
{
	struct rh_state *st = ctx;
	double y = RH_TOP + (double) (st->row++ * RH_ROW);
	double x = rh_x(st, c->first_seen);
	double w = rh_x(st, c->last_seen) - x;
	unsigned long long done = c->n[TRACK_DELIVERED] + rh_blocked(c);
	double wd;

	if (w < RH_BAR_MIN)
		w = RH_BAR_MIN;
	wd = done > 0 ? w * (double) c->n[TRACK_DELIVERED] / (double) done : 0;
	if (fprintf(st->fp, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" "
		    "font-size=\"12\">", RH_LEFT - 8, y + RH_ROW - 10) < 0
	    || rh_text(st->fp, c->phished_domain) < 0
	    || fputs("</text>\n", st->fp) == EOF
	    || rh_bar(st->fp, x, y + 4, wd, RH_DELIVERED) < 0
	    || rh_bar(st->fp, x + wd, y + 4, done > 0 ? w - wd : 0,
		      RH_BLOCKED) < 0
	    || rh_bar(st->fp, x, y + 4, done > 0 ? 0 : w, RH_OTHER) < 0)
		return -1;
	return fprintf(st->fp, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">"
		       "%llu msg, %llu delivered, %llu blocked</text>\n",
		       x + w + 6, y + RH_ROW - 10, c->n[TRACK_MESSAGES],
		       c->n[TRACK_DELIVERED], rh_blocked(c)) < 0 ? -1 : 0;
}

/* rh_table_row - one row of the table under the drawing */
static int rh_table_row(const struct store_campaign *c, void *ctx)
{
	struct rh_state *st = ctx;
	char first[32], last[32];

	rh_date(c->first_seen, first, sizeof(first));
	rh_date(c->last_seen, last, sizeof(last));
	if (fprintf(st->fp, "<tr><td>%s</td><td>%s</td><td>", first, last) < 0
	    || rh_text(st->fp, c->phished_domain) < 0
	    || fprintf(st->fp, "</td><td class=\"n\">%llu</td><td class=\"n\">"
		       "%llu</td><td class=\"n\">%llu</td><td>",
		       c->n[TRACK_MESSAGES], c->n[TRACK_DELIVERED],
		       rh_blocked(c)) < 0
	    || rh_text(st->fp, c->rule) < 0
	    || fputs("</td><td>", st->fp) == EOF
	    || rh_text(st->fp, c->senders) < 0)
		return -1;
	return fputs("</td></tr>\n", st->fp) == EOF ? -1 : 0;
}

/* The page around the drawing: no script, no link, no external URL. */
static const char rh_head[] =
"<!DOCTYPE html>\n"
"<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
"<head><meta charset=\"utf-8\"/><title>phishwatch: campaign chronology"
"</title>\n<style>body{font-family:sans-serif;margin:1.5em}"
"table{border-collapse:collapse}td,th{border:1px solid #ccc;"
"padding:2px 8px;font-size:13px}td.n{text-align:right}"
".key span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px}"
"svg{display:block;margin-bottom:1em}td:nth-child(-n+2){white-space:nowrap}"
"</style></head>\n<body>\n<h1>Phishing campaigns</h1>\n";

/* rh_intro - the summary line and the colour key */
static int rh_intro(const struct rh_state *st)
{
	char first[32], last[32];

	rh_date(st->first, first, sizeof(first));
	rh_date(st->last, last, sizeof(last));
	return fprintf(st->fp, "<p>%ld campaign(s), first message %s, last %s "
		       "(UTC). Each bar runs from a campaign's first message "
		       "to its last.</p>\n<p class=\"key\"><span style=\""
		       "background:%s\"></span>delivered<span style=\""
		       "background:%s\"></span>blocked (rejected or discarded)"
		       "<span style=\"background:%s\"></span>neither yet</p>\n",
		       st->campaigns, first, last, RH_DELIVERED, RH_BLOCKED,
		       RH_OTHER) < 0 ? -1 : 0;
}

/* rh_drawing - the SVG timeline, one row per campaign */
static int rh_drawing(struct store *store, struct rh_state *st)
{
	if (fprintf(st->fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "width=\"%d\" height=\"%ld\" role=\"img\" aria-label=\""
		    "campaign timeline\">\n", RH_LEFT + RH_PLOT + RH_RIGHT,
		    RH_TOP + st->campaigns * RH_ROW + 4) < 0
	    || rh_axis(st) < 0
	    || store_campaigns(store, rh_row, st) != 0)
		return -1;
	return fputs("</svg>\n", st->fp) == EOF ? -1 : 0;
}

/* reporthtml_print - the whole page */
int reporthtml_print(struct store *store, FILE *fp)
{
	struct rh_state st = { .fp = fp };

	if (store_campaigns(store, rh_range, &st) != 0)
		return -1;
	if (fputs(rh_head, fp) == EOF)
		return -1;
	if (st.campaigns == 0) {
		if (fputs("<p>No campaign in the store.</p>\n", fp) == EOF)
			return -1;
	} else if (rh_intro(&st) < 0 || rh_drawing(store, &st) < 0
		   || fputs("<table>\n<tr><th>first seen</th><th>last seen</th>"
			    "<th>phished domain</th><th>messages</th><th>"
			    "delivered</th><th>blocked</th><th>rule</th><th>"
			    "sender domains</th></tr>\n", fp) == EOF
		   || store_campaigns(store, rh_table_row, &st) != 0
		   || fputs("</table>\n", fp) == EOF) {
		return -1;
	}
	if (fputs("</body>\n</html>\n", fp) == EOF)
		return -1;
	return fflush(fp) == EOF ? -1 : 0;
}
