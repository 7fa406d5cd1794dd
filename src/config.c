/*
 * config - load rulebase, labels and access maps as one set (config.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <libpsl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "brandfile.h"
#include "config.h"
#include "store.h"
#include "strmap.h"

/* config_fail - status, with why in err */
static int config_fail(char *err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int config_fail(char *err, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, CONFIG_ERR_MAX, fmt, ap);
	va_end(ap);
	return status;
}

/*
 * config_readable - EX_NOINPUT with why in err when path cannot be read
 * or is not a regular file.  liblognorm opens and reads the rulebase
 * itself, with our signals blocked: a FIFO would hold that open until a
 * writer came, a device (/dev/zero) would never end, and SIGTERM could
 * stop neither.  Our own open is O_NONBLOCK, so that a FIFO does not
 * hold it either.
 */
static int config_readable(const char *what, const char *path, char *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	int regular;

	if (fd < 0)
		return config_fail(err, EX_NOINPUT, "%s %s: %s", what, path,
				   strerror(errno));
	regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	close(fd);
	if (!regular)
		return config_fail(err, EX_NOINPUT,
				   "%s %s: not a regular file "
				   "(a FIFO or device may block or never end): "
				   "refused",
				   what, path);
	return 0;
}

/* What --learn-labels learns into, and whom it tells of a failure. */
struct config_learning {
	struct detector *det;
	const struct config_options *opts;
};

/* config_learn_one - access walk callback for --learn-labels */
static void config_learn_one(const char *host, void *ctx)
{
	const struct config_learning *learning = ctx;
	const struct say_to say = {learning->opts->say,
				   learning->opts->say_ctx};

	if (detector_learn_from_host(learning->det, host) < 0)
		say_print(&say, SAY_WARN, "cannot learn a label from %.100s",
			  host);
}

/* config_access_error - what an access_load() errno means */
static const char *config_access_error(int error)
{
	if (error == EINVAL)
		return "not a map of the kind its name says (.db: Berkeley DB "
		       "hash or btree, .cdb: cdb)";
	if (error == ENOTSUP)
		return "an lmdb: map is not read; give its source text "
		       "(-a postfix:/etc/postfix/sender_access)";
	if (error == EWOULDBLOCK)
		return "locked: makemap or postmap is rewriting it";
	if (error == ESPIPE)
		return "not a regular file (a FIFO or device may block or "
		       "never end): refused";
	return strerror(error);
}

/* config_load_access - every -a file into one map */
static int config_load_access(const struct config_options *opts,
			      struct config_set *set, char *err)
{
	struct say_to say = {opts->say, opts->say_ctx};

	set->access = access_new(&say);
	if (set->access == NULL)
		return config_fail(err, EX_OSERR,
				   "out of memory loading the "
				   "access map");
	for (size_t i = 0; i < opts->access_count; i++) {
		size_t bad = 0;

		if (access_load(set->access, opts->access_files[i], &bad) < 0) {
			int saved = errno;

			return config_fail(
			    err, saved == ENOMEM ? EX_OSERR : EX_NOINPUT,
			    "access map %s: %s", opts->access_files[i],
			    config_access_error(saved));
		}
		set->access_bad_lines += bad;
	}
	return 0;
}

/* config_load_detector - label set, then learned labels */
static int config_load_detector(const struct config_options *opts,
				struct config_set *set, char *err)
{
	struct config_learning learning = {NULL, opts};
	char why[256];

	set->det = detector_new();
	if (set->det == NULL)
		return config_fail(err, EX_OSERR,
				   "cannot initialise the "
				   "detector (libpsl)");
	if (opts->labels != NULL
	    && detector_set_labels(set->det, opts->labels, why, sizeof(why))
		   < 0)
		return config_fail(err, EX_USAGE, "--labels: %s", why);
	learning.det = set->det;
	if (opts->learn_labels)
		access_walk_blocking_hosts(set->access, config_learn_one,
					   &learning);
	return 0;
}

/* config_load_file - one optional brands or allow file */
static int config_load_file(const char *what, const char *path,
			    const struct config_options *opts,
			    struct config_set *set,
			    int (*load)(struct lookalike *, const char *,
					const struct say_to *, size_t *),
			    char *err)
{
	struct say_to say = {opts->say, opts->say_ctx};
	size_t bad = 0;

	if (path == NULL)
		return 0;
	if (load(set->look, path, &say, &bad) < 0)
		return config_fail(err, errno == ENOMEM ? EX_OSERR : EX_NOINPUT,
				   "%s file %s: %s", what, path,
				   strerror(errno));
	set->brand_bad_lines += bad;
	return 0;
}

/* config_load_defaults - the shipped brands file, when there is one: a
 * build that was not installed has none, unless --default-brands named
 * it; said, since every lookalike rule but the access map's learned
 * brands then knows no brand */
static int config_load_defaults(const struct config_options *opts,
				struct config_set *set, char *err)
{
	struct say_to say = {opts->say, opts->say_ctx};

	if (opts->default_brands == NULL)
		return 0;
	if (!opts->default_brands_given
	    && access(opts->default_brands, F_OK) < 0 && errno == ENOENT) {
		say_print(&say, SAY_WARN,
			  "no shipped brands file %s (not installed): "
			  "lookalikes only of --brands and the access maps' "
			  "brands; name it with --default-brands FILE, or "
			  "say --no-default-brands",
			  opts->default_brands);
		return 0;
	}
	return config_load_file("default brands", opts->default_brands, opts,
				set, brandfile_load, err);
}

/* Access maps hold tens of blocked hosts; the map grows past that. */
#define CONFIG_LEARN_EXPECTED 64

/* The registrable domains above blocking access entries, collected. */
struct config_harvest {
	const psl_ctx_t *psl;
	struct strmap *found; /* domain -> harvest (a member) */
	const char **domains; /* found's keys, for sorting */
	size_t count;
	int failed;
};

/* config_harvest_host - the registrable domain of a blocked host that
 * lies strictly below it; a blocked registrable domain is a spammer's */
static void config_harvest_host(const char *host, void *ctx)
{
	struct config_harvest *harvest = ctx;
	const char *reg;

	if (harvest->failed)
		return;
	reg = psl_registrable_domain(harvest->psl, host);
	if (reg == NULL || reg == host)
		return;
	if (strmap_put(harvest->found, reg, harvest, NULL) < 0)
		harvest->failed = 1;
}

/* config_harvest_key - one collected domain into the array */
static void config_harvest_key(const char *key, void *value, void *ctx)
{
	struct config_harvest *harvest = ctx;

	(void)value;
	harvest->domains[harvest->count++] = key;
}

/* config_shorter_first - shorter labels first, then by name, so that
 * linkedin.com is a brand before linkedinmail.com is judged */
static int config_shorter_first(const void *a, const void *b)
{
	const char *x = *(const char *const *)a;
	const char *y = *(const char *const *)b;
	size_t xlen = strcspn(x, ".");
	size_t ylen = strcspn(y, ".");

	if (xlen != ylen)
		return xlen < ylen ? -1 : 1;
	return strcmp(x, y);
}

/* config_learn_access - brands from the access map's blocked hosts */
int config_learn_access(struct lookalike *lk, const struct access_map *map,
			size_t *learned)
{
	struct config_harvest harvest = {NULL, NULL, NULL, 0, 0};
	size_t added = 0;
	int status = -1;

	if (learned != NULL)
		*learned = 0;
	if (lk == NULL)
		return 0;
	harvest.psl = psl_builtin();
	if (harvest.psl == NULL)
		goto fail;
	harvest.found = strmap_new(CONFIG_LEARN_EXPECTED);
	if (harvest.found == NULL)
		goto fail;
	access_walk_blocking_hosts(map, config_harvest_host, &harvest);
	harvest.domains =
	    calloc(strmap_count(harvest.found) + 1, sizeof(*harvest.domains));
	if (harvest.failed || harvest.domains == NULL)
		goto fail;
	strmap_walk(harvest.found, config_harvest_key, &harvest);
	qsort(harvest.domains, harvest.count, sizeof(*harvest.domains),
	      config_shorter_first);
	for (size_t i = 0; i < harvest.count; i++) {
		int got = lookalike_learn_brand(lk, harvest.domains[i]);

		if (got < 0)
			goto fail;
		added += (size_t)got;
	}
	status = 0;
fail:
	free(harvest.domains);
	strmap_free(harvest.found, NULL);
	if (learned != NULL)
		*learned = added;
	if (status < 0)
		errno = ENOMEM;
	return status;
}

/* What the walk of trusted access entries found. */
struct config_trust {
	struct lookalike *lk;
	int failed;
};

/* config_trust_host - one domain of an OK or RELAY entry: allowed (a
 * public suffix, "com OK", is nobody's domain and is passed over) */
static void config_trust_host(const char *host, void *ctx)
{
	struct config_trust *trust = ctx;

	if (!trust->failed && lookalike_allow(trust->lk, host) < 0
	    && errno == ENOMEM)
		trust->failed = 1;
}

/* config_trust_access - the domains the access map says OK or RELAY to
 * are the administrator's trusted senders: never lookalikes; -1 ENOMEM */
static int config_trust_access(struct lookalike *lk,
			       const struct access_map *map)
{
	struct config_trust trust = {lk, 0};

	access_walk_trusted_hosts(map, config_trust_host, &trust);
	return trust.failed ? -1 : 0;
}

/* config_load_brands - the lookalike index: files, then the access map */
static int config_load_brands(const struct config_options *opts,
			      struct config_set *set, char *err)
{
	struct say_to say = {opts->say, opts->say_ctx};
	int status;

	set->look = lookalike_new();
	if (set->look == NULL)
		return config_fail(err, EX_OSERR,
				   "out of memory loading "
				   "brands");
	lookalike_set_learn_max(set->look, opts->max_learned_brands, &say);
	set->learn_max = opts->max_learned_brands;
	status = config_load_defaults(opts, set, err);
	if (status == 0)
		status = config_load_file("brands", opts->brands, opts, set,
					  brandfile_load, err);
	if (status == 0)
		status = config_load_file("allow", opts->allow, opts, set,
					  brandfile_load_allow, err);
	if (status == 0
	    && (config_trust_access(set->look, set->access) < 0
		|| config_learn_access(set->look, set->access, NULL) < 0))
		status = config_fail(err, EX_OSERR,
				     "out of memory learning "
				     "brands from the access map");
	return status;
}

/* config_rulebase_status - the exit status of a rulebase that did not
 * load: out of memory is the system's failure (EX_OSERR), anything
 * else the file's (EX_DATAERR) */
static int config_rulebase_status(void)
{
	return errno == ENOMEM ? EX_OSERR : EX_DATAERR;
}

/* config_load_exim - Exim's rulebase from -r exim:FILE, when given */
static int config_load_exim(const struct config_options *opts,
			    struct config_set *set, char *err)
{
	char why[NORMALIZE_ERR_MAX];
	int status;

	if (opts->rulebase_exim == NULL)
		return 0;
	status = config_readable("rulebase", opts->rulebase_exim, err);
	if (status != 0)
		return status;
	if (normalize_add(set->norm, MTA_EXIM, opts->rulebase_exim, why) < 0)
		return config_fail(err, config_rulebase_status(), "rulebase %s",
				   why);
	return 0;
}

/* The other MTAs' rulebases: read from the directory of -r's file (the
 * installed ones lie side by side) when they are there. */
static const struct {
	enum mta_kind mta;
	const char *file;
} config_mtas[] = {
    {MTA_POSTFIX, "postfix.rb"},
    {MTA_EXIM, "exim.rb"},
};

/* config_load_mtas - each other MTA's rulebase found beside -r's; one
 * that is not there leaves that MTA's lines unparsed, one that does
 * not load fails the set */
static int config_load_mtas(const struct config_options *opts,
			    struct config_set *set, char *err)
{
	const char *slash = strrchr(opts->rulebase, '/');
	int dir = slash == NULL ? 0 : (int)(slash - opts->rulebase) + 1;
	char path[PATH_MAX];
	char why[NORMALIZE_ERR_MAX];

	for (size_t i = 0; i < sizeof(config_mtas) / sizeof(config_mtas[0]);
	     i++) {
		int n = snprintf(path, sizeof(path), "%.*s%s", dir,
				 opts->rulebase, config_mtas[i].file);

		if (n < 0 || (size_t)n >= sizeof(path)
		    || access(path, F_OK) != 0
		    || (config_mtas[i].mta == MTA_EXIM
			&& opts->rulebase_exim != NULL))
			continue;
		if (normalize_add(set->norm, config_mtas[i].mta, path, why) < 0)
			return config_fail(err, config_rulebase_status(),
					   "rulebase %s", why);
	}
	return 0;
}

/* config_load_rulebases - sendmail's rulebase, then the other MTAs' */
static int config_load_rulebases(const struct config_options *opts,
				 struct config_set *set, char *err)
{
	char why[NORMALIZE_ERR_MAX];
	int status = config_readable("rulebase", opts->rulebase, err);

	if (status != 0)
		return status;
	set->norm = normalize_open(opts->rulebase, why);
	if (set->norm == NULL)
		return config_fail(err, config_rulebase_status(), "rulebase %s",
				   why);
	status = config_load_exim(opts, set, err);
	if (status == 0)
		status = config_load_mtas(opts, set, err);
	return status;
}

/* config_names_add - one name more, NUL-ended; past names->cap bytes
 * (0: no cap) only names->overflowed is set: 0, or -1 ENOMEM */
int config_names_add(struct config_names *names, const char *name)
{
	size_t len = strnlen(name, HOSTNAME_MAX + 1);
	size_t need;

	if (len > HOSTNAME_MAX) {
		names->overflowed = 1; /* never a stored name: no brand */
		return 0;
	}
	need = names->len + len + 1;
	if (names->cap != 0 && need > names->cap) {
		names->overflowed = 1;
		return 0;
	}
	if (need > names->size) {
		size_t size = names->size != 0 ? names->size : 4096;
		char *text;

		while (size < need)
			size *= 2;
		text = realloc(names->text, size);
		if (text == NULL)
			return -1;
		names->text = text;
		names->size = size;
	}
	memcpy(names->text + names->len, name, len + 1);
	names->len = need;
	return 0;
}

/* config_names_free - release the buffer, keep the cap */
void config_names_free(struct config_names *names)
{
	free(names->text);
	names->text = NULL;
	names->len = names->size = 0;
	names->overflowed = 0;
}

/* config_store_name - a stored campaign's phished domain, kept */
static int config_store_name(const char *phished_domain, void *ctx)
{
	return config_names_add(ctx, phished_domain);
}

/* config_store_names - the phished domains of the store's latest
 * campaigns, at most the learned brands kept, so that start-up and a
 * reload read that many rows, however big the store */
int config_store_names(const struct config_set *set, struct store *store,
		       struct config_names *names, char err[CONFIG_ERR_MAX])
{
	int status;

	err[0] = '\0';
	if (store == NULL) /* --check of a store not created yet */
		return 0;
	status = store_recent_campaigns(store, set->learn_max,
					config_store_name, names);
	if (status < 0 && errno == ENOMEM)
		return config_fail(err, EX_OSERR,
				   "cannot learn brands from "
				   "the state store: %s",
				   strerror(errno));
	/* A store that cannot be read (corrupt, locked) is unusable: 73 */
	if (status != 0)
		return config_fail(err, EX_CANTCREAT,
				   "cannot learn brands "
				   "from the state store: %s",
				   store_errmsg(store));
	return 0;
}

/* config_learn_names - each name a brand; one libpsl no longer takes
 * for a registrable domain (the list changed) teaches nothing, only a
 * lack of memory stops it */
int config_learn_names(struct config_set *set, const struct config_names *names,
		       char err[CONFIG_ERR_MAX])
{
	size_t at = 0;

	err[0] = '\0';
	set->generation++;
	while (at < names->len) {
		const char *name = names->text + at;

		if (lookalike_learn_brand(set->look, name) < 0
		    && errno != EINVAL)
			return config_fail(err, EX_OSERR,
					   "cannot learn brands "
					   "from the state store: %s",
					   strerror(errno));
		at += strlen(name) + 1;
	}
	return 0;
}

/* config_learn_store - the store's latest campaigns into the brand index */
int config_learn_store(struct config_set *set, struct store *store,
		       char err[CONFIG_ERR_MAX])
{
	struct config_names names = {0};
	int status = config_store_names(set, store, &names, err);

	if (status == 0)
		status = config_learn_names(set, &names, err);
	config_names_free(&names);
	return status;
}

/* config_load - rulebase, access maps, labels and brands: the files
 * alone, so that a bad one stops the program before the store opens */
int config_load(const struct config_options *opts, struct config_set *set,
		char err[CONFIG_ERR_MAX])
{
	int status;

	memset(set, 0, sizeof(*set));
	err[0] = '\0';
	status = opts->no_lines ? 0 : config_load_rulebases(opts, set, err);
	if (status == 0)
		status = config_load_access(opts, set, err);
	if (status == 0)
		status = config_load_detector(opts, set, err);
	if (status == 0)
		status = config_load_brands(opts, set, err);
	if (status != 0)
		goto fail;
	/* A new set, a new cache: no answer of the old set survives. */
	set->ordinary = hostcache_new();
	set->suspicious = suspcache_new();
	if (set->ordinary == NULL || set->suspicious == NULL) {
		status = config_fail(err, EX_OSERR, "out of memory");
		goto fail;
	}
	set->generation = 1;
	return 0;
fail:
	config_free(set);
	return status;
}

/* config_free - release every member */
void config_free(struct config_set *set)
{
	if (set->norm != NULL)
		normalize_close(set->norm);
	if (set->det != NULL)
		detector_free(set->det);
	if (set->access != NULL)
		access_free(set->access);
	if (set->look != NULL)
		lookalike_free(set->look);
	hostcache_free(set->ordinary);
	suspcache_free(set->suspicious);
	memset(set, 0, sizeof(*set));
}
