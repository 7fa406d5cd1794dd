/*
 * test_combo_lang - brand labels combined with lure words of languages
 * other than English (lookalike:combo): German, French, Spanish,
 * Italian, Portuguese, Dutch, Polish, Swedish, Turkish and Indonesian
 * words beside coined names, short codes and common-word brands, and
 * the names that must stay unmatched (a bank's own name, a country
 * beside the brand, a short keyword before a common word).  Then the
 * keyword list itself: sorted, bounded, every word found.
 */
#include <ctype.h>

#include "lookalike_pairs.h"
#include "lureword.h"

/* Brands of every kind: coined names (paypal, netflix), a name of a
 * French post (laposte), codes (dhl, ebay), an acronym that ends
 * English words (ups), a common word marked in the brands file (apple)
 * and a bank named after a place (santander). */
static const char *const test_brands[] = {
    "paypal.com",    "netflix.com", "amazon.com",     "laposte.fr",
    "dhl.com",       "ebay.com",    "ups.com",        "apple.com",
    "santander.com", "irs.gov",     "impots.gouv.fr",
};

/* Brands marked !word in a brands file. */
static const char *const test_words[] = {"apple.com"};

static const struct pair_case positive_cases[] = {
    /* A distinctive brand first, a lure word after it. */
    {"paypal-konto.de", "paypal.com", COMBO, "German: account"},
    {"paypalkonto.com", "paypal.com", COMBO, "German: account, glued"},
    {"laposte-suivi.fr", "laposte.fr", COMBO, "French: tracking"},
    {"laposte-colis.com", "laposte.fr", COMBO, "French: parcel"},
    {"amazon-factura.es", "amazon.com", COMBO, "Spanish: invoice"},
    {"amazonfattura.it", "amazon.com", COMBO, "Italian: invoice, glued"},
    {"netflix-pagamento.pt", "netflix.com", COMBO, "Portuguese: payment"},
    {"netflixbetaling.nl", "netflix.com", COMBO, "Dutch: payment, glued"},
    {"paypal-weryfikacja.pl", "paypal.com", COMBO, "Polish: verification"},
    {"paypal-autoryzacja.pl", "paypal.com", COMBO, "Polish: authorization"},
    {"netflixautorisation.fr", "netflix.com", COMBO,
     "French: authorization, glued"},
    {"amazonautorizzazione.it", "amazon.com", COMBO,
     "Italian: authorization, glued"},
    {"autorizacionapple.es", "apple.com", COMBO,
     "Spanish: authorization before a marked word"},
    {"paypal-activite.fr", "paypal.com", COMBO, "French: activity"},
    {"netflix-aktywnosc.pl", "netflix.com", COMBO, "Polish: activity"},
    {"amazongerer.fr", "amazon.com", COMBO, "French: manage, glued"},
    {"dhl-verwalten.de", "dhl.com", COMBO, "German: manage beside a code"},
    {"irs-gov.com", "irs.gov", COMBO, "gov beside a tax office's acronym"},
    {"impots-gouv.com", "impots.gouv.fr", COMBO,
     "gouv after the French tax office's label"},
    /* Statements and summaries, subscriptions, Find My. */
    {"paypalkontoauszug.de", "paypal.com", COMBO, "German: statement, glued"},
    {"amazon-releve.fr", "amazon.com", COMBO, "French: statement"},
    {"netflixsubscription.com", "netflix.com", COMBO,
     "English: subscription, glued"},
    {"paypalsummary.com", "paypal.com", COMBO, "English: summary, glued"},
    {"apple-find.com", "apple.com", COMBO, "Find My beside a marked word"},
    /* A parcel's fee and its tracking, a tax rebate, a penalty. */
    {"ups-redelivery-fee.com", "ups.com", COMBO, "English: fee"},
    {"dhlfees.com", "dhl.com", COMBO, "English: fees, glued"},
    {"irs-tax-rebate.com", "irs.gov", COMBO, "English: rebate"},
    {"amazon-penalty.com", "amazon.com", COMBO, "English: penalty"},
    {"laposte-frais.fr", "laposte.fr", COMBO, "French: fee"},
    {"dhl-gebuhr.de", "dhl.com", COMBO, "German: fee, umlaut dropped"},
    {"dhl-verfolgen.de", "dhl.com", COMBO, "German: tracking"},
    {"paypal-oplata.pl", "paypal.com", COMBO, "Polish: fee"},
    {"paypal-avgift.se", "paypal.com", COMBO, "Swedish: fee"},
    {"ups-pakket-volgen.nl", "ups.com", COMBO, "Dutch: parcel tracking"},
    {"paypal-ceza.com", "paypal.com", COMBO, "Turkish: penalty"},
    {"paypal-biaya.com", "paypal.com", COMBO, "Indonesian: fee"},
    {"paypal-betalning.se", "paypal.com", COMBO, "Swedish: payment"},
    {"paypal-hesap.com", "paypal.com", COMBO, "Turkish: account"},
    {"paypal-akun.com", "paypal.com", COMBO, "Indonesian: account"},
    {"amazon-bestaetigung.de", "amazon.com", COMBO,
     "German: confirmation, umlaut as ae"},
    {"amazon-bestatigung.de", "amazon.com", COMBO,
     "German: confirmation, umlaut dropped"},
    /* The terms, policy or consent a lure asks the reader to agree to. */
    {"paypalpolicy.com", "paypal.com", COMBO, "English: policy, glued"},
    {"netflixterms.com", "netflix.com", COMBO, "English: terms, glued"},
    {"paypalagree.com", "paypal.com", COMBO, "English: agree, glued"},
    {"amazon-consent.com", "amazon.com", COMBO, "English: consent"},
    {"paypal-zustimmung.de", "paypal.com", COMBO, "German: consent"},
    {"netflix-voorwaarden.nl", "netflix.com", COMBO, "Dutch: terms"},
    {"paypalcondiciones.es", "paypal.com", COMBO, "Spanish: terms, glued"},
    {"amazon-regulamin.pl", "amazon.com", COMBO, "Polish: terms"},
    {"paypal-villkor.se", "paypal.com", COMBO, "Swedish: terms"},
    {"netflix-syarat.com", "netflix.com", COMBO, "Indonesian: terms"},
    /* A lure word glued before a brand. */
    {"mijnpaypal.nl", "paypal.com", COMBO, "Dutch: my"},
    {"moncomptenetflix.fr", "netflix.com", COMBO, "French: my account"},
    {"kontopaypal.pl", "paypal.com", COMBO, "Polish: account, before"},
    /* Codes and acronyms take lure words as they take English ones. */
    {"dhl-paket.de", "dhl.com", COMBO, "German: parcel beside a code"},
    {"dhlpaczka.pl", "dhl.com", COMBO, "Polish: parcel after a code"},
    {"przesylkadhl.com", "dhl.com", COMBO, "Polish: shipment before a code"},
    {"ebay-zahlung.de", "ebay.com", COMBO, "German: payment after a name"},
    {"upsentrega.com", "ups.com", COMBO, "Portuguese: delivery after ups"},
    /* A common-word brand beside a long lure word. */
    {"apple-securite.fr", "apple.com", COMBO,
     "French: security beside a marked word"},
    {"apple-verificacion.es", "apple.com", COMBO,
     "Spanish: verification beside a marked word"},
};

static const struct pair_case negative_cases[] = {
    /* A bank's own name: bank in its language, then the brand. */
    {"bancosantander.es", NULL, NULL, "Banco Santander's own name"},
    /* Owners name their country sites so; no country is a keyword. */
    {"paypal-deutschland.de", NULL, NULL, "a country after the brand"},
    {"amazonfrance.com", NULL, NULL, "a country glued after the brand"},
    /* Short lure words before a common word make ordinary names. */
    {"meinapple.de", NULL, NULL, "a short keyword before a marked word"},
    {"monapple.fr", NULL, NULL, "a short keyword before a marked word"},
    /* Foreign words are no licence for other words. */
    {"paypal-fromage.fr", NULL, NULL, "a word that is no lure word"},
    {"dhlbrot.de", NULL, NULL, "a word that is no lure word, glued"},
};

/* test_laposte_typos - "poste" is no keyword, so laposte is no narrow
 * label (a keyword after two letters) and its typos count */
static void test_laposte_typos(const struct lookalike *lk)
{
	static const struct pair_case typos[] = {
	    {"lapoxte.fr", "laposte.fr", TYPO, "a replaced letter"},
	    {"lapste.fr", "laposte.fr", TYPO, "a letter left out"},
	};

	test_pairs(lk, typos, TEST_COUNT(typos));
}

/* test_list_order - the list is sorted without repeats, each word lower
 * case ASCII letters and no longer than LUREWORD_MAX, and each found */
static void test_list_order(void)
{
	size_t count = 0, unordered = 0, bad = 0, lost = 0, longest = 0;
	const char *prev = NULL;
	const char *word;

	for (; (word = lureword_nth(count)) != NULL; count++, prev = word) {
		size_t len = strlen(word);

		unordered += prev != NULL && strcmp(prev, word) >= 0;
		for (size_t i = 0; i < len; i++)
			bad += !islower((unsigned char)word[i]);
		bad += len > LUREWORD_MAX;
		lost += !lureword_is_keyword(word, len);
		longest = len > longest ? len : longest;
	}
	tap_ok(count > 500, "the list has words of many languages");
	tap_is_long((long)unordered, 0, "the list is sorted, no repeats");
	tap_is_long((long)bad, 0, "lower-case letters, within LUREWORD_MAX");
	tap_is_long((long)lost, 0, "every word is found");
	tap_is_long((long)longest, LUREWORD_MAX, "LUREWORD_MAX is the longest");
}

/* test_lookup_edges - lookups of what is no word */
static void test_lookup_edges(void)
{
	tap_is_long(lureword_is_keyword("konto", 5), 1, "konto is a keyword");
	tap_is_long(lureword_is_keyword("kont", 4), 0, "a prefix is none");
	tap_is_long(lureword_is_keyword("kontos", 6), 0, "a longer word none");
	tap_is_long(lureword_is_keyword("konto", 0), 0, "empty is none");
	tap_is_long(lureword_is_keyword(NULL, 5), 0, "NULL is none");
	tap_is_long(lureword_is_keyword("k\0nto", 5), 0, "a NUL inside, none");
	tap_is_long(lureword_is_keyword("wiederherstellenx", 17), 0,
		    "longer than any word");
	tap_ok(lureword_nth((size_t)-1) == NULL, "past the end: NULL");
}

int main(void)
{
	struct lookalike *lk =
	    test_fill_marked(test_brands, TEST_COUNT(test_brands), test_words,
			     TEST_COUNT(test_words));

	test_pairs(lk, positive_cases, TEST_COUNT(positive_cases));
	test_pairs(lk, negative_cases, TEST_COUNT(negative_cases));
	test_laposte_typos(lk);
	test_list_order();
	test_lookup_edges();
	lookalike_free(lk);
	return tap_done();
}
