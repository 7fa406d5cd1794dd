/*
 * verdict - is this sender a phish, and does the access map know it.
 *
 * DESCRIPTION
 *	The stage after sender.  verdict_of() asks the lookalike index
 *	first (it names the brand imitated, even under an odd label), then
 *	the label rule; a host found ordinary is remembered in the config
 *	set's ordinary-host cache, and a suspicious one with its detection
 *	in the suspicious-host cache, so the next from= line of the same
 *	sender costs one lookup.  It is the one place that decides what an
 *	ordinary sender is: the fast path (before normalize) and the full
 *	path both call it, so they cannot disagree.  It counts nothing.
 *
 *	The caches belong to the config set: a reload builds a new set with
 *	empty caches, and each brand learned while running moves the set's
 *	generation, which empties both at the next verdict.
 *
 *	verdict_access() is what the access map says of a suspicious
 *	sender, in the terms campaign policy reads (campaign.h): blocked
 *	(its host or local part), or its phished domain already blocked.
 *	The host is looked up as the sender wrote it: an MTA's table
 *	holding xn--pypal-4ve.com does not refuse a@p\xd0\xb0ypal.com, sent
 *	with SMTPUTF8, nor the other way round (Postfix 3.7, sendmail
 *	8.17 and Exim 4.96 alike).
 */
#ifndef PHISHWATCH_VERDICT_H
#define PHISHWATCH_VERDICT_H

#include "campaign.h"
#include "config.h"
#include "detector.h"
#include "sender.h"

/* verdict_of - 1 when host (through the gate) is suspicious: d filled,
 * *key what the store and access line name (the host, or a lookalike's
 * whole registrable domain); 0 when ordinary */
int verdict_of(struct config_set *cfg, const char *host, struct detection *d,
	       const char **key);

/* verdict_access - the access map's word on a suspicious sender: its
 * local part (lower-cased, or none) and host, in the spelling it wrote
 * (the MTA's tables match a UTF-8 sender's U-labels, not its A-labels) */
enum campaign_access verdict_access(const struct config_set *cfg,
				    const struct sender *s,
				    const struct detection *d);

/* verdict_learn_brand - a new campaign's phished domain joins the brand
 * index: lookalike_learn_brand()'s answer (1 added, 0 not, -1 errno) */
int verdict_learn_brand(struct config_set *cfg, const char *brand);

#endif
