/*
 * report - the campaign chronology (see report.h).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "ecsjson.h"
#include "logtime.h"
#include "report.h"

/* report_date - "2013-07-23 14:12" (UTC) */
static void report_date(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL
	    || strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, size, "?");
}

/* report_blocked - what the site refused: rejected plus discarded */
static unsigned long long report_blocked(const struct store_campaign *c)
{
	return c->n[TRACK_REJECTED] + c->n[TRACK_DISCARDED];
}

/* report_text_row - one line of the table */
static int report_text_row(const struct store_campaign *c, void *ctx)
{
	FILE *fp = ctx;
	char first[32];

	report_date(c->first_seen, first, sizeof(first));
	if (fprintf(fp, "%-16s  %-28s %8llu %9llu %8llu  %s\n", first,
		    c->phished_domain, c->n[TRACK_MESSAGES],
		    c->n[TRACK_DELIVERED], report_blocked(c), c->senders)
	    < 0)
		return -1;
	return 0;
}

/* report_add - obj[key] = value, -1 when libfastjson is out of memory */
static int report_add(struct json_object *obj, const char *key,
		      struct json_object *value)
{
	if (value == NULL)
		return -1;
	json_object_object_add(obj, key, value);
	return 0;
}

/* report_senders - the comma list as a JSON array */
static struct json_object *report_senders(const char *list)
{
	struct json_object *array = ecsjson_new_array();
	const char *p = list;

	while (array != NULL && *p != '\0') {
		size_t n = strcspn(p, ",");
		struct json_object *host =
		    json_object_new_string_len(p, (int)n);

		if (host == NULL || json_object_array_add(array, host) != 0) {
			json_object_put(host);
			json_object_put(array);
			return NULL;
		}
		p += n + (p[n] == ',');
	}
	return array;
}

/* report_mtas - "mx1=20,mx2=30" as {"mx1": 20, "mx2": 30} */
static struct json_object *report_mtas(const char *list)
{
	struct json_object *obj = json_object_new_object();
	const char *p = list;

	while (obj != NULL && *p != '\0') {
		size_t n = strcspn(p, ",");
		const char *eq = memchr(p, '=', n);
		char name[256];

		if (eq != NULL && (size_t)(eq - p) < sizeof(name)) {
			memcpy(name, p, (size_t)(eq - p));
			name[eq - p] = '\0';
			if (report_add(obj, name,
				       json_object_new_int64(
					   strtoll(eq + 1, NULL, 10)))
			    < 0) {
				json_object_put(obj);
				return NULL;
			}
		}
		p += n + (p[n] == ',');
	}
	return obj;
}

/* report_json_object - one campaign with every counter */
static struct json_object *report_json_object(const struct store_campaign *c)
{
	static const char *const names[TRACK_COUNTERS] = {
	    "messages", "recipients", "delivered", "deferred",
	    "bounced",  "rejected",   "discarded"};
	struct json_object *obj = json_object_new_object();
	char first[32], last[32];
	struct timespec t = {0, 0};
	int failed = obj == NULL;

	t.tv_sec = c->first_seen;
	failed |= logtime_format(&t, first, sizeof(first)) < 0;
	t.tv_sec = c->last_seen;
	failed |= logtime_format(&t, last, sizeof(last)) < 0;
	failed =
	    failed
	    || report_add(obj, "first_seen", json_object_new_string(first))
	    || report_add(obj, "last_seen", json_object_new_string(last))
	    || report_add(obj, "phished_domain",
			  json_object_new_string(c->phished_domain))
	    || report_add(obj, "rule", json_object_new_string(c->rule))
	    || report_add(obj, "sender_domains", report_senders(c->senders))
	    || report_add(obj, "blocked",
			  json_object_new_int64((int64_t)report_blocked(c)))
	    || report_add(obj, "relays",
			  json_object_new_int64((int64_t)c->relays))
	    || report_add(obj, "mtas", report_mtas(c->mtas));
	for (int i = 0; i < TRACK_COUNTERS && !failed; i++)
		failed = report_add(obj, names[i],
				    json_object_new_int64((int64_t)c->n[i]));
	if (failed) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

/* report_json_row - one JSON line */
static int report_json_row(const struct store_campaign *c, void *ctx)
{
	FILE *fp = ctx;
	struct json_object *obj = report_json_object(c);
	const char *text;
	int status = -1;

	if (obj == NULL) {
		errno = ENOMEM;
		return -1;
	}
	text = json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN);
	if (text != NULL && fprintf(fp, "%s\n", text) >= 0)
		status = 0;
	json_object_put(obj);
	return status;
}

/* report_print - header (text only), then one row per campaign */
int report_print(struct store *store, FILE *fp, int json)
{
	if (!json
	    && fprintf(fp, "%-16s  %-28s %8s %9s %8s  %s\n", "first seen (UTC)",
		       "phished domain", "messages", "delivered", "blocked",
		       "sender domains")
		   < 0)
		return -1;
	if (store_campaigns(store, json ? report_json_row : report_text_row, fp)
	    != 0)
		return -1;
	return fflush(fp) == EOF ? -1 : 0;
}
