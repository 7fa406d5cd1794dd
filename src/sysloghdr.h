/*
 * sysloghdr - split a syslog line into its header and message part.
 *
 * DESCRIPTION
 *	A mail log line is "STAMP HOST PROGRAM[PID]: MESSAGE", with an RFC
 *	3164 stamp ("Jul  3 14:12:20"), an RFC 3339 one as rsyslog's
 *	RSYSLOG_FileFormat writes it ("2026-11-27T00:58:09.123+00:00") or
 *	one of Exim's shape ("2026-12-04 13:40:01"), perhaps after syslog's
 *	priority ("<22>"); or an RFC 5424 line ("<22>1 STAMP HOST APP PROCID
 *	MSGID STRUCTURED-DATA MESSAGE"), whose APP and PROCID stand for the
 *	program and pid; or
 *	the message part alone, as an omprog template "%msg%" hands it over,
 *	or a line of Exim's own main log, which has no syslog header but
 *	begins with Exim's stamp ("2026-12-04 13:40:01 [123] 1rAbCd-...").
 *	sysloghdr_split() finds the pieces with fixed-position checks and
 *	one scan, never allocating and never reading past len; the stamp
 *	is only recognized here, logtime reads its value.
 *
 *	phishwatch hands only the message part to liblognorm: a rulebase
 *	with the header in every rule costs liblognorm a walk of every path
 *	through the header's alternatives when it loads, several times the
 *	work of the message rules alone.
 */
#ifndef PHISHWATCH_SYSLOGHDR_H
#define PHISHWATCH_SYSLOGHDR_H

#include <stddef.h>

enum sysloghdr_form {
	SYSLOGHDR_NONE,     /* no header: the message part alone */
	SYSLOGHDR_SENDMAIL, /* header of sm-mta, sendmail or sm-msp-queue */
	SYSLOGHDR_POSTFIX,  /* header of postfix/NAME or postfix-INST/NAME */
	SYSLOGHDR_EXIM,     /* header of exim or exim4 */
	SYSLOGHDR_OTHER,    /* header of another program, or malformed */
	SYSLOGHDR_MAINLOG   /* Exim's mainlog: stamp and [pid], no host */
};

/* One piece of the line: line[off..off+len), not NUL-terminated. */
struct sysloghdr_span {
	size_t off;
	size_t len;
};

struct sysloghdr {
	struct sysloghdr_span stamp; /* empty without a header or stamp */
	struct sysloghdr_span host;
	struct sysloghdr_span program;
	struct sysloghdr_span pid;
	struct sysloghdr_span message; /* after ": " and any blanks */
};

/*
 * A line's split as sysloghdr_split() made it, and the length of the
 * line it was made of: the prefilter splits every line and hands this
 * on, so that normalize, which reads the same bytes, need not split
 * them again.
 */
struct sysloghdr_line {
	size_t len; /* of the line split */
	enum sysloghdr_form form;
	struct sysloghdr hdr;
};

/*
 * sysloghdr_split - the form of line[0..len) and, unless it is
 * SYSLOGHDR_OTHER, where its pieces are
 */
enum sysloghdr_form sysloghdr_split(const char *line, size_t len,
				    struct sysloghdr *hdr);

/* sysloghdr_sendmail - 1 when name[0..len) is sm-mta, sendmail or
 * sm-msp-queue (also normalize's program matcher for sendmail) */
int sysloghdr_sendmail(const char *name, size_t len);

/* sysloghdr_postfix - 1 when name[0..len) is a Postfix daemon's syslog
 * name: postfix/NAME, postfix-INSTANCE/NAME (a multi-instance set-up's
 * default syslog_name), or the postfix command's own "postfix" (also
 * normalize's program matcher for Postfix) */
int sysloghdr_postfix(const char *name, size_t len);

/* sysloghdr_exim - 1 when name[0..len) is exim or exim4 (also
 * normalize's program matcher for Exim) */
int sysloghdr_exim(const char *name, size_t len);

#endif
