/*
 * test_normalize_json - normalize_json() with the real rulebase/sendmail.rb:
 * rsyslog's mmnormalize objects, good, wrong-typed, hostile and not JSON
 * at all; sendmail's stat= and dsn= to an outcome, a ruleset's verdict
 * to a kind and stage; and every golden pair of tests/rulebase, whose
 * lines must make the same record split here as through the header
 * rules of sendmail-syslog.rb.
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "sendmail_samples.h"
#include "tap.h"

/* json_kind - normalize_json on a C string */
static enum mailrec_kind json_kind(struct normalizer *norm, const char *text,
				 struct mailrec *log)
{
	return normalize_json(norm, text, strlen(text), log);
}

/* test_json_good - mmnormalize objects, wrong-typed fields absent */
static void test_json_good(struct normalizer *norm)
{
	static const char good[] =
		"{ \"relay_ip\": \"217.226.243.182\", \"relay_host\": "
		"\"eu1sysamx113.postini.com\", \"daemon\": \"sm-mta\", "
		"\"proto\": \"SMTP\", \"nrcpts\": \"1\", \"class\": \"0\", "
		"\"size\": \"0\", \"from\": \"bob@emalsrv.marriott.com\", "
		"\"qid\": \"r63IA8dJ004707\", \"pid\": \"4707\", "
		"\"program\": \"sm-mta\", \"hostname\": \"drjemgw\", "
		"\"timestamp\": \"Jul  3 14:12:20\", "
		"\"relay_forged\": \"(may be forged)\", "
		"\"event.tags\": [ \"from\" ] }\n";
	struct mailrec log;

	tap_is_long(json_kind(norm, good, &log), MAILREC_ACCEPTED, "json: from");
	tap_is_str(log.sender, "bob@emalsrv.marriott.com", "  sender");
	tap_is_long(log.mta, MTA_SENDMAIL, "  mta");
	tap_is_str(log.mta_host, "drjemgw", "  mta_host");
	tap_is_str(log.relay_ip, "217.226.243.182", "  relay_ip");
	tap_is_str(log.timestamp, "Jul  3 14:12:20", "  timestamp");
	tap_is_long(log.relay_forged, 1, "  relay_forged");
	tap_is_str(log.recipients, NULL, "  recipients absent");

	tap_is_long(json_kind(norm, "{\"event.tags\":[\"x\",\"ruleset\"],"
			      "\"ruleset\":\"check_mail\",\"discard\":"
			      "\"discard\",\"qid\":\"NOQUEUE\"}", &log),
		    MAILREC_DISCARDED, "json: first known tag counts");
	tap_ok(log.stage == STAGE_MAIL, "  a discard at MAIL");
	tap_is_str(log.qid, NULL, "  NOQUEUE is no queue id");

	tap_is_long(json_kind(norm, "{\"event.tags\":[\"to\"],\"to\":42,"
			      "\"stat\":[\"Sent\"],\"dsn\":null,"
			      "\"relay_host\":\"mx.example\",\"relay_forged\":true,"
			      "\"discard\":1}", &log),
		    MAILREC_DELIVERY, "json: wrong-typed fields");
	tap_ok(log.recipients == NULL && log.status == NULL && log.dsn == NULL
	       && log.outcome == OUTCOME_NONE,
	       "  number, array and null fields are absent");
	tap_is_str(log.relay_host, "mx.example", "  the string field is kept");
	tap_ok(log.relay_forged == 0 && log.stage == STAGE_NONE,
	       "  non-string flags are absent");

	tap_is_long(json_kind(norm, "{\"event.tags\":[\"from\"],"
			      "\"from\":\"<a@evil.example\\u0000@good>\"}",
			      &log),
		    MAILREC_ACCEPTED, "json: string with an escaped NUL");
	tap_is_str(log.sender, NULL, "  is absent, not cut short");
}

/* test_json_bad - what is not an mmnormalize object is unparsed */
static void test_json_bad(struct normalizer *norm)
{
	struct mailrec log;
	char *big;

	tap_is_long(json_kind(norm, "{\"event.tags\":\"from\","
			      "\"from\":\"<a@b>\"}", &log),
		    MAILREC_UNPARSED, "json: tags not an array");
	tap_is_long(json_kind(norm, "{\"event.tags\":[1,{},\"nope\"]}", &log),
		    MAILREC_UNPARSED, "json: no known tag");
	tap_is_long(json_kind(norm, "{\"originalmsg\":\"x\","
			      "\"unparsed-data\":\"x\"}", &log),
		    MAILREC_UNPARSED, "json: liblognorm's no-match object");
	tap_is_long(json_kind(norm, "[{\"event.tags\":[\"from\"]}]", &log),
		    MAILREC_UNPARSED, "json: an array is not an object");
	tap_is_long(json_kind(norm, "\"from\"", &log), MAILREC_UNPARSED,
		    "json: a string is not an object");
	tap_is_long(json_kind(norm, "42", &log), MAILREC_UNPARSED,
		    "json: a number is not an object");
	tap_is_long(json_kind(norm, HDR "r63ICZJq007573: discarded", &log),
		    MAILREC_UNPARSED, "json: a raw log line is not JSON");
	tap_is_long(json_kind(norm, "{\"event.tags\":[\"discarded\"]", &log),
		    MAILREC_UNPARSED, "json: truncated object");
	tap_is_long(json_kind(norm, "{\"event.tags\":[\"discarded\"]} {}",
			      &log),
		    MAILREC_UNPARSED, "json: trailing data");
	tap_is_long(json_kind(norm, "{\"event.tags\":[\"discarded\"]} \r\n",
			      &log),
		    MAILREC_DISCARDED, "json: trailing white space is fine");
	tap_is_long(json_kind(norm, "", &log), MAILREC_UNPARSED, "json: empty");
	tap_is_long(normalize_json(norm, "{\"event.tags\":[\"discarded\"]}\0",
				   30, &log),
		    MAILREC_UNPARSED, "json: NUL byte");
	tap_is_long(json_kind(norm, "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
			      "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],"
			      "\"event.tags\":[\"discarded\"]}", &log),
		    MAILREC_UNPARSED, "json: nesting too deep");

	big = malloc(300000);
	tap_ok(big != NULL, "json: allocate a big object");
	if (big != NULL) {
		size_t n = 0;

		n += (size_t) sprintf(big, "{\"event.tags\":[\"from\"],"
				      "\"from\":\"");
		memset(big + n, 'a', 280000);
		n += 280000;
		memcpy(big + n, "\"}", 3);
		n += 2;
		tap_is_long(normalize_json(norm, big, n, &log),
			    MAILREC_UNPARSED, "json: oversized object refused");
		tap_is_long(normalize_json(norm, big, 1000, &log),
			    MAILREC_UNPARSED, "json: cut object refused");
		free(big);
	}
}

/* test_outcomes - sendmail's stat= and dsn= to a DELIVERY's outcome,
 * through normalize_json() as rsyslog's mmnormalize hands it over */
static void test_outcomes(struct normalizer *norm)
{
	static const struct {
		const char *stat, *dsn;
		enum mailrec_outcome outcome;
	} cases[] = {
		{"Sent (r63ICDA7007088 Message accepted)", "2.0.0", OUTCOME_SENT},
		{"sent", NULL, OUTCOME_SENT},
		{"Deferred: Connection refused by mx.example.", "4.0.0",
		 OUTCOME_DEFERRED},
		{"Deferred", NULL, OUTCOME_DEFERRED},
		{"Operation timed out", "4.4.1", OUTCOME_DEFERRED},
		{"User unknown", "5.1.1", OUTCOME_BOUNCED},
		{"User unknown", NULL, OUTCOME_BOUNCED},
		{"Service unavailable", NULL, OUTCOME_BOUNCED},
		{"Host unknown (Name server: x: host not found)", NULL,
		 OUTCOME_BOUNCED},
		{"Data format error", "5.6.0", OUTCOME_BOUNCED},
		{"queued", NULL, OUTCOME_NONE},
		{NULL, "2.0.0", OUTCOME_NONE},
	};
	char text[512], name[300];
	struct mailrec log;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "{\"event.tags\":[\"to\"],"
			 "\"qid\":\"q1\",\"to\":\"<a@b.example>\"%s%s%s%s%s%s}",
			 cases[i].stat ? ",\"stat\":\"" : "",
			 cases[i].stat ? cases[i].stat : "",
			 cases[i].stat ? "\"" : "",
			 cases[i].dsn ? ",\"dsn\":\"" : "",
			 cases[i].dsn ? cases[i].dsn : "",
			 cases[i].dsn ? "\"" : "");
		snprintf(name, sizeof(name), "stat=%s dsn=%s: a delivery",
			 cases[i].stat ? cases[i].stat : "(none)",
			 cases[i].dsn ? cases[i].dsn : "(none)");
		tap_is_long(normalize_json(norm, text, strlen(text), &log),
			    MAILREC_DELIVERY, name);
		tap_is_long(log.outcome, cases[i].outcome, "  its outcome");
		tap_is_str(log.status, cases[i].stat, "  status is stat=");
		tap_is_str(log.recipients, "<a@b.example>",
			   "  recipients are to=");
	}
}

/* test_rulesets - a ruleset's verdict to a kind and stage, through
 * normalize_json(); the first case of each is a known ruleset */
static void test_rulesets(struct normalizer *norm)
{
	static const struct {
		const char *ruleset, *verdict;
		enum mailrec_kind kind;
		enum mailrec_stage stage;
	} cases[] = {
		{"check_mail", "reject", MAILREC_REFUSED, STAGE_MAIL},
		{"check_rcpt", "reject", MAILREC_REFUSED, STAGE_RCPT},
		{"check_relay", "reject", MAILREC_REFUSED, STAGE_CONNECT},
		{"check_data", "reject", MAILREC_REFUSED, STAGE_DATA},
		{"check_eom", "reject", MAILREC_REFUSED, STAGE_DATA},
		{"check_etrn", "reject", MAILREC_REFUSED, STAGE_OTHER},
		{"check_mail", "discard", MAILREC_DISCARDED, STAGE_MAIL},
		{"check_rcpt", "discard", MAILREC_DISCARDED, STAGE_RCPT},
		{"check_relay", "discard", MAILREC_DISCARDED, STAGE_CONNECT},
		{"tls_server", "discard", MAILREC_DISCARDED, STAGE_OTHER},
		{"check_mail", "quarantine", MAILREC_OTHER, STAGE_NONE},
		{NULL, "reject", MAILREC_OTHER, STAGE_NONE},
	};
	char text[512], name[300];
	struct mailrec log;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "{\"event.tags\":[\"ruleset\"],"
			 "\"program\":\"sm-mta\",\"qid\":\"q1\",%s%s%s"
			 "\"arg1\":\"<x@y.example>\",\"%s\":\"550 no\"}",
			 cases[i].ruleset ? "\"ruleset\":\"" : "",
			 cases[i].ruleset ? cases[i].ruleset : "",
			 cases[i].ruleset ? "\"," : "", cases[i].verdict);
		snprintf(name, sizeof(name), "ruleset=%s %s: %s",
			 cases[i].ruleset ? cases[i].ruleset : "(none)",
			 cases[i].verdict, normalize_kind_name(cases[i].kind));
		tap_is_str(normalize_kind_name(normalize_json(norm, text,
			   strlen(text), &log)),
			   normalize_kind_name(cases[i].kind), name);
		tap_is_long(log.stage, cases[i].stage, "  at its stage");
		tap_is_str(log.sender, cases[i].stage == STAGE_MAIL
			   ? "<x@y.example>" : NULL, "  sender: check_mail's arg1");
		tap_is_str(log.recipients, cases[i].stage == STAGE_RCPT
			   ? "<x@y.example>" : NULL,
			   "  recipients: check_rcpt's arg1");
		tap_is_str(log.reason, cases[i].kind == MAILREC_REFUSED
			   ? "550 no" : NULL, "  reason: reject=");
		tap_is_str(log.qid, "q1", "  the queue id kept");
	}
}

/* same_record - 1 when two records agree in kind and every member */
static int same_record(const struct mailrec *a, const struct mailrec *b,
		       const char **differs)
{
	*differs = "kind";
	if (a->kind != b->kind)
		return 0;
	for (size_t i = 0; i < N_MEMBERS; i++) {
		const char *x = member_value(a, members[i].name);
		const char *y = member_value(b, members[i].name);

		*differs = members[i].name;
		if ((x == NULL) != (y == NULL)
		    || (x != NULL && strcmp(x, y) != 0))
			return 0;
	}
	*differs = "mta, relay_forged, outcome or stage";
	return a->mta == b->mta && a->relay_forged == b->relay_forged
	       && a->outcome == b->outcome && a->stage == b->stage;
}

/* chomp - length of a line without its newline */
static size_t chomp(char *line)
{
	size_t len = strlen(line);

	if (len > 0 && line[len - 1] == '\n')
		line[--len] = '\0';
	return len;
}

/*
 * golden_pair - NAME.in through normalize_line() against NAME.ref
 * (lognormalizer's objects with sendmail-syslog.rb, which golden.t keeps
 * true) through normalize_json(): the header split here and the
 * header rules there must make the same record of every line
 */
static void golden_pair(struct normalizer *norm, struct normalizer *json,
			const char *in_path)
{
	char ref_path[4096], in_line[8192], ref_line[65536], name[4200];
	FILE *in, *ref;
	int n = 0;

	snprintf(ref_path, sizeof(ref_path), "%.*s.ref",
		 (int) (strlen(in_path) - 3), in_path);
	in = fopen(in_path, "r");
	ref = fopen(ref_path, "r");
	if (!tap_ok(in != NULL && ref != NULL, in_path))
		goto done;
	while (fgets(in_line, sizeof(in_line), in) != NULL) {
		struct mailrec a, b;
		const char *differs;

		n++;
		snprintf(name, sizeof(name), "%s:%d: header split agrees "
			 "with sendmail-syslog.rb", strrchr(in_path, '/') + 1, n);
		if (fgets(ref_line, sizeof(ref_line), ref) == NULL) {
			tap_ok(0, name);
			break;
		}
		normalize_line(norm, in_line, chomp(in_line), &a);
		normalize_json(json, ref_line, chomp(ref_line), &b);
		if (!tap_ok(same_record(&a, &b, &differs), name))
			printf("#   %s differs\n", differs);
	}
done:
	if (in != NULL)
		fclose(in);
	if (ref != NULL)
		fclose(ref);
}

/* test_golden - every golden pair of tests/rulebase */
static void test_golden(struct normalizer *norm, const char *top,
			const char *rulebase)
{
	char pattern[4096], err[NORMALIZE_ERR_MAX];
	/* its own normalizer: the two records must live side by side */
	struct normalizer *json = normalize_open(rulebase, err);
	glob_t g;

	snprintf(pattern, sizeof(pattern), "%s%stests/rulebase/*.in",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	if (!tap_ok(json != NULL, "a second normalizer for the .ref objects"))
		return;
	if (tap_ok(glob(pattern, 0, NULL, &g) == 0 && g.gl_pathc >= 20,
		   "golden pairs found")) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			golden_pair(norm, json, g.gl_pathv[i]);
	}
	globfree(&g);
	normalize_close(json);
}

int main(void)
{
	const char *top = getenv("TOP");
	char path[4096];
	struct normalizer *norm = samples_open(top, path, sizeof(path));

	if (norm == NULL) {
		printf("Bail out! rulebase/sendmail.rb does not load\n");
		return 2;
	}
	test_json_good(norm);
	test_json_bad(norm);
	test_outcomes(norm);
	test_rulesets(norm);
	test_golden(norm, top, path);
	normalize_close(norm);
	return tap_done();
}
