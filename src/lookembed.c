/*
 * NAME
 *	lookembed - a brand's whole domain at the front of someone else's
 *	host
 * SUMMARY
 *	paypal.com.verify-id.info, metamask.io-restore.net: each name that
 *	starts at a label below the registrable domain and ends where the
 *	host goes on with a dot or a hyphen is asked for.
 * DESCRIPTION
 *	A name is asked for only when it has two labels or more and ends
 *	before the host does, so the registrable domain itself is never
 *	asked (lookalike.c judged it already) and a hostname of 253 bytes
 *	makes at most 2 * LOOKEMBED_LABELS_MAX questions a label.  The
 *	hyphen end is the first hyphen of a label: a suffix has none
 *	(com-omisego.com is com, then a hyphen).  The zone is where the
 *	host goes on after a dot: the domain the phisher registered
 *	(verify-id.info), or, below a host that no public suffix marks as
 *	one, the customer's part of it (u12.cp.hoster.net).
 */
#include <string.h>

#include "hostname.h"
#include "lookembed.h"

/* lookembed_ask - the brand that host[start..end) names */
static const void *lookembed_ask(const char *start, const char *end,
				 lookembed_named_fn named, const void *ctx)
{
	return named(ctx, start, (size_t)(end - start));
}

/* lookembed_from - the brand whose domain starts at start, followed by
 * a dot or a hyphen, which *end points to */
static const void *lookembed_from(const char *start, lookembed_named_fn named,
				  const void *ctx, const char **end)
{
	const char *label = strchr(start, '.');

	/* label: the dot before the name's next label */
	for (int labels = 1; label != NULL && labels < LOOKEMBED_LABELS_MAX;
	     labels++) {
		const char *next = strchr(label + 1, '.');
		size_t len = next != NULL ? (size_t)(next - label - 1)
					  : strlen(label + 1);
		const char *hyphen = memchr(label + 1, '-', len);
		const void *brand;

		if (hyphen != NULL
		    && (brand = lookembed_ask(start, hyphen, named, ctx))
			   != NULL) {
			*end = hyphen;
			return brand;
		}
		if (next == NULL)
			return NULL; /* the name would be the host's end */
		if ((brand = lookembed_ask(start, next, named, ctx)) != NULL) {
			*end = next;
			return brand;
		}
		label = next;
	}
	return NULL;
}

/* lookembed_zone - what follows the brand's domain at end: the domain
 * after its dot when that lies below reg, else reg */
static const char *lookembed_zone(const char *end, const char *reg)
{
	return *end == '.' && end + 1 < reg ? end + 1 : reg;
}

/* lookembed_find - each label before reg as the start of a brand's
 * domain */
const void *lookembed_find(const char *host, const char *reg,
			   lookembed_named_fn named, const void *ctx,
			   const char **zone)
{
	if (host == NULL || reg == NULL || named == NULL || zone == NULL)
		return NULL;
	for (const char *start = host; start != NULL && start < reg;
	     start = hostname_parent(start)) {
		const char *end = NULL;
		const void *brand = lookembed_from(start, named, ctx, &end);

		if (brand != NULL) {
			*zone = lookembed_zone(end, reg);
			return brand;
		}
	}
	return NULL;
}
