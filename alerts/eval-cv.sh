#!/usr/bin/env bash
# Leave-one-series-out cross-validation of the spike/drop detector's defaults on NAB (see docs/alerts.md):
# builds the alerts module's test classes, runs NabCrossValidation over ../shared/data/nab-dev (the five
# Twitter-volume series) and nab-more (all but the held-out series), then scores the alert files it wrote
# with ../shared/tools/nab_score.py, so every reported figure also comes from the Python scorer.
# Last, EvaluatorBench times the shipped detector against two references in the same run (points/s).
#   alerts/eval-cv.sh [--held-out]     (--held-out also scores the held-out series once)
# Env: PANTAU_SHARED (default: ../shared beside the repository), PYTHON. Single-threaded; run it niced.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${PANTAU_SHARED:-}"
if [ -z "$shared" ]; then
  for c in "$root/../shared" "$root/../../shared"; do [ -d "$c/data/nab-dev" ] && shared="$(cd "$c" && pwd)" && break; done
fi
score="$shared/tools/nab_score.py"
py="${PYTHON:-python3}"
[ -d "$shared/data/nab-dev" ] && [ -d "$shared/data/nab-more" ] && [ -f "$score" ] \
  || { echo "NAB data or nab_score.py not found (set PANTAU_SHARED)" >&2; exit 2; }
cpfile="$here/target/eval-classpath.txt"
(cd "$root" && mvn -B -q -pl alerts -am test-compile \
  && { [ -f "$cpfile" ] || mvn -B -q -pl alerts dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=runtime; })
out="$here/target/nab-cv"
mkdir -p "$out"
rm -f "$out"/*.jsonl # alert files of an earlier run (or of a family since renamed) would be scored too
java -cp "$here/target/classes:$here/target/test-classes:$(cat "$cpfile")" dev.pantau.alerts.NabCrossValidation \
  "$shared" "$out" "$@"

echo
echo "== the same alert files scored by nab_score.py (Twitter five: three profiles; others: standard per category)"
tw="$(cd "$shared/data/nab-dev" && ls Twitter_volume_*.csv | paste -sd,)"
for f in "$out"/loo-*.jsonl "$out"/all-*.jsonl "$out"/heldout-*.jsonl; do
  [ -f "$f" ] || continue
  line="$(basename "$f" .jsonl):"
  case "$f" in
    */heldout-*) ;;
    *) for p in standard reward_low_FP_rate reward_low_FN_rate; do
         s="$("$py" "$score" --labels "$shared/data/nab-dev/windows.json" --data-dir "$shared/data/nab-dev" \
              --detections "$f" --files "$tw" --profile "$p" 2>/dev/null | tail -1 | awk '{print $NF}')"
         line="$line tw-$p=$s"
       done ;;
  esac
  for cat in $(cd "$shared/data/nab-more" && ls -d */ | tr -d /); do
    # score every labelled file of the category that the run covered (alert-free files count too)
    covered="$("$py" - "$shared/data/nab-more/windows.json" "$cat" "$f" <<'PY'
import json, sys, hashlib
labels = json.load(open(sys.argv[1])); cat = sys.argv[2]; held = "heldout-" in sys.argv[3]
def ho(n): return int(hashlib.sha1(n.encode()).hexdigest(), 16) % 4 == 0
print(",".join(k for k in sorted(labels) if k.startswith(cat + "/") and ho(k.split("/")[1]) == held))
PY
)"
    [ -n "$covered" ] || continue
    s="$("$py" "$score" --labels "$shared/data/nab-more/windows.json" --data-dir "$shared/data/nab-more" \
         --detections "$f" --files "$covered" --profile standard 2>/dev/null | tail -1 | awk '{print $NF}')"
    line="$line $cat=$s"
  done
  echo "$line"
done

echo
echo "== evaluator throughput, one core (EvaluatorBench 200 3000)"
java -cp "$here/target/classes:$here/target/test-classes:$(cat "$cpfile")" dev.pantau.alerts.EvaluatorBench 200 3000
