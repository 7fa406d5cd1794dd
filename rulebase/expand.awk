# expand.awk - a header template with the rules of a rulebase put in.
#
# usage: awk -f expand.awk sendmail.rb syslog.rb.in > sendmail-syslog.rb
#
# The rulebase marks its sections: the lines between "#<<< NAME" and
# "#>>> NAME" are section NAME ("kinds" in every rulebase), the lines
# after the last closing marker section "tail".  In the template, a line
# "#@NAME@" becomes that section's lines, and lines beginning "#!" are
# the template's own notes.
FNR == NR {
	if ($0 ~ /^#<<< /) { part = $2; next }
	if ($0 ~ /^#>>> /) { part = "tail"; next }
	if (part != "")
		text[part] = text[part] $0 "\n"
	next
}
/^#!/ { next }
/^#@[a-z]+@$/ {
	name = substr($0, 3, length($0) - 3)
	if (text[name] == "") {
		print "expand.awk: no section " name " in " ARGV[1] \
		      > "/dev/stderr"
		failed = 1
		exit 1
	}
	printf "%s", text[name]
	next
}
{ print }
END {
	if (!failed && (text["kinds"] == "" || text["tail"] == "")) {
		print "expand.awk: no #<<< kinds / #>>> kinds block in " \
		      ARGV[1] > "/dev/stderr"
		exit 1
	}
}
