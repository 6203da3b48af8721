package dev.pantau.flink.job.kpi;

import static dev.pantau.alerts.KpiMetrics.BOOKMARKS;
import static dev.pantau.alerts.KpiMetrics.COMMENTS;
import static dev.pantau.alerts.KpiMetrics.EMPLOYEE_AUTHORS;
import static dev.pantau.alerts.KpiMetrics.EMPLOYEE_ENGAGEMENT;
import static dev.pantau.alerts.KpiMetrics.EMPLOYEE_MENTIONS;
import static dev.pantau.alerts.KpiMetrics.EMPLOYEE_REACH;
import static dev.pantau.alerts.KpiMetrics.ENGAGEMENT_TOTAL;
import static dev.pantau.alerts.KpiMetrics.FOLLOWERS_END;
import static dev.pantau.alerts.KpiMetrics.FOLLOWERS_GROWTH;
import static dev.pantau.alerts.KpiMetrics.IMPRESSIONS;
import static dev.pantau.alerts.KpiMetrics.LIKES;
import static dev.pantau.alerts.KpiMetrics.MENTIONS;
import static dev.pantau.alerts.KpiMetrics.QUOTES;
import static dev.pantau.alerts.KpiMetrics.REACH;
import static dev.pantau.alerts.KpiMetrics.SENTIMENT_MEAN;
import static dev.pantau.alerts.KpiMetrics.SENTIMENT_NEGATIVE;
import static dev.pantau.alerts.KpiMetrics.SENTIMENT_NET;
import static dev.pantau.alerts.KpiMetrics.SENTIMENT_NEUTRAL;
import static dev.pantau.alerts.KpiMetrics.SENTIMENT_POSITIVE;
import static dev.pantau.alerts.KpiMetrics.SENTIMENT_UNSCORED;
import static dev.pantau.alerts.KpiMetrics.SHARES;
import static dev.pantau.alerts.KpiMetrics.SHARE_OF_VOICE;
import static dev.pantau.alerts.KpiMetrics.TOPICS;
import static dev.pantau.alerts.KpiMetrics.UNIQUE_AUTHORS;

import dev.pantau.alerts.KpiMetrics;
import dev.pantau.keywords.sentiment.SentimentTally;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The KPI registry: every field of a KPI record (SPEC §4) with how it is read, in the order the
 * JSON writer writes it. The JSON writer, the alert detectors' view of a record, the sliding alert
 * windows and the rule loader all iterate it; none names a field itself.
 */
public final class KpiFields implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final KpiFields STANDARD =
      new KpiFields(
          List.of(
              KpiField.count(MENTIONS, r -> r.mentions),
              KpiField.count(UNIQUE_AUTHORS, r -> r.uniqueAuthors),
              KpiField.count(REACH, r -> r.reach),
              KpiField.count(IMPRESSIONS, r -> r.impressions),
              KpiField.count(LIKES, r -> r.likes),
              KpiField.count(COMMENTS, r -> r.comments),
              KpiField.count(SHARES, r -> r.shares),
              KpiField.count(QUOTES, r -> r.quotes),
              KpiField.count(BOOKMARKS, r -> r.bookmarks),
              KpiField.count(ENGAGEMENT_TOTAL, r -> r.engagementTotal),
              KpiField.count(SENTIMENT_POSITIVE, r -> r.sentimentPositive),
              KpiField.count(SENTIMENT_NEUTRAL, r -> r.sentimentNeutral),
              KpiField.count(SENTIMENT_NEGATIVE, r -> r.sentimentNegative),
              KpiField.count(SENTIMENT_UNSCORED, r -> r.sentimentUnscored),
              KpiField.ratio(
                  SENTIMENT_NET,
                  r -> r.sentimentNet,
                  KpiFields::positiveLessNegative,
                  KpiFields::scored,
                  1),
              KpiField.ratio(
                  SENTIMENT_MEAN,
                  r -> r.sentimentMean,
                  r -> r.sentimentScoreUnits,
                  KpiFields::scored,
                  SentimentTally.SCALE),
              KpiField.ratio(SHARE_OF_VOICE, r -> r.shareOfVoice),
              KpiField.count(EMPLOYEE_MENTIONS, r -> r.employeeMentions),
              KpiField.count(EMPLOYEE_AUTHORS, r -> r.employeeAuthors),
              KpiField.count(EMPLOYEE_REACH, r -> r.employeeReach),
              KpiField.count(EMPLOYEE_ENGAGEMENT, r -> r.employeeEngagement),
              KpiField.family(TOPICS, r -> r.topics),
              KpiField.count(KpiMetrics.COPIES, r -> r.copies),
              KpiField.count(KpiMetrics.LEADS, r -> r.leads),
              KpiField.ratio(KpiMetrics.EMPLOYEE_PARTICIPATION, r -> r.employeeParticipation),
              KpiField.count(FOLLOWERS_END, r -> r.followersEnd),
              KpiField.count(FOLLOWERS_GROWTH, r -> r.followersGrowth)));

  private final List<KpiField> fields;
  private final KpiMetrics metrics;

  public KpiFields(List<KpiField> fields) {
    this.fields = List.copyOf(fields);
    // also refuses a name defined twice
    this.metrics = new KpiMetrics(this.fields.stream().map(KpiField::metric).toList());
  }

  /** These fields and {@code extra} after them. */
  public KpiFields with(KpiField extra) {
    List<KpiField> all = new ArrayList<>(fields);
    all.add(extra);
    return new KpiFields(all);
  }

  public List<KpiField> all() {
    return fields;
  }

  /** The names and kinds, for the rule loader ({@code metric:} must name one). */
  public KpiMetrics metrics() {
    return metrics;
  }

  /** The field a metric name denotes, a family's for {@code topics.<id>}. */
  public Optional<KpiField> find(String metric) {
    return metrics
        .find(metric)
        .flatMap(m -> fields.stream().filter(f -> f.metric().equals(m)).findFirst());
  }

  /**
   * Fields whose value over a window is computed from its minutes' (see {@link
   * KpiField#fromMinutes}).
   */
  public List<KpiField> fromMinutes() {
    return fields.stream().filter(KpiField::fromMinutes).toList();
  }

  private static Long positiveLessNegative(KpiRecord r) {
    return r.sentimentPositive == null ? null : r.sentimentPositive - r.sentimentNegative;
  }

  private static Long scored(KpiRecord r) {
    return r.sentimentPositive == null
        ? null
        : r.sentimentPositive + r.sentimentNeutral + r.sentimentNegative;
  }
}
