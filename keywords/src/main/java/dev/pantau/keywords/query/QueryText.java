package dev.pantau.keywords.query;

import java.util.stream.Collectors;

/** A parsed query written back as query text, with the parentheses its precedence needs. */
public final class QueryText {
  private QueryText() {}

  public static String of(QueryNode node) {
    if (node instanceof QueryNode.Word w) {
      return w.text();
    }
    if (node instanceof QueryNode.Phrase p) {
      return '"' + p.text() + '"' + (p.slop() >= 0 ? "~" + p.slop() : "");
    }
    if (node instanceof QueryNode.Tag t) {
      return t.sign() + t.name();
    }
    if (node instanceof QueryNode.Wildcard w) {
      return w.pattern();
    }
    if (node instanceof QueryNode.Field f) {
      return f.field() + ":" + grouped(f.value());
    }
    if (node instanceof QueryNode.And a) {
      return a.clauses().stream()
          .map(c -> c instanceof QueryNode.Or ? "(" + of(c) + ")" : of(c))
          .collect(Collectors.joining(" AND "));
    }
    if (node instanceof QueryNode.Or o) {
      return o.clauses().stream()
          .map(c -> c instanceof QueryNode.And ? "(" + of(c) + ")" : of(c))
          .collect(Collectors.joining(" OR "));
    }
    if (node instanceof QueryNode.Not n) {
      return "NOT " + grouped(n.clause());
    }
    if (node instanceof QueryNode.Near n) {
      return grouped(n.left())
          + (n.ordered() ? " ONEAR/" : " NEAR/")
          + n.distance()
          + " "
          + grouped(n.right());
    }
    throw new IllegalArgumentException("unknown query node " + node);
  }

  private static String grouped(QueryNode node) {
    boolean compound =
        node instanceof QueryNode.And
            || node instanceof QueryNode.Or
            || node instanceof QueryNode.Near;
    return compound ? "(" + of(node) + ")" : of(node);
  }
}
