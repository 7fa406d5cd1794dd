#!/usr/bin/env python3
"""framestress.py - hyphenated legitimate names as brands, the worst case
of the rules that read a hyphenated brand label's words.

Usage: bench/framestress.py LOOKALIKE_EVAL [N [SEED]] (after make eval,
whose cache, build/eval, holds the populations).

A check, not a table of make eval.  The brand lists of make eval hold
few hyphenated labels, and those few are names (deutsche-bank,
cra-arc).  Here N hyphenated registered domains (1,500 by default) are
drawn, with Python's random.seed(SEED) (7), from make eval's legitimate
populations and given as a --brands list of their own; the rest of the
populations are judged against them, and every sender flagged is
printed with its brand and rule.  Most of those labels are generic
words (email-temp, your-house), so a rule that takes a keyword for one
of a brand's words flags what it would under an unseen list of that
kind.  Run it on the trees before and after a change: the difference is
the change's.
"""

import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evalpops import populations  # noqa: E402

CACHE = "build/eval"


def hyphenated(names):
    """The names whose registered label has a hyphen, IDN labels apart."""
    return sorted(n for n in names
                  if "-" in n.split(".")[0] and not n.startswith("xn--"))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    names = sorted(set().union(*populations(CACHE).values()))
    brands = random.sample(hyphenated(names), count)
    listed = os.path.join(CACHE, "framestress-brands")
    with open(listed, "w") as f:
        f.write("".join(b + "\n" for b in brands))
    text = "".join("x\t%s\n" % n for n in names)
    out = subprocess.run([binary, listed], input=text.encode(),
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         check=True).stdout
    rows = [line.split("\t") for line in out.decode().splitlines()]
    flagged = [r for r in rows if r[2] not in "-=!"]
    print("%d hyphenated names of %d as brands: %d of the %d flagged"
          % (count, len(hyphenated(names)), len(flagged), len(names)))
    for r in flagged:
        print("    %s %s %s" % (r[1], r[2], r[3]))


if __name__ == "__main__":
    main()
