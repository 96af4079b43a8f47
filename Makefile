# SPDX-License-Identifier: GPL-2.0
# splatd: one non-recursive Makefile.  `make V=1` shows full commands.
#
#   make            build/splatd (optimised)
#   make deps       install the Debian packages we need (no-op when present)
#   make test       build everything with ASan+UBSan and run every test
#   make test-pg    the HTTP tests again on a throw-away PostgreSQL cluster
#   make fuzz       build and run the libFuzzer targets (FUZZ_SECONDS each)
#   make bench      build and run the benchmarks under bench/
#   make format     clang-format every C file; format-check only checks
#   make run        build and start the service on its embedded default
#   make install    install under $(DESTDIR)$(PREFIX) (docs/operating.md)

CC      ?= cc
CLANG   ?= clang
PKGS    := libmicrohttpd jansson sqlite3 libpq libgit2 zlib libpcre2-8 libcurl libcrypto \
	   inih libsystemd libxxhash
DEB_PKGS := build-essential pkg-config clang clang-format libclang-rt-dev \
	libmicrohttpd-dev libjansson-dev libsqlite3-dev libgit2-dev zlib1g-dev \
	libpcre2-dev libcurl4-openssl-dev libssl-dev libcmocka-dev curl git \
	sqlite3 time jq chromium universal-ctags perl python3-aiosmtpd \
	libinih-dev libsystemd-dev systemd nodejs python3-jsonschema \
	python3-rfc3987 postgresql libpq-dev libxxhash-dev

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# The program warns about unused parameters: a callback with a fixed
# signature marks the ones it ignores UNUSED (parsers/compiler.h), any other
# is dropped.  TEST_WARN is for tests/unit (cmocka's `void **state`), bench/
# and tests/fuzz, whose callbacks are not marked.
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	   -Wvla -Wwrite-strings -Werror
TEST_WARN := -Wno-unused-parameter
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=gnu11 $(WARN) $(CFLAGS) -I. $(PKG_CFLAGS) -MMD -MP \
	     -D_GNU_SOURCE
LDLIBS  := $(PKG_LIBS) -lpthread -lm

SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer \
	     -fno-sanitize-recover=undefined
SAN_CFLAGS := -O1 -g $(SAN_FLAGS)

# ThreadSanitizer (build/tsan/splatd): the server's threads checked for data
# races, for the parallel HTTP tests (tests/tsan.supp, README "Tests").
# TSan cannot share a binary with ASan, so it is a build of its own, and
# not part of `make test`.
TSAN_CFLAGS := -O1 -g -fsanitize=thread -fno-omit-frame-pointer

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Every .c under parsers/, db/ and server/ is part of the program; main.c
# holds only the command table and main().
LIB_SRC  := $(sort $(wildcard parsers/*.c) $(wildcard db/*.c) \
	    $(filter-out server/main.c,$(wildcard server/*.c)) \
	    $(wildcard server/http/*.c) $(wildcard server/triage/*.c) \
	    $(wildcard server/mail/*.c) $(wildcard server/kcidb/*.c))
MAIN_SRC := server/main.c
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
BENCH_SRC := $(sort $(wildcard bench/*.c))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/*.c))
PARSER_SRC := $(sort $(wildcard parsers/*.c))

OPT_LIB  := $(LIB_SRC:%.c=build/obj/%.o)
SAN_LIB  := $(LIB_SRC:%.c=build/asan/%.o)
TSAN_LIB := $(LIB_SRC:%.c=build/tsan/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=build/asan/tools/%)
BENCH_BIN := $(BENCH_SRC:bench/%.c=build/bench/%)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_LIB := $(LIB_SRC:%.c=build/fuzz/obj/%.o)
FUZZ_CFLAGS = -std=gnu11 -g -O1 -I. $(PKG_CFLAGS) -MMD -MP -D_GNU_SOURCE

# The version: VERSION, and the commit it was built from (git describe;
# "no git" outside a repository) in build/gen/version.h, rewritten only when
# it changes so that a build from the same commit relinks nothing.
VERSION := 0.17
GIT_DESCRIBE := $(or $(shell git describe --always --dirty 2>/dev/null),no git)
VERSION_LINE := \#define SPLATD_VERSION "$(VERSION)"\n\#define SPLATD_GIT "$(GIT_DESCRIBE)"

build/gen/version.h: FORCE
	@mkdir -p $(dir $@)
	@printf '$(VERSION_LINE)\n' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

build/obj/server/version.o build/asan/server/version.o \
build/tsan/server/version.o build/fuzz/obj/server/version.o: build/gen/version.h

.PHONY: all deps test unit-test fuzz bench format format-check clean run \
	conformance check-layers install FORCE browser-test test-pg

.DEFAULT_GOAL := all
all: build/splatd

deps:
	@missing=""; for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
			grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		echo "  APT $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@$(MAKE) -s --no-print-directory node_modules/.package-lock.json

# The browser tests' npm packages, exactly as package-lock.json pins them
# (npm bundled with a nodejs that is not Debian's counts as npm).
node_modules/.package-lock.json: package.json package-lock.json
	@echo "  NPM     ci"
	$(Q)npm ci --no-audit --no-fund --ignore-scripts >/dev/null
	@touch $@

# The dashboard in headless chromium (tests/t5010-dashboard-browser.sh, also
# part of `make test`); screenshots of every page in build/screenshots/.
browser-test: deps build/asan/splatd
	$(Q)SPLATD=build/asan/splatd TESTS='t5*' tests/run.sh

build/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC-SAN  $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -c -o $@ $<

build/splatd: $(OPT_LIB) build/obj/server/main.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/asan/splatd: $(SAN_LIB) build/asan/server/main.o
	@$(if $(Q),echo "  LD-SAN  $@")
	$(Q)$(CC) $(SAN_CFLAGS) -o $@ $^ $(LDLIBS)

build/tsan/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC-TSAN $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(TSAN_CFLAGS) -c -o $@ $<

build/tsan/splatd: $(TSAN_LIB) build/tsan/server/main.o
	@$(if $(Q),echo "  LD-TSAN $@")
	$(Q)$(CC) $(TSAN_CFLAGS) -o $@ $^ $(LDLIBS)

build/asan/tests/%: tests/unit/%.c $(SAN_LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_WARN) $(SAN_CFLAGS) -o $@ $< \
		$(SAN_LIB) $(LDLIBS) -lcmocka

build/asan/tools/%: tests/tools/%.c $(SAN_LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TOOL    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $< $(SAN_LIB) $(LDLIBS)

build/bench/%: bench/%.c $(OPT_LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  BENCH   $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_WARN) -o $@ $< $(OPT_LIB) $(LDLIBS)

build/bench/rawconn: tests/tools/rawconn.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  BENCH   $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $<

build/fuzz/%: tests/fuzz/%.c $(PARSER_SRC) server/triage/report_json.c \
		server/triage/jsonw.c server/triage/view.c db/run_time.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZ    $@")
	$(Q)$(CLANG) -std=gnu11 -I. -D_GNU_SOURCE -g -O1 \
		-fsanitize=fuzzer,address,undefined -o $@ $^ $(PKG_LIBS)

# fuzz_kcidb: the KCIDB document reader and what it is built on.
build/fuzz/fuzz_kcidb: tests/fuzz/fuzz_kcidb.c $(PARSER_SRC) \
		server/triage/jsonw.c server/kcidb/document.c \
		server/kcidb/schema.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZ    $@")
	$(Q)$(CLANG) -std=gnu11 -I. -D_GNU_SOURCE -g -O1 \
		-fsanitize=fuzzer,address,undefined -o $@ $^ $(PKG_LIBS)

# fuzz_http and fuzz_ingest run the whole program: every library object,
# instrumented.
build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC-FUZZ $<")
	$(Q)$(CLANG) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
		-c -o $@ $<

build/fuzz/fuzz_http build/fuzz/fuzz_ingest: build/fuzz/%: tests/fuzz/%.c \
		$(FUZZ_LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZ    $@")
	$(Q)$(CLANG) $(FUZZ_CFLAGS) $(WARN) $(TEST_WARN) \
		-fsanitize=fuzzer,address,undefined \
		-o $@ $(filter %.c %.o,$^) $(LDLIBS)

test: deps check-layers build/splatd build/asan/splatd $(UNIT_BIN) \
	$(TOOL_BIN) build/bench/gen_corpus
	$(Q)SPLATD=build/asan/splatd JOBS=$${JOBS:-2} tests/run.sh

# The same HTTP tests on PostgreSQL (SPLATD_TEST_DB=pg): tests/pg/run.sh
# starts a throw-away cluster, runs them and stops it.
test-pg: deps build/splatd build/asan/splatd $(UNIT_BIN) $(TOOL_BIN) \
	build/bench/gen_corpus
	$(Q)SPLATD=build/asan/splatd tests/pg/run.sh

# The include rule between parsers/, db/, server/triage/ (the domain),
# server/mail/ (mail, on the domain), server/http/ (the HTTP front end) and
# the commands (server/*.c).
check-layers:
	$(Q)tests/tools/check-layers.sh

# Each target runs FUZZ_SECONDS on its corpus in build/fuzz/ and its seeds
# (FUZZ_ARGS_<target>, else every file under tests/fuzz/seeds); a failing
# input is saved as build/fuzz/<target>-crash-<sha1> (or -leak-, -timeout-).
FUZZ_SECONDS ?= 60
FUZZ_ARGS_fuzz_http := -dict=tests/fuzz/http.dict tests/fuzz/seeds/http
FUZZ_ARGS_fuzz_mailmsg := tests/fuzz/seeds/mail
FUZZ_ARGS_fuzz_kcidb := tests/fuzz/seeds/kcidb
fuzz: deps $(FUZZ_BIN)
	$(Q)$(foreach f,$(FUZZ_BIN),mkdir -p build/fuzz/corpus-$(notdir $(f)) \
		&& $(f) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			-timeout=30 -rss_limit_mb=2048 \
			-artifact_prefix=build/fuzz/$(notdir $(f))- \
			build/fuzz/corpus-$(notdir $(f)) \
			$(or $(FUZZ_ARGS_$(notdir $(f))),tests/fuzz/seeds) \
		&&) true

bench: deps build/splatd $(BENCH_BIN) build/bench/rawconn
	$(Q)bench/run.sh

# get_maintainer.pl conformance on Debian's linux-source-6.1 (installed and
# unpacked outside the repo when missing); see docs/owners.md for its cost.
# Then routing on that tree: the hand labels' top-1 score and each rule.
conformance: deps build/splatd
	$(Q)tests/conformance/run.sh
	$(Q)SPLATD=build/splatd bash tests/t3030-owners-routing.sh

run: deps build/splatd
	./build/splatd serve

# make install [PREFIX=/usr/local] [DESTDIR=...]: the program, the dashboard,
# the systemd unit (with PREFIX's bin/ in ExecStart), the example
# configuration and the man page.  docs/operating.md.
PREFIX  ?= /usr/local
UNITDIR ?= /lib/systemd/system
install: build/splatd
	@echo "  INSTALL $(DESTDIR)$(PREFIX)"
	$(Q)install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(UNITDIR) \
		$(DESTDIR)$(PREFIX)/share/splatd/static \
		$(DESTDIR)$(PREFIX)/share/doc/splatd \
		$(DESTDIR)$(PREFIX)/share/man/man1
	$(Q)install -m 755 build/splatd $(DESTDIR)$(PREFIX)/bin/splatd
	$(Q)cp -R static/. $(DESTDIR)$(PREFIX)/share/splatd/static/
	$(Q)sed 's|@PREFIX@|$(PREFIX)|g' server/dist/splatd.service > \
		$(DESTDIR)$(UNITDIR)/splatd.service
	$(Q)chmod 644 $(DESTDIR)$(UNITDIR)/splatd.service
	$(Q)sed 's|@PREFIX@|$(PREFIX)|g' server/dist/splatd.conf.example > \
		$(DESTDIR)$(PREFIX)/share/doc/splatd/splatd.conf.example
	$(Q)install -m 644 docs/operating.md $(DESTDIR)$(PREFIX)/share/doc/splatd/
	$(Q)sed 's|@PREFIX@|$(PREFIX)|g; s|@VERSION@|$(VERSION)|g' \
		server/dist/splatd.1 > $(DESTDIR)$(PREFIX)/share/man/man1/splatd.1

FORMAT_FILES = $(wildcard parsers/*.[ch] db/*.[ch] server/*.[ch] \
	server/http/*.[ch] server/triage/*.[ch] server/mail/*.[ch] \
	server/kcidb/*.[ch] tests/unit/*.[ch] tests/tools/*.[ch] tests/fuzz/*.c bench/*.c)
format:
	$(Q)clang-format -i $(FORMAT_FILES)

format-check:
	$(Q)clang-format --dry-run -Werror $(FORMAT_FILES)

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
