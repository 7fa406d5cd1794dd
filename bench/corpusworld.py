"""corpusworld.py - the world gen-corpus.py's mail comes from and goes to.

The names it draws from (brands, made-up syllables, top-level domains,
people, ham senders' local parts and subdomains, the texts of deferrals
and cron jobs), the rule that keeps ham from looking like a brand to
phishwatch's lookalike rules, the planted campaigns with their ground
truth, and World, the part of the traffic model that makes the brands,
ham domains, users, relays and clients and plants the campaigns from the
model's seeded random numbers.
"""

B60 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx"
SITE = "example.org"
MX_HOSTS = ["mx1", "mx2"]
MAILSTORE = "imap1.example.org [10.0.0.25]"

# The story's brands first, then others; more are made up when needed.
BRANDS = [
    "marriott.com", "linkedin.com", "wallmart.com", "amazon.com", "adp.com",
    "ebay.com", "eftps.com", "visabusinessnews.com", "ups.com", "twitter.com",
    "mmm.com", "aa.com", "staples.com", "staples.co.uk", "paypal.com",
    "fedex.com", "dhl.com", "usps.com", "irs.gov", "chase.com",
    "wellsfargo.com", "americanexpress.com", "apple.com", "microsoft.com",
    "dropbox.com", "docusign.net", "intuit.com", "hsbc.co.uk",
    "barclays.co.uk", "qantas.com.au", "commbank.com.au", "netflix.com",
    "facebook.com", "adobe.com", "zoom.us", "delta.com", "hilton.com",
    "booking.com", "expedia.com", "target.com", "bestbuy.com", "costco.com",
    "verizon.com", "royalmail.com", "hmrc.gov.uk", "ato.gov.au", "dpd.co.uk",
]
SYLLABLES = ["nor", "van", "ta", "ex", "lo", "tri", "ka", "mer", "sol", "ve",
             "qua", "zen", "tor", "ris", "pla", "cor", "bel", "dy", "fin", "ox"]
TLDS = ["com", "com", "com", "net", "org", "co.uk", "de", "com.au", "io"]
FIRST = ["Ezra", "Janie", "Bo", "Alice", "Marco", "Priya", "Chen", "Olga",
         "Samir", "Lena", "Tom", "Ines", "Kofi", "Yuki", "Raul", "Mia",
         "Jonas", "Ada", "Ravi", "Zoe", "Hugo", "Nora", "Ivan", "Lucy"]
LAST = ["Holt", "Ng", "Smith", "Garcia", "Kumar", "Ivanova", "Okafor",
        "Tanaka", "Rossi", "Berg", "Silva", "Moreau", "Khan", "Novak"]
HAM_LOCAL = ["info", "news", "noreply", "no-reply", "newsletter", "support",
             "billing", "orders", "team", "hello", "notifications", "jobs",
             "updates", "service", "alerts", "receipts", "marketing"]
HAM_SUB = ["", "", "", "mail.", "email.", "e.", "em.", "news.", "bounce.",
           "notifications.", "info.", "mta."]
TLS_CIPHERS = ["TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
               "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256"]
DEFER_TEXT = ["Deferred: Connection refused by {h}.",
              "Deferred: Connection timed out with {h}.",
              "Deferred: 451 4.7.1 Please try again later",
              "Deferred: 421 4.7.0 Try again later, closing connection."]
CRON_CMDS = ["   cd / && run-parts --report /etc/cron.hourly",
             "[ -x /usr/lib/php/sessionclean ] && /usr/lib/php/sessionclean",
             "test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }",
             "/usr/local/bin/spam-check.pl > /dev/null",
             "grep -c 'from=' /var/log/mail.log > /var/tmp/mailcount"]


def label_of(domain):
    """The label before the public suffix, as far as the generator's TLDs go."""
    for tld in sorted(set(TLDS + ["gov", "us", "gov.uk", "gov.au"]), key=len,
                      reverse=True):
        if domain.endswith("." + tld):
            return domain[:-len(tld) - 1].split(".")[-1]
    return domain.split(".")[0]


def skeleton(label):
    """Look-alike letters made one, as phishwatch's lookalike rules do."""
    return label.replace("rn", "m").replace("vv", "w").replace("0", "o") \
        .replace("1", "l").replace("i", "l")


def one_edit(a, b):
    """Optimal string alignment distance <= 1."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) <= 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def imitates(label, brand):
    """Could phishwatch take a sender under label for a lookalike of brand?
    Errs on the side of yes: ham must never be one."""
    if label == brand:
        return True
    for affix in ("mail", "-mail", "mail-"):
        if label.endswith(affix) and label[:-len(affix)] == brand:
            return True
        if label.startswith(affix) and label[len(affix):] == brand:
            return True
    if skeleton(label) == skeleton(brand):
        return True
    return len(label) >= 5 and len(brand) >= 5 and one_edit(label, brand)


def domain_of(address):
    """The domain of <local@domain>, or localhost when there is none."""
    at = address.rfind("@")
    return address[at + 1:].rstrip(">") if at >= 0 else "localhost"


class Campaign:
    """One planted campaign and its ground-truth counters."""

    def __init__(self, domain, hosts, start, block_after, action):
        self.domain = domain
        self.hosts = hosts            # sender hosts, lower case
        self.start = start            # progress (0..1) where it begins
        self.block_after = block_after  # messages before the admin reacts
        self.action = action          # "reject" or "discard" once blocked
        self.sent = 0                 # messages generated so far
        self.used_hosts = set()
        self.case_variant = {}        # host -> how some messages spell it
        self.first_line = None
        self.first_qid = None
        self.first_time = None
        self.n = dict(messages=0, recipients=0, delivered=0, deferred=0,
                      bounced=0, rejected=0, discarded=0)

    def truth(self):
        d = dict(phished_domain=self.domain, first_line=self.first_line,
                 first_qid=self.first_qid, first_time=self.first_time,
                 sender_hosts=sorted(self.used_hosts))
        d.update(self.n)
        return d


class World:
    """The corpus's hosts, users and campaigns, made from self.rng and the
    options self.a (a mixin of gen-corpus.py's Corpus)."""

    def _make_world(self):
        r = self.rng
        brands = list(BRANDS)
        seen = set(brands)
        while len(brands) < self.a.campaigns:
            name = "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 3)))
            dom = name + "." + r.choice(TLDS)
            if dom not in seen:
                seen.add(dom)
                brands.append(dom)
        # Ham never looks like a brand to phishwatch's lookalike rules
        # (tld swap, "mail" affix, homoglyph, one-edit typo): brands are
        # learned from campaigns, and ham must stay ham whatever is learned.
        brand_labels = [label_of(b) for b in brands]
        ham_domains = []
        while len(ham_domains) < 400:
            name = "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 4)))
            dom = name + "-" + r.choice(["mail", "shop", "news", "group", "lab"]) \
                if r.random() < 0.3 else name
            dom += "." + r.choice(TLDS)
            if dom not in seen and not any(imitates(label_of(dom), b)
                                           for b in brand_labels):
                seen.add(dom)
                ham_domains.append(dom)
        # Brands mail legitimately too, unless another brand's name is
        # close to theirs (staples.com beside staples.co.uk).
        own = [b for i, b in enumerate(brands[:len(BRANDS)]) if not any(
            imitates(label_of(b), x) for j, x in enumerate(brand_labels) if j != i)]
        self.own_brands = own
        self.ham_domains = ham_domains + own
        self.users = ["%s.%s" % (f.lower(), l.lower()) for f in FIRST for l in LAST]
        self.users = self.users[:150] + ["root", "postmaster", "sales", "hr"]
        self.relays = [self._relay() for _ in range(3000)]
        self.gateways = ["eu1sysamx%d.postini.com [217.226.243.%d]" % (100 + i, 50 + i)
                         for i in range(40)]
        self.outbound_mx = ["mx%d.%s [%s]" % (r.randint(0, 3), d, self._ip())
                            for d in ham_domains[:200]]
        self.clients = ["client%d.%s [10.1.%d.%d]" % (i, SITE, i // 200, i % 200 + 10)
                        for i in range(60)]
        self.bots = [self._ip() for _ in range(5000)]
        self._plant(brands)

    def _ip(self):
        r = self.rng
        while True:
            a = r.randint(1, 223)
            if a not in (10, 127, 172, 192, 169, 100):
                return "%d.%d.%d.%d" % (a, r.randint(0, 255), r.randint(0, 255),
                                        r.randint(1, 254))

    def _relay(self):
        r = self.rng
        x = r.random()
        ip = self._ip()
        if x < 0.45:
            return "mail-%s.%s [%s]" % (ip.replace(".", "-"),
                                        r.choice(["outbound.protection.outlook.com",
                                                  "google.com", "sendgrid.net",
                                                  "amazonses.com", "mailgun.net"]), ip)
        if x < 0.85:
            return "mx%d.%s [%s]" % (r.randint(1, 9), "".join(
                r.choice(SYLLABLES) for _ in range(3)) + ".com", ip)
        if x < 0.95:
            return "[%s]" % ip
        return "mail.%s.net [IPv6:2001:db8:%x::%x]" % (
            "".join(r.choice(SYLLABLES) for _ in range(2)),
            r.randint(1, 0xffff), r.randint(1, 0xffff))

    def _plant(self, brands):
        r = self.rng
        c = self.a.campaigns
        pool = brands[:]
        # Story brands first, in a shuffled order; made-up ones after.
        head = pool[:len(BRANDS)]
        r.shuffle(head)
        pool = head + pool[len(BRANDS):]
        self.campaigns = []
        for i in range(c):
            dom = pool[i]
            labels = ["emalsrv", "complains"]
            r.shuffle(labels)
            hosts = [labels[0] + "." + dom]
            if r.random() < 0.5:
                hosts.append(labels[1] + "." + dom)
            if r.random() < 0.15:
                hosts.append(labels[0] + "." + r.choice(["mail", "news", "info"])
                             + "." + dom)
            start = 0.01 + 0.9 * (i + r.random() * 0.5) / max(c, 1)
            camp = Campaign(dom, hosts, start, r.randint(3, 40),
                            r.choice(["reject", "reject", "discard"]))
            # Some senders write their host in capitals, or capitalized.
            for h in hosts:
                if r.random() < 0.2:
                    camp.case_variant[h] = h.upper() if r.random() < 0.5 else \
                        ".".join(x.capitalize() for x in h.split("."))
            self.campaigns.append(camp)
        self.campaigns.sort(key=lambda k: k.start)
        self.next_campaign = 0
        self.started = []
