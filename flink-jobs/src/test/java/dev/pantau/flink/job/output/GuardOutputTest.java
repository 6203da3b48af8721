package dev.pantau.flink.job.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.flink.io.KeyedJson;
import dev.pantau.flink.io.OutputGuard;
import java.util.List;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class GuardOutputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static OneInputStreamOperatorTestHarness<String, KeyedJson> harness(
      GuardOutput.ToJson<String> toJson, boolean deadLetterOutput) throws Exception {
    var h =
        new OneInputStreamOperatorTestHarness<>(
            new ProcessOperator<>(
                new GuardOutput<>("mentions-enriched", toJson, deadLetterOutput, 1_000)));
    h.open();
    return h;
  }

  @Test
  void passesWritableRecordsAndDivertsTheRestWithTheirReason() throws Exception {
    var h =
        harness(
            s -> {
              if (s.equals("boom")) {
                throw new IllegalStateException("cannot convert");
              }
              return new KeyedJson(
                  "k:" + s,
                  JSON.createObjectNode().put("text", s).put("list", s.length()).toString());
            },
            false);
    h.processElement(new StreamRecord<>("fine"));
    h.processElement(new StreamRecord<>("x".repeat(20_000)));
    h.processElement(new StreamRecord<>("bad \uD800 surrogate"));
    h.processElement(new StreamRecord<>("boom"));

    assertThat(h.extractOutputValues()).extracting(k -> k.key).containsExactly("k:fine");
    List<JsonNode> dead =
        h.getSideOutput(GuardOutput.DEAD_LETTERS).stream()
            .map(r -> read(r.getValue().json))
            .toList();
    assertThat(dead)
        .extracting(d -> d.get("error").asText())
        .containsExactly("output_too_large", "output_unwritable", "output_unwritable");
    assertThat(dead.get(0).get("origin").get("output").asText()).isEqualTo("mentions-enriched");
    assertThat(dead.get(0).get("raw").asText())
        .contains("…[truncated: 20000 chars in all]")
        .hasSizeLessThan(OutputGuard.FIELD_CHARS + 200);
    assertThat(dead.get(1).get("raw").asText()).contains("bad \uFFFD surrogate");
    assertThat(dead.get(2).get("message").asText()).contains("cannot convert");
    h.close();
  }

  @Test
  void keepsAnOversizedDeadLetterWithItsFieldsCut() throws Exception {
    var h =
        harness(
            s ->
                new KeyedJson(
                    null,
                    JSON.createObjectNode().put("error", "too_large").put("raw", s).toString()),
            true);
    h.processElement(new StreamRecord<>("r".repeat(50_000)));
    assertThat(h.getSideOutput(GuardOutput.DEAD_LETTERS)).isNull();
    JsonNode kept = read(h.extractOutputValues().get(0).json);
    assertThat(kept.get("error").asText()).isEqualTo("too_large");
    assertThat(kept.get("raw").asText()).endsWith("…[truncated: 50000 chars in all]");
    h.close();
  }

  @Test
  void cutsListsAndNeverSplitsASurrogatePair() {
    String json =
        JSON.createObjectNode()
            .set("l", JSON.valueToTree(java.util.Collections.nCopies(150, "w")))
            .toString();
    JsonNode cut = read(OutputGuard.truncated(json));
    assertThat(cut.get("l")).hasSize(OutputGuard.LIST_ITEMS + 1);
    assertThat(cut.get("l").get(OutputGuard.LIST_ITEMS).asText())
        .isEqualTo("…[truncated: 150 items in all]");
    String emoji = "a".repeat(9) + "😀";
    assertThat(OutputGuard.cut(emoji, 10)).startsWith("a".repeat(9) + "…");
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
