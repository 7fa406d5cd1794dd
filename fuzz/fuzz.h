/*
 * fuzz.h - what the libFuzzer harnesses of fuzz/ share.
 *
 * DESCRIPTION
 *	The harnesses run the real modules, linked from libphishwatch.a
 *	built with -fsanitize=fuzzer-no-link,address,undefined.  The
 *	rulebase is rulebase/sendmail.rb of the working directory (make
 *	fuzz runs from the top of the tree), or $PHISHWATCH_RULEBASE.
 *
 *	fuzz_pipeline_open() parses a command line with options_parse()
 *	and builds the program through assembly_open(), as main does
 *	(config_load(): rulebase, access map, labels, brands from the
 *	shipped list data/brands and the access map; then the store's
 *	brands; tracker; pipeline), with an in-memory store, an emitter
 *	writing to /dev/null and, for the access lookups, examples/access
 *	loaded with --learn-labels.  The modules tell their messages to
 *	fuzz_say(), as they tell main's msg_say(): a message must be one
 *	bounded line whatever the input.  The store and tracker keep
 *	state from one input to the next, as a long run does, and are
 *	built anew (assembly_renew(): the config set kept) every
 *	FUZZ_RESET inputs so that memory stays bounded.
 */
#ifndef PHISHWATCH_FUZZ_H
#define PHISHWATCH_FUZZ_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assembly.h"
#include "fuzzsay.h"
#include "options.h"

#define FUZZ_RULEBASE "rulebase/sendmail.rb"
#define FUZZ_ACCESS "examples/access"
#define FUZZ_BRANDS "data/brands"
#define FUZZ_RESET 4096		/* inputs between two fresh stores */
#define FUZZ_LINES_MAX 64	/* lines of one input fed to the pipeline */
#define FUZZ_QUEUE_IDS 1000	/* small, so eviction is exercised */

struct fuzz_pipeline {
	struct options opts;		/* as the command line gives them */
	struct assembly app;		/* built as main builds it */
	struct assembly_plan plan;	/* how, for assembly_renew() */
	unsigned long inputs;
	unsigned long said;		/* messages the modules told */
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

/* fuzz_outputs - assembly_open()'s hook: a store in memory, events to
 * /dev/null */
static int fuzz_outputs(void *ctx, struct assembly *a,
			char err[ASSEMBLY_ERR_MAX])
{
	char why[STORE_ERR_MAX > EMITTER_ERR_MAX ? STORE_ERR_MAX
		 : EMITTER_ERR_MAX];
	struct fuzz_pipeline *fp = ctx;
	const struct say_to say = { fuzz_say, &fp->said };

	a->store = store_open(NULL, why);
	if (a->store != NULL)
		a->emitter = emitter_open("/dev/null", 0, &say, why);
	if (a->store == NULL || a->emitter == NULL) {
		snprintf(err, ASSEMBLY_ERR_MAX, "%s", why);
		return 1;
	}
	return 0;
}

/* fuzz_state_open - the whole program, as main assembles it */
static void fuzz_state_open(struct fuzz_pipeline *fp)
{
	char err[ASSEMBLY_ERR_MAX];

	memset(&fp->plan, 0, sizeof(fp->plan));
	fp->plan.config = &fp->opts.config;
	fp->plan.open_outputs = fuzz_outputs;
	fp->plan.ctx = fp;
	fp->plan.max_queue_ids = fp->opts.max_queue_ids;
	fp->plan.summary_interval = fp->opts.summary_interval;
	fp->plan.input_json = fp->opts.input_json;
	if (assembly_open(&fp->app, &fp->plan, err) != 0)
		fuzz_die(err);
}

/*
 * fuzz_pipeline_open - the options through options_parse(), as a command
 * line of an installation would give them (the shipped brands list, an
 * access map with --learn-labels), and a first program
 */
static void fuzz_pipeline_open(struct fuzz_pipeline *fp, int input_json)
{
	char queue_ids[32];
	char *argv[] = {
		"phishwatch", "-r", NULL, "-a", NULL, "--learn-labels",
		"--default-brands", NULL, "--max-queue-ids", queue_ids,
		"--summary-interval", "3600", "--input",
		input_json ? "json" : "raw", "-o", "/dev/null", NULL
	};
	int argc = (int) (sizeof(argv) / sizeof(argv[0])) - 1;
	char err[OPTIONS_ERR_MAX];

	memset(fp, 0, sizeof(*fp));
	argv[2] = (char *) fuzz_path("PHISHWATCH_RULEBASE", FUZZ_RULEBASE);
	argv[4] = (char *) fuzz_path("PHISHWATCH_ACCESS", FUZZ_ACCESS);
	argv[7] = (char *) fuzz_path("PHISHWATCH_BRANDS", FUZZ_BRANDS);
	snprintf(queue_ids, sizeof(queue_ids), "%d", FUZZ_QUEUE_IDS);
	if (options_parse(argc, argv, &fp->opts, err) != OPTIONS_RUN)
		fuzz_die(err);
	fp->opts.config.say = fuzz_say;
	fp->opts.config.say_ctx = &fp->said;
	fuzz_state_open(fp);
}

/* fuzz_pipeline_feed - every line of data[0..size), then the summaries;
 * a fatal result is a bug here: the store lives in memory and the
 * emitter writes to /dev/null, so nothing can legitimately break */
static void fuzz_pipeline_feed(struct fuzz_pipeline *fp, const char *data,
			       size_t size)
{
	char err[ASSEMBLY_ERR_MAX];
	size_t lines = 0;

	/* A fresh store and tracker on the loaded set: loading the
	 * rulebase again would take longer than libFuzzer's -timeout on a
	 * busy machine. */
	if (++fp->inputs % FUZZ_RESET == 0
	    && assembly_renew(&fp->app, &fp->plan, err) != 0)
		fuzz_die(err);
	while (size > 0 && lines++ < FUZZ_LINES_MAX) {
		const char *nl = memchr(data, '\n', size);
		size_t len = nl != NULL ? (size_t) (nl - data) : size;

		if (pipeline_line(fp->app.pipe, data, len) == PIPELINE_FATAL)
			fuzz_die(pipeline_error(fp->app.pipe));
		if (nl == NULL)
			break;
		size -= len + 1;
		data = nl + 1;
	}
	if (pipeline_summaries(fp->app.pipe, 0) == PIPELINE_FATAL
	    || pipeline_flush(fp->app.pipe) < 0)
		fuzz_die(pipeline_error(fp->app.pipe));
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
