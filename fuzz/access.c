/*
 * fuzz/access.c - the sendmail access map parser.
 *
 * DESCRIPTION
 *	Each input is the text of one access file, written to a memfd and
 *	loaded with access_load() through /proc/self/fd, as phishwatch
 *	reads -a FILE; then the map is asked what the pipeline asks of it
 *	(sender lookups, known campaigns, the learned labels), and an
 *	access suggestion is made for every blocking host it walks.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "access.h"
#include "detector.h"
#include "hostname.h"

static int fuzz_fd = -1;
static char fuzz_path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_walk - what --learn-labels and the brand index do with a host */
static void fuzz_walk(const char *host, void *ctx)
{
	char line[HOSTNAME_MAX + 64];
	char registrable[HOSTNAME_MAX + 1];

	if (access_suggest(host, line, sizeof(line)) < 0)
		abort();	/* the walk hands out validated hosts only */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct access_map *map;
	struct detector *det;
	size_t bad;

	if (fuzz_fd < 0) {
		fuzz_fd = memfd_create("access", MFD_CLOEXEC);
		if (fuzz_fd < 0)
			abort();
		snprintf(fuzz_path, sizeof(fuzz_path), "/proc/self/fd/%d",
			 fuzz_fd);
	}
	if (ftruncate(fuzz_fd, 0) < 0
	    || pwrite(fuzz_fd, data, size, 0) != (ssize_t) size)
		abort();
	map = access_new();
	det = detector_new();
	if (map == NULL || det == NULL)
		abort();
	if (access_load(map, fuzz_path, &bad) == 0) {
		access_walk_blocking_hosts(map, fuzz_walk, det);
		fuzz_lookups(map);
	}
	detector_free(det);
	access_free(map);
	return 0;
}
