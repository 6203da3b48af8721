package dev.pantau.flink.job.copies;

import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;

/**
 * The cost of copy detection per mention, printed, not asserted (BENCHMARKS.md): the {@link
 * CopyDetector} in a Flink test harness (heap state, as replay has it) against a pass-through
 * operator in the same harness, over one brand's mentions, a watermark every 1,000 as replay sends
 * them. Three inputs: every text different (a new cluster each, the most state), a burst of copies
 * by different authors (one cluster), and tweet-like texts drawn from a few hundred templates with
 * a few words changed (most near-duplicate candidates, most similarity checks).
 *
 * <p>Run: {@code java -cp
 * "flink-jobs/target/test-classes:flink-jobs/target/classes:keywords/target/classes:alerts/target/classes:$(cat
 * flink-jobs/target/classpath.txt)" dev.pantau.flink.job.copies.CopyDetectionBenchmark [N]}
 */
public final class CopyDetectionBenchmark {
  private static final long T0 = 1_795_000_000_000L;

  /** The same harness and records, with nothing done: what the harness itself costs. */
  static final class PassThrough extends KeyedProcessFunction<String, BrandPost, BrandPost> {
    @Override
    public void processElement(BrandPost p, Context ctx, Collector<BrandPost> out) {
      out.collect(p);
    }
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Random r = new Random(1);
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      vocabulary.add("kata" + i);
    }
    List<String> templates = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      templates.add(sentence(r, vocabulary, 12 + r.nextInt(14)));
    }
    List<BrandPost> unique = new ArrayList<>();
    List<BrandPost> burst = new ArrayList<>();
    List<BrandPost> templated = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long t = T0 + i * 3_000L * 3_600 / n; // n mentions in three hours
      unique.add(post(i, t, sentence(r, vocabulary, 12 + r.nextInt(14))));
      burst.add(
          post(
              i,
              t,
              "Get FREE telkomsel vouchers now, click the link before they run out "
                  + (i % 7 == 0 ? "🔥" : "")));
      String[] w = templates.get(r.nextInt(templates.size())).split(" ");
      for (int k = r.nextInt(3); k > 0; k--) {
        w[r.nextInt(w.length)] = vocabulary.get(r.nextInt(vocabulary.size()));
      }
      templated.add(post(i, t, String.join(" ", w)));
    }
    System.out.printf(
        "copy detection, %,d mentions of one brand per input, best of 3 rounds:%n", n);
    for (int round = 0; round < 3; round++) {
      double base =
          Math.min(run(new PassThrough(), unique, false), run(new PassThrough(), burst, false));
      double u = run(new CopyDetector(), unique, round == 2);
      double b = run(new CopyDetector(), burst, round == 2);
      double t = run(new CopyDetector(), templated, round == 2);
      System.out.printf(
          "round %d: pass-through %.2f µs/mention; CopyDetector: all different %.2f µs (+%.2f), "
              + "one burst %.2f µs (+%.2f), templated %.2f µs (+%.2f)%n",
          round + 1, base, u, u - base, b, b - base, t, t - base);
    }
  }

  private static double run(
      KeyedProcessFunction<String, BrandPost, BrandPost> f, List<BrandPost> posts, boolean report)
      throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, BrandPost, BrandPost> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(f), BrandPost::brand, Types.STRING)) {
      h.open();
      int maxState = 0;
      long copies = 0;
      long start = System.nanoTime();
      for (int i = 0; i < posts.size(); i++) {
        BrandPost p = posts.get(i);
        h.processElement(new StreamRecord<>(p, p.eventTime()));
        if (i % 1_000 == 999) {
          h.processWatermark(p.eventTime() - 30_000);
          if (report) {
            copies += h.extractOutputValues().stream().filter(x -> x.copyOf != null).count();
          }
          h.getOutput().clear();
          if (report && i % 50_000 == 49_999) {
            maxState = Math.max(maxState, h.numKeyedStateEntries());
          }
        }
      }
      h.processWatermark(Long.MAX_VALUE);
      double micros = (System.nanoTime() - start) / 1_000.0 / posts.size();
      if (report) {
        copies += h.extractOutputValues().stream().filter(x -> x.copyOf != null).count();
        System.out.printf(
            "  largest state seen: %,d entries; copies found: %,d%n", maxState, copies);
      }
      return micros;
    }
  }

  private static String sentence(Random r, List<String> vocabulary, int words) {
    StringBuilder b = new StringBuilder("telkomsel");
    for (int i = 0; i < words; i++) {
      b.append(' ').append(vocabulary.get(r.nextInt(vocabulary.size())));
    }
    return b.toString();
  }

  private static BrandPost post(int i, long t, String text) {
    Mention m = new Mention();
    m.id = "b" + i;
    m.source = "twitter";
    m.text = text;
    m.createdAt = t;
    m.authorHandle = "@author" + i;
    EnrichedMention em = new EnrichedMention();
    em.mention = m;
    em.brands.add("telkomsel");
    em.brandNames.add("Telkomsel");
    em.brandGroups.add("telco-id");
    em.brandEmployee.add(false);
    em.brandListedEmployee.add(false);
    em.brandRoster.add(0);
    return new BrandPost(BrandPost.NEW, 0, em);
  }
}
