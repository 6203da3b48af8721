package dev.pantau.flink.job.kpi;

import dev.pantau.keywords.sentiment.SentimentTally;
import java.util.HashMap;
import java.util.Map;

/**
 * The running totals of one brand's window. Authors are kept with their largest potential audience so
 * that reach counts each author once (SPEC §4). {@link #revision} is the last revision emitted (0:
 * never emitted); {@link #dirty} marks a change since then. Sums saturate at {@link KpiMath#CEILING}.
 */
public class KpiAccumulator {
  public String brandName;
  public String group;
  public long mentions;
  public Map<String, Long> authorReach = new HashMap<>();
  public long impressions;
  public long likes;
  public long comments;
  public long shares;
  public long quotes;
  public long bookmarks;

  public long positive;
  public long neutral;
  public long negative;
  public long unscored;
  /** Sum of the scored mentions' scores in fixed point ({@link SentimentTally#SCALE}): order-independent. */
  public long scoreUnits;

  public long employeeMentions;
  public Map<String, Long> employeeAuthorReach = new HashMap<>();
  public long employeeEngagement;

  public Map<String, Long> topics = new HashMap<>();

  public int revision;
  public boolean dirty;
  /** Share of voice as last emitted, to re-emit a sibling only when its share changed. */
  public double emittedShare = -1;

  public KpiAccumulator() {}

  public static KpiAccumulator empty(String brandName, String group) {
    KpiAccumulator a = new KpiAccumulator();
    a.brandName = brandName;
    a.group = group;
    return a;
  }

  public void add(KpiContribution c) {
    brandName = c.brandName;
    group = c.group;
    likes = KpiMath.add(likes, c.likes);
    comments = KpiMath.add(comments, c.comments);
    shares = KpiMath.add(shares, c.shares);
    quotes = KpiMath.add(quotes, c.quotes);
    bookmarks = KpiMath.add(bookmarks, c.bookmarks);
    if (c.views != null) {
      impressions = KpiMath.add(impressions, c.views);
    }
    if (c.employee) {
      employeeEngagement = KpiMath.add(employeeEngagement, c.engagementTotal());
    }
    if (c.update) {
      return;
    }
    mentions++;
    authorReach.merge(c.authorKey, c.reach, Math::max);
    if (c.sentimentLabel != null) {
      switch (c.sentimentLabel) {
        case "positive" -> positive++;
        case "negative" -> negative++;
        case "neutral" -> neutral++;
        default -> unscored++;
      }
      if (!"unscored".equals(c.sentimentLabel)) {
        scoreUnits += Math.round(c.sentimentScore * SentimentTally.SCALE);
      }
    }
    if (c.employee) {
      employeeMentions++;
      employeeAuthorReach.merge(c.authorKey, c.reach, Math::max);
    }
    for (String t : c.topics) {
      topics.merge(t, 1L, Long::sum);
    }
  }

  public long reach() {
    return sum(authorReach);
  }

  public long employeeReach() {
    return sum(employeeAuthorReach);
  }

  public long engagementTotal() {
    return KpiMath.sum(likes, comments, shares, quotes, bookmarks);
  }

  public SentimentTally sentiment() {
    return new SentimentTally(positive, neutral, negative, unscored, scoreUnits);
  }

  private static long sum(Map<String, Long> m) {
    long s = 0;
    for (long v : m.values()) {
      s = KpiMath.add(s, v);
    }
    return s;
  }
}
