# mta-corpus.awk - a Postfix or Exim corpus of n lines: a real recording
# (tests/mta/*-more/) repeated, each copy's queue ids and pids made new
# (so that every copy is other messages of other processes), its lines
# otherwise as the MTA wrote them, with ordinary mail between them.
#
#   awk -v n=1000000 -v mta=postfix -f bench/mta-corpus.awk \
#       tests/mta/postfix-more/short.3164.log > postfix.log
#   awk -v n=1000000 -v mta=exim -f bench/mta-corpus.awk \
#       tests/mta/exim-more/syslog-3164.log > exim.log
#
# The recording is almost all campaigns; a mail server's log is almost
# all ordinary mail.  So before each of the recording's messages (its
# SMTP sessions: smtpd's "connect from", Exim's receiving processes) come
# ham (default 40, bench/run.sh's ham ratio for sendmail) ordinary
# messages, in the words of the same MTA, with the outcomes of
# bench/gen-corpus.py's ordinary mail: 86% delivered, 5% deferred (then
# delivered), 4% with a recipient refused at RCPT (User unknown), 2%
# bounced, 2% refused at RCPT, 1% discarded.  Their senders are many
# (some 5000 domains besides a few real ones), their recipients one to
# three, local or remote.  seed (default 1) makes the draw; the same
# arguments give the same corpus.
#
# The clock goes on from copy to copy, at pace (default 12, as
# gen-corpus.py's) lines per second of log time: each copy's time
# stamps (the syslog header's, and Exim's own) are the recording's plus
# an offset, so that the corpus spans the hours that many lines take on
# a mail server and what a reader keeps for a while (a queue id waiting
# for its message, for an hour) ends as it would.  RFC 3164 stamps carry
# no year: year (default 2026) is assumed.
BEGIN {
	if (ham == "")
		ham = 40
	if (pace == "")
		pace = 12
	if (year == "")
		year = 2026
	split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mon, " ")
	for (i = 1; i <= 12; i++)
		monum[mon[i]] = i
	srand(seed == "" ? 1 : seed)
	split("alice bob carol dave erin frank grace heidi", users, " ")
	split("com net org", tlds, " ")
	split("||mail.|news.|e.|lists.|bounce.", subs, "|")
}

{
	rec[nrec++] = $0
	# the recording's messages: Postfix's sessions, Exim's receivers
	if (mta == "exim" && match($0, /\] [0-9A-Za-z-]+ <= |\] H=.* rejected (MAIL|RCPT) /)) {
		p = $0
		sub(/^[^[]*\[/, "", p)
		sub(/\].*$/, "", p)
		if (!(p in receivers)) {
			receivers[p] = 1
			starts[nrec - 1] = 1
		}
	} else if (mta != "exim" && $0 ~ /\/smtpd\[[0-9]+\]: connect from /)
		starts[nrec - 1] = 1
}

# newid(id) - the id of this copy for a recorded one
function newid(id) {
	if (!(id in map)) {
		fresh++
		if (mta == "exim")	# 6-6-2 base 62: digits do
			map[id] = sprintf("%06d-%06d-%02d", fresh % 1000000,
					  int(fresh / 1000000), copy % 100)
		else			# Postfix's short hexadecimal ids
			map[id] = sprintf("%011X", fresh)
	}
	return map[id]
}

# newpid(p) - the pid of this copy for a recorded one
function newpid(p) {
	if (!(p in pids))
		pids[p] = 1000 + (copy * 97 + ++npid) % 4000000
	return pids[p]
}

# rewrite(line) - the line with this copy's ids and pids (the queue id
# where the MTA writes it: first in the message text)
function rewrite(s,    out, w) {
	out = ""
	if (match(s, /\[[0-9]+\]: /)) {
		out = substr(s, 1, RSTART) newpid(substr(s, RSTART + 1, RLENGTH - 4)) "]: "
		s = substr(s, RSTART + RLENGTH)
	}
	if (mta == "exim" && match(s, /^[0-9-]+ [0-9:]+ \[[0-9]+\] /)) {
		w = substr(s, 1, RLENGTH)	# Exim's own stamp and +pid
		sub(/\[[0-9]+\] $/, "", w)
		out = out w "[" newpid(substr(s, length(w) + 2, RLENGTH - length(w) - 3)) "] "
		s = substr(s, RLENGTH + 1)
	}
	w = s
	sub(/[ :].*$/, "", w)
	if ((mta == "exim" && w ~ /^[0-9A-Za-z]+-[0-9A-Za-z]+-[0-9A-Za-z]+$/ \
	     && length(w) >= 16) ||
	    (mta != "exim" && w ~ /^[0-9A-F]+$/ && length(w) >= 6 \
	     && substr(s, length(w) + 1, 2) == ": "))
		s = newid(w) substr(s, length(w) + 1)
	return out s
}

# epoch3164(stamp) - seconds of an RFC 3164 stamp ("Dec  4 20:27:17")
function epoch3164(t) {
	return mktime(year " " monum[substr(t, 1, 3)] " " substr(t, 5, 2) \
		      " " substr(t, 8, 2) " " substr(t, 11, 2) " " substr(t, 14, 2))
}

# later(s) - the line with its stamps moved on by this copy's offset
function later(s,    t, e) {
	if (offset == 0 || substr(s, 16, 1) != " ")
		return s
	t = substr(s, 1, 15)
	if (!(t in moved))
		moved[t] = strftime("%b %e %H:%M:%S", epoch3164(t) + offset)
	s = moved[t] substr(s, 16)
	if (mta == "exim" && match(s, /: (\[[0-9]\\[0-9]+\] )?[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9] /)) {
		t = substr(s, RSTART + RLENGTH - 20, 19)
		if (!(t in moved)) {
			e = mktime(substr(t, 1, 4) " " substr(t, 6, 2) " " \
				   substr(t, 9, 2) " " substr(t, 12, 2) " " \
				   substr(t, 15, 2) " " substr(t, 18, 2))
			moved[t] = strftime("%Y-%m-%d %H:%M:%S", e + offset)
		}
		s = substr(s, 1, RSTART + RLENGTH - 21) moved[t] \
		    substr(s, RSTART + RLENGTH - 1)
	}
	return s
}

# emit(line) - one line of the corpus, while there is room
function emit(s) {
	if (done < n) {
		print later(s)
		done++
	}
}

# pick(p) - 1 with probability p
function pick(p) { return rand() < p }

# ham_draw(line) - a new ordinary message's sender, recipients and
# outcome, the time and host of the recorded line before which it comes
function ham_draw(s,    d, k, i) {
	hams++
	d = int(rand() * 5000)
	if (pick(0.1))
		h_domain = pick(0.5) ? "lists.debian.org" : "github.com"
	else
		h_domain = subs[1 + d % 7] "d" d ".example." tlds[1 + d % 3]
	h_sender = pick(0.03) ? "" : "user" int(rand() * 100) "@" h_domain
	h_ip = "198.51." int(d / 250) % 256 "." (d % 250) + 1
	k = 1 + int(rand() * 3)
	for (i = 1; i <= k; i++)
		h_rcpt[i] = pick(0.6) ? users[1 + int(rand() * 8)] "@example.org" \
			: "u" int(rand() * 1000) "@far" int(rand() * 50) ".example.com"
	h_n = k
	h_x = rand()
	h_outcome = h_x < 0.86 ? "sent" : h_x < 0.91 ? "defer" : \
		h_x < 0.95 ? "unknown" : h_x < 0.97 ? "bounce" : \
		h_x < 0.99 ? "reject" : "discard"
	h_hdr = s
	sub(/ (postfix|exim)[^ ]*\[.*$/, " ", h_hdr)
	h_stamp = ""
	if (match(s, /\]: [0-9-]+ [0-9:]+ /))
		h_stamp = substr(s, RSTART + 3, RLENGTH - 3)
	h_pid = 1000 + (hams * 7) % 4000000
	h_qid = newid("ham" hams)
}

# ham_to(i) - Postfix's delivery line of recipient i
function ham_to(i, status,    r, q) {
	r = h_rcpt[i]; q = h_qid
	if (r ~ /@example\.org$/)
		return h_hdr "postfix/local[" h_pid + 3 "]: " q ": to=<" r ">, relay=local, delay=0.05, delays=0.03/0.01/0/0.01, dsn=2.0.0, status=sent (delivered to mailbox)"
	if (status == "deferred")
		return h_hdr "postfix/smtp[" h_pid + 4 "]: " q ": to=<" r ">, relay=none, delay=30, delays=0.1/0/30/0, dsn=4.4.1, status=deferred (connect to mx.far.example.com[203.0.113.9]:25: Connection timed out)"
	if (status == "bounced")
		return h_hdr "postfix/smtp[" h_pid + 4 "]: " q ": to=<" r ">, relay=mx.far.example.com[203.0.113.9]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=5.1.1, status=bounced (host mx.far.example.com[203.0.113.9] said: 550 5.1.1 <" r ">: Recipient address rejected: User unknown (in reply to RCPT TO command))"
	return h_hdr "postfix/smtp[" h_pid + 4 "]: " q ": to=<" r ">, relay=mx.far.example.com[203.0.113.9]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4F1A2B3C4D)"
}

# ham_postfix() - the drawn message as Postfix logs it
function ham_postfix(    sm, from, cl, i, verdict, rc, st) {
	sm = h_hdr "postfix/smtpd[" h_pid "]: "
	cl = "mx." h_domain "[" h_ip "]"
	from = "from=<" h_sender ">"
	emit(sm "connect from " cl)
	if (h_outcome == "reject" || h_outcome == "discard") {
		verdict = h_outcome == "reject" \
			? "reject: RCPT from " cl ": 554 5.7.1 <" h_sender ">: Sender address rejected: Access denied; " \
			: "discard: RCPT from " cl ": <" h_sender ">: Sender address triggers DISCARD action; "
		emit(sm "NOQUEUE: " verdict from " to=<" h_rcpt[1] "> proto=ESMTP helo=<mx." h_domain ">")
		if (h_outcome == "discard")
			emit(sm h_qid ": client=" cl)
		emit(sm "disconnect from " cl " ehlo=1 mail=1 rcpt=" (h_outcome == "reject" ? "0/1" : "1 data=1") " quit=1 commands=" (h_outcome == "reject" ? "3/4" : "5"))
		return
	}
	rc = h_n
	if (h_outcome == "unknown") {
		emit(sm "NOQUEUE: reject: RCPT from " cl ": 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in local recipient table; " from " to=<nobody@example.org> proto=ESMTP helo=<mx." h_domain ">")
		rc = h_n "/" (h_n + 1)
	}
	emit(sm h_qid ": client=" cl)
	emit(h_hdr "postfix/cleanup[" h_pid + 1 "]: " h_qid ": message-id=<" hams "." h_pid "@" h_domain ">")
	emit(h_hdr "postfix/qmgr[" h_pid + 2 "]: " h_qid ": " from ", size=" 2000 + (hams * 37) % 60000 ", nrcpt=" h_n " (queue active)")
	emit(sm "disconnect from " cl " ehlo=1 mail=1 rcpt=" rc " data=1 quit=1 commands=" 4 + h_n)
	st = h_outcome == "defer" ? "deferred" : h_outcome == "bounce" ? "bounced" : "sent"
	for (i = 1; i <= h_n; i++)
		emit(ham_to(i, st))
	if (st == "deferred") {		# delivered at the next attempt
		emit(h_hdr "postfix/qmgr[" h_pid + 2 "]: " h_qid ": " from ", size=" 2000 + (hams * 37) % 60000 ", nrcpt=" h_n " (queue active)")
		for (i = 1; i <= h_n; i++)
			if (h_rcpt[i] !~ /@example\.org$/)
				emit(ham_to(i, "sent"))
	}
	if (st == "bounced" && h_sender != "")
		emit(h_hdr "postfix/bounce[" h_pid + 5 "]: " h_qid ": sender non-delivery notification: " newid("dsn" hams))
	emit(h_hdr "postfix/qmgr[" h_pid + 2 "]: " h_qid ": removed")
}

# ham_exim() - the drawn message as Exim logs it (through syslog, with
# its own stamp and pid; a refusal twice, syslog_duplication's copy)
function ham_exim(    ex, dl, host, i, r, f, st) {
	ex = h_hdr "exim[" h_pid "]: " h_stamp "[" h_pid "] "
	dl = h_hdr "exim[" h_pid + 1 "]: " h_stamp "[" h_pid + 1 "] " h_qid " "
	host = "H=mx." h_domain " [" h_ip "]"
	f = "F=<" h_sender ">"
	if (h_outcome == "reject" || h_outcome == "unknown") {
		r = h_outcome == "reject" ? "Sender banned" : "Unrouteable address"
		emit(ex host " " f " rejected RCPT <" (h_outcome == "reject" ? h_rcpt[1] : "nobody@example.org") ">: " r)
		emit(ex host " " f " rejected RCPT <" (h_outcome == "reject" ? h_rcpt[1] : "nobody@example.org") ">: " r)
		if (h_outcome == "reject")
			return
	}
	r = ""
	for (i = 1; i <= h_n; i++)
		r = r " " h_rcpt[i]
	if (h_outcome == "discard") {
		emit(ex host " " f " RCPT <" h_rcpt[1] ">: discarded by RCPT ACL: listed")
		emit(ex h_qid " <= " (h_sender == "" ? "<>" : h_sender) " " host " P=esmtp S=" 2000 + (hams * 37) % 60000 " id=" hams "." h_pid "@" h_domain)
		emit(dl "=> blackhole (RCPT ACL discarded recipients)")
		emit(dl "Completed")
		return
	}
	emit(ex h_qid " <= " (h_sender == "" ? "<>" : h_sender) " " host " P=esmtp S=" 2000 + (hams * 37) % 60000 " id=" hams "." h_pid "@" h_domain " for" r)
	st = h_outcome == "defer" ? "==" : h_outcome == "bounce" ? "**" : "=>"
	for (i = 1; i <= h_n; i++) {
		r = h_rcpt[i]
		if (r ~ /@example\.org$/)
			emit(dl "=> " substr(r, 1, index(r, "@") - 1) " <" r "> R=local_user T=local_file")
		else if (st == "==")
			emit(dl "== " r " R=dnslookup T=remote_smtp defer (110): Connection timed out")
		else if (st == "**")
			emit(dl "** " r " R=dnslookup T=remote_smtp H=mx.far.example.com [203.0.113.9]: SMTP error from remote mail server after RCPT TO:<" r ">: 550 5.1.1 User unknown")
		else
			emit(dl "=> " r " R=dnslookup T=remote_smtp H=mx.far.example.com [203.0.113.9] C=\"250 OK\"")
	}
	if (st != "==")
		emit(dl "Completed")
}

END {
	span = epoch3164(substr(rec[nrec - 1], 1, 15)) - \
	       epoch3164(substr(rec[0], 1, 15)) + 1
	for (i = 0; done < n; i++) {
		if (i % nrec == 0) {
			copy++
			delete map
			delete pids
			delete moved
			# after the last copy's last line, however few lines
			# it had for its time
			if (copy > 1)
				offset = int(done / pace) > offset + span \
					 ? int(done / pace) : offset + span
		}
		for (j = 0; (i % nrec) in starts && j < ham && done < n; j++) {
			ham_draw(rec[i % nrec])
			if (mta == "exim")
				ham_exim()
			else
				ham_postfix()
		}
		emit(rewrite(rec[i % nrec]))
	}
}
