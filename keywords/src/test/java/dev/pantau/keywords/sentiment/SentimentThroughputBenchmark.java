package dev.pantau.keywords.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Throughput of {@link SentimentScorer} on one core: realistic mentions of about 280 characters,
 * English, Indonesian and a half-half mix, built from phrase pools with a fixed seed. Prints
 * mentions per second per set (median of seven timed rounds after a warm-up, by the thread's CPU
 * time and by the wall clock). Not a test: run with
 *
 * <pre>
 * mvn -q -f keywords/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.pantau.keywords.sentiment.SentimentThroughputBenchmark
 * </pre>
 */
public final class SentimentThroughputBenchmark {

  /** The floor the issue sets; printed beside the figures. */
  static final double FLOOR_PER_SECOND = 20_000;

  private static final String[] EN = {
    "@acme my order #48213 still hasn't shipped after 9 days,",
    "thanks for nothing!!",
    "Honestly the new app update is sooo much better than the old one 😍",
    "please help, my bag is lost and nobody at the desk answers",
    "is the premium plan worth it?",
    "Acme announces quarterly results and a new CEO https://t.co/xYz123",
    "The support agent was kind",
    "but the refund took forever.",
    "NOT happy with the delivery, the box was crushed 😡",
    "Loving the fast checkout, great job team",
    "why is the site down AGAIN?",
    "looks like rain",
    "I've been a customer for years and this is the worst service I've had",
    "lol ok",
    "Just got the new headphones, the sound is amazing and the battery lasts all day :)",
    "when will my refund arrive?",
    "The store on 5th street opens at 9am tomorrow."
  };

  private static final String[] ID = {
    "@telkomsel sinyal di daerah saya lemot banget dari kemarin,",
    "tolong dong diperbaiki",
    "pelayanannya ramah tapi antriannya lama sekali",
    "kapan sinyal normal lagi?",
    "mantappp, paket datanya murah dan kencang 😍",
    "gak bagus, udah bayar mahal tapi sering putus",
    "Telkomsel umumkan promo paket internet baru mulai 1 Desember https://t.co/abc",
    "makasih min, masalahnya sudah beres",
    "kecewa berat sama layanan pelanggannya, tidak responsif",
    "aplikasinya sering error pas mau top up",
    "enak-enak makanannya, tempatnya juga nyaman",
    "jangan beli di sini, barangnya rusak semua",
    "kurang puas dengan kualitas jaringannya",
    "btw ada yang tahu cara cek kuota?",
    "pengirimannya cepat dan packingnya rapi banget"
  };

  private SentimentThroughputBenchmark() {}

  public static void main(String[] args) {
    SentimentScorer scorer = SentimentScorer.create();
    Random random = new Random(42);
    List<String[]> en = mentions(EN, "en", 20_000, random);
    List<String[]> id = mentions(ID, "id", 20_000, random);
    List<String[]> mix = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      mix.add(i % 2 == 0 ? en.get(i) : id.get(i));
    }
    System.out.printf(
        Locale.ROOT,
        "mean length: en %.0f chars, id %.0f chars; floor %.0f mentions/s%n",
        en.stream().mapToInt(m -> m[0].length()).average().orElse(0),
        id.stream().mapToInt(m -> m[0].length()).average().orElse(0),
        FLOOR_PER_SECOND);
    for (int warm = 0; warm < 5; warm++) {
      run(scorer, en);
      run(scorer, id);
    }
    // the scorer before the trained models (the English rules alone), in the same run for the ratio
    SentimentScorer rules = SentimentScorer.create(SentimentScorer.Engine.ENGLISH_RULES);
    for (int warm = 0; warm < 5; warm++) {
      run(rules, en);
    }
    report("en, English rules alone (before)", rules, en);
    report("en", scorer, en);
    report("en, English rules alone (before)", rules, en);
    report("id", scorer, id);
    report("mixed", scorer, mix);
  }

  /**
   * Rates by the thread's CPU time (what one core delivers, whatever else shares the machine) and
   * by wall-clock time.
   */
  private static void report(String name, SentimentScorer scorer, List<String[]> mentions) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    double[] cpu = new double[ROUNDS];
    double[] wall = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long sink = run(scorer, mentions);
      wall[r] = mentions.size() / ((System.nanoTime() - start) / 1e9);
      cpu[r] = mentions.size() / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
      if (sink == Long.MIN_VALUE) {
        System.out.println("(unreachable; keeps the results alive)");
      }
    }
    java.util.Arrays.sort(cpu);
    java.util.Arrays.sort(wall);
    System.out.printf(
        Locale.ROOT,
        "%-5s %,9.0f mentions/s per CPU-second (median of %d, min %,.0f); wall clock median %,.0f %s%n",
        name,
        cpu[ROUNDS / 2],
        ROUNDS,
        cpu[0],
        wall[ROUNDS / 2],
        cpu[ROUNDS / 2] >= FLOOR_PER_SECOND ? "ok" : "BELOW FLOOR");
  }

  private static final int ROUNDS = 7;

  private static long run(SentimentScorer scorer, List<String[]> mentions) {
    long sink = 0;
    for (String[] m : mentions) {
      sink += scorer.score(m[0], m[1]).label().ordinal();
    }
    return sink;
  }

  /** Mentions of 240 to 280 characters joined from random phrases. */
  private static List<String[]> mentions(String[] pool, String lang, int n, Random random) {
    List<String[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 240) {
        String phrase = pool[random.nextInt(pool.length)];
        if (b.length() + phrase.length() + 1 > 280) {
          break;
        }
        b.append(b.length() == 0 ? "" : " ").append(phrase);
      }
      out.add(new String[] {b.toString(), lang});
    }
    return out;
  }
}
