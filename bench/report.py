#!/usr/bin/env python3
"""report.py - bench/run.sh's measurements as bench/RESULTS.md (Markdown).

Reads, in the bench work directory (--out):
  measurements.tsv   tool, round, exit status, wall s, user s, sys s, max RSS KiB
  phishwatch.out     phishwatch's events of the last timed run
  phishwatch.err     its stderr (the exit counters line)
  sec.out, seed-regex.out   the peers' first-seen lists
  unparsed.log       the lines no rule of the rulebase matches
  omprog.tsv         (optional) key, value lines from bench/omprog.sh
and the generator's ground truth (--truth).  Writes Markdown to stdout.
The line "Correctness: PASS" says phishwatch found exactly the planted
campaigns; run.sh's exit status follows it.
"""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys

PEERS = ["lognormalizer", "sec", "seed"]
LABELS = {"phishwatch": "phishwatch", "lognormalizer": "lognormalizer -e json",
          "sec": "SEC 2.9 (firstseen.sec)", "seed": "seed regex (perl)"}
TARGETS = {"lognormalizer": 3.0, "sec": 7.0}
RSS_TARGET_KIB = 8 * 1024
OMPROG_TARGET = 50000
P99_TARGET_MS = 5.0


def read_lines(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read().splitlines()
    except OSError:
        return []


def measurements(out):
    runs = {}
    for line in read_lines(os.path.join(out, "measurements.tsv")):
        f = line.split("\t")
        if len(f) < 7:
            continue
        try:
            wall, user, sys_, rss = float(f[3]), float(f[4]), float(f[5]), int(f[6])
        except ValueError:
            continue
        runs.setdefault(f[0], []).append(dict(status=int(f[2]), wall=wall,
                                              cpu=user + sys_, rss=rss))
    return runs


def median_of(runs, key):
    return statistics.median(r[key] for r in runs)


def machine():
    cpu = "unknown"
    for line in read_lines("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return "%s CPU(s), %s, %s %s" % (os.cpu_count(), cpu, platform.system(),
                                       platform.release())


def version(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
        text = (p.stdout or p.stderr).strip().splitlines()
        return text[0] if text else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def check_phishwatch(out, truth):
    """Compare phishwatch's events with the planted campaigns."""
    want = {t["phished_domain"]: t for t in truth}
    hosts = {h for t in truth for h in t["sender_hosts"]}
    got, problems = {}, []
    for line in read_lines(os.path.join(out, "phishwatch.out")):
        if not line.startswith("{"):
            continue
        try:
            ev = json.loads(line)
        except ValueError:
            problems.append("an output line is not JSON")
            continue
        action = ev.get("event", {}).get("action")
        if action != "phished-domain-first-seen":
            # other actions (sender-domain-first-seen) must name planted hosts
            host = ev.get("phishwatch", {}).get("sender_domain")
            if host not in hosts:
                problems.append("%s event for %s, not planted" % (action, host))
            continue
        dom = ev.get("phishwatch", {}).get("phished_domain")
        if dom in got:
            problems.append("%s reported twice" % dom)
        got[dom] = ev
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    if missing:
        problems.append("missed: " + ", ".join(missing))
    if extra:
        problems.append("not planted: " + ", ".join(str(x) for x in extra))
    for dom in sorted(set(want) & set(got)):
        ev, t = got[dom], want[dom]
        if ev.get("email", {}).get("local_id") != t["first_qid"]:
            problems.append("%s: event for queue id %s, first from= line is %s"
                            % (dom, ev.get("email", {}).get("local_id"), t["first_qid"]))
        stamp = str(ev.get("@timestamp", ""))
        # RFC 3164 stamps have no year: compare from the month on.
        if stamp[5:19] != t["first_time"][5:19]:
            problems.append("%s: @timestamp %s, first from= line at %s"
                            % (dom, stamp, t["first_time"]))
    return len(got), problems


COUNTERS = ["messages", "recipients", "delivered", "deferred", "bounced",
            "rejected", "discarded"]


def check_store(out, truth):
    """The last timed run's store against the planted counts."""
    path = os.path.join(out, "state.db")
    if not os.path.exists(path):
        return None, []
    try:
        import sqlite3
        db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        cols = [r[1] for r in db.execute("PRAGMA table_info(campaigns)")]
        have = [c for c in COUNTERS if c in cols]
        rows = {r[0]: r[1:] for r in db.execute(
            "SELECT phished_domain, %s FROM campaigns" % ", ".join(have))}
        hosts = {}
        for host, dom in db.execute("SELECT sender_host, phished_domain FROM senders"):
            hosts.setdefault(dom, set()).add(host)
        db.close()
    except Exception as e:  # report, never fail the report
        return None, ["store unreadable: %s" % e]
    problems = []
    for t in truth:
        dom = t["phished_domain"]
        if dom not in rows:
            problems.append("%s not in the store" % dom)
            continue
        for c, v in zip(have, rows[dom]):
            if v != t[c]:
                problems.append("%s %s: store %s, planted %s" % (dom, c, v, t[c]))
        if hosts.get(dom, set()) != set(t["sender_hosts"]):
            problems.append("%s sender hosts differ" % dom)
    return have, problems


def check_peers(out, truth):
    """How many of the peers' first-seen names are planted campaigns."""
    doms = {t["phished_domain"] for t in truth}
    labels = {d.split(".")[0] for d in doms}
    res = {}
    for tool, fname, good in (("sec", "sec.out", doms),
                              ("seed", "seed-regex.out", labels)):
        names = [x for x in read_lines(os.path.join(out, fname)) if x]
        hits = len(set(names) & good)
        res[tool] = (len(names), hits)
    return res


def counters(out):
    for line in reversed(read_lines(os.path.join(out, "phishwatch.err"))):
        if "exit:" in line:
            return line.split("exit:", 1)[1].strip()
    return None


def unparsed_kinds(out):
    """Unparsed sendmail lines by what follows the queue id."""
    kinds = {}
    total = 0
    for line in read_lines(os.path.join(out, "unparsed.log")):
        total += 1
        f = line.split()
        tag = f[2] if f and f[0][:4].isdigit() else (f[4] if len(f) > 4 else "")
        prog = re.sub(r"\[.*", "", tag).rstrip(":")
        if prog not in ("sm-mta", "sendmail", "sm-msp-queue"):
            continue
        m = re.search(r"\]: (?:\w+: )?([A-Za-z][\w-]*=?(?:\w+)?)", line)
        key = "%s: %s" % (prog, m.group(1) if m else "?")
        kinds[key] = kinds.get(key, 0) + 1
    return total, kinds


def omprog_results(out):
    res = {}
    for line in read_lines(os.path.join(out, "omprog.tsv")):
        f = line.split("\t")
        if len(f) == 2:
            res[f[0]] = f[1]
    return res


def fmt_rate(x):
    return "{:,.0f}".format(x)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--truth", required=True)
    p.add_argument("--lines", type=int, required=True)
    p.add_argument("--runs", type=int, required=True)
    p.add_argument("--command", required=True)
    p.add_argument("--pw", help="the phishwatch binary measured")
    a = p.parse_args()
    truth = [json.loads(x) for x in read_lines(a.truth) if x.strip()]
    runs = measurements(a.out)
    w = sys.stdout.write

    w("# phishwatch benchmark results\n\n")
    w("Machine: %s.  \n" % machine())
    w("Tools: %s; %s; %s; %s.  \n" % (
        version(["lognormalizer", "-V"]), version(["sec", "--version"]),
        version(["perl", "-e", "print qq(perl $^V)"]),
        version(["rsyslogd", "-v"]).split(" compiled")[0].replace("  ", " ")))
    if a.pw:
        rev = version(["git", "-C", os.path.dirname(os.path.abspath(__file__)),
                       "describe", "--always", "--dirty"])
        w("phishwatch: %s (source tree at %s%s).  \n" % (
            version([a.pw, "--version"]), rev,
            "; " + os.environ["BENCH_NOTE"] if os.environ.get("BENCH_NOTE") else ""))
    w("Corpus: %s lines, %.0f MB, %d planted campaigns (bench/gen-corpus.py; "
      "file %s).  \n" % ("{:,}".format(a.lines), os.path.getsize(a.corpus) / 1e6,
                         len(truth), os.path.basename(a.corpus)))
    w("Command: `%s`  \n" % a.command)
    w("Each figure is the median of %d run(s); ratios are phishwatch over the "
      "peer, measured in the same run.\n\n" % a.runs)

    w("| tool | lines/s | wall s | CPU s | peak RSS MB | phishwatch speed-up "
      "(lines/s) | CPU ratio (peer/pw) | exit |\n")
    w("|---|---:|---:|---:|---:|---:|---:|---|\n")
    pw = runs.get("phishwatch")
    med = {}
    for tool in ["phishwatch"] + PEERS:
        r = runs.get(tool)
        if not r:
            continue
        m = dict(wall=median_of(r, "wall"), cpu=median_of(r, "cpu"),
                 rss=median_of(r, "rss"))
        med[tool] = m
        statuses = sorted({x["status"] for x in r})
        speed = cpu_ratio = "-"
        if pw and tool != "phishwatch" and "phishwatch" in med:
            speed = "%.2fx" % (m["wall"] / med["phishwatch"]["wall"])
            cpu_ratio = "%.2fx" % (m["cpu"] / max(med["phishwatch"]["cpu"], 1e-3))
        w("| %s | %s | %.2f | %.2f | %.1f | %s | %s | %s |\n" % (
            LABELS[tool], fmt_rate(a.lines / max(m["wall"], 1e-3)), m["wall"],
            m["cpu"], m["rss"] / 1024.0, speed, cpu_ratio,
            ",".join(str(s) for s in statuses)))
    w("\n")

    mem = {k: v for k, v in runs.items() if k.startswith("memory-")}
    if mem:
        w("Memory flatness (corpus streamed from the generator into "
          "phishwatch, one run each):\n\n| lines | peak RSS MB | wall s | "
          "campaigns found of planted |\n|---:|---:|---:|---|\n")
        for k in sorted(mem, key=lambda x: int(x.split("-")[1])):
            r = mem[k][0]
            n = int(k.split("-")[1])
            mtruth = [json.loads(x) for x in
                      read_lines(os.path.join(a.out, "memory-%d.truth" % n)) if x.strip()]
            events = [json.loads(x) for x in
                      read_lines(os.path.join(a.out, "memory-%d.out" % n))
                      if x.startswith("{")]
            found = [e.get("phishwatch", {}).get("phished_domain") for e in events
                     if e.get("event", {}).get("action") == "phished-domain-first-seen"]
            same = sorted(found) == sorted(t["phished_domain"] for t in mtruth)
            w("| %s | %.1f | %.1f | %d of %d%s |\n" % (
                "{:,}".format(n), r["rss"] / 1024.0, r["wall"], len(found),
                len(mtruth), "" if same and r["status"] == 0 else " **differ**"))
        w("\n")

    om = omprog_results(a.out)
    if om:
        w("Streaming (bench/omprog.sh): messages/s end to end as fast as they "
          "go; line-to-event latency with the lines paced:\n\n"
          "| path | msgs/s | latency p50 ms | p99 ms | max ms | probes | lost |\n"
          "|---|---:|---:|---:|---:|---:|---:|\n")
        for path, label in (("stdin", "stdin (pipe)"),
                            ("omprog", "rsyslogd imtcp -> omprog, confirmMessages"),
                            ("okchild", "the same, bench/okchild in phishwatch's "
                             "place (it only answers OK): the handshake's ceiling")):
            rate = om.get(path + "_msgs_per_s")
            w("| %s | %s | %s | %s | %s | %s | %s |\n" % (
                label, fmt_rate(float(rate)) if rate else "-",
                om.get(path + "_lat_p50_ms", "-"), om.get(path + "_lat_p99_ms", "-"),
                om.get(path + "_lat_max_ms", "-"), om.get(path + "_lat_events", "-"),
                om.get(path + "_lat_lost", "-")))
        if "notes" in om:
            w("\n%s\n" % om["notes"])
        w("\n")

    found, problems = check_phishwatch(a.out, truth)
    if pw is None:
        problems.append("phishwatch did not run")
    elif any(x["status"] != 0 for x in pw):
        problems.append("phishwatch exited non-zero")
    w("Correctness: %s: phishwatch reported %d campaign(s), %d planted%s\n\n" % (
        "PASS" if not problems else "FAIL", found, len(truth),
        "" if not problems else "; " + "; ".join(problems[:12])))
    have, store_problems = check_store(a.out, truth)
    if have is not None:
        w("Store: %s: the counters (%s) and sender hosts of every campaign in "
          "the last run's store %s.\n\n" % (
              "PASS" if not store_problems else "FAIL", ", ".join(have),
              "equal the planted ones" if not store_problems else
              "differ: " + "; ".join(store_problems[:12])))
    peers = check_peers(a.out, truth)
    w("Peers' first-seen lists (for comparison, not a test): SEC printed %d "
      "name(s), %d of them planted domains; the seed regex printed %d, %d of "
      "them planted brands' labels.\n\n" % (peers["sec"] + peers["seed"]))
    c = counters(a.out)
    if c:
        w("phishwatch's exit counters: `%s`\n\n" % c)
    total, kinds = unparsed_kinds(a.out)
    w("Lines no rule matched (lognormalizer -P): %s in all; sendmail ones by "
      "kind: %s\n\n" % ("{:,}".format(total), ", ".join(
          "%s %d" % kv for kv in sorted(kinds.items(), key=lambda x: -x[1])[:12])
          or "none"))

    w("## Targets\n\n")
    rows = []
    for peer, want in TARGETS.items():
        if "phishwatch" in med and peer in med:
            got = med[peer]["wall"] / med["phishwatch"]["wall"]
            cpu = med[peer]["cpu"] / max(med["phishwatch"]["cpu"], 1e-3)
            rows.append(("lines/s >= %gx %s" % (want, peer),
                         "%.2fx (CPU time: %.2fx)" % (got, cpu), got >= want))
    if "phishwatch" in med:
        rss = max([med["phishwatch"]["rss"]] + [v[0]["rss"] for v in mem.values()])
        rows.append(("peak RSS <= 8 MB", "%.1f MB" % (rss / 1024.0), rss <= RSS_TARGET_KIB))
    if "omprog_msgs_per_s" in om:
        v = float(om["omprog_msgs_per_s"])
        share = ""
        if "omprog_pw_cpu_share" in om:
            share = " (CPU: phishwatch %s, rsyslogd %s of one core" % (
                om["omprog_pw_cpu_share"], om.get("omprog_rsyslogd_cpu_share", "-"))
            if "okchild_msgs_per_s" in om:
                share += "; okchild ceiling %s, %.0f%% of it reached" % (
                    fmt_rate(float(om["okchild_msgs_per_s"])),
                    100.0 * v / float(om["okchild_msgs_per_s"]))
            share += ")"
        rows.append(("omprog >= 50k msgs/s", fmt_rate(v) + share,
                     v >= OMPROG_TARGET))
    for path in ("stdin", "omprog"):
        key = path + "_lat_p99_ms"
        if key in om:
            v = float(om[key])
            rows.append(("p99 latency < 5 ms (%s)" % path, "%s ms" % om[key],
                         v < P99_TARGET_MS))
    w("| target | measured | holds |\n|---|---:|---|\n")
    for name, got, ok in rows:
        w("| %s | %s | %s |\n" % (name, got, "yes" if ok else "**no**"))
    w("\n## Reproduce\n\n"
      "    make bench                       # 1M lines, 3 runs, omprog part\n"
      "    BENCH_MEMORY=1 make bench        # also RSS at 10M lines\n"
      "    BENCH_LINES=200000 BENCH_RUNS=1 BENCH_OMPROG=0 make bench   # quick\n\n"
      "The corpus, every tool's output and this file are in bench/out/.  "
      "The machine is shared and noisy: compare the ratios of one run, not "
      "absolute figures across runs.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
