/*
 * test_access - sendmail access map lookups, the map as source text and
 * as makemap compiles it (Berkeley DB hash and btree, cdb; with and
 * without -N): which senders it blocks (full address, host and parents,
 * user@; From: before untagged; the first entry found decides), which
 * campaigns it makes known, which domains it trusts, and an empty map.
 * Warnings and file forms: test_access_files.c; compiled maps rebuilt
 * or locked while read: test_access_compiled.c.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "access.h"
#include "access_maps.h"
#include "tap.h"

static const struct sender_case story_senders[] = {
	{"a", "complains.linkedin.com", 1, "DISCARD entry"},
	{"a", "x.complains.linkedin.com", 1, "below a DISCARD entry"},
	{"a", "emalsrv.linkedin.com", 0, "sibling of a blocked host"},
	{"a", "linkedin.com", 0, "parent of a blocked host"},
	{"a", "linkedinmail.com", 1, "lookalike brand+mail"},
	{"a", "mail.linkedinmail.com", 1, "below the lookalike"},
	{"a", "linkedin-mail.com", 1, "ERROR entry"},
	{"a", "emalsrv.marriott.com", 0, "To: never blocks a sender"},
	{"a", "emalsrv.ups.com", 0, "Connect: never blocks a sender"},
	{"a", "marriott.com", 0, "no substring match (mar)"},
	{NULL, "complains.linkedin.com", 1, "host only"},
};

static const struct under_case story_under[] = {
	{"linkedin.com", 1, "complains.linkedin.com makes the campaign known"},
	{"complains.linkedin.com", 1, "the entry's own host"},
	{"linkedinmail.com", 1, "a two-label entry"},
	{"linkedin-mail.com", 1, "an ERROR entry"},
	{"com", 0, "never the public suffix"},
	{"marriott.com", 0, "To: entries know no campaign"},
	{"ups.com", 0, "Connect: entries know no campaign"},
	{"staples.co.uk", 0, "unrelated"},
};

static void test_story(enum test_kind kind)
{
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	char name[128];
	size_t bad = 99;
	struct access_map *map = test_load_kind(kind, story_map, path, &bad,
						captured);

	printf("# story map as %s\n", kind_names[kind]);
	snprintf(name, sizeof(name), "story map as %s: ", kind_names[kind]);
	tap_is_long((long) bad, 0, "story map: no bad lines");
	tap_is_str(captured, "", "story map: no warnings");
	tap_is_long((long) access_entry_count(map), 10, "story map: entries");
	tap_is_str(access_source_kind(map, 0), kind_reported[kind],
		   strcat(name, "kind told by the name and the file"));
	test_senders(map, story_senders, COUNT(story_senders));
	test_under(map, story_under, COUNT(story_under));
	access_free(map);
	unlink(path);
}

/* Precedence: addresses, From: before untagged, first found decides. */
static const char precedence_map[] =
	"linkedin.com\tOK\n"
	"From:x.linkedin.com\tREJECT\n"
	"From:Spammer@Bad.Example\tREJECT\n"
	"bad.example\tOK\n"
	"FREE.STEALTH.MAILER@\tERROR:550 Spam not accepted\n"
	"From:joe@\tDISCARD\n"
	"good@spam.example\tOK\n"
	"spam.example\tREJECT\n"
	"okay.cyberspammer.com\tOK\n"
	"cyberspammer.com\tERROR:\"550 We don't accept mail from spammers\"\n"
	"From:another.dom\tREJECT\n"
	"From:good@another.dom\tOK\n"
	"shadow.example\tREJECT\n"
	"From:shadow.example\tOK\n"
	"From:user@emalsrv.aa.com\tREJECT\n"
	"com\tREJECT\n"
	"org\tOK\n";

static const struct sender_case precedence_senders[] = {
	{"a", "x.linkedin.com", 1, "From: host entry below an OK parent"},
	{"a", "sub.x.linkedin.com", 1, "the nearer parent decides"},
	{"a", "y.linkedin.com", 0, "the OK parent decides"},
	{"a", "linkedin.com", 0, "OK entry"},
	{"spammer", "bad.example", 1, "full address before the domain OK"},
	{"SPAMMER", "bad.example", 1, "local part compared lower-cased"},
	{"other", "bad.example", 0, "domain OK for others"},
	{"free.stealth.mailer", "any.example", 1, "user@ entry"},
	{"free.stealth.mailer", "bad.example", 0,
	 "domain before user@: the OK decides"},
	{"joe", "any.example", 1, "From:user@ entry"},
	{NULL, "any.example", 0, "no local part: no user@ lookup"},
	{"", "any.example", 0, "empty local part: no user@ lookup"},
	{"good", "spam.example", 0, "address OK before domain REJECT"},
	{"bad", "spam.example", 1, "domain REJECT"},
	{"x", "okay.cyberspammer.com", 0, "more specific OK"},
	{"x", "other.cyberspammer.com", 1, "parent ERROR"},
	{"x", "another.dom", 1, "From: domain entry"},
	{"good", "another.dom", 0, "From: address OK first"},
	{"x", "shadow.example", 0, "From: OK before untagged REJECT"},
	{"user", "emalsrv.aa.com", 1, "From:user@host"},
	{"other", "emalsrv.aa.com", 1, "top-level entry com"},
	{"x", "example.org", 0, "top-level OK"},
	{"x", "example.net", 0, "no entry at all"},
};

static const struct under_case precedence_under[] = {
	{"linkedin.com", 1, "From:x.linkedin.com REJECT below it"},
	{"bad.example", 1, "address-keyed From: entry"},
	{"spam.example", 1, "domain REJECT"},
	{"cyberspammer.com", 1, "ERROR entry"},
	{"another.dom", 1, "From: domain entry"},
	{"shadow.example", 0, "From: OK decides over untagged REJECT"},
	{"aa.com", 1, "From:user@emalsrv.aa.com"},
	{"emalsrv.aa.com", 1, "its host"},
	{"com", 0, "a single-label entry makes no campaign known"},
	{"example.net", 0, "nothing there"},
};

/* Hosts reported by access_walk_blocking_hosts(), '|'-separated. */
struct walk_seen {
	char hosts[1024];
	int count;
};

static void test_walk_one(const char *host, void *ctx)
{
	struct walk_seen *seen = ctx;
	size_t used = strlen(seen->hosts);

	snprintf(seen->hosts + used, sizeof(seen->hosts) - used, "|%s|",
		 host);
	seen->count++;
}

/* test_trusted - the precedence map's OK domains that decide (a hash
 * or btree map walks in its own order): not an address
 * (good@spam.example) nor a single label (org) */
static void test_trusted(const struct access_map *map)
{
	static const char *const trusted[] = {
		"|linkedin.com|", "|bad.example|", "|okay.cyberspammer.com|",
		"|shadow.example|"
	};
	struct walk_seen seen = { "", 0 };

	access_walk_trusted_hosts(map, test_walk_one, &seen);
	tap_is_long(seen.count, 4, "trusted: the OK domain entries that "
		    "decide, once each");
	for (size_t i = 0; i < COUNT(trusted); i++)
		tap_ok(strstr(seen.hosts, trusted[i]) != NULL, trusted[i]);
}

static void test_precedence(enum test_kind kind)
{
	static const char *const walked[] = {
		"|x.linkedin.com|", "|spam.example|", "|cyberspammer.com|",
		"|another.dom|"
	};
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	struct walk_seen seen = { "", 0 };
	size_t bad = 99;
	struct access_map *map = test_load_kind(kind, precedence_map, path,
						&bad, captured);

	printf("# precedence map as %s\n", kind_names[kind]);
	tap_is_long((long) bad, 0, "precedence map: no bad lines");
	test_senders(map, precedence_senders, COUNT(precedence_senders));
	test_under(map, precedence_under, COUNT(precedence_under));
	access_walk_blocking_hosts(map, test_walk_one, &seen);
	tap_is_long(seen.count, 4,
		    "walk: blocking domain entries that decide, once each");
	for (size_t i = 0; i < COUNT(walked); i++)
		tap_ok(strstr(seen.hosts, walked[i]) != NULL, walked[i]);
	tap_ok(strstr(seen.hosts, "shadow") == NULL,
	       "walk: not a REJECT that a From: OK overrides");
	tap_ok(strstr(seen.hosts, "@") == NULL, "walk: no address entries");
	test_trusted(map);
	access_free(map);
	unlink(path);
}

static void test_empty(void)
{
	struct access_map *map = access_new(&test_say);
	struct walk_seen seen = { "", 0 };

	tap_is_long(access_sender_blocked(map, "x", "a.example"), 0,
		    "empty map blocks nothing");
	tap_is_long(access_blocks_under(map, "a.example"), 0,
		    "empty map knows no campaign");
	access_walk_blocking_hosts(map, test_walk_one, &seen);
	tap_is_long(seen.count, 0, "empty map walks nothing");
	tap_is_long((long) access_entry_count(map), 0, "no entries");
	access_free(map);
}

int main(void)
{
	if (test_dir_make("test_access") < 0) {
		perror("mkdtemp");
		return 2;
	}
	for (int kind = 0; kind < KIND_COUNT; kind++) {
		test_story((enum test_kind) kind);
		test_precedence((enum test_kind) kind);
	}
	test_empty();
	rmdir(test_dir);
	return tap_done();
}
