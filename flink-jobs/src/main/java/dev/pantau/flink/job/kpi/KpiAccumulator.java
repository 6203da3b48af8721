package dev.pantau.flink.job.kpi;

import dev.pantau.keywords.sentiment.SentimentTally;
import java.util.HashMap;
import java.util.Map;

/**
 * The running totals of one brand's window. Authors are kept with their largest potential audience
 * so that reach counts each author once (SPEC §4). {@link #revision} is the last revision emitted
 * (0: never emitted); {@link #dirty} marks a change since then. Sums saturate at {@link
 * KpiMath#CEILING}.
 */
public class KpiAccumulator {
  public String brandName;
  public String group;
  public long mentions;

  /**
   * Distinct authors and the sum of their largest audiences, counted by {@link DistinctAuthors}.
   */
  public long uniqueAuthors;

  public long reach;
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

  /**
   * Sum of the scored mentions' scores in fixed point ({@link SentimentTally#SCALE}):
   * order-independent.
   */
  public long scoreUnits;

  public long employeeMentions;
  public long employeeAuthors;
  public long employeeReach;
  public long employeeEngagement;

  public Map<String, Long> topics = new HashMap<>();
  public long copies;
  public long leads;

  /** Listed employees who posted, and how many the brand lists (0: none, no participation). */
  public long listedEmployees;

  public int roster;

  public int revision;
  public boolean dirty;

  /**
   * The {@code followers} figure as last emitted (null: none), to re-emit a window a late reading
   * changed.
   */
  public Long emittedFollowersEnd;

  public Long emittedFollowersGrowth;

  public KpiAccumulator() {}

  public static KpiAccumulator empty(String brandName, String group) {
    return empty(brandName, group, 0);
  }

  public static KpiAccumulator empty(String brandName, String group, int roster) {
    KpiAccumulator a = new KpiAccumulator();
    a.brandName = brandName;
    a.group = group;
    a.roster = roster;
    return a;
  }

  /**
   * Adds a contribution to this accumulator of window size {@code window} (its author counts from
   * there).
   */
  public void add(KpiContribution c, int window) {
    brandName = c.brandName;
    group = c.group;
    if (c.reading()) {
      return; // followers are read from the window function's ledger when the window is emitted
    }
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
    copies += c.copies;
    leads += c.leads;
    if (c.update) {
      return;
    }
    roster = c.roster;
    mentions++;
    if (c.newAuthors != null) {
      uniqueAuthors += c.newAuthors[window];
      reach = KpiMath.add(reach, c.reachGrowth[window]);
      employeeAuthors += c.newEmployeeAuthors[window];
      employeeReach = KpiMath.add(employeeReach, c.employeeReachGrowth[window]);
      if (c.newListedEmployees != null) {
        listedEmployees += c.newListedEmployees[window];
      }
    }
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
    }
    for (String t : c.topics) {
      topics.merge(t, 1L, Long::sum);
    }
  }

  public long engagementTotal() {
    return KpiMath.sum(likes, comments, shares, quotes, bookmarks);
  }

  /** SPEC §4 {@code employee.participation}: null when the brand lists no employees. */
  public Double participation() {
    return roster <= 0 ? null : Math.min(1.0, (double) listedEmployees / roster);
  }

  public SentimentTally sentiment() {
    return new SentimentTally(positive, neutral, negative, unscored, scoreUnits);
  }
}
