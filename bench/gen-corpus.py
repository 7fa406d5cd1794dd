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

FILES
    corpusworld.py (the hosts, users and campaigns) and corpuslines.py (the
    lines of each message and event), beside this script: the traffic model.
"""

import argparse
import calendar
import heapq
import json
import random
import sys
import time

from corpuslines import Lines
from corpusworld import FIRST, LAST, MX_HOSTS, SYLLABLES, World

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


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


class Corpus(World, Lines):
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

