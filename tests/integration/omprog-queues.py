#!/usr/bin/env python3
"""omprog-queues.py CONF... - the queue that feeds each omprog action
takes one line a batch.

rsyslog cancels an action's worker that does not finish by the queue's
timeoutShutdown and loses the whole batch it had dequeued (up to 128
lines by default).  With queue.dequeueBatchSize="1" only the line the
program already holds is at stake.  The queue that feeds an action is
its own (queue.type other than Direct) or else the one of the ruleset
it sits in; an action of the default ruleset runs in the main queue,
whose batches no drop-in may shrink: that is a failure too.

Prints one line per omprog action, "ok" or "not ok" with the reason;
exits 1 when any is not ok or a file has no omprog action.
"""
import re
import sys


def statements(text):
    """(kind, params, opens_block) for each NAME(...) statement, and
    "{" / "}" tokens, in order; comments and quoted strings respected."""
    tokens = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif c == '"':
            i = skip_string(text, i)
        elif c in "{}":
            tokens.append((c, None))
            i += 1
        else:
            m = re.compile(r"[A-Za-z_.]+\s*\(").match(text, i)
            if m is None:
                i += 1
                continue
            end = close_paren(text, m.end())
            kind = m.group(0)[:-1].strip().lower()
            tokens.append((kind, params(text[m.end():end])))
            i = end + 1
    return tokens


def skip_string(text, i):
    """index after the quoted string starting at text[i]"""
    i += 1
    while i < len(text) and text[i] != '"':
        i += 2 if text[i] == "\\" else 1
    return i + 1


def close_paren(text, i):
    """index of the ")" closing a statement whose body starts at i"""
    while i < len(text) and text[i] != ")":
        i = skip_string(text, i) if text[i] == '"' else i + 1
    return i


def params(body):
    """name="value" pairs of a statement, names lower-cased"""
    return {k.lower(): v for k, v in
            re.findall(r'([A-Za-z_.]+)\s*=\s*"((?:[^"\\]|\\.)*)"', body)}


def own_queue(p):
    """does the statement define a queue of its own?"""
    return p.get("queue.type", "direct").lower() != "direct"


def check(path):
    """one line per omprog action of path; the number not ok"""
    stack, pending, bad, seen = [], None, 0, 0
    for kind, p in statements(open(path, encoding="utf-8").read()):
        if kind == "{":
            stack.append(pending)
            pending = None
            continue
        if kind == "}":
            if stack:
                stack.pop()
            continue
        pending = p if kind == "ruleset" else None
        if kind != "action" or p.get("type", "").lower() != "omprog":
            continue
        seen += 1
        what = "%s: omprog action %s" % (path, p.get("name", "(unnamed)"))
        ruleset = next((r for r in reversed(stack) if r is not None), None)
        if own_queue(p):
            queue, where = p, "its own queue"
        elif ruleset is not None and own_queue(ruleset):
            queue = ruleset
            where = "the queue of ruleset %s" % ruleset.get("name", "?")
        else:
            print("not ok %s: runs in the main queue (no queue of its own "
                  "or of its ruleset)" % what)
            bad += 1
            continue
        size = queue.get("queue.dequeuebatchsize")
        if size == "1":
            print("ok %s: %s takes one line a batch" % (what, where))
        else:
            print("not ok %s: %s has dequeueBatchSize %s, not 1"
                  % (what, where, size or "unset (128)"))
            bad += 1
    if seen == 0:
        print("not ok %s: no omprog action" % path)
        bad += 1
    return bad


def main():
    bad = sum(check(path) for path in sys.argv[1:])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
