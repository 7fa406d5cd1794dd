/*
 * fuzz.h - what the libFuzzer harnesses of fuzz/ share.
 *
 * DESCRIPTION
 *	The harnesses run the real modules, linked from libphishwatch.a
 *	built with -fsanitize=fuzzer-no-link,address,undefined.  The
 *	rulebase is rulebase/sendmail.rb of the working directory (make
 *	fuzz runs from the top of the tree), or $PHISHWATCH_RULEBASE.
 *
 *	fuzz_pipeline_open() wires a pipeline as main does (config_load(),
 *	then config_learn_store() of each new store), with an in-memory
 *	store, an emitter writing to /dev/null and, for the
 *	access lookups, examples/access loaded with --learn-labels.  The
 *	store and tracker keep state from one input to the next, as a long
 *	run does, and are made anew every FUZZ_RESET inputs so that memory
 *	stays bounded.
 */
#ifndef PHISHWATCH_FUZZ_H
#define PHISHWATCH_FUZZ_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "counters.h"
#include "emitter.h"
#include "pipeline.h"
#include "store.h"
#include "tracker.h"

#define FUZZ_RULEBASE "rulebase/sendmail.rb"
#define FUZZ_ACCESS "examples/access"
#define FUZZ_RESET 4096		/* inputs between two fresh stores */
#define FUZZ_LINES_MAX 64	/* lines of one input fed to the pipeline */
#define FUZZ_QUEUE_IDS 1000	/* small, so eviction is exercised */

struct fuzz_pipeline {
	struct config_options opts;
	struct config_set config;
	struct store *store;
	struct emitter *emitter;
	struct tracker *tracker;
	struct counters counters;
	struct pipeline *pipe;
	unsigned long inputs;
	int input_json;
};

/* fuzz_die - a harness that cannot start is a broken harness */
static void fuzz_die(const char *what)
{
	fprintf(stderr, "fuzz: cannot set up: %s\n", what);
	abort();
}

/* fuzz_path - an environment override or the default */
static const char *fuzz_path(const char *env, const char *dflt)
{
	const char *value = getenv(env);

	return value != NULL && *value != '\0' ? value : dflt;
}

/* fuzz_state_open - a fresh store, tracker and pipeline */
static void fuzz_state_open(struct fuzz_pipeline *fp)
{
	char err[STORE_ERR_MAX];
	struct pipeline_parts parts;

	fp->store = store_open(NULL, err);
	fp->tracker = tracker_new(FUZZ_QUEUE_IDS, TRACKER_DEFAULT_WINDOW);
	if (fp->store == NULL || fp->tracker == NULL)
		fuzz_die("store or tracker");
	/* The brands main learns from its store, learned the same way. */
	if (config_learn_store(&fp->config, fp->store) < 0)
		fuzz_die("brands from the store");
	memset(&parts, 0, sizeof(parts));
	parts.config = &fp->config;
	parts.store = fp->store;
	parts.emitter = fp->emitter;
	parts.tracker = fp->tracker;
	parts.counters = &fp->counters;
	parts.input_json = fp->input_json;
	parts.summary_interval = 3600;	/* summaries take part too */
	fp->pipe = pipeline_new(&parts);
	if (fp->pipe == NULL)
		fuzz_die("pipeline");
}

/* fuzz_state_close - release what fuzz_state_open made */
static void fuzz_state_close(struct fuzz_pipeline *fp)
{
	pipeline_free(fp->pipe);
	tracker_free(fp->tracker);
	store_close(fp->store);
	fp->pipe = NULL;
	fp->tracker = NULL;
	fp->store = NULL;
}

/* fuzz_pipeline_open - configuration, emitter and a first state */
static void fuzz_pipeline_open(struct fuzz_pipeline *fp, int input_json)
{
	char err[EMITTER_ERR_MAX];

	memset(fp, 0, sizeof(*fp));
	fp->input_json = input_json;
	fp->opts.rulebase = fuzz_path("PHISHWATCH_RULEBASE", FUZZ_RULEBASE);
	fp->opts.access_files[0] = fuzz_path("PHISHWATCH_ACCESS", FUZZ_ACCESS);
	fp->opts.access_count = 1;
	fp->opts.learn_labels = 1;
	if (config_load(&fp->opts, &fp->config) != 0)
		fuzz_die("rulebase or access map (run from the source tree)");
	fp->emitter = emitter_open("/dev/null", 0, NULL, err);
	if (fp->emitter == NULL)
		fuzz_die(err);
	fuzz_state_open(fp);
}

/* fuzz_pipeline_feed - every line of data[0..size), then the summaries;
 * a fatal result is a bug here: the store lives in memory and the
 * emitter writes to /dev/null, so nothing can legitimately break */
static void fuzz_pipeline_feed(struct fuzz_pipeline *fp, const char *data,
			       size_t size)
{
	size_t lines = 0;

	if (++fp->inputs % FUZZ_RESET == 0) {
		fuzz_state_close(fp);
		fuzz_state_open(fp);
	}
	while (size > 0 && lines++ < FUZZ_LINES_MAX) {
		const char *nl = memchr(data, '\n', size);
		size_t len = nl != NULL ? (size_t) (nl - data) : size;

		if (pipeline_line(fp->pipe, data, len) == PIPELINE_FATAL)
			fuzz_die(pipeline_error(fp->pipe));
		if (nl == NULL)
			break;
		size -= len + 1;
		data = nl + 1;
	}
	if (pipeline_summaries(fp->pipe, 0) == PIPELINE_FATAL
	    || pipeline_flush(fp->pipe) < 0)
		fuzz_die(pipeline_error(fp->pipe));
}

/*
 * FUZZ_PIPELINE_HARNESS - the libFuzzer entry points of a harness that
 * feeds its input to the pipeline, raw lines (0) or JSON lines (1).
 * The rulebase loads in LLVMFuzzerInitialize, before -timeout's clock.
 */
#define FUZZ_PIPELINE_HARNESS(input_json)				\
	static struct fuzz_pipeline fuzz;				\
	int LLVMFuzzerInitialize(int *argc, char ***argv);		\
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);	\
	int LLVMFuzzerInitialize(int *argc, char ***argv)		\
	{								\
		(void) argc;						\
		(void) argv;						\
		fuzz_pipeline_open(&fuzz, (input_json));		\
		return 0;						\
	}								\
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)	\
	{								\
		fuzz_pipeline_feed(&fuzz, (const char *) data, size);	\
		return 0;						\
	}

#endif
