/*
 * NAME
 *	detector - is this sender host a phish, and of which brand?
 * SUMMARY
 *	Suspicious left-most labels below a registrable domain (libpsl).
 * DESCRIPTION
 *	The campaigns of the story send from made-up hosts under the brand
 *	they spoof: emalsrv.marriott.com, complains.linkedin.com.  A host
 *	is suspicious when its left-most label is in the label set and the
 *	host lies strictly below its registrable domain, which libpsl's
 *	built-in Public Suffix List gives (ICANN and private sections, as
 *	psl_registrable_domain() does).  The phished domain is that
 *	registrable domain.  "emalsrv.com" is not suspicious: there the
 *	label is the registrable domain itself, a name somebody owns, not
 *	a brand being imitated.
 *
 *	The label set is a strmap, so a check costs one hash of the first
 *	label and one libpsl lookup.  detector_set_labels() builds the new
 *	set aside and swaps it in only when every item is valid, so a bad
 *	list leaves the old set in place.
 *
 *	Hosts must already be validated and lower-cased (hostname.h);
 *	labels given here are validated as LDH labels and lower-cased.
 * DIAGNOSTICS
 *	detector_set_labels() writes the reason for a bad list into the
 *	caller's buffer, quoting the item bounded; nothing is printed.
 */
#include <libpsl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blank.h"
#include "detector.h"
#include "strmap.h"

/* A handful of labels is normal; the map grows if a list is longer. */
#define DETECTOR_LABELS_EXPECTED 16

/* Bad items are quoted in messages at most this long. */
#define DETECTOR_QUOTE_MAX 64

struct detector {
	const psl_ctx_t *psl;  /* built in to libpsl, never freed */
	struct strmap *labels; /* label -> the detector (a member) */
};

/* detector_label - lower-case copy of a valid LDH label, or -1 */
static int detector_label(const char *text, size_t len,
			  char out[HOSTNAME_LABEL_MAX + 1])
{
	if (len == 0 || len > HOSTNAME_LABEL_MAX || text[0] == '-'
	    || text[len - 1] == '-')
		return -1;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
			   || c == '-'))
			return -1;
		out[i] = (char)c;
	}
	out[len] = '\0';
	return 0;
}

/* detector_put - add a valid label to a label map */
static int detector_put(struct detector *det, struct strmap *labels,
			const char *text, size_t len)
{
	char label[HOSTNAME_LABEL_MAX + 1];

	if (detector_label(text, len, label) < 0)
		return -1;
	return strmap_put(labels, label, det, NULL);
}

/* detector_new - a detector with the default label set */
struct detector *detector_new(void)
{
	struct detector *det = calloc(1, sizeof(*det));
	char err[128];

	if (det == NULL)
		return NULL;
	det->psl = psl_builtin();
	if (det->psl == NULL)
		goto fail;
	if (detector_set_labels(det, DETECTOR_DEFAULT_LABELS, err, sizeof(err))
	    < 0)
		goto fail;
	return det;
fail:
	detector_free(det);
	return NULL;
}

/* detector_free - release the detector */
void detector_free(struct detector *det)
{
	if (det == NULL)
		return;
	strmap_free(det->labels, NULL);
	free(det);
}

/* detector_parse_labels - every item of a comma list into labels */
static int detector_parse_labels(struct detector *det, struct strmap *labels,
				 const char *list, char *err, size_t err_size)
{
	size_t pos = 0;
	unsigned item = 0;

	for (;;) {
		const char *comma = strchr(list + pos, ',');
		size_t stop =
		    comma != NULL ? (size_t)(comma - list) : strlen(list);
		const char *word = list + pos;
		size_t len = stop - pos;

		item++;
		blank_trim(&word, &len);
		if (len == 0) {
			snprintf(err, err_size,
				 "item %u of the label list "
				 "is empty",
				 item);
			return -1;
		}
		if (detector_put(det, labels, word, len) < 0) {
			int quote = len < DETECTOR_QUOTE_MAX
					? (int)len
					: DETECTOR_QUOTE_MAX;

			snprintf(err, err_size,
				 "item %u \"%.*s\" is not a "
				 "label (letters, digits, inner hyphens; "
				 "at most %d)",
				 item, quote, word, HOSTNAME_LABEL_MAX);
			return -1;
		}
		if (comma == NULL)
			return 0;
		pos = stop + 1;
	}
}

/* detector_set_labels - replace the label set, or keep it on error */
int detector_set_labels(struct detector *det, const char *list, char *err,
			size_t err_size)
{
	char scratch[1];
	struct strmap *labels;

	if (err == NULL || err_size == 0) {
		err = scratch;
		err_size = sizeof(scratch);
	}
	err[0] = '\0';
	if (list == NULL) {
		snprintf(err, err_size, "no label list");
		return -1;
	}
	labels = strmap_new(DETECTOR_LABELS_EXPECTED);
	if (labels == NULL) {
		snprintf(err, err_size, "out of memory");
		return -1;
	}
	if (detector_parse_labels(det, labels, list, err, err_size) < 0) {
		strmap_free(labels, NULL);
		return -1;
	}
	strmap_free(det->labels, NULL);
	det->labels = labels;
	return 0;
}

/* detector_add_label - one more label */
int detector_add_label(struct detector *det, const char *label)
{
	if (label == NULL)
		return -1;
	return detector_put(det, det->labels, label,
			    strnlen(label, HOSTNAME_LABEL_MAX + 1));
}

/* detector_below - the registrable domain of host when host lies
 * strictly below it, else NULL; a pointer into host */
static const char *detector_below(const struct detector *det, const char *host)
{
	const char *reg;

	if (host == NULL || strnlen(host, HOSTNAME_MAX + 1) > HOSTNAME_MAX)
		return NULL;
	reg = psl_registrable_domain(det->psl, host);
	if (reg == NULL || reg == host)
		return NULL;
	return reg;
}

/* detector_learn_from_host - add the first label of a blocked subdomain */
int detector_learn_from_host(struct detector *det, const char *host)
{
	char label[HOSTNAME_LABEL_MAX + 1];
	const char *dot;

	if (detector_below(det, host) == NULL)
		return 0;
	dot = strchr(host, '.');
	if (detector_label(host, (size_t)(dot - host), label) < 0)
		return -1;
	if (strmap_get(det->labels, label) != NULL)
		return 0;
	return strmap_put(det->labels, label, det, NULL) < 0 ? -1 : 1;
}

/* detector_registrable - libpsl's registrable domain of host */
int detector_registrable(const struct detector *det, const char *host,
			 char out[HOSTNAME_MAX + 1])
{
	const char *reg;

	out[0] = '\0';
	if (host == NULL || strnlen(host, HOSTNAME_MAX + 1) > HOSTNAME_MAX)
		return -1;
	reg = psl_registrable_domain(det->psl, host);
	if (reg == NULL)
		return -1;
	memcpy(out, reg, strlen(reg) + 1);
	return 0;
}

/* detector_check - suspicious label below a registrable domain? */
int detector_check(const struct detector *det, const char *host,
		   struct detection *out)
{
	const char *dot;
	const char *reg;
	size_t label_len;

	if (host == NULL || (dot = strchr(host, '.')) == NULL)
		return 0;
	label_len = (size_t)(dot - host);
	if (strmap_getn(det->labels, host, label_len) == NULL)
		return 0;
	reg = detector_below(det, host);
	if (reg == NULL)
		return 0;
	memcpy(out->phished_domain, reg, strlen(reg) + 1);
	memcpy(out->registrable, reg, strlen(reg) + 1);
	snprintf(out->rule, sizeof(out->rule), "label:%.*s", (int)label_len,
		 host);
	return 1;
}
