#!/bin/sh
# Fetches the English review sentences the sentiment evaluation also scores (not needed by the
# build or the tests): the UCI "Sentiment Labelled Sentences" (Kotzias et al., KDD 2015; CC BY 4.0),
# 1,000 Amazon, 1,000 IMDb and 1,000 Yelp sentences labelled positive or negative, as the npm
# package sentiment@5.0.2 ships them in its test fixtures. Nothing of it is shipped with Pantau.
#
# Usage: keywords/fetch-english-reviews.sh [target dir, default keywords/target/english-reviews]
set -e
cd "$(dirname "$0")/.."
OUT=${1:-keywords/target/english-reviews}
URL=https://registry.npmjs.org/sentiment/-/sentiment-5.0.2.tgz
SHA256=89302eb03d2005d03b214fe65814bb48adb7d3c42c8ca80bdee6a3ecb7e4480f
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
curl -fsSL -o "$TMP/sentiment.tgz" "$URL"
echo "$SHA256  $TMP/sentiment.tgz" | sha256sum -c --quiet -
tar xzf "$TMP/sentiment.tgz" -C "$TMP" package/test/fixtures
mkdir -p "$OUT"
cp "$TMP"/package/test/fixtures/amazon.json "$TMP"/package/test/fixtures/imdb.json \
  "$TMP"/package/test/fixtures/yelp.json "$OUT"/
echo "English review sentences in $OUT"
