/*
 * config - the rulebase, label set and access maps, loaded as one set.
 *
 * DESCRIPTION
 *	Start-up, --check and SIGHUP all load the same things the same
 *	way: the rulebase, the label set, the access maps and the brand
 *	index of lookalike senders (--brands, --allow, the brands the
 *	access map teaches, and the domains its OK and RELAY entries
 *	trust, allowed as --allow's are).  config_load() reads the files alone,
 *	so that a bad one stops the program before it opens or locks its store
 *	and output; config_learn_store() then adds the brands of the store's
 *	campaigns.  config_load() builds a complete new set or none: on SIGHUP
 *	the caller swaps the new set in only when it loaded, so a bad new file
 *	leaves the old set running.  Nothing is printed here: an error comes
 *	back as a status and a message in err that names the file, for the
 *	caller to print; a label that --learn-labels could not learn is told to
 *	opts->say, and so is each skipped line (the map and brand readers warn
 *	about each through it; see textfile.h), which is also counted.
 */
#ifndef PHISHWATCH_CONFIG_H
#define PHISHWATCH_CONFIG_H

#include <stddef.h>

#include "access.h"
#include "detector.h"
#include "hostcache.h"
#include "lookalike.h"
#include "normalize.h"
#include "say.h"
#include "suspcache.h"

struct store;

#define CONFIG_MAX_ACCESS 64   /* -a files; sites have one or two */
#define CONFIG_ERR_MAX    1024 /* why a set did not load */

struct config_options {
	const char *rulebase;      /* sendmail's: loaded unless no_lines */
	int no_lines;              /* --query: no log line is read, so no
				    * rulebase is loaded (nor checked) */
	const char *rulebase_exim; /* -r exim:FILE, or NULL: exim.rb
					 * beside rulebase, when there */
	const char *access_files[CONFIG_MAX_ACCESS];
	size_t access_count;
	const char *labels;         /* comma list; NULL: the default set */
	int learn_labels;           /* add labels from blocking entries */
	const char *default_brands; /* shipped brands file, or NULL */
	int default_brands_given;   /* --default-brands: must be there */
	size_t max_learned_brands;  /* --max-learned-brands */
	const char *brands;         /* --brands FILE, or NULL */
	const char *allow;          /* --allow FILE, or NULL */
	say_fn *say;                /* told of labels not learned, lines
					 * skipped, brands refused; NULL */
	void *say_ctx;
};

/*
 * Host names one after the other, each ended by a NUL: the store's
 * campaigns read for a set that loads on another thread (the store is
 * the running loop's), and the brands the running set learns meanwhile.
 */
struct config_names {
	char *text;
	size_t len;     /* bytes used */
	size_t size;    /* bytes allocated */
	size_t cap;     /* bytes at most; 0: no cap */
	int overflowed; /* a name did not fit (or too long) */
};

struct config_set {
	struct normalizer *norm;
	struct detector *det;
	struct access_map *access;
	struct lookalike *look;     /* brand index for lookalike senders */
	size_t learn_max;           /* brands learned from the store, at most */
	struct hostcache *ordinary; /* hosts lately found ordinary */
	struct suspcache *suspicious; /* and suspicious, with the finding */
	unsigned long generation;     /* moves when a brand is learned */
	unsigned long ordinary_generation; /* when the caches were filled */
	struct config_names *journal;      /* a new set loads: each brand
					 * learned meanwhile, for it too */
	size_t access_bad_lines;           /* skipped with a warning */
	size_t brand_bad_lines; /* --brands and --allow lines skipped */
};

/*
 * config_load - load a complete set into *set from the files: the
 * rulebases (none with no_lines: norm stays NULL), the maps, the labels
 * and every brand, those learned from
 * the access map too.  0, or a sysexits code (EX_NOINPUT, EX_DATAERR,
 * EX_USAGE, EX_OSERR) with why in err.  main, SIGHUP and the fuzz
 * harnesses call it through assembly.c alone.
 */
int config_load(const struct config_options *opts, struct config_set *set,
		char err[CONFIG_ERR_MAX]);

/*
 * config_learn_store - the phished domains of the store's latest
 * campaigns into a loaded set's brands, at most the learned brands
 * kept, so that start-up and a reload read that many rows however big
 * the store; store NULL (--check of a store not created yet) teaches
 * nothing.  0, or EX_CANTCREAT (the store cannot be read) or EX_OSERR
 * with why in err; the set is still whole, for the caller to free.
 */
int config_learn_store(struct config_set *set, struct store *store,
		       char err[CONFIG_ERR_MAX]);

/* config_names_add - one name more: 0, or -1 ENOMEM */
int config_names_add(struct config_names *names, const char *name);

/* config_names_free - release the names */
void config_names_free(struct config_names *names);

/*
 * config_store_names - what config_learn_store() learns, read into
 * names (by the thread that owns the store), for config_learn_names()
 * to learn into a set anywhere; 0, or the codes of config_learn_store()
 */
int config_store_names(const struct config_set *set, struct store *store,
		       struct config_names *names, char err[CONFIG_ERR_MAX]);

/* config_learn_names - the names as brands of set: 0, or EX_OSERR */
int config_learn_names(struct config_set *set, const struct config_names *names,
		       char err[CONFIG_ERR_MAX]);

/*
 * config_learn_access - learn the registrable domain of every blocking
 * access entry that lies strictly below it (complains.linkedin.com
 * teaches linkedin.com; linkedinmail.com DISCARD blocks a spammer's
 * whole domain and teaches nothing), shortest labels first; *learned
 * (may be NULL) counts the brands added.  0, or -1 ENOMEM.  config_load()
 * calls it; exported for the unit tests.
 */
int config_learn_access(struct lookalike *lk, const struct access_map *map,
			size_t *learned);

/* config_free - release a set (members may be NULL) */
void config_free(struct config_set *set);

#endif
