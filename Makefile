# govit — build, test and install.
#
#   make test      everything CI runs: Rust tests, header and symbol drift, C tests
#                  under valgrind, the Java and .NET bindings, `make dist` and every
#                  artifact tested on its platform (installs what is missing)
#   make release   target/release/: libgovit.so, libgovit.a
#   make header    include/govit.h from src/ffi (cbindgen; commit it when the C boundary changes)
#   make install PREFIX=/usr/local   copies the release build (library, header, govit.pc,
#                  schemas); it builds nothing: run `make release` first
#   make dist      dist/: every release artifact (CONTRACT §7, docs/platforms.md)
#   make spark-check INPUT=F.jsonl OUTPUT=DIR AS_OF=YYYY-MM-DD   the nightly check on Spark (docs/spark.md)
#
# Toolchains: cargo/rustc (rustup, which `make dist` needs for its cross targets), gcc,
# plus what the deps targets install from Debian's packages (valgrind, pkg-config, JDK,
# JUnit 5, Mono, NUnit, cross compilers, qemu-user, Wine) and PyPI (dotnetcore2, ziglang,
# cargo-zigbuild, pyspark).

CARGO   ?= cargo
PREFIX  ?= /usr/local
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
ABI     := 1
RELEASE := target/release

.PHONY: all test deps release rust-test lint header header-check c-test java-test dotnet-test install docs fuzz soak asan

all: release

deps:
	@command -v $(CARGO) >/dev/null || { echo "cargo not found: install Rust (rustup, or Debian's cargo)"; exit 1; }
	@packaging/apt-install.sh valgrind pkg-config gcc g++ binutils

release:
	$(CARGO) build --release --locked

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings
	cd tools/header && $(CARGO) fmt -- --check && $(CARGO) clippy --locked -- -D warnings

rust-test:
	$(CARGO) test --locked --workspace

# include/govit.h from src/ffi (cbindgen, in a cargo project of its own so that building
# the library never compiles it). The committed header must be what the source generates.
header:
	cd tools/header && $(CARGO) run --locked --quiet

header-check: header
	git diff --exit-code -- include/govit.h || { echo "include/govit.h is stale: commit the regenerated header (make header)"; exit 1; }

c-test: release
	$(MAKE) -C tests/c test

java-test: release
	$(MAKE) -C bindings/java deps all test example

dotnet-test: release
	$(MAKE) -C bindings/dotnet deps all test example

test: deps lint rust-test header-check c-test java-test dotnet-test dist dist-test spark-test peers-test
	@echo "make test: all suites passed"

docs:
	GOVIT_UPDATE_DOCS=1 $(CARGO) test --locked --test docs_in_sync --test schemas

# Copies the release build; it never runs cargo (so `sudo make install` after `make release`
# builds nothing as root). Also copies share/govit/schemas/.
install:
	@for f in $(RELEASE)/libgovit.so $(RELEASE)/libgovit.a; do test -f $$f || { \
	  echo "make install: $$f is missing. It copies the release build and builds nothing: run 'make release' first." >&2; \
	  exit 1; }; done
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(DATADIR)/govit/schemas
	install -m 0755 $(RELEASE)/libgovit.so $(DESTDIR)$(LIBDIR)/libgovit.so.$(VERSION)
	ln -sf libgovit.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libgovit.so.$(ABI)
	ln -sf libgovit.so.$(ABI) $(DESTDIR)$(LIBDIR)/libgovit.so
	install -m 0644 $(RELEASE)/libgovit.a $(DESTDIR)$(LIBDIR)/libgovit.a
	install -m 0644 include/govit.h $(DESTDIR)$(INCDIR)/govit.h
	install -m 0644 schemas/*.json $(DESTDIR)$(DATADIR)/govit/schemas/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@INCDIR@|$(INCDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	  govit.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/govit.pc

# ---- release artifacts (issue 12; CONTRACT §7; docs/platforms.md) ----
#   make dist        dist/: the C archives of every platform of packaging/platforms.tsv,
#                    govit-<ver>.jar (+ -sources.jar, .pom), Govit.<ver>.nupkg, SHA256SUMS,
#                    each checked by packaging/check-dist.sh (layout, machine, glibc
#                    ceiling, exported symbols, imported DLLs, stripped)
#   make dist-test   the artifacts run on their platforms: the C tests natively, under
#                    qemu-aarch64 and under Wine (64- and 32-bit), the JUnit suite against
#                    the jar and the NUnit suite against the nupkg, as users get them
#   make dist-host   on a machine of another architecture (LoongArch): its archive, library
#                    and JNI glue into dist-extra/<platform>/, which `make dist` then packs
# Linux libraries are linked by zig (cargo-zigbuild) against glibc 2.17's symbols; Windows
# ones by MinGW. The `dist` profile is release without debug info, stripped.
PLATFORMS   := packaging/platforms.tsv
DIST        := dist
DIST_EXTRA  ?= dist-extra
DIST_STAGE  := target/dist-stage
DATADIR     ?= $(PREFIX)/share
ZIG_TARGETS   := $(shell awk -F'\t' '$$7 == "zigbuild" { print $$2 "." $$6 }' $(PLATFORMS))
CARGO_TARGETS := $(shell awk -F'\t' '$$7 == "cargo" { print $$2 }' $(PLATFORMS))
RUST_TARGETS  := $(basename $(basename $(ZIG_TARGETS))) $(CARGO_TARGETS)
DIST_APT      := gcc-aarch64-linux-gnu libc6-dev-arm64-cross gcc-mingw-w64-x86-64 gcc-mingw-w64-i686 \
                 binutils zip unzip pkg-config
DIST_TEST_APT := qemu-user wine64
ZIGLANG_VERSION        := 0.17.1
CARGO_ZIGBUILD_VERSION := 0.24.1
PY_SCRIPTS     = $(shell python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')
CARGO_ZIGBUILD = $(PY_SCRIPTS)/cargo-zigbuild

.PHONY: dist dist-deps dist-test-deps dist-libs dist-test dist-host

dist-deps:
	@packaging/apt-install.sh $(DIST_APT)
	@command -v rustup >/dev/null || { echo "make dist needs rustup for the targets $(RUST_TARGETS)" >&2; exit 1; }
	@missing=$$(for t in $(RUST_TARGETS); do rustup target list --installed | grep -qx $$t || echo $$t; done); \
	if [ -n "$$missing" ]; then echo "rustup target add" $$missing; rustup target add $$missing; fi
	@python3 -c 'import ziglang' 2>/dev/null && test -x $(CARGO_ZIGBUILD) || { \
	  echo "pip install ziglang==$(ZIGLANG_VERSION) cargo-zigbuild==$(CARGO_ZIGBUILD_VERSION)"; \
	  flock /tmp/pip.lock python3 -m pip install -q ziglang==$(ZIGLANG_VERSION) cargo-zigbuild==$(CARGO_ZIGBUILD_VERSION); }

# wine32 needs the i386 architecture; where it cannot be had, windows-x86 gets the
# structural checks only (tests/c says so).
dist-test-deps:
	@packaging/apt-install.sh $(DIST_TEST_APT)
	@packaging/apt-install.sh wine32:i386 || echo "wine32 could not be installed: windows-x86 is checked, not run"

dist-libs: dist-deps
	@for t in $(ZIG_TARGETS); do echo "cargo zigbuild --profile dist --target $$t"; \
	  $(CARGO_ZIGBUILD) zigbuild --locked -p govit --lib --profile dist --target $$t || exit 1; done
	@for t in $(CARGO_TARGETS); do echo "cargo build --profile dist --target $$t"; \
	  $(CARGO) build --locked -p govit --lib --profile dist --target $$t || exit 1; done

dist: dist-libs
	rm -rf $(DIST) $(DIST_STAGE)
	packaging/archives.sh $(DIST) $(DIST_STAGE) $(DIST_EXTRA)
	$(MAKE) -C bindings/java deps
	$(MAKE) -C bindings/java dist DIST=$(CURDIR)/$(DIST) DIST_EXTRA=$(abspath $(DIST_EXTRA))
	$(MAKE) -C bindings/dotnet deps
	$(MAKE) -C bindings/dotnet dist DIST=$(CURDIR)/$(DIST) NATIVE_STAGE=$(CURDIR)/$(DIST_STAGE)/native
	cd $(DIST) && sha256sum $$(ls | grep -vx SHA256SUMS) > SHA256SUMS
	packaging/check-dist.sh $(DIST) bindings/java/build/jni-headers

dist-test: dist-test-deps
	@test -f $(DIST)/SHA256SUMS || { echo "$(DIST)/ is incomplete: run 'make dist' first" >&2; exit 1; }
	$(MAKE) -C tests/c cross-all DIST=$(CURDIR)/$(DIST)
	$(MAKE) -C bindings/java test-dist DIST=$(CURDIR)/$(DIST)
	$(MAKE) -C bindings/dotnet deps-dist
	$(MAKE) -C bindings/dotnet test-dist DIST=$(CURDIR)/$(DIST)

# On the machine of a platform marked "elsewhere" in packaging/platforms.tsv (LoongArch):
# its archive, libgovit.so and libgovit_jni.so into $(DIST_EXTRA)/<platform>/, for `make dist`.
HOST_TRIPLE   = $(shell rustc -vV | sed -n 's/^host: //p')
HOST_PLATFORM = $(shell awk -F'\t' '$$2 == "$(HOST_TRIPLE)" { print $$1 }' $(PLATFORMS))
dist-host:
	@test -n "$(HOST_PLATFORM)" || { echo "$(HOST_TRIPLE) is not in $(PLATFORMS)" >&2; exit 1; }
	$(CARGO) build --locked -p govit --lib --profile dist --target $(HOST_TRIPLE)
	rm -rf $(DIST_EXTRA)/$(HOST_PLATFORM) && mkdir -p $(DIST_EXTRA)/$(HOST_PLATFORM)
	ONLY=$(HOST_PLATFORM) packaging/archives.sh $(DIST_EXTRA)/$(HOST_PLATFORM) $(DIST_STAGE)
	cp $(DIST_STAGE)/native/$(HOST_PLATFORM)/libgovit.so $(DIST_EXTRA)/$(HOST_PLATFORM)/
	$(MAKE) -C bindings/java deps
	$(MAKE) -C bindings/java jni PLATFORM=$(HOST_PLATFORM) NATIVE_ROOT=$(CURDIR)/$(DIST_STAGE)/jni \
	  LIBGOVIT_A=$(CURDIR)/target/$(HOST_TRIPLE)/dist/libgovit.a JNI_STRIP=-s
	cp $(DIST_STAGE)/jni/native/$(HOST_PLATFORM)/libgovit_jni.so $(DIST_EXTRA)/$(HOST_PLATFORM)/
	packaging/check-dist.sh $(DIST_EXTRA)/$(HOST_PLATFORM) bindings/java/build/jni-headers
	@ls -l $(DIST_EXTRA)/$(HOST_PLATFORM)

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
.PHONY: bench bench-quick peers-test

# The peer's differential test: govit and the Rego policy of benches/peers find the
# same rules on 5,000 generated submit_technical cases (so the peer figures compare
# the same decision). Part of `make test`: the first run compiles regorus.
peers-test:
	cd benches/peers && $(CARGO) test --release --locked

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
	cd benches/peers && $(CARGO) bench --bench submit_technical

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

# ---- the nightly check on Spark (issue 17; docs/spark.md) ----
#   make spark-check INPUT=F.jsonl OUTPUT=DIR AS_OF=YYYY-MM-DD [CONFIG=engine.json] [MASTER=local[2]]
#                      runs org.govit.spark.NightlyCheck with spark-submit; installs pyspark if missing
#   make spark-test    (part of make test) the job's output against the kernel's own check
#   make spark-bench   1,000,000 generated records on local[1] and local[2] against a plain Java loop
.PHONY: spark-jars spark-check spark-test spark-bench

# A local path made absolute (spark/Makefile runs in spark/); a URL (hdfs://, s3a://) as it is.
spark_path = $(if $(findstring ://,$(1)),$(1),$(if $(1),$(abspath $(1))))

spark-jars: release
	$(MAKE) -C bindings/java deps all
	$(MAKE) -C spark jar

spark-check: spark-jars
	@$(MAKE) --no-print-directory -C spark check INPUT='$(call spark_path,$(INPUT))' \
	  OUTPUT='$(call spark_path,$(OUTPUT))' AS_OF='$(AS_OF)' CONFIG='$(call spark_path,$(CONFIG))'

spark-test: spark-jars
	$(MAKE) -C spark test

spark-bench: spark-jars
	$(MAKE) -C spark bench
