/*
 * NAME
 *	lookalike-eval - the lookalike verdict on each sender of a list
 * SUMMARY
 *	Reads "TAG<TAB>HOST" lines, writes "TAG<TAB>HOST<TAB>BRAND<TAB>RULE"
 *	(BRAND and RULE "-" when the sender is no lookalike).
 * DESCRIPTION
 *	The driver of make eval (bench/lookalike-eval.py): brands come from
 *	the brands files given (the shipped one first), each HOST passes
 *	the same gate as a log's sender (hostname_normalize(): UTF-8 mapped
 *	to A-labels) and then lookalike_check(), as in phishwatch.  A host
 *	the gate refuses is written with BRAND "!" and RULE "invalid", one
 *	that is a brand's own (a brand, its family, below them) with BRAND
 *	"=" and RULE "own".
 *
 *	make eval builds it as $(BUILD)/lookalike-eval.
 *
 *	lookalike-eval BRANDS_FILE... < senders.tsv > verdicts.tsv
 * DIAGNOSTICS
 *	Exit 0; 64 for no brands file, 66 when one cannot be read, 71 when
 *	memory runs out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "brandfile.h"
#include "msg.h"
#include "hostname.h"
#include "lookalike.h"

/* One input line: a tag, a tab, a host of at most 4 bytes a letter. */
#define EVAL_LINE_MAX 2048

/* eval_one - the verdict on one "TAG<TAB>HOST" line */
/* The brands file's warnings, printed as phishwatch prints them. */
static const struct say_to eval_say = { msg_say, NULL };

static void eval_one(const struct lookalike *lk, char *line)
{
	char host[HOSTNAME_MAX + 1];
	struct detection d;
	char *tab = strchr(line, '\t');
	char *name = tab != NULL ? tab + 1 : line;
	const char *tag = tab != NULL ? line : "-";

	if (tab != NULL)
		*tab = '\0';
	name[strcspn(name, "\r\n")] = '\0';
	if (hostname_normalize(name, strlen(name), host) != HOST_OK) {
		printf("%s\t%s\t!\tinvalid\n", tag, name);
		return;
	}
	memset(&d, 0, sizeof(d));
	if (lookalike_owned(lk, host))
		printf("%s\t%s\t=\town\n", tag, host);
	else if (lookalike_check(lk, host, &d))
		printf("%s\t%s\t%s\t%s\n", tag, host, d.phished_domain,
		       d.rule);
	else
		printf("%s\t%s\t-\t-\n", tag, host);
}

int main(int argc, char **argv)
{
	char line[EVAL_LINE_MAX];
	struct lookalike *lk;

	if (argc < 2) {
		fprintf(stderr, "usage: lookalike-eval BRANDS_FILE...\n");
		return EX_USAGE;
	}
	lk = lookalike_new();
	if (lk == NULL)
		return EX_OSERR;
	for (int i = 1; i < argc; i++) {
		if (brandfile_load(lk, argv[i], &eval_say, NULL) < 0) {
			perror(argv[i]);
			lookalike_free(lk);
			return EX_NOINPUT;
		}
	}
	while (fgets(line, sizeof(line), stdin) != NULL)
		eval_one(lk, line);
	lookalike_free(lk);
	return 0;
}
