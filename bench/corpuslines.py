"""corpuslines.py - the log lines gen-corpus.py's traffic model writes.

Lines, the part of the model that turns a message or an event into timed
syslog lines on its heap: inbound SMTP transactions (ham and phish share
their shape) with their rejects, discards, deliveries, deferrals and
bounces; outbound mail and local sm-msp-queue submissions; sm-mta lines
that are no message (DNSBL rejects, dropped connections, AUTH failures);
and other daemons' lines (sshd, CRON, dovecot, systemd).  Every choice
is drawn from self.rng in a fixed order, so that a seed gives the same
bytes.
"""

import heapq
import time

from corpusworld import (B60, CRON_CMDS, DEFER_TEXT, FIRST, HAM_LOCAL,
                         HAM_SUB, LAST, MAILSTORE, MX_HOSTS, SITE, SYLLABLES,
                         TLS_CIPHERS, domain_of)


class Lines:
    """Messages and events as lines on self.heap (a mixin of gen-corpus.py's
    Corpus, which holds the counters and the world of corpusworld.World)."""

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
