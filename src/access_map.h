/*
 * access_map - the map's insides, shared by access.c (loading and
 * questions), access_index.c (the scan at load) and access_query.c
 * (one question to the sources); internal.
 */
#ifndef PHISHWATCH_ACCESS_MAP_H
#define PHISHWATCH_ACCESS_MAP_H

#include <stddef.h>

#include "access.h"
#include "access_backend.h"
#include "access_set.h"
#include "access_syntax.h"

/* As many sources as config.h allows -a files. */
#define ACCESS_SOURCES_MAX 64
/* An entry's order: its source in the high bits, its place below. */
#define ACCESS_ORDER_SHIFT 40

/* One -a file. */
struct access_source {
	const struct access_ops *ops;
	const struct access_syntax_ops *syn;
	void *handle;
	char *path; /* for warnings */
	struct access_filter filter;
};

/* Hosts for access_walk_blocking_hosts() and access_walk_trusted_hosts(),
 * NUL-separated. */
struct access_hosts {
	char *text;
	size_t used;
	size_t size;
	size_t count;
};

struct access_map {
	struct access_source sources[ACCESS_SOURCES_MAX];
	size_t nsources;
	struct access_set under;     /* domains with a blocked host below */
	struct access_hosts walk;    /* at most ACCESS_WALK_MAX hosts */
	struct access_hosts trusted; /* OK, RELAY domains: as many */
	int under_full;              /* ACCESS_UNDER_MAX reached */
	struct say_to say;           /* told of skipped entries */
	struct utf8fold *fold;       /* Postfix's keys beyond ASCII */
};

/* One question to the sources of one syntax. */
struct access_query {
	const struct access_map *map;
	int *answering; /* per source: 0 not begun, 1, -1 refused */
	size_t upto;    /* sources [from, upto) are asked */
	const struct access_syntax_ops *syn;
	size_t from; /* 0, or one Postfix table of a chain */
};

/* access_index - scan every source: the set, the walk and the filters
 * anew; 0, or -1 with errno (*bad counts the newest source's
 * duplicates) */
int access_index(struct access_map *map, size_t *bad);

/* access_query_earlier - a question to the sources of syn before upto
 * that share a table with a source at upto: those of its syntax, or
 * none for a Postfix table, a restriction of its own */
struct access_query access_query_earlier(const struct access_map *map,
					 int *answering, size_t upto,
					 const struct access_syntax_ops *syn);

/* access_prepare - a new question: every source refreshed, none begun */
void access_prepare(const struct access_map *map, int *answering);

/* access_begin - every source begun now; the number that cannot answer */
size_t access_begin(const struct access_map *map, int *answering);

/* access_end - release what was begun */
void access_end(const struct access_map *map, const int *answering);

/* access_sources_count - entries of every source */
size_t access_sources_count(const struct access_map *map);

#endif
