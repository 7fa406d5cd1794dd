# expand.awk - syslog.rb.in with the rules of sendmail.rb put in.
#
# usage: awk -f expand.awk sendmail.rb syslog.rb.in > sendmail-syslog.rb
#
# In the template, a line "#@kinds@" becomes the lines of sendmail.rb
# between "#<<< kinds" and "#>>> kinds", "#@tail@" the lines after the
# closing marker, and lines beginning "#!" are the template's own notes.
FNR == NR {
	if ($0 ~ /^#<<< kinds/) { part = "kinds"; next }
	if ($0 ~ /^#>>> kinds/) { part = "tail"; next }
	if (part != "")
		text[part] = text[part] $0 "\n"
	next
}
/^#!/ { next }
$0 == "#@kinds@" { printf "%s", text["kinds"]; next }
$0 == "#@tail@" { printf "%s", text["tail"]; next }
{ print }
END {
	if (text["kinds"] == "" || text["tail"] == "") {
		print "expand.awk: no #<<< kinds / #>>> kinds block in " \
		      ARGV[1] > "/dev/stderr"
		exit 1
	}
}
