#!/usr/bin/env bash
# The Spark module at scale on this machine (local[2]): generates ROWS x 20 Gaussian features with
# 1% minority and a score as Parquet, then times random under-sampling, SMOTE and exact ROC AUC +
# AP from it (rows/s, task time and shuffle bytes per row, peak memory of the JVM, in which local
# executors run), SMOTE on 1M rows by Spark and by core side by side, and an estimate for 1B rows
# on 100 executors from the measured per-row costs (an estimate, not a measurement).
# Usage: scripts/bench/spark.sh [ROWS] [MASTER]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows="${1:-10000000}"
master="${2:-local[2]}"
data="$root/bench-data/spark_${rows}x20.parquet"
mkdir -p "$root/bench-data"
(cd "$root" && mvn -q -B -DskipTests install >/dev/null && mvn -q -B -DskipTests -pl bench package >/dev/null)
opens="$(cd "$root" && mvn -q -B help:evaluate -Dexpression=spark.opens -DforceStdout 2>/dev/null | sed "s/\x1b\[[0-9;]*m//g")"
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
run() { java -XX:+UseG1GC -Xmx12g $opens -cp "$cp" org.imbalanced4j.bench.SparkBench "$@" 2> >(grep -v "^SLF4J\|WARN\|^\s*$" >&2); }

if [ ! -d "$data" ]; then
  echo "generating $data ..." >&2
  run generate "$data" "$rows"
fi
out="$(run run "$data" "$master")"
echo "$out"
run smote "$data" 1000000 "$master"

# The estimate: task time per row spread over 100 executors of 2 cores, shuffle bytes at 100 MB/s
# per executor, SMOTE's broadcast of the 1% minority (20 floats a row) to every executor.
while IFS= read -r line; do
  case "$line" in
    *"rows/s"*)
      name="$(echo "$line" | sed -E 's/ +[0-9.]+ s .*//')"
      us="$(echo "$line" | sed -E 's/.*\(([0-9.]+) us\/row\).*/\1/')"
      b="$(echo "$line" | sed -E 's/.*\(([0-9.]+) B\/row\).*/\1/')"
      awk -v name="$name" -v us="$us" -v b="$b" -v n=1e9 -v ex=100 -v cores=2 'BEGIN {
        printf "estimate, 1B rows on %d executors x %d cores: %-34s compute %6.0f s + shuffle %5.0f s (%.0f GB)\n",
          ex, cores, name, us * 1e-6 * n / (ex * cores), b * n / (ex * 100e6), b * n / 1e9 }'
      ;;
  esac
done <<< "$out"
echo "estimate, SMOTE's broadcast: 1% of 1B rows = 10M minority rows x 20 floats = 763 MB to every executor" \
  "(above the default maxBroadcastMb of 512: raise it, executors permitting)"
