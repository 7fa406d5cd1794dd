/*
 * assembly - the program put together: one way for main, SIGHUP and
 * the fuzz harnesses.
 *
 * DESCRIPTION
 *	assembly_open() builds what runs, in this order: the config set
 *	(config_load(): rulebase, access maps, labels, and the brands of
 *	the files and the access map), so that a bad file stops the run
 *	before any state or output file is created or locked; then the
 *	store and the event output through the caller's open_outputs hook
 *	(main opens them from the command line, the fuzz harnesses in
 *	memory and to /dev/null); then the brands of the store's campaigns
 *	into the set (config_learn_store()); then the tracker and the
 *	pipeline.  assembly_renew() closes and opens again all but the
 *	config set.  Whatever builds a pipeline builds this one, so what
 *	is fuzzed and tested is what ships.
 *
 *	A reload makes a new config set the same way and swaps it in only
 *	when it loaded whole.  On SIGHUP it must not stop the stream:
 *	assembly_reload_start() reads the store's campaigns (the store is
 *	the stream's) and leaves the rest to a thread (confload.h);
 *	assembly_reload_poll(), between two lines, swaps the new set in
 *	once it is made, with the brands the old set learned meanwhile
 *	(new campaigns: a journal of them), and the thread then frees the
 *	old one.  A SIGHUP that comes while a set loads makes another one
 *	after it (a file may have changed after the thread read it).
 *	assembly_reload() does all of it and waits.
 *
 * DIAGNOSTICS
 *	Both return 0, or a sysexits code with why in err; an open_outputs
 *	hook that printed its own message leaves err empty.  failed_config
 *	tells a caller that a file of the set was at fault.
 */
#ifndef PHISHWATCH_ASSEMBLY_H
#define PHISHWATCH_ASSEMBLY_H

#include "config.h"
#include "confload.h"
#include "counters.h"
#include "emitter.h"
#include "pipeline.h"
#include "store.h"
#include "tracker.h"

#define ASSEMBLY_ERR_MAX CONFIG_ERR_MAX

struct assembly {
	struct config_set config;
	struct store *store;     /* NULL: --check with no store yet */
	struct emitter *emitter; /* NULL: --report, --check */
	struct tracker *tracker;
	struct counters counters;
	struct pipeline *pipe;
	int failed_config;         /* 1: config_load() failed */
	struct confload *loading;  /* a new set on its way, or NULL */
	struct confload *retiring; /* freeing an old set, or NULL */
	const struct config_options *reload_opts;
	int reload_again;            /* SIGHUP while a set loaded */
	struct config_names journal; /* brands learned while it loads */
};

enum assembly_reload {
	ASSEMBLY_RELOAD_IDLE,    /* no set loading */
	ASSEMBLY_RELOAD_LOADING, /* still loading */
	ASSEMBLY_RELOAD_SWAPPED, /* the new set runs */
	ASSEMBLY_RELOAD_FAILED   /* the old set runs on: status, err */
};

struct assembly_plan {
	const struct config_options *config;
	/* open_outputs - a->store and a->emitter: 0, or an exit status
	 * (err filled, or left empty after saying why itself) */
	int (*open_outputs)(void *ctx, struct assembly *a,
			    char err[ASSEMBLY_ERR_MAX]);
	void *ctx;
	size_t max_queue_ids;    /* the tracker's capacity */
	time_t summary_interval; /* 0: no campaign summaries */
	long sender_events;      /* per campaign; 0: the default */
	int input_json;          /* lines are mmnormalize JSON */
	int config_only;         /* --check: no tracker, no pipeline */
};

int assembly_open(struct assembly *a, const struct assembly_plan *plan,
		  char err[ASSEMBLY_ERR_MAX]);

/* assembly_reload_start - a new set begins to load (opts must stay
 * until the process ends: assembly_close() does not wait for a set
 * still loading); 0, or a status with why in err (the store
 * could not be read, no thread) */
int assembly_reload_start(struct assembly *a, const struct config_options *opts,
			  char err[ASSEMBLY_ERR_MAX]);

/* assembly_reload_poll - what became of it; wait: until it is made */
enum assembly_reload assembly_reload_poll(struct assembly *a, int wait,
					  int *status,
					  char err[ASSEMBLY_ERR_MAX]);

/* assembly_loading - 1 while a set asked for is still being made */
int assembly_loading(const struct assembly *a);

/* assembly_reload - start, and wait: 0, or a status with why in err */
int assembly_reload(struct assembly *a, const struct config_options *opts,
		    char err[ASSEMBLY_ERR_MAX]);

/*
 * assembly_renew - close all but the config set (the store committed)
 * and open it again through the plan as assembly_open() does: a fresh
 * store, output, tracker and pipeline on the set already loaded.  The
 * fuzz harnesses bound their memory so without loading the rulebase
 * again.  0, or a sysexits code with why in err.
 */
int assembly_renew(struct assembly *a, const struct assembly_plan *plan,
		   char err[ASSEMBLY_ERR_MAX]);

/* assembly_close - release everything, the store last so it commits;
 * a set still loading is left to its thread, which the end of the
 * process ends; 0, or -1 with the store's failure in err (may be NULL) */
int assembly_close(struct assembly *a, char err[ASSEMBLY_ERR_MAX]);

#endif
