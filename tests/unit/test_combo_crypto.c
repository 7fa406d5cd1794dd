/*
 * test_combo_crypto - brand labels combined with the words of crypto
 * lures (lookalike:combo): the coins and tokens a drainer page offers
 * (usdt, usdc, nft, token), what it asks to do with them (swap, stake)
 * and the field it claims (defi), beside wallets' and
 * marketplaces' names, glued or hyphenated, as MetaMask's and
 * ScamSniffer's lists show them.  A word of ordinary English glued
 * after the name is still none.
 */
#include "lookalike_pairs.h"

/* A wallet, a chain's foundation and an NFT marketplace. */
static const char *const test_brands[] = {
    "metamask.io",
    "ethereum.org",
    "opensea.io",
};

static const struct pair_case positive_cases[] = {
    {"metamask-usdt.cc", "metamask.io", COMBO, "a stable coin's ticker"},
    {"ethereumusdc.net", "ethereum.org", COMBO, "the other one, glued"},
    {"ethereum-defi.com", "ethereum.org", COMBO, "the field a lure claims"},
    {"ethereumdefi.net", "ethereum.org", COMBO, "the field, glued"},
    {"opensea-nft-offers.com", "opensea.io", COMBO, "an NFT and its offers"},
    {"opensea-nfts.io", "opensea.io", COMBO, "NFTs"},
    {"metamasktoken.org", "metamask.io", COMBO, "a token, glued after"},
    {"metamasktokens.com", "metamask.io", COMBO, "tokens"},
    {"metamaskswap.com", "metamask.io", COMBO, "swap, glued"},
    {"ethereumstaking.org", "ethereum.org", COMBO, "staking"},
    {"ethereumstake.com", "ethereum.org", COMBO, "stake"},
};

static const struct pair_case negative_cases[] = {
    {"ethereumclassic.org", NULL, NULL,
     "an English word glued after the name, no lure's"},
    {"openseastudio.io", NULL, NULL, "nor studio"},
    {"openseamint.io", NULL, NULL, "nor mint, a common word"},
};

TEST_LIST_MAIN(test_brands, positive_cases, negative_cases)
