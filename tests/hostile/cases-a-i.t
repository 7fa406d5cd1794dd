#!/usr/bin/env bash
# cases-a-i.t - the hostile-input cases whose names begin with a-i
# (tests/hostile/hostile.sh says what each case is and how it is checked).
. "$(dirname "$0")/hostile.sh"
run_cases '[a-i]*'
