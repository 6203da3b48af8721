package dev.pantau.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.keywords.analysis.AnalyzedMention;
import dev.pantau.keywords.analysis.MentionAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.junit.jupiter.api.Test;

/**
 * The evaluator gives Lucene's own answer on Boolean corner cases, without an index where it can.
 */
class QueryEvaluatorTest {

  private static final AnalyzedMention MENTION =
      new MentionAnalyzer()
          .analyze(
              new MentionFields(
                  "m",
                  "Sinyal Telkomsel lemot banget #gangguan",
                  "Promo hari ini",
                  null,
                  "id",
                  "twitter",
                  "ID",
                  null,
                  "@budi"),
              false,
              true);

  private static Query term(String field, String text) {
    return new TermQuery(new Term(field, text));
  }

  private static Query bool(Object... occurAndQuery) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < occurAndQuery.length; i += 2) {
      b.add((Query) occurAndQuery[i + 1], (Occur) occurAndQuery[i]);
    }
    return b.build();
  }

  /** What Lucene says, on an index of the whole mention. */
  private static boolean lucene(Query q) throws Exception {
    IndexSearcher s =
        MemoryIndex.fromDocument(MENTION.document(), new KeywordAnalyzer()).createSearcher();
    return s.count(q) == 1;
  }

  private static void agrees(Query q, boolean expected) throws Exception {
    assertThat(lucene(q)).as("Lucene on %s", q).isEqualTo(expected);
    QueryEvaluator e = QueryEvaluator.of(q);
    assertThat(e.matches(new QueryEvaluator.Mention().reset(MENTION)))
        .as("evaluator on %s", q)
        .isEqualTo(expected);
  }

  @Test
  void booleanCornerCasesFollowLucene() throws Exception {
    agrees(term("body", "telkomsel"), true);
    agrees(term("body", "#gangguan"), true);
    agrees(term("title", "promo"), true);
    agrees(term("title", "telkomsel"), false);
    agrees(term("author", "budi"), true);
    agrees(bool(Occur.MUST_NOT, term("body", "xl")), false); // only prohibited clauses: no match
    agrees(bool(Occur.MUST, new MatchAllDocsQuery(), Occur.MUST_NOT, term("body", "xl")), true);
    agrees(bool(Occur.SHOULD, term("body", "xl"), Occur.SHOULD, term("body", "lemot")), true);
    agrees(bool(Occur.MUST, term("body", "lemot"), Occur.SHOULD, term("body", "xl")), true);
    agrees(
        bool(Occur.FILTER, term("lang", "id"), Occur.MUST_NOT, term("source", "twitter")), false);
    BooleanQuery.Builder two = new BooleanQuery.Builder().setMinimumNumberShouldMatch(2);
    two.add(term("body", "sinyal"), Occur.SHOULD)
        .add(term("body", "xl"), Occur.SHOULD)
        .add(term("body", "indosat"), Occur.SHOULD);
    agrees(two.build(), false);
    two.add(term("body", "banget"), Occur.SHOULD);
    agrees(two.build(), true);
  }

  @Test
  void prefixesWildcardsAndIntervalsFollowLucene() throws Exception {
    agrees(new PrefixQuery(new Term("body", "telko")), true);
    agrees(new PrefixQuery(new Term("body", "indos")), false);
    agrees(new WildcardQuery(new Term("body", "lem?t")), true);
    agrees(new WildcardQuery(new Term("body", "lem?")), false);
    agrees(
        new IntervalQuery(
            "body",
            Intervals.maxgaps(
                1, Intervals.ordered(Intervals.term("sinyal"), Intervals.term("lemot")))),
        true);
    agrees(
        new IntervalQuery(
            "body",
            Intervals.maxgaps(
                0, Intervals.ordered(Intervals.term("sinyal"), Intervals.term("lemot")))),
        false);
    agrees(new IntervalQuery("title", Intervals.phrase("hari", "ini")), true);
    // A type the evaluator does not know runs whole on an index of the mention.
    agrees(new FuzzyQuery(new Term("body", "telkomsal")), true);
  }

  @Test
  void cheapClausesDecideBeforeAnIndexIsBuilt() {
    Query nearOrName =
        bool(
            Occur.SHOULD,
            new IntervalQuery("body", Intervals.phrase("telkomsel", "care")),
            Occur.SHOULD,
            term("body", "telkomsel"));
    QueryEvaluator e = QueryEvaluator.of(nearOrName);
    assertThat(e.needsIndex()).isTrue();
    QueryEvaluator.Mention view = new QueryEvaluator.Mention().reset(MENTION);
    assertThat(e.matches(view)).isTrue();
    assertThat(view.indexesBuilt()).as("the term decided; the phrase never ran").isZero();

    QueryEvaluator near =
        QueryEvaluator.of(
            bool(
                Occur.MUST,
                new IntervalQuery("body", Intervals.phrase("telkomsel", "care")),
                Occur.FILTER,
                term("body", "care")));
    assertThat(near.matches(view.reset(MENTION))).isFalse();
    assertThat(view.indexesBuilt()).as("the filter failed first").isZero();
    QueryEvaluator phrase =
        QueryEvaluator.of(new IntervalQuery("body", Intervals.phrase("sinyal", "telkomsel")));
    assertThat(phrase.matches(view.reset(MENTION))).isTrue();
    assertThat(view.indexesBuilt()).isEqualTo(1);
  }
}
