#!/usr/bin/env bash
# Does an imbalance-aware loss help? Same MLP, epochs and seeds for every loss; macro-F1 and
# minority recall on untouched test rows (stratified 60/20/20 split), mean of the seeds.
# Usage: scripts/bench/losses.sh [EPOCHS] [SEEDS] [DATASET...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
epochs="${1:-20}"; seeds="${2:-3}"; shift $(( $# > 2 ? 2 : $# )) || true
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(builtin:satimage builtin:lending_club)
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
java -Xmx4g -cp "$cp" org.imbalanced4j.bench.LossComparisonBench "$epochs" "$seeds" "${sets[@]}" | /usr/bin/python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
print(f"{\"data\":<22}{\"loss\":<16}{\"macro-F1\":>10}{\"minority recall\":>17}")
for r in rows:
    print(f"{r[\"data\"]:<22}{r[\"loss\"]:<16}{r[\"macro_f1\"]:>10.4f}{r[\"minority_recall\"]:>17.4f}")
'
