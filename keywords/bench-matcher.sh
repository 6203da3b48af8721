#!/bin/sh
# Matching benchmark (issue 3). Usage: keywords/bench-matcher.sh [--sizes 100,1000,10000,100000]
#   [--mentions 20000] [--no-brute] [--no-monitor]
# Builds the keywords module's test classes, then runs one JVM capped at 2 GiB of heap.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -pl keywords test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
CP="keywords/target/test-classes:keywords/target/classes:$(cat keywords/target/bench.classpath)"
exec java $JAVA_OPTS -Xms2g -Xmx2g -XX:+UseParallelGC -XX:ActiveProcessorCount=1 -cp "$CP" \
  dev.pantau.keywords.bench.MatcherBenchmark "$@"
