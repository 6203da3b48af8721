package dev.pantau.keywords;

import dev.pantau.keywords.analysis.AnalyzedMention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;

/**
 * Decides whether a compiled query matches one analysed mention, as Lucene would on an index of
 * that mention, but without building one where the query does not need positions.
 *
 * <p>Built once per query from the Lucene {@link Query} that {@code QueryCompiler} produced.
 * Boolean logic, terms, prefixes and wildcards are checked against the mention's terms directly (a
 * hash lookup, or a scan of one field's few terms); only interval queries (phrases, NEAR, ONEAR,
 * hyphenated words) run as Lucene queries, on a {@link MemoryIndex} of the one field they search,
 * built the first time a query of that mention reaches them. Any other query type runs whole on a
 * {@code MemoryIndex} of the mention. Building a {@code MemoryIndex} of every field costs about
 * twice the analysis of the mention, so this is what keeps verification of the candidate queries
 * cheaper than analysis. {@code MatcherEqualsBruteForceTest} checks that it agrees with plain
 * Lucene on every generated case.
 */
abstract class QueryEvaluator {

  private static final QueryEvaluator TRUE = new Leaf(m -> true);
  private static final QueryEvaluator FALSE = new Leaf(m -> false);

  private final boolean needsIndex;

  QueryEvaluator(boolean needsIndex) {
    this.needsIndex = needsIndex;
  }

  abstract boolean matches(Mention m);

  /** Whether evaluation may need an index of the mention (positional or unknown queries). */
  final boolean needsIndex() {
    return needsIndex;
  }

  static QueryEvaluator of(Query q) {
    if (q instanceof TermQuery t) {
      String field = t.getTerm().field();
      String text = t.getTerm().text();
      return new Leaf(m -> m.terms(field).contains(text));
    }
    if (q instanceof BooleanQuery b) {
      return BoolEval.of(b);
    }
    if (q instanceof MatchAllDocsQuery) {
      return TRUE;
    }
    if (q instanceof MatchNoDocsQuery) {
      return FALSE;
    }
    if (q instanceof PrefixQuery p) {
      String prefix = p.getPrefix().text();
      return anyTerm(p.getPrefix().field(), t -> t.startsWith(prefix));
    }
    if (q instanceof WildcardQuery w) {
      CharacterRunAutomaton automaton =
          new CharacterRunAutomaton(WildcardQuery.toAutomaton(w.getTerm()));
      return anyTerm(w.getTerm().field(), automaton::run);
    }
    if (q instanceof IntervalQuery i) {
      return new IndexEval(q, i.getField());
    }
    return new IndexEval(q, null);
  }

  /**
   * One mention as the evaluators see it: its terms per field, and one-field indexes built on
   * demand. Reused from mention to mention by one thread ({@link #reset}), so its hash sets and the
   * {@code MemoryIndex} buffers (32 KB blocks) are allocated once, not per mention.
   */
  static final class Mention {
    private static final KeywordAnalyzer KEYWORD = new KeywordAnalyzer();
    private static final String WHOLE = "";

    private AnalyzedMention analyzed;
    private final Map<String, Set<String>> terms = new HashMap<>(16);
    private final Set<String> termsFilled = new HashSet<>(16);
    private final Map<String, MemoryIndex> indexes = new HashMap<>(8);
    private final Map<String, IndexSearcher> searchers = new HashMap<>(8);
    private int indexesBuilt;

    /** One-field (or whole-mention) indexes built since {@link #reset}. */
    int indexesBuilt() {
      return indexesBuilt;
    }

    /** Forgets the previous mention; evaluates {@code next} from now on. */
    Mention reset(AnalyzedMention next) {
      this.analyzed = next;
      for (String f : termsFilled) {
        terms.get(f).clear();
      }
      termsFilled.clear();
      searchers.clear();
      indexesBuilt = 0;
      return this;
    }

    Set<String> terms(String field) {
      Set<String> t = terms.computeIfAbsent(field, k -> new HashSet<>(256));
      if (termsFilled.add(field)) {
        analyzed.forEachIndexedTerm(field, t::add);
      }
      return t;
    }

    /** A searcher over the one field, or over every field when {@code field} is null. */
    IndexSearcher searcher(String field) {
      String key = field == null ? WHOLE : field;
      IndexSearcher s = searchers.get(key);
      if (s == null) {
        MemoryIndex mi = indexes.computeIfAbsent(key, k -> new MemoryIndex());
        mi.reset();
        if (field == null) {
          for (IndexableField f : analyzed.document()) {
            mi.addField(f, KEYWORD);
          }
        } else {
          Field f = analyzed.textField(field);
          if (f != null) {
            mi.addField(f, KEYWORD);
          }
        }
        s = mi.createSearcher();
        searchers.put(key, s);
        indexesBuilt++;
      }
      return s;
    }
  }

  /**
   * Matches when some term of the field passes the test: a prefix or a wildcard over the mention's
   * few terms.
   */
  private static QueryEvaluator anyTerm(String field, Predicate<String> test) {
    return new Leaf(
        m -> {
          for (String t : m.terms(field)) {
            if (test.test(t)) {
              return true;
            }
          }
          return false;
        });
  }

  /** A test on the mention's terms alone: never needs an index. */
  private static final class Leaf extends QueryEvaluator {
    private final Predicate<Mention> test;

    Leaf(Predicate<Mention> test) {
      super(false);
      this.test = test;
    }

    @Override
    boolean matches(Mention m) {
      return test.test(m);
    }
  }

  /**
   * Lucene's Boolean semantics: every MUST and FILTER clause, no MUST_NOT clause, and at least
   * {@code minimumNumberShouldMatch} SHOULD clauses (at least one when there is no required
   * clause); a query of only MUST_NOT clauses matches nothing. Clauses that need an index are tried
   * last, so a cheap clause usually decides first.
   */
  private static final class BoolEval extends QueryEvaluator {
    private final QueryEvaluator[] required;
    private final QueryEvaluator[] prohibited;
    private final QueryEvaluator[] optional;
    private final int minShould;

    private BoolEval(
        List<QueryEvaluator> required,
        List<QueryEvaluator> prohibited,
        List<QueryEvaluator> optional,
        int minShould) {
      super(
          Stream.of(required, prohibited, optional)
              .flatMap(List::stream)
              .anyMatch(QueryEvaluator::needsIndex));
      this.required = cheapFirst(required);
      this.prohibited = cheapFirst(prohibited);
      this.optional = cheapFirst(optional);
      this.minShould = minShould;
    }

    static QueryEvaluator of(BooleanQuery b) {
      List<QueryEvaluator> required = new ArrayList<>();
      List<QueryEvaluator> prohibited = new ArrayList<>();
      List<QueryEvaluator> optional = new ArrayList<>();
      for (BooleanClause c : b.clauses()) {
        QueryEvaluator e = of(c.getQuery());
        switch (c.getOccur()) {
          case MUST, FILTER -> required.add(e);
          case MUST_NOT -> prohibited.add(e);
          case SHOULD -> optional.add(e);
        }
      }
      int min = b.getMinimumNumberShouldMatch();
      if (required.isEmpty() && optional.isEmpty()) {
        return FALSE;
      }
      if (required.isEmpty()) {
        min = Math.max(1, min);
      }
      return new BoolEval(required, prohibited, optional, min);
    }

    private static QueryEvaluator[] cheapFirst(List<QueryEvaluator> es) {
      List<QueryEvaluator> out = new ArrayList<>(es.size());
      es.stream().filter(e -> !e.needsIndex()).forEach(out::add);
      es.stream().filter(QueryEvaluator::needsIndex).forEach(out::add);
      return out.toArray(new QueryEvaluator[0]);
    }

    @Override
    boolean matches(Mention m) {
      for (QueryEvaluator e : required) {
        if (!e.matches(m)) {
          return false;
        }
      }
      for (QueryEvaluator e : prohibited) {
        if (e.matches(m)) {
          return false;
        }
      }
      if (minShould == 0) {
        return true;
      }
      int n = 0;
      for (int i = 0; i < optional.length; i++) {
        if (optional.length - i + n < minShould) {
          return false;
        }
        if (optional[i].matches(m) && ++n >= minShould) {
          return true;
        }
      }
      return false;
    }
  }

  /** A query evaluated by Lucene itself, on an index of its field (or of the whole mention). */
  private static final class IndexEval extends QueryEvaluator {
    private final Query query;
    private final String field;

    IndexEval(Query query, String field) {
      super(true);
      this.query = query;
      this.field = field;
    }

    @Override
    boolean matches(Mention m) {
      IndexSearcher searcher = m.searcher(field);
      try {
        Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Scorer scorer = w.scorer(searcher.getIndexReader().leaves().get(0));
        if (scorer == null) {
          return false;
        }
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        if (twoPhase == null) {
          return scorer.iterator().nextDoc() == 0;
        }
        return twoPhase.approximation().nextDoc() == 0 && twoPhase.matches();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
