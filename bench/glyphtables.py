"""glyphtables.py - homoglyphs from tables of look-alike letters that
nobody here wrote, for make eval's recall.

lookalike-eval.py imports it.  dnstwist's homoglyph fuzzer has its own
table of look-alike letters, beside which the rules were studied.  Two
npm packages keep tables of their own, made for other ends:

    homoglyph 1.1.2      a port of mimic, which swaps ASCII letters in a
                         text for Unicode ones that look the same
                         (dict.js: a string a letter, its look-alikes
                         after it, written as \\u{...} escapes)
    confusables 1.1.1    a filter that maps look-alikes in a text back to
                         English letters (dist/characters.js: a Map of
                         each letter to a string of its look-alikes)

Each letter of a brand label replaced once by each character a table
gives for it (not the letter itself, not its capital) is one sender,
written as UTF-8, as an SMTPUTF8 sender is: phishwatch maps it to an
A-label (UTS #46) as it maps a log's.  A character IDNA refuses (a math
symbol) makes no host: left out as invalid; one that UTS #46 maps to the
letter itself (a Roman numeral c) makes the brand's own domain: left out
as own.  The tables
are read as data, never run.
"""
import glob
import os
import re

from evalpops import GLYPH_TABLES, packed

# homoglyph's dict.js: a line '<letter><look-alikes>', the look-alikes
# as \u{HEX} escapes (a quote or backslash among them is no letter's).
MIMIC_LINE = re.compile(
    r"^\s*'([a-z0-9-])((?:\\u\{[0-9A-Fa-f]+\}|[^'\\])*)',?\s*$")
MIMIC_ESCAPE = re.compile(r"\\u\{([0-9A-Fa-f]+)\}")
# confusables' characters.js: ['<letter>', '<look-alikes>'].
CONFUSABLES_ENTRY = re.compile(r"\['([a-z0-9])', '([^'\\]*)'\]")


def read_mimic(path):
    """letter -> its look-alikes, of homoglyph's dict.js."""
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = MIMIC_LINE.match(line)
            if m:
                table[m.group(1)] = MIMIC_ESCAPE.sub(
                    lambda e: chr(int(e.group(1), 16)), m.group(2))
    return table


def read_confusables(path):
    """letter -> its look-alikes, of confusables' characters.js."""
    with open(path, encoding="utf-8") as f:
        return {m.group(1): m.group(2)
                for m in CONFUSABLES_ENTRY.finditer(f.read())}


READERS = {"homoglyph-mimic": read_mimic,
           "homoglyph-confusables": read_confusables}


def tables(cache):
    """Row name -> letter -> look-alikes, of the packages fetch() put in
    cache (evalpops.GLYPH_TABLES, in the order of READERS)."""
    found = {}
    for name, (spec, member) in zip(READERS, GLYPH_TABLES):
        path = glob.glob(os.path.join(cache, packed(spec), member))[0]
        found[name] = READERS[name](path)
    return found


def rows(brands, glyphs):
    """(row|brand, sender) of every letter of each brand label replaced
    once by each of a table's look-alikes for it."""
    out = []
    for brand in brands:
        label, dot, rest = brand.partition(".")
        for name, table in sorted(glyphs.items()):
            for i, letter in enumerate(label):
                for g in sorted(set(table.get(letter, ""))):
                    if g != letter and g.lower() != letter:
                        host = label[:i] + g + label[i + 1:] + dot + rest
                        out.append(("%s|%s" % (name, brand), host))
    return out
