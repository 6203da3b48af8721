package dev.pantau.keywords;

import dev.pantau.keywords.analysis.AnalyzedMention;
import dev.pantau.keywords.analysis.MentionFieldNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The positive terms and wildcard automata of a compiled query, per text field: what a matched
 * mention is highlighted with. Negated clauses are skipped. A term inside a NEAR counts wherever it
 * occurs in the mention: the highlight says which of the query's words the mention holds, not which
 * occurrence satisfied the proximity.
 */
final class QueryTerms {

  private static final Set<String> TEXT_FIELDS =
      Set.of(MentionFieldNames.BODY, MentionFieldNames.TITLE, MentionFieldNames.RAW);

  private final Map<String, Set<String>> terms;
  private final Map<String, List<ByteRunAutomaton>> automata;
  private final Set<String> authors;

  private QueryTerms(
      Map<String, Set<String>> terms,
      Map<String, List<ByteRunAutomaton>> automata,
      Set<String> authors) {
    this.terms = terms;
    this.automata = automata;
    this.authors = authors;
  }

  static QueryTerms of(Query query) {
    Map<String, Set<String>> terms = new HashMap<>();
    Map<String, List<ByteRunAutomaton>> automata = new HashMap<>();
    Set<String> authors = new HashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... ts) {
            for (Term t : ts) {
              if (TEXT_FIELDS.contains(t.field())) {
                terms.computeIfAbsent(t.field(), k -> new HashSet<>()).add(t.text());
              } else if (t.field().equals(MentionFieldNames.AUTHOR)) {
                authors.add(t.text());
              }
            }
          }

          @Override
          public void consumeTermsMatching(
              Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            if (TEXT_FIELDS.contains(field)) {
              automata.computeIfAbsent(field, k -> new ArrayList<>()).add(automaton.get());
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
          }
        });
    return new QueryTerms(terms, automata, authors);
  }

  /** Hits as {position, field code} for {@link MentionMatcher}. */
  List<int[]> hits(AnalyzedMention a) {
    List<int[]> out = new ArrayList<>();
    for (String field : TEXT_FIELDS) {
      Set<String> ts = terms.getOrDefault(field, Set.of());
      List<ByteRunAutomaton> as = automata.getOrDefault(field, List.of());
      if (ts.isEmpty() && as.isEmpty()) {
        continue;
      }
      a.forEachTerm(
          field,
          (term, pos) -> {
            if (ts.contains(term) || matchesAny(as, term)) {
              out.add(new int[] {pos, MentionMatcher.CODE_TEXT});
            }
          });
    }
    if (!authors.isEmpty()) {
      for (String author : a.authors()) {
        if (authors.contains(author)) {
          out.add(new int[] {-1, MentionMatcher.CODE_AUTHOR});
          break;
        }
      }
    }
    return out;
  }

  private static boolean matchesAny(List<ByteRunAutomaton> as, String term) {
    if (as.isEmpty()) {
      return false;
    }
    BytesRef b = new BytesRef(term);
    for (ByteRunAutomaton r : as) {
      if (r.run(b.bytes, b.offset, b.length)) {
        return true;
      }
    }
    return false;
  }
}
