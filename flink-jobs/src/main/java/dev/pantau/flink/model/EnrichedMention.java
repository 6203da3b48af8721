package dev.pantau.flink.model;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mention with what Pantau found in it (SPEC §6): language, matched brands and topics, the words that
 * matched, sentiment and the employee flag. Also carries each matched brand's name and group so that
 * KPI windows do not need the keyword set (which may change while the job runs).
 */
public class EnrichedMention {
  public Mention mention;
  public String lang;
  public ArrayList<String> brands = new ArrayList<>();
  /** Parallel to {@link #brands}: display name and competitor group (null without one). */
  public ArrayList<String> brandNames = new ArrayList<>();
  public ArrayList<String> brandGroups = new ArrayList<>();
  /** Parallel to {@link #brands}: whether the author is an advocate of that brand. */
  public ArrayList<Boolean> brandEmployee = new ArrayList<>();
  public ArrayList<String> topics = new ArrayList<>();
  public TreeMap<String, ArrayList<String>> matchedTerms = new TreeMap<>();
  /** Brands whose query could not be evaluated on this mention (a wildcard expanded too far): counted, shown. */
  public ArrayList<String> overflowedBrands = new ArrayList<>();
  /** Null when sentiment is not scored by this job. */
  public String sentimentLabel;
  public double sentimentScore;
  public boolean employee;

  public EnrichedMention() {}

  public boolean matched() {
    return !brands.isEmpty();
  }

  public void putMatchedTerms(Map<String, ? extends java.util.List<String>> terms) {
    terms.forEach((k, v) -> matchedTerms.put(k, new ArrayList<>(v)));
  }

  @Override
  public String toString() {
    return "EnrichedMention{" + mention + " brands=" + brands + "}";
  }
}
