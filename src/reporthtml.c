/*
 * reporthtml - the campaign chronology as HTML (see reporthtml.h).
 *
 * DESCRIPTION
 *	Three walks over the store: the first finds the time range and the
 *	number of campaigns (the size of the drawing and the bucket width),
 *	the second the tallest bucket (the vertical scale), the third draws
 *	a row each; then the table.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "reporthtml.h"

#define RH_LEFT        230 /* room for the phished domain */
#define RH_PLOT        720 /* width of the time axis */
#define RH_RIGHT       240 /* room for the counts after a row */
#define RH_ROW         46  /* height of a row */
#define RH_BAR         34  /* height of the tallest bucket */
#define RH_TOP         40  /* the axis labels */
#define RH_LABELS      8   /* at most this many dates on the axis */
#define RH_HOUR        3600
#define RH_DAY         86400
#define RH_HOURLY_SPAN (3 * RH_DAY) /* up to this span, hours; days beyond */
#define RH_DELIVERED   "#c0392b"    /* delivered: the phish reached people */
#define RH_BLOCKED     "#27ae60"    /* rejected or discarded by the site */
#define RH_OTHER       "#95a5a6"    /* neither known yet */

/* What the first walks learn, and the third draws with. */
struct rh_state {
	FILE *fp;
	struct store *store;
	time_t first, last;
	long campaigns;
	long row;
	long width;              /* seconds per bucket: an hour or a day */
	time_t start;            /* of the first bucket */
	long buckets;            /* on the axis */
	unsigned long long peak; /* the tallest bucket */
	long drawn;              /* buckets drawn in the current row */
};

/* rh_text - s with &, <, > and " escaped */
static int rh_text(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		const char *e = *s == '&'   ? "&amp;"
				: *s == '<' ? "&lt;"
				: *s == '>' ? "&gt;"
				: *s == '"' ? "&quot;"
					    : NULL;

		if ((e != NULL ? fputs(e, fp) : fputc(*s, fp)) == EOF)
			return -1;
	}
	return 0;
}

/* How a time is shown: strftime() wants its format as a literal. */
enum rh_form { RH_MINUTE, RH_AXIS_HOUR, RH_AXIS_DAY, RH_ISO, RH_TIP_HOUR };

/* rh_format - t (UTC) in one of the forms, "?" if it cannot be */
static void rh_format(time_t t, enum rh_form form, char *buf, size_t size)
{
	struct tm tm;
	size_t n = 0;

	if (gmtime_r(&t, &tm) != NULL) {
		switch (form) {
		case RH_MINUTE:
			n = strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
			break;
		case RH_AXIS_HOUR:
			n = strftime(buf, size, "%m-%d %H:00", &tm);
			break;
		case RH_AXIS_DAY:
			n = strftime(buf, size, "%Y-%m-%d", &tm);
			break;
		case RH_ISO:
			n = strftime(buf, size, "%Y-%m-%dT%H:%MZ", &tm);
			break;
		case RH_TIP_HOUR:
			n = strftime(buf, size, "%Y-%m-%d %H:00", &tm);
			break;
		}
	}
	if (n == 0)
		snprintf(buf, size, "?");
}

/* rh_date - "2013-07-23 14:12" (UTC) */
static void rh_date(time_t t, char *buf, size_t size)
{
	rh_format(t, RH_MINUTE, buf, size);
}

/* rh_blocked - what the site refused: rejected plus discarded */
static unsigned long long rh_blocked(const unsigned long long *n)
{
	return n[TRACK_REJECTED] + n[TRACK_DISCARDED];
}

/* rh_pending - messages of the bucket with neither outcome counted */
static unsigned long long rh_pending(const unsigned long long *n)
{
	unsigned long long done = n[TRACK_DELIVERED] + rh_blocked(n);

	return n[TRACK_MESSAGES] > done ? n[TRACK_MESSAGES] - done : 0;
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

/* rh_floor - the start of the bucket of t */
static time_t rh_floor(const struct rh_state *st, time_t t)
{
	return t - (t % st->width + st->width) % st->width;
}

/* rh_axis_size - hours for a span up to three days, days beyond */
static void rh_axis_size(struct rh_state *st)
{
	st->width = st->last - st->first <= RH_HOURLY_SPAN ? RH_HOUR : RH_DAY;
	st->start = rh_floor(st, st->first);
	st->buckets =
	    (long)((rh_floor(st, st->last) - st->start) / st->width) + 1;
}

/* rh_peak_bucket - the tallest stack so far */
static int rh_peak_bucket(const struct store_bucket *b, void *ctx)
{
	struct rh_state *st = ctx;
	unsigned long long h =
	    b->n[TRACK_DELIVERED] + rh_blocked(b->n) + rh_pending(b->n);

	if (h > st->peak)
		st->peak = h;
	return 0;
}

/* rh_peak - second walk: the tallest bucket of all campaigns */
static int rh_peak(const struct store_campaign *c, void *ctx)
{
	struct rh_state *st = ctx;

	return store_buckets(st->store, c->phished_domain, st->width,
			     rh_peak_bucket, st);
}

/* rh_x - the x of time t on the axis */
static double rh_x(const struct rh_state *st, time_t t)
{
	return RH_LEFT
	       + (double)(t - st->start) * RH_PLOT
		     / ((double)st->buckets * (double)st->width);
}

/* rh_step - buckets between two dates on the axis: whole hours that
 * divide a day, or whole days */
static long rh_step(const struct rh_state *st)
{
	static const long hours[] = {1, 2, 3, 6, 12, 24};
	long step = (st->buckets + RH_LABELS - 1) / RH_LABELS;

	if (st->width == RH_HOUR)
		for (size_t i = 0; i < sizeof(hours) / sizeof(hours[0]); i++)
			if (hours[i] >= step)
				return hours[i];
	return step > 0 ? step : 1;
}

/* rh_axis - dates at bucket starts, with grid lines down the rows */
static int rh_axis(const struct rh_state *st)
{
	long height = RH_TOP + st->campaigns * RH_ROW;
	long step = rh_step(st);
	int bad = 0;

	for (long i = 0; i <= st->buckets; i += step) {
		time_t t = st->start + i * st->width;
		double x = rh_x(st, t);
		char date[32];

		rh_format(t, st->width == RH_HOUR ? RH_AXIS_HOUR : RH_AXIS_DAY,
			  date, sizeof(date));
		bad |=
		    fprintf(st->fp,
			    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
			    "y2=\"%ld\" stroke=\"#ddd\"/>\n<text x=\"%.1f\" "
			    "y=\"%d\" text-anchor=\"middle\" font-size=\"11\">"
			    "%s</text>\n",
			    x, RH_TOP - 10, x, height, x, RH_TOP - 16, date)
		    < 0;
	}
	return bad ? -1 : 0;
}

/* rh_segment - one part of a bucket's stack, drawn upwards from *y */
static int rh_segment(const struct rh_state *st, double x, double w, double *y,
		      unsigned long long n, const char *fill)
{
	double h = (double)n * RH_BAR / (double)(st->peak > 0 ? st->peak : 1);

	if (n == 0)
		return 0;
	if (h < 3)
		h = 3; /* one message still shows */
	*y -= h;
	return fprintf(st->fp,
		       "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		       "height=\"%.1f\" fill=\"%s\"/>\n",
		       x, *y, w, h, fill)
		       < 0
		   ? -1
		   : 0;
}

/* rh_bucket - third walk, per bucket: a stack of delivered (bottom),
 * blocked and pending, with its counts as data and as a tooltip */
static int rh_bucket(const struct store_bucket *b, void *ctx)
{
	struct rh_state *st = ctx;
	double x = rh_x(st, b->start);
	double w = (double)RH_PLOT / (double)st->buckets;
	double y = RH_TOP + (double)(st->row * RH_ROW) + RH_ROW - 6;
	char iso[32], shown[32];

	w = w > 4 ? w - 1 : w;
	rh_format(b->start, RH_ISO, iso, sizeof(iso));
	rh_format(b->start, st->width == RH_HOUR ? RH_TIP_HOUR : RH_AXIS_DAY,
		  shown, sizeof(shown));
	st->drawn++;
	if (fprintf(st->fp,
		    "<g class=\"bucket\" data-start=\"%s\" "
		    "data-messages=\"%llu\" data-delivered=\"%llu\" "
		    "data-blocked=\"%llu\"><title>%s UTC: %llu messages, %llu "
		    "delivered, %llu blocked</title>\n",
		    iso, b->n[TRACK_MESSAGES], b->n[TRACK_DELIVERED],
		    rh_blocked(b->n), shown, b->n[TRACK_MESSAGES],
		    b->n[TRACK_DELIVERED], rh_blocked(b->n))
		< 0
	    || rh_segment(st, x, w, &y, b->n[TRACK_DELIVERED], RH_DELIVERED) < 0
	    || rh_segment(st, x, w, &y, rh_blocked(b->n), RH_BLOCKED) < 0
	    || rh_segment(st, x, w, &y, rh_pending(b->n), RH_OTHER) < 0)
		return -1;
	return fputs("</g>\n", st->fp) == EOF ? -1 : 0;
}

/* rh_unseries - a campaign counted before the store kept hours: a thin
 * line over its span, so that it is not mistaken for an empty row */
static int rh_unseries(const struct rh_state *st,
		       const struct store_campaign *c, double y)
{
	double x = rh_x(st, c->first_seen);
	double w = rh_x(st, c->last_seen) - x;

	return fprintf(st->fp,
		       "<rect class=\"span\" x=\"%.1f\" y=\"%.1f\" "
		       "width=\"%.1f\" height=\"3\" fill=\"%s\"><title>counted "
		       "before hourly counts were kept</title></rect>\n",
		       x, y - 3, w > 3 ? w : 3, RH_OTHER)
		       < 0
		   ? -1
		   : 0;
}

/* rh_row - third walk: a campaign's name, baseline, buckets and totals */
static int rh_row(const struct store_campaign *c, void *ctx)
{
	struct rh_state *st = ctx;
	double y = RH_TOP + (double)(st->row * RH_ROW) + RH_ROW - 6;

	st->drawn = 0;
	if (fputs("<g class=\"campaign\" data-domain=\"", st->fp) == EOF
	    || rh_text(st->fp, c->phished_domain) < 0
	    || fprintf(st->fp,
		       "\">\n<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
		       "y2=\"%.1f\" stroke=\"#999\"/>\n<text x=\"%d\" "
		       "y=\"%.1f\" text-anchor=\"end\" font-size=\"12\">",
		       RH_LEFT, y + 0.5, RH_LEFT + RH_PLOT, y + 0.5,
		       RH_LEFT - 8, y - 4)
		   < 0
	    || rh_text(st->fp, c->phished_domain) < 0
	    || fputs("</text>\n", st->fp) == EOF
	    || store_buckets(st->store, c->phished_domain, st->width, rh_bucket,
			     st)
		   != 0
	    || (st->drawn == 0 && rh_unseries(st, c, y) < 0))
		return -1;
	st->row++;
	return fprintf(st->fp,
		       "<text x=\"%d\" y=\"%.1f\" font-size=\"11\">"
		       "%llu msg, %llu delivered, %llu blocked</text>\n</g>\n",
		       RH_LEFT + RH_PLOT + 8, y - 4, c->n[TRACK_MESSAGES],
		       c->n[TRACK_DELIVERED], rh_blocked(c->n))
		       < 0
		   ? -1
		   : 0;
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
	    || fprintf(st->fp,
		       "</td><td class=\"n\">%llu</td><td class=\"n\">"
		       "%llu</td><td class=\"n\">%llu</td><td>",
		       c->n[TRACK_MESSAGES], c->n[TRACK_DELIVERED],
		       rh_blocked(c->n))
		   < 0
	    || rh_text(st->fp, c->rule) < 0 || fputs("</td><td>", st->fp) == EOF
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
	if (fprintf(st->fp,
		    "<p>%ld campaign(s), first message %s, last %s "
		    "(UTC). ",
		    st->campaigns, first, last)
		< 0
	    || (st->peak > 0
		    ? fprintf(st->fp,
			      "Each bar is one %s of a "
			      "campaign's mail, its height to scale "
			      "(the tallest: %llu).",
			      st->width == RH_HOUR ? "hour" : "day", st->peak)
		    : fputs("No hourly counts yet (counted before the store "
			    "kept them): a thin line runs from a campaign's "
			    "first message to its last.",
			    st->fp))
		   < 0)
		return -1;
	return fprintf(st->fp,
		       "</p>\n<p class=\"key\"><span style=\""
		       "background:%s\"></span>delivered<span style=\""
		       "background:%s\"></span>blocked (rejected or discarded)"
		       "<span style=\"background:%s\"></span>neither yet</p>\n",
		       RH_DELIVERED, RH_BLOCKED, RH_OTHER)
		       < 0
		   ? -1
		   : 0;
}

/* rh_drawing - the SVG timeline, one row per campaign */
static int rh_drawing(struct rh_state *st)
{
	if (fprintf(st->fp,
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "width=\"%d\" height=\"%ld\" role=\"img\" aria-label=\""
		    "campaign timeline\" data-bucket=\"%s\">\n",
		    RH_LEFT + RH_PLOT + RH_RIGHT,
		    RH_TOP + st->campaigns * RH_ROW + 4,
		    st->width == RH_HOUR ? "hour" : "day")
		< 0
	    || rh_axis(st) < 0 || store_campaigns(st->store, rh_row, st) != 0)
		return -1;
	return fputs("</svg>\n", st->fp) == EOF ? -1 : 0;
}

/* rh_body - intro, drawing and table of a store with campaigns */
static int rh_body(struct rh_state *st)
{
	rh_axis_size(st);
	if (store_campaigns(st->store, rh_peak, st) != 0)
		return -1;
	if (rh_intro(st) < 0 || rh_drawing(st) < 0
	    || fputs("<table>\n<tr><th>first seen</th><th>last seen</th>"
		     "<th>phished domain</th><th>messages</th><th>"
		     "delivered</th><th>blocked</th><th>rule</th><th>"
		     "sender domains</th></tr>\n",
		     st->fp)
		   == EOF
	    || store_campaigns(st->store, rh_table_row, st) != 0)
		return -1;
	return fputs("</table>\n", st->fp) == EOF ? -1 : 0;
}

/* reporthtml_print - the whole page */
int reporthtml_print(struct store *store, FILE *fp)
{
	struct rh_state st = {.fp = fp, .store = store};

	if (store_campaigns(store, rh_range, &st) != 0)
		return -1;
	if (fputs(rh_head, fp) == EOF)
		return -1;
	if (st.campaigns == 0) {
		if (fputs("<p>No campaign in the store.</p>\n", fp) == EOF)
			return -1;
	} else if (rh_body(&st) < 0) {
		return -1;
	}
	if (fputs("</body>\n</html>\n", fp) == EOF)
		return -1;
	return fflush(fp) == EOF ? -1 : 0;
}
