/*
 * test_lookalike_twoedit - two typos of a long brand label: one_edit()
 * and two_edits() agree with the textbook distance on every pair of short
 * strings, and a sender two edits from a brand label of 11 or more is a
 * lookalike (real squats of myetherwallet.com), while shorter labels,
 * three edits, English words and narrow labels are not.
 */
#include <stdio.h>
#include <string.h>

#include "lookalike.h"
#include "lookalike_pairs.h"
#include "lookfilter.h"
#include "oneedit.h"
#include "osa.h"
#include "tap.h"

/* Every string of these letters up to this length: 121 strings. */
#define SHORT_LETTERS "abc"
#define SHORT_MAX 4

static const struct pair_case two_cases[] = {
	/* Real squats of myetherwallet.com, two edits from its label. */
	{"myefherwalet.com", "myetherwallet.com", TYPO,
	 "t written f and an l left out"},
	{"etherwallet.io", "myetherwallet.com", TYPO,
	 "two letters left out, another suffix"},
	{"my-ether-wallet.com", "myetherwallet.com", TYPO, "two hyphens"},
	{"myothorwallet.com", "myetherwallet.com", TYPO, "e written o twice"},
	{"mycthcrwallet.com", "myetherwallet.com", GLYPH,
	 "e written c twice: c and e look alike"},
	{"myetherwalletxq.com", "myetherwallet.com", TYPO,
	 "two letters added at the end"},
	{"amercianexpres.com", "americanexpress.com", TYPO,
	 "a swap and a letter left out"},
	{"bankofamericca.net", "bankofamerica.com", TYPO,
	 "a letter doubled under another suffix, and one more"},
	/* Not two typos of a long brand. */
	{"myothorwallot.com", NULL, NULL, "three edits"},
	{"wollsfarge.com", NULL, NULL,
	 "two edits from a label of 10 (wellsfargo)"},
	{"interactive.com", NULL, NULL,
	 "an English word two edits from interaction"},
	{"gogleusercontnt.com", NULL, NULL,
	 "two edits from a family domain's label (narrow)"},
	{"myetherwallet.com", NULL, NULL, "the brand itself"},
	/* The longest labels that take two edits: 24 letters. */
	{"anotharlongbrandnamehare.com", "anotherlongbrandnamehere.com", TYPO,
	 "two edits from a label of 24"},
	{"verilongbrandnameforatesd.com", NULL, NULL,
	 "two edits from a label of 25"},
};

/* test_edit_tests - one_edit() and two_edits() against osa_distance()
 * on every pair of short strings */
static void test_edit_tests(void)
{
	static char words[200][SHORT_MAX + 1];
	size_t n = 1; /* words[0] is the empty string */
	size_t wrong_one = 0;
	size_t wrong_two = 0;
	size_t twos = 0;

	for (size_t from = 0; from < n && n < 200; from++) {
		size_t len = strlen(words[from]);

		for (size_t c = 0; len < SHORT_MAX && c < 3; c++) {
			memcpy(words[n], words[from], len);
			words[n][len] = SHORT_LETTERS[c];
			words[n++][len + 1] = '\0';
		}
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			const char *a = words[i];
			const char *b = words[j];
			size_t d = osa_distance(a, strlen(a), b, strlen(b));

			twos += d == 2;
			wrong_one += one_edit(a, strlen(a), b, strlen(b))
				     != (d == 1);
			wrong_two += two_edits(a, strlen(a), b, strlen(b))
				     != (d == 2);
		}
	tap_is_long((long) n, 121, "every string of a, b, c up to 4");
	tap_ok(twos > 1000, "thousands of pairs two edits apart");
	tap_is_long((long) wrong_one, 0, "one_edit() is distance 1, always");
	tap_is_long((long) wrong_two, 0, "two_edits() is distance 2, always");
}

/* test_deletion_hashes - the O(1) hashes of a label less one or two
 * characters are the hashes of the labels written out */
static void test_deletion_hashes(void)
{
	static const char *const keys[] = {
		"ab", "abc", "myetherwallet", "bankofamerica-login",
		"xn--80ak6aa92e", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	};
	size_t tried = 0;
	size_t wrong = 0;

	for (size_t k = 0; k < TEST_COUNT(keys); k++) {
		const char *s = keys[k];
		const size_t n = strlen(s);
		struct lookfilter_sums sums;
		char v[64];

		lookfilter_sums(s, n, &sums);
		for (size_t i = 0; i < n; i++) {
			memcpy(v, s, i);
			memcpy(v + i, s + i + 1, n - i - 1);
			wrong += lookfilter_without_one(&sums, i)
				 != lookfilter_hash(v, n - 1);
			tried++;
			for (size_t j = i + 1; j < n; j++) {
				memcpy(v, s, i);
				memcpy(v + i, s + i + 1, j - i - 1);
				memcpy(v + j - 1, s + j + 1, n - j - 1);
				wrong += lookfilter_without_two(&sums, i, j)
					 != lookfilter_hash(v, n - 2);
				tried++;
			}
		}
	}
	tap_ok(tried > 1000, "a thousand deletions of one and two hashed");
	tap_is_long((long) wrong, 0,
		    "each the hash of the deletion written out");
}

/* test_learned - a learned brand of 11 or more takes one edit only: an
 * attacker writes learned brands, and two edits would cost a label of
 * 63 about 2,000 index keys */
static void test_learned(void)
{
	struct lookalike *lk = lookalike_new();
	struct detection d;

	if (lk == NULL || lookalike_learn_brand(lk, "myetherwallet.com") != 1)
		exit(2);
	tap_is_long(lookalike_check(lk, "myetherwalet.com", &d), 1,
		    "a learned long brand: one edit is a lookalike");
	tap_is_long(lookalike_check(lk, "myefherwalet.com", &d), 0,
		    "a learned long brand: two edits are not");
	lookalike_free(lk);
}

int main(void)
{
	static const char *const brands[] = {
		"myetherwallet.com", "americanexpress.com",
		"bankofamerica.com", "wellsfargo.com", "interaction.com",
		"google.com", "anotherlongbrandnamehere.com",
		"verylongbrandnameforatest.com",
	};
	struct lookalike *lk = test_fill_list(brands, TEST_COUNT(brands));

	if (lookalike_add_own(lk, "google.com", "googleusercontent.com") != 1)
		return 2;
	test_edit_tests();
	test_deletion_hashes();
	test_learned();
	test_pairs(lk, two_cases, TEST_COUNT(two_cases));
	lookalike_free(lk);
	return tap_done();
}
