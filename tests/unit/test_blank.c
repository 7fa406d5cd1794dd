/*
 * test_blank - the blanks around a line's words: space and tab only,
 * trimmed at both ends and nowhere else.
 */
#include <string.h>

#include "blank.h"
#include "tap.h"

struct trim_case {
	const char *text;
	const char *want;
	const char *why;
};

static const struct trim_case trim_cases[] = {
    {"  paypal.com\t", "paypal.com", "spaces and a tab around a word"},
    {"a b", "a b", "a blank inside is kept"},
    {"\t \t", "", "blanks only: nothing left"},
    {"", "", "empty stays empty"},
    {"x\r", "x\r", "a CR is no blank (the line readers drop it)"},
    {"\vx", "\vx", "a vertical tab is no blank"},
};

int main(void)
{
	tap_ok(blank_is(' ') && blank_is('\t'), "space and tab are blanks");
	tap_ok(!blank_is('\n') && !blank_is('\r') && !blank_is('\0'),
	       "newline, CR and NUL are not");
	for (size_t i = 0; i < sizeof(trim_cases) / sizeof(trim_cases[0]);
	     i++) {
		const char *s = trim_cases[i].text;
		size_t len = strlen(s);

		blank_trim(&s, &len);
		tap_ok(len == strlen(trim_cases[i].want)
			   && memcmp(s, trim_cases[i].want, len) == 0,
		       trim_cases[i].why);
	}
	return tap_done();
}
