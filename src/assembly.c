/*
 * assembly - build the program one way (see assembly.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "assembly.h"

/* assembly_pipeline - the tracker and the pipeline over the rest */
static int assembly_pipeline(struct assembly *a,
			     const struct assembly_plan *plan,
			     char err[ASSEMBLY_ERR_MAX])
{
	struct pipeline_parts parts;

	a->tracker = tracker_new(plan->max_queue_ids, TRACKER_DEFAULT_WINDOW);
	if (a->tracker == NULL) {
		snprintf(err, ASSEMBLY_ERR_MAX, "out of memory");
		return EX_OSERR;
	}
	memset(&parts, 0, sizeof(parts));
	parts.config = &a->config;
	parts.tracker = a->tracker;
	parts.summary_interval = plan->summary_interval;
	parts.sender_events = plan->sender_events;
	parts.store = a->store;
	parts.emitter = a->emitter;
	parts.counters = &a->counters;
	parts.input_json = plan->input_json;
	parts.say.fn = plan->config->say;
	parts.say.ctx = plan->config->say_ctx;
	a->pipe = pipeline_new(&parts);
	if (a->pipe == NULL) {
		snprintf(err, ASSEMBLY_ERR_MAX, "out of memory");
		return EX_OSERR;
	}
	return 0;
}

/* assembly_open_run - on a loaded config set: the outputs, the brands
 * of the store, the tracker and the pipeline */
static int assembly_open_run(struct assembly *a,
			     const struct assembly_plan *plan,
			     char err[ASSEMBLY_ERR_MAX])
{
	int status = plan->open_outputs(plan->ctx, a, err);

	if (status != 0)
		return status;
	status = config_learn_store(&a->config, a->store, err);
	if (status != 0)
		return status;
	if (plan->config_only)
		return 0;
	return assembly_pipeline(a, plan, err);
}

/* assembly_close_run - all but the config set, the store last so that
 * it commits; 0, or -1 with the store's failure in err (may be NULL) */
static int assembly_close_run(struct assembly *a, char err[ASSEMBLY_ERR_MAX])
{
	char why[STORE_ERR_MAX];
	int status = 0;

	pipeline_free(a->pipe);
	a->pipe = NULL;
	tracker_free(a->tracker);
	a->tracker = NULL;
	if (a->emitter != NULL)
		emitter_close(a->emitter);
	a->emitter = NULL;
	if (a->store != NULL && store_close(a->store, why) < 0) {
		if (err != NULL)
			snprintf(err, ASSEMBLY_ERR_MAX, "%s", why);
		status = -1;
	}
	a->store = NULL;
	return status;
}

/* assembly_open - config, outputs, store brands, tracker, pipeline */
int assembly_open(struct assembly *a, const struct assembly_plan *plan,
		  char err[ASSEMBLY_ERR_MAX])
{
	int status;

	memset(a, 0, sizeof(*a));
	err[0] = '\0';
	/* The files first: a bad one must not create or lock the store,
	 * nor create the output, of a run that will not happen. */
	status = config_load(plan->config, &a->config, err);
	if (status != 0) {
		a->failed_config = 1;
		return status;
	}
	return assembly_open_run(a, plan, err);
}

/* A journal of more than this many bytes of brands learned while a
 * set loads (some 4,000 new campaigns) is given up: the new set then
 * reads the store's campaigns again when it is swapped in. */
#define ASSEMBLY_JOURNAL_MAX 65536

/* assembly_reload_start - the store's campaigns read here, the rest of
 * the set made on a thread; a second start while one loads only asks
 * for another one after it */
int assembly_reload_start(struct assembly *a, const struct config_options *opts,
			  char err[ASSEMBLY_ERR_MAX])
{
	struct config_names names = {0};
	int status;

	err[0] = '\0';
	a->reload_opts = opts;
	if (a->loading != NULL || a->retiring != NULL) {
		a->reload_again = 1;
		return 0;
	}
	a->reload_again = 0;
	status = config_store_names(&a->config, a->store, &names, err);
	if (status == 0)
		a->loading = confload_start(opts, &names);
	config_names_free(&names);
	if (status == 0 && a->loading == NULL) {
		snprintf(err, ASSEMBLY_ERR_MAX,
			 "cannot start loading the new "
			 "configuration: %s",
			 strerror(errno));
		return EX_OSERR;
	}
	if (status != 0)
		return status;
	a->journal.cap = ASSEMBLY_JOURNAL_MAX;
	a->config.journal = &a->journal;
	return 0;
}

/* assembly_reload_swap - the new set in, with the brands learned while
 * it loaded; the old one to the thread, to free */
static int assembly_reload_swap(struct assembly *a, char err[ASSEMBLY_ERR_MAX])
{
	struct config_set fresh, old;
	int status = confload_take(a->loading, &fresh, err);

	a->config.journal = NULL;
	if (status != 0) {
		config_names_free(&a->journal);
		confload_retire(a->loading, NULL);
		return status;
	}
	status = a->journal.overflowed
		     ? config_learn_store(&fresh, a->store, err)
		     : config_learn_names(&fresh, &a->journal, err);
	config_names_free(&a->journal);
	if (status != 0) {
		confload_retire(a->loading, &fresh);
		return status;
	}
	old = a->config;
	a->config = fresh;
	confload_retire(a->loading, &old);
	return 0;
}

/* assembly_reload_next - the thread that freed an old set joined; the
 * set a SIGHUP asked for meanwhile started: 0, or a status */
static int assembly_reload_next(struct assembly *a, int wait,
				char err[ASSEMBLY_ERR_MAX])
{
	if (a->retiring != NULL && (wait || confload_idle(a->retiring))) {
		confload_join(a->retiring);
		a->retiring = NULL;
	}
	if (a->retiring != NULL || a->loading != NULL || !a->reload_again)
		return 0;
	return assembly_reload_start(a, a->reload_opts, err);
}

/* assembly_reload_poll - between two lines: swap a made set in */
enum assembly_reload assembly_reload_poll(struct assembly *a, int wait,
					  int *status,
					  char err[ASSEMBLY_ERR_MAX])
{
	err[0] = '\0';
	*status = assembly_reload_next(a, wait, err);
	if (*status != 0)
		return ASSEMBLY_RELOAD_FAILED;
	if (a->loading == NULL)
		return ASSEMBLY_RELOAD_IDLE;
	if (wait)
		confload_wait(a->loading);
	else if (!confload_loaded(a->loading))
		return ASSEMBLY_RELOAD_LOADING;
	*status = assembly_reload_swap(a, err);
	a->retiring = a->loading;
	a->loading = NULL;
	return *status == 0 ? ASSEMBLY_RELOAD_SWAPPED : ASSEMBLY_RELOAD_FAILED;
}

/* assembly_reload - a new set, swapped in only when whole */
int assembly_reload(struct assembly *a, const struct config_options *opts,
		    char err[ASSEMBLY_ERR_MAX])
{
	int status = assembly_reload_start(a, opts, err);

	while (status == 0 && (a->loading != NULL || a->reload_again))
		(void)assembly_reload_poll(a, 1, &status, err);
	return status;
}

/* assembly_loading - see assembly.h */
int assembly_loading(const struct assembly *a)
{
	return a->loading != NULL && !confload_loaded(a->loading);
}

/* assembly_renew - the run part closed and opened again, on the same
 * config set */
int assembly_renew(struct assembly *a, const struct assembly_plan *plan,
		   char err[ASSEMBLY_ERR_MAX])
{
	err[0] = '\0';
	if (assembly_close_run(a, err) < 0)
		return EX_CANTCREAT;
	return assembly_open_run(a, plan, err);
}

/* assembly_close - the store last, so that it commits */
int assembly_close(struct assembly *a, char err[ASSEMBLY_ERR_MAX])
{
	int status = assembly_close_run(a, err);

	/* not joined: a reload under way (seconds for a big map) must not
	 * hold up a process told to stop */
	confload_leave(a->loading);
	confload_leave(a->retiring);
	a->config.journal = NULL;
	config_names_free(&a->journal);
	config_free(&a->config);
	memset(a, 0, sizeof(*a));
	return status;
}
