package dev.pantau.keywords.bench;

import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.MatchResult;
import dev.pantau.keywords.MatcherConfig;
import dev.pantau.keywords.MentionFields;
import dev.pantau.keywords.MentionMatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Matching benchmark (issue 3): analysis alone, the monitor path (batched), brute force, heap of the
 * registered queries, registration and update time, at several query counts, on one thread.
 *
 * <p>Run with {@code keywords/bench-matcher.sh [--sizes 100,1000,10000,100000] [--mentions 20000]
 * [--batch 512] [--presearcher TERM_FILTERED|MULTIPASS] [--tune]}. Rates are per second of the
 * matching thread's CPU time (one core), with wall-clock rates beside them; ratios are taken within one
 * run.
 */
public final class MatcherBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    int[] sizes = {100, 1_000, 10_000, 100_000};
    int mentionCount = 20_000;
    int batch = MatcherConfig.DEFAULT_BATCH_SIZE;
    MatcherConfig.PresearcherKind presearcher = MatcherConfig.DEFAULT_PRESEARCHER;
    boolean tune = false;
    boolean bruteForce = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--mentions" -> mentionCount = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--presearcher" -> presearcher = MatcherConfig.PresearcherKind.valueOf(args[++i]);
        case "--tune" -> tune = true;
        case "--no-brute" -> bruteForce = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    int maxSize = Arrays.stream(sizes).max().orElse(100);
    BenchData data = new BenchData(7, Math.max(maxSize, 10_000));
    System.out.printf(Locale.ROOT, "# Pantau matcher benchmark: %d mentions (~280 chars, EN/ID), batch %d, %s, java %s, %d cpus%n",
        mentionCount, batch, presearcher, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

    if (tune) {
      tune(data, mentionCount);
      return;
    }
    System.out.println("queries | register s | heap MiB | analysis/s | matcher/s (wall) | brute/s | x brute | of analysis | candidates/batch | brands/mention | update 1% s");
    for (int size : sizes) {
      List<MentionFields> mentions = data.mentions(mentionCount, size);
      KeywordSet set = new KeywordSet(data.brands(size), List.of());
      MatcherConfig config = MatcherConfig.defaults().batchSize(batch).presearcher(presearcher);
      long heap0 = usedHeap();
      long t0 = System.nanoTime();
      MentionMatcher m = MentionMatcher.create(set, config);
      double register = (System.nanoTime() - t0) / 1e9;
      long heap1 = usedHeap();

      double analysis = rate(() -> {
        for (MentionFields f : mentions) {
          m.analyzeOnly(f);
        }
      }, mentions.size());
      m.match(mentions.subList(0, Math.min(2000, mentions.size()))); // warm-up
      long runs0 = m.queriesRunCount();
      long[] brandsFound = {0};
      double[] wall = new double[1];
      double matcher = rate(() -> {
        for (MatchResult r : m.match(mentions)) {
          brandsFound[0] += r.brands().size();
        }
      }, mentions.size(), wall);
      long batches = (mentions.size() + batch - 1) / batch;
      double candidates = (m.queriesRunCount() - runs0) / (double) batches;

      int bruteCount = bruteForce ? (int) Math.max(10, Math.min(2000, 2_000_000L / size)) : 0;
      List<MentionFields> bruteMentions = mentions.subList(0, Math.min(bruteCount, mentions.size()));
      double brute = bruteCount == 0 ? Double.NaN : rate(() -> m.matchBruteForce(bruteMentions), bruteMentions.size());
      List<MatchResult> a = m.match(bruteMentions);
      List<MatchResult> b = m.matchBruteForce(bruteMentions);
      if (!a.equals(b)) {
        System.out.println("!! monitor and brute force disagree at " + size + " queries");
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

      System.out.printf(Locale.ROOT, "%7d | %10.1f | %8.0f | %10.0f | %9.0f (%6.0f) | %7.0f | %7.0f | %10.2f | %16.0f | %14.2f | %.2f%n",
          size, register, (heap1 - heap0) / 1048576.0, analysis, matcher, wall[0], brute, matcher / brute,
          matcher / analysis, candidates, brandsFound[0] / (double) mentions.size(), update);
      if (m.queryErrorCount() > 0) {
        System.out.println("!! query errors: " + m.queryErrorCount());
      }
      m.close();
    }
  }

  /** At 10,000 queries: what batching and the presearcher choice buy. */
  private static void tune(BenchData data, int mentionCount) throws Exception {
    int size = 10_000;
    List<MentionFields> mentions = data.mentions(mentionCount, size);
    KeywordSet set = new KeywordSet(data.brands(size), List.of());
    System.out.println("presearcher | batch | register s | heap MiB | matcher/s | candidates/mention");
    for (MatcherConfig.PresearcherKind p : MatcherConfig.PresearcherKind.values()) {
      long heap0 = usedHeap();
      long t0 = System.nanoTime();
      MentionMatcher m = MentionMatcher.create(set, MatcherConfig.defaults().presearcher(p));
      double register = (System.nanoTime() - t0) / 1e9;
      long heap = usedHeap() - heap0;
      for (int batch : new int[] {1, 16, 64, 256, 512, 1024, 2048}) {
        MentionMatcher mb = MentionMatcher.create(set, MatcherConfig.defaults().presearcher(p).batchSize(batch));
        List<MentionFields> ms = batch == 1 ? mentions.subList(0, Math.min(3000, mentions.size())) : mentions;
        mb.match(ms.subList(0, Math.min(1000, ms.size())));
        long r0 = mb.queriesRunCount();
        double rate = rate(() -> mb.match(ms), ms.size());
        double cand = (mb.queriesRunCount() - r0) / (double) ms.size();
        System.out.printf(Locale.ROOT, "%-11s | %5d | %10.1f | %8.0f | %9.0f | %.1f%n", p, batch, register, heap / 1048576.0, rate, cand);
        mb.close();
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
