package dev.pantau.keywords.bench;

import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.MatchResult;
import dev.pantau.keywords.MatcherInternals;
import dev.pantau.keywords.MentionFields;
import dev.pantau.keywords.MentionMatcher;
import dev.pantau.keywords.MonitorBaseline;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Mentions matched per second (JMH, one thread): Pantau's matcher, the stock Lucene monitor it
 * replaced, and analysis alone (the floor any matcher pays), on the same mentions and brands, in
 * one run so the ratios hold on a shared machine. {@link MatcherBenchmark} adds what JMH cannot
 * measure well: heap of the registered queries, registration and update time, brute force at
 * 100,000 queries.
 *
 * <p>Run with {@code keywords/bench-matcher-jmh.sh} (arguments go to JMH, e.g. {@code -p
 * queries=1000}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class MatcherJmh {
  static final int MENTIONS = 2_000;

  @Param({"100", "10000"})
  int queries;

  private List<MentionFields> mentions;
  private MentionMatcher matcher;
  private MonitorBaseline monitor;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    BenchData data = new BenchData(7, Math.max(queries, 10_000));
    mentions = data.mentions(MENTIONS, queries);
    KeywordSet set = new KeywordSet(data.brands(queries), List.of());
    matcher = MentionMatcher.create(set);
    monitor = new MonitorBaseline(set);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    matcher.close();
    monitor.close();
  }

  @Benchmark
  @OperationsPerInvocation(MENTIONS)
  public void pantauMatcher(Blackhole bh) {
    for (MatchResult r : matcher.match(mentions)) {
      bh.consume(r);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MENTIONS)
  public void luceneMonitor(Blackhole bh) throws IOException {
    bh.consume(monitor.match(mentions));
  }

  @Benchmark
  @OperationsPerInvocation(MENTIONS)
  public void analysisOnly(Blackhole bh) {
    for (MentionFields f : mentions) {
      bh.consume(MatcherInternals.analyzeOnly(matcher, f));
    }
  }
}
