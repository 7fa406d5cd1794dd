version=2
#
# NAME
#	sendmail.rb - liblognorm v2 rulebase for the message part of
#	sendmail 8.x (sm-mta) log lines
#
# DESCRIPTION
#	Normalizes what sm-mta, sendmail and sm-msp-queue write to syslog
#	after their tag "program[pid]: " and the queue id, if any: the
#	rules begin at "from=<a@b>, size=..." of "r63IA8dJ004707: from=<a@b>,
#	size=...", or at "ruleset=check_rcpt, ...".  phishwatch splits the
#	syslog header off itself (src/sysloghdr.c), and the queue id too
#	(src/normalize.c: a first word without blanks or colons and ": ",
#	the field qid); when no rule reads what follows that word, it hands
#	liblognorm the whole message part ("Milter: data, reject=...").
#	liblognorm loads this file in a few milliseconds because neither is
#	in it: an optional part at the head of every rule doubles the paths
#	that loading walks (see HOW THE RULES ARE WRITTEN), the header's
#	alternatives multiply them.
#
#	For whole lines (lognormalizer on a log file, rsyslog's mmnormalize
#	on the message property with its leading space), make builds
#	sendmail-syslog.rb from the rules below and syslog.rb.in: the same
#	rules behind an RFC 3164 or RFC 3339 header, and behind one
#	optional space.  Edit the rules here, the header there.
#
#	Each rule's tag names the line kind; src/normalize_sendmail.c maps
#	tags and field names onto the MTA-neutral record (src/mailrec.h).
#	They are the contract with that file and with whoever reads rsyslog
#	mmnormalize output made with these rules.
#
#	tag		fields besides qid (which phishwatch, or the header
#			of sendmail-syslog.rb, adds: with timestamp,
#			hostname, program and pid there)
#	from		from, size, class, pri, nrcpts, msgid, bodytype, proto,
#			daemon, relay_user, relay_host, relay_ip, relay_forged
#	to		to, ctladdr, delay, xdelay, mailer, pri, relay_user,
#			relay_host, relay_ip, relay_forged, dsn, reply, stat
#	ruleset		ruleset, arg1, arg2, relay_*, and reject, discard or
#			quarantine
#	milter		milter_at (the stage: "data"), reject
#	discarded	(qid only)
#	dsn		dsn_qid, dsn_text
#	lost-input	relay_*, daemon, command
#	no-mail		relay_*, commands, daemon
#	auth		role, relay_*, authid, mech, bits
#	starttls	role, relay_*, version, verify, cipher, bits
#	sendmail-other	(header and qid, when the line has them; made by
#			phishwatch, or by sendmail-syslog.rb's last rules)
#
#	Values are the text as logged: from keeps its <>, relay_ip keeps an
#	"IPv6:" tag, relay_forged is "(may be forged)" when sendmail said so,
#	discard is "discard".  relay is sendmail's [user@][host][ [ip]][
#	(may be forged)]; relay_user is the ident or local user before "@".
#	Nothing here is validated: hosts and addresses are the sender's words.
#
# HOW THE RULES ARE WRITTEN
#	Known limits of liblognorm 2.0.6 shape this file:
#	- The "string" parser crashes on bytes >= 0x80 (upstream issue 340):
#	  only literal, word, number, char-to, string-to, whitespace, rest and
#	  the two date parsers are used; they compare bytes and nothing more.
#	- User-defined types (type=@x) leak their result object whenever they
#	  fail to match and may report a wrong length: none are used.
#	- An "alternative" may hold one sequence, and only as its first
#	  member; the others must be single parsers.  That is enough for an
#	  optional part, written here as
#	      {"type":"alternative","parser":[[...the part...],
#	       {"type":"literal","text":"","priority":310NN}]}
#	  where the empty literal matches nothing, so the line may go on
#	  without the part.  Every kind of optional part has its own
#	  310NN: two optional parts that begin at the same place must not
#	  look alike, or liblognorm merges their ends.
#	- Parsers tried at the same place go by priority (lower first,
#	  30000 by default).  The empty literals (310NN) come after the
#	  parts they skip, fall-back rules after them (40000), and
#	  sendmail-syslog.rb's catch-all sendmail-other rules last (60000).
#	Every value is cut at a separator that sendmail writes after it
#	(", " or "," or the next keyword), so a hostile address or message
#	id can at worst push its line into a fall-back rule; the relay at
#	the end of a from= line is anchored at the end of the line, and
#	its parts hold no spaces, so text inside a msgid cannot pose as it.
#
#	Each rule may span lines: a line break is allowed right after the
#	"%" that opens a field, nowhere else.
#
#	Loading walks every path through the optional parts once, so its
#	cost is the product of their choices along a rule: some 10 ms for
#	this file, fourteen times that for sendmail-syslog.rb, where the
#	header's alternatives multiply every path.  Matching a line does
#	not pay it.  Prefer a new rule to a long chain of optional parts.
#	A relay's host and the blank after it are one part: a host that
#	ends at a blank is the word before it, so "word, blank" reads what
#	the host's char-to and the blank read one after the other; the
#	char-to alone (30001), a lone blank (31019), nothing (31021) and a
#	word with a ",", "[", "]" or "@" in it (31025) come after it, in
#	the order in which the two parts tried them (10423 paths before,
#	8711 now).
#	The empty literal of an optional part is itself a step on every
#	path through it, and the parts at the end of a rule are walked once
#	for every path before them (the to= line's dsn= and reply= once
#	for each of its 2560 ways to the end of the relay).  So the last
#	optional parts of the biggest rules are written out as one rule for
#	each way they can be there: rules that begin alike share that
#	beginning in the graph, and their ends are new steps, no empty
#	literals.  This reads the same lines the same way because the
#	keywords that begin those parts (", dsn=", ", reply=", ", stat=";
#	" (may be forged)" or the end of a from= line) exclude each other,
#	and a rule may end where another goes on.  sendmail.rb loads in
#	201 M instructions instead of 275 M.
#	The queue id was such a part at the head of every rule, so loading
#	walked every rule twice after it; phishwatch cuts it off instead
#	(see DESCRIPTION), and this file loads in 102 M instructions.
#
# FILES
#	syslog.rb.in	the header forms; #@kinds@ stands for the rules
#			between the "kinds" markers below, #@tail@ for the
#			lines after the closing marker
#
# SEE ALSO
#	tests/rulebase/*.in and *.ref, one pair per line kind.
#

#<<< kinds
# from: qid: from=<a@b>, size=N, class=N, [pri=N,] nrcpts=N[, msgid=..]
#       [, bodytype=..][, proto=..][, daemon=..][, other=..], relay=..
# The first two rules are one, written out for a relay with and without
# "(may be forged)" (see HOW THE RULES ARE WRITTEN); the next two, for a
# line with fields they do not know before relay= (tls_verify= and
# auth=, which a sendmail built with _FFR_LOG_MORE1 writes there, or a
# later version's), keep the sender, nrcpts and the relay and skip the
# rest; the fifth is the fall-back for a msgid that breaks them all: the
# sender is kept, the relay is not guessed.
rule=from:from=%
	from:string-to{"extradata":", size="}%, size=%size:number%, class=%class:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", pri="},{"type":"number","name":"pri"}],{"type":"literal","text":"","priority":31006}]}%, nrcpts=%nrcpts:number%%
	{"type":"alternative","parser":[[{"type":"literal","text":", msgid="},{"type":"string-to","name":"msgid","extradata":", "}],{"type":"literal","text":"","priority":31008}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", bodytype="},{"type":"char-to","name":"bodytype","extradata":","}],{"type":"literal","text":"","priority":31009}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", proto="},{"type":"char-to","name":"proto","extradata":","}],{"type":"literal","text":"","priority":31010}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", daemon="},{"type":"char-to","name":"daemon","extradata":","}],{"type":"literal","text":"","priority":31011}]}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"literal","text":" "}%%relay_forged:literal{"text":"(may be forged)"}%
rule=from:from=%
	from:string-to{"extradata":", size="}%, size=%size:number%, class=%class:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", pri="},{"type":"number","name":"pri"}],{"type":"literal","text":"","priority":31006}]}%, nrcpts=%nrcpts:number%%
	{"type":"alternative","parser":[[{"type":"literal","text":", msgid="},{"type":"string-to","name":"msgid","extradata":", "}],{"type":"literal","text":"","priority":31008}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", bodytype="},{"type":"char-to","name":"bodytype","extradata":","}],{"type":"literal","text":"","priority":31009}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", proto="},{"type":"char-to","name":"proto","extradata":","}],{"type":"literal","text":"","priority":31010}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", daemon="},{"type":"char-to","name":"daemon","extradata":","}],{"type":"literal","text":"","priority":31011}]}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%
rule=from:from=%
	from:string-to{"extradata":", size="}%, size=%size:number%, class=%class:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", pri="},{"type":"number","name":"pri"}],{"type":"literal","text":"","priority":31006}]}%, nrcpts=%nrcpts:number%%
	{"type":"literal","text":", ","priority":35000}%%-:string-to{"extradata":", relay="}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"literal","text":" "}%%relay_forged:literal{"text":"(may be forged)"}%
rule=from:from=%
	from:string-to{"extradata":", size="}%, size=%size:number%, class=%class:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", pri="},{"type":"number","name":"pri"}],{"type":"literal","text":"","priority":31006}]}%, nrcpts=%nrcpts:number%%
	{"type":"literal","text":", ","priority":35000}%%-:string-to{"extradata":", relay="}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%
rule=from:from=%
	from:string-to{"extradata":", size="}%, size=%size:number%, class=%class:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", pri="},{"type":"number","name":"pri"}],{"type":"literal","text":"","priority":31006}]}%, nrcpts=%nrcpts:number%%
	{"type":"literal","text":", ","priority":40000}%%-:rest%
# to: qid: to=<a>,<b>[, [more]][, ctladdr=..], delay=..[, xdelay=..]
#     [, mailer=..][, pri=N][, relay=..][, dsn=X.Y.Z][, reply=text],
#     stat=text
# (8.17 writes the remote server's reply= before stat= of a failure.)
# The first four rules are one with a relay=, written out for each way
# dsn= and reply= can follow it (see HOW THE RULES ARE WRITTEN); the
# fifth is the line without relay=.  The last rule keeps to= and stat= of
# a line with fields sendmail 8.x did not write when this was made.
rule=to:to=%to:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[{"type":"literal","text":", [more]"},{"type":"literal","text":"","priority":31002}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", ctladdr="},{"type":"string-to","name":"ctladdr","extradata":", "}],{"type":"literal","text":"","priority":31003}]}%, delay=%delay:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", xdelay="},{"type":"char-to","name":"xdelay","extradata":","}],{"type":"literal","text":"","priority":31004}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", mailer="},{"type":"char-to","name":"mailer","extradata":","}],{"type":"literal","text":"","priority":31005}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", pri="},{"type":"number","name":"pri"}],{"type":"literal","text":"","priority":31006}]}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}%%
	{"type":"literal","text":", dsn="}%%dsn:char-to{"extradata":","}%%{"type":"literal","text":", reply="}%%
	reply:string-to{"extradata":", stat="}%%{"type":"literal","text":", stat="}%%stat:rest%
rule=to:to=%to:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[{"type":"literal","text":", [more]"},{"type":"literal","text":"","priority":31002}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", ctladdr="},{"type":"string-to","name":"ctladdr","extradata":", "}],{"type":"literal","text":"","priority":31003}]}%, delay=%delay:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", xdelay="},{"type":"char-to","name":"xdelay","extradata":","}],{"type":"literal","text":"","priority":31004}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", mailer="},{"type":"char-to","name":"mailer","extradata":","}],{"type":"literal","text":"","priority":31005}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", pri="},{"type":"number","name":"pri"}],{"type":"literal","text":"","priority":31006}]}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}%%
	{"type":"literal","text":", dsn="}%%dsn:char-to{"extradata":","}%%{"type":"literal","text":", stat="}%%stat:rest%
rule=to:to=%to:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[{"type":"literal","text":", [more]"},{"type":"literal","text":"","priority":31002}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", ctladdr="},{"type":"string-to","name":"ctladdr","extradata":", "}],{"type":"literal","text":"","priority":31003}]}%, delay=%delay:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", xdelay="},{"type":"char-to","name":"xdelay","extradata":","}],{"type":"literal","text":"","priority":31004}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", mailer="},{"type":"char-to","name":"mailer","extradata":","}],{"type":"literal","text":"","priority":31005}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", pri="},{"type":"number","name":"pri"}],{"type":"literal","text":"","priority":31006}]}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}%%
	{"type":"literal","text":", reply="}%%
	reply:string-to{"extradata":", stat="}%%{"type":"literal","text":", stat="}%%stat:rest%
rule=to:to=%to:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[{"type":"literal","text":", [more]"},{"type":"literal","text":"","priority":31002}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", ctladdr="},{"type":"string-to","name":"ctladdr","extradata":", "}],{"type":"literal","text":"","priority":31003}]}%, delay=%delay:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", xdelay="},{"type":"char-to","name":"xdelay","extradata":","}],{"type":"literal","text":"","priority":31004}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", mailer="},{"type":"char-to","name":"mailer","extradata":","}],{"type":"literal","text":"","priority":31005}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", pri="},{"type":"number","name":"pri"}],{"type":"literal","text":"","priority":31006}]}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}%%
	{"type":"literal","text":", stat="}%%stat:rest%
rule=to:to=%to:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[{"type":"literal","text":", [more]"},{"type":"literal","text":"","priority":31002}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", ctladdr="},{"type":"string-to","name":"ctladdr","extradata":", "}],{"type":"literal","text":"","priority":31003}]}%, delay=%delay:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", xdelay="},{"type":"char-to","name":"xdelay","extradata":","}],{"type":"literal","text":"","priority":31004}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", mailer="},{"type":"char-to","name":"mailer","extradata":","}],{"type":"literal","text":"","priority":31005}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", pri="},{"type":"number","name":"pri"}],{"type":"literal","text":"","priority":31006}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", dsn="},{"type":"char-to","name":"dsn","extradata":","}],{"type":"literal","text":"","priority":31007}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", reply="},{"type":"string-to","name":"reply","extradata":", stat="}],{"type":"literal","text":"","priority":31014}]}%, stat=%stat:rest%
rule=to:to=%to:string-to{"extradata":", "}%%
	{"type":"literal","text":", ","priority":40000}%%
	-:string-to{"extradata":", stat="}%, stat=%stat:rest%
# ruleset: [qid: ]ruleset=check_*, arg1=..[, arg2=..][, relay=..], then
# reject=text, discard, or quarantine=text
rule=ruleset:ruleset=%ruleset:char-to{"extradata":","}%, arg1=%arg1:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", arg2="},{"type":"string-to","name":"arg2","extradata":", "}],{"type":"literal","text":"","priority":31012}]}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}%, reject=%
	reject:rest%
rule=ruleset:ruleset=%ruleset:char-to{"extradata":","}%, arg1=%arg1:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", arg2="},{"type":"string-to","name":"arg2","extradata":", "}],{"type":"literal","text":"","priority":31012}]}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}%, %
	discard:literal{"text":"discard"}%
rule=ruleset:ruleset=%ruleset:char-to{"extradata":","}%, arg1=%arg1:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", arg2="},{"type":"string-to","name":"arg2","extradata":", "}],{"type":"literal","text":"","priority":31012}]}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}%, quarantine=%
	quarantine:rest%
rule=ruleset:ruleset=%ruleset:char-to{"extradata":","}%, arg1=%arg1:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", arg2="},{"type":"string-to","name":"arg2","extradata":", "}],{"type":"literal","text":"","priority":31012}]}%, reject=%
	reject:rest%
rule=ruleset:ruleset=%ruleset:char-to{"extradata":","}%, arg1=%arg1:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", arg2="},{"type":"string-to","name":"arg2","extradata":", "}],{"type":"literal","text":"","priority":31012}]}%, %
	discard:literal{"text":"discard"}%
rule=ruleset:ruleset=%ruleset:char-to{"extradata":","}%, arg1=%arg1:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", arg2="},{"type":"string-to","name":"arg2","extradata":", "}],{"type":"literal","text":"","priority":31012}]}%, quarantine=%
	quarantine:rest%
# milter: qid: Milter: data, reject=text (a milter refused the message
# at the end of its data; sendmail then writes for each recipient a to=
# line without mailer=)
rule=milter:Milter: %
	milter_at:char-to{"extradata":","}%, reject=%reject:rest%
# discarded: qid: discarded
rule=discarded:discarded
# dsn: qid: dsnqid: DSN: text
rule=dsn:%
	dsn_qid:char-to{"extradata":": "}%: DSN: %dsn_text:rest%
# lost-input: [qid: ]lost input channel from RELAY to DAEMON after COMMAND
rule=lost-input:lost input channel from %
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}% to %
	daemon:char-to{"extradata":" "}% after %command:word%
# no-mail: [qid: ]RELAY did not issue MAIL/EXPN/VRFY/ETRN during
#          connection to DAEMON
rule=no-mail:%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}% did not issue %
	commands:char-to{"extradata":" "}% during connection to %daemon:word%
# auth: [qid: ]AUTH=server|client, relay=..[, authid=..], mech=.., bits=N
rule=auth:AUTH=%role:char-to{"extradata":","}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", authid="},{"type":"string-to","name":"authid","extradata":", mech="}],{"type":"literal","text":"","priority":31013}]}%, mech=%mech:char-to{"extradata":","}%, bits=%bits:number%
# starttls: [qid: ]STARTTLS=server|client, relay=.., version=..,
#           verify=.., cipher=.., bits=N/N
rule=starttls:STARTTLS=%role:char-to{"extradata":","}%, relay=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"relay_user","extradata":"@ ,[]"},{"type":"literal","text":"@"}],{"type":"literal","text":"","priority":31020}]}%%
	{"type":"alternative","parser":[[{"type":"word","name":"relay_host"},{"type":"literal","text":" "}],{"type":"char-to","name":"relay_host","extradata":" ,[]@","priority":30001},{"type":"literal","text":" ","priority":31019},{"type":"literal","text":"","priority":31021},{"type":"word","name":"relay_host","priority":31025}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":"["},{"type":"char-to","name":"relay_ip","extradata":"] "},{"type":"literal","text":"]"}],{"type":"literal","text":"","priority":31023}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"literal","text":"(may be forged)","name":"relay_forged"}],{"type":"literal","text":"","priority":31024}]}%, version=%version:char-to{"extradata":","}%, verify=%verify:char-to{"extradata":","}%, cipher=%cipher:char-to{"extradata":","}%, bits=%bits:word%
#>>> kinds
# (The kind sendmail-other has no rule among these: phishwatch gives it
# to a line that they do not read when it has a queue id or a sendmail
# header, and syslog.rb.in gives sendmail-syslog.rb rules of its own.)
