package dev.pantau.flink.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mention with what Pantau found in it (SPEC §6): language, matched brands and topics, the words
 * that matched, sentiment and the employee flag. Also carries each matched brand's name and group
 * so that KPI windows do not need the keyword set (which may change while the job runs).
 */
public class EnrichedMention {
  public Mention mention;
  public String lang;
  public List<String> brands = new ArrayList<>();

  /** Parallel to {@link #brands}: display name and competitor group (null without one). */
  public List<String> brandNames = new ArrayList<>();

  public List<String> brandGroups = new ArrayList<>();

  /** Parallel to {@link #brands}: whether the author is an advocate of that brand. */
  public List<Boolean> brandEmployee = new ArrayList<>();

  /**
   * Parallel to {@link #brands}: whether the author is on that brand's {@code employees} roster.
   */
  public List<Boolean> brandListedEmployee = new ArrayList<>();

  /**
   * Parallel to {@link #brands}: how many employees that brand lists (for {@code
   * employee.participation}).
   */
  public List<Integer> brandRoster = new ArrayList<>();

  public List<String> topics = new ArrayList<>();

  /** The matched topics with {@code lead: true} (SPEC §4b), a subset of {@link #topics}. */
  public List<String> leadTopics = new ArrayList<>();

  /** Per brand id, the words that matched (arrays: Flink serializes a map of them without Kryo). */
  public Map<String, String[]> matchedTerms = new TreeMap<>();

  /**
   * Brands whose query could not be evaluated on this mention (a wildcard expanded too far):
   * counted, shown.
   */
  public List<String> overflowedBrands = new ArrayList<>();

  /** Null when sentiment is not scored by this job. */
  public String sentimentLabel;

  public double sentimentScore;
  public boolean employee;

  /**
   * SPEC §6: the id of the earliest mention of the burst of copies this one belongs to; null
   * otherwise.
   */
  public String copyOf;

  public EnrichedMention() {}

  public boolean matched() {
    return !brands.isEmpty();
  }

  public void putMatchedTerms(Map<String, ? extends java.util.List<String>> terms) {
    terms.forEach((k, v) -> matchedTerms.put(k, v.toArray(new String[0])));
  }

  @Override
  public String toString() {
    return "EnrichedMention{" + mention + " brands=" + brands + "}";
  }
}
