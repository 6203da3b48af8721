package dev.pantau.keywords;

import java.util.List;
import java.util.Map;

/**
 * What matching found for one mention.
 *
 * @param lang the language used for analysis: as given, or detected ({@code en}, {@code id}, else
 *     {@code und})
 * @param brands ids of the brands whose query matched and whose filters let the mention through,
 *     sorted
 * @param topics ids of the topics that matched, sorted (only meaningful when {@code brands} is not
 *     empty)
 * @param matchedTerms per brand id (and per topic id), the words of the mention that made it match,
 *     in order of first appearance
 * @param overflowedBrands ids of the brands whose query could not be evaluated on this mention
 *     because a wildcard of it expands to more words of the mention than {@link
 *     MatcherConfig#wildcardExpansions()} allows: the brand did not match, and the caller should
 *     tell the user (counted, shown)
 * @param overflowedTopics the same for topics
 */
public record MatchResult(
    String lang,
    List<String> brands,
    List<String> topics,
    Map<String, List<String>> matchedTerms,
    List<String> overflowedBrands,
    List<String> overflowedTopics) {

  public MatchResult {
    brands = List.copyOf(brands);
    topics = List.copyOf(topics);
    matchedTerms = Map.copyOf(matchedTerms);
    overflowedBrands = List.copyOf(overflowedBrands);
    overflowedTopics = List.copyOf(overflowedTopics);
  }

  public MatchResult(
      String lang,
      List<String> brands,
      List<String> topics,
      Map<String, List<String>> matchedTerms) {
    this(lang, brands, topics, matchedTerms, List.of(), List.of());
  }

  public boolean matched() {
    return !brands.isEmpty();
  }
}
