package dev.pantau.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of {@code matching-corpus.txt}, each run alone, and all together in one keyword set
 * (one brand per case) through the batch path: both must give the expected answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingCorpusTest {

  record Case(int line, boolean expected, String query, MentionFields mention) {
    @Override
    public String toString() {
      return "line "
          + line
          + ": "
          + (expected ? "" : "not ")
          + "["
          + query
          + "] ~ ["
          + mention.text()
          + "]";
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in = MatchingCorpusTest.class.getResourceAsStream("/matching-corpus.txt")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i].strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\|", -1);
        Map<String, String> x = new HashMap<>();
        if (parts.length > 3) {
          for (String kv : parts[3].split(";")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
              x.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
          }
        }
        MentionFields m =
            new MentionFields(
                "line" + (i + 1),
                parts[2].strip(),
                x.get("title"),
                x.get("url"),
                x.get("lang"),
                x.get("source"),
                x.get("country"),
                null,
                x.get("author"));
        out.add(new Case(i + 1, parts[0].strip().equals("Y"), parts[1].strip(), m));
      }
    }
    return out;
  }

  private MentionMatcher all;
  private List<Case> cases;

  @BeforeAll
  void registerAll() throws Exception {
    cases = cases();
    List<Brand> brands = new ArrayList<>();
    for (Case c : cases) {
      brands.add(Brand.of("c" + c.line(), c.query()));
    }
    all = MentionMatcher.create(new KeywordSet(brands, List.of()));
  }

  @AfterAll
  void close() throws IOException {
    all.close();
  }

  @Test
  void corpusHoldsAtLeast200CasesOfBothKinds() {
    assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
    assertThat(cases).anyMatch(Case::expected).anyMatch(c -> !c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseAlone(Case c) throws Exception {
    try (MentionMatcher m =
        MentionMatcher.create(new KeywordSet(List.of(Brand.of("b", c.query())), List.of()))) {
      MatchResult r = m.match(c.mention());
      assertThat(r.matched()).as(c.toString()).isEqualTo(c.expected());
      if (c.expected()) {
        assertThat(r.matchedTerms()).as("matched terms of " + c).containsKey("b");
      }
    }
  }

  @Test
  void allCasesInOneBatchAgainstOneSet() {
    List<MatchResult> results = all.match(cases.stream().map(Case::mention).toList());
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      boolean got = results.get(i).brands().contains("c" + c.line());
      if (got != c.expected()) {
        wrong.add(c.toString());
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(all.queryErrorCount()).isZero();
  }

  static Stream<Case> stream() throws IOException {
    return cases().stream();
  }
}
