/*
 * test_combo_lures - brand labels combined with lure words that
 * phishing reports name and the keyword list lacked (lookalike:combo):
 * the copyright and verification lures of social networks, an account
 * restricted, blocked, warned of unusual activity, to reactivate,
 * closed or terminated, frozen or broken into, a payment declined,
 * overdue or charged back, a transfer's payee, tax relief, salary,
 * pension, membership, loyalty and followers, and the words for a
 * device and a reward in the other languages of the list (its English
 * ones were there).  Top-up words, badge, feedback, survey, tickets
 * and products' words stay out: resellers, vendors and owners name
 * their sites with a brand and them (paypal-opwaarderen.nl,
 * trust-badge.co, Microsoft Authenticator).
 */
#include "lookalike_pairs.h"

/* A social network, a payment service, a wallet, an acronym, a store. */
static const char *const test_brands[] = {
    "facebook.com", "instagram.com", "paypal.com",  "ledger.com",
    "irs.gov",      "costco.com",    "metamask.io",
};

static const struct pair_case positive_cases[] = {
    /* Glued after a coined name, where an English word is the owner's
     * (googlegroups) and only a keyword counts. */
    {"facebookcopyright.com", "facebook.com", COMBO, "a copyright lure"},
    {"instagramverified.com", "instagram.com", COMBO, "a verified badge"},
    {"instagramviolation.com", "instagram.com", COMBO, "a violation"},
    {"facebookinfringement.com", "facebook.com", COMBO, "an infringement"},
    {"paypalunusual.com", "paypal.com", COMBO, "unusual activity"},
    {"paypalrestricted.com", "paypal.com", COMBO, "an account restricted"},
    {"paypalunblock.com", "paypal.com", COMBO, "unblocking it"},
    {"paypalblocked.com", "paypal.com", COMBO, "blocked"},
    {"paypalsecured.com", "paypal.com", COMBO, "secured"},
    {"paypalcashback.com", "paypal.com", COMBO, "cash back"},
    {"paypalloyalty.com", "paypal.com", COMBO, "a loyalty scheme"},
    {"paypalsalary.com", "paypal.com", COMBO, "a salary"},
    {"paypalpension.com", "paypal.com", COMBO, "a pension"},
    {"costcomembership.com", "costco.com", COMBO, "a membership"},
    {"instagramfollowers.com", "instagram.com", COMBO, "followers to buy"},
    {"paypalreactivate.com", "paypal.com", COMBO, "reactivating it"},
    {"paypalrevalidate.com", "paypal.com", COMBO, "revalidating it"},
    {"paypalclosure.com", "paypal.com", COMBO, "its closure"},
    {"paypaltermination.com", "paypal.com", COMBO, "its termination"},
    {"paypalpayee.com", "paypal.com", COMBO, "a transfer's payee"},
    {"paypalbeneficiary.com", "paypal.com", COMBO, "and its beneficiary"},
    {"paypalrebates.com", "paypal.com", COMBO, "rebates"},
    {"paypalregistration.com", "paypal.com", COMBO, "a registration"},
    {"paypalquarantine.com", "paypal.com", COMBO, "mail in quarantine"},
    {"paypalchargeback.com", "paypal.com", COMBO, "a chargeback"},
    {"paypaldeclined.com", "paypal.com", COMBO, "a payment declined"},
    {"paypaloverdue.com", "paypal.com", COMBO, "a bill overdue"},
    {"paypaloutstanding.com", "paypal.com", COMBO, "a sum outstanding"},
    {"paypalpayout.com", "paypal.com", COMBO, "a payout"},
    {"metamaskwithdraw.com", "metamask.io", COMBO, "a withdrawal"},
    {"paypaltransaction.com", "paypal.com", COMBO, "a transaction"},
    {"paypalapproved.com", "paypal.com", COMBO, "approved"},
    {"paypalpurchase.com", "paypal.com", COMBO, "a purchase"},
    {"paypalrenewals.com", "paypal.com", COMBO, "renewals"},
    {"paypalexpiring.com", "paypal.com", COMBO, "expiring"},
    {"paypalexpiry.com", "paypal.com", COMBO, "its expiry"},
    {"paypalfrozen.com", "paypal.com", COMBO, "an account frozen"},
    {"paypalcompromised.com", "paypal.com", COMBO, "compromised"},
    {"paypalbreach.com", "paypal.com", COMBO, "a breach"},
    {"facebookhacked.com", "facebook.com", COMBO, "hacked"},
    {"paypalstolen.com", "paypal.com", COMBO, "stolen"},
    {"costcocourier.com", "costco.com", COMBO, "a courier"},
    /* Glued after an acronym, which takes keywords only. */
    {"irsstimulus.com", "irs.gov", COMBO, "a stimulus payment"},
    /* After a brand label that is an English word, which takes
     * keywords, not words. */
    {"ledger-restricted.com", "ledger.com", COMBO, "restricted"},
    {"ledger-unusual.com", "ledger.com", COMBO, "unusual"},
    {"ledger-warning.com", "ledger.com", COMBO, "a warning"},
    {"ledger-synchronize.com", "ledger.com", COMBO, "a wallet to sync"},
    {"ledger-deactivation.com", "ledger.com", COMBO, "a deactivation"},
    {"ledger-failed.com", "ledger.com", COMBO, "a failed payment"},
    {"ledger-postage.com", "ledger.com", COMBO, "postage to pay"},
    {"ledger-clearance.com", "ledger.com", COMBO, "a customs clearance"},
    /* A device and a reward in the list's other languages. */
    {"ledger-apparaat.com", "ledger.com", COMBO, "a device, in Dutch"},
    {"ledger-appareil.fr", "ledger.com", COMBO, "in French"},
    {"ledger-geraet.de", "ledger.com", COMBO, "in German"},
    {"ledger-dispositivo.com", "ledger.com", COMBO, "in Spanish"},
    {"ledger-urzadzenie.pl", "ledger.com", COMBO, "in Polish"},
    {"ledger-cihaz.com", "ledger.com", COMBO, "in Turkish"},
    {"ledger-perangkat.com", "ledger.com", COMBO, "in Indonesian"},
    {"paypal-recompensas.com", "paypal.com", COMBO, "rewards, in Spanish"},
    {"paypal-belohnung.de", "paypal.com", COMBO, "a reward, in German"},
    {"paypal-beloning.nl", "paypal.com", COMBO, "in Dutch"},
    {"paypal-odul.com", "paypal.com", COMBO, "in Turkish"},
    /* The English words above in the list's other languages. */
    {"paypal-verifiziert.de", "paypal.com", COMBO, "verified, in German"},
    {"paypal-verificado.com", "paypal.com", COMBO, "in Spanish"},
    {"paypal-geverifieerd.nl", "paypal.com", COMBO, "in Dutch"},
    {"paypal-verstoss.de", "paypal.com", COMBO, "a violation, in German"},
    {"instagram-violazione.it", "instagram.com", COMBO, "in Italian"},
    {"paypal-inhabituel.fr", "paypal.com", COMBO, "unusual, in French"},
    {"paypal-waarschuwing.nl", "paypal.com", COMBO, "a warning, in Dutch"},
    {"paypal-ostrzezenie.pl", "paypal.com", COMBO, "in Polish"},
    {"paypal-peringatan.com", "paypal.com", COMBO, "in Indonesian"},
    {"paypal-resiliation.fr", "paypal.com", COMBO, "a termination, French"},
    {"paypal-cierre.es", "paypal.com", COMBO, "a closure, in Spanish"},
    {"paypal-reaktywacja.pl", "paypal.com", COMBO, "reactivation, Polish"},
    {"paypal-beneficiaire.fr", "paypal.com", COMBO, "a beneficiary"},
    {"instagram-seguidores.com", "instagram.com", COMBO, "followers"},
    {"paypal-takipci.com", "paypal.com", COMBO, "in Turkish"},
    {"paypal-salaire.fr", "paypal.com", COMBO, "a salary, in French"},
    {"paypal-mitgliedschaft.de", "paypal.com", COMBO, "a membership"},
    {"paypal-fidelite.fr", "paypal.com", COMBO, "loyalty, in French"},
    {"ledger-synchroniser.fr", "ledger.com", COMBO, "to synchronize"},
};

static const struct pair_case negative_cases[] = {
    {"paypalopwaarderen.nl", NULL, NULL, "a top-up is a reseller's word"},
    {"paypaltopup.com", NULL, NULL, "in English too"},
    {"instagrambadge.com", NULL, NULL, "a badge is anyone's"},
    {"paypallottery.com", NULL, NULL, "a lottery names its business"},
    {"ledger-topup.com", NULL, NULL, "beside an English word brand too"},
    {"paypalfeedback.com", NULL, NULL, "customer surveys are run so"},
    {"paypalsurvey.com", NULL, NULL, "by their vendors too"},
    {"paypaltickets.com", NULL, NULL, "ticket sellers are named so"},
    {"paypalauthenticator.com", NULL, NULL, "a product's word"},
    {"paypalmigrate.com", NULL, NULL, "another"},
};

TEST_LIST_MAIN(test_brands, positive_cases, negative_cases)
