package dev.pantau.flink.report;

import java.util.Collection;

/**
 * A brand's KPIs over a period, summed from its windows of one length for all sources. Net
 * sentiment and share of voice are recomputed from the summed counts, never averaged from the
 * windows' ratios (a quiet day would weigh as much as a busy one). Reach sums the windows' reach:
 * an author seen on two days counts twice, which the report says. Followers are the audience at the
 * end of the period: the last window's {@code followers.end}, not a sum.
 */
public record PeriodTotals(
    long mentions,
    long reach,
    long engagement,
    long positive,
    long neutral,
    long negative,
    long groupMentions,
    boolean hasGroup,
    boolean hasSentiment,
    long leads,
    Long followersEnd,
    Long followersGrowth) {

  public static PeriodTotals of(Collection<KpiRow> rows, String brand, String window) {
    long mentions = 0, reach = 0, engagement = 0, pos = 0, neu = 0, neg = 0, group = 0;
    String groupId = null;
    boolean sentiment = false;
    long leads = 0;
    Long growth = null;
    Long followers = null;
    java.time.Instant followersAt = null;
    for (KpiRow r : rows) {
      if (r.brand().equals(brand) && r.window().equals(window) && r.source().equals("*")) {
        leads += longOf(r, "leads");
        Number end = r.value("followers.end");
        if (end != null && (followersAt == null || r.start().isAfter(followersAt))) {
          followers = end.longValue();
          followersAt = r.start();
        }
        Number g = r.value("followers.growth");
        if (g != null) {
          growth = (growth == null ? 0 : growth) + g.longValue();
        }
        mentions += longOf(r, "mentions");
        reach += longOf(r, "reach");
        engagement += longOf(r, "engagement.total");
        if (r.value("sentiment.positive") != null) {
          sentiment = true;
          pos += longOf(r, "sentiment.positive");
          neu += longOf(r, "sentiment.neutral");
          neg += longOf(r, "sentiment.negative");
        }
        groupId = groupId == null ? r.group() : groupId;
      }
    }
    if (groupId != null) {
      for (KpiRow r : rows) {
        if (groupId.equals(r.group()) && r.window().equals(window) && r.source().equals("*")) {
          group += longOf(r, "mentions");
        }
      }
    }
    return new PeriodTotals(
        mentions,
        reach,
        engagement,
        pos,
        neu,
        neg,
        group,
        groupId != null,
        sentiment,
        leads,
        followers,
        growth);
  }

  /** (positive - negative) / scored, as SPEC §4 defines it; null when nothing was scored. */
  public Double netSentiment() {
    long scored = positive + neutral + negative;
    return !hasSentiment || scored == 0 ? null : (double) (positive - negative) / scored;
  }

  /** Mentions / the group's mentions; null for a brand without a group or a silent group. */
  public Double shareOfVoice() {
    return !hasGroup || groupMentions == 0 ? null : (double) mentions / groupMentions;
  }

  static long longOf(KpiRow r, String metric) {
    Number n = r.value(metric);
    return n == null ? 0 : n.longValue();
  }

  /** Relative change from {@code before}; null when there was nothing before to compare with. */
  public static Double change(Number now, Number before) {
    if (now == null || before == null || before.doubleValue() == 0) {
      return null;
    }
    return (now.doubleValue() - before.doubleValue()) / Math.abs(before.doubleValue());
  }
}
