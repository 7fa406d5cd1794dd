#!/usr/bin/env bash
# cases-j-z.t - the hostile-input cases whose names begin with j-z
# (tests/hostile/hostile.sh says what each case is and how it is checked).
. "$(dirname "$0")/hostile.sh"
run_cases '[j-z]*'
