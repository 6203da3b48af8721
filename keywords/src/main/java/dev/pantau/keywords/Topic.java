package dev.pantau.keywords;

/**
 * A topic of a keyword set (SPEC §2): a tag counted per brand mention (lead signals, themes).
 *
 * @param id {@code [a-z0-9][a-z0-9_-]{0,63}}, unique among topics
 * @param query the Boolean query
 * @param lead whether a brand mention matching it is a social lead (SPEC §4b)
 */
public record Topic(String id, String query, boolean lead) implements java.io.Serializable {

  /** A topic that is no lead signal. */
  public Topic(String id, String query) {
    this(id, query, false);
  }

  public Topic {
    if (id == null || !Brand.ID_PATTERN.matcher(id).matches()) {
      throw new IllegalArgumentException("topic id must match " + Brand.ID_PATTERN + ": " + id);
    }
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("topic " + id + ": query is required");
    }
  }
}
