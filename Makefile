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

.PHONY: all test deps release rust-test lint header-check c-test java-test dotnet-test install install-files docs fuzz soak asan

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
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings

rust-test:
	$(CARGO) test --locked --workspace

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
	@mkdir -p fuzz/logs; for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus-run/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  $(CARGO) +nightly fuzz run --fuzz-dir fuzz -O $$t fuzz/corpus-run/$$t fuzz/corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -print_final_stats=1 > fuzz/logs/$$t.log 2>&1; rc=$$?; \
	  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==.*ERROR|SUMMARY)" fuzz/logs/$$t.log; \
	  if [ $$rc -ne 0 ]; then echo "fuzz $$t failed (exit $$rc): see fuzz/logs/$$t.log and fuzz/artifacts/$$t/"; exit 1; fi; \
	done
	@echo "fuzz: every target ran $(FUZZ_SECONDS) s without a crash"

# 1,000,000 random apply calls across projects and threads (GOVIT_SOAK_CALLS to change).
soak:
	$(CARGO) test --locked --release --test soak -- --ignored --nocapture

# AddressSanitizer (with UBSan and LeakSanitizer where they apply), three ways:
#  1. the C tests and the C example built with -fsanitize=address,undefined against
#     the library as shipped (its malloc/free are checked through the C side);
#  2. the same against a Rust library instrumented with -Zsanitizer=address
#     (rustup's nightly toolchain);
#  3. the JNI tests with an instrumented JNI glue, libasan preloaded into the JVM.
ASAN_TARGET := x86_64-unknown-linux-gnu
ASAN_LIBDIR := $(CURDIR)/target/asan/$(ASAN_TARGET)/release
SAN_FLAGS   := -fsanitize=address,undefined -fno-omit-frame-pointer
LIBASAN      = $(shell gcc -print-file-name=libasan.so)
JVM_ASAN_OPTIONS := detect_leaks=0:handle_segv=0:allow_user_segv_handler=1:detect_stack_use_after_return=0:halt_on_error=1:quarantine_size_mb=4

asan: release
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1 \
	  $(MAKE) -C tests/c BUILD=build-asan CC="gcc $(SAN_FLAGS)" CXX="g++ $(SAN_FLAGS)" THREAD_CALLS=2000 run
	RUSTFLAGS="-Zsanitizer=address" $(CARGO) +nightly build --release --lib --target $(ASAN_TARGET) --target-dir target/asan
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1 \
	  $(MAKE) -C tests/c BUILD=build-asan-rust RELEASE=$(ASAN_LIBDIR) \
	  CC="gcc $(SAN_FLAGS) -DSMALL_STACK='(4096u*1024)'" CXX="g++ $(SAN_FLAGS)" THREAD_CALLS=1000 run
	$(MAKE) -C bindings/java deps
	$(MAKE) -C bindings/java BUILD=$(CURDIR)/bindings/java/build-asan CC="gcc -fsanitize=address -fno-omit-frame-pointer" \
	  JAVA="env LD_PRELOAD=$(LIBASAN) ASAN_OPTIONS=$(JVM_ASAN_OPTIONS) java" \
	  JUNIT_ARGS="--exclude-classname=.*MemoryGrowthTest" test
	@echo "asan: C tests (shipped and instrumented library) and JNI tests clean"

# ---- benchmarks (issue 9; docs/performance.md) ----
#   make bench-quick   the goals in one run, one line each: `goal <name> <measured> <target>`
#                      (under a minute once built; the first run compiles regorus, minutes)
#   make bench         everything: criterion (kernel, history), the batch, the peer, the bindings
.PHONY: bench bench-quick

bench-quick:
	$(CARGO) build --release --locked
	$(CARGO) bench --locked --bench quick
	cd benches/peers && $(CARGO) bench --bench submit_technical -- --quick
	benches/overhead.sh

bench: bench-quick
	$(CARGO) bench --locked --bench kernel
	$(CARGO) bench --locked --bench history
	$(CARGO) bench --locked --bench batch
	$(CARGO) bench --locked -p govit-cli --bench todo
	cd benches/peers && $(CARGO) test --release && $(CARGO) bench --bench submit_technical

# ---- the command-line tool (cli/, issue 16) ----
# The README's screenshot of the nightly report: the HTML of `govit todo` over
# examples/nightly, in headless Chromium (Debian's chromium; fonts-noto-cjk for
# the Chinese text). Not part of `make test`.
SHOT_FLAGS := --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars

.PHONY: todo-screenshot
todo-screenshot: release
	@missing=""; for pkg in chromium fonts-noto-cjk; do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  flock /tmp/apt.lock sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing" >/dev/null; \
	fi
	$(RELEASE)/govit todo examples/nightly --as-of 2026-12-28 --within 14 --format html --output target/todo-report.html || [ $$? -eq 1 ]
	profile=$$(mktemp -d) && chromium $(SHOT_FLAGS) --user-data-dir=$$profile --window-size=1200,1240 \
	  --screenshot=$(CURDIR)/docs/todo-report.png file://$(CURDIR)/target/todo-report.html 2>/dev/null; \
	  rc=$$?; rm -rf $$profile; exit $$rc
