package dev.pantau.flink.cli;

import dev.pantau.keywords.QueryExplanation;
import dev.pantau.keywords.QueryExplanation.Clause;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints {@code match --explain}: for a query that matched, the clauses that fired (every part of
 * an AND, the parts of an OR that held) with the words that fired them; for one that did not, the
 * clauses that failed, down to the one to change.
 */
final class ExplainPrinter {
  private final PrintStream out;

  ExplainPrinter(PrintStream out) {
    this.out = out;
  }

  void print(List<QueryExplanation> explanations) {
    for (QueryExplanation e : explanations) {
      String verdict = e.matched() ? "MATCH" : "no match";
      out.println("  " + e.kind() + " " + e.id() + ": " + verdict + "   query: " + e.query());
      if (e.filteredOut() != null) {
        out.println("    filtered out: " + e.filteredOut());
      }
      if (e.root().holds()) {
        fired(e.root(), "    ");
      } else {
        failed(e.root(), "    ");
      }
    }
  }

  private void fired(Clause c, String indent) {
    switch (c.operator() == null ? "" : c.operator()) {
      case "AND" -> c.children().forEach(child -> fired(child, indent));
      case "OR" ->
          c.children().stream().filter(Clause::holds).forEach(child -> fired(child, indent));
      case "NOT" -> out.println(indent + "fired: " + c.text() + " (none of it in the text)");
      default -> out.println(indent + "fired: " + c.text() + " " + c.words());
    }
  }

  private void failed(Clause c, String indent) {
    switch (c.operator() == null ? "" : c.operator()) {
      case "AND" ->
          c.children().stream()
              .filter(child -> !child.holds())
              .forEach(child -> failed(child, indent));
      case "OR" -> out.println(indent + "failed: none of " + c.text());
      case "NOT" -> out.println(indent + "failed: " + c.text() + " matched " + c.words());
      default ->
          out.println(
              indent
                  + "failed: "
                  + c.text()
                  + (c.text().contains("not evaluated") ? "" : " (not in the text)"));
    }
  }
}
