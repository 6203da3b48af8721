package dev.pantau.alerts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The KPI fields of SPEC §4 that rules may name, in the order a KPI record writes them. The job
 * binds each to how it is read and accumulated ({@code dev.pantau.flink.job.kpi.KpiFields}); a new
 * KPI is one entry here and its binding there.
 */
public final class KpiMetrics implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The {@code source} of a KPI record of all sources together (SPEC §4). */
  public static final String ALL_SOURCES = "*";

  public static final KpiMetric MENTIONS = KpiMetric.additive("mentions");
  public static final KpiMetric UNIQUE_AUTHORS = KpiMetric.distinct("unique_authors");
  public static final KpiMetric REACH = KpiMetric.distinct("reach");
  public static final KpiMetric IMPRESSIONS = KpiMetric.additive("impressions");
  public static final KpiMetric LIKES = KpiMetric.additive("engagement.likes");
  public static final KpiMetric COMMENTS = KpiMetric.additive("engagement.comments");
  public static final KpiMetric SHARES = KpiMetric.additive("engagement.shares");
  public static final KpiMetric QUOTES = KpiMetric.additive("engagement.quotes");
  public static final KpiMetric BOOKMARKS = KpiMetric.additive("engagement.bookmarks");
  public static final KpiMetric ENGAGEMENT_TOTAL = KpiMetric.additive("engagement.total");
  public static final KpiMetric SENTIMENT_POSITIVE = KpiMetric.additive("sentiment.positive");
  public static final KpiMetric SENTIMENT_NEUTRAL = KpiMetric.additive("sentiment.neutral");
  public static final KpiMetric SENTIMENT_NEGATIVE = KpiMetric.additive("sentiment.negative");
  public static final KpiMetric SENTIMENT_UNSCORED = KpiMetric.additive("sentiment.unscored");
  public static final KpiMetric SENTIMENT_NET = KpiMetric.ratio("sentiment.net", -1, 1);
  public static final KpiMetric SENTIMENT_MEAN = KpiMetric.ratio("sentiment.mean", -1, 1);
  public static final KpiMetric SHARE_OF_VOICE = KpiMetric.ratio("share_of_voice", 0, 1);
  public static final KpiMetric EMPLOYEE_MENTIONS = KpiMetric.additive("employee.mentions");
  public static final KpiMetric EMPLOYEE_AUTHORS = KpiMetric.distinct("employee.authors");
  public static final KpiMetric EMPLOYEE_REACH = KpiMetric.distinct("employee.reach");
  public static final KpiMetric EMPLOYEE_ENGAGEMENT = KpiMetric.additive("employee.engagement");
  public static final KpiMetric TOPICS = KpiMetric.additive("topics.");

  /** Mentions carrying {@code copy_of} (SPEC §6). */
  public static final KpiMetric COPIES = KpiMetric.additive("copies");

  /** Social leads (SPEC §4b). */
  public static final KpiMetric LEADS = KpiMetric.additive("leads");

  /** The share of the brand's listed employees who posted in the window. */
  public static final KpiMetric EMPLOYEE_PARTICIPATION =
      KpiMetric.ratio("employee.participation", 0, 1);

  /** Owned accounts' followers at the window's end (SPEC §1b, §4): a level, not a sum over time. */
  public static final KpiMetric FOLLOWERS_END = KpiMetric.distinct("followers.end");

  /** Their change over the window: adds up over consecutive windows, and may be negative. */
  public static final KpiMetric FOLLOWERS_GROWTH =
      new KpiMetric(
          "followers.growth",
          KpiMetric.Kind.ADDITIVE,
          Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY);

  public static final KpiMetrics STANDARD =
      new KpiMetrics(
          List.of(
              MENTIONS,
              UNIQUE_AUTHORS,
              REACH,
              IMPRESSIONS,
              LIKES,
              COMMENTS,
              SHARES,
              QUOTES,
              BOOKMARKS,
              ENGAGEMENT_TOTAL,
              SENTIMENT_POSITIVE,
              SENTIMENT_NEUTRAL,
              SENTIMENT_NEGATIVE,
              SENTIMENT_UNSCORED,
              SENTIMENT_NET,
              SENTIMENT_MEAN,
              SHARE_OF_VOICE,
              EMPLOYEE_MENTIONS,
              EMPLOYEE_AUTHORS,
              EMPLOYEE_REACH,
              EMPLOYEE_ENGAGEMENT,
              TOPICS,
              COPIES,
              LEADS,
              EMPLOYEE_PARTICIPATION,
              FOLLOWERS_END,
              FOLLOWERS_GROWTH));

  private final List<KpiMetric> metrics;

  public KpiMetrics(List<KpiMetric> metrics) {
    List<String> names = metrics.stream().map(KpiMetric::name).toList();
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("a KPI is named twice in " + names);
    }
    this.metrics = List.copyOf(metrics);
  }

  /** These metrics and {@code extra} after them. */
  public KpiMetrics with(KpiMetric extra) {
    List<KpiMetric> all = new ArrayList<>(metrics);
    all.add(extra);
    return new KpiMetrics(all);
  }

  public List<KpiMetric> all() {
    return metrics;
  }

  /** The metric a rule's {@code metric:} names, a family's for {@code topics.<id>}. */
  public Optional<KpiMetric> find(String name) {
    for (KpiMetric m : metrics) {
      if (m.family()
          ? name.startsWith(m.name()) && name.length() > m.name().length()
          : m.name().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** As {@link #find}, or an exception that lists the valid names. */
  public KpiMetric require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "metric '" + name + "' is not a KPI field; valid: " + names()));
  }

  /**
   * What SPEC §3 lets a target name besides additive KPI fields: the posts of the brand's
   * employees.
   */
  public static final String EMPLOYEE_POSTS = "employee.posts";

  /**
   * The KPI field a target's {@code metric} is summed from (SPEC §3: an additive field, {@code
   * leads}, {@code employee.posts} or {@code followers.growth}), or empty when it names none.
   * {@code employee.posts} reads {@code employee.mentions} unless the registry has a field of that
   * name.
   */
  public Optional<String> targetField(String name) {
    Optional<KpiMetric> m = find(name);
    if (m.isPresent()) {
      return m.get().kind() == KpiMetric.Kind.ADDITIVE ? Optional.of(name) : Optional.empty();
    }
    if (name.equals(EMPLOYEE_POSTS) && find(EMPLOYEE_MENTIONS.name()).isPresent()) {
      return Optional.of(EMPLOYEE_MENTIONS.name());
    }
    return Optional.empty();
  }

  /** The names a target may take, comma-separated. */
  public String targetNames() {
    List<String> out = new ArrayList<>();
    for (KpiMetric m : metrics) {
      if (m.kind() == KpiMetric.Kind.ADDITIVE) {
        out.add(m.display());
      }
    }
    if (find(EMPLOYEE_POSTS).isEmpty()) {
      out.add(EMPLOYEE_POSTS);
    }
    return String.join(", ", out);
  }

  /** The valid names, comma-separated, a family as {@code topics.<id>}. */
  public String names() {
    return metrics.stream().map(KpiMetric::display).collect(Collectors.joining(", "));
  }
}
