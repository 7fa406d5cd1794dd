version=2
#
# NAME
#	postfix.rb - liblognorm v2 rulebase for the message part of
#	Postfix 3.x log lines
#
# DESCRIPTION
#	Normalizes what Postfix's daemons (postfix/smtpd, postfix/qmgr,
#	postfix/smtp, ..., and those of other instances, postfix-NAME/...)
#	write to syslog after their tag "postfix/service[pid]: ", beginning
#	at the queue id: "4jgyns2gyTz8dSM: client=host[192.0.2.1]" or
#	"NOQUEUE: reject: RCPT from ...".  Short (hex) and long
#	(enable_long_queue_ids) queue ids are both a qid.  phishwatch
#	splits the syslog header off itself and hands liblognorm the rest.
#
#	For whole lines, make builds postfix-syslog.rb from the rules below
#	and postfix-syslog.rb.in, the way sendmail-syslog.rb is built (see
#	sendmail.rb): the same rules behind an RFC 3164 or RFC 3339 header
#	whose program is postfix or postfix-NAME, and behind one optional
#	space.
#
#	tag		fields besides qid (and, in postfix-syslog.rb, the
#			header: timestamp, hostname, program, instance,
#			service, pid)
#	client		relay_host, relay_ip, relay_port, client_info
#	msgid		msgid
#	from		from, size, nrcpt
#	expired		from
#	to		to, orig_to, relay, conn_use, delay, delays, dsn,
#			status, status_text
#	removed		(qid only)
#	dsn		dsn_text, dsn_qid
#	reject		action (reject, milter-reject), stage, relay_host,
#			relay_ip, reply, from, to, proto, helo (postscreen's:
#			relay_ip and relay_port, no relay_host)
#	discard		the same; action is discard or milter-discard
#	smtpd-action	the same for hold, warn, filter, redirect, ...
#	session		edge (connect, disconnect), relay_host, relay_ip,
#			commands (disconnect's "ehlo=1 mail=1 ...")
#	postfix-other	(qid, when the line starts with one)
#
#	Values are the text as logged: from, to, orig_to and helo keep
#	their <>, status_text its (), reply is the SMTP reply Postfix gave
#	("554 5.7.1 <a@b>: Sender address rejected: Access denied"; a
#	milter's has no three-digit code), stage the SMTP command or event
#	("RCPT", "MAIL", "END-OF-MESSAGE"), relay the next hop as Postfix
#	writes it ("local", "none", "mx.example.net[192.0.2.1]:25").
#	Nothing here is validated: hosts and addresses are the sender's
#	words.
#
# HOW THE RULES ARE WRITTEN
#	As in sendmail.rb, whose header explains the limits of liblognorm
#	2.0.6 that shape both files: no "string" parser, no user-defined
#	types, an optional part is an alternative of one sequence and an
#	empty literal whose priority (310NN) is its own.  sendmail.rb owns
#	31001-31039; this file uses 31041-31049.  Fall-back rules come at
#	40000, the catch-all at 60000.
#
#	Every value is cut at a separator Postfix writes after it (", ",
#	"; from=", " to=", " proto=", the next keyword): a hostile address,
#	HELO name or reply text can at worst push its line into a fall-back
#	rule or put text into the wrong one of its own fields.
#
#	Each rule may span lines: a line break is allowed right after the
#	"%" that opens a field, nowhere else.
#
# FILES
#	postfix-syslog.rb.in	the header forms; #@kinds@ stands for the
#				rules between the "kinds" markers below,
#				#@tail@ for the lines after the closing one
#
# SEE ALSO
#	tests/rulebase/postfix/*.in and *.ref, one pair per line kind;
#	tests/mta/record-postfix.sh, which made the lines they come from.
#

#<<< kinds
# client: qid: client=HOST[IP][:PORT][, sasl_method=.., sasl_username=..]
# (smtpd: a message is being received from this SMTP client)
rule=client:%qid:char-to{"extradata":": "}%: client=%relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]%
	{"type":"alternative","parser":[[{"type":"literal","text":":"},{"type":"number","name":"relay_port"}],{"type":"literal","text":"","priority":31041}]}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", "},{"type":"rest","name":"client_info"}],{"type":"literal","text":"","priority":31042}]}%
# msgid: qid: message-id=<..> (cleanup; empty when the message had none)
rule=msgid:%qid:char-to{"extradata":": "}%: message-id=%msgid:rest%
# from: qid: from=<a@b>, size=N, nrcpt=N (queue active) (qmgr: the
#       accepted message enters the active queue, once per attempt)
# The second rule keeps sender and size of a from= line whose end is
# not the usual one.
rule=from:%qid:char-to{"extradata":": "}%: from=%from:string-to{"extradata":", size="}%, size=%size:number%, nrcpt=%nrcpt:number% (queue active)
rule=from:%qid:char-to{"extradata":": "}%: from=%from:string-to{"extradata":", size="}%, size=%size:number%%
	{"type":"literal","text":", ","priority":40000}%%-:rest%
# expired: qid: from=<a@b>, status=expired, returned to sender (qmgr)
rule=expired:%qid:char-to{"extradata":": "}%: from=%from:string-to{"extradata":", status="}%, status=expired, returned to sender
# to: qid: to=<a@b>[, orig_to=<..>], relay=R[, conn_use=N], delay=D,
#     delays=a/b/c/d, dsn=X.Y.Z, status=sent|deferred|bounced|.. (text)
#     (smtp, lmtp, local, virtual, pipe, error, discard, retry)
# The second rule keeps to=, dsn= and status= of a line with fields this
# file does not know between them.
rule=to:%qid:char-to{"extradata":": "}%: to=%to:string-to{"extradata":", "}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", orig_to="},{"type":"string-to","name":"orig_to","extradata":", relay="}],{"type":"literal","text":"","priority":31043}]}%, relay=%relay:char-to{"extradata":","}%%
	{"type":"alternative","parser":[[{"type":"literal","text":", conn_use="},{"type":"number","name":"conn_use"}],{"type":"literal","text":"","priority":31044}]}%, delay=%delay:char-to{"extradata":","}%, delays=%delays:char-to{"extradata":","}%, dsn=%dsn:char-to{"extradata":","}%, status=%status:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"rest","name":"status_text"}],{"type":"literal","text":"","priority":31045}]}%
rule=to:%qid:char-to{"extradata":": "}%: to=%to:string-to{"extradata":", "}%%
	{"type":"literal","text":", ","priority":40000}%%-:string-to{"extradata":", dsn="}%, dsn=%dsn:char-to{"extradata":","}%, status=%status:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"rest","name":"status_text"}],{"type":"literal","text":"","priority":31045}]}%
# removed: qid: removed (qmgr: the message has left the queue)
rule=removed:%qid:char-to{"extradata":": "}%: removed
# dsn: qid: sender non-delivery notification: dsnqid (bounce; also
#      "sender delay", "sender delivery status", "postmaster ...")
rule=dsn:%qid:char-to{"extradata":": "}%: %dsn_text:string-to{"extradata":" notification: "}% notification: %dsn_qid:word%
# reject: qid|NOQUEUE: reject|milter-reject: STAGE from HOST[IP]: REPLY;
#         [from=<..>][ to=<..>] proto=P[ helo=<..>]
#         (smtpd restrictions, or a milter; STAGE is CONNECT, HELO,
#         MAIL, RCPT, DATA, END-OF-MESSAGE, ..; the rules differ in
#         which of from= and to= the line has)
rule=reject:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"reject","name":"action"},{"type":"literal","text":"milter-reject","name":"action"}]}%: %stage:word% from %relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]: %reply:string-to{"extradata":"; from="}%; from=%from:string-to{"extradata":" to="}% to=%to:string-to{"extradata":" proto="}% proto=%proto:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" helo="},{"type":"rest","name":"helo"}],{"type":"literal","text":"","priority":31046}]}%
rule=reject:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"reject","name":"action"},{"type":"literal","text":"milter-reject","name":"action"}]}%: %stage:word% from %relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]: %reply:string-to{"extradata":"; from="}%; from=%from:string-to{"extradata":" proto="}% proto=%proto:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" helo="},{"type":"rest","name":"helo"}],{"type":"literal","text":"","priority":31046}]}%
rule=reject:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"reject","name":"action"},{"type":"literal","text":"milter-reject","name":"action"}]}%: %stage:word% from %relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]: %reply:string-to{"extradata":"; proto="}%; proto=%proto:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" helo="},{"type":"rest","name":"helo"}],{"type":"literal","text":"","priority":31046}]}%
# reject: postscreen's own ("NOQUEUE: reject: RCPT from [IP]:PORT: REPLY;
#         from=<..>, to=<..>, proto=P, helo=<..>"): a client that failed
#         its tests (a DNSBL, the access list) gets its fake SMTP dialog,
#         each RCPT refused; no host name, the port after the address,
#         the fields apart by commas
rule=reject:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"reject","name":"action"}]}%: %stage:word% from [%relay_ip:char-to{"extradata":"]"}%]:%relay_port:number%: %reply:string-to{"extradata":"; from="}%; from=%from:string-to{"extradata":", to="}%, to=%to:string-to{"extradata":", proto="}%, proto=%proto:char-to{"extradata":","}%, helo=%helo:rest%
# discard: the same with discard|milter-discard
rule=discard:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"discard","name":"action"},{"type":"literal","text":"milter-discard","name":"action"}]}%: %stage:word% from %relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]: %reply:string-to{"extradata":"; from="}%; from=%from:string-to{"extradata":" to="}% to=%to:string-to{"extradata":" proto="}% proto=%proto:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" helo="},{"type":"rest","name":"helo"}],{"type":"literal","text":"","priority":31046}]}%
rule=discard:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"discard","name":"action"},{"type":"literal","text":"milter-discard","name":"action"}]}%: %stage:word% from %relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]: %reply:string-to{"extradata":"; from="}%; from=%from:string-to{"extradata":" proto="}% proto=%proto:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" helo="},{"type":"rest","name":"helo"}],{"type":"literal","text":"","priority":31046}]}%
rule=discard:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"discard","name":"action"},{"type":"literal","text":"milter-discard","name":"action"}]}%: %stage:word% from %relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]: %reply:string-to{"extradata":"; proto="}%; proto=%proto:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" helo="},{"type":"rest","name":"helo"}],{"type":"literal","text":"","priority":31046}]}%
# reject, discard, smtpd-action: cleanup's header_checks and body_checks
#         (qid: ACTION: header|body LINE from HOST[IP]; from=<..> to=<..>
#         [proto=P helo=<..>][: TEXT]; LINE is the header or body line,
#         at most 200 characters, "from" and all: content takes it
#         with the client after it; to= is one recipient of the
#         message's; stage is header, body or content)
rule=reject:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"reject","name":"action"}]}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"header","name":"stage"},{"type":"literal","text":"body","name":"stage"},{"type":"literal","text":"content","name":"stage"}]}% %content:string-to{"extradata":"; from="}%; from=%from:string-to{"extradata":" to="}% to=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"to","extradata":" :"},{"type":"rest","name":"-"}],{"type":"rest","name":"to","priority":40000}]}%
rule=discard:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"discard","name":"action"}]}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"header","name":"stage"},{"type":"literal","text":"body","name":"stage"},{"type":"literal","text":"content","name":"stage"}]}% %content:string-to{"extradata":"; from="}%; from=%from:string-to{"extradata":" to="}% to=%
	{"type":"alternative","parser":[[{"type":"char-to","name":"to","extradata":" :"},{"type":"rest","name":"-"}],{"type":"rest","name":"to","priority":40000}]}%
# smtpd-action: the same for the other actions (hold, warn, filter,
#         redirect, ..)
rule=smtpd-action:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"hold","name":"action"},{"type":"literal","text":"milter-hold","name":"action"},{"type":"literal","text":"warn","name":"action"},{"type":"literal","text":"filter","name":"action"},{"type":"literal","text":"redirect","name":"action"},{"type":"literal","text":"milter-redirect","name":"action"},{"type":"literal","text":"defer","name":"action"},{"type":"literal","text":"defer_if_permit","name":"action"}]}%: %stage:word% from %relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]: %reply:string-to{"extradata":"; from="}%; from=%from:string-to{"extradata":" to="}% to=%to:string-to{"extradata":" proto="}% proto=%proto:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" helo="},{"type":"rest","name":"helo"}],{"type":"literal","text":"","priority":31046}]}%
rule=smtpd-action:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"hold","name":"action"},{"type":"literal","text":"milter-hold","name":"action"},{"type":"literal","text":"warn","name":"action"},{"type":"literal","text":"filter","name":"action"},{"type":"literal","text":"redirect","name":"action"},{"type":"literal","text":"milter-redirect","name":"action"},{"type":"literal","text":"defer","name":"action"},{"type":"literal","text":"defer_if_permit","name":"action"}]}%: %stage:word% from %relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]: %reply:string-to{"extradata":"; from="}%; from=%from:string-to{"extradata":" proto="}% proto=%proto:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" helo="},{"type":"rest","name":"helo"}],{"type":"literal","text":"","priority":31046}]}%
rule=smtpd-action:%qid:char-to{"extradata":": "}%: %
	{"type":"alternative","parser":[{"type":"literal","text":"hold","name":"action"},{"type":"literal","text":"milter-hold","name":"action"},{"type":"literal","text":"warn","name":"action"},{"type":"literal","text":"filter","name":"action"},{"type":"literal","text":"redirect","name":"action"},{"type":"literal","text":"milter-redirect","name":"action"},{"type":"literal","text":"defer","name":"action"},{"type":"literal","text":"defer_if_permit","name":"action"}]}%: %stage:word% from %relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]: %reply:string-to{"extradata":"; proto="}%; proto=%proto:word%%
	{"type":"alternative","parser":[[{"type":"literal","text":" helo="},{"type":"rest","name":"helo"}],{"type":"literal","text":"","priority":31046}]}%
# session: smtpd's "connect from HOST[IP]" and "disconnect from HOST[IP]
# ehlo=1 ..." (the edges of one SMTP session; an smtpd process serves
# one session after another)
rule=session:%
	{"type":"alternative","parser":[{"type":"literal","text":"connect","name":"edge"},{"type":"literal","text":"disconnect","name":"edge"}]}% from %relay_host:char-to{"extradata":"["}%[%relay_ip:char-to{"extradata":"]"}%]%
	{"type":"alternative","parser":[[{"type":"literal","text":" "},{"type":"rest","name":"commands"}],{"type":"literal","text":"","priority":31051}]}%
#>>> kinds
# Any other line with a queue id ("4jgyns2gyTz8dSM: ..."); lines without
# one (warning:, connect to, ...) are postfix-other in
# postfix-syslog.rb, and phishwatch counts them so itself.
rule=postfix-other:%qid:char-to{"extradata":": ","priority":60000}%: %-:rest%
