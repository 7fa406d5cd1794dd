#!/usr/bin/env python3
"""stream.py - drive phishwatch as a stream: throughput and latency.

SYNOPSIS
    stream.py stdin --pw PW --rulebase RB --state DB --corpus FILE
              [--lines N] [--rate R] [--probe-every K] [--label NAME]
    stream.py tcp   --port P --events FILE --corpus FILE
              [--lines N] [--rate R] [--probe-every K] [--label NAME]

DESCRIPTION
    Feeds the sendmail lines (sm-mta, sendmail, sm-msp-queue) among the
    first N lines of a bench corpus to phishwatch, either on its standard
    input (stdin: phishwatch is started here, its events read from its
    standard output) or through a private rsyslogd's loopback imtcp port
    (tcp: rsyslog's omprog action runs phishwatch --omprog, whose events
    come back into rsyslog, which writes them to FILE as
    "<timegenerated, RFC 3339 with microseconds> <phished domain>").

    First a warm-up probe (below) goes through and its event is awaited:
    phishwatch has loaded its rulebase and store.  Then, with --rate 0,
    the lines go as fast as they are taken: the figure is messages per
    second end to end, from the first line written to the event of a
    last, sentinel line (phishwatch handles lines in order).
    With --rate R they are paced at R lines a second, and every K-th line
    is a probe: the from= line of a new campaign (a phished domain nobody
    saw before), whose event is owed at once.  The latency of a probe is
    the time from writing its line to its event: read on phishwatch's
    standard output (stdin), or received by rsyslog (tcp; rsyslog's
    timegenerated stamp and ours come from the same clock).

    Results are printed as "key<TAB>value" lines, keys prefixed by the
    label (default: the mode): LABEL_msgs_per_s, LABEL_p50_ms,
    LABEL_p99_ms, LABEL_max_ms, LABEL_events, LABEL_lost.
"""

import argparse
import datetime
import json
import os
import select
import socket
import subprocess
import sys
import threading
import time

SENDMAIL = (b"sm-mta[", b"sendmail[", b"sm-msp-queue[")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
B60 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx"


def sendmail_lines(path, limit):
    """The sendmail program's lines among the first limit lines."""
    out = []
    with open(path, "rb") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            head = line[:80]
            if any(tag in head for tag in SENDMAIL):
                out.append(line if line.endswith(b"\n") else line + b"\n")
    return out


class Probes:
    """From= lines of campaigns nobody saw before, one domain each."""

    def __init__(self):
        self.n = 0

    def make(self, sentinel=False):
        # Random labels: no two are one edit apart, so none is taken for
        # a lookalike of an earlier probe (that would be no new campaign).
        self.n += 1
        dom = "%s%s.com" % ("end" if sentinel else "pw", os.urandom(6).hex())
        now = time.time()
        g = time.gmtime(now)
        stamp = "%s %2d %02d:%02d:%02d" % (MONTHS[g.tm_mon - 1], g.tm_mday,
                                           g.tm_hour, g.tm_min, g.tm_sec)
        pid = 10000 + self.n % 90000
        qid = "%s%s%s%s%s%s%s%s%06d" % (
            B60[(g.tm_year - 1900) % 60], B60[g.tm_mon - 1], B60[g.tm_mday],
            B60[g.tm_hour], B60[g.tm_min], B60[g.tm_sec],
            B60[self.n // 60 % 60], B60[self.n % 60], pid)
        line = ("%s mx1 sm-mta[%d]: %s: from=<probe@emalsrv.%s>, size=1200, "
                "class=0, nrcpts=1, msgid=<%s@emalsrv.%s>, proto=ESMTP, "
                "daemon=MTA, relay=[192.0.2.7]\n" % (stamp, pid, qid, dom, qid, dom))
        return dom, line.encode()


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def feed(write, lines, rate, probe_every, probes, sent, clock, wait_until=None):
    """Write lines (paced at rate, probes mixed in); sent[domain] = time.
    wait_until(t) waits for clock t (default: sleep)."""
    if rate <= 0:
        chunk = []
        for line in lines:
            chunk.append(line)
            if len(chunk) >= 512:
                write(b"".join(chunk))
                chunk = []
        if chunk:
            write(b"".join(chunk))
        return
    t0 = clock()
    for i, line in enumerate(lines):
        due = t0 + i / rate
        if wait_until is not None:
            wait_until(due)
        else:
            delay = due - clock()
            if delay > 0:
                time.sleep(delay)
        if probe_every and i % probe_every == probe_every - 1:
            dom, probe = probes.make()
            write(probe)
            sent[dom] = clock()
        write(line)


def report(label, results):
    for k, v in results.items():
        sys.stdout.write("%s_%s\t%s\n" % (label, k, v))


def latency_results(sent, got, samples=None):
    lat = sorted((got[d] - t) * 1000.0 for d, t in sent.items() if d in got)
    if samples:
        with open(samples, "w", encoding="ascii") as f:
            for d, t in sorted(sent.items(), key=lambda x: x[1]):
                f.write("%.6f\t%s\t%s\n" % (t, d, "%.3f" % ((got[d] - t) * 1000.0)
                                            if d in got else "lost"))
    return dict(p50_ms="%.2f" % percentile(lat, 50), p99_ms="%.2f" % percentile(lat, 99),
                max_ms="%.2f" % (lat[-1] if lat else float("nan")),
                events=len(lat), lost=len(sent) - len(lat))


class EventReader:
    """phishwatch's standard output: each event's arrival time by domain."""

    def __init__(self, fd, clock):
        self.fd = fd
        self.clock = clock
        self.buf = b""
        self.got = {}
        self.eof = False

    def poll(self, timeout):
        """Wait up to timeout seconds (None: no limit) for output; take it."""
        if self.eof:
            time.sleep(timeout or 0)
            return
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return
        data = os.read(self.fd, 1 << 16)
        t = self.clock()
        if not data:
            self.eof = True
            return
        *complete, self.buf = (self.buf + data).split(b"\n")
        for raw in complete:
            try:
                dom = json.loads(raw).get("phishwatch", {}).get("phished_domain")
            except ValueError:
                continue
            if dom is not None:
                self.got[dom] = t

    def wait_until(self, due):
        """Take output until the clock reaches due."""
        while True:
            left = due - self.clock()
            if left <= 0:
                return
            self.poll(left)

    def wait_for(self, dom, timeout):
        deadline = self.clock() + timeout
        while dom not in self.got and not self.eof and self.clock() < deadline:
            self.poll(min(0.1, max(0.0, deadline - self.clock())))
        return self.got.get(dom)


def run_stdin(a):
    lines = sendmail_lines(a.corpus, a.lines)
    err = open(a.stderr, "wb") if a.stderr else subprocess.DEVNULL
    p = subprocess.Popen([a.pw, "-r", a.rulebase, "-s", a.state],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=err, bufsize=0)
    clock = time.perf_counter
    reader = EventReader(p.stdout.fileno(), clock)
    probes, sent = Probes(), {}
    fd = p.stdin.fileno()

    def write(data):
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]

    # Warm up: phishwatch loads its rulebase and store before it reads;
    # measure from the moment a first event came back.
    warm, line = probes.make(sentinel=True)
    write(line)
    reader.wait_for(warm, a.timeout)
    if a.rate > 0:
        # One thread: output is read (and timed) while waiting for the
        # next line's turn, so no thread switch delays a reading.
        t0 = clock()
        feed(write, lines, a.rate, a.probe_every, probes, sent, clock,
             reader.wait_until)
    else:
        # Full speed: writes may block, so a thread takes the output.
        def drain():
            while not reader.eof:
                reader.poll(None)

        threading.Thread(target=drain, daemon=True).start()
        t0 = clock()
        feed(write, lines, a.rate, a.probe_every, probes, sent, clock)
    dom, line = probes.make(sentinel=True)
    write(line)
    sent[dom] = clock()
    if a.rate > 0:
        t_end = reader.wait_for(dom, a.timeout)
    else:
        deadline = clock() + a.timeout
        while dom not in reader.got and not reader.eof and clock() < deadline:
            time.sleep(0.0005)
        t_end = reader.got.get(dom)
    p.stdin.close()
    p.wait()
    res = {}
    if t_end is not None:
        res["msgs_per_s"] = "%.0f" % ((len(lines) + probes.n - 1) / (t_end - t0))
    if a.rate > 0:
        del sent[dom]
        res.update(latency_results(sent, reader.got, a.samples))
    res["messages"] = len(lines) + probes.n - 1
    report(a.label or "stdin", res)
    return 0 if t_end is not None else 1


def parse_events(path):
    """Events as rsyslog wrote them: timegenerated and phished domain."""
    got = {}
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            for line in f:
                parts = line.split()
                if len(parts) != 2:
                    continue
                try:
                    t = datetime.datetime.fromisoformat(parts[0]).timestamp()
                except ValueError:
                    continue
                got[parts[1]] = t
    except OSError:
        pass
    return got


def run_tcp(a):
    lines = [b"<22>" + x for x in sendmail_lines(a.corpus, a.lines)]
    sock = socket.create_connection(("127.0.0.1", a.port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    probes, sent = Probes(), {}

    class Tagged:
        """Probes get the <22> priority too."""

        def make(self, sentinel=False):
            dom, line = probes.make(sentinel)
            return dom, b"<22>" + line

    # Warm up: rsyslogd starts phishwatch, which loads its rulebase and
    # store; measure from the moment a first event came back.
    warm, line = Tagged().make(sentinel=True)
    sock.sendall(line)
    deadline = time.time() + a.timeout
    while warm not in parse_events(a.events) and time.time() < deadline:
        time.sleep(0.01)
    t0 = time.time()
    feed(sock.sendall, lines, a.rate, a.probe_every, Tagged(), sent, time.time)
    dom, line = Tagged().make(sentinel=True)
    sock.sendall(line)
    sent[dom] = time.time()
    deadline = time.time() + a.timeout
    got = {}
    while time.time() < deadline:
        got = parse_events(a.events)
        if dom in got:
            break
        time.sleep(0.05)
    sock.close()
    res = {}
    if dom in got:
        res["msgs_per_s"] = "%.0f" % ((len(lines) + probes.n - 1) / (got[dom] - t0))
    if a.rate > 0:
        del sent[dom]
        res.update(latency_results(sent, got, a.samples))
    res["messages"] = len(lines) + probes.n - 1
    report(a.label or "omprog", res)
    return 0 if dom in got else 1


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mode", choices=["stdin", "tcp"])
    p.add_argument("--corpus", required=True)
    p.add_argument("--lines", type=int, default=300000)
    p.add_argument("--rate", type=float, default=0.0)
    p.add_argument("--probe-every", type=int, default=0)
    p.add_argument("--label")
    p.add_argument("--timeout", type=float, default=300.0)
    p.add_argument("--pw")
    p.add_argument("--rulebase")
    p.add_argument("--state")
    p.add_argument("--stderr")
    p.add_argument("--samples", help="write each probe's send time, domain, latency ms")
    p.add_argument("--port", type=int)
    p.add_argument("--events")
    a = p.parse_args(argv)
    if a.mode == "stdin":
        if not (a.pw and a.rulebase and a.state):
            p.error("stdin needs --pw, --rulebase, --state")
        return run_stdin(a)
    if not (a.port and a.events):
        p.error("tcp needs --port and --events")
    return run_tcp(a)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
