#!/usr/bin/env bash
# Draws docs/img/augment-grid.png: Fashion-MNIST test images (Debian package dataset-fashion-mnist,
# installed if absent) under each augmentation, to check by eye.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
d=/usr/share/datasets/fashion-mnist
[ -f "$d/t10k-images-idx3-ubyte.gz" ] || apt-get install -y dataset-fashion-mnist >/dev/null
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
java -cp "$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*" \
  org.imbalanced4j.bench.AugmentGrid "$d/t10k-images-idx3-ubyte.gz" "$d/t10k-labels-idx1-ubyte.gz" \
  "$root/docs/img/augment-grid.png"
