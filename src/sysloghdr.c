/*
 * sysloghdr - split a syslog line into its header and message part.
 *
 * NAME
 *	sysloghdr - the syslog header of phishwatch's input lines
 *
 * SUMMARY
 *	sysloghdr_split() answers whether a line has a header, whose it is,
 *	and where the stamp, host, program, pid and message part lie.
 *
 * DESCRIPTION
 *	A line that begins with something shaped like a time stamp has a
 *	header; anything else is the message part alone.  The stamp's
 *	shape is enough here (a month name, day and clock; or digits, "-"
 *	and a word holding a "T"): logtime reads its value later and
 *	counts a stamp it cannot read.  The host is one word, the tag is
 *	PROGRAM[PID]: with a decimal pid; blanks after the colon are not
 *	part of the message.  Only the programs of the MTAs phishwatch
 *	reads count (sendmail's, Postfix's daemons under their syslog
 *	names, and Exim's: exim, exim4); every other header, and one that does
 *	not have this shape, is "other". Exim's mainlog line begins "YYYY-MM-DD
 *	hh:mm:ss", perhaps with log_selector +millisec's ".ddd", perhaps
 *	with log_timezone's " +hhmm", then perhaps
 *	log_selector +pid's "[pid]"; its message part is what follows, as after
 *	an exim[pid] tag. After an exim or exim4 tag, what Exim itself puts
 *	first is not part of the message either: "[1\N] " (the first piece of a
 *	line it split), its own stamp and "[pid] ", each when present; a later
 *	piece ("[2\N] ...") is the message.
 */
#include <string.h>

#include "sysloghdr.h"

/* RFC 3164 "Mmm dd hh:mm:ss" is 15 bytes; the day may be one digit */
#define SYSLOGHDR_3164_MIN 14

/* sysloghdr_digit - 1 for an ASCII digit */
static int sysloghdr_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* sysloghdr_name_in - 1 when p holds, in any case, one of the
 * three-letter names that names packs in lower case ("janfeb...") */
static int sysloghdr_name_in(const char *p, const char *names)
{
	char name[3];

	for (int i = 0; i < 3; i++)
		name[i] = (char)(p[i] | 0x20); /* ASCII letters to lower */
	for (size_t at = 0; names[at] != '\0'; at += 3)
		if (memcmp(names + at, name, 3) == 0)
			return 1;
	return 0;
}

/* sysloghdr_month - 1 when p holds an English month name, any case */
static int sysloghdr_month(const char *p)
{
	return sysloghdr_name_in(p, "janfebmaraprmayjunjulaugsepoctnovdec");
}

/* sysloghdr_clock - 1 when p holds "hh:mm:ss" */
static int sysloghdr_clock(const char *p)
{
	return sysloghdr_digit(p[0]) && sysloghdr_digit(p[1]) && p[2] == ':'
	       && sysloghdr_digit(p[3]) && sysloghdr_digit(p[4]) && p[5] == ':'
	       && sysloghdr_digit(p[6]) && sysloghdr_digit(p[7]);
}

/* Digits of a fraction of a second after an RFC 3164 clock, at most:
 * journalctl -o short-precise writes 6, syslog-ng's frac-digits() up
 * to 6 as well; 9 is a nanosecond. */
#define SYSLOGHDR_FRACTION_MAX 9

/* sysloghdr_fraction - length of ".d..." at line[off..len), or 0 */
static size_t sysloghdr_fraction(const char *line, size_t len, size_t off)
{
	size_t n = 0;

	if (off >= len || line[off] != '.')
		return 0;
	while (n < SYSLOGHDR_FRACTION_MAX && off + 1 + n < len
	       && sysloghdr_digit(line[off + 1 + n]))
		n++;
	return n == 0 ? 0 : n + 1;
}

/* sysloghdr_3164 - length of an RFC 3164 stamp at line, or 0; a
 * fraction of a second may follow the clock ("Jul  3 14:12:20.123456",
 * journalctl -o short-precise) */
static size_t sysloghdr_3164(const char *line, size_t len)
{
	size_t day_end; /* where the day's last digit is */

	if (len < SYSLOGHDR_3164_MIN || !sysloghdr_month(line)
	    || line[3] != ' ')
		return 0;
	day_end = line[4] == ' ' ? 5 : 4; /* "Jul  3", "Jul 3", "Jul 13" */
	if (!sysloghdr_digit(line[day_end]))
		return 0;
	if (day_end == 4 && sysloghdr_digit(line[5]))
		day_end = 5;
	if (day_end + 11 > len || line[day_end + 1] != ' '
	    || !sysloghdr_clock(line + day_end + 2))
		return 0;
	return day_end + 10 + sysloghdr_fraction(line, len, day_end + 10);
}

/* sysloghdr_3339 - length of an RFC 3339 stamp at line, or 0 (any
 * number of year digits: logtime refuses a year it cannot hold) */
static size_t sysloghdr_3339(const char *line, size_t len)
{
	const char *space;

	size_t digits = 0;

	while (digits < len && sysloghdr_digit(line[digits]))
		digits++;
	if (digits == 0 || digits == len || line[digits] != '-')
		return 0;
	space = memchr(line, ' ', len);
	if (space == NULL || memchr(line, 'T', (size_t)(space - line)) == NULL)
		return 0;
	return (size_t)(space - line);
}

/* Seconds since the epoch in journalctl -o short-unix: ten digits from
 * 2001 to 2286; nine to twelve are taken, with the fraction it always
 * writes, so that no other line's leading number is taken for one. */
#define SYSLOGHDR_UNIX_MIN 9
#define SYSLOGHDR_UNIX_MAX 12

/* sysloghdr_unix - length of a "seconds.fraction" stamp at line, or 0 */
static size_t sysloghdr_unix(const char *line, size_t len)
{
	size_t digits = 0;
	size_t fraction;

	while (digits < len && digits <= SYSLOGHDR_UNIX_MAX
	       && sysloghdr_digit(line[digits]))
		digits++;
	if (digits < SYSLOGHDR_UNIX_MIN || digits > SYSLOGHDR_UNIX_MAX)
		return 0;
	fraction = sysloghdr_fraction(line, len, digits);
	return fraction == 0 ? 0 : digits + fraction;
}

/* sysloghdr_date - 1 when p holds "YYYY-MM-DD hh:mm:ss" (19 bytes) */
static int sysloghdr_date(const char *p)
{
	for (int i = 0; i < 10; i++)
		if (!(i == 4 || i == 7 ? p[i] == '-' : sysloghdr_digit(p[i])))
			return 0;
	return p[10] == ' ' && sysloghdr_clock(p + 11);
}

/* The longest zone journalctl -o short-full writes after the clock:
 * an abbreviation (CET, AEDT) or, for a zone without one, its offset
 * (+03, +0530). */
#define SYSLOGHDR_ZONE_MAX 6

/* sysloghdr_weekday - 1 when p holds an English day name's first three
 * letters, any case */
static int sysloghdr_weekday(const char *p)
{
	return sysloghdr_name_in(p, "montuewedthufrisatsun");
}

/* sysloghdr_zone_char - a byte of a zone's abbreviation or offset */
static int sysloghdr_zone_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
	       || sysloghdr_digit(c) || c == '+' || c == '-';
}

/* sysloghdr_full - length of a journalctl -o short-full stamp at line
 * ("Fri 2026-12-04 17:26:48 CET"), or 0 */
static size_t sysloghdr_full(const char *line, size_t len)
{
	const size_t zone = 24; /* after "Www YYYY-MM-DD hh:mm:ss " */
	size_t end = zone;

	if (len <= zone || !sysloghdr_weekday(line) || line[3] != ' '
	    || !sysloghdr_date(line + 4) || line[zone - 1] != ' ')
		return 0;
	while (end < len && end - zone < SYSLOGHDR_ZONE_MAX
	       && sysloghdr_zone_char(line[end]))
		end++;
	return end > zone && (end == len || line[end] == ' ') ? end : 0;
}

/* Exim's log_selector +millisec: ".ddd" after the seconds. */
#define SYSLOGHDR_MILLISEC_LEN 4

/* sysloghdr_millisec - 1 when p[0..len) starts with ".ddd" */
static int sysloghdr_millisec(const char *p, size_t len)
{
	if (len < SYSLOGHDR_MILLISEC_LEN || p[0] != '.')
		return 0;
	for (size_t i = 1; i < SYSLOGHDR_MILLISEC_LEN; i++)
		if (!sysloghdr_digit(p[i]))
			return 0;
	return 1;
}

/* sysloghdr_mainlog - length of an Exim mainlog stamp at line, or 0;
 * a blank must follow it */
static size_t sysloghdr_mainlog(const char *line, size_t len)
{
	size_t stamp = 19;

	if (len <= stamp || !sysloghdr_date(line))
		return 0;
	if (sysloghdr_millisec(line + stamp, len - stamp))
		stamp += SYSLOGHDR_MILLISEC_LEN;
	if (len > stamp + 6 && line[stamp] == ' '
	    && (line[stamp + 1] == '+' || line[stamp + 1] == '-')) {
		for (size_t i = stamp + 2; i < stamp + 6; i++)
			if (!sysloghdr_digit(line[i]))
				return 0;
		stamp += 6;
	}
	return stamp < len && line[stamp] == ' ' ? stamp : 0;
}

/* sysloghdr_mainlog_pid - the "[pid] " at off into hdr; the offset
 * after it, or off itself when there is none */
static size_t sysloghdr_mainlog_pid(const char *line, size_t len, size_t off,
				    struct sysloghdr *hdr)
{
	size_t p = off + 1;

	if (off >= len || line[off] != '[')
		return off;
	while (p < len && sysloghdr_digit(line[p]))
		p++;
	if (p == off + 1 || p + 1 >= len || line[p] != ']'
	    || line[p + 1] != ' ')
		return off;
	hdr->pid.off = off + 1;
	hdr->pid.len = p - off - 1;
	return p + 2;
}

/* sysloghdr_exim_piece - the "[1\N] " that begins the first piece of a
 * line Exim split for syslog, at off: the offset after it, or off */
static size_t sysloghdr_exim_piece(const char *line, size_t len, size_t off)
{
	size_t p = off + 3;

	if (len - off < 6 || memcmp(line + off, "[1\\", 3) != 0)
		return off;
	while (p < len && sysloghdr_digit(line[p]))
		p++;
	if (p == off + 3 || p + 1 >= len || line[p] != ']'
	    || line[p + 1] != ' ')
		return off;
	return p + 2;
}

/* sysloghdr_exim_own - after an exim[pid] tag, what Exim itself may put
 * before the message: the split line's "[1\N] ", its stamp (unless
 * syslog_timestamp = false), its "[pid] " (+pid); the offset after them.
 * exim.rb leaves them to us: as optional parts at the head of every rule
 * they multiply the paths liblognorm walks at load eightfold. */
static size_t sysloghdr_exim_own(const char *line, size_t len, size_t off)
{
	struct sysloghdr pid; /* the tag's pid is the one kept */
	size_t stamp;

	off = sysloghdr_exim_piece(line, len, off);
	stamp = sysloghdr_mainlog(line + off, len - off);
	if (stamp > 0)
		off += stamp + 1;
	return sysloghdr_mainlog_pid(line, len, off, &pid);
}

/* sysloghdr_word - the span from off to the next space; 0 if empty */
static int sysloghdr_word(const char *line, size_t len, size_t off,
			  struct sysloghdr_span *span)
{
	const char *space = memchr(line + off, ' ', len - off);

	if (space == NULL || space == line + off)
		return 0;
	span->off = off;
	span->len = (size_t)(space - line) - off;
	return 1;
}

/* sysloghdr_sendmail - 1 when the program is one of sendmail's */
int sysloghdr_sendmail(const char *name, size_t len)
{
	static const char *const programs[] = {"sm-mta", "sendmail",
					       "sm-msp-queue"};

	for (size_t i = 0; i < sizeof(programs) / sizeof(programs[0]); i++)
		if (len == strlen(programs[i])
		    && memcmp(name, programs[i], len) == 0)
			return 1;
	return 0;
}

/* sysloghdr_postfix - see sysloghdr.h */
int sysloghdr_postfix(const char *name, size_t len)
{
	size_t i = 7; /* strlen("postfix") */

	if (len < i || memcmp(name, "postfix", i) != 0)
		return 0;
	if (len == i)
		return 1;
	if (name[i] == '-') { /* an instance: its name up to '/' */
		size_t start = ++i;

		while (i < len && name[i] != '/')
			i++;
		if (i == start)
			return 0;
		if (i == len)
			return 1;
	}
	return name[i] == '/' && i + 1 < len;
}

/* sysloghdr_exim - 1 when the program is Exim's */
int sysloghdr_exim(const char *name, size_t len)
{
	return (len == 4 && memcmp(name, "exim", 4) == 0)
	       || (len == 5 && memcmp(name, "exim4", 5) == 0);
}

/* sysloghdr_tag - "PROGRAM[PID]:" at off; the offset after it, or 0 */
static size_t sysloghdr_tag(const char *line, size_t len, size_t off,
			    struct sysloghdr *hdr)
{
	size_t p = off;

	while (p < len && line[p] != '[' && line[p] != ' ' && line[p] != ':')
		p++;
	if (p == off || p >= len || line[p] != '[')
		return 0;
	hdr->program.off = off;
	hdr->program.len = p - off;
	hdr->pid.off = ++p;
	/* any number of digits: the event leaves out a pid it cannot hold */
	while (p < len && sysloghdr_digit(line[p]))
		p++;
	hdr->pid.len = p - hdr->pid.off;
	if (hdr->pid.len == 0 || len - p < 2 || line[p] != ']'
	    || line[p + 1] != ':')
		return 0;
	return p + 2;
}

/* sysloghdr_blanks - the offset of the first byte after blanks at off */
static size_t sysloghdr_blanks(const char *line, size_t len, size_t off)
{
	while (off < len && (line[off] == ' ' || line[off] == '\t'))
		off++;
	return off;
}

/* sysloghdr_mta - the form of the program in hdr, SYSLOGHDR_OTHER for
 * one that is no MTA's; for an MTA's, the message part from off on */
static enum sysloghdr_form sysloghdr_mta(const char *line, size_t len,
					 size_t off, struct sysloghdr *hdr)
{
	enum sysloghdr_form form;

	if (sysloghdr_sendmail(line + hdr->program.off, hdr->program.len))
		form = SYSLOGHDR_SENDMAIL;
	else if (sysloghdr_postfix(line + hdr->program.off, hdr->program.len))
		form = SYSLOGHDR_POSTFIX;
	else if (sysloghdr_exim(line + hdr->program.off, hdr->program.len))
		form = SYSLOGHDR_EXIM;
	else
		return SYSLOGHDR_OTHER;
	off = sysloghdr_blanks(line, len, off);
	if (form == SYSLOGHDR_EXIM)
		off = sysloghdr_exim_own(line, len, off);
	hdr->message.off = off;
	hdr->message.len = len - hdr->message.off;
	return form;
}

/* sysloghdr_tagged - a stamp of stamp bytes, then " HOST PROGRAM[PID]:" */
static enum sysloghdr_form sysloghdr_tagged(const char *line, size_t len,
					    size_t stamp, struct sysloghdr *hdr)
{
	size_t off;

	hdr->stamp.len = stamp;
	if (stamp >= len || line[stamp] != ' '
	    || !sysloghdr_word(line, len, stamp + 1, &hdr->host))
		return SYSLOGHDR_OTHER;
	off = sysloghdr_tag(line, len, hdr->host.off + hdr->host.len + 1, hdr);
	if (off == 0)
		return SYSLOGHDR_OTHER;
	return sysloghdr_mta(line, len, off, hdr);
}

/* sysloghdr_plain - a line without a priority: the forms above */
static enum sysloghdr_form sysloghdr_plain(const char *line, size_t len,
					   struct sysloghdr *hdr)
{
	size_t stamp = sysloghdr_3164(line, len);
	size_t off;

	if (stamp == 0 && (off = sysloghdr_mainlog(line, len)) > 0) {
		enum sysloghdr_form form =
		    sysloghdr_tagged(line, len, off, hdr);

		/* "YYYY-MM-DD hh:mm:ss HOST postfix/qmgr[PID]:" is a syslog
		 * header with that stamp, not Exim's mainlog */
		if (form != SYSLOGHDR_OTHER)
			return form;
		memset(hdr, 0, sizeof(*hdr));
		hdr->stamp.len = off;
		off = sysloghdr_mainlog_pid(line, len, off + 1, hdr);
		hdr->message.off = sysloghdr_blanks(line, len, off);
		hdr->message.len = len - hdr->message.off;
		return SYSLOGHDR_MAINLOG;
	}
	if (stamp == 0)
		stamp = sysloghdr_3339(line, len);
	if (stamp == 0)
		stamp = sysloghdr_unix(line, len);
	if (stamp == 0)
		stamp = sysloghdr_full(line, len);
	if (stamp == 0) {
		hdr->message.off = sysloghdr_blanks(line, len, 0);
		hdr->message.len = len - hdr->message.off;
		return SYSLOGHDR_NONE;
	}
	return sysloghdr_tagged(line, len, stamp, hdr);
}

/* sysloghdr_pri - the length of a priority "<PRI>" (1 to 3 digits) that
 * begins line, as syslog's wire formats have it; 0 for none */
static size_t sysloghdr_pri(const char *line, size_t len)
{
	size_t p = 1;

	if (len < 3 || line[0] != '<')
		return 0;
	while (p < len && p <= 3 && sysloghdr_digit(line[p]))
		p++;
	return p > 1 && p < len && line[p] == '>' ? p + 1 : 0;
}

/* sysloghdr_sd - the offset after RFC 5424's STRUCTURED-DATA at off:
 * "-", or one or more "[...]" elements, in which "\]" is no end; 0 when
 * there is none */
static size_t sysloghdr_sd(const char *line, size_t len, size_t off)
{
	if (off < len && line[off] == '-')
		return off + 1;
	if (off >= len || line[off] != '[')
		return 0;
	while (off < len && line[off] == '[') {
		for (off++; off < len && line[off] != ']'; off++)
			if (line[off] == '\\' && off + 1 < len)
				off++;
		if (off >= len)
			return 0;
		off++;
	}
	return off;
}

/* The UTF-8 byte order mark RFC 5424 lets a message begin with. */
#define SYSLOGHDR_BOM     "\xef\xbb\xbf"
#define SYSLOGHDR_BOM_LEN 3

/* sysloghdr_5424_field - the word at *off into span ("-" is empty, the
 * RFC's nil value); *off moved past it and its space; 0 for none */
static int sysloghdr_5424_field(const char *line, size_t len, size_t *off,
				struct sysloghdr_span *span)
{
	struct sysloghdr_span word;

	if (!sysloghdr_word(line, len, *off, &word))
		return 0;
	*off = word.off + word.len + 1;
	if (!(word.len == 1 && line[word.off] == '-'))
		*span = word;
	return 1;
}

/*
 * sysloghdr_5424 - RFC 5424's "1 TIMESTAMP HOST APP-NAME PROCID MSGID
 * STRUCTURED-DATA [MSG]" at off, after its priority: the stamp, host,
 * program and pid as a tagged header's, the message after the
 * structured data (and a byte order mark); SYSLOGHDR_OTHER for a line
 * of another shape or another program
 */
static enum sysloghdr_form sysloghdr_5424(const char *line, size_t len,
					  size_t off, struct sysloghdr *hdr)
{
	struct sysloghdr_span msgid = {0, 0};

	if (len - off < 2 || line[off] != '1' || line[off + 1] != ' ')
		return SYSLOGHDR_OTHER;
	off += 2;
	if (!sysloghdr_5424_field(line, len, &off, &hdr->stamp)
	    || !sysloghdr_5424_field(line, len, &off, &hdr->host)
	    || !sysloghdr_5424_field(line, len, &off, &hdr->program)
	    || !sysloghdr_5424_field(line, len, &off, &hdr->pid)
	    || !sysloghdr_5424_field(line, len, &off, &msgid)
	    || hdr->program.len == 0
	    || (off = sysloghdr_sd(line, len, off)) == 0)
		return SYSLOGHDR_OTHER;
	if (off < len && line[off] == ' ')
		off++;
	if (len - off >= SYSLOGHDR_BOM_LEN
	    && memcmp(line + off, SYSLOGHDR_BOM, SYSLOGHDR_BOM_LEN) == 0)
		off += SYSLOGHDR_BOM_LEN;
	return sysloghdr_mta(line, len, off, hdr);
}

/* sysloghdr_shift - every span of hdr moved by n bytes */
static void sysloghdr_shift(struct sysloghdr *hdr, size_t n)
{
	struct sysloghdr_span *spans[] = {
	    &hdr->stamp, &hdr->host, &hdr->program, &hdr->pid, &hdr->message};

	for (size_t i = 0; i < sizeof(spans) / sizeof(spans[0]); i++)
		spans[i]->off += n;
}

/* sysloghdr_split - see sysloghdr.h */
enum sysloghdr_form sysloghdr_split(const char *line, size_t len,
				    struct sysloghdr *hdr)
{
	size_t pri = sysloghdr_pri(line, len);
	enum sysloghdr_form form;

	memset(hdr, 0, sizeof(*hdr));
	if (pri > 0 && pri < len && line[pri] == '1')
		return sysloghdr_5424(line, len, pri, hdr);
	form = sysloghdr_plain(line + pri, len - pri, hdr);
	if (pri > 0)
		sysloghdr_shift(hdr, pri);
	return form;
}
