/*
 * test_pipeline - the stages strung together: pipeline.c over a real
 * config set (rulebase/sendmail.rb), an in-memory store and an event
 * file; verdict.c's ordinary-host cache; config.c's sets.
 *
 *	The fast path (raw lines, prefilter) and the full path (the same
 *	line as mmnormalize JSON) must agree on an ordinary sender; a
 *	suspicious sender's from= line writes one event and one campaign,
 *	its to= line counts for it, the same from= line again writes no
 *	second event; a brand learned while running makes a host cached
 *	as ordinary suspicious; each config set has its own cache.
 *
 *	The rulebase is $TOP/rulebase/sendmail.rb, or rulebase/sendmail.rb
 *	from the current directory when TOP is not set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "config.h"
#include "pipeline.h"
#include "tap.h"
#include "verdict.h"

#define LINE_MAX_TEST 512

static char rulebase[4096];
static char cerr[CONFIG_ERR_MAX];	/* why a set did not load */

#define FROM_LINE "Jul  3 14:12:20 mx1 sm-mta[4707]: %s: from=<%s>, " \
	"size=4210, class=0, nrcpts=1, msgid=<%s@mail.example>, " \
	"proto=ESMTP, daemon=MTA, relay=mail.example.net [203.0.113.7]"
#define TO_LINE "Jul  3 14:12:21 mx1 sm-mta[4708]: %s: to=<r@example.org>, " \
	"delay=00:00:01, xdelay=00:00:01, mailer=local, pri=34210, " \
	"dsn=2.0.0, stat=Sent"
#define FROM_JSON "{\"event.tags\": [\"from\"], \"qid\": \"%s\", " \
	"\"from\": \"<%s>\", \"nrcpts\": \"1\"}"

/* A pipeline and everything it is made of. */
struct rig {
	struct config_options opts;
	struct config_set config;
	struct store *store;
	struct emitter *emitter;
	struct tracker *tracker;
	struct counters counters;
	struct pipeline *pipe;
	char events[64];
};

/* rig_open - a pipeline over an in-memory store, events into a file */
static void rig_open(struct rig *r, int input_json)
{
	char err[STORE_ERR_MAX > EMITTER_ERR_MAX ? STORE_ERR_MAX
		 : EMITTER_ERR_MAX];
	struct pipeline_parts parts = { 0 };
	int fd;

	memset(r, 0, sizeof(*r));
	r->opts.rulebase = rulebase;
	r->opts.max_learned_brands = LOOKALIKE_LEARN_MAX;	/* as main */
	snprintf(r->events, sizeof(r->events), "/tmp/test_pipeline.XXXXXX");
	fd = mkstemp(r->events);
	if (fd >= 0)
		close(fd);
	if (config_load(&r->opts, &r->config, cerr) != 0)
		exit(tap_ok(0, "config_load of the rulebase") + 1);
	r->store = store_open(NULL, err);
	r->emitter = emitter_open(r->events, 0, NULL, err);
	r->tracker = tracker_new(100, TRACKER_DEFAULT_WINDOW);
	parts.config = &r->config;
	parts.store = r->store;
	parts.emitter = r->emitter;
	parts.tracker = r->tracker;
	parts.counters = &r->counters;
	parts.input_json = input_json;
	r->pipe = pipeline_new(&parts);
	if (r->store == NULL || r->emitter == NULL || r->tracker == NULL
	    || r->pipe == NULL)
		exit(tap_ok(0, "store, emitter, tracker, pipeline") + 1);
}

/* rig_close - release it all */
static void rig_close(struct rig *r)
{
	pipeline_free(r->pipe);
	tracker_free(r->tracker);
	emitter_close(r->emitter);
	store_close(r->store, NULL);
	config_free(&r->config);
	unlink(r->events);
}

enum kind { FROM_RAW, TO_RAW, FROM_JSON_LINE };

/* rig_feed - one line of a kind, for qid and address */
static enum pipeline_result rig_feed(struct rig *r, enum kind kind,
				     const char *qid, const char *address)
{
	char line[LINE_MAX_TEST];
	int n;

	if (kind == FROM_RAW)
		n = snprintf(line, sizeof(line), FROM_LINE, qid, address, qid);
	else if (kind == TO_RAW)
		n = snprintf(line, sizeof(line), TO_LINE, qid);
	else
		n = snprintf(line, sizeof(line), FROM_JSON, qid, address);
	return pipeline_line(r->pipe, line, (size_t) n);
}

/* events_in - the lines of the event file */
static long events_in(const char *path)
{
	FILE *fp = fopen(path, "r");
	long n = 0;
	int ch;

	if (fp == NULL)
		return -1;
	while ((ch = getc(fp)) != EOF)
		n += ch == '\n';
	fclose(fp);
	return n;
}

/* counts_of - the first campaign's counts */
static int counts_of(const struct store_campaign *c, void *ctx)
{
	memcpy(ctx, c->n, sizeof(c->n));
	return 1;
}

/* test_ordinary_agrees - fast and full path count an ordinary sender
 * alike, and neither calls it suspicious */
static void test_ordinary_agrees(void)
{
	struct rig raw, json;

	rig_open(&raw, 0);
	rig_open(&json, 1);
	tap_is_long(rig_feed(&raw, FROM_RAW, "q1", "a@example.org"),
		    PIPELINE_DONE, "raw ordinary from=: done");
	tap_is_long(rig_feed(&json, FROM_JSON_LINE, "q1", "a@example.org"),
		    PIPELINE_DONE, "json ordinary from=: done");
	tap_is_long((long) raw.counters.prefiltered, 1,
		    "raw: settled on the fast path");
	tap_is_long((long) json.counters.parsed, 1, "json: the full path");
	tap_is_long((long) raw.counters.senders, 1, "raw: one sender");
	tap_is_long((long) json.counters.senders, 1, "json: one sender");
	tap_is_long((long) (raw.counters.suspicious
			    + json.counters.suspicious), 0,
		    "neither path calls it suspicious");
	rig_close(&raw);
	rig_close(&json);
}

/* test_campaign - event, campaign row, counts, no repeat */
static void test_campaign(void)
{
	struct rig r;
	unsigned long long n[TRACK_COUNTERS] = { 0 };

	rig_open(&r, 0);
	tap_is_long(rig_feed(&r, FROM_RAW, "q2", "a@emalsrv.marriott.com"),
		    PIPELINE_DONE, "suspicious from=: done");
	tap_is_long(rig_feed(&r, TO_RAW, "q2", NULL), PIPELINE_DONE,
		    "its to=: done");
	tap_is_long(rig_feed(&r, FROM_RAW, "q3", "b@emalsrv.marriott.com"),
		    PIPELINE_DONE, "a second message of the campaign");
	tap_is_long(pipeline_flush(r.pipe), 0, "the batch commits");
	tap_is_long((long) r.counters.suspicious, 2, "two suspicious");
	tap_is_long((long) r.counters.events, 1, "one event");
	tap_is_long((long) r.counters.known, 1, "the second one known");
	tap_is_long(events_in(r.events), 1, "one event written");
	store_campaigns(r.store, counts_of, n);
	tap_is_long((long) n[TRACK_MESSAGES], 2, "the campaign: two messages");
	tap_is_long((long) n[TRACK_DELIVERED], 1,
		    "and the to= line's delivery, through the tracker");
	rig_close(&r);
}

/* rig_line - one raw line as it is */
static enum pipeline_result rig_line(struct rig *r, const char *line)
{
	return pipeline_line(r->pipe, line, strlen(line));
}

/* rig_messages - the first campaign's message count, the batch
 * committed */
static long rig_messages(struct rig *r)
{
	unsigned long long n[TRACK_COUNTERS] = { 0 };

	pipeline_flush(r->pipe);
	store_campaigns(r->store, counts_of, n);
	return (long) n[TRACK_MESSAGES];
}

#define PF "Dec  4 20:27:15 mx1 postfix/smtpd[7]: "
#define PF_REJECT(rcpt) PF "NOQUEUE: reject: RCPT from unknown[::1]: 554 " \
	"5.7.1 <" rcpt ">: Recipient address rejected: no; " \
	"from=<a@emalsrv.marriott.com> to=<" rcpt "> proto=ESMTP helo=<c>"

/*
 * test_postfix_edges - smtpd's connect and disconnect are skipped
 * unparsed, but for the one that ends a run of NOQUEUE refusals: its
 * process's next refusal is another message, as the full parse of
 * every edge makes it
 */
static void test_postfix_edges(void)
{
	struct rig r;
	unsigned long long skipped;

	rig_open(&r, 0);
	rig_line(&r, PF "connect from unknown[::1]");
	tap_is_long((long) r.counters.prefiltered, 1,
		    "a connect with no refusal before it: skipped");
	rig_line(&r, PF_REJECT("alice@example.org"));
	rig_line(&r, PF_REJECT("bob@example.org"));
	tap_is_long(rig_messages(&r), 1, "two refused recipients, one message");
	skipped = r.counters.prefiltered;
	rig_line(&r, PF "disconnect from unknown[::1] ehlo=1 mail=1 "
		 "rcpt=0/2 quit=1 commands=3/5");
	tap_ok(r.counters.prefiltered == skipped && r.counters.parsed == 3,
	       "the disconnect that ends them is NOT skipped: parsed");
	rig_line(&r, PF "connect from unknown[::1]");
	tap_is_long((long) (r.counters.prefiltered - skipped), 1,
		    "the next connect: skipped again");
	rig_line(&r, PF_REJECT("alice@example.org"));
	tap_is_long(rig_messages(&r), 2,
		    "the next session's refusal: a message of its own");
	rig_close(&r);
}

#define EX(pid) "Dec  4 20:26:19 mx1 exim[" pid "]: 2026-12-04 " \
	"20:26:19 [" pid "] "
#define EX_REJECT(rcpt) EX("9") "H=(c.example) [::1] " \
	"F=<y@emalsrv.marriott.com> rejected RCPT <" rcpt ">: Sender banned"
#define EX_ARRIVAL(pid, id) EX(pid) id " <= news@lists.debian.org " \
	"H=(c.example) [::1] P=esmtp S=439 id=s8@c.example for b@example.org"

/*
 * test_exim_arrivals - an ordinary sender's arrival is skipped by the
 * sendmail from= path, but not one that ends its process's run of
 * refusals: that one is parsed, and the next refusal is a new message
 */
static void test_exim_arrivals(void)
{
	struct rig r;
	unsigned long long skipped;

	rig_open(&r, 0);
	rig_line(&r, EX_REJECT("bob@example.org"));
	tap_is_long(rig_messages(&r), 1, "an Exim refusal: one message");
	skipped = r.counters.prefiltered;
	rig_line(&r, EX_ARRIVAL("9", "1xZZrH-0003gt-1c"));
	tap_ok(r.counters.prefiltered == skipped && r.counters.parsed == 2,
	       "an ordinary arrival in the same process is NOT skipped");
	rig_line(&r, EX_REJECT("carol@example.org"));
	tap_is_long(rig_messages(&r), 2,
		    "so the refusal after it is another message");
	rig_line(&r, EX("9") "1xZZrH-0003gt-1c Completed");
	rig_line(&r, EX_ARRIVAL("10", "1xZZrH-0003gt-1e"));
	rig_line(&r, EX("11") "1xZZrH-0003gt-1e => b <b@example.org> R=l");
	tap_is_long((long) (r.counters.prefiltered - skipped), 3,
		    "Completed, an ordinary arrival of a process with no run "
		    "open and its delivery: skipped");
	tap_is_long((long) r.counters.senders, 4,
		    "each sender counted, skipped or parsed");
	rig_close(&r);
}

/* test_learned_brand - a brand learned while running empties the
 * ordinary-host cache through the set's generation */
static void test_learned_brand(void)
{
	struct rig r;
	struct detection d;
	const char *key;
	unsigned long generation;

	rig_open(&r, 0);
	tap_is_long(verdict_of(&r.config, "examp1ebank.com", &d, &key), 0,
		    "examp1ebank.com ordinary while examplebank.com is no "
		    "brand");
	generation = r.config.generation;
	tap_is_long(verdict_learn_brand(&r.config, "examplebank.com"), 1,
		    "examplebank.com learned");
	tap_ok(r.config.generation != generation, "the generation moved");
	tap_is_long(verdict_of(&r.config, "examp1ebank.com", &d, &key), 1,
		    "examp1ebank.com suspicious now, not the cached answer");
	tap_is_str(d.phished_domain, "examplebank.com",
		   "it imitates examplebank.com");
	tap_is_str(key, "examp1ebank.com", "keyed by its registrable domain");
	rig_close(&r);
}

/* test_config_sets - a failed load leaves nothing; every set has its
 * own cache, so no answer of an old set survives a reload */
static void test_config_sets(void)
{
	struct config_options opts = { 0 };
	struct config_set a, b;
	struct detection d;
	const char *key;

	opts.rulebase = "/nonexistent/sendmail.rb";
	tap_is_long(config_load(&opts, &a, cerr), EX_NOINPUT,
		    "a missing rulebase: EX_NOINPUT");
	tap_ok(a.norm == NULL && a.ordinary == NULL, "and no set");
	opts.rulebase = rulebase;
	opts.max_learned_brands = LOOKALIKE_LEARN_MAX;
	opts.labels = "zzzz";
	tap_is_long(config_load(&opts, &a, cerr), 0, "set a: no emalsrv label");
	tap_is_long(verdict_of(&a, "emalsrv.marriott.com", &d, &key), 0,
		    "set a: ordinary, and cached");
	opts.labels = NULL;
	tap_is_long(config_load(&opts, &b, cerr), 0, "set b: default labels");
	tap_ok(a.ordinary != b.ordinary, "each set its own cache");
	config_free(&a);
	tap_is_long(verdict_of(&b, "emalsrv.marriott.com", &d, &key), 1,
		    "set b: suspicious");
	config_free(&b);
}

int main(void)
{
	const char *top = getenv("TOP");

	snprintf(rulebase, sizeof(rulebase), "%s%srulebase/sendmail.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	test_ordinary_agrees();
	test_campaign();
	test_postfix_edges();
	test_exim_arrivals();
	test_learned_brand();
	test_config_sets();
	return tap_done();
}
