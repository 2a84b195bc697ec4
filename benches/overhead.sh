#!/usr/bin/env bash
# The Java (JNI) and .NET (P/Invoke) call overhead against the direct C call
# (issue 9 §4): the same `govit_check`, the same input, the same N, each
# program timing 9 repetitions after a warm-up and printing its median.
# Java is timed twice: `GovitEngine.check` (String in and out) and
# `GovitEngine.checkUtf8` (UTF-8 byte[] in and out, the bytes prepared once).
#
#   benches/overhead.sh            (run by `make bench-quick` and `make bench`)
#
# Inputs: the public-service sample with a 20-entry history (written by
# `cargo bench --bench quick` to target/bench/), and the bare sample (no
# history: the smallest call, where a fixed overhead weighs most).
# The four runs (C, Java String, Java UTF-8 bytes, .NET) alternate three times;
# the median run counts. Prints `goal jni_overhead_pct <x> 30` (String API),
# `goal jni_utf8_overhead_pct <x> 30` (byte API) and `goal pinvoke_overhead_pct <x> 30`
# for the 20-entry record, or a `skip` line saying what is missing.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/bench
mkdir -p "$OUT/java" "$OUT/dotnet"
OPTS='{"as_of":"2027-01-15"}'

if [ ! -f target/release/libgovit.so ] || [ ! -f include/govit.h ]; then
  echo "skip jni_overhead_pct pinvoke_overhead_pct: target/release/libgovit.so not built (cargo build --release)"
  exit 0
fi
# libgovit.so carries the SONAME libgovit.so.1, which cargo does not create.
ln -sf "$ROOT/target/release/libgovit.so" "$OUT/libgovit.so.1"
gcc -std=c99 -O2 -Wall -Werror -D_POSIX_C_SOURCE=199309L -Iinclude benches/c/check_bench.c \
  -L"$ROOT/target/release" -lgovit -Wl,-rpath,"$OUT" -o "$OUT/check_bench" || {
  echo "skip jni_overhead_pct pinvoke_overhead_pct: benches/c/check_bench.c did not build"; exit 0; }

# Java: rebuild the jar if the kernel changed (its JNI library links libgovit.a statically).
JAVA_OK=0
if command -v javac >/dev/null && make -s -C bindings/java all >/dev/null 2>&1; then
  JAR=$(ls bindings/java/build/govit-*.jar 2>/dev/null | head -n1)
  if [ -n "$JAR" ] && javac -encoding UTF-8 -cp "$JAR" -d "$OUT/java" bindings/java/bench/CheckBench.java; then
    JAVA_OK=1
  fi
fi
# .NET: the bench against build/Govit.dll, on CoreCLR (PyPI dotnetcore2) or else Mono.
DOTNET_OK=0
DOTNET=$(python3 -c 'import os, dotnetcore2; print(os.path.join(os.path.dirname(dotnetcore2.__file__), "bin", "dotnet"))' 2>/dev/null || true)
if command -v mcs >/dev/null && make -s -C bindings/dotnet build/Govit.dll >/dev/null 2>&1; then
  cp bindings/dotnet/build/Govit.dll bindings/dotnet/runtimeconfig.json "$OUT/dotnet/" &&
  mv "$OUT/dotnet/runtimeconfig.json" "$OUT/dotnet/CheckBench.runtimeconfig.json" &&
  mcs -langversion:7.2 -optimize+ -target:exe -out:"$OUT/dotnet/CheckBench.exe" \
    -r:"$OUT/dotnet/Govit.dll" bindings/dotnet/bench/CheckBench.cs >/dev/null && DOTNET_OK=1
fi
if [ "$DOTNET_OK" = 1 ]; then
  if [ -n "$DOTNET" ] && [ -x "$DOTNET" ]; then RUN_DOTNET=("$DOTNET"); CLR=coreclr
  elif command -v mono >/dev/null; then RUN_DOTNET=(mono); CLR=mono
  else DOTNET_OK=0; fi
fi

ns() { sed -n 's/.* check \([0-9]*\) ns\/call.*/\1/p'; }
cpu_ns() { sed -n 's/.* \([0-9]*\) cpu_ns\/call.*/\1/p'; }
# run_c and run_java print "<wall ns> <thread cpu ns>".
run_c() { "$OUT/check_bench" "$1" "$2" "$OPTS" | awk '{print $3, $5}'; }
run_java() { java -cp "$JAR:$OUT/java" CheckBench "$1" "$2" "$OPTS" | awk '{print $3, $5}'; }
run_java_utf8() { java -cp "$JAR:$OUT/java" CheckBench --utf8 "$1" "$2" "$OPTS" | awk '{print $3, $5}'; }
run_dotnet() { (cd "$OUT/dotnet" && LD_LIBRARY_PATH="$ROOT/target/release:$OUT" DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
  "${RUN_DOTNET[@]}" CheckBench.exe "$1" "$2" "$OPTS") | ns; }
pct() { awk -v b="$1" -v c="$2" 'BEGIN { printf "%.1f", (b - c) * 100 / c }'; }

# The median of the runs (the lower middle one for an even count; was the 2nd, i.e. not the
# median once ROUNDS > 3).
med3() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
# The fastest run: on shared cores the runs fall into a fast and a slow (contended) group,
# and with 3-5 runs the median can land in either; the fastest runs compare like with like.
min1() { printf '%s\n' "$@" | sort -n | head -n 1; }

ROUNDS=${ROUNDS:-3}
echo "# binding overhead: govit_check from C, Java (JNI: String API and UTF-8 byte API) and .NET (P/Invoke, ${CLR:-none});"
echo "# each program's median of 9 x N calls; the four run alternately $ROUNDS times and the median run taken"
echo "# (2 shared cores: single runs vary by tens of percent)"
REAL=$OUT/check-public-service-20.json
for input in "$ROOT/examples/projects/public-service.json:2000:bare sample" "$REAL:200:20-entry history"; do
  file=${input%%:*}; rest=${input#*:}; n=${rest%%:*}; what=${rest#*:}
  if [ ! -f "$file" ]; then echo "# skip $what: $file missing (run cargo bench --bench quick first)"; continue; fi
  cs=(); js=(); us=(); ds=(); ccpu=(); jcpu=(); ucpu=()
  for _ in $(seq $ROUNDS); do
    read -r w u < <(run_c "$file" "$n"); cs+=("$w"); ccpu+=("$u")
    if [ "$JAVA_OK" = 1 ]; then
      read -r w u < <(run_java "$file" "$n"); js+=("$w"); jcpu+=("$u")
      read -r w u < <(run_java_utf8 "$file" "$n"); us+=("$w"); ucpu+=("$u")
    fi
    [ "$DOTNET_OK" = 1 ] && ds+=("$(run_dotnet "$file" "$n")")
  done
  c=$(med3 "${cs[@]}"); j=""; ju=""; d=""
  [ "$JAVA_OK" = 1 ] && j=$(med3 "${js[@]}") && ju=$(med3 "${us[@]}")
  [ "$DOTNET_OK" = 1 ] && d=$(med3 "${ds[@]}")
  line="# $what ($(wc -c <"$file") bytes, N=$n): C $c ns [${cs[*]}]"
  [ -n "$j" ] && line="$line, Java (String) $j ns ($(pct "$j" "$c")%) [${js[*]}]"
  [ -n "$d" ] && line="$line, .NET $d ns ($(pct "$d" "$c")%) [${ds[*]}]"
  echo "$line"
  [ -n "$ju" ] && echo "# $what: Java JNI (UTF-8 bytes) $ju ns ($(pct "$ju" "$c")%) [${us[*]}]"
  cm=$(min1 "${cs[@]}"); line="# $what, fastest run of each: C $cm ns"
  [ -n "$j" ] && { m=$(min1 "${js[@]}"); line="$line, Java (String) $m ns ($(pct "$m" "$cm")%)"; }
  [ -n "$ju" ] && { m=$(min1 "${us[@]}"); line="$line, Java (UTF-8 bytes) $m ns ($(pct "$m" "$cm")%)"; }
  [ -n "$d" ] && { m=$(min1 "${ds[@]}"); line="$line, .NET $m ns ($(pct "$m" "$cm")%)"; }
  echo "$line"
  if [ "$JAVA_OK" = 1 ]; then
    cc=$(med3 "${ccpu[@]}"); jc=$(med3 "${jcpu[@]}"); uc=$(med3 "${ucpu[@]}")
    echo "# $what, CPU time of the calling thread: C $cc ns, Java $jc ns ($(pct "$jc" "$cc")%), Java UTF-8 bytes $uc ns ($(pct "$uc" "$cc")%)"
  fi
  if [ "$file" = "$REAL" ]; then
    if [ -n "$j" ]; then echo "goal jni_overhead_pct $(pct "$j" "$c") 30"; else echo "skip jni_overhead_pct: the Java binding or JDK is not built/installed"; fi
    if [ -n "$ju" ]; then echo "goal jni_utf8_overhead_pct $(pct "$ju" "$c") 30"; else echo "skip jni_utf8_overhead_pct: the Java binding or JDK is not built/installed"; fi
    if [ -n "$d" ]; then echo "goal pinvoke_overhead_pct $(pct "$d" "$c") 30"; else echo "skip pinvoke_overhead_pct: the .NET binding (bindings/dotnet) or a runtime is not built/installed"; fi
  fi
done
