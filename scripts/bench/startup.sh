#!/usr/bin/env bash
# Start-up of commands that do not use Spark: the wall time of `imb --version` and of
# `imb inspect builtin:pima` (JVM start, class loading, a small read), median of N runs, for the
# current build and, if given, another build's imb.jar (for example one from before Spark).
# Usage: scripts/bench/startup.sh [RUNS] [OTHER_IMB_JAR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-15}"
other="${2:-}"
"$root/bin/imb" --version >/dev/null # builds on first use
jar="$root/cli/target/imb/imb.jar"

median_ms() { # jar, args...
  local j="$1"; shift
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    java -XX:+UseG1GC -XX:ActiveProcessorCount="$(nproc)" -Xss4m -XX:MaxRAMPercentage=75 \
      -Dai.djl.offline=true -jar "$j" "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

printf '%-32s %10s' "command" "this (ms)"
[ -n "$other" ] && printf ' %10s %7s' "other (ms)" "ratio"
echo
for cmd in "--version" "inspect builtin:pima"; do
  # shellcheck disable=SC2086
  a=$(median_ms "$jar" $cmd)
  printf '%-32s %10s' "imb $cmd" "$a"
  if [ -n "$other" ]; then
    # shellcheck disable=SC2086
    b=$(median_ms "$other" $cmd)
    printf ' %10s %7.2f' "$b" "$(echo "$a / $b" | bc -l)"
  fi
  echo
done
echo "class path entries: this $(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -o 'lib/' | wc -l)" \
  "$( [ -n "$other" ] && echo ", other $(unzip -p "$other" META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -o 'lib/' | wc -l)")"
