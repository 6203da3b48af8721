package dev.pantau.keywords.query;

import java.util.List;

/**
 * The parsed form of a keyword query (SPEC §2); every node remembers where it starts in the text.
 */
public sealed interface QueryNode {

  int position();

  /** A bare term; a hyphenated one ({@code coca-cola}) is matched as the phrase of its parts. */
  record Word(String text, int position) implements QueryNode {}

  /** {@code "exact phrase"}, or {@code "a b"~n} when {@code slop >= 0}. */
  record Phrase(String text, int slop, int position) implements QueryNode {}

  /** {@code #hashtag} ({@code sign '#'}) or {@code @handle} ({@code sign '@'}). */
  record Tag(char sign, String name, int position) implements QueryNode {}

  /** A term with {@code *} (at the end) or {@code ?}; may start with {@code #} or {@code @}. */
  record Wildcard(String pattern, int position) implements QueryNode {}

  /** {@code field:value}; for {@code title:} the value is any query, else a word, tag or phrase. */
  record Field(String field, QueryNode value, int position) implements QueryNode {}

  record And(List<QueryNode> clauses, int position) implements QueryNode {
    public And {
      clauses = List.copyOf(clauses);
    }
  }

  record Or(List<QueryNode> clauses, int position) implements QueryNode {
    public Or {
      clauses = List.copyOf(clauses);
    }
  }

  record Not(QueryNode clause, int position) implements QueryNode {}

  /** {@code left NEAR/n right} or, when {@code ordered}, {@code left ONEAR/n right}. */
  record Near(QueryNode left, QueryNode right, int distance, boolean ordered, int position)
      implements QueryNode {}
}
