package dev.pantau.keywords.bench;

import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.MatchResult;
import dev.pantau.keywords.MatcherInternals;
import dev.pantau.keywords.MentionFields;
import dev.pantau.keywords.MentionMatcher;
import dev.pantau.keywords.MonitorBaseline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Matching benchmark (issue 3): analysis alone, the matcher, the stock Lucene monitor it replaced,
 * brute force, heap of the registered queries, registration and update time, at several query
 * counts, on one thread.
 *
 * <p>Run with {@code keywords/bench-matcher.sh [--sizes 100,1000,10000,100000] [--mentions 20000]
 * [--no-brute] [--no-monitor]}. Rates are per second of the matching thread's CPU time (one core),
 * with wall-clock rates beside them; ratios are taken within one run. Each size runs twice and the
 * second round is printed, so JIT warm-up does not land on the first size.
 */
public final class MatcherBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    int[] sizes = {100, 1_000, 10_000, 100_000};
    int mentionCount = 20_000;
    boolean bruteForce = true;
    boolean monitor = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" ->
            sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--mentions" -> mentionCount = Integer.parseInt(args[++i]);
        case "--no-brute" -> bruteForce = false;
        case "--no-monitor" -> monitor = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    int maxSize = Arrays.stream(sizes).max().orElse(100);
    BenchData data = new BenchData(7, Math.max(maxSize, 10_000));
    System.out.printf(
        Locale.ROOT,
        "# Pantau matcher benchmark: %d mentions (~280 chars, EN/ID), java %s, %d cpus%n",
        mentionCount,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        "queries | register s (monitor) | heap MiB | analysis/s | matcher/s (wall) | of analysis | monitor/s | x monitor | brute/s | x brute | candidates/mention | brands/mention | update 1% s");
    for (int size : sizes) {
      List<MentionFields> mentions = data.mentions(mentionCount, size);
      KeywordSet set = new KeywordSet(data.brands(size), List.of());
      // The stock monitor first, closed before the matcher is built: both at 100,000 queries do not
      // fit in 2 GiB.
      double monitorRate = Double.NaN;
      double monitorRegister = Double.NaN;
      if (monitor) {
        long r0 = System.nanoTime();
        try (MonitorBaseline b = new MonitorBaseline(set)) {
          monitorRegister = (System.nanoTime() - r0) / 1e9;
          b.match(mentions.subList(0, Math.min(4000, mentions.size()))); // warm-up
          monitorRate =
              rate(
                  () -> {
                    try {
                      b.match(mentions);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  },
                  mentions.size());
        }
      }

      long heap0 = usedHeap();
      long t0 = System.nanoTime();
      MentionMatcher m = MentionMatcher.create(set);
      double register = (System.nanoTime() - t0) / 1e9;
      long heap1 = usedHeap();

      double analysis = 0;
      double matcher = 0;
      double[] wall = new double[1];
      long[] brandsFound = {0};
      long runs0 = 0;
      for (int round = 0; round < 2; round++) {
        analysis =
            rate(
                () -> {
                  for (MentionFields f : mentions) {
                    MatcherInternals.analyzeOnly(m, f);
                  }
                },
                mentions.size());
        brandsFound[0] = 0;
        runs0 = MatcherInternals.queriesRunCount(m);
        matcher =
            rate(
                () -> {
                  for (MatchResult r : m.match(mentions)) {
                    brandsFound[0] += r.brands().size();
                  }
                },
                mentions.size(),
                wall);
      }
      double candidates = (MatcherInternals.queriesRunCount(m) - runs0) / (double) mentions.size();

      int bruteCount = bruteForce ? (int) Math.max(10, Math.min(2000, 2_000_000L / size)) : 0;
      List<MentionFields> bruteMentions =
          mentions.subList(0, Math.min(Math.max(bruteCount, 10), mentions.size()));
      double brute =
          bruteCount == 0
              ? Double.NaN
              : rate(
                  () -> MatcherInternals.matchBruteForce(m, bruteMentions), bruteMentions.size());
      List<MatchResult> a = m.match(bruteMentions);
      List<MatchResult> b = MatcherInternals.matchBruteForce(m, bruteMentions);
      if (!a.equals(b)) {
        System.out.println("!! matcher and brute force disagree at " + size + " queries");
      }

      // Live update: 1% of the brands change their query, 0.5% are removed, 0.5% are new.
      List<Brand> changed = new ArrayList<>(set.brands());
      int k = Math.max(1, size / 100);
      for (int i = 0; i < k; i++) {
        Brand old = changed.get(i);
        changed.set(i, Brand.of(old.id(), old.query() + " -spam"));
      }
      for (int i = 0; i < k / 2; i++) {
        changed.remove(changed.size() - 1);
      }
      for (int i = 0; i < k / 2; i++) {
        changed.add(Brand.of("new" + i, "newbrand" + i + " OR @newbrand" + i));
      }
      long u0 = System.nanoTime();
      m.update(new KeywordSet(changed, List.of()));
      double update = (System.nanoTime() - u0) / 1e9;

      System.out.printf(
          Locale.ROOT,
          "%7d | %6.1f (%6.1f) | %8.0f | %10.0f | %9.0f (%6.0f) | %11.2f | %9.0f | %9.1f | %7.0f | %7.0f | %18.2f | %14.2f | %.2f%n",
          size,
          register,
          monitorRegister,
          (heap1 - heap0) / 1048576.0,
          analysis,
          matcher,
          wall[0],
          matcher / analysis,
          monitorRate,
          matcher / monitorRate,
          brute,
          matcher / brute,
          candidates,
          brandsFound[0] / (double) mentions.size(),
          update);
      if (m.queryErrorCount() > 0) {
        System.out.println("!! query errors: " + m.queryErrorCount());
      }
      m.close();
    }
  }

  private static double rate(Runnable r, int n) {
    return rate(r, n, new double[1]);
  }

  /** Items per second of this thread's CPU time; {@code wall[0]} gets the wall-clock rate. */
  private static double rate(Runnable r, int n, double[] wall) {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    r.run();
    long c1 = THREADS.getCurrentThreadCpuTime();
    long w1 = System.nanoTime();
    wall[0] = n / ((w1 - w0) / 1e9);
    return n / ((c1 - c0) / 1e9);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      best = Math.min(best, rt.totalMemory() - rt.freeMemory());
    }
    return best;
  }
}
