#!/usr/bin/env bash
# Start-up: wall time of `bin/imb inspect` on a 1 KB CSV (JVM start, the command's set-up, a small
# read) against the pandas one-liner that reads the same file, median of RUNS each, and `imb
# --version`. With OTHER_IMB_JAR, the same commands through another build's imb.jar (for example
# one from before a change) with the launcher's flags.
# Usage: scripts/bench/startup.sh [RUNS] [OTHER_IMB_JAR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-10}"
other="${2:-}"
"$root/bin/imb" --version >/dev/null # builds on first use
csv="$(mktemp --suffix=.csv)"
trap 'rm -f "$csv"' EXIT
awk 'BEGIN { srand(1); print "a,b,c,d,class"; for (i = 0; i < 40; i++)
  printf "%.4f,%.4f,%.4f,%.4f,%d\n", rand(), rand(), rand(), rand(), rand() < 0.1 }' > "$csv"

median_ms() { # command...
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "file: $(wc -c < "$csv") bytes, $(wc -l < "$csv") lines; median of $runs runs; $(nproc) cores"
imb=$(median_ms "$root/bin/imb" inspect "$csv")
version=$(median_ms "$root/bin/imb" --version)
pandas=$(median_ms /usr/bin/python3 -c "import pandas; pandas.read_csv('$csv')")
printf '%-44s %6s ms\n' "imb inspect FILE (bin/imb)" "$imb" "imb --version (bin/imb)" "$version" \
  "python3 -c 'import pandas; pandas.read_csv(FILE)'" "$pandas"
printf 'pandas / imb inspect: %.2fx\n' "$(echo "$pandas / $imb" | bc -l)"
if [ -n "$other" ]; then
  o=$(median_ms java -XX:+UseG1GC -XX:ActiveProcessorCount="$(nproc)" -Xss4m -XX:MaxRAMPercentage=75 \
    -Dai.djl.offline=true -jar "$other" inspect "$csv")
  printf '%-44s %6s ms\n' "imb inspect FILE ($other)" "$o"
fi
