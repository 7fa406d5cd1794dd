/*
 * NAME
 *	lureword - the words phishing lures put beside a brand's name
 * SUMMARY
 *	Binary search of the project's keyword list.
 * DESCRIPTION
 *	The list is the project's own, written from what phishing reports
 *	find beside brand names in registered domains (secure-paypal,
 *	paypal-login, microsoft-support, dhl-tracking), and the bits of a
 *	URL (http, https, ww, www) glued to a brand by lures that pass for
 *	a link (https-paypal.com, wwwpaypal.com).
 *
 *	The words are one sorted array of strings, searched by binary
 *	search: about ten comparisons a lookup, whatever the number of
 *	brands.
 */
#include <stdlib.h>
#include <string.h>

#include "lureword.h"

/* A string with its length: a word of the list, or the key of bsearch. */
struct lureword_span {
	const char *s;
	size_t len;
};

/* Sorted (C locale), no word longer than LUREWORD_MAX; in rows, as
 * many as fit, not one a line. */
/* clang-format off */
static const struct lureword_span lureword_words[] = {
#define W(word) {word, sizeof(word) - 1}
    W("access"), W("account"), W("accounts"), W("activate"), W("activation"),
    W("activity"), W("admin"), W("airdrop"), W("alert"), W("alerts"), W("app"),
    W("appeal"), W("approval"), W("approve"), W("apps"), W("assist"),
    W("assistance"), W("auth"), W("authenticate"), W("authentication"),
    W("award"), W("bank"), W("banking"), W("benefits"), W("billing"),
    W("bonus"), W("business"), W("cancel"), W("card"), W("care"), W("case"),
    W("cdn"), W("center"), W("centre"), W("check"), W("claim"), W("click"),
    W("client"), W("cloud"), W("confirm"), W("confirmation"), W("connect"),
    W("contact"), W("corp"), W("coupon"), W("customer"), W("customers"),
    W("customs"), W("dashboard"), W("deactivate"), W("delivery"), W("desk"),
    W("device"), W("disabled"), W("dispute"), W("docs"), W("document"),
    W("documents"), W("download"), W("drive"), W("enroll"), W("esign"),
    W("expire"), W("expired"), W("express"), W("file"), W("files"), W("fix"),
    W("form"), W("fraud"), W("gift"), W("giftcard"), W("giveaway"), W("group"),
    W("help"), W("helpdesk"), W("helpline"), W("home"), W("http"), W("https"),
    W("id"), W("identity"), W("inbox"), W("info"), W("install"),
    W("invitation"), W("invite"), W("invoice"), W("invoices"), W("job"),
    W("jobs"), W("kyc"), W("limited"), W("locked"), W("login"), W("logon"),
    W("mail"), W("mailbox"), W("meeting"), W("member"), W("members"),
    W("message"), W("mobile"), W("my"), W("net"), W("news"), W("notice"),
    W("notification"), W("notify"), W("offer"), W("office"), W("official"),
    W("online"), W("order"), W("orders"), W("package"), W("parcel"),
    W("password"), W("pay"), W("payment"), W("payments"), W("payroll"),
    W("pdf"), W("pending"), W("pickup"), W("pin"), W("portal"), W("post"),
    W("prize"), W("promo"), W("protect"), W("protection"), W("quota"),
    W("receipt"), W("recover"), W("recovery"), W("redelivery"), W("refund"),
    W("refunds"), W("register"), W("renew"), W("renewal"), W("reschedule"),
    W("reset"), W("resolution"), W("resolve"), W("restore"), W("review"),
    W("reward"), W("rewards"), W("safe"), W("safety"), W("secure"),
    W("security"), W("server"), W("service"), W("services"), W("session"),
    W("share"), W("shipment"), W("shipping"), W("shop"), W("sign"),
    W("signature"), W("signin"), W("signon"), W("signup"), W("sms"), W("ssl"),
    W("sso"), W("staff"), W("status"), W("storage"), W("store"), W("support"),
    W("suspend"), W("suspended"), W("sync"), W("tax"), W("team"), W("tech"),
    W("ticket"), W("toll"), W("track"), W("tracking"), W("unlock"),
    W("update"), W("updates"), W("upgrade"), W("user"), W("users"),
    W("validate"), W("validation"), W("verification"), W("verify"), W("view"),
    W("voicemail"), W("voucher"), W("wallet"), W("web"), W("webmail"),
    W("winner"), W("ww"), W("www"),
#undef W
};
/* clang-format on */

#define LUREWORD_COUNT (sizeof(lureword_words) / sizeof(lureword_words[0]))

/* lureword_cmp - bsearch order of the words */
static int lureword_cmp(const void *key, const void *member)
{
	const struct lureword_span *span = key;
	const struct lureword_span *word = member;
	int c = memcmp(span->s, word->s,
		       span->len < word->len ? span->len : word->len);

	if (c != 0)
		return c;
	return span->len < word->len ? -1 : span->len > word->len;
}

/* lureword_is_keyword - s[0..len) is on the list */
int lureword_is_keyword(const char *s, size_t len)
{
	struct lureword_span span = {s, len};

	if (s == NULL || len == 0 || len > LUREWORD_MAX)
		return 0;
	return bsearch(&span, lureword_words, LUREWORD_COUNT,
		       sizeof(lureword_words[0]), lureword_cmp)
	       != NULL;
}

/* lureword_nth - the n-th word of the list in its order, or NULL past
 * its end */
const char *lureword_nth(size_t n)
{
	return n < LUREWORD_COUNT ? lureword_words[n].s : NULL;
}
