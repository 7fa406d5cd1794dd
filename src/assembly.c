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

/* assembly_reload - a new set, swapped in only when whole */
int assembly_reload(struct assembly *a, const struct config_options *opts,
		    char err[ASSEMBLY_ERR_MAX])
{
	struct config_set fresh;
	int status;

	err[0] = '\0';
	status = config_load(opts, &fresh, err);
	if (status != 0)
		return status;
	status = config_learn_store(&fresh, a->store, err);
	if (status != 0) {
		config_free(&fresh);
		return status;
	}
	config_free(&a->config);
	a->config = fresh;
	return 0;
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

	config_free(&a->config);
	memset(a, 0, sizeof(*a));
	return status;
}
