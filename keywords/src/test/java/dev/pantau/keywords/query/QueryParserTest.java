package dev.pantau.keywords.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pantau.keywords.MatcherConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

  @Test
  void andBindsTighterThanOr() throws Exception {
    QueryNode n = QueryParser.parse("a b OR c AND d");
    assertThat(n).isInstanceOf(QueryNode.Or.class);
    QueryNode.Or or = (QueryNode.Or) n;
    assertThat(or.clauses()).hasSize(2).allMatch(c -> c instanceof QueryNode.And);
  }

  @Test
  void nearBindsTighterThanAnd() throws Exception {
    QueryNode n = QueryParser.parse("a NEAR/2 b c");
    assertThat(n).isInstanceOf(QueryNode.And.class);
    assertThat(((QueryNode.And) n).clauses().get(0)).isInstanceOf(QueryNode.Near.class);
    QueryNode.Near near = (QueryNode.Near) ((QueryNode.And) n).clauses().get(0);
    assertThat(near.distance()).isEqualTo(2);
    assertThat(near.ordered()).isFalse();
    assertThat(((QueryNode.Near) QueryParser.parse("a ONEAR/3 b")).ordered()).isTrue();
  }

  @Test
  void minusNegatesOnlyAtTheStartOfATerm() throws Exception {
    assertThat(QueryParser.parse("coca-cola")).isEqualTo(new QueryNode.Word("coca-cola", 0));
    QueryNode n = QueryParser.parse("cola -pepsi");
    assertThat(((QueryNode.And) n).clauses().get(1)).isInstanceOf(QueryNode.Not.class);
    assertThat(QueryParser.parse("-(a OR b) c")).isInstanceOf(QueryNode.And.class);
  }

  @Test
  void tagsEndAtTheFirstOtherCharacter() throws Exception {
    assertThat(QueryParser.parse("@acme's")).isEqualTo(new QueryNode.Tag('@', "acme", 0));
    assertThat(QueryParser.parse("#promo")).isEqualTo(new QueryNode.Tag('#', "promo", 0));
  }

  @Test
  void lowercaseOperatorsAreWords() throws Exception {
    assertThat(QueryParser.parse("rock and roll")).isInstanceOf(QueryNode.And.class);
    assertThat(((QueryNode.And) QueryParser.parse("rock and roll")).clauses()).hasSize(3);
  }

  @Test
  void fields() throws Exception {
    QueryNode n = QueryParser.parse("site:detik.com");
    assertThat(n).isEqualTo(new QueryNode.Field("site", new QueryNode.Word("detik.com", 5), 0));
    assertThat(QueryParser.parse("raw:\"Exact Case\"")).isInstanceOf(QueryNode.Field.class);
    assertThat(QueryParser.parse("title:(a OR b)")).isInstanceOf(QueryNode.Field.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "(telkomsel OR tsel|0|unbalanced parenthesis",
        "telkomsel OR tsel)|17|unbalanced parenthesis",
        "\"telkom sel|0|unbalanced quote",
        "foo:bar|0|unknown field 'foo'",
        "NEAR/3 sinyal|0|NEAR/3 needs a term, phrase or OR-group on both sides",
        "sinyal NEAR/3|7|NEAR/3 needs a term, phrase or OR-group on both sides",
        "sinyal NEAR hilang|7|NEAR needs a distance",
        "*komsel|0|leading wildcard",
        "te*|2|at least 3 characters",
        "tel*sel|3|'*' is only allowed at the end",
        "a OR|2|OR needs",
        "a AND|2|AND needs",
        "a NEAR/999 b|2|too large",
        "()|0|empty group",
        "title:|0|needs a value",
        "-|0|'-' must be followed",
      })
  void errorsCarryPositionAndReason(String query, int position, String reason) {
    assertThatThrownBy(() -> QueryCompiler.compile(query, MatcherConfig.defaults()))
        .isInstanceOfSatisfying(
            QuerySyntaxException.class,
            e -> {
              assertThat(e.reason()).contains(reason);
              assertThat(e.position()).isEqualTo(position);
            });
  }

  @Test
  void guardrails() {
    MatcherConfig c = MatcherConfig.defaults().maxClauses(3).maxNesting(2).maxQueryLength(30);
    assertThatThrownBy(() -> QueryParser.parse("a b c d", c))
        .isInstanceOfSatisfying(
            QuerySyntaxException.class,
            e -> {
              assertThat(e.reason()).contains("too many clauses");
              assertThat(e.position()).isEqualTo(6);
            });
    assertThatThrownBy(() -> QueryParser.parse("(((a)))", c))
        .isInstanceOfSatisfying(
            QuerySyntaxException.class,
            e -> {
              assertThat(e.reason()).contains("nesting too deep");
              assertThat(e.position()).isEqualTo(2);
            });
    assertThatThrownBy(() -> QueryParser.parse("a".repeat(31), c))
        .isInstanceOfSatisfying(
            QuerySyntaxException.class, e -> assertThat(e.reason()).contains("query too long"));
  }

  @Test
  void notAndFieldsAreRejectedInsideNear() {
    assertThatThrownBy(() -> QueryCompiler.compile("(a AND b) NEAR/3 c", MatcherConfig.defaults()))
        .isInstanceOfSatisfying(
            QuerySyntaxException.class,
            e -> assertThat(e.reason()).contains("AND is not allowed inside NEAR"));
    assertThatThrownBy(
            () -> QueryCompiler.compile("(a OR NOT b) NEAR/3 c", MatcherConfig.defaults()))
        .isInstanceOfSatisfying(
            QuerySyntaxException.class,
            e -> assertThat(e.reason()).contains("NOT is not allowed inside NEAR"));
  }

  @Test
  void expansionBeyondLuceneClauseLimitIsRejectedAtLoad() {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      q.append(i == 0 ? "" : " OR ").append("w").append(i).append("sss");
    }
    assertThatThrownBy(
            () -> QueryCompiler.compile(q.toString(), MatcherConfig.defaults().maxClauses(400)))
        .isInstanceOfSatisfying(
            QuerySyntaxException.class,
            e -> assertThat(e.reason()).contains("expand to more than 1024 terms"));
  }
}
