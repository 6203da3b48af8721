#!/usr/bin/env bash
# NAB evaluation of the alert detectors: runs Backtest with a rule file (default: eval/nab-spike.yaml,
# the required fields only) over every NAB realTweets series in the data folder, then scores the firing
# alerts with nab_score.py on the standard, low-FP and low-FN profiles.
#   alerts/eval-nab.sh [RULE.yaml ...]        (from the repository root or anywhere)
# Env: PANTAU_SHARED (default: ../shared beside the repository), NAB_DATA, PYTHON.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${PANTAU_SHARED:-}"
if [ -z "$shared" ]; then
  for c in "$root/../shared" "$root/../../shared"; do [ -d "$c/data/nab-dev" ] && shared="$(cd "$c" && pwd)" && break; done
fi
data="${NAB_DATA:-$shared/data/nab-dev}"
score="$shared/tools/nab_score.py"
py="${PYTHON:-python3}"
[ -d "$data" ] && [ -f "$score" ] || { echo "NAB data or nab_score.py not found (set PANTAU_SHARED)" >&2; exit 2; }

jar="$here/target/pantau-alerts-0.1.0-SNAPSHOT.jar"
cpfile="$here/target/eval-classpath.txt"
if [ ! -f "$jar" ] || [ ! -f "$cpfile" ] || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "building pantau-alerts ..." >&2
  (cd "$root" && mvn -B -q -pl alerts -am package -DskipTests \
     && mvn -B -q -pl alerts dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=runtime)
fi
cp="$jar:$(cat "$cpfile")"

rules=("$@")
[ ${#rules[@]} -eq 0 ] && rules=("$here/eval/nab-spike.yaml")
for rule in "${rules[@]}"; do
  out="$here/target/nab/$(basename "$rule" .yaml)"
  mkdir -p "$out"
  : > "$out/detections.jsonl"
  for csv in "$data"/*.csv; do
    name="$(basename "$csv")"
    java -cp "$cp" dev.pantau.alerts.Backtest --series "$csv" --rule "$rule" > "$out/${name%.csv}.alerts.jsonl" 2>"$out/${name%.csv}.log"
    "$py" -c '
import json, sys
name = sys.argv[1]
for line in open(sys.argv[2]):
    a = json.loads(line)
    if a["status"] == "firing":
        print(json.dumps({"file": name, "timestamp": a["start"]}))
' "$name" "$out/${name%.csv}.alerts.jsonl" >> "$out/detections.jsonl"
  done
  echo "== $(basename "$rule"): $(wc -l < "$out/detections.jsonl") firing alerts (details in $out)"
  for profile in standard reward_low_FP_rate reward_low_FN_rate; do
    "$py" "$score" --labels "$data/windows.json" --data-dir "$data" --detections "$out/detections.jsonl" \
      --profile "$profile" > "$out/score-$profile.txt"
    [ "$profile" = standard ] && sed '$d' "$out/score-$profile.txt" | sed 's/^/  /'
    tail -1 "$out/score-$profile.txt" | sed 's/^/  /'
  done
done
