package dev.pantau.flink.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic owned-account readings (SPEC §1b) for the generator's five brands: an Instagram and an
 * X account each, read every {@code interval}. Each account starts from an audience of its brand's
 * size and grows by a brand-specific number of followers per hour (some brands faster than others,
 * one of them barely), with a little noise and now and then a loss; the same seed gives the same
 * readings.
 */
public final class AccountReadings {
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SOURCES = {"instagram", "x"};

  private final Instant start;
  private final Duration interval;
  private final SplittableRandom random;
  private final long[] followers;
  private Instant next;

  public AccountReadings(long seed, Instant start, Duration interval) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("the reading interval must be positive: " + interval);
    }
    this.start = start;
    this.interval = interval;
    this.random = new SplittableRandom(seed);
    List<Corpus.BrandSpec> brands = Corpus.BRANDS;
    this.followers = new long[brands.size() * SOURCES.length];
    for (int b = 0; b < brands.size(); b++) {
      for (int s = 0; s < SOURCES.length; s++) {
        followers[b * SOURCES.length + s] =
            (long) (brands.get(b).weight() * (s == 0 ? 8_000_000 : 2_000_000));
      }
    }
    this.next = start;
  }

  /**
   * Followers per hour an account of the brand gains, on average: Telkomsel and Shopee fast, XL
   * barely.
   */
  static double hourlyGrowth(String brand) {
    return switch (brand) {
      case "telkomsel" -> 60;
      case "shopee" -> 45;
      case "tokopedia" -> 20;
      case "indosat" -> 8;
      default -> 1.5;
    };
  }

  /** When the next readings are taken. */
  public Instant nextAt() {
    return next;
  }

  /**
   * The readings of every account at {@link #nextAt()}, as JSON lines; moves on by one interval.
   */
  public List<String> nextReadings() {
    List<String> out = new ArrayList<>();
    List<Corpus.BrandSpec> brands = Corpus.BRANDS;
    double hours = interval.toMillis() / 3_600_000.0;
    for (int b = 0; b < brands.size(); b++) {
      Corpus.BrandSpec brand = brands.get(b);
      for (int s = 0; s < SOURCES.length; s++) {
        int i = b * SOURCES.length + s;
        if (!next.equals(start)) {
          double mean = hourlyGrowth(brand.id()) * hours * (s == 0 ? 0.7 : 0.3);
          long delta = Math.round(mean * (0.5 + random.nextDouble()));
          if (random.nextDouble() < 0.05) {
            delta = -delta / 2; // an unfollow wave
          }
          followers[i] = Math.max(0, followers[i] + delta);
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("brand", brand.id());
        o.put("source", SOURCES[s]);
        o.put("account", brand.careHandle());
        o.put("followers", followers[i]);
        o.put("at", next.toString());
        out.add(o.toString());
      }
    }
    next = next.plus(interval);
    return out;
  }

  /** Every reading before {@code end}, as JSON lines in time order. */
  public List<String> until(Instant end) {
    List<String> out = new ArrayList<>();
    while (next.isBefore(end)) {
      out.addAll(nextReadings());
    }
    return out;
  }

  /** The time of a reading line written by {@link #until}. */
  public static Instant at(String line) {
    try {
      return Instant.parse(JSON.readTree(line).get("at").asText());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
