#!/usr/bin/env bash
# report-html.t - --report=html: one self-contained page, well-formed
# XML (checked with Python's XML parser), no script and nothing fetched
# from elsewhere, an inline SVG timeline with a row (name and bar) per
# campaign in order of first seen, and the table of the text report.
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
out.append("bars=%d" % len(svgs[0].findall(S + "rect")))
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
is "$(fact bars)" 3 "bars: linkedin.com all blocked (1 part), marriott.com delivered and blocked (2)"
is "$(fact table)" \
	"2026-07-23 09:41|2026-07-23 10:31|linkedin.com|13|0|13|label:emalsrv;2026-07-23 14:12|2026-07-23 19:08|marriott.com|26|23|3|label:emalsrv" \
	"the table: first and last seen, domain, messages, delivered, blocked, rule"
like "$(cat "$TMP/r.html")" '26 msg, 23 delivered, 3 blocked' "each bar labelled with its counts"

pw -r "$RULEBASE" --report=html -s "$TMP/empty.db" /dev/null > "$TMP/e.html" 2>/dev/null
python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$TMP/e.html"
ok $? "an empty store: still a well-formed page"
like "$(cat "$TMP/e.html")" "No campaign in the store" "saying there is no campaign"

pw --report=xml /dev/null > /dev/null 2> "$TMP/err"
is "$?" 64 "--report=xml exits 64"
like "$(cat "$TMP/err")" "error: --report takes text, json or html, not 'xml'" "naming the three forms"
done_testing
