/*
 * rulebase - load one liblognorm v2 rulebase, failing on any rule error.
 *
 * DESCRIPTION
 *	normalize loads each MTA's rulebase through rulebase_load(), which
 *	makes liblognorm's rule errors (reported only through a callback,
 *	the load still "succeeding") and a missing "version=2" line fail
 *	the load with "file:line: reason".  The struct rulebase is the
 *	callbacks' cookie: it must not move while its context lives.
 */
#ifndef PHISHWATCH_RULEBASE_H
#define PHISHWATCH_RULEBASE_H

#define RULEBASE_ERR_MAX 512 /* room for "file:line: reason" */

struct ln_ctx_s; /* liblognorm's ln_ctx */

struct rulebase {
	struct ln_ctx_s *ctx;       /* NULL: nothing loaded */
	const char *path;           /* only while loading */
	int errors;                 /* error callbacks while loading */
	char err[RULEBASE_ERR_MAX]; /* the first of them */
};

/* rulebase_load - rules->ctx with the rulebase at path loaded; -1 with
 * the reason in err (and nothing loaded) */
int rulebase_load(struct rulebase *rules, const char *path,
		  char err[RULEBASE_ERR_MAX]);

/* rulebase_unload - free what rulebase_load() made */
void rulebase_unload(struct rulebase *rules);

#endif
