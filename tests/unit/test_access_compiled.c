/*
 * test_access_compiled - a sendmail access map while it changes or is
 * large: the bounded walk of its blocking domains, makemap's lock, a map
 * rewritten in place or renamed over, and a FIFO put at a compiled
 * map's path between its check and libdb's open.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "access.h"
#include "access_maps.h"
#include "tap.h"

/* Counts the hosts of a walk. */
static void test_walk_count(const char *host, void *ctx)
{
	(void) host;
	(*(size_t *) ctx)++;
}

/* test_walk_bound - a map of more blocking domains than the walk may
 * report: the walk stops at ACCESS_WALK_MAX, lookups and known
 * campaigns still cover every entry */
static void test_walk_bound(enum test_kind kind)
{
	size_t n = ACCESS_WALK_MAX + 500;
	size_t size = n * 40 + 1;
	char *text = malloc(size);
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	char name[128];
	size_t used = 0;
	size_t walked = 0;
	size_t bad = 0;
	struct access_map *map;

	if (text == NULL)
		exit(2);
	for (size_t i = 0; i < n; i++)
		used += (size_t) snprintf(text + used, size - used,
					  "mail.spam%zu.example\tREJECT\n", i);
	map = test_load_kind(kind, text, path, &bad, captured);
	access_walk_blocking_hosts(map, test_walk_count, &walked);
	snprintf(name, sizeof(name), "%s: the walk reports at most %d hosts "
		 "of %zu", kind_names[kind], ACCESS_WALK_MAX, n);
	tap_is_long((long) walked, ACCESS_WALK_MAX, name);
	snprintf(name, sizeof(name), "%s: the last entry still blocks",
		 kind_names[kind]);
	snprintf(text, size, "mail.spam%zu.example", n - 1);
	tap_is_long(access_sender_blocked(map, "x", text), 1, name);
	snprintf(name, sizeof(name), "%s: and makes its campaign known",
		 kind_names[kind]);
	snprintf(text, size, "spam%zu.example", n - 1);
	tap_is_long(access_blocks_under(map, text), 1, name);
	access_free(map);
	unlink(path);
	free(text);
}

/* test_lock - makemap holds its exclusive lock while it rewrites the
 * map: the map is not read meanwhile (a warning says so), and answers
 * again once the lock is gone */
static void test_lock(enum test_kind kind)
{
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	char name[128];
	size_t bad = 0;
	struct access_map *map = test_load_kind(kind, story_map, path, &bad,
						captured);
	int fd = open(path, O_RDONLY);
	int saved = dup(2);
	int devnull = open("/dev/null", O_WRONLY);

	if (fd < 0 || saved < 0 || devnull < 0 || flock(fd, LOCK_EX) < 0)
		exit(2);
	fflush(stderr);
	dup2(devnull, 2);	/* the rate-limited warning */
	snprintf(name, sizeof(name), "%s: not read while makemap holds it",
		 kind_names[kind]);
	tap_is_long(access_sender_blocked(map, "a", "linkedinmail.com"), 0,
		    name);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(devnull);
	flock(fd, LOCK_UN);
	close(fd);
	snprintf(name, sizeof(name), "%s: read again once makemap is done",
		 kind_names[kind]);
	tap_is_long(access_sender_blocked(map, "a", "linkedinmail.com"), 1,
		    name);
	access_free(map);
	unlink(path);
}

/* test_wait_blocked - poll until host's verdict is want (1200 looks,
 * a minute or more: a map is looked at again at most once a second, and
 * a loaded machine stretches the looks) */
static int test_wait_blocked(const struct access_map *map, const char *host,
			     int want)
{
	struct timespec tick = { 0, 50 * 1000 * 1000 };

	for (int i = 0; i < 1200; i++) {
		if (access_sender_blocked(map, "x", host) == want)
			return 1;
		nanosleep(&tick, NULL);
	}
	return 0;
}

/* test_rebuilt - makemap rewrites the file in place, or another tool
 * renames a new one over it: lookups follow without a reload */
static void test_rebuilt(enum test_kind kind)
{
	char path[TEST_PATH_MAX];
	char fresh[TEST_PATH_MAX + 8];
	char captured[TEST_CAPTURE_MAX];
	char name[128];
	size_t bad = 0;
	struct access_map *map = test_load_kind(kind, "a.example\tREJECT\n",
						path, &bad, captured);

	tap_is_long(access_sender_blocked(map, "x", "a.example"), 1,
		    "before: a.example blocked");
	test_makemap(kind, "b.example\tREJECT\n", path);	/* in place */
	snprintf(name, sizeof(name), "%s rewritten in place: the new entry "
		 "blocks", kind_names[kind]);
	tap_ok(test_wait_blocked(map, "b.example", 1), name);
	tap_is_long(access_sender_blocked(map, "x", "a.example"), 0,
		    "the old entry no more");
	snprintf(fresh, sizeof(fresh), "%s.new", path);
	test_makemap(kind, "c.example\tREJECT\n", fresh);
	if (rename(fresh, path) < 0)
		exit(2);
	snprintf(name, sizeof(name), "%s replaced by rename: the new entry "
		 "blocks", kind_names[kind]);
	tap_ok(test_wait_blocked(map, "c.example", 1), name);
	tap_is_long(access_sender_blocked(map, "x", "b.example"), 0,
		    "the replaced entry no more");
	access_free(map);
	unlink(path);
}

/* A FIFO to put at a compiled map's path for the time of libdb's open:
 * at the shared lock that access_file takes right after it checked the
 * file, and back again at the unlock that follows libdb's open. */
static struct {
	const char *path;	/* the map; NULL: nothing to do */
	char fifo[TEST_PATH_MAX];
	char kept[TEST_PATH_MAX];	/* the map's file meanwhile */
	int swapped;
} test_swap;

/* flock - the system call, with the map's path swapped around it */
int flock(int fd, int op)
{
	if (test_swap.path != NULL && !test_swap.swapped
	    && (op & LOCK_SH) != 0) {
		if (link(test_swap.path, test_swap.kept) < 0
		    || rename(test_swap.fifo, test_swap.path) < 0)
			exit(2);
		test_swap.swapped = 1;
	} else if (test_swap.path != NULL && test_swap.swapped
		   && (op & LOCK_UN) != 0) {
		if (rename(test_swap.kept, test_swap.path) < 0)
			exit(2);
		test_swap.path = NULL;
	}
	return (int) syscall(SYS_flock, fd, op);
}

/* test_swap_blocked - libdb's open of the FIFO never came back */
static void test_swap_blocked(int sig)
{
	static const char line[] = "\nnot ok - libdb opened the FIFO put at the "
	    "map's path after its check, and blocked\n";

	(void) sig;
	(void) write(STDOUT_FILENO, line, sizeof(line) - 1);
	_exit(1);
}

/* test_fifo_swap - a FIFO renamed over a .db map between its check and
 * libdb's open (no writer: opening it by name would block for ever,
 * with signals blocked in phishwatch) is never opened: libdb reads the
 * file that was checked */
static void test_fifo_swap(void)
{
	char path[TEST_PATH_MAX];
	struct access_map *map = access_new(NULL);
	size_t bad = 0;
	int status;

	test_map_path(KIND_HASH, path);
	test_makemap(KIND_HASH, "swapped.example\tREJECT\n", path);
	snprintf(test_swap.fifo, sizeof(test_swap.fifo), "%s/swap.fifo",
		 test_dir);
	snprintf(test_swap.kept, sizeof(test_swap.kept), "%s/swap.kept",
		 test_dir);
	if (map == NULL || mkfifo(test_swap.fifo, 0600) < 0)
		exit(2);
	test_swap.path = path;
	signal(SIGALRM, test_swap_blocked);
	alarm(60);	/* the open takes milliseconds; a blocked one ends */
	status = access_load(map, path, &bad);
	alarm(0);
	tap_ok(test_swap.swapped && test_swap.path == NULL,
	       "a FIFO stood at the path while libdb opened the map");
	tap_is_long(status, 0, "the file checked is the file libdb read");
	tap_is_long((long) access_entry_count(map), 1, "with its entry");
	tap_is_long(access_sender_blocked(map, "x", "swapped.example"), 1,
		    "which blocks its sender");
	access_free(map);
	unlink(path);
}

int main(void)
{
	if (test_dir_make("test_access_compiled") < 0) {
		perror("mkdtemp");
		return 2;
	}
	for (int kind = 0; kind < KIND_COUNT; kind++)
		test_walk_bound((enum test_kind) kind);
	for (int kind = KIND_HASH; kind < KIND_COUNT; kind++) {
		test_lock((enum test_kind) kind);
		test_rebuilt((enum test_kind) kind);
	}
	test_fifo_swap();
	rmdir(test_dir);
	return tap_done();
}
