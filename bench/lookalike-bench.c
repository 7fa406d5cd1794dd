/*
 * NAME
 *	lookalike-bench - cost of a lookalike check per line, by brand count
 * SUMMARY
 *	Does the per-line cost stay flat from 1 to 10,000 brands?
 * DESCRIPTION
 *	Builds a lookalike index for each brand count given (default 1 and
 *	10000), then runs lookalike_check() over the same stream of sender
 *	hosts for each and prints nanoseconds per line (the best of a few
 *	rounds, interleaved, so that a busy machine does not inflate one
 *	count more than another), the matches, and the time to build the
 *	index; then the cost of libpsl's registrable domain alone, which
 *	every check pays.  The last line compares the last brand count with
 *	the first.
 *
 *	Brands are linkedin.com, walmart.com, marriott.com and then made-up
 *	pronounceable names (4 to 12 letters) under common suffixes, from a
 *	fixed seed.  Senders are the same for every brand count: hosts of
 *	mail services and made-up companies (bounce.example.com), with one
 *	line in 16 a lookalike of the story's brands (linkedinmail.com,
 *	wallmart.com, rnarriott.com, an xn-- homoglyph).  The time covers
 *	everything lookalike_check() does: libpsl's registrable domain and
 *	every rule's lookups.
 *
 *	Build and run from the top directory:
 *
 *	make && cc -std=c11 -O2 -D_GNU_SOURCE -Isrc bench/lookalike-bench.c \
 *	    build/libphishwatch.a $(pkg-config --cflags --libs libpsl \
 *	    libidn2 icu-uc icu-i18n lognorm libfastjson sqlite3 zlib) \
 *	    -o build/lookalike-bench
 *	build/lookalike-bench [-o] [LINES [BRANDS...]]
 *
 *	-o marks the story's brands !any, as the shipped list marks three
 *	(lookalike_set_open()): then every sender's label is searched for a
 *	marked brand at its start and end.  LINES defaults to 2000000,
 *	BRANDS to "1 10000";
 *	"build/lookalike-bench 1000000 1 100 1000 10000 100000" shows the
 *	whole curve.
 * DIAGNOSTICS
 *	Exit 0; 64 for bad arguments, 71 when memory runs out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include <libpsl.h>

#include "brandfile.h"
#include "lookalike.h"

#define BENCH_LINES_DEFAULT   2000000UL
#define BENCH_ROUNDS          7    /* best of: noise only ever adds time */
#define BENCH_POOL            4096 /* distinct sender hosts, a power of two */
#define BENCH_LOOKALIKE_EVERY 16   /* one sender in 16 imitates a brand */
#define BENCH_MAX_COUNTS      16
#define BENCH_SEED            20130711ULL /* the story's linkedin campaign */

#define BENCH_COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const bench_story_brands[] = {
    "linkedin.com",
    "walmart.com",
    "marriott.com",
};

static const char *const bench_suffixes[] = {
    "com", "com", "com", "net", "org", "co.uk", "de", "com.au", "fr", "io",
};

/* Syllables of made-up brands, and of made-up senders: two sets, as
 * the companies that mail a site are mostly not the brands it guards. */
static const char *const bench_brand_syllables[] = {
    "ka", "lo", "mi",  "ne", "ru",  "ta", "vo", "zen", "bar", "tek", "ox",
    "an", "el", "in",  "or", "ul",  "ba", "co", "di",  "fa",  "gu",  "hi",
    "jo", "pe", "qui", "sa", "tri", "ve", "wo", "xy",  "pro", "net",
};
static const char *const bench_sender_syllables[] = {
    "ab", "ed", "ig", "ob", "ut", "bre",  "cla",  "dro",  "fle",   "gri",
    "ho", "ju", "ki", "lu", "ma", "nu",   "po",   "re",   "si",    "to",
    "ur", "va", "we", "ya", "zo", "ster", "mont", "berg", "ville", "soft",
};

/* A syllable set. */
struct bench_syllables {
	const char *const *syllable;
	size_t count;
};

static const struct bench_syllables bench_brand_names = {
    bench_brand_syllables, BENCH_COUNT(bench_brand_syllables)};
static const struct bench_syllables bench_sender_names = {
    bench_sender_syllables, BENCH_COUNT(bench_sender_syllables)};

static const char *const bench_ham[] = {
    "gmail.com",
    "mail-ed1-f41.google.com",
    "outbound.protection.outlook.com",
    "mcsv.net",
    "mailchimp.com",
    "sendgrid.net",
    "amazonses.com",
    "mailgun.net",
    "marketo.com",
    "bounces.salesforce.com",
    "yahoo.com",
    "e.linkedin.com",
    "email.walmart.com",
    "marriott.com",
    "hotmail.com",
    "staples.co.uk",
    "zendesk.com",
    "github.com",
};

static const char *const bench_lookalikes[] = {
    "linkedinmail.com",    "linkedin-mail.net",
    "linkedin.biz",        "wallmart.com",
    "marriot.com",         "rnarriott.com",
    "xn--lnkedin-rog.com", "emalsrv.linkedinmail.com",
};

/* bench_random - the next number of a 64-bit LCG kept by the caller */
static unsigned long bench_random(unsigned long long *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)(*state >> 33);
}

/* bench_name - a made-up pronounceable label of 4 to 12 letters */
static void bench_name(unsigned long long *state,
		       const struct bench_syllables *set, char *out,
		       size_t size)
{
	size_t want = 4 + bench_random(state) % 9;
	size_t len = 0;

	out[0] = '\0';
	while (len < want && len + 4 < size) {
		const char *syllable =
		    set->syllable[bench_random(state) % set->count];

		len += (size_t)snprintf(out + len, size - len, "%s", syllable);
	}
}

/* bench_domain - a made-up registrable domain */
static void bench_domain(unsigned long long *state,
			 const struct bench_syllables *set, char *out,
			 size_t size)
{
	char label[32];

	bench_name(state, set, label, sizeof(label));
	snprintf(
	    out, size, "%s.%s", label,
	    bench_suffixes[bench_random(state) % BENCH_COUNT(bench_suffixes)]);
}

/* bench_brands - the story's brands and made-up ones up to count; with
 * open, the story's marked !any (a brands file's mark, which makes
 * every label take the rule's probes, whatever its suffix) */
static struct lookalike *bench_brands(size_t count, int open)
{
	unsigned long long state = BENCH_SEED;
	struct lookalike *lk = lookalike_new();
	char domain[HOSTNAME_MAX + 1];

	if (lk == NULL)
		return NULL;
	for (size_t i = 0; i < BENCH_COUNT(bench_story_brands) && i < count;
	     i++)
		if (lookalike_add_brand(lk, bench_story_brands[i]) < 0
		    || (open
			&& lookalike_set_open(lk, bench_story_brands[i]) < 0))
			goto fail;
	while (lookalike_brand_count(lk) < count) {
		bench_domain(&state, &bench_brand_names, domain,
			     sizeof(domain));
		if (lookalike_add_brand(lk, domain) < 0)
			goto fail;
	}
	return lk;
fail:
	lookalike_free(lk);
	return NULL;
}

/* bench_senders - the sender pool, the same for every brand count */
static void bench_senders(char (*pool)[HOSTNAME_MAX + 1])
{
	unsigned long long state = BENCH_SEED ^ 0x5eedULL;
	char domain[64];

	for (size_t i = 0; i < BENCH_POOL; i++) {
		unsigned long pick = bench_random(&state);

		if (i % BENCH_LOOKALIKE_EVERY == 0)
			snprintf(
			    pool[i], HOSTNAME_MAX + 1, "%s",
			    bench_lookalikes[pick
					     % BENCH_COUNT(bench_lookalikes)]);
		else if (pick % 4 == 0)
			snprintf(pool[i], HOSTNAME_MAX + 1, "%s",
				 bench_ham[pick % BENCH_COUNT(bench_ham)]);
		else {
			bench_domain(&state, &bench_sender_names, domain,
				     sizeof(domain));
			snprintf(pool[i], HOSTNAME_MAX + 1, "%s.%s",
				 pick % 3 == 0 ? "bounce" : "mail", domain);
		}
	}
}

/* bench_seconds - monotonic time */
static double bench_seconds(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* bench_pass - ns per line of one pass of lookalike_check(), or of
 * libpsl's registrable domain alone when lk is NULL; *matches counted */
static double bench_pass(const struct lookalike *lk, const psl_ctx_t *psl,
			 char (*pool)[HOSTNAME_MAX + 1], unsigned long lines,
			 unsigned long *matches)
{
	struct detection d;
	double start = bench_seconds();

	*matches = 0;
	for (unsigned long i = 0; i < lines; i++) {
		const char *host = pool[i & (BENCH_POOL - 1)];

		if (lk != NULL)
			*matches +=
			    (unsigned long)lookalike_check(lk, host, &d);
		else
			*matches += psl_registrable_domain(psl, host) != NULL;
	}
	return (bench_seconds() - start) * 1e9 / (double)lines;
}

/* bench_measure - the best of BENCH_ROUNDS passes for each index (and
 * libpsl alone last), rounds interleaved so that a change in machine
 * load hits every brand count alike */
static void bench_measure(struct lookalike **lks, size_t n,
			  char (*pool)[HOSTNAME_MAX + 1], unsigned long lines,
			  double *best, unsigned long *matches)
{
	const psl_ctx_t *psl = psl_builtin();

	for (int round = 0; round < BENCH_ROUNDS; round++) {
		for (size_t i = 0; i <= n; i++) {
			double ns = bench_pass(i < n ? lks[i] : NULL, psl, pool,
					       lines, &matches[i]);

			if (round == 0 || ns < best[i])
				best[i] = ns;
		}
	}
}

/* bench_args - -o, LINES and brand counts from the command line */
static int bench_args(int argc, char **argv, unsigned long *lines,
		      size_t *counts, size_t *n, int *open)
{
	char *end;

	*open = argc > 1 && strcmp(argv[1], "-o") == 0;
	if (*open) {
		argc--;
		argv++;
	}

	*lines = BENCH_LINES_DEFAULT;
	counts[0] = 1;
	counts[1] = 10000;
	*n = 2;
	if (argc > 1) {
		*lines = strtoul(argv[1], &end, 10);
		if (*end != '\0' || *lines == 0)
			return -1;
	}
	if (argc > 2)
		*n = 0;
	for (int i = 2; i < argc; i++) {
		if (*n == BENCH_MAX_COUNTS)
			return -1;
		counts[*n] = strtoul(argv[i], &end, 10);
		if (*end != '\0' || counts[*n] == 0)
			return -1;
		(*n)++;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static char pool[BENCH_POOL][HOSTNAME_MAX + 1];
	size_t counts[BENCH_MAX_COUNTS];
	struct lookalike *lks[BENCH_MAX_COUNTS];
	double build[BENCH_MAX_COUNTS];
	double best[BENCH_MAX_COUNTS + 1];
	unsigned long matches[BENCH_MAX_COUNTS + 1];
	unsigned long lines;
	size_t n;
	int open;

	if (bench_args(argc, argv, &lines, counts, &n, &open) < 0) {
		fprintf(stderr, "usage: %s [-o] [LINES [BRANDS...]]\n",
			argv[0]);
		return EX_USAGE;
	}
	bench_senders(pool);
	for (size_t i = 0; i < n; i++) {
		double start = bench_seconds();

		lks[i] = bench_brands(counts[i], open);
		build[i] = bench_seconds() - start;
		if (lks[i] == NULL) {
			fprintf(stderr, "lookalike-bench: out of memory\n");
			return EX_OSERR;
		}
	}
	bench_measure(lks, n, pool, lines, best, matches);
	for (size_t i = 0; i < n; i++) {
		printf("brands %6zu  %7.1f ns/line  matches %lu/%lu  "
		       "index built in %.1f ms\n",
		       counts[i], best[i], matches[i], lines, build[i] * 1e3);
		lookalike_free(lks[i]);
	}
	printf("libpsl alone  %7.1f ns/line (part of every figure above)\n",
	       best[n]);
	printf("ratio %zu/%zu brands: %.2f\n", counts[n - 1], counts[0],
	       best[n - 1] / best[0]);
	return EX_OK;
}
