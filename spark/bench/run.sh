#!/usr/bin/env bash
# The Spark nightly's benchmark (make spark-bench; docs/spark.md). Called by spark/Makefile with
#   run.sh "JAVA -cp CLASSPATH" BENCH_DIR AS_OF "MAKE -C spark check"
# after BENCH_DIR/input/ holds the generated records (gzip files). In one run, on one input:
#   read-only   reading and splitting the lines alone (gunzip included): the floor of every row
#   loop        the kernel's check in a plain Java loop, one thread (CheckLoop), -Xmx1g
#   local[1]    the Spark job on one core, driver (= executor) heap 1g
#   local[2]    the Spark job on two cores
#   loop again  the loop once more: how much the shared machine drifted during the run
# Each row gives wall time, the CPU time of the threads that read, check and write (the loop's
# one thread; the Spark tasks' threads, from _summary.json) and of the whole process tree
# (user + sys: JIT, GC, Spark's own threads). Outputs are written beside the input and
# deleted after each row.
set -euo pipefail -f  # -f: the class path holds a jars/* for java, not for the shell
java_cp=$1 dir=$2 as_of=$3 check=$4
in=$dir/input
rows=$dir/rows.jsonl
: > "$rows"
TIMEFORMAT='%U %S'

# timed FILE CMD...: runs CMD, its stdout to FILE, appends "user sys" to FILE.time
timed() {
  local out=$1; shift
  { time "$@" > "$out" 2>&3; } 3>&2 2> "$out.time"
}

loop() { # loop NAME ARGS...: a CheckLoop row
  local name=$1; shift
  timed "$dir/loop.txt" $java_cp -Xmx1g org.govit.spark.tools.CheckLoop "$@"
  cat "$dir/loop.txt" >&2
  rm -f "$dir/loop.out"
  python3 - "$name" "$dir/loop.txt" >> "$rows" <<'PY'
import json, sys
name, path = sys.argv[1:3]
t = open(path).read().split()  # loop N records S s R records/s thread_cpu_s C peak_rss_kib K peak_heap_kib H
user, sys_ = map(float, open(path + ".time").read().split())
print(json.dumps({"run": name, "records": int(t[1]), "wall": float(t[3]), "thread_cpu": float(t[8]),
                  "process_cpu": user + sys_, "rss_kib": int(t[10]), "heap_kib": int(t[12])}))
PY
}

spark() { # spark CORES: a row of the job on local[CORES]
  local out=$dir/out-$1 start
  start=$(date +%s.%N)
  timed "$dir/spark.txt" $check MASTER="local[$1]" INPUT="$in" OUTPUT="$out" AS_OF="$as_of" SPARK_OPTS="--driver-memory 1g"
  cat "$dir/spark.txt" >&2
  python3 - "$1" "$out/_summary.json" "$dir/spark.txt.time" "$start" "$(date +%s.%N)" >> "$rows" <<'PY'
import json, sys
cores, summary, times, start, end = sys.argv[1:6]
s = json.load(open(summary))
user, sys_ = map(float, open(times).read().split())
print(json.dumps({"run": f"local[{cores}] ({s['partitions']} partitions)", "records": s["records"],
                  "wall": s["job_seconds"], "wall_with_startup": float(end) - float(start),
                  "thread_cpu": s["task_cpu_seconds"], "process_cpu": user + sys_,
                  "rss_kib": s["executor_peak_rss_kib"], "heap_kib": s["executor_peak_heap_kib"]}))
PY
  echo "# output of local[$1]: $(du -sm "$out" | cut -f1) MB" >&2
  rm -rf "$out"
}

echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores, shared with other sessions)"
loop read-only --read-only "$in"
loop loop "$in" "$dir/loop.out" "$as_of"
spark 1
spark 2
loop "loop again" "$in" "$dir/loop.out" "$as_of"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$rows" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
us = lambda r, k: r[k] * 1e6 / r["records"]
print()
print("| run | records | wall s | records/s | wall µs/record | task-thread CPU µs/record | process CPU µs/record | peak RSS MiB | peak heap MiB |")
print("|---|---|---|---|---|---|---|---|---|")
for r in rows:
    wall = f"{r['wall']:.1f}" + (f" ({r['wall_with_startup']:.1f} with start-up)" if "wall_with_startup" in r else "")
    print(f"| {r['run']} | {r['records']:,} | {wall} | {r['records'] / r['wall']:,.0f} | {us(r, 'wall'):.1f} "
          f"| {us(r, 'thread_cpu'):.1f} | {us(r, 'process_cpu'):.1f} | {r['rss_kib'] / 1024:.0f} | {r['heap_kib'] / 1024:.0f} |")
loops = [r for r in rows if r["run"].startswith("loop")]
ref = {k: sum(us(r, k) for r in loops) / len(loops) for k in ("wall", "thread_cpu", "process_cpu")}
s1, s2 = rows[2], rows[3]
print()
print(f"against the plain Java loop (mean of its two runs): task-thread CPU per record local[1] "
      f"{us(s1, 'thread_cpu') / ref['thread_cpu']:.2f}x, local[2] {us(s2, 'thread_cpu') / ref['thread_cpu']:.2f}x; "
      f"process CPU per record local[1] {us(s1, 'process_cpu') / ref['process_cpu']:.2f}x, "
      f"local[2] {us(s2, 'process_cpu') / ref['process_cpu']:.2f}x; wall per record local[1] "
      f"{us(s1, 'wall') / ref['wall']:.2f}x; local[2] gives {s2['records'] / s2['wall'] / (s1['records'] / s1['wall']):.2f}x "
      f"the records/s of local[1]")
PY
