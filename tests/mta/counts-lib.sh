# tests/mta/counts-lib.sh - what exim.t and postfix.t share (sourced
# after tests/lib.sh): phishwatch's campaign counts as lines, and the
# check that they equal the awk count of the same log.

# report_counts [relays] - phishwatch's --report=json on standard input
# as one line per campaign, "domain messages recipients delivered
# deferred bounced rejected discarded" (and relays when asked), sorted
report_counts() {
	jq -r --arg relays "${1:-}" '[.phished_domain, .messages, .recipients,
		.delivered, .deferred, .bounced, .rejected, .discarded]
		+ (if $relays == "" then [] else [.relays] end) | join(" ")' |
		sort
}

# same_counts WANT GOT NAME [FILE...] - one check: the awk count in the
# file WANT equals phishwatch's in GOT; on a difference, the diff and
# each FILE (phishwatch's diagnostics) as comments
same_counts() {
	local want=$1 got=$2 name=$3
	shift 3
	if cmp -s "$want" "$got"; then
		ok 0 "$name"
		return 0
	fi
	ok 1 "$name"
	diff "$want" "$got" | sed 's/^/# /'
	for f in "$@"; do sed 's/^/# /' "$f"; done
	return 1
}

# exim_awk_counts LOG - per campaign "domain messages recipients
# delivered deferred bounced rejected discarded", sorted, counted from
# the text of Exim's log alone (syslog, either stamp, or its mainlog); a
# sender's campaign is the table in campaign() below.
#
# An arrival ("<=") is a message with its "for" list's recipients,
# unless refusals at RCPT of its process counted it (below); "=>" and
# "->" a recipient delivered, "==" deferred, "**" bounced; "=> blackhole"
# (an ACL's discard) discards the recipients its arrival listed.
# "rejected MAIL" is a message with one recipient refused.  "rejected
# RCPT" one recipient refused, of a message of its own unless it goes on
# with its process's run: the refusals and RCPT ACL discards with the
# same sender since the process's last arrival, refusal at MAIL or
# after DATA, or end of a transaction ("incomplete transaction", log
# selector +smtp_incomplete_transaction), that did not refuse this
# recipient already (a retry after RSET); "discarded by RCPT ACL" one
# recipient discarded, of the message its arrival counts.  A refusal
# after DATA (or by the MIME ACL) is a message with one recipient
# refused (no message when it ends a run whose refusals counted it);
# when the pieces of the reject log's copy that syslog carries list its
# recipients ("[3\16] Envelope-to: <r>", then "[4\16]     <r>" each,
# "    ..." for more than five), each piece after the first recipient is
# one recipient more, refused, as long as the pieces go on one after
# the other with nothing else of the process between.  A refusal with
# the very words of its process's previous line is the reject log's
# copy that syslog_duplication sends to syslog too: skipped.
exim_awk_counts() {
	awk '
	function campaign(addr,    d) {
		gsub(/[<>:]/, "", addr)
		d = tolower(addr); sub(/.*@/, "", d)
		if (d ~ /(^|\.)marriott\.com$/) return "marriott.com"
		if (d ~ /(^|\.)staples\.co\.uk$/) return "staples.co.uk"
		if (d == "paypa1.com") return "paypal.com"
		if (d ~ /(^|\.)dhl\.com$/) return "dhl.com"
		if (d ~ /(^|\.)linkedin\.com$/ || d == "linkedinmail.com")
			return "linkedin.com"
		if (d ~ /(^|\.)ups\.com$/) return "ups.com"
		return ""
	}
	function sender(    i) {	# F=<...> of a refusal or a discard
		for (i = 1; i <= NF; i++) if ($i ~ /^F=/) return substr($i, 3)
		return ""
	}
	function bare(a) { gsub(/[<>]/, "", a); return a }
	function note(c, what, k) {
		if (c != "") { n[c, what] += (k == "" ? 1 : k); seen[c] = 1 }
	}
	function end_run(p) { delete open[p]; delete cnt[p]; delete runr[p] }
	function end_list(p) { delete lst[p]; delete nxt[p] }
	{
		hp = ""	# the syslog header pid, then the header is cut
		if (match($0, /exim[0-9]*\[[0-9]+\]: /)) {
			hp = substr($0, RSTART, RLENGTH)
			sub(/^exim[0-9]*\[/, "", hp); sub(/\].*$/, "", hp)
			sub(/^.*exim[0-9]*\[[0-9]+\]: /, "")
		}
	}
	/^\[[0-9]+[\\\/][0-9]+\] / && !/^\[1\\/ {	# a later piece
		k = substr($1, 2) + 0
		if ($2 == "Envelope-from:") next
		if ($2 == "Envelope-to:" && (hp in lst) && !(hp in nxt)) {
			nxt[hp] = k + 1
			next
		}
		if ((hp in nxt) && k == nxt[hp] &&
		    ($0 ~ /^[^ ]+     <[^ ]*>$/ || $0 ~ /^[^ ]+     \.\.\.$/)) {
			note(lst[hp], "recipients"); note(lst[hp], "rejected")
			nxt[hp]++
			next
		}
		end_list(hp)
		next
	}
	{
		sub(/^\[1\\[0-9]+\] /, "")
		words = $0
		sub(/^[0-9-]+ [0-9:]+ /, "")
		pid = $1; gsub(/[][]/, "", pid); sub(/^\[[0-9]+\] /, "")
		qid = $1
		if (/ rejected (MAIL|RCPT|after DATA|during MIME)/ ||
		    /: discarded by RCPT ACL/) {
			if (last[pid] == words) { delete last[pid]; next }
			last[pid] = words
		} else delete last[pid]
		end_list(pid)
	}
	/ incomplete transaction \(/ { end_run(pid); next }
	$2 == "<=" {
		by_run = (pid in open) && cnt[pid] && bare(open[pid]) == $3
		end_run(pid)
		c = campaign($3)
		if (c == "") next
		of[qid] = c
		if (!by_run) note(c, "messages")
		for (i = 4; i <= NF; i++) if ($i == "for") break
		rc[qid] = NF > i ? NF - i : 0
		note(c, "recipients", rc[qid])
		next
	}
	$2 == "=>" && $3 == "blackhole" {
		if (qid in of) note(of[qid], "discarded", rc[qid])
		next
	}
	$2 == "=>" || $2 == "->" { if (qid in of) note(of[qid], "delivered"); next }
	$2 == "==" { if (qid in of) note(of[qid], "deferred"); next }
	$2 == "**" { if (qid in of) note(of[qid], "bounced"); next }
	/ rejected MAIL / {
		for (i = 1; i <= NF; i++) if ($i == "MAIL") c = campaign($(i + 1))
		end_run(pid)
		note(c, "messages"); note(c, "recipients"); note(c, "rejected")
		next
	}
	/ rejected RCPT / || /: discarded by RCPT ACL/ {
		s = sender(); c = campaign(s)
		for (i = 1; i <= NF; i++) if ($i == "RCPT") r = $(i + 1)
		refused = / rejected RCPT /
		if (open[pid] != s || index(runr[pid] " ", " " r " ")) {
			end_run(pid)
			open[pid] = s
			if (refused) { note(c, "messages"); cnt[pid] = 1 }
		}
		runr[pid] = runr[pid] " " r
		note(c, "recipients"); note(c, refused ? "rejected" : "discarded")
		next
	}
	/ rejected (after DATA|during MIME ACL checks)/ {
		s = sender(); c = campaign(s)
		if (!((pid in open) && cnt[pid] && open[pid] == s))
			note(c, "messages")
		end_run(pid)
		note(c, "recipients"); note(c, "rejected")
		if (c != "" && pid != "") lst[pid] = c
	}
	END {
		split("messages recipients delivered deferred bounced rejected discarded", w)
		for (c in seen) {
			line = c
			for (i = 1; i <= 7; i++) line = line " " (n[c, w[i]] + 0)
			print line
		}
	}' "$1" | sort
}
