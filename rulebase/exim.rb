version=2
#
# NAME
#	exim.rb - liblognorm v2 rulebase for the message part of Exim 4
#	log lines, and for the lines of Exim's own main log
#
# DESCRIPTION
#	Normalizes what Exim writes to syslog after its tag "exim[pid]: "
#	(log_file_path = syslog), and the lines of its mainlog, which have
#	no syslog header:
#
#	    [1\N] 2026-12-04 13:40:01 [123] 1rAbCd-000123-Ab <= ...
#
#	beginning after what Exim itself puts first, each part optional:
#	the "[1\N] " that begins the first piece of a line Exim split for
#	syslog, the time stamp (absent from syslog with syslog_timestamp =
#	false; phishwatch also takes log_timezone's zone after it) and the
#	"[pid] " of log_selector +pid.  phishwatch splits those off with the
#	syslog header (src/sysloghdr.c), as it does sendmail's header: as
#	optional parts at the head of every rule they multiplied the paths
#	liblognorm walks at load eightfold (some 0.1 s of CPU at every
#	start, where this file now takes a few milliseconds).  Ids are read
#	as one word, so both 4.96's 1rAbCd-000123-Ab and 4.97's
#	1rAbCd-00000000123-Abcd forms fit.
#
#	For whole lines, make builds exim-syslog.rb from the rules below and
#	exim-syslog.rb.in: the rules behind an RFC 3164 or RFC 3339 header
#	of program exim or exim4, and alone (a mainlog line, or the message
#	property with its leading space), each with Exim's own optional
#	"[1\N] ", stamp (fields log_date, log_time, the time up to a blank:
#	log_selector +millisec's ".ddd" with it, and log_timezone's zone,
#	log_zone) and "[pid] " (exim_pid) before it.
#
#	tag			fields (besides, in exim-syslog.rb, log_date,
#				log_time, log_zone, exim_pid and the header's
#				timestamp, hostname, program and pid)
#	exim-arrival		qid, from, parent_qid, relay_host, helo,
#				relay_ip, relay_port, iface_ip, iface_port,
#				user, proto, size, msgid, rcpts (the
#				recipients, space separated, with
#				log_selector +received_recipients), details
#	exim-delivered		qid, to, parent_to, orig_to, router,
#	exim-delivered-more	transport, relay_host, relay_ip, relay_port,
#	exim-delivery-suppressed details ("=>", "->" and "*>" lines)
#	exim-deferred		qid, to, parent_to, orig_to, router,
#				transport, errno, reason
#	exim-bounced		qid, to, parent_to, orig_to, router,
#				transport, reason
#	exim-completed		qid, details
#	exim-discarded		qid, reason (the message an ACL's discard verb
#				dropped: "=> blackhole (RCPT ACL ...)")
#	exim-rejected-rcpt	qid (when the line has it), relay_*, helo,
#	exim-rejected-mail	iface_*, user, from, to (RCPT only),
#	exim-rejected-data	temporary ("temporarily" when 4xx), reason
#	exim-rcpt-discarded	relay_*, helo, from, to, reason
#	exim-incomplete		relay_*, helo, reason (RSET, QUIT, ..), from,
#				rcpts (the recipients taken, if any)
#	exim-connection		relay_*, helo, details
#	exim-host-error		qid, relay_*, reason
#	exim-envelope-to	piece, to (the reject log's recipient list
#	exim-envelope-more	of a refusal after DATA, pieces of its copy
#				in syslog: the first, each next, and "..."
#				with no to for more than five)
#	exim-continued		(a further piece of a line split for syslog,
#				or a mainlog line's continuation)
#	exim-other		(anything else Exim says)
#
#	Values are the text as logged: from and to of the reject lines
#	keep their <>, an arrival's from is bare ("<>" for the null
#	sender), relay_host is the name Exim looked up, helo the HELO
#	argument; nothing is validated.
#
# HOW THE RULES ARE WRITTEN
#	As in sendmail.rb (read its notes on liblognorm 2.0.6's limits):
#	only literal, word, number, char-to, string-to, rest, date-iso and
#	time-24hr parsers; an optional part is an alternative of one
#	sequence and an empty literal of its own priority (311NN here);
#	fall-back rules at 40000, exim-other last (60000).  Exim writes its
#	fields in a fixed order, so each optional part is tried where Exim
#	would write it, and fields this file does not name are skipped up to
#	the next one it does (" P=", " S=", " defer (").  Each optional part
#	doubles the paths liblognorm walks at load, so parts Exim writes
#	together are one: a relay's name and the blank after it (Exim writes
#	H=NAME (HELO) [IP], H=NAME [IP], H=(HELO) [IP] or H=[IP]).
#
# SEE ALSO
#	tests/rulebase/exim/*.in and *.ref, one pair per line kind;
#	tests/mta/record-exim.sh, which made the recordings they come from.
#

# The kinds: exim-syslog.rb puts Exim's own "[1\N] ", stamp and [pid]
# before each of these, and not before the pieces below.
#<<< kinds
# exim-arrival: ID <= SENDER [R=PARENT] H=RELAY [I=..] [U=..] .. P=PROTO
#      .. S=SIZE [M8S=N] [id=MSGID] [for RCPT RCPT..] (+received_recipients)
#      [the rest]
rule=exim-arrival:%qid:char-to{"extradata":" "}% <= %from:char-to{"extradata":" "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" R="},{"type":"char-to","name":"parent_qid","extradata":" "}],{"type":"literal","text":"","priority":31141}]}% H=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_host","extradata":" ()[]"},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31121}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"("},{"type":"char-to","name":"helo","extradata":")"},{"type":"literal","text":") "}],{"type":"literal","text":"","priority":31123}]}%[%relay_ip:char-to{"extradata":"]"}%]%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31124}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" I=["},{"type":"char-to","name":"iface_ip","extradata":"]"},{"type":"literal","text":"]:"},{"type":"number","name":"iface_port"}],{"type":"literal","text":"","priority":31142}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" U="},{"type":"char-to","name":"user","extradata":" "}],{"type":"literal","text":"","priority":31143}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"string-to","name":"-","extradata":" P="}],{"type":"literal","text":"","priority":31144}]}% P=%proto:char-to{"extradata":" "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"string-to","name":"-","extradata":" S="}],{"type":"literal","text":"","priority":31145}]}% S=%size:number%%
	{"type":"alternative","parser":[[{"type":"literal","text":" M8S="},{"type":"number","name":"-"}],{"type":"literal","text":"","priority":31146}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" id="},{"type":"word","name":"msgid"}],{"type":"literal","text":"","priority":31147}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" for "},{"type":"rest","name":"rcpts"}],{"type":"literal","text":"","priority":31155}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"rest","name":"details"}],{"type":"literal","text":"","priority":31148}]}%
# the same without a host: local submissions and Exim's own bounces
#      (ID <= <> R=PARENT U=Debian-exim P=local S=N)
rule=exim-arrival:%qid:char-to{"extradata":" "}% <= %from:char-to{"extradata":" "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" R="},{"type":"char-to","name":"parent_qid","extradata":" "}],{"type":"literal","text":"","priority":31141}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" U="},{"type":"char-to","name":"user","extradata":" "}],{"type":"literal","text":"","priority":31143}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"string-to","name":"-","extradata":" P="}],{"type":"literal","text":"","priority":31144}]}% P=%proto:char-to{"extradata":" "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"string-to","name":"-","extradata":" S="}],{"type":"literal","text":"","priority":31145}]}% S=%size:number%%
	{"type":"alternative","parser":[[{"type":"literal","text":" M8S="},{"type":"number","name":"-"}],{"type":"literal","text":"","priority":31146}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" id="},{"type":"word","name":"msgid"}],{"type":"literal","text":"","priority":31147}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" for "},{"type":"rest","name":"rcpts"}],{"type":"literal","text":"","priority":31155}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"rest","name":"details"}],{"type":"literal","text":"","priority":31148}]}%
# fall-back: the sender is kept, the rest is not guessed
rule=exim-arrival:%qid:char-to{"extradata":" "}% <= %from:char-to{"extradata":" "}%%
	{"type":"literal","text":" ","priority":40000}%%-:rest%
# exim-discarded: ID => blackhole (RCPT ACL discarded recipients), the
#      message an ACL's discard verb accepted and dropped; the DATA
#      ACL's adds its log_message ("=> blackhole (DATA ACL discarded
#      recipients): TEXT")
rule=exim-discarded:%qid:char-to{"extradata":" "}% => blackhole (%reason:char-to{"extradata":")"}%)%
	{"type":"alternative","parser":[[{"type":"literal","text":": "},{"type":"rest","name":"-"}],{"type":"literal","text":"","priority":31157}]}%
# exim-delivered: ID => ADDR [(PARENT)] [<ORIG>] [R=..] [T=..] [H=HOST [IP]]
#      [the rest: X=, C="250 .." ...]
rule=exim-delivered:%qid:char-to{"extradata":" "}% => %to:char-to{"extradata":" ","priority":30500}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" ("},{"type":"char-to","name":"parent_to","extradata":")"},{"type":"literal","text":")"}],{"type":"literal","text":"","priority":31132}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" <"},{"type":"char-to","name":"orig_to","extradata":">"},{"type":"literal","text":">"}],{"type":"literal","text":"","priority":31131}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" R="},{"type":"word","name":"router"}],{"type":"literal","text":"","priority":31133}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" T="},{"type":"word","name":"transport"}],{"type":"literal","text":"","priority":31134}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" H="},{"type":"char-to","name":"relay_host","extradata":" "},{"type":"literal","text":" ["},{"type":"char-to","name":"relay_ip","extradata":"]"},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31135}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31136}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"rest","name":"details"}],{"type":"literal","text":"","priority":31137}]}%
# exim-delivered-more: ID -> ADDR ..., a further address of the same delivery
rule=exim-delivered-more:%qid:char-to{"extradata":" "}% -> %to:char-to{"extradata":" ","priority":30500}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" ("},{"type":"char-to","name":"parent_to","extradata":")"},{"type":"literal","text":")"}],{"type":"literal","text":"","priority":31132}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" <"},{"type":"char-to","name":"orig_to","extradata":">"},{"type":"literal","text":">"}],{"type":"literal","text":"","priority":31131}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" R="},{"type":"word","name":"router"}],{"type":"literal","text":"","priority":31133}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" T="},{"type":"word","name":"transport"}],{"type":"literal","text":"","priority":31134}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" H="},{"type":"char-to","name":"relay_host","extradata":" "},{"type":"literal","text":" ["},{"type":"char-to","name":"relay_ip","extradata":"]"},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31135}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31136}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"rest","name":"details"}],{"type":"literal","text":"","priority":31137}]}%
# exim-delivery-suppressed: ID *> ADDR ..., delivery suppressed by -N
rule=exim-delivery-suppressed:%qid:char-to{"extradata":" "}% *> %to:char-to{"extradata":" ","priority":30500}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" ("},{"type":"char-to","name":"parent_to","extradata":")"},{"type":"literal","text":")"}],{"type":"literal","text":"","priority":31132}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" <"},{"type":"char-to","name":"orig_to","extradata":">"},{"type":"literal","text":">"}],{"type":"literal","text":"","priority":31131}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" R="},{"type":"word","name":"router"}],{"type":"literal","text":"","priority":31133}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" T="},{"type":"word","name":"transport"}],{"type":"literal","text":"","priority":31134}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" H="},{"type":"char-to","name":"relay_host","extradata":" "},{"type":"literal","text":" ["},{"type":"char-to","name":"relay_ip","extradata":"]"},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31135}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31136}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"rest","name":"details"}],{"type":"literal","text":"","priority":31137}]}%
# exim-bounced: ID ** ADDR [(PARENT)] [<ORIG>] [R=..] [T=..] [..]: REASON
rule=exim-bounced:%qid:char-to{"extradata":" "}% ** %to:char-to{"extradata":" :"}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" ("},{"type":"char-to","name":"parent_to","extradata":")"},{"type":"literal","text":")"}],{"type":"literal","text":"","priority":31132}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" <"},{"type":"char-to","name":"orig_to","extradata":">"},{"type":"literal","text":">"}],{"type":"literal","text":"","priority":31131}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" R="},{"type":"char-to","name":"router","extradata":" :"}],{"type":"literal","text":"","priority":31133}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" T="},{"type":"char-to","name":"transport","extradata":" :"}],{"type":"literal","text":"","priority":31134}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"string-to","name":"-","extradata":": "}],{"type":"literal","text":"","priority":31138}]}%: %reason:rest%
# exim-deferred: ID == ADDR [(PARENT)] [<ORIG>] [R=..] [T=..] [..] defer (ERRNO): REASON
rule=exim-deferred:%qid:char-to{"extradata":" "}% == %to:char-to{"extradata":" "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" ("},{"type":"char-to","name":"parent_to","extradata":")"},{"type":"literal","text":")"}],{"type":"literal","text":"","priority":31132}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" <"},{"type":"char-to","name":"orig_to","extradata":">"},{"type":"literal","text":">"}],{"type":"literal","text":"","priority":31131}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" R="},{"type":"char-to","name":"router","extradata":" :"}],{"type":"literal","text":"","priority":31133}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" T="},{"type":"char-to","name":"transport","extradata":" :"}],{"type":"literal","text":"","priority":31134}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"string-to","name":"-","extradata":" defer ("}],{"type":"literal","text":"","priority":31139}]}% defer (%errno:char-to{"extradata":")"}%): %reason:rest%
# fall-back: ID == ADDR TEXT ("routing defer (-51): ..")
rule=exim-deferred:%qid:char-to{"extradata":" "}% == %to:char-to{"extradata":" "}%%
	{"type":"literal","text":" ","priority":40000}%%reason:rest%
# exim-completed: ID Completed [QT=..]
rule=exim-completed:%qid:char-to{"extradata":" "}% Completed%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"rest","name":"details"}],{"type":"literal","text":"","priority":31149}]}%
# exim-rejected-rcpt: [ID ]H=RELAY [I=..] [U=..] F=<SENDER> [temporarily ]rejected RCPT <TO>: REASON
rule=exim-rejected-rcpt:%
	{"type":"alternative","parser":[[{"type":"char-to","name":"qid","extradata":" "},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31150}]}%H=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_host","extradata":" ()[]"},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31121}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"("},{"type":"char-to","name":"helo","extradata":")"},{"type":"literal","text":") "}],{"type":"literal","text":"","priority":31123}]}%[%relay_ip:char-to{"extradata":"]"}%]%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31124}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" I=["},{"type":"char-to","name":"iface_ip","extradata":"]"},{"type":"literal","text":"]:"},{"type":"number","name":"iface_port"}],{"type":"literal","text":"","priority":31142}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" U="},{"type":"char-to","name":"user","extradata":" "}],{"type":"literal","text":"","priority":31143}]}% F=%from:char-to{"extradata":" "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"temporarily","name":"temporary"}],{"type":"literal","text":"","priority":31151}]}% rejected RCPT %to:char-to{"extradata":":"}%: %reason:rest%
# exim-rejected-mail: H=RELAY [I=..] [U=..] [temporarily ]rejected MAIL <SENDER>: REASON
#      (the sender is in the MAIL command, no F=)
rule=exim-rejected-mail:%
	{"type":"alternative","parser":[[{"type":"char-to","name":"qid","extradata":" "},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31150}]}%H=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_host","extradata":" ()[]"},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31121}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"("},{"type":"char-to","name":"helo","extradata":")"},{"type":"literal","text":") "}],{"type":"literal","text":"","priority":31123}]}%[%relay_ip:char-to{"extradata":"]"}%]%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31124}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" I=["},{"type":"char-to","name":"iface_ip","extradata":"]"},{"type":"literal","text":"]:"},{"type":"number","name":"iface_port"}],{"type":"literal","text":"","priority":31142}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" U="},{"type":"char-to","name":"user","extradata":" "}],{"type":"literal","text":"","priority":31143}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"temporarily","name":"temporary"}],{"type":"literal","text":"","priority":31151}]}% rejected MAIL %from:char-to{"extradata":":"}%: %reason:rest%
# exim-rejected-data: [ID ]H=RELAY [I=..] [U=..] F=<SENDER> [temporarily ]rejected after DATA[: REASON]
#      (or "rejected during MIME ACL checks", the MIME ACL's refusal)
rule=exim-rejected-data:%
	{"type":"alternative","parser":[[{"type":"char-to","name":"qid","extradata":" "},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31150}]}%H=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_host","extradata":" ()[]"},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31121}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"("},{"type":"char-to","name":"helo","extradata":")"},{"type":"literal","text":") "}],{"type":"literal","text":"","priority":31123}]}%[%relay_ip:char-to{"extradata":"]"}%]%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31124}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" I=["},{"type":"char-to","name":"iface_ip","extradata":"]"},{"type":"literal","text":"]:"},{"type":"number","name":"iface_port"}],{"type":"literal","text":"","priority":31142}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" U="},{"type":"char-to","name":"user","extradata":" "}],{"type":"literal","text":"","priority":31143}]}% F=%from:char-to{"extradata":" "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"temporarily","name":"temporary"}],{"type":"literal","text":"","priority":31151}]}%%
	{"type":"alternative","parser":[{"type":"literal","text":" rejected after DATA"},{"type":"literal","text":" rejected during MIME ACL checks"}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":": "},{"type":"rest","name":"reason"}],{"type":"literal","text":"","priority":31152}]}%
# exim-rcpt-discarded: H=RELAY .. F=<SENDER> RCPT <TO>: discarded by RCPT ACL[: TEXT]
#      (one a recipient; the message's own line is exim-discarded)
rule=exim-rcpt-discarded:%
	{"type":"alternative","parser":[[{"type":"char-to","name":"qid","extradata":" "},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31150}]}%H=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_host","extradata":" ()[]"},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31121}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"("},{"type":"char-to","name":"helo","extradata":")"},{"type":"literal","text":") "}],{"type":"literal","text":"","priority":31123}]}%[%relay_ip:char-to{"extradata":"]"}%]%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31124}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" I=["},{"type":"char-to","name":"iface_ip","extradata":"]"},{"type":"literal","text":"]:"},{"type":"number","name":"iface_port"}],{"type":"literal","text":"","priority":31142}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" U="},{"type":"char-to","name":"user","extradata":" "}],{"type":"literal","text":"","priority":31143}]}% F=%from:char-to{"extradata":" "}% RCPT %to:char-to{"extradata":":"}%: discarded by RCPT ACL%
	{"type":"alternative","parser":[[{"type":"literal","text":": "},{"type":"rest","name":"reason"}],{"type":"literal","text":"","priority":31153}]}%
# exim-incomplete: H=RELAY [I=..] [U=..] incomplete transaction (WHY)
#      from <SENDER>[ for RCPT RCPT..] (log_selector
#      +smtp_incomplete_transaction): a transaction ended by RSET, QUIT
#      or a lost connection before its message was taken
rule=exim-incomplete:H=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_host","extradata":" ()[]"},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31121}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"("},{"type":"char-to","name":"helo","extradata":")"},{"type":"literal","text":") "}],{"type":"literal","text":"","priority":31123}]}%[%relay_ip:char-to{"extradata":"]"}%]%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31124}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" I=["},{"type":"char-to","name":"iface_ip","extradata":"]"},{"type":"literal","text":"]:"},{"type":"number","name":"iface_port"}],{"type":"literal","text":"","priority":31142}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" U="},{"type":"char-to","name":"user","extradata":" "}],{"type":"literal","text":"","priority":31143}]}% incomplete transaction (%reason:char-to{"extradata":")"}%) from %
	{"type":"alternative","parser":[[{"type":"char-to","name":"from","extradata":" "},{"type":"literal","text":" for "},{"type":"rest","name":"rcpts"}],{"type":"rest","name":"from","priority":31156}]}%
# exim-connection: SMTP connection from RELAY [(TCP/IP connection count = N)|closed by QUIT|lost ..]
rule=exim-connection:SMTP connection from %
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_host","extradata":" ()[]"},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31121}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"("},{"type":"char-to","name":"helo","extradata":")"},{"type":"literal","text":") "}],{"type":"literal","text":"","priority":31123}]}%[%relay_ip:char-to{"extradata":"]"}%]%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31124}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"rest","name":"details"}],{"type":"literal","text":"","priority":31154}]}%
# exim-host-error: ID H=HOST [IP] TEXT, a remote host's error during a delivery
rule=exim-host-error:%qid:char-to{"extradata":" ","priority":40000}% H=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_host","extradata":" ()[]"},{"type":"literal","text":" "}],{"type":"literal","text":"","priority":31121}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"("},{"type":"char-to","name":"helo","extradata":")"},{"type":"literal","text":") "}],{"type":"literal","text":"","priority":31123}]}%[%relay_ip:char-to{"extradata":"]"}%]%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31124}]}%%
	{"type":"literal","text":" ","priority":40000}%%reason:rest%
#>>> kinds
#<<< pieces
# exim-envelope-to: "[K\N] Envelope-to: <R>", the first recipient of the
#      message that the reject log's copy of a refusal after DATA lists
#      (it reaches syslog with syslog_duplication); piece is K
rule=exim-envelope-to:%{"type":"literal","text":"[","priority":19000}%%piece:number%%-:char-to{"extradata":"]"}%] Envelope-to: <%to:char-to{"extradata":">"}%>
# exim-envelope-more: "[K\N]     <R>" the list's next recipient, or
#      "[K\N]     ...": more than the five Exim lists (no to)
rule=exim-envelope-more:%{"type":"literal","text":"[","priority":19000}%%piece:number%%-:char-to{"extradata":"]"}%]     <%to:char-to{"extradata":">"}%>
rule=exim-envelope-more:%{"type":"literal","text":"[","priority":19000}%%piece:number%%-:char-to{"extradata":"]"}%]     ...
# exim-continued: "[K\N] text" or "[N/N] text" with K > 1, the pieces after
# the first of a line Exim split for syslog (the rejectlog's header lines
# among them; "[1\N] " begins the first piece and belongs to its kind)
rule=exim-continued:%
	{"type":"alternative","parser":[{"type":"literal","text":"[2"},{"type":"literal","text":"[3"},{"type":"literal","text":"[4"},{"type":"literal","text":"[5"},{"type":"literal","text":"[6"},{"type":"literal","text":"[7"},{"type":"literal","text":"[8"},{"type":"literal","text":"[9"},{"type":"literal","text":"[10"},{"type":"literal","text":"[11"},{"type":"literal","text":"[12"},{"type":"literal","text":"[13"},{"type":"literal","text":"[14"},{"type":"literal","text":"[15"},{"type":"literal","text":"[16"},{"type":"literal","text":"[17"},{"type":"literal","text":"[18"},{"type":"literal","text":"[19"}],"priority":20000}%%
	-:char-to{"extradata":"]"}%] %-:rest%
# a mainlog line that continues the one before it (it begins with a blank)
rule=exim-continued: %-:rest%
#>>> pieces
# The program is known only from a header, which this file never sees: in
# exim-syslog.rb a line without one is taken for Exim's only when it has a
# kind above or begins with Exim's time stamp (a mainlog line); phishwatch
# itself counts any other line under an exim header, and any other
# mainlog line, as exim-other.
rule=exim-other:%
	log_date:date-iso{"priority":60000}% %log_time:char-to{"extradata":" "}% %-:rest%
