package dev.pantau.flink.job.copies;

import dev.pantau.flink.model.EnrichedMention;

/**
 * An enriched mention as one of its brands sees it (index {@link #brandIndex} of its {@code
 * brands}): what copy detection, leads, the KPI windows and the advocacy leaderboard read. Keyed by
 * brand.
 */
public class BrandPost {
  /** A mention seen for the first time. */
  public static final int NEW = 0;

  /** Engagement growth of a mention seen before ({@link dev.pantau.flink.model.Mention#update}). */
  public static final int UPDATE = 1;

  /**
   * A mention seen before that turned out to be a copy once its burst reached 3 authors (SPEC §6).
   */
  public static final int COPY_MARK = 2;

  public int kind;
  public int brandIndex;
  public String brand;
  public EnrichedMention em;

  /** The id of the earliest mention of its burst, or null. */
  public String copyOf;

  /** Counted as a lead of this brand (for a mark: it was, and is no more). */
  public boolean lead;

  /** When its lead is due (the timer it waits for), while {@link #lead}. */
  public long leadDue;

  public BrandPost() {}

  public BrandPost(int kind, int brandIndex, EnrichedMention em) {
    this.kind = kind;
    this.brandIndex = brandIndex;
    this.brand = em.brands.get(brandIndex);
    this.em = em;
  }

  public String brand() {
    return brand;
  }

  public long eventTime() {
    return em.mention.createdAt;
  }

  public boolean employee() {
    return em.brandEmployee.get(brandIndex);
  }

  /**
   * Whether it is a social lead of its brand when not a copy: a lead topic matched, not by an
   * employee.
   */
  public boolean leadCandidate() {
    return !em.leadTopics.isEmpty() && !employee() && !em.mention.update;
  }

  public BrandPost mark(String earliest, boolean wasLead) {
    BrandPost p = new BrandPost(COPY_MARK, brandIndex, em);
    p.copyOf = earliest;
    p.lead = wasLead;
    p.leadDue = leadDue;
    return p;
  }
}
