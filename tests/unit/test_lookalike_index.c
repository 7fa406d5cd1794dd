/*
 * test_lookalike_index - the brand index itself: its arguments and return
 * values, brands learned at run time and their cap, thousands of brands,
 * the ASCII fast path of the skeletons against ICU, and the dictionary
 * of words that are nobody's typo.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <idn2.h>

#include "confusable.h"
#include "dictword.h"
#include "lookalike.h"
#include "lookalike_pairs.h"
#include "osa.h"
#include "tap.h"

/* test_api - arguments refused or accepted, return values */
static void test_api(void)
{
	struct lookalike *lk = lookalike_new();
	struct detection d;

	memset(&d, 0x55, sizeof(d));
	tap_is_long(lookalike_check(lk, "linkedinmail.com", &d), 0,
		    "no brands: nothing is a lookalike");
	tap_ok(((unsigned char *) &d)[0] == 0x55, "out untouched on 0");
	tap_is_long(lookalike_add_brand(lk, "LinkedIn.COM."), 1,
		    "a brand in any case, trailing dot");
	tap_is_long(lookalike_add_brand(lk, "linkedin.com"), 0,
		    "the same brand again");
	tap_is_long((long) lookalike_brand_count(lk), 1, "one brand");
	errno = 0;
	tap_is_long(lookalike_add_brand(lk, "emalsrv.marriott.com"), -1,
		    "a host below a registrable domain is no brand");
	tap_is_long(errno, EINVAL, "errno EINVAL");
	tap_is_long(lookalike_add_brand(lk, "co.uk"), -1, "a public suffix");
	tap_is_long(lookalike_add_brand(lk, "com"), -1, "a TLD");
	tap_is_long(lookalike_add_brand(lk, "bad host.com"), -1, "a space");
	tap_is_long(lookalike_add_brand(lk, NULL), -1, "NULL");
	tap_is_long(lookalike_add_brand(NULL, "x.com"), -1, "no index");
	tap_is_long(lookalike_allow(lk, "co.uk"), -1, "allow a suffix: no");
	tap_is_long(lookalike_allow(lk, "Mail.LinkedIn.NET"), 1,
		    "allow a host, any case");
	tap_is_long(lookalike_allow(lk, "mail.linkedin.net"), 0,
		    "allowed already");
	tap_is_long(lookalike_check(lk, "mail.linkedin.net", &d), 0,
		    "the allowed host");
	tap_is_long(lookalike_check(lk, "other.linkedin.net", &d), 1,
		    "its sibling is not allowed");
	tap_is_long(lookalike_check(lk, "xn--zz", &d), 0, "one label");
	tap_is_long(lookalike_check(lk, NULL, &d), 0, "NULL host");
	tap_is_long(lookalike_check(lk, "linkedin.net", NULL), 0, "NULL out");
	tap_is_long(lookalike_check(NULL, "linkedin.net", &d), 0, "NULL lk");
	tap_is_long((long) lookalike_brand_count(NULL), 0, "no index: none");
	lookalike_free(lk);
	lookalike_free(NULL);
}

/* test_learn - brands learned from the store at run time */
static void test_learn(void)
{
	struct lookalike *lk = test_fill();
	size_t before = lookalike_brand_count(lk);
	struct detection d;

	tap_is_long(lookalike_check(lk, "hsbc.com", &d), 0,
		    "hsbc.com before hsbc.co.uk is known");
	tap_is_long(lookalike_learn_brand(lk, "hsbc.co.uk"), 1,
		    "a campaign added at run time");
	tap_is_long(lookalike_check(lk, "hsbc.com", &d), 1,
		    "then hsbc.com imitates it");
	tap_is_long(lookalike_learn_brand(lk, "wallmart.com"), 0,
		    "a stored lookalike is not learned as a brand");
	tap_is_long(lookalike_check(lk, "wallmart.com", &d), 1,
		    "so wallmart.com still imitates walmart.com");
	tap_is_long(lookalike_learn_brand(lk, "linkedin.com"), 0,
		    "a brand already");
	tap_is_long(lookalike_learn_brand(lk, "x.linkedin.com"), -1,
		    "not a registrable domain");
	tap_is_long((long) lookalike_brand_count(lk), (long) before + 1,
		    "one brand learned");
	lookalike_free(lk);
}

/* ascii_agrees - the skeleton of the A-label of an accented a and
 * letters equals an a and the skeleton of letters on the fast path */
static int ascii_agrees(struct confusable *cf, const char *letters)
{
	char utf8[16];
	char *ace = NULL;
	char via_icu[CONFUSABLE_MAX + 1];
	char alone[CONFUSABLE_MAX + 1];
	int n;

	snprintf(utf8, sizeof(utf8), "\xc3\xa1%s", letters);
	if (idn2_to_ascii_8z(utf8, &ace, 0) != IDN2_OK)
		return 0;
	n = confusable_skeleton(cf, ace, strlen(ace), via_icu, NULL);
	idn2_free(ace);
	return n >= 1
	       && confusable_skeleton(cf, letters, strlen(letters), alone,
				      NULL) >= 0
	       && via_icu[0] == 'a' && strcmp(via_icu + 1, alone) == 0;
}

/* test_ascii_skeleton - the ASCII fast path of confusable_skeleton()
 * agrees with ICU's UTS #39 data: each letter, digit and hyphen, and
 * each pair of them (rm: ICU writes m as rn, which the r before it must
 * not take), after an accented a (an A-label, which goes through ICU)
 * folds as it does alone */
static void test_ascii_skeleton(void)
{
	static const char ldh[] = "abcdefghijklmnopqrstuvwxyz0123456789-";
	const size_t n = sizeof(ldh) - 1;
	struct confusable *cf = confusable_new();
	size_t agree = 0;
	size_t pairs = 0;

	for (size_t i = 0; i < n; i++) {
		char one[3] = { ldh[i], 'q', '\0' };

		agree += (size_t) ascii_agrees(cf, one);
		for (size_t j = 0; j < n; j++) {
			char two[4] = { ldh[i], ldh[j], 'q', '\0' };

			pairs += (size_t) ascii_agrees(cf, two);
		}
	}
	tap_is_long((long) agree, (long) n,
		    "ASCII skeletons agree with ICU's for every LDH character");
	tap_is_long((long) pairs, (long) (n * n),
		    "and for every pair of them (rm, nm, rrn)");
	confusable_free(cf);
}

/* campaign_name - a learned brand's name for i < 1000, each digit of i
 * written as a letter three times: any two names are three edits or
 * more apart, so none is a typo of another; nor a homoglyph: no two of
 * the letters look alike (c and e do in a long label) */
static void campaign_name(int i, char *name, size_t size)
{
	static const char letter[] = "abdfghjkpt";
	char a = letter[i / 100 % 10], b = letter[i / 10 % 10],
	     c = letter[i % 10];

	snprintf(name, size, "campaign%c%c%c%c%c%c%c%c%c.com", a, a, a, b, b,
		 b, c, c, c);
}

/* test_learn_cap - learned brands stop at the cap and are counted;
 * brands given by the administrator do not count */
static void test_learn_cap(void)
{
	struct lookalike *lk = lookalike_new();
	char name[64];
	size_t added = 0;

	lookalike_set_learn_max(lk, 100, NULL);
	for (int i = 0; i < 1000; i++) {
		campaign_name(i, name, sizeof(name));
		added += (size_t) lookalike_learn_brand(lk, name);
	}
	tap_is_long((long) added, 100, "100 learned, then full");
	tap_is_long((long) lookalike_learn_refused(lk), 900,
		    "every refused brand counted");
	tap_is_long(lookalike_add_brand(lk, "linkedin.com"), 1,
		    "a given brand is added past the cap");
	lookalike_free(lk);
}

/* test_random - the next number of a 64-bit LCG kept by the caller */
static unsigned long test_random(unsigned long long *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long) (*state >> 33);
}

/* test_slip_of - a letter one bit off c (a slip, keyslip.h) */
static char test_slip_of(unsigned long long *state, char c)
{
	for (;;) {
		char other = (char) (c ^ (1 << test_random(state) % 5));

		if (other >= 'a' && other <= 'z')
			return other;
	}
}

/* test_one_edit - label with one random edit that changes it, keeping
 * 5 or more letters (deletions only from labels of 6 or more); a letter
 * substituted in a label under 7 is a slip, as the typo rule wants */
static void test_one_edit(unsigned long long *state, const char *label,
			  char *out)
{
	size_t len = strlen(label);
	size_t at = test_random(state) % len;
	unsigned long op = test_random(state) % 4;
	char c = (char) ('a' + test_random(state) % 26);

	memcpy(out, label, len + 1);
	if (op == 0 && len > 5) {		/* delete */
		memmove(out + at, out + at + 1, len - at);
	} else if (op == 1) {			/* insert */
		memmove(out + at + 1, out + at, len - at + 1);
		out[at] = c;
	} else if (op == 2 && at + 1 < len && out[at] != out[at + 1]) {
		out[at] = label[at + 1];	/* swap two neighbours */
		out[at + 1] = label[at];
	} else if (len < 7) {			/* substitute: a slip */
		out[at] = test_slip_of(state, out[at]);
	} else {				/* substitute */
		out[at] = out[at] == c ? (char) ('a' + (c - 'a' + 1) % 26) : c;
	}
}

/* Labels of the random brands: 5 to 14 letters and a NUL. */
#define TEST_LABEL_SIZE 16

/* test_random_brands - n random labels of min_len to min_len + span - 1
 * letters into labels, each added to lk as LABEL.com */
static void test_random_brands(struct lookalike *lk, unsigned long long *state,
			       char (*labels)[TEST_LABEL_SIZE], size_t n,
			       size_t min_len, size_t span)
{
	/* No vowel, m, s, w or y: no keyword ends a label, so no brand is
	 * narrow (gmail is: a keyword after one letter) */
	static const char consonants[] = "bcdfghjklnpqrtvxz";
	char host[HOSTNAME_MAX + 1];

	for (size_t i = 0; i < n; i++) {
		size_t len = min_len + test_random(state) % span;

		for (size_t j = 0; j < len; j++)
			labels[i][j] = consonants[test_random(state)
						  % (sizeof(consonants) - 1)];
		labels[i][len] = '\0';
		snprintf(host, sizeof(host), "%s.com", labels[i]);
		if (lk == NULL || lookalike_add_brand(lk, host) < 0)
			exit(2);
	}
}

/* test_many - with thousands of brands (the filter grown many times),
 * a one-edit variant of every brand is still found */
static void test_many(void)
{
	enum { MANY = 3000 };
	static char labels[MANY][TEST_LABEL_SIZE];
	unsigned long long state = 42;
	struct lookalike *lk = lookalike_new();
	char host[HOSTNAME_MAX + 1];
	char edited[32];
	size_t found = 0;
	struct detection d;

	test_random_brands(lk, &state, labels, MANY, 5, 8);
	for (size_t i = 0; i < MANY; i++) {
		test_one_edit(&state, labels[i], edited);
		snprintf(host, sizeof(host), "%s.net", edited);
		found += (size_t) lookalike_check(lk, host, &d);
	}
	tap_is_long((long) found, MANY,
		    "a one-edit variant of each of 3000 brands is found");
	tap_is_long(lookalike_check(lk, "marketo.com", &d), 0,
		    "an unrelated sender is still none");
	lookalike_free(lk);
}

/* test_many_two - with a thousand brand labels of 11 to 14 letters, a
 * sender two edits from one (two random edits, the distance checked by
 * the reference) is found, and for that brand */
static void test_many_two(void)
{
	enum { MANY = 1000 };
	static char labels[MANY][TEST_LABEL_SIZE];
	unsigned long long state = 7;
	struct lookalike *lk = lookalike_new();
	char host[HOSTNAME_MAX + 1];
	char once[32];
	char twice[32];
	size_t two_apart = 0;
	size_t found = 0;
	struct detection d;

	test_random_brands(lk, &state, labels, MANY, 11, 4);
	for (size_t i = 0; i < MANY; i++) {
		test_one_edit(&state, labels[i], once);
		test_one_edit(&state, once, twice);
		if (osa_distance(twice, strlen(twice), labels[i],
				 strlen(labels[i]))
		    != 2)
			continue;
		two_apart++;
		snprintf(host, sizeof(host), "%s.net", twice);
		snprintf(once, sizeof(once), "%s.com", labels[i]);
		found += lookalike_check(lk, host, &d) == 1
			 && strcmp(d.phished_domain, once) == 0;
	}
	tap_ok(two_apart > MANY / 2, "most double edits are two apart");
	tap_is_long((long) found, (long) two_apart,
		    "each sender two edits from one of 1000 long brands is "
		    "found, for that brand");
	lookalike_free(lk);
}

/* Every this many words of the list are looked up (and the last):
 * enough for the search, little under valgrind. */
#define TEST_WORD_STRIDE 5

/* test_dictword - the binary search finds the words of the list, from
 * the first to the last, and nothing between two of them or beyond
 * either end */
static void test_dictword(void)
{
	size_t found = 0;
	size_t between = 0;
	size_t words = 0;
	size_t tried = 0;

	for (size_t at = 0; at < dictword_size;) {
		const char *word = dictword_text + at;
		size_t len = strlen(word);
		char longer[64];

		at += len + 1;
		if (words++ % TEST_WORD_STRIDE != 0 && at < dictword_size)
			continue;
		tried++;
		found += (size_t) dictword_is_word(word, len);
		snprintf(longer, sizeof(longer), "%szq", word);
		between += (size_t) dictword_is_word(longer, len + 2);
	}
	tap_ok(words > 50000, "dictword: tens of thousands of words");
	tap_is_long((long) found, (long) tried, "dictword: each one found");
	tap_is_long((long) between, 0, "dictword: none with zq after it");
	tap_is_long(dictword_is_word("aaaa", 4) + dictword_is_word("zzzzzz", 6)
		    + dictword_is_word("paypal", 6) + dictword_is_word("ups", 3),
		    0, "dictword: before the first, after the last, a brand, "
		    "too short");
	tap_is_long(dictword_is_word("finance", 7)
		    + dictword_is_word("chaser", 6), 2,
		    "dictword: finance and chaser are words");
}

int main(void)
{
	test_api();
	test_learn();
	test_learn_cap();
	test_ascii_skeleton();
	test_dictword();
	test_many();
	test_many_two();
	return tap_done();
}
