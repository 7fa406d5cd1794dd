/*
 * verdict - is this sender a phish (see verdict.h).
 */
#include "access.h"
#include "hostcache.h"
#include "lookalike.h"
#include "verdict.h"

/* verdict_caches - the host caches, emptied when the set's generation
 * moved since they were filled */
static void verdict_caches(struct config_set *cfg)
{
	if (cfg->ordinary_generation != cfg->generation) {
		hostcache_clear(cfg->ordinary);
		suspcache_clear(cfg->suspicious);
		cfg->ordinary_generation = cfg->generation;
	}
}

/* verdict_of - lookalike first, then the label rule; either answer is
 * kept for the host's next line (a campaign's hosts repeat as much as
 * ordinary ones, and each from= line is judged on both paths) */
int verdict_of(struct config_set *cfg, const char *host, struct detection *d,
	       const char **key)
{
	int lookalike;

	verdict_caches(cfg);
	*key = host;
	if (hostcache_has(cfg->ordinary, host))
		return 0;
	if (suspcache_get(cfg->suspicious, host, d, &lookalike)) {
		if (lookalike)
			*key = d->registrable;
		return 1;
	}
	lookalike = lookalike_check(cfg->look, host, d);
	if (lookalike || detector_check(cfg->det, host, d)) {
		suspcache_put(cfg->suspicious, host, d, lookalike);
		if (lookalike)
			*key = d->registrable;
		return 1;
	}
	hostcache_add(cfg->ordinary, host);
	return 0;
}

/* verdict_access - blocked, known, or unknown to the access map */
enum campaign_access verdict_access(const struct config_set *cfg,
				    const struct sender *s,
				    const struct detection *d)
{
	char spelled[HOSTNAME_UTF8_MAX + 1];
	const char *host = sender_spelling(s, s->host, spelled);

	if (access_sender_blocked(cfg->access, s->local[0] ? s->local : NULL,
				  host))
		return CAMPAIGN_BLOCKED;
	if (access_blocks_under(cfg->access, d->phished_domain))
		return CAMPAIGN_MAP_KNOWN;
	return CAMPAIGN_UNKNOWN;
}

/* verdict_learn_brand - a new brand can make an ordinary host
 * suspicious; while a new set loads, it is the new set's too */
int verdict_learn_brand(struct config_set *cfg, const char *brand)
{
	size_t before = lookalike_brand_count(cfg->look);
	int status = lookalike_learn_brand(cfg->look, brand);

	if (lookalike_brand_count(cfg->look) != before)
		cfg->generation++;
	if (cfg->journal != NULL && config_names_add(cfg->journal, brand) < 0)
		cfg->journal->overflowed = 1; /* read from the store */
	return status;
}
