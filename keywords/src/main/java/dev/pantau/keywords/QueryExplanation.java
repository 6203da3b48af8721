package dev.pantau.keywords;

import java.util.List;
import java.util.Objects;

/**
 * Why one brand's or topic's query matched a mention or did not ({@link MentionMatcher#explain}):
 * the query as a tree of clauses, each with whether it held on the mention and the words of the
 * mention that made it hold (or, for a {@code NOT}, the words that made it fail).
 *
 * @param kind {@code brand} or {@code topic}
 * @param filteredOut why the brand's filters (languages, sources, excluded authors or sites) kept
 *     the mention out, or null when they admit it (the query is still explained)
 */
public record QueryExplanation(
    String kind, String id, String query, boolean matched, String filteredOut, Clause root) {
  public QueryExplanation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(root, "root");
  }

  /**
   * One clause of the query.
   *
   * @param text the clause as it would be written in a query
   * @param operator {@code AND}, {@code OR}, {@code NOT}, or null for a term, phrase, field or
   *     proximity
   * @param holds whether the clause holds on the mention
   * @param words the mention's words the clause found (for a {@code NOT}: those of its negated
   *     clause)
   */
  public record Clause(
      String text, String operator, boolean holds, List<String> words, List<Clause> children) {
    public Clause {
      Objects.requireNonNull(text, "text");
      words = List.copyOf(words);
      children = List.copyOf(children);
    }
  }
}
