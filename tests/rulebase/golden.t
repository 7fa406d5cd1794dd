#!/bin/bash
# golden.t - rulebase/sendmail-syslog.rb (the rules of sendmail.rb behind
# a syslog header, made by make) against the golden files beside this one.
#
# Each NAME.in holds sm-mta lines (or lines that must not match); NAME.ref
# the object liblognorm should make of each (golden-lib.sh runs the
# pairs).  tests/unit/test_normalize_json.c checks that phishwatch's own
# header split makes the same record of every line here as these objects
# hold.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/golden-lib.sh"

DIR="$TOP/tests/rulebase"

golden_need
golden_rulebases "$RULEBASE" "$TOP/rulebase/syslog.rb.in" "$SYSLOG_RULEBASE"
grep -c '^rule=from:' "$RULEBASE" >"$TMP/n.rules"
grep -c '^rule=from:' "$SYSLOG_RULEBASE" >"$TMP/n"
is "$(cat "$TMP/n")" "$(($(cat "$TMP/n.rules") * 2))" \
	"every rule twice: behind a header, and without"
golden_files "$SYSLOG_RULEBASE" "$DIR"

done_testing
