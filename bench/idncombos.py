#!/usr/bin/env python3
"""IDN combinations of a brands file's brand labels, through a lookalike
evaluator: how many are flagged, and by which rule.

For each brand label with a letter that has a Cyrillic look-alike, up
to six names: one such letter replaced, and one word of a short list
(keywords, English words, a number) before or after it, glued or with a
hyphen, written as A-labels under .com.  A seeded draw, so runs agree.

    bench/idncombos.py build/lookalike-eval data/brands
"""
import collections
import random
import subprocess
import sys

CYRILLIC = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440",
            "c": "\u0441", "x": "\u0445", "y": "\u0443", "i": "\u0456"}
WORDS = ["login", "secure", "verify", "mail", "support", "account", "blue",
         "find", "summary", "my", "web", "2024"]
TRIES = 6


def labels(path):
    """The brand labels of a brands file, in its order."""
    for line in open(path, encoding="utf-8"):
        words = line.split("#")[0].split()
        if words:
            yield words[0].split(".")[0]


def combinations(brand_labels, draw):
    """The A-labels of the IDN combinations, sorted."""
    names = set()
    for label in brand_labels:
        at = [i for i, c in enumerate(label) if c in CYRILLIC]
        for _ in range(TRIES if at else 0):
            i = draw.choice(at)
            look = label[:i] + CYRILLIC[label[i]] + label[i + 1:]
            word = draw.choice(WORDS)
            shape = draw.randrange(4)
            name = [look + "-" + word, word + "-" + look, look + word,
                    word + look][shape]
            try:
                names.add(name.encode("idna").decode() + ".com")
            except UnicodeError:
                pass
    return sorted(names)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: idncombos.py EVALUATOR BRANDS_FILE")
    evaluator, brands = sys.argv[1:]
    names = combinations(labels(brands), random.Random(3))
    text = "".join("x\t%s\n" % n for n in names)
    out = subprocess.run([evaluator, brands], input=text.encode(),
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    rules = collections.Counter(line.split("\t")[3]
                                for line in out.splitlines())
    flagged = sum(n for rule, n in rules.items() if rule.startswith("look"))
    print("%d IDN combinations, %d flagged (%.1f%%)" %
          (len(names), flagged, 100.0 * flagged / max(1, len(names))))
    for rule, n in sorted(rules.items()):
        print("  %-22s %d" % (rule, n))


if __name__ == "__main__":
    main()
