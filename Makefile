# phishwatch - spot phishing campaigns in sendmail logs as they start.
#
#   make run      install missing Debian packages, build, run the demo
#   make check    install missing Debian packages, build, run every test
#   make install  PREFIX=/usr/local, DESTDIR honoured
#
# Variables: CC, CFLAGS, SANITIZE=address,undefined, VALGRIND="valgrind ...",
# PROVE_FLAGS, CI (set: warnings are errors).

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/phishwatch
MANDIR    = $(PREFIX)/share/man

PKGS      = lognorm libfastjson libpsl sqlite3 zlib libidn2
# Recursive (=) so pkg-config runs after "make deps" installed it.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 \
	    $(if $(CI),-Werror)
SAN       = $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer)
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SAN) $(PKG_CFLAGS) -D_GNU_SOURCE \
	    -DPW_VERSION='"$(VERSION)"' -DPW_RULEBASE='"$(DATADIR)/sendmail.rb"'
ALL_LDFLAGS = $(LDFLAGS) $(SAN)

SRCS      = $(wildcard src/*.c)
LIB_OBJS  = $(patsubst src/%.c,build/%.o,$(filter-out src/main.c,$(SRCS)))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(patsubst tests/unit/test_%.c,build/tests/unit_%.t,$(UNIT_SRCS))
SHELL_TESTS = $(sort $(wildcard tests/*/*.t))

# Debian packages: build, test and demo needs.
DEPS_BUILD = gcc make pkg-config liblognorm-dev libfastjson-dev libpsl-dev \
	     libsqlite3-dev zlib1g-dev libidn2-dev
DEPS_TEST  = perl liblognorm-utils jq sqlite3 rsyslog python3 \
	     python3-aiosmtpd procps util-linux
DEPS       = $(DEPS_BUILD) $(DEPS_TEST)

.PHONY: all deps deps-bench run demo check test unit bench install clean
all: phishwatch

phishwatch: build/main.o build/libphishwatch.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

build/libphishwatch.a: $(LIB_OBJS)
	$(AR) rcs $@ $^

build/%.o: src/%.c | build
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/tests/unit_%.t: tests/unit/test_%.c tests/unit/tap.h build/libphishwatch.a | build
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< build/libphishwatch.a $(ALL_LDFLAGS) $(PKG_LIBS)

build:
	mkdir -p build/tests

-include $(wildcard build/*.d)

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

demo: phishwatch
	./phishwatch -r rulebase/sendmail.rb -a examples/access \
		examples/maillog.sample

check: deps
	$(MAKE) test

unit: $(UNIT_BINS)

test: phishwatch unit
	PW=$(CURDIR)/phishwatch TOP=$(CURDIR) VALGRIND="$(VALGRIND)" \
		prove $(PROVE_FLAGS) $(UNIT_BINS) $(SHELL_TESTS)

# bench - phishwatch against its peers on a generated corpus (bench/).
DEPS_BENCH = sec liblognorm-utils perl time python3
deps-bench:
	@$(MAKE) --no-print-directory deps DEPS="$(DEPS_BENCH)"

bench: deps deps-bench
	$(MAKE) phishwatch
	BENCH_LINES="$(BENCH_LINES)" PW=$(CURDIR)/phishwatch TOP=$(CURDIR) \
		bench/run.sh

install: phishwatch
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rsyslog \
		$(DESTDIR)$(MANDIR)/man1
	install -m 755 phishwatch $(DESTDIR)$(BINDIR)/phishwatch
	install -m 644 rulebase/sendmail.rb $(DESTDIR)$(DATADIR)/sendmail.rb
	install -m 644 man/phishwatch.1 $(DESTDIR)$(MANDIR)/man1/phishwatch.1
	for f in rsyslog/*.conf; do [ -e "$$f" ] || continue; \
		install -m 644 "$$f" $(DESTDIR)$(DATADIR)/rsyslog/; done

clean:
	rm -rf build phishwatch
