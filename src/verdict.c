/*
 * verdict - is this sender a phish (see verdict.h).
 */
#include "access.h"
#include "hostcache.h"
#include "lookalike.h"
#include "verdict.h"

/* verdict_cache - the ordinary-host cache, emptied when the set's
 * generation moved since it was filled */
static struct hostcache *verdict_cache(struct config_set *cfg)
{
	if (cfg->ordinary_generation != cfg->generation) {
		hostcache_clear(cfg->ordinary);
		cfg->ordinary_generation = cfg->generation;
	}
	return cfg->ordinary;
}

/* verdict_of - lookalike first, then the label rule */
int verdict_of(struct config_set *cfg, const char *host,
	       struct detection *d, const char **key)
{
	struct hostcache *ordinary = verdict_cache(cfg);

	*key = host;
	if (hostcache_has(ordinary, host))
		return 0;
	if (lookalike_check(cfg->look, host, d)) {
		*key = d->registrable;
		return 1;
	}
	if (detector_check(cfg->det, host, d))
		return 1;
	hostcache_add(ordinary, host);
	return 0;
}

/* verdict_access - blocked, known, or unknown to the access map */
enum campaign_access verdict_access(const struct config_set *cfg,
				    const char *local, const char *host,
				    const struct detection *d)
{
	if (access_sender_blocked(cfg->access, local, host))
		return CAMPAIGN_BLOCKED;
	if (access_blocks_under(cfg->access, d->phished_domain))
		return CAMPAIGN_MAP_KNOWN;
	return CAMPAIGN_UNKNOWN;
}

/* verdict_learn_brand - a new brand can make an ordinary host suspicious */
int verdict_learn_brand(struct config_set *cfg, const char *brand)
{
	size_t before = lookalike_brand_count(cfg->look);
	int status = lookalike_learn_brand(cfg->look, brand);

	if (lookalike_brand_count(cfg->look) != before)
		cfg->generation++;
	return status;
}
