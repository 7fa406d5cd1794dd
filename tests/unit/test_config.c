/*
 * test_config - config.c and assembly.c: a set loads whole or not at
 * all, says why in the caller's buffer and prints nothing; the brands a
 * set learns from the store, once the set loaded and the store opened;
 * a reload that fails keeps the old set; a reload made on a thread
 * swaps in between two lines with the brands learned meanwhile, and a
 * second SIGHUP while it loads makes another set after it.
 *
 *	Each failing load names its file and returns its sysexits code;
 *	stderr is captured around every call and must stay empty (library
 *	modules print nothing: main does).  The rulebase is
 *	$TOP/rulebase/sendmail.rb, or rulebase/sendmail.rb from the
 *	current directory when TOP is not set.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "assembly.h"
#include "tap.h"
#include "verdict.h"

#define PATH_MAX_TEST 4096

static char rulebase[PATH_MAX_TEST];
static char examples_access[PATH_MAX_TEST];
static char stderr_path[] = "/tmp/test_config.XXXXXX";
static int saved_stderr = -1;

/* quiet_begin - stderr into a file of its own, emptied */
static void quiet_begin(void)
{
	int fd = open(stderr_path, O_WRONLY | O_TRUNC);

	fflush(stderr);
	saved_stderr = dup(2);
	if (fd < 0 || saved_stderr < 0 || dup2(fd, 2) < 0)
		exit(tap_ok(0, "stderr redirected") + 1);
	close(fd);
}

/* quiet_end - stderr back; whether nothing was written meanwhile */
static int quiet_end(void)
{
	FILE *f;
	int c;

	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	f = fopen(stderr_path, "r");
	c = f != NULL ? fgetc(f) : 'x';
	if (f != NULL)
		fclose(f);
	return c == EOF;
}

/* options - a set of the rulebase and nothing else */
static void options(struct config_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->rulebase = rulebase;
	opts->max_learned_brands = LOOKALIKE_LEARN_MAX;
}

/* load_fails - config_load() fails with status, names what, prints
 * nothing, and leaves no set */
static void load_fails(const struct config_options *opts, int status,
		       const char *what, const char *name)
{
	char err[CONFIG_ERR_MAX] = "";
	struct config_set set;
	char label[200];
	int got, quiet;

	quiet_begin();
	got = config_load(opts, &set, err);
	quiet = quiet_end();
	snprintf(label, sizeof(label), "%s: exit status %d", name, status);
	tap_is_long(got, status, label);
	snprintf(label, sizeof(label), "%s: says why (%s)", name, what);
	if (!tap_ok(strstr(err, what) != NULL, label))
		printf("#   err: '%s'\n", err);
	snprintf(label, sizeof(label), "%s: prints nothing itself", name);
	tap_ok(quiet, label);
	tap_ok(set.norm == NULL && set.look == NULL && set.ordinary == NULL,
	       "and leaves no set behind");
}

/* One file of a set, missing or wrong: the option that names it (the
 * rest as options() gives them), and how config_load() must fail. */
struct failure_case {
	const char *rulebase;	/* NULL: the test's good one */
	const char *access;	/* -a FILE, or NULL */
	const char *labels;
	const char *brands;
	const char *allow;
	int status;
	const char *what;	/* a part of the message */
	const char *name;
};

/* test_failures - each file of a set, missing or wrong */
static void test_failures(void)
{
	static const struct failure_case cases[] = {
		{ "/nonexistent/sendmail.rb", NULL, NULL, NULL, NULL,
		  EX_NOINPUT, "rulebase /nonexistent/sendmail.rb",
		  "missing rulebase" },
		{ examples_access, NULL, NULL, NULL, NULL, EX_DATAERR,
		  "rulebase", "a file that is no rulebase" }, /* text */
		{ NULL, "/nonexistent/access", NULL, NULL, NULL, EX_NOINPUT,
		  "access map /nonexistent/access", "missing access map" },
		{ NULL, NULL, "no spaces allowed", NULL, NULL, EX_USAGE,
		  "--labels", "bad --labels" },
		{ NULL, NULL, NULL, "/nonexistent/brands", NULL, EX_NOINPUT,
		  "brands file /nonexistent/brands", "missing --brands" },
		{ NULL, NULL, NULL, NULL, "/nonexistent/allow", EX_NOINPUT,
		  "allow file /nonexistent/allow", "missing --allow" },
	};
	struct config_options opts;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct failure_case *c = &cases[i];

		options(&opts);
		if (c->rulebase != NULL)
			opts.rulebase = c->rulebase;
		if (c->access != NULL)
			opts.access_files[opts.access_count++] = c->access;
		opts.labels = c->labels;
		opts.brands = c->brands;
		opts.allow = c->allow;
		load_fails(&opts, c->status, c->what, c->name);
	}
}

/* test_load - a whole set: every member, its own cache, generation 1 */
static void test_load(void)
{
	struct config_options opts;
	struct config_set set;
	char err[CONFIG_ERR_MAX];

	options(&opts);
	opts.access_files[opts.access_count++] = examples_access;
	quiet_begin();
	tap_is_long(config_load(&opts, &set, err), 0, "a whole set loads");
	tap_ok(quiet_end(), "quietly");
	tap_ok(set.norm != NULL && set.det != NULL && set.access != NULL
	       && set.look != NULL && set.ordinary != NULL,
	       "with every member");
	tap_is_long((long) set.generation, 1, "generation 1");
	config_free(&set);
	tap_ok(set.norm == NULL && set.look == NULL, "config_free empties it");
}

/* open_memory - assembly hook: a store in memory, no event output */
static int open_memory(void *ctx, struct assembly *a,
		       char err[ASSEMBLY_ERR_MAX])
{
	char why[STORE_ERR_MAX];

	(void) ctx;
	a->store = store_open(NULL, why);
	if (a->store == NULL) {
		snprintf(err, ASSEMBLY_ERR_MAX, "%s", why);
		return EX_CANTCREAT;
	}
	return 0;
}

/* open_seeded - assembly hook: a store in memory that already holds a
 * campaign against examplebank.com; *ctx counts the calls */
static int open_seeded(void *ctx, struct assembly *a,
		       char err[ASSEMBLY_ERR_MAX])
{
	int status = open_memory(NULL, a, err);

	++*(int *) ctx;
	if (status == 0 && store_campaign_add(a->store, "examplebank.com",
					      "mail.examp1e-bank.com", "test",
					      1) != 0) {
		snprintf(err, ASSEMBLY_ERR_MAX, "campaign not stored");
		return EX_CANTCREAT;
	}
	return status;
}

/* config_plan - *opts as options() gives them, and a --check plan over
 * them whose store and output the hook opens */
static void config_plan(struct assembly_plan *plan,
			struct config_options *opts,
			int (*hook)(void *, struct assembly *,
				    char [ASSEMBLY_ERR_MAX]),
			void *ctx)
{
	options(opts);
	memset(plan, 0, sizeof(*plan));
	plan->config = opts;
	plan->open_outputs = hook;
	plan->ctx = ctx;
	plan->config_only = 1;
}

/* test_open_order - the set loads before the store and output open: a
 * bad file never reaches the hook; a good set then learns the brands of
 * the store the hook opened */
static void test_open_order(void)
{
	struct config_options opts;
	struct assembly_plan plan;
	struct assembly a;
	char err[ASSEMBLY_ERR_MAX];
	struct detection d;
	const char *key;
	int opened = 0;

	config_plan(&plan, &opts, open_seeded, &opened);
	opts.access_files[0] = "/nonexistent/access";
	opts.access_count = 1;
	tap_is_long(assembly_open(&a, &plan, err), EX_NOINPUT,
		    "a missing access map fails the assembly");
	tap_is_long(opened, 0, "before the store and output are opened");
	tap_ok(a.failed_config, "a file of the set is at fault");
	assembly_close(&a, NULL);
	opts.access_count = 0;
	opened = 0;
	tap_is_long(assembly_open(&a, &plan, err), 0, "a good set assembles");
	tap_is_long(opened, 1, "and opens the store and output once");
	tap_is_long(verdict_of(&a.config, "examp1ebank.com", &d, &key), 1,
		    "the set learned examplebank.com from the opened store");
	assembly_close(&a, NULL);
}

/* test_renew - assembly_renew(): a fresh store and pipeline through the
 * plan's hook, on the config set already loaded (the fuzz harnesses'
 * way to bound their memory) */
static void test_renew(void)
{
	struct config_options opts;
	struct assembly_plan plan;
	struct assembly a;
	char err[ASSEMBLY_ERR_MAX];
	struct normalizer *norm;
	int opened = 0;

	config_plan(&plan, &opts, open_seeded, &opened);
	plan.config_only = 0;
	plan.max_queue_ids = 10;
	tap_is_long(assembly_open(&a, &plan, err), 0, "assembled to run");
	tap_is_long(store_campaign_add(a.store, "other.example", "x.example",
				       "test", 1), 0, "a second campaign");
	norm = a.config.norm;
	tap_is_long(assembly_renew(&a, &plan, err), 0, "renewed");
	tap_ok(a.config.norm == norm, "on the same config set");
	tap_is_long(opened, 2, "the hook opened the outputs again");
	tap_is_long(store_campaign_count(a.store), 1,
		    "a fresh store: the seeded campaign alone");
	tap_ok(a.tracker != NULL && a.pipe != NULL,
	       "a tracker and a pipeline again");
	assembly_close(&a, NULL);
}

/* assemble_memory - the rulebase alone, a store in memory, config only */
static void assemble_memory(struct assembly *a, struct config_options *opts)
{
	struct assembly_plan plan;
	char err[ASSEMBLY_ERR_MAX];

	config_plan(&plan, opts, open_memory, NULL);
	tap_is_long(assembly_open(a, &plan, err), 0, "assembled");
}

/* test_store_brands - a stored campaign's phished domain is a brand of
 * the assembled set, and of a reloaded one; a failed reload keeps the
 * old set */
static void test_store_brands(void)
{
	struct config_options opts;
	struct assembly a;
	char err[ASSEMBLY_ERR_MAX];
	struct detection d;
	const char *key;
	struct config_set before;

	assemble_memory(&a, &opts);
	tap_is_long(verdict_of(&a.config, "examp1ebank.com", &d, &key), 0,
		    "examp1ebank.com ordinary: examplebank.com is no brand");
	tap_is_long(store_campaign_add(a.store, "examplebank.com",
				       "mail.examp1e-bank.com", "test", 1), 0,
		    "a campaign against examplebank.com is stored");
	tap_is_long(assembly_reload(&a, &opts, err), 0, "reloaded");
	tap_is_long(verdict_of(&a.config, "examp1ebank.com", &d, &key), 1,
		    "the reloaded set learned examplebank.com from the store");
	before = a.config;
	opts.rulebase = "/nonexistent/sendmail.rb";
	quiet_begin();
	tap_is_long(assembly_reload(&a, &opts, err), EX_NOINPUT,
		    "a reload with a missing rulebase fails");
	tap_ok(quiet_end(), "quietly");
	tap_ok(strstr(err, "/nonexistent/sendmail.rb") != NULL,
	       "and says which file");
	tap_ok(a.config.norm == before.norm && a.config.look == before.look,
	       "the old set runs on");
	assembly_close(&a, NULL);
}

/* test_reload_beside - the set is made on a thread: a brand the old set
 * learns meanwhile (a new campaign, not yet in the store) is the new
 * set's too; a second start while one loads makes a second set; the
 * old sets are freed, a failed one keeps the old set */
static void test_reload_beside(void)
{
	struct config_options opts;
	struct assembly a;
	char err[ASSEMBLY_ERR_MAX];
	struct detection d;
	const char *key;
	struct lookalike *first;
	int status = -1;
	enum assembly_reload r;

	assemble_memory(&a, &opts);
	first = a.config.look;
	tap_is_long(assembly_reload_start(&a, &opts, err), 0,
		    "a reload starts on a thread");
	tap_ok(a.config.look == first, "the old set runs meanwhile");
	tap_is_long(verdict_learn_brand(&a.config, "examplebank.com"), 1,
		    "the old set learns a new campaign's brand meanwhile");
	tap_is_long(assembly_reload_start(&a, &opts, err), 0,
		    "a second SIGHUP while it loads");
	r = assembly_reload_poll(&a, 1, &status, err);
	tap_ok(r == ASSEMBLY_RELOAD_SWAPPED && status == 0,
	       "the first new set is swapped in");
	tap_ok(a.config.look != first && a.config.journal == NULL,
	       "it runs now, and nothing journals into it");
	tap_is_long(verdict_of(&a.config, "examp1ebank.com", &d, &key), 1,
		    "it knows the brand the old set learned while it loaded");
	first = a.config.look;
	r = assembly_reload_poll(&a, 1, &status, err);
	tap_ok(r == ASSEMBLY_RELOAD_SWAPPED && status == 0
	       && a.config.look != first,
	       "the second SIGHUP's set follows it");
	first = a.config.look;
	r = assembly_reload_poll(&a, 1, &status, err);
	tap_ok(r == ASSEMBLY_RELOAD_IDLE && a.loading == NULL
	       && a.retiring == NULL, "then nothing loads, the old sets freed");
	opts.rulebase = "/nonexistent/sendmail.rb";
	quiet_begin();
	tap_is_long(assembly_reload_start(&a, &opts, err), 0,
		    "a reload of a missing rulebase starts");
	r = assembly_reload_poll(&a, 1, &status, err);
	tap_ok(quiet_end(), "quietly");
	tap_ok(r == ASSEMBLY_RELOAD_FAILED && status == EX_NOINPUT
	       && strstr(err, "/nonexistent/sendmail.rb") != NULL,
	       "fails, and says which file");
	tap_ok(a.config.look == first, "the old set runs on");
	tap_is_long(assembly_reload_start(&a, &opts, err), 0,
		    "another starts while the failed one's thread may still run");
	/* closed while a set loads: the thread is joined (the sanitizer
	 * and memcheck runs see that nothing is left) */
	assembly_close(&a, NULL);
}

int main(void)
{
	const char *top = getenv("TOP");
	const char *sep = top != NULL ? "/" : "";
	int fd = mkstemp(stderr_path);

	if (fd < 0)
		return tap_ok(0, "a file for stderr") + 1;
	close(fd);
	if (top == NULL)
		top = "";
	snprintf(rulebase, sizeof(rulebase), "%s%srulebase/sendmail.rb", top,
		 sep);
	snprintf(examples_access, sizeof(examples_access),
		 "%s%sexamples/access", top, sep);
	test_failures();
	test_load();
	test_store_brands();
	test_renew();
	test_open_order();
	test_reload_beside();
	unlink(stderr_path);
	return tap_done();
}
