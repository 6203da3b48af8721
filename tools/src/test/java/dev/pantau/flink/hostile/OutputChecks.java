package dev.pantau.flink.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pantau.flink.job.kpi.KpiMath;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What every output record must be, whatever the input: strict UTF-8 JSON, no negative or
 * overflowed figure.
 */
public final class OutputChecks {
  public static final ObjectMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Fields that are real numbers, some of them negative by nature. */
  private static final Set<String> SIGNED = Set.of("net", "mean", "score", "share_of_voice");

  private OutputChecks() {}

  public static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("output is not valid UTF-8", e);
    }
  }

  public static JsonNode parse(String line) {
    try {
      return STRICT.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(
          "output line is not JSON: " + line.substring(0, Math.min(200, line.length())), e);
    }
  }

  /** Every count is an integer in [0, KPI ceiling]; ratios are finite. */
  public static void figuresSane(JsonNode n, String path) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (SIGNED.contains(e.getKey())) {
          assertThat(e.getValue().isNumber() && Double.isFinite(e.getValue().asDouble()))
              .as(path + e.getKey())
              .isTrue();
        } else {
          figuresSane(e.getValue(), path + e.getKey() + ".");
        }
      }
    } else if (n.isArray()) {
      n.forEach(e -> figuresSane(e, path));
    } else if (n.isNumber()) {
      assertThat(n.isIntegralNumber() && n.canConvertToLong())
          .as(path + " is a long: " + n)
          .isTrue();
      assertThat(n.longValue()).as(path).isBetween(0L, KpiMath.CEILING);
    }
  }
}
