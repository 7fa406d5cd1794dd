#!/usr/bin/env python3
"""outsidepops.py - lookalike verdicts on name populations make eval lacks.

Usage: bench/outsidepops.py LOOKALIKE_EVAL BRANDS_FILE... (after make eval,
whose cache, build/eval, holds the uBlock Origin package).

Checks, not a table of make eval: these are names of legitimate
companies that send no mail of their own, so they cannot count as
false alarms on senders, but a rule that flags them flags the same
shapes in a sender's domain.  Each population is taken as registered
domains (Public Suffix List), less those make eval's populations hold:
- EasyList and EasyPrivacy, as Debian's webext-ublock-origin-firefox
  ships them: rules that block a whole host (||host^), the hosts of ad
  companies and brands' own first-party tracking hosts;
- npm wappalyzer 6.10.66 (pinned), the web site of each technology it
  knows: software vendors;
- uBlock Origin's own lists in the same package (filters, privacy,
  unbreak, quick fixes; not badware): every host a rule blocks or
  excepts, and the sites its cosmetic rules are written for;
- the Debian archive as apt's lists on this machine hold it: the mail
  domains of every package's Maintainer and Uploaders and the host of
  its Homepage (people who send mail, projects' sites).
Prints, per population, its size and every domain flagged.
"""
import glob
import json
import os
import re
import subprocess
import sys
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evalpops import PSL, PublicSuffixes, populations  # noqa: E402

CACHE = "build/eval"
UBLOCK = ("webext-ublock-origin-firefox_*", "usr", "share", "mozilla",
          "extensions", "*", "uBlock0@raymondhill.net", "assets",
          "thirdparties", "easylist")
WHOLE_HOST = re.compile(r"^\|\|([a-z0-9.-]+\.[a-z]{2,})\^(\$third-party)?$")
ANY_HOST = re.compile(r"(?:^|[,|=~])(?:@@)?\|\|([a-z0-9.-]+\.[a-z]{2,})")
COSMETIC = re.compile(r"^([a-z0-9.,~-]+\.[a-z]{2,}(?:,[a-z0-9.~-]+)*)#[@?$]?#")
UBLOCK_OWN = ("filters.min", "privacy.min", "unbreak.min", "quick-fixes.min")
APT_LISTS = "/var/lib/apt/lists/*_Packages*"
MAIL_DOMAIN = re.compile(r"@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
HOMEPAGE = re.compile(r"^Homepage:\s*[a-z]+://([^/:\s]+)", re.M)
VENDORS = "wappalyzer@6.10.66"


def easylist(name):
    """Hosts that a whole-host rule of EasyList's file name blocks."""
    path = glob.glob(os.path.join(CACHE, *UBLOCK, name + ".txt"))[0]
    with open(path, errors="replace") as f:
        return {m.group(1) for m in map(WHOLE_HOST.match, f) if m}


def ublock_own():
    """Hosts that uBlock Origin's own lists name, blocked or excepted, and
    the sites of its cosmetic rules."""
    where = glob.glob(os.path.join(CACHE, *UBLOCK[:-2], "ublock"))[0]
    hosts = set()
    for name in UBLOCK_OWN:
        with open(os.path.join(where, name + ".txt"), errors="replace") as f:
            for line in f:
                hosts.update(ANY_HOST.findall(line))
                m = COSMETIC.match(line)
                if m:
                    hosts.update(h.lstrip("~")
                                 for h in m.group(1).split(","))
    return hosts


def debian_archive():
    """Maintainers' and uploaders' mail domains and homepages' hosts of the
    packages in apt's lists (empty when apt has no lists)."""
    hosts = set()
    for path in glob.glob(APT_LISTS):
        text = subprocess.run(["/usr/lib/apt/apt-helper", "cat-file", path],
                              stdout=subprocess.PIPE, check=True
                              ).stdout.decode(errors="replace")
        for line in text.splitlines():
            if line.startswith(("Maintainer:", "Uploaders:",
                                "Original-Maintainer:")):
                hosts.update(d.lower() for d in MAIL_DOMAIN.findall(line))
        hosts.update(h.lower() for h in HOMEPAGE.findall(text))
    return hosts


def vendors():
    """The web sites' hosts of the technologies wappalyzer knows."""
    pattern = os.path.join(CACHE, "wappalyzer-6.10.66")
    if not os.path.isdir(pattern):
        subprocess.run(["npm", "pack", "--silent", VENDORS], cwd=CACHE,
                       check=True, stdout=subprocess.DEVNULL)
        os.makedirs(pattern)
        subprocess.run(["tar", "xzf", pattern + ".tgz", "-C", pattern],
                       check=True)
    hosts = set()
    for path in glob.glob(os.path.join(pattern, "package", "technologies",
                                       "*.json")):
        with open(path) as f:
            for tech in json.load(f).values():
                host = urlparse(tech.get("website") or "").hostname
                if host:
                    hosts.add(host.lower())
    return hosts


def main():
    binary, brands = sys.argv[1], sys.argv[2:]
    psl = PublicSuffixes(PSL)
    known = set().union(*populations(CACHE).values())
    for name, hosts in [("EasyList", easylist("easylist")),
                        ("EasyPrivacy", easylist("easyprivacy")),
                        ("npm " + VENDORS + " web sites", vendors()),
                       ("uBlock Origin's own lists", ublock_own()),
                       ("the Debian archive's maintainers and homepages",
                        debian_archive())]:
        domains = {psl.registered(h) for h in hosts} - {None}
        new = sorted(domains - known)
        text = "".join("x\t%s\n" % d for d in new)
        out = subprocess.run([binary] + brands, input=text.encode(),
                             stdout=subprocess.PIPE, check=True).stdout
        rows = [l.split("\t") for l in out.decode().splitlines()]
        flagged = [r for r in rows if r[2] not in "-=!"]
        print("%s: %d registered domains, %d not in make eval's "
              "populations, %d flagged (%.3f%%)"
              % (name, len(domains), len(new), len(flagged),
                 100.0 * len(flagged) / max(1, len(new))))
        for r in flagged:
            print("    %s %s %s" % (r[1], r[2], r[3]))


if __name__ == "__main__":
    main()
