package dev.pantau.flink.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The people who post. A few are very active and most post rarely (Zipf's law, as on every social
 * platform); followers are log-normal with a few large accounts. Employees of the brands are kept
 * apart so their posts can be about their own brand.
 */
final class AuthorPool {

  /**
   * One account. {@code employeeOf} is a brand id or null; {@code flagged} sets author.employee.
   */
  record Author(
      String id,
      String handle,
      String name,
      long followers,
      String lang,
      String country,
      String employeeOf,
      boolean flagged) {}

  // Zipf-Mandelbrot: weight 1 / (rank + OFFSET)^EXPONENT; the offset keeps the busiest account
  // near 1 % of all posts instead of the 10 % a pure Zipf law over 5,000 accounts gives
  private static final double ZIPF_EXPONENT = 1.05;
  private static final double ZIPF_OFFSET = 20;

  private final Author[] authors;
  private final double[] cumulative;
  private final List<Author> employees = new ArrayList<>();

  AuthorPool(Random random, int size) {
    authors = new Author[size];
    cumulative = new double[size];
    double sum = 0;
    for (int k = 0; k < size; k++) {
      authors[k] = newAuthor(random, k);
      sum += 1.0 / Math.pow(k + ZIPF_OFFSET, ZIPF_EXPONENT);
      cumulative[k] = sum;
    }
    for (int k = 0; k < size; k++) {
      cumulative[k] /= sum;
    }
    int n = 0;
    for (List<String> e : Corpus.CONFIGURED_EMPLOYEES) {
      employees.add(employee(random, n++, e, false));
    }
    for (List<String> e : Corpus.FLAGGED_EMPLOYEES) {
      employees.add(employee(random, n++, e, true));
    }
  }

  /** An author, the more active ones more often. */
  Author pick(Random random) {
    int k = Arrays.binarySearch(cumulative, random.nextDouble());
    return authors[k >= 0 ? k : Math.min(-k - 1, authors.length - 1)];
  }

  /** An employee of {@code brand}, or null when the brand has none. */
  Author employeeOf(Random random, String brand) {
    List<Author> candidates = employees.stream().filter(a -> a.employeeOf().equals(brand)).toList();
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  private static Author newAuthor(Random random, int k) {
    boolean english = random.nextDouble() < 0.22;
    List<String> first = english ? Corpus.EN_FIRST : Corpus.ID_FIRST;
    List<String> last = english ? Corpus.EN_LAST : Corpus.ID_LAST;
    String f = first.get(random.nextInt(first.size()));
    String l = last.get(random.nextInt(last.size()));
    String suffix = Corpus.HANDLE_SUFFIX.get(random.nextInt(Corpus.HANDLE_SUFFIX.size()));
    String handle =
        switch (random.nextInt(4)) {
          case 0 -> f + l + suffix;
          case 1 -> f + "_" + l + suffix;
          case 2 -> f + suffix + (k % 97);
          default -> f + l.substring(0, Math.min(3, l.length())) + k;
        };
    // log-normal: median about 250; one account in fifty is an influencer
    long followers =
        random.nextDouble() < 0.02
            ? (long) (50_000 * Math.exp(random.nextGaussian() * 1.2 + 1.0))
            : (long) Math.exp(5.5 + 1.6 * random.nextGaussian());
    String country =
        english ? List.of("ID", "ID", "SG", "MY", "US", "AU").get(random.nextInt(6)) : "ID";
    String id = String.valueOf(100_000_000L + (k * 7_919L * 104_729L) % 900_000_000L);
    return new Author(
        id,
        handle,
        capitalise(f) + " " + capitalise(l),
        followers,
        english ? "en" : "id",
        country,
        null,
        false);
  }

  private static Author employee(Random random, int n, List<String> spec, boolean flagged) {
    long followers = 400 + random.nextInt(6_000);
    return new Author(
        String.valueOf(990_000_000L + n),
        spec.get(1),
        spec.get(2),
        followers,
        "id",
        "ID",
        spec.get(0),
        flagged);
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
