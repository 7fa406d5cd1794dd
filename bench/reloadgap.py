#!/usr/bin/env python3
"""reloadgap.py - how long a SIGHUP reload stops phishwatch's stream.

SYNOPSIS
    reloadgap.py --pw PW --rulebase RB --corpus FILE [--label NAME]
                 [--before N] [--after N] [--timeout S] -- PHISHWATCH-ARGS...

DESCRIPTION
    Runs PW --omprog -o /dev/null -r RB PHISHWATCH-ARGS (-a MAP) and
    plays rsyslog's part: writes one line, reads its OK, writes the next,
    so that every line's reply has a time.  The lines are the sendmail
    lines of the corpus, over and over.  After N lines (--before) it sends
    SIGHUP, goes on until phishwatch says "reloaded" (or "reload failed")
    on standard error, then N more lines (--after).

    The figure is the longest gap between two replies from the SIGHUP to
    the end: how long the stream stood still.  For comparison, the longest
    gap among the lines before the SIGHUP (the same machine's noise), how
    long the new set took to come in, and how many lines were done
    meanwhile.  Results are printed as "LABEL_key<TAB>value" lines:
    base_max_ms, reload_max_ms, reload_s, lines_during, outcome.
"""

import argparse
import os
import signal
import subprocess
import sys
import threading
import time

SENDMAIL = (b"sm-mta[", b"sendmail[", b"sm-msp-queue[")


def sendmail_lines(path, limit=200000):
    """The sendmail program's lines among the first limit lines."""
    out = []
    with open(path, "rb") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            if any(tag in line[:80] for tag in SENDMAIL):
                out.append(line if line.endswith(b"\n") else line + b"\n")
    return out


def watch_stderr(stream, said):
    """Note when phishwatch says the reload ended, and how."""
    for raw in stream:
        text = raw.decode("utf-8", "replace")
        if "reloaded" in text:
            said.setdefault("outcome", "reloaded")
            said.setdefault("at", time.monotonic())
        elif "reload failed" in text:
            said.setdefault("outcome", "failed")
            said.setdefault("at", time.monotonic())


def max_gap_ms(times):
    """The longest gap between two successive times, in ms."""
    return max((b - a for a, b in zip(times, times[1:])), default=0) * 1000


def run(args):
    """Drive one phishwatch: the replies' times around a SIGHUP."""
    lines = sendmail_lines(args.corpus)
    if not lines:
        sys.exit("reloadgap: no sendmail lines in %s" % args.corpus)
    cmd = [args.pw, "--omprog", "-o", os.devnull, "-r", args.rulebase] \
        + args.rest
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    said = {}
    threading.Thread(target=watch_stderr, args=(proc.stderr, said),
                     daemon=True).start()
    if proc.stdout.readline() != b"OK\n":
        sys.exit("reloadgap: no first OK from %s" % " ".join(cmd))
    times, hup_at, n, after = [], None, 0, None
    deadline = time.monotonic() + args.timeout
    while after is None or n < after:
        proc.stdin.write(lines[n % len(lines)])
        proc.stdin.flush()
        if not proc.stdout.readline():
            sys.exit("reloadgap: phishwatch stopped")
        times.append(time.monotonic())
        n += 1
        if n == args.before:
            hup_at = len(times)
            proc.send_signal(signal.SIGHUP)
        if hup_at is not None and after is None and "at" in said:
            after = n + args.after
        if time.monotonic() > deadline:
            said.setdefault("outcome", "timeout")
            break
    proc.stdin.close()
    proc.wait(timeout=args.timeout)
    return times, hup_at, said


def main():
    """Parse, run, report."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    p.add_argument("--pw", required=True)
    p.add_argument("--rulebase", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--label", default="reload")
    p.add_argument("--before", type=int, default=3000)
    p.add_argument("--after", type=int, default=3000)
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    args = p.parse_args()
    if args.rest[:1] == ["--"]:
        args.rest = args.rest[1:]
    times, hup_at, said = run(args)
    sent = times[hup_at - 1]
    done = said.get("at", times[-1])
    during = sum(1 for t in times[hup_at:] if t < done)
    out = {
        "base_max_ms": "%.1f" % max_gap_ms(times[:hup_at]),
        "reload_max_ms": "%.1f" % max_gap_ms(times[hup_at - 1:]),
        "reload_s": "%.2f" % (done - sent),
        "lines_during": str(during),
        "outcome": said.get("outcome", "none"),
    }
    for key, value in out.items():
        print("%s_%s\t%s" % (args.label, key, value))


if __name__ == "__main__":
    main()
