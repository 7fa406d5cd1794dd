/*
 * fuzz/access.c - the blocking table parsers (sendmail, Postfix and its
 * regexp: and pcre: tables, Exim).
 *
 * DESCRIPTION
 *	Each input is the text of one table, written to a memfd and loaded
 *	with access_load() through /proc/self/fd as each type in turn, as
 *	phishwatch reads -a TYPE:FILE; then the map is asked what the
 *	pipeline asks of it (sender lookups, known campaigns, the learned
 *	labels), and a suggestion in every type's terms is made for every
 *	blocking host it walks.  The brands are learned from it by
 *	config_learn_access(), the function config_load() runs on every
 *	start and reload.  What the parsers warn about goes to a say
 *	function, as at a run, which checks that each message is one
 *	bounded line.  The same text is then read as a --brands file and
 *	an --allow file (brandfile.h: its forms, URLs and addresses read as
 *	domains, a byte order mark left out), and senders are checked
 *	against what they gave.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "access.h"
#include "brandfile.h"
#include "config.h"
#include "detector.h"
#include "fuzzsay.h"
#include "hostname.h"
#include "lookalike.h"

static int fuzz_fd = -1;
/* The types the input is read as, each in turn. */
static const char *const fuzz_types[] = { "", "postfix:", "postfix-dot:",
					  "exim:", "regexp:", "pcre:" };
#define FUZZ_TYPES (sizeof(fuzz_types) / sizeof(fuzz_types[0]))
static char fuzz_path[FUZZ_TYPES][80];	/* /proc/self/fd/N as each type */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_walk - what --learn-labels and the brand index do with a host */
static void fuzz_walk(const char *host, void *ctx)
{
	char line[HOSTNAME_MAX + 64];
	char registrable[HOSTNAME_MAX + 1];

	/* The walk hands out validated hosts only. */
	if (access_suggest(host, line, sizeof(line)) < 0
	    || access_suggest_as(ACCESS_POSTFIX, host, line, sizeof(line)) < 0
	    || access_suggest_as(ACCESS_POSTFIX_PCRE, host, line,
				 sizeof(line)) < 0
	    || access_suggest_as(ACCESS_EXIM, host, line, sizeof(line)) < 0)
		abort();
	(void) detector_learn_from_host(ctx, host);
	(void) detector_registrable(ctx, host, registrable);
}

/* fuzz_lookups - the pipeline's questions, on hosts the map may hold */
static void fuzz_lookups(const struct access_map *map)
{
	static const char *const hosts[] = {
		"emalsrv.linkedin.com", "complains.linkedin.com",
		"a.b.c.d.example.com", "linkedin.com", "com", "ups.com",
	};
	static const char *const locals[] = { NULL, "", "user", "postmaster" };

	for (size_t h = 0; h < sizeof(hosts) / sizeof(hosts[0]); h++) {
		for (size_t l = 0; l < sizeof(locals) / sizeof(locals[0]); l++)
			(void) access_sender_blocked(map, locals[l], hosts[h]);
		(void) access_blocks_under(map, hosts[h]);
	}
}

/* fuzz_one - the input as one type's table */
static void fuzz_one(const char *path)
{
	static const struct say_to say = { fuzz_say, NULL };
	struct access_map *map = access_new(&say);
	struct detector *det = detector_new();
	struct lookalike *lk = lookalike_new();
	size_t bad;

	if (map == NULL || det == NULL || lk == NULL)
		abort();
	if (access_load(map, path, &bad) == 0) {
		access_walk_blocking_hosts(map, fuzz_walk, det);
		if (config_learn_access(lk, map, NULL) < 0)
			abort();
		fuzz_lookups(map);
	}
	lookalike_free(lk);
	detector_free(det);
	access_free(map);
}

/* fuzz_lists - the input as a brands file, then as an allow file, and
 * senders checked against the brands it gave */
static void fuzz_lists(const char *path)
{
	static const struct say_to say = { fuzz_say, NULL };
	static const char *const senders[] = {
		"paypa1.com", "ebay-login.com", "xn--mller-kva.de", "linkedin.com",
	};
	struct lookalike *lk = lookalike_new();
	struct detection d;
	size_t bad;

	if (lk == NULL)
		abort();
	(void) brandfile_load(lk, path, &say, &bad);
	(void) brandfile_load_allow(lk, path, &say, &bad);
	for (size_t i = 0; i < sizeof(senders) / sizeof(senders[0]); i++)
		(void) lookalike_check(lk, senders[i], &d);
	lookalike_free(lk);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_fd < 0) {
		fuzz_fd = memfd_create("access", MFD_CLOEXEC);
		if (fuzz_fd < 0)
			abort();
		for (size_t i = 0; i < FUZZ_TYPES; i++)
			snprintf(fuzz_path[i], sizeof(fuzz_path[i]),
				 "%s/proc/self/fd/%d", fuzz_types[i], fuzz_fd);
	}
	if (ftruncate(fuzz_fd, 0) < 0
	    || pwrite(fuzz_fd, data, size, 0) != (ssize_t) size)
		abort();
	for (size_t i = 0; i < FUZZ_TYPES; i++)
		fuzz_one(fuzz_path[i]);
	fuzz_lists(fuzz_path[0]);
	return 0;
}
