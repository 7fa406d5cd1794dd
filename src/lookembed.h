/*
 * lookembed - a brand's whole domain at the front of someone else's host.
 *
 * DESCRIPTION
 *	Phishers register a throwaway domain and put the brand's domain in
 *	front of it, where a reader looks first: paypal.com.verify-id.info,
 *	myetherwallet.com.signmsg.icu, or glued to the registered label by
 *	a hyphen: metamask.io-restore.net, ethereum.org-giveaway.live.
 *	The registrable domain (verify-id.info, io-restore.net) imitates
 *	nothing, so the label rules never see the brand; this looks for it
 *	in the labels below.
 *
 *	lookembed_find() tries each label of the host that starts before
 *	its registrable domain, and each end after one to
 *	LOOKEMBED_LABELS_MAX more labels where the host goes on with a dot
 *	or a hyphen, and asks the caller whether that name is a brand's
 *	domain.  Only whole domains count: the brand's label alone below
 *	another domain (paypal.zendesk.com) is how help desks and mail
 *	services name their customers' tenants.
 */
#ifndef PHISHWATCH_LOOKEMBED_H
#define PHISHWATCH_LOOKEMBED_H

#include <stddef.h>

/* Labels of a brand's domain at most: staples.co.uk has 3. */
#define LOOKEMBED_LABELS_MAX 4

/* The brand whose domain (or a family domain) name[0..len) is, or NULL. */
typedef const void *(*lookembed_named_fn)(const void *ctx, const char *name,
					  size_t len);

/*
 * lookembed_find - the brand whose domain begins at a label of host
 * before reg (the registrable domain of host, a pointer into it) and is
 * followed by a dot or a hyphen; NULL when none.  *zone (a pointer into
 * host) is then what its access line is to block: the host after the
 * brand's domain and its dot when that lies below reg
 * (u12.cp.hoster.net of paypal.com.u12.cp.hoster.net: a hosting
 * company's customer, not the company), else reg (verify-id.info of
 * paypal.com.verify-id.info, io-restore.net of metamask.io-restore.net).
 * host is a validated hostname of at most HOSTNAME_MAX bytes.
 */
const void *lookembed_find(const char *host, const char *reg,
			   lookembed_named_fn named, const void *ctx,
			   const char **zone);

#endif
