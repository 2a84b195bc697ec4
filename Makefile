# govit — build, test and install.
#
#   make test      everything CI runs: Rust tests, header and symbol drift, C tests
#                  under valgrind, the Java and .NET bindings (installs what is missing)
#   make install PREFIX=/usr/local   library, header and govit.pc
#
# Toolchains: cargo/rustc (rustup or Debian's), gcc, plus what `make deps` installs
# from Debian's packages (valgrind, pkg-config, JDK, JUnit 5, Mono, NUnit) and PyPI (dotnetcore2).

CARGO   ?= cargo
PREFIX  ?= /usr/local
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
ABI     := 1
RELEASE := target/release

.PHONY: all test deps release rust-test lint header-check c-test java-test dotnet-test install install-files docs

all: release

deps:
	@command -v $(CARGO) >/dev/null || { echo "cargo not found: install Rust (rustup, or Debian's cargo)"; exit 1; }
	@missing=""; \
	for pkg in valgrind pkg-config gcc g++ binutils; do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null; \
	fi

release:
	$(CARGO) build --release --locked

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --all-targets -- -D warnings

rust-test:
	$(CARGO) test --locked

# The committed header must be what the source generates (build.rs rewrites it).
header-check: release
	git diff --exit-code -- include/govit.h || { echo "include/govit.h is stale: commit the regenerated header"; exit 1; }

c-test: release
	$(MAKE) -C tests/c test

java-test: release
	$(MAKE) -C bindings/java deps all test example

dotnet-test: release
	$(MAKE) -C bindings/dotnet deps all test example

test: deps lint rust-test header-check c-test java-test dotnet-test
	@echo "make test: all suites passed"

docs:
	GOVIT_UPDATE_DOCS=1 $(CARGO) test --locked --test docs_in_sync

install: release
	$(MAKE) --no-print-directory install-files

# What `install` copies, without building first (tests/c's install-check uses it:
# it must not run cargo).
install-files:
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 0755 $(RELEASE)/libgovit.so $(DESTDIR)$(LIBDIR)/libgovit.so.$(VERSION)
	ln -sf libgovit.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libgovit.so.$(ABI)
	ln -sf libgovit.so.$(ABI) $(DESTDIR)$(LIBDIR)/libgovit.so
	install -m 0644 $(RELEASE)/libgovit.a $(DESTDIR)$(LIBDIR)/libgovit.a
	install -m 0644 include/govit.h $(DESTDIR)$(INCDIR)/govit.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@INCDIR@|$(INCDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	  govit.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/govit.pc

# ---- hardening (docs/security.md) ----
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := engine_config check apply verify day_info add_working_days lifecycle

# Runs every fuzz target for FUZZ_SECONDS on a working copy of the committed corpus.
# cargo-fuzz needs a nightly toolchain (rustup's `nightly`). A crash lands in
# fuzz/artifacts/<target>/: fix it, then copy it to fuzz/regressions/<target>/.
fuzz:
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	$(CARGO) +nightly fuzz build --fuzz-dir fuzz -O
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus-run/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  $(CARGO) +nightly fuzz run --fuzz-dir fuzz -O $$t fuzz/corpus-run/$$t fuzz/corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done|==.*ERROR|SUMMARY)" || exit 1; \
	done

# 1,000,000 random apply calls across projects and threads (GOVIT_SOAK_CALLS to change).
soak:
	$(CARGO) test --locked --release --test soak -- --ignored --nocapture
