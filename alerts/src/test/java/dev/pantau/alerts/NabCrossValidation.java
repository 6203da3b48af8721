package dev.pantau.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses the spike/drop detector's defaults by leave-one-series-out cross-validation on NAB (a
 * main() harness, not a test; {@code alerts/eval-cv.sh} builds and runs it and scores its alert
 * files with {@code nab_score.py}).
 *
 * <p>Data: the five Twitter-volume series of {@code nab-dev} (each scored as the job scores a count
 * KPI: one spike rule on {@code mentions}) and the series of {@code nab-more} (scored as the job
 * scores an extension KPI without a finite range, a gauge on its own scale: a spike rule and a drop
 * rule with the same parameters, their alerts together, because NAB's anomalies there go both
 * ways). Each series runs with the rule window equal to its median row interval.
 *
 * <p>Held out: the {@code nab-more} series whose file name's SHA-1 is 0 modulo 4 (10 of the 48,
 * fixed before any score was computed). Their files are not even read unless {@code --held-out} is
 * given, which scores them once with the defaults chosen on the rest (done once per round: see
 * docs/alerts.md).
 *
 * <p>Selection: every candidate (a detector family and its parameters) is scored on every
 * development series. The objective on a set of series ({@link #objective(double[], double[][][],
 * List, int)}) is the mean of the Twitter series' pooled NAB standard score and the mean of the
 * other categories' pooled scores; the median/MAD baseline is also selected by round 1's objective
 * ({@link #twoGroups}), and the floors are checked against the better of the two. Leave one out:
 * for each development series, the candidate that maximises the objective on all the other
 * development series is chosen (within {@link #TIE} points, the one listed first), and only its
 * alerts on the series left out count. The shipped defaults are the candidate chosen on all
 * development series; the harness prints both, and every fold of round 2 chose the shipped setting.
 */
public final class NabCrossValidation {

  /** One NAB series with its labelled windows (epoch ms, inclusive). */
  record Series(
      String key,
      String category,
      String file,
      boolean twitter,
      long[] ts,
      double[] v,
      long[][] windows,
      String window) {}

  /** A detector variant: the timestamps of the rows it fires on. */
  interface Candidate {
    String family();

    String name();

    Set<Long> run(Series s);
  }

  // ---------------------------------------------------------------- candidates

  /**
   * The job's spike/drop detector with explicit parameters (everything else at the rule's
   * defaults).
   */
  record RuleCandidate(
      String family,
      double threshold,
      Duration peak,
      Duration sustained,
      Duration baseline,
      boolean daily,
      boolean weekly,
      double floorRel,
      Duration shift)
      implements Candidate {
    RuleCandidate(
        String family,
        double threshold,
        Duration peak,
        Duration sustained,
        Duration baseline,
        boolean daily,
        boolean weekly) {
      this(family, threshold, peak, sustained, baseline, daily, weekly, -1, Duration.ZERO);
    }

    @Override
    public String name() {
      return String.format(
          Locale.ROOT,
          "z=%s peak=%s sustained=%s baseline=%s season=%s floor=%s shift=%s",
          fmt(threshold),
          Durations.format(peak),
          Durations.format(sustained),
          baseline.toMillis() / FIVE_MINUTES + "w",
          daily ? (weekly ? "daily+weekly" : "daily") : "none",
          floorRel < 0 ? "abs" : fmt(floorRel),
          Durations.format(shift));
    }

    AlertRule rule(Series s, DetectorType type) {
      // the baseline is a number of windows, as the rule's 'baseline' default is (864: three days
      // of 5m windows)
      int base =
          (int)
              Math.max(
                  8, Math.min(AlertRule.MAX_BASELINE_WINDOWS, baseline.toMillis() / FIVE_MINUTES));
      return AlertRule.builder("cv")
          .metrics(METRICS)
          .metric(s.twitter() ? "mentions" : VALUE)
          .window(s.window())
          .detector(type)
          .threshold(threshold)
          .peakMemory(peak)
          .sustained(sustained)
          .baselineWindows(base)
          .seasonality(daily, weekly)
          .levelShift(shift)
          .gaugeSpreadFloor(floorRel)
          .build();
    }

    @Override
    public Set<Long> run(Series s) {
      Set<Long> out = new HashSet<>();
      out.addAll(fire(rule(s, DetectorType.SPIKE), s));
      if (!s.twitter()) {
        out.addAll(fire(rule(s, DetectorType.DROP), s));
      }
      return out;
    }
  }

  private static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();

  /** The KPI the other NAB series are scored as: a metric on its own, unbounded scale. */
  static final String VALUE = "value";

  static final KpiMetrics METRICS =
      KpiMetrics.STANDARD.with(
          KpiMetric.ratio(VALUE, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));

  /**
   * Runs one rule over a series the way {@link Backtest} does; returns the firing alerts' row
   * timestamps.
   */
  static Set<Long> fire(AlertRule rule, Series s) {
    RuleEvaluator ev = new RuleEvaluator();
    DetectorState st = null;
    Duration len = rule.windowLength();
    Set<Long> out = new HashSet<>();
    for (int i = 0; i < s.ts().length; i++) {
      Instant start = Instant.ofEpochMilli(s.ts()[i]);
      KpiPoint p =
          new KpiPoint(
              s.file(),
              s.file(),
              rule.window(),
              start,
              start.plus(len),
              "*",
              Map.of(rule.metric(), s.v()[i]));
      Evaluation e = ev.evaluate(rule, st, p);
      st = e.state();
      for (Alert a : e.alerts()) {
        if (a.firing()) {
          out.add(a.start().toEpochMilli());
        }
      }
    }
    return out;
  }

  /**
   * The plain baseline the issue names: the robust z-score {@code (x - median) / (1.4826 MAD)} of
   * the raw value against the trailing {@code baseline} of windows, firing when it crosses {@code
   * threshold} (upwards only for the Twitter series, both ways for the others), after 36 windows of
   * warm-up, then quiet for {@code cooldown}.
   */
  record MadCandidate(double threshold, Duration baseline, Duration cooldown, boolean twoGroup)
      implements Candidate {
    MadCandidate(double threshold, Duration baseline, Duration cooldown) {
      this(threshold, baseline, cooldown, false);
    }

    @Override
    public String family() {
      return twoGroup ? "median/MAD, chosen on 2 groups" : "median/MAD baseline";
    }

    @Override
    public String name() {
      return "median/MAD z="
          + fmt(threshold)
          + " baseline="
          + Durations.format(baseline)
          + " cooldown="
          + Durations.format(cooldown);
    }

    @Override
    public Set<Long> run(Series s) {
      double[] z = MAD_Z.computeIfAbsent(s.key() + "|" + baseline, k -> madScores(s, baseline));
      Set<Long> out = new HashSet<>();
      boolean above = false;
      long quietUntil = Long.MIN_VALUE;
      for (int i = 0; i < z.length; i++) {
        if (Double.isNaN(z[i])) {
          continue;
        }
        boolean now = (s.twitter() ? z[i] : Math.abs(z[i])) >= threshold;
        if (now && !above && s.ts()[i] >= quietUntil) {
          out.add(s.ts()[i]);
          quietUntil = s.ts()[i] + cooldown.toMillis();
        }
        above = now;
      }
      return out;
    }
  }

  private static final Map<String, double[]> MAD_Z = new java.util.HashMap<>();

  static double[] madScores(Series s, Duration baseline) {
    Duration len = Durations.parseWindow(s.window());
    int cap = (int) Math.max(8, baseline.toMillis() / len.toMillis());
    double[] ring = new double[cap];
    int size = 0;
    int head = 0;
    double[] z = new double[s.v().length];
    Arrays.fill(z, Double.NaN);
    long last = Long.MIN_VALUE;
    double[] buf = new double[cap];
    for (int i = 0; i < s.v().length; i++) {
      long t = s.ts()[i];
      if (t <= last) {
        continue; // a repeated or earlier timestamp: skipped, as the job skips revisions
      }
      last = t;
      double x = s.v()[i];
      if (size >= 36) {
        System.arraycopy(ring, 0, buf, 0, size);
        Arrays.sort(buf, 0, size);
        double med = (buf[(size - 1) / 2] + buf[size / 2]) / 2;
        for (int j = 0; j < size; j++) {
          buf[j] = Math.abs(buf[j] - med);
        }
        Arrays.sort(buf, 0, size);
        double mad = (buf[(size - 1) / 2] + buf[size / 2]) / 2;
        double spread = Math.max(1.4826 * mad, 1e-9 * Math.max(1, Math.abs(med)));
        z[i] = (x - med) / spread;
      }
      ring[head] = x;
      head = (head + 1) % cap;
      size = Math.min(cap, size + 1);
    }
    return z;
  }

  // ---------------------------------------------------------------- the grid

  static final RuleCandidate OLD_DEFAULTS =
      new RuleCandidate(
          "spike/drop (defaults before 17)",
          5.0,
          Duration.ofDays(7),
          Duration.ofHours(2),
          Duration.ofDays(3),
          true,
          true);

  /**
   * The defaults of the first cross-validation round: no level shift, the absolute 0.05 spread
   * floor.
   */
  static final RuleCandidate ROUND1_DEFAULTS =
      new RuleCandidate(
          "spike/drop (CV round 1)",
          4.0,
          Duration.ofDays(30),
          Duration.ofHours(4),
          Duration.ofDays(3),
          true,
          false);

  /**
   * The shipped defaults: rules with only their required fields (id, metric, window, detector),
   * exactly as {@code alerts/eval/nab-spike.yaml} and {@code ./pantau backtest} run them.
   */
  static final Candidate NEW_DEFAULTS =
      new Candidate() {
        @Override
        public String family() {
          return "spike/drop (defaults now)";
        }

        @Override
        public String name() {
          return "required fields only";
        }

        @Override
        public Set<Long> run(Series s) {
          Set<Long> out = new HashSet<>();
          String metric = s.twitter() ? "mentions" : VALUE;
          out.addAll(
              fire(
                  AlertRule.builder("cv")
                      .metrics(METRICS)
                      .metric(metric)
                      .window(s.window())
                      .detector(DetectorType.SPIKE)
                      .build(),
                  s));
          if (!s.twitter()) {
            out.addAll(
                fire(
                    AlertRule.builder("cv")
                        .metrics(METRICS)
                        .metric(metric)
                        .window(s.window())
                        .detector(DetectorType.DROP)
                        .build(),
                    s));
          }
          return out;
        }
      };

  static List<Candidate> grid() {
    List<Candidate> c = new ArrayList<>();
    c.add(OLD_DEFAULTS);
    c.add(ROUND1_DEFAULTS);
    c.add(NEW_DEFAULTS);
    for (double z : new double[] {3, 4, 5, 6, 8, 12, 16, 24}) {
      for (Duration b : List.of(Duration.ofDays(1), Duration.ofDays(3))) {
        for (Duration cool : List.of(Duration.ZERO, Duration.ofHours(6), Duration.ofDays(1))) {
          c.add(new MadCandidate(z, b, cool));
          c.add(new MadCandidate(z, b, cool, true));
        }
      }
    }
    for (double z : new double[] {4, 3.5, 5}) {
      for (Duration p : List.of(Duration.ofDays(30), Duration.ofDays(90))) {
        for (int season = 0; season < 2; season++) {
          for (double fl : new double[] {-1, 0.001, 0.0005, 0.003}) {
            for (Duration sh :
                List.of(
                    Duration.ZERO, Duration.ofHours(4), Duration.ofHours(6), Duration.ofHours(8))) {
              c.add(
                  new RuleCandidate(
                      "spike/drop grid",
                      z,
                      p,
                      Duration.ofHours(4),
                      Duration.ofDays(3),
                      season > 0,
                      false,
                      fl,
                      sh));
            }
          }
        }
      }
    }
    return c;
  }

  // ---------------------------------------------------------------- data

  static boolean heldOut(String file) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-1").digest(file.getBytes(StandardCharsets.UTF_8));
      return new java.math.BigInteger(1, h).mod(java.math.BigInteger.valueOf(4)).signum() == 0;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Series> load(Path dir, boolean twitter, boolean wantHeldOut) throws IOException {
    JsonNode labels = new ObjectMapper().readTree(dir.resolve("windows.json").toFile());
    List<Series> out = new ArrayList<>();
    TreeMap<String, JsonNode> sorted = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      sorted.put(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
      String key = e.getKey();
      String file = key.substring(key.lastIndexOf('/') + 1);
      Path csv = Files.exists(dir.resolve(key)) ? dir.resolve(key) : dir.resolve(file);
      if (!Files.exists(csv)) {
        continue;
      }
      if (!twitter && heldOut(file) != wantHeldOut) {
        continue; // the held-out files are not read at all in development runs
      }
      List<String> lines = Files.readAllLines(csv);
      long[] ts = new long[lines.size() - 1];
      double[] v = new double[lines.size() - 1];
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        ts[i - 1] = Backtest.parseTime(f[0]).toEpochMilli();
        v[i - 1] = Double.parseDouble(f[1].trim());
      }
      long[][] w = new long[e.getValue().size()][];
      for (int i = 0; i < w.length; i++) {
        JsonNode lim = e.getValue().get(i);
        w[i] =
            new long[] {
              Backtest.parseTime(lim.get(0).asText()).toEpochMilli(),
              Backtest.parseTime(lim.get(1).asText()).toEpochMilli()
            };
      }
      String category = twitter ? "realTweets" : key.substring(0, key.indexOf('/'));
      out.add(new Series(key, category, file, twitter, ts, v, w, windowOf(ts)));
    }
    return out;
  }

  /** The rule window for a series: its median row interval, in minutes. */
  static String windowOf(long[] ts) {
    long[] d = new long[ts.length - 1];
    for (int i = 1; i < ts.length; i++) {
      d[i - 1] = ts[i] - ts[i - 1];
    }
    Arrays.sort(d);
    long minutes = Math.max(1, Math.round(d[d.length / 2] / 60000.0));
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
  }

  // ---------------------------------------------------------------- scoring

  /** Raw scores of one candidate on every series, per profile: {@code raw[profile][series]}. */
  record Scored(Candidate c, double[][] raw, List<Set<Long>> alerts) {}

  static Scored score(Candidate c, List<Series> series) {
    double[][] raw = new double[NabScorer.PROFILES.size()][series.size()];
    List<Set<Long>> alerts = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      Series x = series.get(s);
      Set<Long> a = c.run(x);
      alerts.add(a);
      for (int p = 0; p < NabScorer.PROFILES.size(); p++) {
        raw[p][s] = NabScorer.scoreFile(x.ts(), x.windows(), a, NabScorer.PROFILES.get(p)).score();
      }
    }
    return new Scored(c, raw, alerts);
  }

  /** Per-series null and perfect raw scores, per profile. */
  static double[][][] bounds(List<Series> series) {
    double[][][] b = new double[2][NabScorer.PROFILES.size()][series.size()];
    for (int s = 0; s < series.size(); s++) {
      for (int p = 0; p < NabScorer.PROFILES.size(); p++) {
        Series x = series.get(s);
        b[0][p][s] = NabScorer.nullScore(x.ts(), x.windows(), NabScorer.PROFILES.get(p));
        b[1][p][s] = NabScorer.perfectScore(x.ts(), x.windows(), NabScorer.PROFILES.get(p));
      }
    }
    return b;
  }

  /** Pooled NAB score of {@code raw} over the series in {@code members}. */
  static double pooled(double[] raw, double[] nul, double[] perfect, boolean[] members) {
    double r = 0;
    double n = 0;
    double q = 0;
    for (int s = 0; s < raw.length; s++) {
      if (members[s]) {
        r += raw[s];
        n += nul[s];
        q += perfect[s];
      }
    }
    return NabScorer.normalise(r, n, q);
  }

  /**
   * The selection objective: the mean of the Twitter series' pooled standard score and the mean of
   * the other categories' pooled standard scores (the two artificial categories pooled as one), so
   * each category counts as the floor counts it and the 38 others do not drown the five series
   * Pantau is for.
   */
  static double objective(
      Candidate c, double[] raw, double[][][] b, List<Series> series, int leaveOut) {
    return c instanceof MadCandidate m && m.twoGroup()
        ? twoGroups(raw, b, series, leaveOut)
        : objective(raw, b, series, leaveOut);
  }

  /** The objective before: the mean of the Twitter and the other series' pooled standard scores. */
  static double twoGroups(double[] raw, double[][][] b, List<Series> series, int leaveOut) {
    boolean[] tw = new boolean[series.size()];
    boolean[] other = new boolean[series.size()];
    for (int s = 0; s < series.size(); s++) {
      if (s != leaveOut) {
        tw[s] = series.get(s).twitter();
        other[s] = !series.get(s).twitter();
      }
    }
    return (pooled(raw, b[0][0], b[1][0], tw) + pooled(raw, b[0][0], b[1][0], other)) / 2;
  }

  static double objective(double[] raw, double[][][] b, List<Series> series, int leaveOut) {
    Map<String, boolean[]> groups = new LinkedHashMap<>();
    for (int s = 0; s < series.size(); s++) {
      if (s != leaveOut) {
        String g =
            series.get(s).twitter()
                ? "tw"
                : series.get(s).category().startsWith("artificial")
                    ? "artificial"
                    : series.get(s).category();
        groups.computeIfAbsent(g, k -> new boolean[series.size()])[s] = true;
      }
    }
    double tw = pooled(raw, b[0][0], b[1][0], groups.get("tw"));
    double others = 0;
    int n = 0;
    for (Map.Entry<String, boolean[]> g : groups.entrySet()) {
      if (!g.getKey().equals("tw")) {
        others += pooled(raw, b[0][0], b[1][0], g.getValue());
        n++;
      }
    }
    return (tw + others / n) / 2;
  }

  // ---------------------------------------------------------------- main

  public static void main(String[] args) throws IOException {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
    Path outDir = Path.of(args.length > 1 ? args[1] : "alerts/target/nab-cv");
    boolean scoreHeldOut = Arrays.asList(args).contains("--held-out");
    Files.createDirectories(outDir);
    List<Series> dev = new ArrayList<>(load(shared.resolve("data/nab-dev"), true, false));
    dev.addAll(load(shared.resolve("data/nab-more"), false, false));
    System.out.printf(
        Locale.ROOT,
        "development series: %d (%d Twitter, %d others); held out: the nab-more files "
            + "whose SHA-1 is 0 mod 4, not read%n",
        dev.size(),
        dev.stream().filter(Series::twitter).count(),
        dev.stream().filter(s -> !s.twitter()).count());
    double[][][] b = bounds(dev);
    List<Candidate> grid = Arrays.asList(args).contains("--quick") ? grid().subList(0, 50) : grid();
    List<Scored> scored = new ArrayList<>();
    long t0 = System.nanoTime();
    for (Candidate c : grid) {
      scored.add(score(c, dev));
    }
    System.out.printf(
        Locale.ROOT,
        "%d candidates scored on %d series in %.0f s%n",
        grid.size(),
        dev.size(),
        (System.nanoTime() - t0) / 1e9);

    Map<String, List<Scored>> families = new LinkedHashMap<>();
    for (Scored s : scored) {
      families.computeIfAbsent(s.c().family(), k -> new ArrayList<>()).add(s);
    }
    Map<String, Candidate[]> looChoice = new LinkedHashMap<>();
    Map<String, Scored> shipped = new LinkedHashMap<>();
    for (Map.Entry<String, List<Scored>> f : families.entrySet()) {
      Candidate[] chosen = new Candidate[dev.size()];
      for (int s = 0; s < dev.size(); s++) {
        chosen[s] = best(f.getValue(), b, dev, s).c();
      }
      looChoice.put(f.getKey(), chosen);
      shipped.put(f.getKey(), best(f.getValue(), b, dev, -1));
    }

    // leave-one-out raw scores of each family: each series scored with the candidate chosen without
    // it
    Map<Candidate, Scored> byCandidate = new java.util.IdentityHashMap<>();
    scored.forEach(s -> byCandidate.put(s.c(), s));
    System.out.println();
    System.out.println(
        "== leave one series out (each series scored by the candidate chosen on the others)");
    List<String> cats = dev.stream().map(Series::category).distinct().toList();
    header(cats);
    Map<String, double[][]> looRaw = new LinkedHashMap<>();
    for (String fam : families.keySet()) {
      double[][] raw = new double[3][dev.size()];
      looRaw.put(fam, raw);
      List<Set<Long>> alerts = new ArrayList<>();
      for (int s = 0; s < dev.size(); s++) {
        Scored sc = byCandidate.get(looChoice.get(fam)[s]);
        for (int p = 0; p < 3; p++) {
          raw[p][s] = sc.raw()[p][s];
        }
        alerts.add(sc.alerts().get(s));
      }
      row(fam + " (LOO)", raw, b, dev, cats);
      write(outDir.resolve("loo-" + slug(fam) + ".jsonl"), dev, alerts);
    }
    floors(
        looRaw.get("spike/drop grid"),
        List.of(looRaw.get("median/MAD baseline"), looRaw.get("median/MAD, chosen on 2 groups")),
        b,
        dev,
        cats);
    System.out.println();
    System.out.println("== in sample (the candidate chosen on all development series)");
    header(cats);
    for (Map.Entry<String, Scored> e : shipped.entrySet()) {
      row(e.getKey(), e.getValue().raw(), b, dev, cats);
      write(outDir.resolve("all-" + slug(e.getKey()) + ".jsonl"), dev, e.getValue().alerts());
    }
    System.out.println();
    for (Map.Entry<String, Scored> e : shipped.entrySet()) {
      System.out.println(
          "chosen on all development series, " + e.getKey() + ": " + e.getValue().c().name());
    }
    System.out.println();
    System.out.println("== leave-one-out choices of the grid (how stable the choice is)");
    Map<String, Integer> counts = new TreeMap<>();
    for (Candidate c : looChoice.get("spike/drop grid")) {
      counts.merge(c.name(), 1, Integer::sum);
    }
    counts.forEach((k, v) -> System.out.println("  " + v + " x " + k));
    System.out.println();
    System.out.println(
        "== top 15 grid candidates on all development series (objective, Twitter, others)");
    List<Scored> g = new ArrayList<>(families.get("spike/drop grid"));
    g.sort(
        (x, y) ->
            Double.compare(objective(y.raw()[0], b, dev, -1), objective(x.raw()[0], b, dev, -1)));
    for (Scored s : g.subList(0, Math.min(15, g.size()))) {
      System.out.printf(
          Locale.ROOT,
          "  %6.2f %6.2f %6.2f  %s%n",
          objective(s.raw()[0], b, dev, -1),
          group(s.raw()[0], b, dev, true),
          group(s.raw()[0], b, dev, false),
          s.c().name());
    }

    System.out.println();
    System.out.println(
        "== the grid's choice and its neighbours (one setting changed), all development series");
    RuleCandidate pick = (RuleCandidate) shipped.get("spike/drop grid").c();
    header(cats);
    row("chosen", shipped.get("spike/drop grid").raw(), b, dev, cats);
    for (Scored s : families.get("spike/drop grid")) {
      RuleCandidate r = (RuleCandidate) s.c();
      String diff = differs(pick, r);
      if (diff != null) {
        row(diff, s.raw(), b, dev, cats);
      }
    }

    if (scoreHeldOut) {
      List<Series> held = load(shared.resolve("data/nab-more"), false, true);
      double[][][] hb = bounds(held);
      System.out.println();
      System.out.println(
          "== held-out series ("
              + held.size()
              + "), scored once: "
              + held.stream().map(Series::key).toList());
      List<String> hc = held.stream().map(Series::category).distinct().toList();
      header(hc);
      for (Map.Entry<String, Scored> e : shipped.entrySet()) {
        Scored s = score(e.getValue().c(), held);
        row(e.getKey(), s.raw(), hb, held, hc);
        write(outDir.resolve("heldout-" + slug(e.getKey()) + ".jsonl"), held, s.alerts());
      }
    }
  }

  /**
   * Objective points within which the candidate listed first wins (the grid lists the usual
   * settings first).
   */
  static final double TIE = 1.0;

  static Scored best(List<Scored> family, double[][][] b, List<Series> dev, int leaveOut) {
    double topScore = Double.NEGATIVE_INFINITY;
    double[] o = new double[family.size()];
    for (int i = 0; i < o.length; i++) {
      Scored s = family.get(i);
      o[i] = objective(s.c(), s.raw()[0], b, dev, leaveOut);
      topScore = Math.max(topScore, o[i]);
    }
    for (int i = 0; i < o.length; i++) {
      if (o[i] >= topScore - TIE) {
        return family.get(i);
      }
    }
    throw new IllegalStateException("empty family");
  }

  /**
   * The floors, out of sample: the procedure's leave-one-out score on the Twitter five at
   * least 75, and in every other category the mean above the median/MAD baseline's (the better of
   * its two leave-one-out rows), both as NAB pools a category (pooled) and as the mean of its
   * series' scores. Then the three profiles of the 38 others pooled.
   */
  static void floors(
      double[][] grid, List<double[][]> mads, double[][][] b, List<Series> dev, List<String> cats) {
    System.out.println();
    System.out.println("== floors, out of sample (grid LOO against the better median/MAD LOO row)");
    boolean[] tw = new boolean[dev.size()];
    boolean[] others = new boolean[dev.size()];
    for (int s = 0; s < dev.size(); s++) {
      tw[s] = dev.get(s).twitter();
      others[s] = !tw[s];
    }
    double t = pooled(grid[0], b[0][0], b[1][0], tw);
    System.out.printf(
        Locale.ROOT,
        "  %-22s %8.2f  floor 75: %s%n",
        "Twitter five",
        t,
        t >= 75 ? "met" : "MISSED");
    for (String c : cats) {
      if (c.equals("realTweets")) {
        continue;
      }
      boolean[] m = new boolean[dev.size()];
      for (int s = 0; s < dev.size(); s++) {
        m[s] = dev.get(s).category().equals(c);
      }
      double gp = pooled(grid[0], b[0][0], b[1][0], m);
      if (Double.isNaN(gp)) { // no windows: the raw score of the false alerts, 0 is best
        double g = rawSum(grid[0], m);
        double best = Double.NEGATIVE_INFINITY;
        for (double[][] mad : mads) {
          best = Math.max(best, rawSum(mad[0], m));
        }
        System.out.printf(
            Locale.ROOT,
            "  %-22s raw %7.2f  median/MAD raw %7.2f: %s%n",
            c,
            g,
            best,
            g > best ? "above" : "NOT ABOVE");
        continue;
      }
      double gm = seriesMean(grid[0], b, m);
      double bp = Double.NEGATIVE_INFINITY;
      double bm = Double.NEGATIVE_INFINITY;
      for (double[][] mad : mads) {
        bp = Math.max(bp, pooled(mad[0], b[0][0], b[1][0], m));
        bm = Math.max(bm, seriesMean(mad[0], b, m));
      }
      System.out.printf(
          Locale.ROOT,
          "  %-22s pooled %7.2f vs %7.2f (%+.2f) %-9s  series mean %7.2f vs %7.2f (%+.2f) %s%n",
          c,
          gp,
          bp,
          gp - bp,
          gp > bp ? "above" : "NOT ABOVE",
          gm,
          bm,
          gm - bm,
          gm > bm ? "above" : "NOT ABOVE");
    }
    System.out.printf(
        Locale.ROOT,
        "  the 38 others pooled: standard %.2f, reward_low_FP %.2f, reward_low_FN %.2f%n",
        pooled(grid[0], b[0][0], b[1][0], others),
        pooled(grid[1], b[0][1], b[1][1], others),
        pooled(grid[2], b[0][2], b[1][2], others));
  }

  static double rawSum(double[] raw, boolean[] m) {
    double r = 0;
    for (int s = 0; s < raw.length; s++) {
      r += m[s] ? raw[s] : 0;
    }
    return r;
  }

  static double seriesMean(double[] raw, double[][][] b, boolean[] m) {
    double sum = 0;
    int n = 0;
    for (int s = 0; s < raw.length; s++) {
      double one = m[s] ? NabScorer.normalise(raw[s], b[0][0][s], b[1][0][s]) : Double.NaN;
      if (!Double.isNaN(one)) {
        sum += one;
        n++;
      }
    }
    return sum / n;
  }

  /** The one setting in which {@code r} differs from {@code pick}, or null (none, or several). */
  static String differs(RuleCandidate pick, RuleCandidate r) {
    List<String> d = new ArrayList<>();
    if (pick.threshold() != r.threshold()) {
      d.add("z " + fmt(r.threshold()));
    }
    if (!pick.peak().equals(r.peak())) {
      d.add("peak " + Durations.format(r.peak()));
    }
    if (!pick.sustained().equals(r.sustained())) {
      d.add("sustained " + Durations.format(r.sustained()));
    }
    if (!pick.baseline().equals(r.baseline())) {
      d.add("baseline " + Durations.format(r.baseline()));
    }
    if (pick.daily() != r.daily() || pick.weekly() != r.weekly()) {
      d.add("season " + (r.daily() ? r.weekly() ? "daily+weekly" : "daily" : "none"));
    }
    if (pick.floorRel() != r.floorRel()) {
      d.add("floor " + (r.floorRel() < 0 ? "abs 0.05" : fmt(r.floorRel())));
    }
    if (!pick.shift().equals(r.shift())) {
      d.add("level shift " + (r.shift().isZero() ? "off" : Durations.format(r.shift())));
    }
    return d.size() == 1 ? d.get(0) : null;
  }

  static double group(double[] raw, double[][][] b, List<Series> dev, boolean twitter) {
    boolean[] m = new boolean[dev.size()];
    for (int s = 0; s < dev.size(); s++) {
      m[s] = dev.get(s).twitter() == twitter;
    }
    return pooled(raw, b[0][0], b[1][0], m);
  }

  static void header(List<String> cats) {
    StringBuilder h =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%-40s %8s %8s %8s", "detector", "tw-std", "tw-lowFP", "tw-lowFN"));
    for (String c : cats) {
      if (!c.equals("realTweets")) {
        h.append(
            String.format(
                Locale.ROOT, " %22s", c.replace("artificial", "art").replace("real", "")));
      }
    }
    System.out.println(h);
  }

  /**
   * One table row: the Twitter series' pooled score on the three profiles, then each other
   * category's pooled standard score and, after the slash, the mean of its series' own scores
   * (series without windows have no normalised score; a category of only those shows its false
   * alerts' raw score, 0 is best).
   */
  static void row(
      String label, double[][] raw, double[][][] b, List<Series> dev, List<String> cats) {
    StringBuilder r = new StringBuilder(String.format(Locale.ROOT, "%-40s", label));
    boolean[] tw = new boolean[dev.size()];
    for (int s = 0; s < dev.size(); s++) {
      tw[s] = dev.get(s).twitter();
    }
    for (int p = 0; p < 3; p++) {
      r.append(String.format(Locale.ROOT, " %8.2f", pooled(raw[p], b[0][p], b[1][p], tw)));
    }
    for (String c : cats) {
      if (c.equals("realTweets")) {
        continue;
      }
      boolean[] m = new boolean[dev.size()];
      double sum = 0;
      int n = 0;
      double rawSum = 0;
      for (int s = 0; s < dev.size(); s++) {
        m[s] = dev.get(s).category().equals(c);
        if (m[s]) {
          rawSum += raw[0][s];
          double one = NabScorer.normalise(raw[0][s], b[0][0][s], b[1][0][s]);
          if (!Double.isNaN(one)) {
            sum += one;
            n++;
          }
        }
      }
      double pooledScore = pooled(raw[0], b[0][0], b[1][0], m);
      r.append(
          Double.isNaN(pooledScore)
              ? String.format(Locale.ROOT, " %22s", "raw " + fmt2(rawSum))
              : String.format(Locale.ROOT, " %13.2f /%7.2f", pooledScore, sum / n));
    }
    System.out.println(r);
  }

  static void write(Path file, List<Series> series, List<Set<Long>> alerts) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
      for (int s = 0; s < series.size(); s++) {
        List<Long> ts = new ArrayList<>(alerts.get(s));
        ts.sort(null);
        for (long t : ts) {
          w.println(
              "{\"file\":\""
                  + series.get(s).key()
                  + "\",\"timestamp\":\""
                  + Instant.ofEpochMilli(t)
                  + "\"}");
        }
      }
    }
  }

  static String slug(String s) {
    return s.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "").toLowerCase(Locale.ROOT);
  }

  static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  static String fmt2(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
