package dev.pantau.flink.job.kpi;

import java.util.Map;
import java.util.TreeMap;

/**
 * One KPI record (SPEC §4): a brand's window, for one source or {@code "*"}. Optional parts are
 * null when the job does not compute them (sentiment without a scorer, share of voice without a
 * group).
 */
public class KpiRecord {
  public String brand;
  public String brandName;
  public String group;
  public String window;
  public long start;
  public long end;
  public String source;
  public long mentions;
  public long uniqueAuthors;
  public long reach;
  public long impressions;
  public long likes;
  public long comments;
  public long shares;
  public long quotes;
  public long bookmarks;
  public long engagementTotal;

  public Long sentimentPositive;
  public Long sentimentNeutral;
  public Long sentimentNegative;
  public Long sentimentUnscored;

  /** Null when no mention of the window was scored. */
  public Double sentimentNet;

  public Double sentimentMean;

  /**
   * The scored mentions' score sum in {@link dev.pantau.keywords.sentiment.SentimentTally#SCALE}
   * units, so that windows made of minutes get their mean from exact sums. Internal, never written
   * out.
   */
  public Long sentimentScoreUnits;

  public Double shareOfVoice;

  public long employeeMentions;
  public long employeeAuthors;
  public long employeeReach;
  public long employeeEngagement;

  public Map<String, Long> topics = new TreeMap<>();

  /** SPEC §4: mentions carrying {@code copy_of}; social leads (§4b). */
  public long copies;

  public long leads;

  /** Share of the brand's listed employees who posted; null when it lists none. */
  public Double employeeParticipation;

  /**
   * SPEC §4 {@code followers}: null when no owned account of the brand had a reading by the
   * window's end.
   */
  public Long followersEnd;

  public Long followersGrowth;
  public int revision;

  /**
   * True for a window that slides by a minute, summed from 1m records so that alerts need not wait
   * for a tumbling window to close. Internal to alerting, never written out.
   */
  public boolean sliding;

  /**
   * A sliding window's KPIs by metric name ({@link KpiFields#fromMinutes}: unique authors, reach
   * and share of voice are not known for it); null for other records, whose KPIs are their fields.
   */
  public Map<String, Double> slidingMetrics;

  public KpiRecord() {}

  /**
   * A copy of every field (the topics map and sliding metrics copied too), next to the fields so a
   * new KPI field is copied where it is declared: {@link ShareOfVoice} re-emits records through it.
   */
  public KpiRecord copy() {
    KpiRecord r = new KpiRecord();
    r.brand = brand;
    r.brandName = brandName;
    r.group = group;
    r.window = window;
    r.start = start;
    r.end = end;
    r.source = source;
    r.mentions = mentions;
    r.uniqueAuthors = uniqueAuthors;
    r.reach = reach;
    r.impressions = impressions;
    r.likes = likes;
    r.comments = comments;
    r.shares = shares;
    r.quotes = quotes;
    r.bookmarks = bookmarks;
    r.engagementTotal = engagementTotal;
    r.sentimentPositive = sentimentPositive;
    r.sentimentNeutral = sentimentNeutral;
    r.sentimentNegative = sentimentNegative;
    r.sentimentUnscored = sentimentUnscored;
    r.sentimentNet = sentimentNet;
    r.sentimentMean = sentimentMean;
    r.sentimentScoreUnits = sentimentScoreUnits;
    r.shareOfVoice = shareOfVoice;
    r.employeeMentions = employeeMentions;
    r.employeeAuthors = employeeAuthors;
    r.employeeReach = employeeReach;
    r.employeeEngagement = employeeEngagement;
    r.topics = new TreeMap<>(topics);
    r.copies = copies;
    r.leads = leads;
    r.employeeParticipation = employeeParticipation;
    r.followersEnd = followersEnd;
    r.followersGrowth = followersGrowth;
    r.revision = revision;
    r.sliding = sliding;
    r.slidingMetrics = slidingMetrics == null ? null : new java.util.TreeMap<>(slidingMetrics);
    return r;
  }

  /** The upsert key of SPEC §4: brand, window, start, source. */
  public String upsertKey() {
    return brand + '|' + window + '|' + start + '|' + source;
  }

  @Override
  public String toString() {
    return "KpiRecord{"
        + brand
        + " "
        + window
        + " "
        + start
        + " "
        + source
        + " mentions="
        + mentions
        + " rev="
        + revision
        + "}";
  }
}
