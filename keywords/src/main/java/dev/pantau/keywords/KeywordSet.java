package dev.pantau.keywords;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brands and topics, as loaded from files or assembled from the {@code keyword-sets} topic.
 * Immutable; ids are unique within brands and within topics.
 */
public record KeywordSet(List<Brand> brands, List<Topic> topics) implements java.io.Serializable {

  public static final KeywordSet EMPTY = new KeywordSet(List.of(), List.of());

  public KeywordSet {
    brands = List.copyOf(brands);
    topics = List.copyOf(topics);
    Map<String, Brand> seen = new LinkedHashMap<>();
    for (Brand b : brands) {
      if (seen.put(b.id(), b) != null) {
        throw new IllegalArgumentException("duplicate brand id: " + b.id());
      }
    }
    Map<String, Topic> seenTopics = new LinkedHashMap<>();
    for (Topic t : topics) {
      if (seenTopics.put(t.id(), t) != null) {
        throw new IllegalArgumentException("duplicate topic id: " + t.id());
      }
    }
  }

  public Optional<Brand> brand(String id) {
    return brands.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  public Optional<Topic> topic(String id) {
    return topics.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
