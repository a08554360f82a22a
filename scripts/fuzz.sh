#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of every reader: CSV, ARFF, LibSVM, IDX, PNG/JPEG images, a
# model directory's model.json and binary file, compare's results.sqlite (core), a network's
# params.bin (djl), and YAML grids (cli). Each target runs DURATION in fuzzing mode, JOBS at a
# time; a finding is written by Jazzer into the target's corpus folder
# (src/test/resources/.../<Test>Inputs/<target>/crash-*),
# where `mvn test` replays it from then on, so it stays a failing test until it is fixed.
# Prints, per target, the executions and the findings.
# Usage: scripts/fuzz.sh [DURATION (10m)] [JOBS (2)] [TARGET ...]   (TARGET: csv, arff, ..., params, yaml)
#        scripts/fuzz.sh --seeds   (rewrites the seed corpora and valid files: core's FuzzSeeds, djl's params)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ "${1:-}" = "--seeds" ]; then
  mvn -q -B -DskipTests install >/dev/null
  mvn -q -B -pl core test-compile >/dev/null
  cp="core/target/test-classes:core/target/classes:$(mvn -q -B -pl core dependency:build-classpath \
    -Dmdep.outputFile=/dev/stdout)"
  java -cp "$cp" org.imbalanced4j.fuzz.FuzzSeeds core/src/test/resources/org/imbalanced4j/fuzz
  mvn -q -B -pl djl test-compile >/dev/null
  cp="djl/target/test-classes:djl/target/classes:$(mvn -q -B -pl djl dependency:build-classpath \
    -Dmdep.outputFile=/dev/stdout)"
  java -Dai.djl.offline=true -cp "$cp" org.imbalanced4j.djl.fuzz.NetworkModelFuzzTest \
    djl/src/test/resources/org/imbalanced4j/djl/fuzz/NetworkModelFuzzTestInputs/params
  exit 0
fi
duration="${1:-10m}"
jobs="${2:-2}"
shift $(( $# > 2 ? 2 : $# ))
core=(csv arff libsvm idx image modelJson modelBinary resultStore)
all=("${core[@]}" params yaml)
targets=("${@:-${all[@]}}")
[ $# -eq 0 ] && targets=("${all[@]}")

mvn -q -B -DskipTests install >/dev/null
mvn -q -B -pl core,djl,cli test-compile >/dev/null
logs="$root/target/fuzz"
mkdir -p "$logs"

fuzz() { # target
  local t="$1" module test
  if [ "$t" = yaml ]; then
    module=cli test="org.imbalanced4j.cli.grid.GridFuzzTest#yaml"
  elif [ "$t" = params ]; then
    module=djl test="org.imbalanced4j.djl.fuzz.NetworkModelFuzzTest#params"
  else
    module=core test="org.imbalanced4j.fuzz.ReadersFuzzTest#$t"
  fi
  local log="$logs/$t.log" status=ok
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" mvn -o -q -B -pl "$module" surefire:test -Dtest="$test" \
    -Dsurefire.reportsDirectory="target/fuzz-reports/$t" -DtrimStackTrace=false \
    -DargLine="-Xmx1g -XX:+UseParallelGC" >"$log" 2>&1 || status=FINDING
  local runs
  runs="$(grep -aoE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)"
  printf '%-12s %-8s %s (log: %s)\n' "$t" "$status" "${runs:-no libFuzzer summary}" "${log#"$root"/}"
}
export -f fuzz
export duration logs root
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'fuzz {}'
git -C "$root" status --short -- '*Inputs/*' | sed 's/^/new corpus entry: /'
