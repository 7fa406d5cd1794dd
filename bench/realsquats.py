#!/usr/bin/env python3
"""realsquats.py - phishwatch's lookalike rules on squats seen in the wild.

lookalike-eval.py imports it for the last section of make eval's report;
nothing here runs on its own.

The rest of make eval measures recall on names dnstwist makes and false
alarms on legitimate senders: nothing there was registered by a phisher.
npm eth-phishing-detect 1.2.0 (MetaMask's list, pinned) has, in
src/config.json, the brands it protects ("fuzzylist"), the phishing
hosts reported against them ("blacklist") and legitimate hosts, mostly
ones its own fuzzy rule flagged and had to let through ("whitelist":
hard negatives).  Its detector (src/detector.js) is the rule of slice
(a) below.

The rules, fixed before any run and printed with the section:
- brands: the registered domain (Public Suffix List, ICANN section) of
  each fuzzylist entry (launchpad.ethereum.org: ethereum.org), one a
  line, a plain --brands list (no families), in two configurations:
  that list alone, and data/brands then that list (the shipped list
  extended with --brands, as an administrator would run it); and, a
  configuration added after the rules above (with the brands file's
  mark !any, for brands squatted with any word), that list with each
  brand marked !any;
- hosts of both lists lower-cased, a trailing dot stripped, deduplicated;
- each blacklist host in one slice, the first that applies: (a) within
  MetaMask's own tolerance (its detector's rule: the host less its last
  label, the first "www." removed, at Levenshtein distance "tolerance"
  or less of a fuzzylist entry's same form); (b) a brand label (the
  label of a brand's registered domain) in the label of the host's
  registered domain; (c) a brand label below someone else's registered
  domain (free hosting: ethereum-giveaway.czweb.org); (d) the rest;
- a host is flagged when phishwatch reports it as a lookalike of any
  brand (not a brand's own, not refused as invalid);
- the misses listed are those of the fuzzylist alone;
- the whitelist: how many each configuration flags, and how many
  MetaMask's own rule does (its whitelist aside).

Second, a later copy of the same list (npm @scamsniffer/detector ships
one): the hosts it has that 1.2.0 has not, reported after the rules
were written, sliced and judged the same way.

Third, the rules that look below a registrable domain (a brand's whole
domain in front of someone else's, lookalike:embedded) measured where
the false alarms tables cannot reach them, on legitimate hosts that lie
below their registrable domain (Public Suffix List, both sections): the
hosts of make eval's legitimate populations as their sources give them
(mail domains such as cs.example.edu), the hosts of Privacy Badger's
seed.json (the third-party hosts its crawler met on popular sites) and
of MetaMask's whitelist, with data/brands: how many are flagged, which,
and by which rule.

A second list, of harmful sites rather than of squats, as a check of
the shipped brands: the hosts of uBlock Origin's badware list
(rules of assets/ublock/badware.min.txt that block a whole host,
`||HOST^`, `||HOST$...`; not a path on a host nor a name under any
top-level domain, `||name.`) and of URLhaus's
list of malware hosts (the lines that are a hostname, no address, of
assets/thirdparties/urlhaus-filter/urlhaus-filter-online.txt) in
Debian's webext-ublock-origin-firefox, lower-cased, deduplicated, with
data/brands alone: how many are flagged, and which.
"""
import glob
import json
import os
import re
import tempfile

from evalpops import BADWARE, PSL, SQUATS, SQUATS_LATER, PublicSuffixes, \
    packed, \
    populations

# Misses listed per slice; the report's other lists are longer, but
# these are a sample to read, the counts are in the table.
SHOWN = 30
SLICES = [
    ("a", "within MetaMask's own tolerance"),
    ("b", "a brand label in the registered domain's label"),
    ("c", "a brand label below someone else's registered domain"),
    ("d", "the rest"),
]
CONFIGS = ["fuzzylist alone", "data/brands + fuzzylist",
           "fuzzylist marked !any"]
HEADER = __doc__.split("The rules, fixed before any run and printed "
                       "with the section:\n")[1].split("\nSecond, ")[0]
# A host after a badware rule's ||; a line of URLhaus's that is a name.
BADWARE_RULE = re.compile(r"^\|\|([a-z0-9.-]+\.[a-z]{2,})(?:\^|\$|$)")
HOSTNAME = re.compile(r"^[a-z0-9.-]+\.[a-z]{2,}$")


def levenshtein(a, b, bound=None):
    """The edit distance of a and b; with bound, any value above bound
    once it is sure to exceed it (the lengths alone can say so)."""
    if bound is not None and abs(len(a) - len(b)) > bound:
        return bound + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1,
                                       prev + (ca != cb))
    return row[-1]


def fuzzy_form(host):
    """The form MetaMask's detector compares: the host less its last
    label, the first "www." removed (JavaScript's replace() of a
    string)."""
    return host.rsplit(".", 1)[0].replace("www.", "", 1) \
        if "." in host else ""


def metamask_flags(host, fuzzylist, tolerance):
    """Whether MetaMask's fuzzy rule flags host."""
    form = fuzzy_form(host)
    return any(levenshtein(form, fuzzy_form(t), tolerance) <= tolerance
               for t in fuzzylist)


def hosts(names):
    """names lower-cased, a trailing dot stripped, deduplicated."""
    return sorted({n.strip().lower().rstrip(".") for n in names} - {""})


class Squats:
    """MetaMask's list: the brands, their labels, both lists of hosts,
    and where each blacklist host falls."""

    def __init__(self, cache, spec=SQUATS):
        name, member = spec
        path = glob.glob(os.path.join(cache, packed(name), member))[0]
        config = json.load(open(path))
        self.psl = PublicSuffixes(PSL)
        self.fuzzylist = hosts(config["fuzzylist"])
        self.tolerance = config["tolerance"]
        self.brands = sorted({self.psl.registered(h)
                              for h in self.fuzzylist} - {None})
        self.labels = sorted({b.split(".")[0] for b in self.brands})
        self.blacklist = hosts(config["blacklist"])
        self.whitelist = hosts(config["whitelist"])

    def metamask(self, host):
        return metamask_flags(host, self.fuzzylist, self.tolerance)

    def slice(self, host):
        """The letter of host's slice (SLICES)."""
        if self.metamask(host):
            return "a"
        domain = self.psl.registered(host)
        if domain is None:
            return "d"
        if any(l in domain.split(".")[0] for l in self.labels):
            return "b"
        below = host[:-len(domain)]
        if any(l in below for l in self.labels):
            return "c"
        return "d"

    def distance(self, host):
        """The edit distance of host's registered label to the nearest
        brand label."""
        domain = self.psl.registered(host) or host
        return min(levenshtein(domain.split(".")[0], l)
                   for l in self.labels)


def flagged(verdict):
    return verdict[2] not in "-=!"


def judge_all(judge, shipped, squats, rows):
    """Per configuration (CONFIGS): host -> verdict of rows (tag, host)."""
    with tempfile.TemporaryDirectory() as tmp:
        brands = os.path.join(tmp, "brands")
        marked = os.path.join(tmp, "marked")
        with open(brands, "w") as f:
            f.write("".join(b + "\n" for b in squats.brands))
        with open(marked, "w") as f:
            f.write("".join(b + " !any\n" for b in squats.brands))
        return [{r[0]: v for r, v in zip(rows, judge(files, rows))}
                for files in ([brands], [shipped, brands], [marked])]


def print_slices(squats, slices, verdicts):
    print("| slice | hosts |"
          + "".join(" flagged (%s) | rate |" % c for c in CONFIGS))
    print("|---|---:|" + "---:|---:|" * len(CONFIGS))
    for letter, title in SLICES + [("all", None)]:
        members = [h for h, s in slices.items()
                   if letter in (s, "all")]
        counts = [sum(1 for h in members if flagged(v[h]))
                  for v in verdicts]
        rates = ["%.1f%%" % (100.0 * c / len(members)) if members
                 else "-" for c in counts]
        print("| %s | %d |" % ("(%s) %s" % (letter, title) if title
                                else "**all**", len(members))
              + "".join(" %d | %s |" % cr for cr in zip(counts, rates)))


def print_misses(squats, slices, verdict):
    for letter, title in SLICES[:2]:
        missed = sorted(h for h, s in slices.items()
                        if s == letter and not flagged(verdict[h]))
        print("\nMissed, (%s) %s (%s): the first %d of %d\n"
              % (letter, title, CONFIGS[0], min(SHOWN, len(missed)),
                 len(missed)))
        for h in missed[:SHOWN]:
            print("    " + h)
    missed = [h for h, s in slices.items()
              if s == "a" and not flagged(verdict[h])]
    far = [squats.distance(h) for h in missed]
    print("\nMissed, (a), by the edit distance of the registered "
          "domain's label to the nearest brand label: 1: %d, 2: %d, "
          "more: %d; 0 (a brand's label): %d"
          % (far.count(1), far.count(2), sum(1 for d in far if d > 2),
             far.count(0)))
    refused = sorted(h for h in slices if verdict[h][2] == "!")
    print("\nRefused by phishwatch's host gate (no hostname: an address, "
          "an underscore, one label), counted as misses: %d\n"
          % len(refused))
    for h in refused:
        print("    " + h)


def print_whitelist(squats, verdicts):
    counts = ["%s: %d" % (name, sum(1 for h in squats.whitelist
                                    if flagged(verdict[h])))
              for name, verdict in zip(CONFIGS, verdicts)]
    print("\nThe whitelist (legitimate hosts, mostly ones MetaMask's own "
          "rule flagged and had to let through): %d hosts; flagged with "
          "the %s; by MetaMask's own rule (whitelist aside): %d."
          % (len(squats.whitelist), ", with ".join(counts),
             sum(1 for h in squats.whitelist if squats.metamask(h))))
    for name, verdict in zip(CONFIGS, verdicts):
        print("\nFlagged on the whitelist (%s):\n" % name)
        for h in squats.whitelist:
            if flagged(verdict[h]):
                print("    %s %s %s" % (h, verdict[h][2], verdict[h][3]))


def report(judge, shipped, cache):
    """Print the section; judge(brand_files, rows) gives the verdicts of
    lookalike-eval on (tag, host) rows, shipped is data/brands."""
    squats = Squats(cache)
    rows = [(h, h) for h in sorted(set(squats.blacklist) |
                                   set(squats.whitelist))]
    verdicts = judge_all(judge, shipped, squats, rows)
    slices = {h: squats.slice(h) for h in squats.blacklist}
    print("\n### Real squats: npm eth-phishing-detect\n")
    print("%s %d phishing hosts (blacklist), %d legitimate (whitelist), "
          "%d brands (%s), tolerance %d.  The rules, fixed before any "
          "run:\n" % (SQUATS[0], len(squats.blacklist),
                      len(squats.whitelist), len(squats.brands),
                      " ".join(squats.brands), squats.tolerance))
    print(HEADER)
    print_slices(squats, slices, verdicts)
    print_misses(squats, slices, verdicts[0])
    print_whitelist(squats, verdicts)


def later_report(judge, shipped, cache):
    """Print the check of the later copy of MetaMask's list (SQUATS_LATER):
    its hosts that 1.2.0 lacks, reported after the rules were written,
    sliced and judged by the same rules as the first."""
    first = Squats(cache)
    later = Squats(cache, SQUATS_LATER)
    black = sorted(set(later.blacklist) - set(first.blacklist))
    white = sorted(set(later.whitelist) - set(first.whitelist))
    later.blacklist, later.whitelist = black, white
    verdicts = judge_all(judge, shipped, later,
                         [(h, h) for h in black + white])
    print("\n### Real squats, a later copy: npm %s\n" % SQUATS_LATER[0])
    print("Its copy of MetaMask's list (%s) has %d phishing hosts and %d "
          "legitimate ones that %s has not, reported after the rules "
          "were written.  Its fuzzylist's brands (%s) and the rules "
          "above.\n"
          % (SQUATS_LATER[1], len(black), len(white), SQUATS[0],
             " ".join(later.brands)))
    print_slices(later, {h: later.slice(h) for h in black}, verdicts)
    print_misses(later, {h: later.slice(h) for h in black}, verdicts[0])
    print_whitelist(later, verdicts)


def badware_hosts(cache):
    """The hosts of uBlock Origin's badware and URLhaus lists."""
    names = set()
    for member in BADWARE[1]:
        pattern = os.path.join(cache, BADWARE[0] + "_*", "usr", "share",
                               "mozilla", "extensions", "*", "*",
                               "assets", member)
        for path in glob.glob(pattern):
            for line in open(path, encoding="utf-8", errors="replace"):
                line = line.strip().lower()
                m = BADWARE_RULE.match(line)
                if m:
                    names.add(m.group(1))
                elif HOSTNAME.match(line):
                    names.add(line)
    return hosts(names)


def badware_report(judge, shipped, cache):
    """Print the check on uBlock Origin's lists with data/brands."""
    names = badware_hosts(cache)
    verdicts = judge([shipped], [(h, h) for h in names])
    hits = [v for v in verdicts if flagged(v)]
    package = sorted(glob.glob(os.path.join(cache, BADWARE[0] + "_*.deb")))
    print("\n### Harmful sites: uBlock Origin's badware and URLhaus hosts "
          "(%s), data/brands\n"
          % (os.path.basename(package[-1])[:-4] if package else BADWARE[0]))
    print("%d hosts; flagged: %d\n" % (len(names), len(hits)))
    for v in hits:
        print("    %s %s %s" % (v[1], v[2], v[3]))


def tracker_hosts(cache):
    """The hosts of Privacy Badger's seed.json."""
    path = glob.glob(os.path.join(cache, "webext-privacy-badger_*", "usr",
                                  "share", "webext", "privacy-badger",
                                  "data", "seed.json"))[0]
    seed = json.load(open(path))
    return list(seed["action_map"]) + list(seed["snitch_map"])


def below_report(judge, shipped, cache):
    """Print the check of legitimate hosts below a registrable domain."""
    psl = PublicSuffixes(PSL)
    names = set(tracker_hosts(cache)) | set(Squats(cache).whitelist)
    for pop in populations(cache).values():
        names |= pop
    below = [h for h in hosts(names) if HOSTNAME.match(h)
             and psl.registered(h) not in (None, h)]
    verdicts = judge([shipped], [(h, h) for h in below])
    hits = [v for v in verdicts if flagged(v)]
    print("\n### Legitimate hosts below a registrable domain, data/brands\n")
    print("%d hosts; flagged: %d, by lookalike:embedded: %d\n"
          % (len(below), len(hits),
             sum(1 for v in hits if v[3] == "lookalike:embedded")))
    for v in hits:
        print("    %s %s %s" % (v[1], v[2], v[3]))
