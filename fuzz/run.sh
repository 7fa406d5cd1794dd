#!/bin/sh
# fuzz/run.sh NAME... - run each harness $FUZZ_BUILD/fuzz_NAME for
# $FUZZ_SECONDS seconds from a corpus seeded out of the tests and examples.
#
# The working corpus is $FUZZ_BUILD/corpus/NAME (kept between runs, so
# every run goes on from what the last one found).  Seeds:
#   line    tests/rulebase/*.in, examples/maillog.sample, tests/fuzz-regress/line
#   json    tests/rulebase/*.ref (mmnormalize objects), tests/fuzz-regress/json
#   access  examples/access, the pcre: and regexp: tables of tests/mta,
#           tests/fuzz-regress/access
#   linein  tests/rulebase/*.in (the first 4 bytes set the read sizes)
#   lookalike  the lookalikes of man/phishwatch.1's rules, one a file
#           (a second line: a brand to learn); labels that mix Latin
#           with a Thai or Georgian letter, an all-Thai one, a family
#           label with a Cyrillic letter
# A crash, leak or sanitizer report stops that harness, leaves the input
# as $FUZZ_BUILD/crash-NAME-* and makes this script fail.  Put the input
# in tests/fuzz-regress/NAME/ (make test replays it) once it is fixed.
#
# FUZZ_FLAGS adds libFuzzer options (e.g. -runs=N, -jobs=2).
set -u
: "${TOP:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${FUZZ_BUILD:=$TOP/build/fuzz}"
: "${FUZZ_SECONDS:=60}"
cd "$TOP" || exit 1

# seed NAME DIR - copy the seeds of harness NAME into DIR, one file each
seed() {
	case $1 in
	line)
		cp tests/rulebase/*.in "$2"/
		cp examples/maillog.sample "$2"/maillog.sample
		# one seed per sample line too: short inputs mutate faster
		split -l 1 -a 4 examples/maillog.sample "$2"/sample-
		;;
	json)
		for ref in tests/rulebase/*.ref; do
			split -l 1 -a 3 "$ref" "$2/$(basename "$ref" .ref)-"
		done
		;;
	access)
		cp examples/access "$2"/access.example
		cp tests/mta/postfix-pcre/values.pcre "$2"/values.pcre
		cp tests/mta/postfix-regexp/values.regexp "$2"/values.regexp
		;;
	linein)
		cp tests/rulebase/*.in "$2"/
		;;
	lookalike)
		n=0
		for d in linkedinmail.com wallmart.com paypal-login2.com \
			secure-paypal.com paypal-com.net amazon-co-jp.top \
			paypalcom.xyz paypal-de-login.com litecoin-login.org \
			deutsche-post.de paypa1-login.com xn--pypal-login-yij.com \
			bt-billing.com myefherwalet.com paypal.com.verify-id.info \
			"$(printf 'p\320\260ypal-login.com')" \
			"$(printf 'p\340\270\204ypal.com')" \
			"$(printf 'amazo\341\203\233.com')" \
			"$(printf '\340\270\204\340\270\204\340\270\204.com')" \
			"$(printf 'mess\320\265nger.com')" \
			"$(printf 'zorbix-login.com\nzorbix-mailer.com')"; do
			n=$((n + 1))
			printf '%s' "$d" >"$2/seed-$n"
		done
		;;
	esac
	if [ -d "tests/fuzz-regress/$1" ]; then
		cp "tests/fuzz-regress/$1"/* "$2"/ 2>/dev/null
	fi
	return 0
}

failed=0
for name in "$@"; do
	bin="$FUZZ_BUILD/fuzz_$name"
	corpus="$FUZZ_BUILD/corpus/$name"
	mkdir -p "$corpus" || exit 1
	seed "$name" "$corpus"
	echo "fuzz: $name for ${FUZZ_SECONDS}s"
	# -close_fd_mask=2: the harness's own warnings (bad access lines,
	# bad log lines) go nowhere; libFuzzer keeps its report channel.
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$FUZZ_SECONDS" -close_fd_mask=2 \
		-print_final_stats=1 -max_len=8192 -timeout=10 \
		-rss_limit_mb=2048 \
		-artifact_prefix="$FUZZ_BUILD/crash-$name-" \
		${FUZZ_FLAGS:-} "$corpus" >"$FUZZ_BUILD/$name.log" 2>&1
	status=$?
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ *DONE' \
		"$FUZZ_BUILD/$name.log" | sed "s/^/fuzz: $name: /"
	if [ $status -ne 0 ]; then
		echo "fuzz: $name FAILED (exit $status); see $FUZZ_BUILD/$name.log"
		grep -E 'ERROR|SUMMARY|artifact' "$FUZZ_BUILD/$name.log" | head -n 10
		failed=1
	fi
done
exit $failed
