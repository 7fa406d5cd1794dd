/*
 * test_keyslip - which letters typed for others are slips: keyboard
 * neighbours on QWERTY, QWERTZ and AZERTY, a vowel for a vowel, a
 * character one bit off; and one_slip(), one edit whose substitution is
 * one of them.
 */
#include <string.h>

#include "keyslip.h"
#include "oneedit.h"
#include "tap.h"

struct slip_case {
	char a, b;
	int slip;
	const char *why;
};

static const struct slip_case slip_cases[] = {
    /* The six keys around f on every layout. */
    {'f', 'r', 1, "f and r: the row above, left"},
    {'f', 't', 1, "f and t: the row above, right"},
    {'f', 'd', 1, "f and d: the same row"},
    {'f', 'g', 1, "f and g: the same row"},
    {'f', 'c', 1, "f and c: the row below, left"},
    {'v', 'f', 1, "v and f: either order"},
    {'n', 'm', 1, "n and m: amazom"},
    {'q', '1', 1, "q below the digit row"},
    {'a', 'q', 1, "a and q"},
    /* Keys that move between layouts. */
    {'y', 'a', 1, "y beside a on QWERTZ, where z is on QWERTY"},
    {'z', 'e', 1, "z beside e on AZERTY"},
    {'m', 'l', 1, "m beside l on AZERTY"},
    /* Vowels and bits. */
    {'o', 'u', 1, "a vowel for a vowel: facebouk"},
    {'i', 'y', 1, "y counts as a vowel"},
    {'s', 'c', 1, "s and c are one bit apart: coinbace"},
    {'n', 'o', 1, "n and o are one bit apart"},
    /* No slip: another name. */
    {'i', 's', 0, "i for s: sonos of ionos"},
    {'z', 'w', 0, "z for w on no layout: welle of zelle"},
    {'y', 'v', 0, "y and v: vahoo"},
    {'g', 'l', 0, "g and l: lithub"},
    {'w', 't', 0, "w and t, two bits apart: tebex"},
    {'h', 'w', 0, "h and w: wilton"},
    {'f', 'j', 0, "f and j: three keys apart"},
    {'a', 'x', 0, "a and x: two keys apart"},
    {'p', 'a', 0, "p and a: the ends of two rows"},
    {'e', 'e', 0, "a letter is no slip for itself"},
    {'-', 'a', 0, "a hyphen is on none of the rows"},
};

struct edit_case {
	const char *a, *b;
	int slip;
	const char *why;
};

static const struct edit_case edit_cases[] = {
    {"ionos", "iomos", 1, "a neighbour substituted"},
    {"ionos", "sonos", 0, "no slip substituted"},
    {"zelle", "zele", 1, "a letter left out, whatever it is"},
    {"zelle", "zelnle", 1, "a letter added, whatever it is"},
    {"ionos", "inoos", 1, "two letters swapped"},
    {"ionos", "ionos", 0, "equal"},
    {"ionos", "sonis", 0, "two edits"},
};

int main(void)
{
	char name[128];

	for (size_t i = 0; i < sizeof(slip_cases) / sizeof(slip_cases[0]);
	     i++) {
		const struct slip_case *c = &slip_cases[i];

		snprintf(name, sizeof(name), "%c for %c: %s", c->a, c->b,
			 c->why);
		tap_is_long(keyslip_letters(c->a, c->b), c->slip, name);
	}
	for (size_t i = 0; i < sizeof(edit_cases) / sizeof(edit_cases[0]);
	     i++) {
		const struct edit_case *c = &edit_cases[i];

		snprintf(name, sizeof(name), "%s and %s: %s", c->a, c->b,
			 c->why);
		tap_is_long(one_slip(c->a, strlen(c->a), c->b, strlen(c->b)),
			    c->slip, name);
	}
	return tap_done();
}
