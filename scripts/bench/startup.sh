#!/usr/bin/env bash
# Start-up: wall time of `bin/imb inspect` on a 1 KB CSV (answered by the resident server bin/imb
# starts on first use), the same in its own JVM (IMB_SERVER=0), and the pandas one-liner that reads
# the same file, median of RUNS each; plus the first call (no server yet: it runs in its own JVM
# and starts one) and `imb --version`. With OTHER_IMB_JAR, `inspect` through another build's
# imb.jar (for example one from before a change) with the launcher's flags.
# Usage: scripts/bench/startup.sh [RUNS] [OTHER_IMB_JAR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-10}"
other="${2:-}"
IMB_SERVER=0 "$root/bin/imb" --version >/dev/null # builds on first use
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work" # a working directory of its own: its own server, started below
csv="$work/small.csv"
awk 'BEGIN { srand(1); print "a,b,c,d,class"; for (i = 0; i < 40; i++)
  printf "%.4f,%.4f,%.4f,%.4f,%d\n", rand(), rand(), rand(), rand(), rand() < 0.1 }' > "$csv"

ms() { # command... -> wall milliseconds of one run
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
median_ms() { # command...
  local times=()
  for _ in $(seq "$runs"); do times+=("$(ms "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
server_pid() { # the pid in this directory's state file, if any
  local f
  for f in "${XDG_RUNTIME_DIR:-/tmp}/imb-$UID"/*; do
    [ -f "$f" ] && case "$f" in *.lock) ;; *) awk '{print $3}' "$f" ;; esac
  done
}

echo "file: $(wc -c < "$csv") bytes, $(wc -l < "$csv") lines; median of $runs runs; $(nproc) cores; $(java -version 2>&1 | head -1)"
pids_before="$(server_pid | sort)"
first=$(ms "$root/bin/imb" inspect "$csv")
for _ in $(seq 100); do # until the server this call started is warm
  [ "$(server_pid | sort)" != "$pids_before" ] && [ -z "$(ls -d "${XDG_RUNTIME_DIR:-/tmp}/imb-$UID"/*.starting 2>/dev/null)" ] && break
  sleep 0.2
done
served=$(median_ms "$root/bin/imb" inspect "$csv")
version=$(median_ms "$root/bin/imb" --version)
own=$(IMB_SERVER=0 median_ms "$root/bin/imb" inspect "$csv")
pandas=$(median_ms /usr/bin/python3 -c "import pandas; pandas.read_csv('$csv')")
printf '%-52s %6s ms\n' "imb inspect FILE, first call (starts the server)" "$first" \
  "imb inspect FILE (bin/imb, resident server)" "$served" \
  "imb --version (bin/imb, resident server)" "$version" \
  "imb inspect FILE in its own JVM (IMB_SERVER=0)" "$own" \
  "python3 -c 'import pandas; pandas.read_csv(FILE)'" "$pandas"
printf 'pandas / imb inspect: %.2fx (in its own JVM: %.2fx)\n' "$(echo "$pandas / $served" | bc -l)" \
  "$(echo "$pandas / $own" | bc -l)"
if [ -n "$other" ]; then
  o=$(median_ms java -XX:+UseG1GC -XX:ActiveProcessorCount="$(nproc)" -Xss4m -XX:MaxRAMPercentage=75 \
    -Dai.djl.offline=true -jar "$other" inspect "$csv")
  printf '%-52s %6s ms\n' "imb inspect FILE ($other)" "$o"
fi
# the server of this run's directory is of no further use
for p in $(comm -13 <(echo "$pids_before") <(server_pid | sort)); do kill "$p" 2>/dev/null || true; done
