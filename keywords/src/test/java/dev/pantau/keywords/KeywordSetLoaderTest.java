package dev.pantau.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeywordSetLoaderTest {

  @Test
  void parsesSpecExample() throws Exception {
    KeywordSet set =
        KeywordSetLoader.parse(
            """
        brands:
          - id: telkomsel
            query: '(telkomsel OR tsel OR "telkom sel") AND NOT (lowongan OR loker)'
            name: Telkomsel
            group: telco-id
            languages: [id, en]
            sources: [twitter, news]
            employees: ["@budi", "@sari"]
            exclude_authors: ["@spambot"]
            exclude_sites: ["jobstreet.co.id"]
        topics:
          - id: purchase-intent
            query: '"mau beli" OR "harga berapa" OR "where can i buy" OR (price NEAR/3 "how much")'
        """,
            "t.yaml");
    Brand b = set.brands().get(0);
    assertThat(b.id()).isEqualTo("telkomsel");
    assertThat(b.group()).isEqualTo("telco-id");
    assertThat(b.employees()).containsExactly("budi", "sari");
    assertThat(b.excludeAuthors()).containsExactly("spambot");
    assertThat(set.topics()).extracting(Topic::id).containsExactly("purchase-intent");
  }

  @Test
  void rejectsWholeSetWithEveryError() {
    assertThatThrownBy(
            () ->
                KeywordSetLoader.parse(
                    """
        brands:
          - id: telkomsel
            query: '(telkomsel OR tsel'
          - id: xl
            query: 'xl NEAR/3'
          - id: Bad Id
            query: 'x'
          - id: ok
            query: ok
            languages: id
          - id: ok2
        topics:
          - id: t1
            query: 'foo:bar'
        """,
                    "k.yaml"))
        .isInstanceOfSatisfying(
            KeywordSetException.class,
            e -> {
              assertThat(e.errors()).hasSize(6);
              assertThat(e.errors().get(0).toString())
                  .isEqualTo(
                      "k.yaml: brand telkomsel, position 0: unbalanced parenthesis: '(' is never closed");
              assertThat(e.errors().get(1))
                  .extracting(KeywordError::id, KeywordError::position)
                  .containsExactly("xl", 3);
              assertThat(e.errors().get(2).reason()).contains("id must match");
              assertThat(e.errors().get(3).reason()).contains("'languages' must be a list");
              assertThat(e.errors().get(4).reason()).contains("'query' is required");
              assertThat(e.errors().get(5).toString())
                  .startsWith("k.yaml: topic t1, position 0: unknown field 'foo'");
              assertThat(e.getMessage().lines()).hasSize(6);
            });
  }

  @Test
  void duplicateIdsAcrossFilesAndBadYaml(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "brands:\n  - {id: x, query: x}\n");
    Files.writeString(dir.resolve("b.yml"), "brands:\n  - {id: x, query: y}\n");
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    assertThatThrownBy(() -> KeywordSetLoader.load(dir))
        .isInstanceOfSatisfying(
            KeywordSetException.class,
            e ->
                assertThat(e.errors())
                    .singleElement()
                    .satisfies(
                        err -> {
                          assertThat(err.reason()).isEqualTo("duplicate brand id");
                          assertThat(err.origin()).endsWith("b.yml");
                        }));
    Files.writeString(dir.resolve("b.yml"), "brands: [ {id: y, query: y}\n");
    assertThatThrownBy(() -> KeywordSetLoader.load(dir))
        .isInstanceOfSatisfying(
            KeywordSetException.class,
            e -> assertThat(e.errors().get(0).reason()).startsWith("invalid YAML at line"));
    Files.writeString(dir.resolve("b.yml"), "brands:\n  - {id: y, query: y}\n");
    assertThat(KeywordSetLoader.load(dir).brands()).extracting(Brand::id).containsExactly("x", "y");
    assertThat(KeywordSetLoader.load(dir.resolve("a.yaml")).brands()).hasSize(1);
    assertThatThrownBy(() -> KeywordSetLoader.load(dir.resolve("missing")))
        .isInstanceOf(KeywordSetException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void topicJsonEntries() throws Exception {
    Brand b =
        KeywordSetLoader.parseBrandJson(
            "{\"id\":\"xl\",\"query\":\"xl OR axis\",\"sources\":[\"news\"]}",
            "keyword-sets/brand:xl");
    assertThat(b.sources()).containsExactly("news");
    Topic t =
        KeywordSetLoader.parseTopicJson(
            "{\"id\":\"promo\",\"query\":\"promo*\"}", "keyword-sets/topic:promo");
    assertThat(t.query()).isEqualTo("promo*");
    assertThatThrownBy(
            () ->
                KeywordSetLoader.parseBrandJson(
                    "{\"id\":\"xl\",\"query\":\"x*\"}", "keyword-sets/brand:xl"))
        .isInstanceOf(KeywordSetException.class)
        .hasMessage(
            "keyword-sets/brand:xl: brand xl, position 1: a wildcard needs at least 3 characters before it: 'x*'");
    assertThatThrownBy(() -> KeywordSetLoader.parseBrandJson("[1]", "o"))
        .isInstanceOf(KeywordSetException.class)
        .hasMessageContaining("expected a JSON object");
  }
}
