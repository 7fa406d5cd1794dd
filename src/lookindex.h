/*
 * lookindex - the lookalike index's inside, shared by lookalike.c (its
 * interface), lookindex.c (which builds it) and lookrules.c,
 * lookcombo.c and looksearch.c (which read it).  Not an interface: the rest of
 * phishwatch uses lookalike.h.
 */
#ifndef PHISHWATCH_LOOKINDEX_H
#define PHISHWATCH_LOOKINDEX_H

#include <libpsl.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "confusable.h"
#include "lookfilter.h"
#include "say.h"
#include "strmap.h"

/* Both labels at least this long before one edit counts (walmart: 7). */
#define LOOKALIKE_TYPO_MIN 5
/* A look-alike letter and a typo together: brand labels this long. */
#define LOOKALIKE_TWO_STEP_MIN 7
/* c and e swapped: brand labels this long (shorter ones are others'
 * acronyms then: cbc, ebc). */
#define LOOKALIKE_MERGED_MIN LOOKALIKE_TWO_STEP_MIN
/* Two typos: brand labels this long (myetherwallet, microsoftonline),
 * and at most this long: a label of n takes about n * n / 2 index keys
 * (a brands file's 63-letter label would take 1,953). */
#define LOOKALIKE_TWO_EDIT_MIN 11
#define LOOKALIKE_TWO_EDIT_MAX 24
/* A word of a hyphenated brand label this long or longer may be its
 * name (litecoin of litecoin-foundation; lookindex_names()). */
#define LOOKALIKE_NAME_MIN 4
/* Its first word, of this length, may be its initials (vtb of
 * vtb-bank, cra of cra-arc). */
#define LOOKALIKE_INITIALS_LEN 3
/* The words a hyphenated brand label keeps when a lure swaps its end
 * word for a keyword: this many letters or more (t-online, e-mail: a
 * letter and a keyword are anybody's name). */
#define LOOKALIKE_FRAME_MIN 3
/* Brand labels this long are matched only as homoglyphs, and with
 * keywords beside a hyphen (combosquat.h): bt, td. */
#define LOOKALIKE_PAIR_LEN 2
/* Brand labels shorter than this are matched only as homoglyphs. */
#define LOOKALIKE_SHORT_MIN 3
/* Family domains as targets take ordinals from here on, so that in a
 * rule every brand wins over them. */
#define LOOKALIKE_MEMBER_ORDINAL (ULONG_MAX / 2)
/* Sites list tens of brands; the maps grow when there are more. */
#define LOOKALIKE_EXPECTED 64

#define LOOKALIKE_COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct lookalike_brand {
	unsigned long ordinal; /* order of addition: earlier wins ties */
	size_t label_len;      /* length of the first label of domain */
	char *skeleton;        /* of the label; NULL when it has none */
	size_t skeleton_len;
	/* A family domain as a target of its own: the brand it is reported
	 * for (youtube.com: google.com); NULL for a brand. */
	const struct lookalike_brand *owner;
	int any_cc;     /* its label is its own under every ccTLD */
	int any_suffix; /* and under every public suffix (.*) */
	int narrow;     /* typos: only a doubled letter or a swap */
	int word;       /* the label is a common word (brands file) */
	int open;       /* anything beside its label (brands file !any) */
	int word_end;   /* 3 or 4 letters that end an English word (ups) */
	int learned;    /* learned from campaigns, not given */
	int joined;     /* a member made of the brand's label without its
			 * hyphens: no spelling of the owner's, so the label
			 * alone stays a typo of the brand */
	char domain[];  /* registrable domain, lower case */
};

/* One brand that a deletion variant comes from. */
struct lookalike_near {
	const struct lookalike_brand *brand;
	struct lookalike_near *next;
};

/* The label indexes, in the filter's rebuild order. */
enum {
	LK_LABELS,
	LK_SKELETONS,
	LK_DELETIONS,
	LK_SKEL_DELETIONS,
	LK_SHORTS,
	LK_DELETIONS2,
	LK_NAMES,
	LK_MERGED,
	LK_FRAMES,
	LK_MAPS
};

struct lookalike {
	const psl_ctx_t *psl;        /* built in to libpsl, never freed */
	struct confusable *cf;       /* skeleton maker (ICU) */
	struct strmap *brands;       /* domain -> lookalike_brand (owned) */
	struct strmap *map[LK_MAPS]; /* label indexes, see above */
	struct strmap *own;          /* family domain -> its brand */
	struct strmap *members;      /* family domain -> its target (owned) */
	struct strmap *allowed;      /* allowed domain -> lk (a member) */
	struct lookfilter filter;    /* keys of the label indexes */
	struct lookfilter domains;   /* keys of brands and own */
	unsigned long next_ordinal;
	/* The ordinal of the next family domain's target. */
	unsigned long next_member;
	/* Bit n set: a label of n in the two-deletion index.  A sender's
	 * label is two edits only from labels at most two longer or
	 * shorter, and each kind of lookup finds labels of one length. */
	uint32_t two_edit_lengths;
	/* Bit n set: a brand marked !any has a label of n (lookcombo_open():
	 * outside a bulk suffix only those lengths are looked up). */
	uint64_t open_lengths;
	size_t learned;       /* brands learned, not given */
	size_t learn_max;     /* learned brands kept at most */
	size_t learn_refused; /* learned brands refused: full */
	struct say_to say;    /* told of the first refused */
};

/* lookalike_get - the value of key[0..len) (hash h) in label index
 * which; the filter is asked first, the map only when it may be there */
static inline void *lookalike_get(const struct lookalike *lk, int which,
				  const char *key, size_t len, uint64_t h)
{
	return lookfilter_maybe(&lk->filter, h)
		   ? strmap_getn(lk->map[which], key, len)
		   : NULL;
}

/* lookindex_add - a new brand's label into every index; 0, or -1 ENOMEM */
int lookindex_add(struct lookalike *lk, struct lookalike_brand *brand);

/* lookindex_shorts - brand's narrow typos (a letter doubled, two swapped)
 * into the shorts index; 0, or -1 ENOMEM */
int lookindex_shorts(struct lookalike *lk, const struct lookalike_brand *brand);

/* lookindex_near_free - release one deletion variant's brand list (a
 * strmap value destructor) */
void lookindex_near_free(void *value);

/*
 * lookrules_variant - the brand that the registrable domain reg (no
 * brand, no family domain) imitates, and *rule the name of the rule that
 * says so; NULL when none.
 */
const struct lookalike_brand *lookrules_variant(const struct lookalike *lk,
						const char *reg,
						const char **rule);

#endif
