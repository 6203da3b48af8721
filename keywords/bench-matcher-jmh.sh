#!/bin/sh
# Matcher throughput with JMH: Pantau's matcher, the stock Lucene monitor and analysis alone, in one run.
# Usage: keywords/bench-matcher-jmh.sh [JMH options, e.g. -p queries=1000 -f 1 -wi 2 -i 3]
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o -pl keywords test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
CP="keywords/target/test-classes:keywords/target/classes:$(cat keywords/target/bench.classpath)"
exec java $JAVA_OPTS -cp "$CP" org.openjdk.jmh.Main 'dev.pantau.keywords.bench.MatcherJmh' "$@"
