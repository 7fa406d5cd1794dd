# mta-corpus.awk - a Postfix or Exim corpus of n lines from a real
# recording (tests/mta/*-more/), repeated: each copy's queue ids and pids
# made new (so that every copy is other messages of other processes),
# its lines otherwise as the MTA wrote them.
#
#   awk -v n=1000000 -v mta=postfix -f bench/mta-corpus.awk \
#       tests/mta/postfix-more/short.3164.log > postfix.log
#   awk -v n=1000000 -v mta=exim -f bench/mta-corpus.awk \
#       tests/mta/exim-more/syslog-3164.log > exim.log
{ rec[nrec++] = $0 }

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

END {
	for (i = 0; i < n; i++) {
		if (i % nrec == 0) {
			copy++
			delete map
			delete pids
		}
		print rewrite(rec[i % nrec])
	}
}
