#!/usr/bin/env bash
# Sentiment training and evaluation (docs/sentiment.md), from the repository root:
#   tools/sentiment.sh train      # retrain keywords/src/main/resources/dev/pantau/keywords/sentiment/{en,id}_model.bin (byte for byte)
#   tools/sentiment.sh evaluate   # every figure, each with its data and split, shipped models and the English rules alone
#   tools/sentiment.sh cv LANG FEATURES SETTINGS   # cross-validation of one setting on the training data only
#   tools/sentiment.sh experiments FEATURES NAME:EPOCHS,RATE,L2,AVERAGE_FROM,NB_BETA[,SEEDS] ...   # variants on the same English folds
# Env: PANTAU_DATA (default ../shared/data).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
data="${PANTAU_DATA:-../shared/data}"
cpfile="tools/target/sentiment-classpath.txt"
mvn -B -o -q -pl keywords,tools -am compile
[ -f "$cpfile" ] || mvn -B -o -q -pl keywords,tools -am dependency:build-classpath -Dmdep.outputFile="$root/$cpfile" -Dmdep.includeScope=runtime >/dev/null
cp="tools/target/classes:keywords/target/classes:$(cat "$cpfile")"
cmd="${1:-evaluate}"; shift || true
case "$cmd" in
  train) exec java -Xmx6g -cp "$cp" dev.pantau.tools.sentiment.SentimentTraining "$data" "$@" ;;
  evaluate) exec java -Xmx3g -cp "$cp" dev.pantau.tools.sentiment.Evaluation "$data" "$@" ;;
  cv) exec java -Xmx6g -cp "$cp" dev.pantau.tools.sentiment.Explore "$data" "$@" ;;
  experiments) exec java -Xmx8g -cp "$cp" dev.pantau.tools.sentiment.Experiments "$data" "$@" ;;
  *) echo "usage: tools/sentiment.sh train|evaluate|cv|experiments" >&2; exit 2 ;;
esac
