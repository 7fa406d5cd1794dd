#!/usr/bin/env python3
"""gen-corpus.py - deterministic sm-mta traffic with planted phishing campaigns.

SYNOPSIS
    bench/gen-corpus.py [--lines N] [--seed S] [--campaigns C]
                        [--ham-ratio R] [--header rfc3164|rfc3339|mixed]
                        [--truth FILE] [--output FILE]

DESCRIPTION
    Writes N syslog lines (exactly N) of a mail host's log: sm-mta inbound
    and outbound mail with every line kind phishwatch must read (from=,
    to= with Sent/Deferred/bounce stats, check_rcpt rejects logged before
    the from= line that then says nrcpts=0, check_mail discards and
    "qid: discarded", "qid: newqid: DSN: ..." bounces, STARTTLS=/AUTH=
    noise, DNSBL rejects, dropped connections, sm-msp-queue submissions)
    and other daemons' lines mixed in (CRON, sshd, dovecot, systemd).

    Among the ham, C phishing campaigns are planted as in the story
    (shared/seed): a brand's registrable domain spoofed from hosts whose
    left-most label is "emalsrv" or "complains" (emalsrv.marriott.com,
    complains.staples.co.uk), one campaign after the other with tails,
    first delivered, then (once the administrator reacts) rejected with
    "Sender banned" or discarded.  There are R ham messages per phishing
    message.  A few ham senders are tricky on purpose (x@emalsrv.co.uk,
    complains@brand.com, IP literals, the null sender): none is a phish.

    The same seed and options give the same bytes, on any machine.

    --truth FILE gets the ground truth, one JSON object a line, in order
    of first appearance:
      phished_domain   the brand's registrable domain (lower case)
      first_line       1-based line number of its first from= line
      first_qid        that line's queue id
      first_time       that line's time, RFC 3339 UTC
      sender_hosts     the campaign's sender hosts (lower case, sorted)
      messages         from= lines of the campaign's senders
      recipients       accepted (nrcpts) + rejected recipients
      delivered        recipients with a final stat=Sent
      deferred         recipient delivery attempts that were deferred
      bounced          recipients that failed for good after acceptance
      rejected         recipients refused by check_rcpt
      discarded        recipients of discarded messages
    A summary of the corpus (line kinds, ham and phish messages) goes to
    stderr.
"""

import argparse
import calendar
import heapq
import json
import random
import sys
import time

B60 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

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


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lines", type=int, default=1000000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--campaigns", type=int, default=12)
    p.add_argument("--ham-ratio", type=float, default=40.0,
                   help="ham messages per phishing message (default 40)")
    p.add_argument("--header", choices=["rfc3164", "rfc3339", "mixed"],
                   default="rfc3164",
                   help="syslog time stamps; mixed: mx1 RFC 3164, mx2 RFC 3339")
    p.add_argument("--rate", type=float, default=12.0,
                   help="average lines per second of log time (default 12)")
    p.add_argument("--noise", type=float, default=0.15,
                   help="share of other daemons' lines (default 0.15)")
    p.add_argument("--start", default="2025-07-01",
                   help="log time of the first line, UTC: YYYY-MM-DD[THH:MM:SS]"
                   " (default 2025-07-01; RFC 3164 stamps carry no year, so"
                   " readers infer it)")
    p.add_argument("--truth", help="write the planted campaigns here")
    p.add_argument("--output", "-o", help="corpus file (default stdout)")
    a = p.parse_args(argv)
    if a.lines < 1 or a.campaigns < 0 or a.ham_ratio < 0 or a.rate <= 0 \
            or not 0 <= a.noise < 1:
        p.error("bad numeric option")
    try:
        fmt = "%Y-%m-%dT%H:%M:%S" if "T" in a.start else "%Y-%m-%d"
        a.start_epoch = calendar.timegm(time.strptime(a.start, fmt))
    except ValueError:
        p.error("--start: not YYYY-MM-DD[THH:MM:SS]: %s" % a.start)
    return a


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


class Corpus:
    """The traffic model: messages become timed lines on a heap."""

    def __init__(self, a):
        self.a = a
        self.rng = random.Random(a.seed)
        self.heap = []
        self.seq = 0          # heap tie-breaker: equal times keep order
        self.scheduled = 0    # lines put on the heap so far
        self.qid_seq = 0
        self.pid = 3000
        self.kinds = {}
        self.ham_count = 0
        self.phish_count = 0
        self.t = float(a.start_epoch)
        self._make_world()

    # -- the world: brands, relays, users ---------------------------------
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

    # -- small helpers ----------------------------------------------------
    def new_pid(self):
        self.pid += self.rng.randint(1, 40)
        if self.pid > 4000000:
            self.pid = 3000
        return self.pid

    def qid(self, t, pid):
        g = time.gmtime(int(t))
        self.qid_seq = (self.qid_seq + 1) % 3600
        return "%s%s%s%s%s%s%s%s%06d" % (
            B60[(g.tm_year - 1900) % 60], B60[g.tm_mon - 1], B60[g.tm_mday],
            B60[g.tm_hour], B60[g.tm_min], B60[g.tm_sec],
            B60[self.qid_seq // 60], B60[self.qid_seq % 60], pid % 1000000)

    def put(self, t, host, tag, text, kind, meta=None):
        self.seq += 1
        self.scheduled += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        heapq.heappush(self.heap, (t, self.seq, host, tag, text, meta))

    @staticmethod
    def delay(sec):
        sec = int(sec)
        d, sec = divmod(sec, 86400)
        h, sec = divmod(sec, 3600)
        m, s = divmod(sec, 60)
        return ("%d+" % d if d else "") + "%02d:%02d:%02d" % (h, m, s)

    def ham_sender(self):
        r = self.rng
        x = r.random()
        if x < 0.003:   # tricky: look like the pattern, are not phish
            return r.choice(["<x@emalsrv.co.uk>", "<news@emalsrv.com>",
                             "<complains@%s>" % r.choice(self.own_brands),
                             "<a@mail.emalsrv.io>", "<b@emalsrv-news.com>",
                             "<c@complains.net>", "<d@[203.0.113.9]>"])
        if x < 0.05:
            return "<>"
        dom = r.choice(self.ham_domains)
        if x < 0.25:
            local = "%s.%s" % (r.choice(FIRST).lower(), r.choice(LAST).lower())
        elif x < 0.35:
            local = "bounces+%d-%x-%s=%s" % (r.randint(1000, 99999999),
                                            r.getrandbits(24),
                                            r.choice(self.users), SITE)
        else:
            local = r.choice(HAM_LOCAL)
        return "<%s@%s%s>" % (local, r.choice(HAM_SUB), dom)

    def rcpts(self, n):
        return ["<%s@%s>" % (u, SITE) for u in self.rng.sample(self.users, n)]

    def tls_line(self, t, mx, tag, q, relay):
        r = self.rng
        self.put(t, mx, tag, "%s: STARTTLS=server, relay=%s, version=TLSv1.%d, "
                 "verify=NO, cipher=%s, bits=%s" % (
                     q, relay, r.choice((2, 3)), r.choice(TLS_CIPHERS),
                     r.choice(("256/256", "128/128"))), "starttls")

    # -- inbound mail: ham and phish share the shape ----------------------
    def inbound(self, t, sender, relay, camp):
        """One inbound SMTP transaction and its deliveries."""
        r = self.rng
        mx = r.choice(MX_HOSTS)
        pid = self.new_pid()
        tag = "sm-mta[%d]" % pid
        q = self.qid(t - r.randint(1, 20), pid)
        nr = 1 if r.random() < 0.8 else r.randint(2, 4)
        rc = self.rcpts(nr)
        outcome = self.outcome(camp)
        if r.random() < 0.45:
            self.tls_line(t, mx, tag, q, relay)
        t += r.random()
        rejected = []
        if outcome == "reject":
            rejected = rc if camp is not None or r.random() < 0.5 else rc[:1]
            why = "Sender banned" if camp is not None else "User unknown"
            code = "5.7.1" if camp is not None else "5.1.1"
            for x in rejected:
                t += r.random()
                self.put(t, mx, tag, "%s: ruleset=check_rcpt, arg1=%s, relay=%s, "
                         "reject=550 %s %s... %s" % (q, x, relay, code, x, why),
                         "reject")
        elif outcome == "unknown":
            rejected = rc[:max(1, nr - 1)] if nr > 1 else rc
            for x in rejected:
                t += r.random()
                self.put(t, mx, tag, "%s: ruleset=check_rcpt, arg1=%s, relay=%s, "
                         "reject=550 5.1.1 %s... User unknown" % (q, x, relay, x),
                         "reject")
        accepted = [x for x in rc if x not in rejected]
        if outcome == "discard" and r.random() < 0.5:
            self.put(t, mx, tag, "%s: ruleset=check_mail, arg1=%s, relay=%s, discard"
                     % (q, sender, relay), "ruleset-discard")
        t += 0.2 + r.random() * 2
        size = r.randint(900, 90000)
        if accepted:
            text = ("%s: from=%s, size=%d, class=0, nrcpts=%d, msgid=<%x.%x@%s>, "
                    "bodytype=8BITMIME, proto=ESMTP%s, daemon=MTA, relay=%s" % (
                        q, sender, size, len(accepted), r.getrandbits(40),
                        r.getrandbits(20), domain_of(sender),
                        "S" if r.random() < 0.6 else "", relay))
        else:
            text = ("%s: from=%s, size=0, class=0, nrcpts=0, proto=ESMTP, "
                    "daemon=MTA, relay=%s" % (q, sender, relay))
        self.put(t, mx, tag, text, "from", camp)
        if camp is not None:
            n = camp.n
            n["messages"] += 1
            n["recipients"] += len(accepted) + len(rejected)
            n["rejected"] += len(rejected)
        if not accepted:
            return
        if outcome == "discard":
            self.put(t + 0.01, mx, tag, "%s: discarded" % q, "discarded")
            if camp is not None:
                camp.n["discarded"] += len(accepted)
            return
        self.deliver(t, mx, tag, q, pid, sender, accepted, size, camp, outcome)

    def outcome(self, camp):
        x = self.rng.random()
        if camp is None:
            if x < 0.86:
                return "sent"
            if x < 0.91:
                return "defer"
            if x < 0.95:
                return "unknown"
            if x < 0.97:
                return "bounce"
            if x < 0.99:
                return "reject"
            return "discard"
        camp.sent += 1
        if camp.sent > camp.block_after and x < 0.85:
            return camp.action
        if x < 0.70:
            return "sent"
        if x < 0.85:
            return "unknown"
        if x < 0.95:
            return "defer"
        return "bounce"

    def deliver(self, t, mx, tag, q, pid, sender, accepted, size, camp, outcome):
        """to= lines: local delivery, deferrals, forwarding bounces + DSN."""
        r = self.rng
        pri = 30000 + size + r.randint(0, 90000)
        t0 = t
        t += 0.1 + r.random()
        n = camp.n if camp is not None else None
        if outcome == "bounce":
            # Forwarded by an alias to a remote mailbox that bounces: the
            # DSN goes back to the (spoofed) sender.
            fw = r.choice(self.outbound_mx)
            self.put(t, mx, tag, "%s: to=%s, delay=%s, xdelay=00:00:01, mailer=esmtp, "
                     "pri=%d, relay=%s, dsn=5.1.1, stat=User unknown" % (
                         q, ",".join(accepted), self.delay(t - t0 + 1), pri, fw),
                     "to-bounce")
            dq = self.qid(t, pid)
            self.put(t + 0.01, mx, tag, "%s: %s: DSN: User unknown" % (q, dq), "dsn")
            if sender != "<>":
                self.put(t + 0.5, mx, tag, "%s: to=%s, delay=00:00:01, xdelay=00:00:01, "
                         "mailer=esmtp, pri=%d, relay=%s, dsn=4.0.0, stat=Deferred: "
                         "Connection refused by %s" % (
                             dq, sender, pri + 30000, r.choice(self.relays),
                             domain_of(sender)), "to-deferred")
            if n is not None:
                n["bounced"] += len(accepted)
            return
        local = r.random() < 0.6
        mailer = "local" if local else "esmtp"
        rel = "" if local else ", relay=%s" % MAILSTORE
        if outcome == "defer" and not local:
            tries = r.randint(1, 3)
            for i in range(tries):
                tt = t + i * 900 + r.random() * 60
                qtag = tag if i == 0 else "sm-mta[%d]" % self.new_pid()
                self.put(tt, mx, qtag, "%s: to=%s, delay=%s, xdelay=00:00:%02d, "
                         "mailer=esmtp, pri=%d%s, dsn=4.0.0, stat=%s" % (
                             q, ",".join(accepted), self.delay(tt - t0 + 1),
                             r.randint(0, 59), pri + i * 90000, rel,
                             r.choice(DEFER_TEXT).format(h="imap1.example.org")),
                         "to-deferred")
                if n is not None:
                    n["deferred"] += len(accepted)
            t = t + tries * 900 + r.random() * 60
            tag = "sm-mta[%d]" % self.new_pid()
        # One to= line may carry several recipients, as sendmail groups them.
        groups = [accepted] if r.random() < 0.5 else [[x] for x in accepted]
        for g in groups:
            t += r.random() * 0.3
            stat = "Sent" if local else "Sent (%s Message accepted for delivery)" % \
                self.qid(t, r.randint(1000, 99999))
            self.put(t, mx, tag, "%s: to=%s, delay=%s, xdelay=00:00:00, mailer=%s, "
                     "pri=%d%s, dsn=2.0.0, stat=%s" % (
                         q, ",".join(g), self.delay(t - t0), mailer, pri, rel, stat),
                     "to-sent")
            if r.random() < 0.1:
                self.put(t + 0.05, "imap1", "dovecot", "lda(%s)<%d><%s>: msgid=<%x@%s>: "
                         "saved mail to INBOX" % (g[0].strip("<>").split("@")[0],
                                                  self.new_pid(), "%012x" % r.getrandbits(48),
                                                  r.getrandbits(32), "mail"), "dovecot")
        if n is not None:
            n["delivered"] += len(accepted)

    # -- outbound mail and local submissions ------------------------------
    def outbound(self, t):
        r = self.rng
        mx = r.choice(MX_HOSTS)
        pid = self.new_pid()
        tag = "sm-mta[%d]" % pid
        q = self.qid(t, pid)
        client = r.choice(self.clients)
        user = r.choice(self.users)
        self.tls_line(t, mx, tag, q, client)
        self.put(t + 0.1, mx, tag, "%s: AUTH=server, relay=%s, authid=%s, mech=PLAIN, "
                 "bits=0" % (q, client, user), "auth")
        size = r.randint(600, 400000)
        t += 0.5 + r.random()
        self.put(t, mx, tag, "%s: from=<%s@%s>, size=%d, class=0, nrcpts=1, "
                 "msgid=<%x@%s>, bodytype=8BITMIME, proto=ESMTPSA, daemon=MSA, "
                 "relay=%s" % (q, user, SITE, size, r.getrandbits(48), SITE, client),
                 "from")
        dst = r.choice(self.outbound_mx)
        rcpt = "<%s@%s>" % (r.choice(HAM_LOCAL), dst.split(" ")[0].split(".", 1)[1])
        x = r.random()
        pri = 120000 + size
        if x < 0.04:
            self.put(t + 1, mx, tag, "%s: to=%s, ctladdr=<%s@%s> (1000/1000), "
                     "delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=%d, relay=%s, "
                     "dsn=5.1.1, stat=User unknown" % (q, rcpt, user, SITE, pri, dst),
                     "to-bounce")
            dq = self.qid(t + 1, pid)
            self.put(t + 1.01, mx, tag, "%s: %s: DSN: User unknown" % (q, dq), "dsn")
            self.put(t + 1.2, mx, tag, "%s: to=<%s@%s>, delay=00:00:00, xdelay=00:00:00, "
                     "mailer=local, pri=%d, dsn=2.0.0, stat=Sent" % (dq, user, SITE, pri + 1000),
                     "to-sent")
            return
        if x < 0.12:
            self.put(t + 1, mx, tag, "%s: to=%s, ctladdr=<%s@%s> (1000/1000), "
                     "delay=00:00:05, xdelay=00:00:05, mailer=esmtp, pri=%d, relay=%s, "
                     "dsn=4.0.0, stat=%s" % (q, rcpt, user, SITE, pri, dst,
                                             r.choice(DEFER_TEXT).format(h=dst.split(" ")[0])),
                     "to-deferred")
            t += 900 + r.random() * 60
            tag = "sm-mta[%d]" % self.new_pid()
        self.put(t + 1, mx, tag, "%s: to=%s, ctladdr=<%s@%s> (1000/1000), delay=00:00:01, "
                 "xdelay=00:00:01, mailer=esmtp, pri=%d, relay=%s, dsn=2.0.0, "
                 "stat=Sent (OK id=%s-%04x)" % (q, rcpt, user, SITE, pri, dst,
                                                "%x" % r.getrandbits(28), r.getrandbits(16)),
                 "to-sent")

    def msp(self, t):
        """A cron job's mail: sm-msp-queue hands it to sm-mta."""
        r = self.rng
        mx = r.choice(MX_HOSTS)
        p1 = self.new_pid()
        q1 = self.qid(t, p1)
        size = r.randint(300, 5000)
        self.put(t, mx, "sm-msp-queue[%d]" % p1, "%s: from=root, size=%d, class=0, "
                 "nrcpts=1, msgid=<%s.%s@%s.%s>, relay=root@localhost" % (
                     q1, size, q1, q1[:8], mx, SITE), "from")
        p2 = self.new_pid()
        q2 = self.qid(t, p2)
        self.put(t + 0.05, mx, "sm-mta[%d]" % p2, "%s: from=<root@%s.%s>, size=%d, "
                 "class=0, nrcpts=1, msgid=<%s.%s@%s.%s>, proto=ESMTP, daemon=MTA-v4, "
                 "relay=localhost [127.0.0.1]" % (q2, mx, SITE, size + 300, q1, q1[:8],
                                                  mx, SITE), "from")
        self.put(t + 0.08, mx, "sm-msp-queue[%d]" % p1, "%s: to=root, ctladdr=root (0/0), "
                 "delay=00:00:00, xdelay=00:00:00, mailer=relay, pri=30%03d, "
                 "relay=[127.0.0.1] [127.0.0.1], dsn=2.0.0, stat=Sent (%s Message "
                 "accepted for delivery)" % (q1, r.randint(0, 999), q2), "to-sent")
        self.put(t + 0.1, mx, "sm-mta[%d]" % p2, "%s: to=<root@%s.%s>, ctladdr=<root@%s.%s> "
                 "(0/0), delay=00:00:00, xdelay=00:00:00, mailer=local, pri=30%03d, "
                 "dsn=2.0.0, stat=Sent" % (q2, mx, SITE, mx, SITE, r.randint(0, 999)),
                 "to-sent")

    # -- sm-mta lines that are no message ---------------------------------
    def smtp_noise(self, t):
        r = self.rng
        mx = r.choice(MX_HOSTS)
        pid = self.new_pid()
        tag = "sm-mta[%d]" % pid
        q = self.qid(t, pid)
        ip = r.choice(self.bots)
        x = r.random()
        if x < 0.40:
            self.put(t, mx, tag, "%s: ruleset=check_relay, arg1=[%s], arg2=127.0.0.%d, "
                     "relay=[%s], reject=554 5.7.1 Rejected %s found in zen.spamhaus.org"
                     % (q, ip, r.choice((2, 3, 4, 10, 11)), ip, ip), "reject-dnsbl")
        elif x < 0.60:
            self.put(t, mx, tag, "%s: [%s] did not issue MAIL/EXPN/VRFY/ETRN during "
                     "connection to MTA" % (q, ip), "no-mail")
        elif x < 0.72:
            rel = r.choice(self.relays)
            self.put(t, mx, tag, "%s: lost input channel from %s to MTA after %s" % (
                q, rel, r.choice(("rcpt", "data", "mail"))), "lost-input")
        elif x < 0.82:
            self.put(t, mx, tag, "%s: AUTH failure (LOGIN): authentication failure (-13) "
                     "SASL(-13): authentication failure: checkpass failed, user=%s, "
                     "relay=[%s]" % (q, r.choice(("admin", "info", "test", "sales")), ip),
                     "auth-fail")
        elif x < 0.90:
            dom = "".join(r.choice(SYLLABLES) for _ in range(4)) + ".biz"
            a = "<%s@%s>" % (r.choice(HAM_LOCAL), dom)
            self.put(t, mx, tag, "%s: ruleset=check_mail, arg1=%s, relay=[%s], "
                     "reject=553 5.1.8 %s... Domain of sender address %s does not exist"
                     % (q, a, ip, a, a.strip("<>")), "reject-mail")
        elif x < 0.97:
            self.put(t, mx, tag, "%s: timeout waiting for input from [%s] during server "
                     "cmd read" % (q, ip), "timeout")
        else:
            self.put(t, mx, tag, "%s: [%s]: possible SMTP attack: command=AUTH, count=%d"
                     % (q, ip, r.randint(3, 9)), "attack")

    def other_daemon(self, t):
        r = self.rng
        x = r.random()
        host = r.choice(MX_HOSTS)
        if x < 0.30:
            ip = r.choice(self.bots)
            user = r.choice(("admin", "ubuntu", "oracle", "test", "git", "pi"))
            tag = "sshd[%d]" % self.new_pid()
            port = r.randint(1024, 65535)
            self.put(t, host, tag, "Invalid user %s from %s port %d" % (user, ip, port), "sshd")
            self.put(t + 1.5, host, tag, "Failed password for invalid user %s from %s "
                     "port %d ssh2" % (user, ip, port), "sshd")
            self.put(t + 2, host, tag, "Connection closed by invalid user %s %s port %d "
                     "[preauth]" % (user, ip, port), "sshd")
        elif x < 0.40:
            tag = "sshd[%d]" % self.new_pid()
            self.put(t, host, tag, "Accepted publickey for %s from 10.1.0.%d port %d ssh2: "
                     "ED25519 SHA256:%s" % (r.choice(self.users[:10]), r.randint(2, 250),
                                           r.randint(1024, 65535),
                                           "%043x" % r.getrandbits(172)), "sshd")
        elif x < 0.60:
            pid = self.new_pid()
            self.put(t, host, "CRON[%d]" % pid, "pam_unix(cron:session): session opened "
                     "for user root(uid=0) by (uid=0)", "cron")
            self.put(t + 0.01, host, "CRON[%d]" % (pid + 1), "(root) CMD (%s)"
                     % r.choice(CRON_CMDS), "cron")
            self.put(t + 0.5, host, "CRON[%d]" % pid, "pam_unix(cron:session): session "
                     "closed for user root", "cron")
        elif x < 0.90:
            user = r.choice(self.users)
            sess = "%012x" % r.getrandbits(48)
            ip = "10.1.%d.%d" % (r.randint(0, 3), r.randint(2, 250))
            if r.random() < 0.15:
                self.put(t, "imap1", "dovecot", "imap-login: Disconnected (auth failed, "
                         "1 attempts in 2 secs): user=<%s>, method=PLAIN, rip=%s, "
                         "lip=10.0.0.25, TLS, session=<%s>" % (user, ip, sess), "dovecot")
                return
            pid = self.new_pid()
            self.put(t, "imap1", "dovecot", "imap-login: Login: user=<%s>, method=PLAIN, "
                     "rip=%s, lip=10.0.0.25, mpid=%d, TLS, session=<%s>"
                     % (user, ip, pid, sess), "dovecot")
            self.put(t + r.random() * 600, "imap1", "dovecot", "imap(%s)<%d><%s>: Logged "
                     "out in=%d out=%d deleted=0 expunged=0 trashed=0 hdr_count=0 "
                     "hdr_bytes=0 body_count=0 body_bytes=0" % (
                         user, pid, sess, r.randint(50, 3000), r.randint(300, 90000)),
                     "dovecot")
        else:
            self.put(t, host, "systemd[1]", r.choice((
                "Starting logrotate.service - Rotate log files...",
                "logrotate.service: Deactivated successfully.",
                "Started session-%d.scope - Session %d of User root." % (
                    r.randint(1, 9999), r.randint(1, 9999)),
                "Finished logrotate.service - Rotate log files.")), "systemd")

    # -- the driver ---------------------------------------------------------
    def phish(self, t, progress):
        r = self.rng
        while self.next_campaign < len(self.campaigns) and \
                self.campaigns[self.next_campaign].start <= progress:
            self.started.append(self.campaigns[self.next_campaign])
            self.next_campaign += 1
            # A campaign starts with a message now, whatever the ratio says.
            self.phish_message(t, self.started[-1])
            return True
        if not self.started:
            return False
        # Mostly the newest campaign; a smattering of older ones (tails).
        camp = self.started[-1] if r.random() < 0.75 else r.choice(self.started)
        self.phish_message(t, camp)
        return True

    def phish_message(self, t, camp):
        r = self.rng
        host = r.choice(camp.hosts)
        camp.used_hosts.add(host)
        if host in camp.case_variant and r.random() < 0.3:
            host = camp.case_variant[host]   # the truth keeps lower case
        local = r.choice(FIRST) + ("_" + r.choice(LAST) if r.random() < 0.6 else "")
        if r.random() < 0.3:
            relay = r.choice(self.gateways)
        elif r.random() < 0.5:
            relay = "[%s]" % r.choice(self.bots)
        else:
            ip = r.choice(self.bots)
            relay = "%s.dyn.%s.net [%s] (may be forged)" % (
                ip.replace(".", "-"), r.choice(SYLLABLES) * 2, ip)
        self.phish_count += 1
        self.inbound(t, "<%s@%s>" % (local, host), relay, camp)

    def step(self, progress, phish_p, noise_p):
        """One event of traffic at the current time."""
        r = self.rng
        self.t += r.expovariate(self.a.rate / 2.9)   # ~2.9 lines a step
        t = self.t
        x = r.random()
        if x < noise_p:
            self.other_daemon(t)
        elif x < noise_p + 0.10:
            self.smtp_noise(t)
        elif (r.random() < phish_p or self.next_campaign < len(self.campaigns)
              and self.campaigns[self.next_campaign].start <= progress) \
                and self.phish(t, progress):
            pass
        else:
            y = r.random()
            if y < 0.80:
                self.ham_count += 1
                sender = self.ham_sender()
                relay = r.choice(self.gateways) if r.random() < 0.3 else r.choice(self.relays)
                self.inbound(t, sender, relay, None)
            elif y < 0.95:
                self.ham_count += 1
                self.outbound(t)
            else:
                self.msp(t)

    def fill(self, t):
        """A one-line event, to reach the exact line count at the end."""
        self.put(t, MX_HOSTS[0], "CRON[%d]" % self.new_pid(),
                 "(root) CMD (   cd / && run-parts --report /etc/cron.hourly)", "cron")


class Writer:
    """Pops the heap in time order and writes the lines with headers."""

    def __init__(self, out, header):
        self.out = out
        self.header = header
        self.lineno = 0
        self.buf = []
        self.cache_sec = None
        self.cache_3164 = ""
        self.cache_3339 = ""

    def stamps(self, sec):
        if sec != self.cache_sec:
            g = time.gmtime(sec)
            self.cache_sec = sec
            self.cache_3164 = "%s %2d %02d:%02d:%02d" % (
                MONTHS[g.tm_mon - 1], g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)
            self.cache_3339 = "%04d-%02d-%02dT%02d:%02d:%02d" % (
                g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)

    def write(self, entry):
        t, _, host, tag, text, meta = entry
        sec = int(t)
        self.stamps(sec)
        h = self.header
        if h == "rfc3164" or (h == "mixed" and host != "mx2"):
            stamp = self.cache_3164
        else:
            stamp = "%s.%06d+00:00" % (self.cache_3339, int((t - sec) * 1e6))
        if h == "mixed" and host == "mx2" and tag.startswith("sm-mta["):
            tag = "sendmail" + tag[6:]
        self.lineno += 1
        self.buf.append("%s %s %s: %s\n" % (stamp, host, tag, text))
        if len(self.buf) >= 4096:
            self.flush()
        if meta is not None and meta.first_line is None:
            meta.first_line = self.lineno
            meta.first_qid = text.split(":", 1)[0]
            meta.first_time = "%sZ" % self.cache_3339

    def flush(self):
        self.out.write("".join(self.buf))
        self.buf = []


def main(argv):
    a = parse_args(argv)
    c = Corpus(a)
    out = open(a.output, "w", encoding="ascii") if a.output else sys.stdout
    w = Writer(out, a.header)
    n = a.lines
    phish_p = 1.0 / (a.ham_ratio + 1.0)
    # Steps are other-daemon (~2.3 lines), sm-mta noise (1 line, 10 %) or
    # a message (~3.1 lines): this share of steps gives --noise of lines.
    noise_p = 2.89 * a.noise / (2.255 + 0.845 * a.noise)
    # Keep a margin so a message's lines never push the total past n.
    margin = 64
    while c.scheduled + margin < n:
        c.step(c.scheduled / n, phish_p, noise_p)
        # Steps only schedule lines at or after c.t: older ones are final.
        while c.heap and c.heap[0][0] < c.t:
            w.write(heapq.heappop(c.heap))
    # Campaigns the line budget did not reach yet still get their message.
    while c.next_campaign < len(c.campaigns) and c.scheduled + 24 <= n:
        c.t += 1
        c.phish(c.t, 1.0)
    while c.scheduled < n:
        c.t += 0.5
        c.fill(c.t)
    while c.heap:
        w.write(heapq.heappop(c.heap))
    w.flush()
    if out is not sys.stdout:
        out.close()
    camps = sorted((k for k in c.campaigns if k.first_line is not None),
                   key=lambda k: k.first_line)
    if a.truth:
        with open(a.truth, "w", encoding="ascii") as f:
            for k in camps:
                f.write(json.dumps(k.truth(), sort_keys=True) + "\n")
    missing = len(c.campaigns) - len(camps)
    sys.stderr.write("gen-corpus: %d lines, %d ham + %d phish messages, "
                     "%d campaigns planted%s\n" % (
                         w.lineno, c.ham_count, c.phish_count, len(camps),
                         " (%d did not fit)" % missing if missing else ""))
    sys.stderr.write("gen-corpus: kinds: %s\n" % " ".join(
        "%s=%d" % kv for kv in sorted(c.kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
