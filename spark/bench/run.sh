#!/usr/bin/env bash
# The Spark nightly's benchmark (make spark-bench; docs/spark.md). Called by spark/Makefile with
#   run.sh "JAVA -cp CLASSPATH" BENCH_DIR AS_OF "MAKE -C spark check"
# after BENCH_DIR/input/ holds the generated records (gzip files). In one run, on one input:
#   read-only   reading and splitting the lines alone (gunzip included): the floor of every row
#   loop        the kernel's check in a plain Java loop, one thread (CheckLoop), -Xmx1g
#   local[1]    the Spark job on one core, driver (= executor) heap 1g
#   local[2]    the Spark job on two cores
#   loop again  the loop once more: how much the shared machine drifted during the run
# Every row writes its output beside the input and deletes it afterwards.
set -euo pipefail -f  # -f: the class path holds a jars/* for java, not for the shell
java_cp=$1 dir=$2 as_of=$3 check=$4
in=$dir/input
json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(*[d[k] for k in sys.argv[2:]])' "$@"; }

echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores, shared with other sessions)"
rows=()
loop() {
  local line
  line=$($java_cp -Xmx1g org.govit.spark.tools.CheckLoop "$@")
  echo "$line" >&2
  rm -f "$dir/loop.out"
  # loop N records S s R records/s peak_rss_kib K peak_heap_kib H
  set -- $line
  rows+=("| $1 | $2 | $4 | $6 | $(python3 -c "print(round($4 * 1e6 / $2, 1))") | $9 | ${11} |")
  if [ "$1" = loop ]; then loop_us+=("$(python3 -c "print($4 * 1e6 / $2)")"); fi
}
loop_us=()
loop --read-only "$in"
loop "$in" "$dir/loop.out" "$as_of"
spark_us=()
for cores in 1 2; do
  out=$dir/out-$cores
  start=$(date +%s.%N)
  $check MASTER="local[$cores]" INPUT="$in" OUTPUT="$out" AS_OF="$as_of" SPARK_OPTS="--driver-memory 1g" >&2
  wall=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
  read -r records job rss heap partitions < <(json "$out/_summary.json" records job_seconds executor_peak_rss_kib executor_peak_heap_kib partitions)
  du -sm "$out" | awk '{print "# output of local['"$cores"']: " $1 " MB"}' >&2
  rm -rf "$out"
  us=$(python3 -c "print($job * 1e6 / $records)")
  spark_us+=("$us")
  rows+=("| local[$cores] ($partitions partitions) | $records | $job (wall with start-up: $wall) | $(python3 -c "print(round($records / $job))") | $(python3 -c "print(round($us, 1))") | $rss | $heap |")
done
loop "$in" "$dir/loop.out" "$as_of"

echo
echo "| run | records | seconds | records/s | µs per record (wall) | peak RSS KiB | peak heap KiB |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
python3 - "${loop_us[@]}" "${spark_us[@]}" <<'PY'
import sys
loop1, loop2, s1, s2 = map(float, sys.argv[1:5])
ref = (loop1 + loop2) / 2
print()
print(f"per record, against the plain Java loop (mean of its two runs, {ref:.1f} µs):"
      f" local[1] {s1 / ref:.2f}x, local[2] {s2 / ref:.2f}x of the wall time;"
      f" local[2] gives {s1 / s2:.2f}x the records/s of local[1]")
PY
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
