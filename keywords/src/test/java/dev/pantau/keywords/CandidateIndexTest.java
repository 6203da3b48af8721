package dev.pantau.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.keywords.analysis.MentionAnalyzer;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class CandidateIndexTest {

  private static Query term(String text) {
    return new TermQuery(new Term("body", text));
  }

  private static Set<String> candidates(CandidateIndex index, String text) {
    Set<String> out = new LinkedHashSet<>();
    index.collect(new MentionAnalyzer().analyze(MentionFields.ofText(text), false, false), out);
    return out;
  }

  @Test
  void picksQueriesByTheirTermsAndKeepsUnfilterableOnesForEveryMention() {
    CandidateIndex index = new CandidateIndex(new TermFilteredPresearcher());
    index.add("name", term("telkomsel"));
    index.add(
        "either",
        new BooleanQuery.Builder()
            .add(term("indosat"), Occur.SHOULD)
            .add(term("xl"), Occur.SHOULD)
            .build());
    index.add(
        "both",
        new BooleanQuery.Builder()
            .add(term("sinyal"), Occur.MUST)
            .add(term("telkomsel"), Occur.MUST)
            .build());
    // NOT spam: nothing to pick it by, so the presearcher marks it as a candidate for everything.
    index.add(
        "not",
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), Occur.MUST)
            .add(term("spam"), Occur.MUST_NOT)
            .build());

    assertThat(candidates(index, "telkomsel lagi promo"))
        .containsExactlyInAnyOrder("name", "both", "not");
    assertThat(candidates(index, "pakai xl aja")).containsExactlyInAnyOrder("either", "not");
    assertThat(candidates(index, "hari ini cerah")).containsExactly("not");
    assertThat(index.size()).isEqualTo(4);

    index.remove("not");
    index.add("name", term("tsel")); // replaces the old query's terms
    assertThat(candidates(index, "telkomsel lagi promo")).containsExactly("both");
    assertThat(candidates(index, "tsel lagi promo")).containsExactly("name");
    index.remove("both");
    index.remove("unknown");
    assertThat(candidates(index, "telkomsel sinyal")).isEmpty();
    assertThat(index.size()).isEqualTo(2);
  }
}
