# umpress: publishes an Upward Mobility program.
#
#   make demo    packages, build, demo records, demo site; prints its path
#   make test    packages, build, every test
#   make         the program only (./umpress)
#   make install the program and its manuals under PREFIX (/usr/local)
#
# Read by GNU make and POSIX make alike: no pattern rules, no $(shell);
# pkg-config runs in the recipes.  Local flags go in Makefile.local.

CC	= cc
CFLAGS	= -std=c11 -O2 -g -Wall -Wextra -Wpedantic -Werror
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Igenerator
LDFLAGS	=
PKGS	= libcmark-gfm yaml-0.1 sqlite3 libzip libgvc libcgraph libcrypto \
	libmicrohttpd libical
PKG_CFLAGS = `pkg-config --cflags $(PKGS)`
# cmark-gfm's extensions ship no .pc file (shared/notes/deps.md).
LIBS	= `pkg-config --libs $(PKGS)` -lcmark-gfm-extensions -lpthread -lm
TEST_CFLAGS = `pkg-config --cflags cmocka jansson`
TEST_LIBS = `pkg-config --libs cmocka jansson`

-include Makefile.local

# The stages, in the order data flows (shared/style.md, generator/extern.h).
CORE_OBJS = generator/buf.o generator/hash.o generator/diag.o generator/date.o \
	generator/escape.o generator/tv.o generator/model.o
TMPL_OBJS = generator/template.o
RULES_OBJS = generator/rules.o generator/select.o
PATHS_OBJS = generator/paths.o
RECORDS_OBJS = generator/records.o generator/demo.o generator/schema.o
APP_OBJS = generator/project.o generator/content.o generator/catalog.o \
	generator/ladders.o generator/view.o generator/ics.o generator/output.o \
	generator/site.o generator/slug.o generator/engine.o generator/packets.o \
	generator/batches.o generator/lists.o generator/letters.o generator/selection.o \
	generator/private.o generator/report.o \
	generator/chart.o generator/build.o generator/main.o
# The site search, the preview server, progress and new pages (issue #22).
SEARCH_OBJS = generator/stem.o generator/search.o
SERVE_OBJS = generator/progress.o generator/serve.o generator/newpage.o
OBJS	= $(CORE_OBJS) $(TMPL_OBJS) $(RULES_OBJS) $(PATHS_OBJS) $(RECORDS_OBJS) \
	$(APP_OBJS) $(SEARCH_OBJS) $(SERVE_OBJS)

HDRS	= generator/core.h generator/model.h generator/tmpl.h generator/records.h \
	generator/extern.h

.SUFFIXES: .c .o
.c.o:
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

all: umpress

umpress: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) $(OBJS) -o $@ $(LIBS)

$(OBJS): $(HDRS)

# records/schema.sql is built into the program (umpress records init).
generator/schema.c: records/schema.sql scripts/embed
	scripts/embed rec_schema_sql records/schema.sql > $@

deps:
	@scripts/deps

# make install [PREFIX=/usr/local] [DESTDIR=]: the program and its manuals,
# where man(1) finds them (man umpress, man 5 umpress).
PREFIX	= /usr/local
BINDIR	= $(PREFIX)/bin
MANDIR	= $(PREFIX)/share/man

install: umpress
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	cp umpress $(DESTDIR)$(BINDIR)/umpress
	chmod 755 $(DESTDIR)$(BINDIR)/umpress
	cp man/umpress.1 $(DESTDIR)$(MANDIR)/man1/umpress.1
	cp man/umpress.5 $(DESTDIR)$(MANDIR)/man5/umpress.5
	chmod 644 $(DESTDIR)$(MANDIR)/man1/umpress.1 $(DESTDIR)$(MANDIR)/man5/umpress.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/umpress $(DESTDIR)$(MANDIR)/man1/umpress.1 \
		$(DESTDIR)$(MANDIR)/man5/umpress.5

clean:
	rm -f umpress generator/*.o generator/schema.c tests/bin/*
	rm -rf output tests/out tests/asan

# ---- tests ---------------------------------------------------------------
# Every test program lands in tests/bin; make test runs them all.

tests/bin/.dir:
	mkdir -p tests/bin && touch $@

tests/bin/mustache-spec: tests/mustache/spec.c $(CORE_OBJS) $(TMPL_OBJS) $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) tests/mustache/spec.c \
		$(CORE_OBJS) $(TMPL_OBJS) -o $@ $(TEST_LIBS) -lpthread -lm

tests/bin/test_core: tests/unit/test_core.c $(CORE_OBJS) $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) tests/unit/test_core.c \
		$(CORE_OBJS) -o $@ $(TEST_LIBS) -lpthread -lm

# The rules and their words (view.c: the packet's sentences).
tests/bin/test_rules: tests/unit/test_rules.c tests/c1_oracle.h $(CORE_OBJS) $(RULES_OBJS) generator/view.o $(PATHS_OBJS) $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) $(PKG_CFLAGS) tests/unit/test_rules.c \
		$(CORE_OBJS) $(RULES_OBJS) generator/view.o $(PATHS_OBJS) -o $@ $(TEST_LIBS) -lpthread -lm

tests/bin/test_select: tests/unit/test_select.c $(CORE_OBJS) $(RULES_OBJS) $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) tests/unit/test_select.c \
		$(CORE_OBJS) $(RULES_OBJS) -o $@ $(TEST_LIBS) -lpthread -lm

tests/bin/test_ics: tests/unit/test_ics.c $(CORE_OBJS) $(RULES_OBJS) generator/view.o $(PATHS_OBJS) generator/ics.o $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) $(PKG_CFLAGS) tests/unit/test_ics.c \
		$(CORE_OBJS) $(RULES_OBJS) generator/view.o $(PATHS_OBJS) generator/ics.o -o $@ $(TEST_LIBS) $(LIBS)

tests/bin/test_template: tests/unit/test_template.c $(CORE_OBJS) $(TMPL_OBJS) $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) tests/unit/test_template.c \
		$(CORE_OBJS) $(TMPL_OBJS) -o $@ $(TEST_LIBS) -lpthread -lm

tests/bin/test_paths: tests/unit/test_paths.c $(CORE_OBJS) $(PATHS_OBJS) $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) tests/unit/test_paths.c \
		$(CORE_OBJS) $(PATHS_OBJS) -o $@ $(TEST_LIBS) -lpthread -lm

tests/bin/test_ladders: tests/unit/test_ladders.c $(CORE_OBJS) $(PATHS_OBJS) generator/ladders.o $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) $(PKG_CFLAGS) tests/unit/test_ladders.c \
		$(CORE_OBJS) $(PATHS_OBJS) generator/ladders.o -o $@ $(TEST_LIBS) $(LIBS)

tests/bin/test_search: tests/unit/test_search.c $(CORE_OBJS) $(SEARCH_OBJS) $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) $(PKG_CFLAGS) tests/unit/test_search.c \
		$(CORE_OBJS) $(SEARCH_OBJS) -o $@ $(TEST_LIBS) -lpthread -lm

tests/bin/test_slug: tests/unit/test_slug.c $(CORE_OBJS) generator/slug.o $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) $(PKG_CFLAGS) tests/unit/test_slug.c \
		$(CORE_OBJS) generator/slug.o -o $@ $(TEST_LIBS) $(LIBS)

tests/bin/test_records: tests/unit/test_records.c $(CORE_OBJS) $(RECORDS_OBJS) $(HDRS) tests/bin/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) $(PKG_CFLAGS) tests/unit/test_records.c \
		$(CORE_OBJS) $(RECORDS_OBJS) -o $@ $(TEST_LIBS) $(LIBS)

# The fault injection shim (tests/fault/run), loaded with LD_PRELOAD.
tests/bin/fault.so: tests/fault/shim.c tests/bin/.dir
	$(CC) -shared -fPIC -O2 -g -Wall -Wextra -Werror tests/fault/shim.c \
		-o $@ -ldl -lpthread

test-fault: deps umpress tests/bin/fault.so
	tests/fault/run

test-template: deps tests/bin/test_template
	tests/bin/test_template

test-ladders: deps tests/bin/test_ladders
	tests/bin/test_ladders

test-paths: deps tests/bin/test_paths
	tests/bin/test_paths

test-records: deps tests/bin/test_records
	tests/bin/test_records

test-slug: deps tests/bin/test_slug
	tests/bin/test_slug

test-mustache: deps tests/bin/mustache-spec
	tests/bin/mustache-spec tests/mustache/spec

test-core: deps tests/bin/test_core
	tests/bin/test_core

test-rules: deps tests/bin/test_rules
	tests/bin/test_rules

test-search: deps umpress tests/bin/test_search
	tests/bin/test_search
	tests/search/run

test-serve: deps umpress
	tests/serve/run

# Rebuilds after edits, each the same as a clean build (issue #21).
test-incr: deps umpress
	tests/incr/run

# The private pages printed with Chromium and read back (issue 25).
test-print: deps umpress
	tests/print/run

# ---- the two commands of the README ---------------------------------------

UNIT_TESTS = tests/bin/test_core tests/bin/test_template tests/bin/test_rules \
	tests/bin/test_select tests/bin/test_ics \
	tests/bin/test_records tests/bin/test_ladders tests/bin/test_slug \
	tests/bin/test_paths tests/bin/mustache-spec tests/bin/test_search

# The demo database is made for the build's as-of date, so its alerts are
# current whatever day it is made (SOURCE_DATE_EPOCH pins it).
demo: deps umpress
	rm -f records/umpress.db
	./umpress records demo records/umpress.db --employees 500 --seed 1
	./umpress build

test: deps umpress $(UNIT_TESTS) tests/bin/fault.so
	tests/bin/test_core
	tests/bin/test_template
	tests/bin/mustache-spec tests/mustache/spec
	tests/bin/test_rules
	tests/bin/test_select
	tests/bin/test_ics
	tests/bin/test_records
	tests/bin/test_ladders
	tests/bin/test_slug
	tests/bin/test_paths
	tests/bin/test_search
	tests/bad/run
	tests/build/run
	tests/letters/run
	tests/report/run
	tests/search/run
	tests/serve/run
	tests/hostile/run
	tests/crash/run
	tests/incr/run
	tests/fault/run
	tests/man/run
	tests/print/run

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer,
# leaks included, in a separate tree so the normal objects stay.
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
	LSAN_OPTIONS=suppressions=$$PWD/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ASAN_FLAGS = -std=c11 -O1 -g -fsanitize=address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=all -Wall -Wextra -Wpedantic -Werror
test-asan: deps
	rm -rf tests/asan && mkdir -p tests/asan
	cp -R Makefile generator records scripts tests/asan/ 2>/dev/null; \
	mkdir -p tests/asan/tests && cp -R tests/unit tests/mustache tests/search tests/lsan.supp tests/c1_oracle.h tests/asan/tests/
	# The normal build's objects are newer than the sources: without
	# this the sanitizers would see only what is compiled anew.
	rm -f tests/asan/generator/*.o
	$(MAKE) -C tests/asan CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
		umpress $(UNIT_TESTS)
	cd tests/asan && export $(ASAN_ENV) && for t in tests/bin/test_core tests/bin/test_template \
		tests/bin/test_rules tests/bin/test_select tests/bin/test_ics \
		tests/bin/test_records tests/bin/test_ladders \
		tests/bin/test_slug tests/bin/test_paths tests/bin/test_search; do \
		$$t || exit 1; done; \
		tests/bin/mustache-spec tests/mustache/spec
	UMPRESS=$$PWD/tests/asan/umpress $(ASAN_ENV) tests/bad/run
	UMPRESS=$$PWD/tests/asan/umpress $(ASAN_ENV) tests/build/run
	UMPRESS=$$PWD/tests/asan/umpress $(ASAN_ENV) tests/letters/run
	UMPRESS=$$PWD/tests/asan/umpress $(ASAN_ENV) tests/report/run
	UMPRESS=$$PWD/tests/asan/umpress $(ASAN_ENV) tests/hostile/run
	UMPRESS=$$PWD/tests/asan/umpress $(ASAN_ENV) tests/incr/run
	UMPRESS=$$PWD/tests/asan/umpress SERVE_SECONDS=60 $(ASAN_ENV) tests/serve/run

# One full demo build under memcheck: no error, no definitely lost block.
valgrind: deps umpress
	tests/valgrind/run

bench: deps umpress
	scripts/deps bench
	tests/bench/run

fuzz: deps
	scripts/deps fuzz
	tests/fuzz/run $${FUZZ_SECONDS:-60}

.PHONY: all deps install uninstall clean demo test test-asan valgrind bench fuzz test-mustache test-core test-rules test-template test-records test-ladders test-paths \
	test-search test-serve test-slug test-fault test-incr test-print
