#!/usr/bin/env bash
# report-html.t - --report=html: one self-contained page, well-formed
# XML (checked with Python's XML parser), no script and nothing fetched
# from elsewhere, an inline SVG timeline with a row per campaign in
# order of first seen, its messages per hour (a span up to three days)
# or per day, delivered and blocked in each bucket as counted here from
# the log itself, from log files and from the store alone; a store of
# schema 1 (no hourly counts) migrates; and the table of the text report.
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

pw -r "$RULEBASE" -a "$TOP/examples/access" --report=html "$TOP/examples/maillog.sample" \
	> "$TMP/r.html" 2>/dev/null
is "$?" 0 "--report=html exits 0"
cat > "$TMP/check.py" <<'PY'
import sys, xml.etree.ElementTree as ET
X, S = "{http://www.w3.org/1999/xhtml}", "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
out = []
out.append("root=" + root.tag.replace(X, ""))
tags = [e.tag for e in root.iter()]
out.append("scripts=%d" % sum(t in (X + "script", S + "script") for t in tags))
refs = [k for e in root.iter() for k in e.attrib if k in ("src", "href") or k.endswith("}href")]
out.append("refs=%d" % len(refs))
svgs = root.findall(".//" + S + "svg")
out.append("svgs=%d" % len(svgs))
names = [t.text for t in svgs[0].iter(S + "text") if t.get("text-anchor") == "end"]
out.append("rows=" + ",".join(names))
out.append("buckets=%d" % sum(g.get("class") == "bucket" for g in svgs[0].iter(S + "g")))
rows = root.findall(".//" + X + "tr")
out.append("table=" + ";".join("|".join(td.text or "" for td in list(tr)[:7]) for tr in rows[1:]))
print("\n".join(out))
PY
python3 "$TMP/check.py" "$TMP/r.html" > "$TMP/facts" 2> "$TMP/perr"
is "$?" 0 "Python's XML parser reads the page (well-formed)"
[ -s "$TMP/perr" ] && sed 's/^/# /' "$TMP/perr"
fact() { sed -n "s/^$1=//p" "$TMP/facts"; }
is "$(fact root)" html "an XHTML-syntax html page"
is "$(fact scripts)" 0 "no script"
is "$(fact refs)" 0 "no src or href: nothing fetched, no link out"
unlike "$(grep -o 'https\?://[^"]*' "$TMP/r.html" | grep -v 'www.w3.org/\(1999/xhtml\|2000/svg\)')" . \
	"no URL but the XML namespaces"
is "$(fact svgs)" 1 "one inline SVG"
is "$(fact rows)" "linkedin.com,marriott.com" "a timeline row per campaign, by first seen"
is "$(fact buckets)" 6 "hour buckets: linkedin.com 09h and 10h, marriott.com 14h, 15h, 17h, 19h"
is "$(fact table)" \
	"2026-07-23 09:41|2026-07-23 10:31|linkedin.com|13|0|13|label:emalsrv;2026-07-23 14:12|2026-07-23 19:08|marriott.com|26|23|3|label:emalsrv" \
	"the table: first and last seen, domain, messages, delivered, blocked, rule"
like "$(cat "$TMP/r.html")" '26 msg, 23 delivered, 3 blocked' "each bar labelled with its counts"

# series.py PAGE LOG hour|day: the buckets the page draws, and the same
# counted from the log here: per campaign (its sender hosts taken from
# the page's table) and bucket, messages/delivered/blocked.
cat > "$TMP/series.py" <<'PY'
import re, sys, xml.etree.ElementTree as ET
X, S = "{http://www.w3.org/1999/xhtml}", "{http://www.w3.org/2000/svg}"
page, log, width = sys.argv[1], sys.argv[2], sys.argv[3]
root = ET.parse(page).getroot()
# The campaigns and their sender hosts, from the page's table.
senders = {}
for tr in root.findall(".//" + X + "tr")[1:]:
    td = [c.text or "" for c in tr]
    for h in td[7].split(","):
        senders[h] = td[2]
# Count from the log, per campaign and bucket (month-day, and hour).
want, qids, early = {}, {}, {}
line_re = re.compile(r"^(\w{3}) +(\d+) (\d\d):\d\d:\d\d \S+ sm-mta\[\d+\]: (\w+): (.*)$")
months = {m: i + 1 for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}
def add(dom, key, what, n=1):
    b = want.setdefault(dom, {}).setdefault(key, [0, 0, 0])
    b[what] += n
for line in open(log):
    m = line_re.match(line.rstrip("\n"))
    if not m:
        continue
    mon, day, hour, qid, rest = m.groups()
    key = "%02d-%02d" % (months[mon], int(day)) + ("T" + hour if width == "hour" else "")
    host = re.search(r"(?:arg1|from)=<[^>]*@([^>]+)>", rest)
    if host and host.group(1).lower() in senders and ("ruleset=check_mail" in rest or rest.startswith("from=")):
        qids.setdefault(qid, {"dom": senders[host.group(1).lower()]})
    q = qids.get(qid)
    if q is None:
        # a recipient refused before the from= line names the sender
        if "reject=" in rest:
            early[qid] = early.get(qid, 0) + 1
        continue
    if "ruleset=check_mail" in rest and "reject=" in rest:
        add(q["dom"], key, 0); add(q["dom"], key, 2)
    elif "reject=" in rest:
        add(q["dom"], key, 2)
    elif "ruleset=check_mail" in rest and rest.endswith("discard"):
        q["discard"] = True
    elif rest.startswith("from="):
        add(q["dom"], key, 0)
        add(q["dom"], key, 2, early.pop(qid, 0))
        if q.get("discard"):
            add(q["dom"], key, 2, int(re.search(r"nrcpts=(\d+)", rest).group(1)))
    elif rest.startswith("to=") and "stat=Sent" in rest:
        add(q["dom"], key, 1, len(re.findall(r"<[^>]*>", rest.split(", delay=")[0])))
# What the drawing shows.
svg = root.find(".//" + S + "svg")
got = {}
for g in svg.iter(S + "g"):
    if g.get("class") != "campaign":
        continue
    for b in g.iter(S + "g"):
        if b.get("class") == "bucket":
            start = b.get("data-start")  # 2026-07-23T14:00Z
            key = start[5:10] + ("T" + start[11:13] if width == "hour" else "")
            got.setdefault(g.get("data-domain"), {})[key] = [int(b.get("data-" + k)) for k in ("messages", "delivered", "blocked")]
fmt = lambda d: ";".join("%s %s" % (dom, " ".join("%s=%s" % (k, "/".join(map(str, v))) for k, v in sorted(d[dom].items()))) for dom in sorted(d))
print("bucket=" + (svg.get("data-bucket") or ""))
print("want=" + fmt(want))
print("got=" + fmt(got))
PY
series() {	# series PAGE LOG WIDTH NAME: the drawing matches the log
	python3 "$TMP/series.py" "$1" "$2" "$3" > "$TMP/s" 2> "$TMP/perr"
	[ -s "$TMP/perr" ] && sed 's/^/# /' "$TMP/perr"
	is "$(sed -n 's/^bucket=//p' "$TMP/s")" "$3" "$4: one bucket per $3"
	is "$(sed -n 's/^got=//p' "$TMP/s")" "$(sed -n 's/^want=//p' "$TMP/s")" \
		"$4: each bucket's messages/delivered/blocked as counted in the log"
}
series "$TMP/r.html" "$TOP/examples/maillog.sample" hour "from the log file"
like "$(sed -n 's/^got=//p' "$TMP/s")" \
	'^linkedin.com 07-23T09=9/0/9 07-23T10=4/0/4;marriott.com 07-23T14=23/20/3 ' \
	"the sample's buckets (not an empty match)"

# The same from a store alone: the store keeps the hours.
pw -r "$RULEBASE" -a "$TOP/examples/access" -s "$TMP/s.db" --report=json \
	"$TOP/examples/maillog.sample" > /dev/null 2>&1
pw -r "$RULEBASE" --report=html -s "$TMP/s.db" > "$TMP/s.html" 2>/dev/null
is "$?" 0 "--report=html -s STORE alone exits 0"
series "$TMP/s.html" "$TOP/examples/maillog.sample" hour "from the store alone"
like "$(sed -n 's/^got=//p' "$TMP/s")" '^linkedin.com 07-23T09=9/0/9' "(not an empty match)"

# Five days: buckets of a day.  The sample again four days later (queue
# ids changed, so that no message is taken for one of the first day).
sed -e 's/^Jul 23/Jul 27/' -e 's/: r6N/: r6R/' "$TOP/examples/maillog.sample" \
	| cat "$TOP/examples/maillog.sample" - > "$TMP/days.log"
pw -r "$RULEBASE" -a "$TOP/examples/access" --report=html "$TMP/days.log" \
	> "$TMP/d.html" 2>/dev/null
series "$TMP/d.html" "$TMP/days.log" day "five days"
is "$(sed -n 's/^got=//p' "$TMP/s")" \
	"linkedin.com 07-23=13/0/13 07-27=13/0/13;marriott.com 07-23=26/23/3 07-27=26/23/3" \
	"a bucket per day and campaign"

# A store of schema 1 (before the hours were kept): migrated on open,
# its campaigns drawn as a thin span with their totals.
cp "$TMP/s.db" "$TMP/old.db"
sqlite3 "$TMP/old.db" 'DROP TABLE campaign_hours; PRAGMA user_version = 1'
pw -n -r "$RULEBASE" -a "$TOP/examples/access" -s "$TMP/old.db" > "$TMP/out" 2>&1
like "$(cat "$TMP/out")" "schema version 1, older.*will migrate it" "--check: an old store is said to be migrated"
like "$(tail -n 1 "$TMP/out")" "store to be migrated$" "--check verdict: to be migrated, not \"no store yet\""
is "$(sqlite3 "$TMP/old.db" 'PRAGMA user_version')" 1 "--check left it as it was"
pw -r "$RULEBASE" --report=html -s "$TMP/old.db" > "$TMP/o.html" 2>/dev/null
is "$?" 0 "--report=html of a schema-1 store exits 0"
is "$(sqlite3 "$TMP/old.db" 'PRAGMA user_version')" 3 "migrated to the current schema (3)"
is "$(sqlite3 "$TMP/old.db" 'SELECT count(*) FROM campaign_hours')" 0 "with an empty campaign_hours"
python3 - "$TMP/o.html" > "$TMP/o" <<'PY'
import sys, xml.etree.ElementTree as ET
S = "{http://www.w3.org/2000/svg}"
for g in ET.parse(sys.argv[1]).getroot().iter(S + "g"):
    if g.get("class") == "campaign":
        kinds = [e.get("class") for e in g.iter() if e.get("class") in ("bucket", "span")]
        texts = [t.text for t in g.iter(S + "text")]
        print(g.get("data-domain"), ",".join(kinds), texts[-1])
PY
is "$(cat "$TMP/o")" "linkedin.com span 13 msg, 0 delivered, 13 blocked
marriott.com span 26 msg, 23 delivered, 3 blocked" "each old campaign: a span and its totals, no bucket"
like "$(cat "$TMP/o.html")" "No hourly counts yet" "the page says why there is no bar per hour"
pw -r "$RULEBASE" -a "$TOP/examples/access" -s "$TMP/old.db" --report=json \
	"$TMP/days.log" > /dev/null 2>&1
pw -r "$RULEBASE" --report=html -s "$TMP/old.db" > "$TMP/o.html" 2>/dev/null
python3 "$TMP/series.py" "$TMP/o.html" "$TMP/days.log" day > "$TMP/s"
is "$(sed -n 's/^got=//p' "$TMP/s")" "$(sed -n 's/^want=//p' "$TMP/s")" \
	"the migrated store counts new lines by hour"

pw -r "$RULEBASE" --report=html -s "$TMP/empty.db" /dev/null > "$TMP/e.html" 2>/dev/null
python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$TMP/e.html"
ok $? "an empty store: still a well-formed page"
like "$(cat "$TMP/e.html")" "No campaign in the store" "saying there is no campaign"

pw --report=xml /dev/null > /dev/null 2> "$TMP/err"
is "$?" 64 "--report=xml exits 64"
like "$(cat "$TMP/err")" "error: --report takes text, json or html, not 'xml'" "naming the three forms"
done_testing
