package dev.pantau.flink.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The default keyword sets ({@code config/keywords}) cover the generator's brands and employees.
 */
class DefaultKeywordSetsTest {

  private static final Path BRANDS = Path.of("..", "config", "keywords", "brands.yaml");

  @Test
  void everyGeneratedBrandHasAKeywordSetInItsGroupWithItsEmployees() throws Exception {
    assertThat(BRANDS).exists();
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(BRANDS));
    List<String> ids = new ArrayList<>();
    for (JsonNode brand : root.get("brands")) {
      ids.add(brand.get("id").asText());
    }
    assertThat(ids)
        .containsExactlyElementsOf(Corpus.BRANDS.stream().map(Corpus.BrandSpec::id).toList());
    for (JsonNode brand : root.get("brands")) {
      Corpus.BrandSpec spec =
          Corpus.BRANDS.stream()
              .filter(b -> b.id().equals(brand.get("id").asText()))
              .findFirst()
              .orElseThrow();
      assertThat(brand.get("group").asText()).isEqualTo(spec.group());
      List<String> employees = new ArrayList<>();
      brand.get("employees").forEach(e -> employees.add(e.asText().toLowerCase(Locale.ROOT)));
      List<String> expected =
          Corpus.CONFIGURED_EMPLOYEES.stream()
              .filter(e -> e.get(0).equals(spec.id()))
              .map(e -> "@" + e.get(1))
              .toList();
      assertThat(employees).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(brand.get("query").asText()).isNotBlank();
    }
    assertThat(root.get("topics"))
        .extracting(t -> t.get("id").asText())
        .contains("purchase-intent", "complaint");
  }
}
