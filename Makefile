# phishwatch - spot phishing campaigns in sendmail logs as they start.
#
#   make run      install missing Debian packages, build, run the demo
#   make check    install missing Debian packages, build, run every test
#   make install  PREFIX=/usr/local, DESTDIR honoured
#   make install-rsyslog  ROUTES="file mail": drop-ins, logrotate, checked
#   make deb      the Debian package in build/deb/, checked by lintian
#   make check-sanitize  every test on an ASan+UBSan build (clang)
#   make check-valgrind  unit tests and a chosen set of CLI and hostile
#                        tests under valgrind memcheck (see there)
#   make fuzz     each libFuzzer harness of fuzz/ for FUZZ_SECONDS
#   make lint     cppcheck over src/ (any finding fails)
#   make eval     lookalike recall and false alarms (build/eval/report.md)
#   make eval-recall LIST=FILE  the recall of one brands file alone
#   make format   clang-format src/ in place (.clang-format)
#   (make check: lint, test of the files check-sanitize does not run,
#   check-sanitize, check-valgrind, fuzz, check-deb)
#
# Variables: CC, CFLAGS, SANITIZE=address,undefined, VALGRIND="valgrind ...",
# BUILD (object directory; a build other than the default one keeps its
# phishwatch there too), PROVE_FLAGS, FUZZ_SECONDS, JOBS (compilers,
# test files and fuzzers run at once; 2), CI (set: warnings are errors,
# fuzzers run longer).

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/phishwatch
MANDIR    = $(PREFIX)/share/man

PKGS      = lognorm libfastjson libpsl sqlite3 zlib libidn2 libcdb libpcre2-8 \
	    icu-uc icu-i18n
# Berkeley DB (compiled access maps) has no pkg-config file.
DB_LIBS   = -ldb
# ICU's headers only: its libraries are loaded on the first IDN sender
# (src/icuload.c), so that a run without one never maps them; PCRE2's
# likewise, by a pcre: table (src/pcreload.c).
PKGS_LINKED = $(filter-out icu-uc icu-i18n libpcre2-8,$(PKGS))
# Recursive (=) so pkg-config runs after "make deps" installed it.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS_LINKED)) $(DB_LIBS) -pthread

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 \
	    $(if $(CI),-Werror)
# Any sanitizer report stops the program, so that a test sees it fail.
SAN       = $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer \
	    -fno-sanitize-recover=all)
ALL_CFLAGS = $(WARN) $(CPPFLAGS) $(CFLAGS) $(SAN) $(PKG_CFLAGS) -D_GNU_SOURCE \
	    -DPW_VERSION='"$(VERSION)"' -DPW_RULEBASE='"$(DATADIR)/sendmail.rb"' \
	    -DPW_BRANDS='"$(DATADIR)/brands"'
ALL_LDFLAGS = $(LDFLAGS) $(SAN)

# The default build leaves ./phishwatch at the top; other builds
# (BUILD=build/sanitize) keep everything under their own directory.
BUILD    ?= build
PROG      = $(if $(filter build,$(BUILD)),phishwatch,$(BUILD)/phishwatch)

SRCS      = $(wildcard src/*.c)
LIB_OBJS  = $(patsubst src/%.c,$(BUILD)/%.o,$(filter-out src/main.c,$(SRCS))) \
	    $(BUILD)/dictwords.o
# The English words that src/dictword.c looks labels up in (wamerican).
DICT_WORDS = /usr/share/dict/american-english
LIB       = $(BUILD)/libphishwatch.a
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(patsubst tests/unit/test_%.c,$(BUILD)/tests/unit_%.t,$(UNIT_SRCS))
# tests/deb/ installs a package on the machine: make check-deb only
SHELL_TESTS = $(sort $(filter-out tests/deb/%,$(wildcard tests/*/*.t)))
# phishwatch reads rulebase/sendmail.rb and postfix.rb (message parts);
# whole lines, for lognormalizer and mmnormalize, take these, made from
# them.
SYSLOG_RB = rulebase/sendmail-syslog.rb rulebase/postfix-syslog.rb
# The same for Exim: exim.rb (message parts and mainlog lines) and the
# whole-line exim-syslog.rb made from it.
EXIM_SYSLOG_RB = rulebase/exim-syslog.rb

# Debian packages: build, test and demo needs.
DEPS_BUILD = gcc make pkg-config liblognorm-dev libfastjson-dev libpsl-dev \
	     libsqlite3-dev zlib1g-dev libidn2-dev libdb-dev libcdb-dev \
	     libicu-dev libpcre2-dev wamerican
# db5.3-util (db5.3_load) and tinycdb (cdb) build compiled access maps
# for the tests, as makemap would; systemd-journal-remote writes the
# journal files that journalctl (systemd) prints for tests/integration/
# journal.t.
DEPS_TEST  = perl liblognorm-utils jq sqlite3 rsyslog rsyslog-relp \
	     python3 python3-aiosmtpd procps util-linux db5.3-util tinycdb \
	     systemd systemd-journal-remote
DEPS       = $(DEPS_BUILD) $(DEPS_TEST)

.PHONY: all deps deps-bench deps-eval deps-harden run demo check test unit \
	bench eval eval-recall install install-rsyslog deb deb-build deps-deb check-deb \
	clean check-sanitize check-valgrind fuzz fuzzers lint format
all: $(PROG) $(SYSLOG_RB) $(EXIM_SYSLOG_RB)

$(PROG): $(BUILD)/main.o $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(LIB): $(LIB_OBJS)
	$(AR) rcs $@ $^

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# dictword.h's list: the lower-case ASCII words of 4 or more letters,
# sorted in the C locale, each ended by a NUL, as one string; then the
# endings of 1 to 4 letters of longer words, the same way (dictword_ends()).
$(BUILD)/dictwords.c: $(DICT_WORDS) Makefile | $(BUILD)
	{ printf '/* made by make from %s: dictword.h */\n' '$(DICT_WORDS)'; \
	  printf '#include "dictword.h"\n#pragma GCC diagnostic ignored "-Woverlength-strings"\n'; \
	  printf 'const char dictword_text[] =\n'; \
	  LC_ALL=C grep -E '^[a-z]{4,}$$' $(DICT_WORDS) | LC_ALL=C sort -u | \
	  sed 's/.*/\t"&\\0"/'; \
	  printf '\t"";\nconst size_t dictword_size = sizeof(dictword_text) - 1;\n'; \
	  printf 'const char dictword_endings[] =\n'; \
	  LC_ALL=C grep -E '^[a-z]{4,}$$' $(DICT_WORDS) | LC_ALL=C sort -u | \
	  awk '{ n = length($$0); for (k = 1; k <= 4 && k < n; k++) \
		print substr($$0, n - k + 1) }' | LC_ALL=C sort -u | \
	  sed 's/.*/\t"&\\0"/'; \
	  printf '\t"";\nconst size_t dictword_endings_size = sizeof(dictword_endings) - 1;\n'; \
	} > $@.tmp && mv $@.tmp $@

$(BUILD)/dictwords.o: $(BUILD)/dictwords.c
	$(CC) $(ALL_CFLAGS) -Isrc -c -o $@ $<

$(BUILD)/tests/unit_%.t: tests/unit/test_%.c $(wildcard tests/unit/*.h) $(LIB) \
		| $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIB) $(ALL_LDFLAGS) $(PKG_LIBS)

rulebase/sendmail-syslog.rb: rulebase/sendmail.rb rulebase/syslog.rb.in \
		rulebase/expand.awk
	awk -f rulebase/expand.awk rulebase/sendmail.rb rulebase/syslog.rb.in \
		> $@.tmp && mv $@.tmp $@

rulebase/postfix-syslog.rb: rulebase/postfix.rb rulebase/postfix-syslog.rb.in \
		rulebase/expand.awk
	awk -f rulebase/expand.awk rulebase/postfix.rb \
		rulebase/postfix-syslog.rb.in > $@.tmp && mv $@.tmp $@

$(EXIM_SYSLOG_RB): rulebase/exim.rb rulebase/exim-syslog.rb.in \
		  rulebase/expand.awk
	awk -f rulebase/expand.awk rulebase/exim.rb rulebase/exim-syslog.rb.in \
		> $@.tmp && mv $@.tmp $@

# (the tests' directory of its own: a build directory made by another
# build's rule, build/ under build/sanitize, has none)
$(BUILD) $(BUILD)/tests:
	mkdir -p $(BUILD)/tests

-include $(wildcard $(BUILD)/*.d)

# deps - install the Debian packages that are missing (needs root).
deps:
	@missing=$$(for p in $(DEPS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

run: deps
	$(MAKE) demo

# The sample's new campaign and its second sender host as events, then the
# chronology of all, then --query on a look-alike, a lure and the brand.
demo: phishwatch
	@echo "== events: a campaign the access map does not block yet =="
	./phishwatch -r rulebase/sendmail.rb -a examples/access \
		--default-brands data/brands examples/maillog.sample
	@echo "== the campaign chronology of the same log =="
	./phishwatch -r rulebase/sendmail.rb -a examples/access --report \
		--default-brands data/brands examples/maillog.sample 2>/dev/null
	@echo "== what three senders would give, with the shipped brands =="
	./phishwatch -r rulebase/sendmail.rb -a examples/access \
		--default-brands data/brands \
		--query paypa1.com x@paypal-login.com www.paypal.com

# make check is what proves a change (CI runs it for every landing): on
# two cores it takes ten to twelve minutes (a clean clone: 633 s; with
# CI set, whose fuzzers run 10 s longer each, 717 s), and should take no
# more (ten is the aim).  Each pass below says what it covers and why it
# costs what it does; every build compiles JOBS files at a time, and
# test files run JOBS at a time.
check: deps deps-harden
	$(MAKE) lint
	$(MAKE) -j$(JOBS) test SHELL_TESTS="$(PLAIN_ONLY_TESTS)"
	$(MAKE) check-sanitize
	$(MAKE) check-valgrind
	$(MAKE) fuzz
	$(MAKE) check-deb

unit: $(UNIT_BINS)

# test - every test file, JOBS at a time: each has its own TMP, and
# those that start rsyslogd give it a private directory and a port the
# kernel picks (rsyslog-lib.sh), so none can meet another
JOBS     ?= 2
# The longest files start first (those of SLOW_TESTS that the run has, in
# this order), so that no long one is left running alone at the end
# while the other JOBS wait: kill-load.t and omprog-nostart.t wait out
# rsyslog's retries, lookalike.t and the hostile cases start phishwatch
# a hundred times and more, signals.t waits for its signals.
SLOW_TESTS = tests/integration/kill-load.t \
	     tests/integration/omprog-nostart.t tests/cli/lookalike.t \
	     tests/hostile/cases-j-z.t tests/hostile/cases-a-i.t \
	     tests/faults/signals.t tests/integration/fanin.t \
	     tests/integration/rsyslog-config.t
SLOW_FIRST = $(foreach t,$(SLOW_TESTS),$(filter $(t),$(SHELL_TESTS)))
test: $(PROG) $(SYSLOG_RB) $(EXIM_SYSLOG_RB) unit
	PW=$(CURDIR)/$(PROG) TOP=$(CURDIR) VALGRIND="$(VALGRIND)" \
		prove $(PROVE_FLAGS) -j$(JOBS) $(SLOW_FIRST) $(UNIT_BINS) \
		$(filter-out $(SLOW_TESTS),$(SHELL_TESTS))

# lint - cppcheck's warning, style, performance and portability checks,
# and the house format (.clang-format, applied by make format); a finding
# or a line out of format fails the build (suppress a cppcheck finding
# only inline, with the reason)
CPPCHECK = cppcheck --enable=warning,style,performance,portability \
	   --std=c11 --quiet --inline-suppr --error-exitcode=1 -D_GNU_SOURCE
lint: deps-harden
	$(CPPCHECK) -Isrc src/
	clang-format --dry-run --Werror src/*.c src/*.h

format:
	clang-format -i src/*.c src/*.h

# ---- hardening: sanitizers, valgrind, fuzzing (tests/hostile, fuzz/) ----
DEPS_HARDEN = clang libclang-rt-14-dev valgrind strace cppcheck clang-format
deps-harden:
	@$(MAKE) --no-print-directory deps DEPS="$(DEPS_HARDEN)"

# check-sanitize - the whole suite on an ASan+UBSan build of its own
SANITIZE_BUILD = build/sanitize
# (the integration tests run rsyslogd around the same binary: they stay
# with the plain build, which keeps make check shorter)
# (memlimit.t too: ASan reserves terabytes of address space at start,
# which no ulimit -v of its scan allows)
SANITIZE_TESTS = $(filter-out tests/faults/memlimit.t, \
		 $(sort $(wildcard tests/cli/*.t tests/hostile/*.t \
		 tests/faults/*.t tests/fuzz-regress/*.t tests/rulebase/*.t)))
# (ASan keeps 256 MB of freed memory from reuse by default, to catch a
# use after free; liblognorm frees about 118 MB in 400,000 blocks while it
# loads the rulebases, at every start, so each start touched that much
# fresh memory: 1.3 s a start instead of 0.5 with 16 MB, which still
# holds what phishwatch frees after start-up many times over)
SANITIZE_QUARANTINE_MB = 16
# make check runs the files of SANITIZE_TESTS once, on the ASan+UBSan
# build, and the rest (the unit tests, the integration, MTA and ECS
# tests around rsyslogd, memlimit.t) on the plain build: running the
# same assertions on both builds of one source cost make check a minute
# and a half.  The plain build, the one installed, is still what the
# integration tests, the memcheck pass and check-deb's tests run; make
# test runs every file on it.
PLAIN_ONLY_TESTS = $(filter-out $(SANITIZE_TESTS),$(SHELL_TESTS))
check-sanitize: deps deps-harden
	ASAN_OPTIONS=$${ASAN_OPTIONS:+$$ASAN_OPTIONS:}quarantine_size_mb=$(SANITIZE_QUARANTINE_MB) \
		$(MAKE) -j$(JOBS) test BUILD=$(SANITIZE_BUILD) CC=clang \
		SANITIZE=address,undefined SHELL_TESTS="$(SANITIZE_TESTS)"

# check-valgrind - what the sanitizers cannot see: memcheck finds reads
# of uninitialised memory (ASan and UBSan do not) and misuse inside the
# libraries that are not built with sanitizers (liblognorm, libfastjson,
# SQLite, ICU, libdb).  Every program start under memcheck costs about
# 1.8 CPU seconds whatever the input: half a second is valgrind's own
# start, the rest mostly liblognorm building its parse graphs (0.6 s
# for sendmail.rb, twice that before phishwatch cut the queue id off
# itself; 0.4 s for exim.rb, five times that before it left Exim's own
# stamp and pid to phishwatch), so the pass is chosen by what it
# reaches, not by how many runs:
#   - every unit binary (run through valgrind by prove): each module
#     with a unit test, the lookalike rules and ICU's confusables too;
#   - VALGRIND_TESTS, CLI tests that between them start every other
#     module (main, options, config, runloop, input, report, reporthtml,
#     store and storefile, campaign, event, where, logclock, stopsig,
#     query)
#     from short inputs (tests/lib.sh runs phishwatch through $VALGRIND);
#   - VALGRIND_HOSTILE, the hostile cases whose bytes reach the parsers
#     in the most different ways (IDN and high bytes, the JSON input,
#     the line length bound, IP literals, format strings), each run the
#     four ways of tests/hostile/hostile.sh;
#   - tests/fuzz-regress/replay.t, every input a fuzzer ever broke us
#     with.
# Left to check-sanitize (which runs them all on an ASan+UBSan build) and
# make test: bench-corpus.t (20000 lines), lookalike.t (some thirty runs
# through ICU, whose paths the unit test_lookalike covers under
# memcheck), check.t, usage.t and output-safety.t (many runs of the same
# start-up and option paths), privilege.t (runs phishwatch as nobody,
# never through $VALGRIND), and the other hostile cases: on their own
# they cost over ten minutes of memcheck, for paths the runs above
# already take.
MEMCHECK  = valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect \
	    --show-leak-kinds=definite,indirect \
	    --suppressions=$(CURDIR)/tests/valgrind.supp
# (the longest first, as in make test)
VALGRIND_TESTS = tests/hostile/cases-a-i.t tests/cli/query.t \
	    tests/cli/access.t tests/cli/detect.t tests/cli/report-html.t \
	    tests/cli/report.t tests/cli/forget.t tests/cli/clock.t \
	    tests/hostile/cases-j-z.t tests/cli/where.t tests/cli/state.t \
	    tests/cli/senders.t tests/cli/stream.t tests/cli/hostile.t \
	    tests/cli/fields.t tests/fuzz-regress/replay.t \
	    tests/mta/postfix-patterns.t tests/mta/exim-regex.t
VALGRIND_HOSTILE = idn high-bytes format-strings ip-literals \
	    json-nesting long-line-limit
# (the *_oom units replace malloc themselves to make it fail, which
# memcheck's own allocator cannot follow: they run in make test only)
MEMCHECK_UNIT_BINS = $(filter-out $(BUILD)/tests/unit_%_oom.t,$(UNIT_BINS))
check-valgrind: deps deps-harden $(PROG) $(SYSLOG_RB) unit
	prove $(PROVE_FLAGS) -j$(JOBS) --exec '$(MEMCHECK)' $(MEMCHECK_UNIT_BINS)
	PW=$(CURDIR)/$(PROG) TOP=$(CURDIR) VALGRIND="$(MEMCHECK)" \
		HOSTILE_CASES="$(VALGRIND_HOSTILE)" \
		prove $(PROVE_FLAGS) -j$(JOBS) $(VALGRIND_TESTS)

# fuzz - every harness fuzz/NAME.c for FUZZ_SECONDS (make check: 20 s
# each, 30 s in CI), corpus in build/fuzz/corpus/NAME seeded by fuzz/run.sh
# from the tests and examples; a crash leaves its input in build/fuzz/ and
# fails the target.  Keep it in tests/fuzz-regress/NAME/ (make test and
# check-sanitize replay it: what was found once stays tested) once fixed.
# In CI each landing fuzzes afresh from the seeds; a longer session is
# make fuzz FUZZ_SECONDS=600 on a machine of its own.
FUZZ_BUILD   = build/fuzz
FUZZ_SECONDS ?= $(if $(CI),30,20)
FUZZ_NAMES   = $(patsubst fuzz/%.c,%,$(wildcard fuzz/*.c))
FUZZ_BINS    = $(patsubst %,$(FUZZ_BUILD)/fuzz_%,$(FUZZ_NAMES))
fuzzers: deps-harden
	$(MAKE) -j$(JOBS) $(FUZZ_BINS) BUILD=$(FUZZ_BUILD) CC=clang \
		SANITIZE=fuzzer-no-link,address,undefined

$(FUZZ_BUILD)/fuzz_%: fuzz/%.c fuzz/fuzz.h fuzz/fuzzsay.h $(LIB)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< $(LIB) \
		$(ALL_LDFLAGS) -fsanitize=fuzzer $(PKG_LIBS)

fuzz: fuzzers
	$(MAKE) -j$(JOBS) $(addprefix fuzz-,$(FUZZ_NAMES))

# fuzz-NAME - one harness (make fuzz runs JOBS of them at a time; not
# .PHONY, which would keep make from using this pattern rule)
fuzz-%:
	TOP=$(CURDIR) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_BUILD=$(FUZZ_BUILD) \
		fuzz/run.sh $*

# bench - phishwatch against its peers on a generated corpus (bench/).
DEPS_BENCH = sec liblognorm-utils perl time python3
deps-bench:
	@$(MAKE) --no-print-directory deps DEPS="$(DEPS_BENCH)"

bench: deps deps-bench
	$(MAKE) phishwatch $(SYSLOG_RB)
	BENCH_LINES="$(BENCH_LINES)" PW=$(CURDIR)/phishwatch TOP=$(CURDIR) \
		bench/run.sh

# eval - recall of the lookalike rules on dnstwist's permutations of
# brand lists, and false alarms on legitimate sender domains of Debian and
# npm packages (bench/lookalike-eval.py, its populations in bench/evalpops.py;
# fetched into $(BUILD)/eval); the
# tables go to $(BUILD)/eval/report.md (bench/RESULTS.md keeps a run).
# (npm from Debian only where no npm is installed: a Node.js of other
# origin conflicts with Debian's npm package)
DEPS_EVAL = dnstwist python3 publicsuffix gpg
deps-eval:
	@$(MAKE) --no-print-directory deps DEPS="$(DEPS_EVAL)"
	@command -v npm > /dev/null || \
		$(MAKE) --no-print-directory deps DEPS=npm

$(BUILD)/lookalike-eval: bench/lookalike-eval.c $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIB) $(ALL_LDFLAGS) $(PKG_LIBS)

eval: deps deps-eval $(BUILD)/lookalike-eval
	mkdir -p $(BUILD)/eval
	/usr/bin/python3 bench/lookalike-eval.py --eval $(BUILD)/lookalike-eval \
		--brands data/brands --cache $(BUILD)/eval \
		--missed $(BUILD)/eval/missed.tsv > $(BUILD)/eval/report.md.tmp
	mv $(BUILD)/eval/report.md.tmp $(BUILD)/eval/report.md
	sed -n '1,/^Flagged/p' $(BUILD)/eval/report.md

# eval-recall - only the recall table of one brands file, LIST=FILE,
# loaded after data/brands as --brands FILE would be, and its misses:
# a site's own list measured in a minute
eval-recall: deps deps-eval $(BUILD)/lookalike-eval
	@test -n "$(LIST)" || { echo "usage: make eval-recall LIST=FILE" >&2; \
		exit 2; }
	/usr/bin/python3 bench/lookalike-eval.py --eval $(BUILD)/lookalike-eval \
		--brands data/brands --cache $(BUILD)/eval --recall "$(LIST)"

install: phishwatch $(SYSLOG_RB) $(EXIM_SYSLOG_RB)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rsyslog \
		$(DESTDIR)$(MANDIR)/man1
	install -m 755 phishwatch $(DESTDIR)$(BINDIR)/phishwatch
	install -m 644 rulebase/sendmail.rb rulebase/postfix.rb \
		rulebase/exim.rb $(SYSLOG_RB) $(EXIM_SYSLOG_RB) \
		$(DESTDIR)$(DATADIR)/
	install -m 644 data/brands $(DESTDIR)$(DATADIR)/brands
	install -m 644 man/phishwatch.1 $(DESTDIR)$(MANDIR)/man1/phishwatch.1
	for f in rsyslog/*.conf rsyslog/phishwatch.logrotate; do \
		[ -e "$$f" ] || continue; \
		install -m 644 "$$f" $(DESTDIR)$(DATADIR)/rsyslog/; done
	install -m 755 rsyslog/install.sh $(DESTDIR)$(DATADIR)/rsyslog/

# install-rsyslog - the drop-ins into /etc/rsyslog.d (ROUTES: file, mail,
# siem), logrotate, /var/log/phishwatch and /var/lib/phishwatch; checks
# with rsyslogd -N1 and prints how to restart rsyslog on this host
ROUTES ?= file
install-rsyslog:
	sh rsyslog/install.sh $(if $(DESTDIR),-r $(DESTDIR)) -p $(PREFIX) $(ROUTES)

# deb - the Debian package (debian/), built with dpkg-buildpackage in a
# copy of the sources under build/deb/, then checked by lintian; the
# .deb is left in build/deb/
DEPS_DEB  = dpkg-dev debhelper fakeroot lintian
DEB_DIR   = build/deb
DEB_SRC   = $(DEB_DIR)/phishwatch-$(VERSION)
deps-deb:
	@$(MAKE) --no-print-directory deps DEPS="$(DEPS_DEB) $(DEPS_BUILD)"

# (DEB_BUILD_OPTIONS: parallel=N compiles N files at a time, nocheck
# skips building and running the unit tests in the package build)
deb: deb-build
	lintian --fail-on error --info $(DEB_DIR)/phishwatch_$(VERSION)_*.deb

deb-build: deps-deb
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_SRC)
	cp -R Makefile README.md src rulebase man rsyslog examples tests data \
		debian $(DEB_SRC)/
	cd $(DEB_SRC) && DEB_BUILD_OPTIONS="$(DEB_BUILD_OPTIONS)" \
		dpkg-buildpackage -us -uc -b

# check-deb - build the package, install it with dpkg -i, run it from
# the installed paths, remove it (needs root; tests/deb/deb.t, which runs
# lintian itself).  The package is built once, JOBS files at a time and
# without its unit tests: make test and both checks above ran them on
# these sources already; what only the package can show (its hardening
# flags, its install paths, lintian) is what deb.t checks.
check-deb: DEB_BUILD_OPTIONS += nocheck parallel=$(JOBS)
check-deb: deb-build
	PW=$(CURDIR)/$(PROG) TOP=$(CURDIR) prove $(PROVE_FLAGS) tests/deb/deb.t

clean:
	rm -rf build phishwatch $(SYSLOG_RB) $(EXIM_SYSLOG_RB)
