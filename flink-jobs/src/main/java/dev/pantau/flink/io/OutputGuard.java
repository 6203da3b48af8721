package dev.pantau.flink.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * What makes an output record writable anywhere: valid Unicode, and small enough for a Kafka broker
 * with default limits. A record that breaks either goes to the dead-letter output instead, with its
 * long fields cut and marked, so that one hostile mention can never stop a sink (a Kafka sink that
 * throws {@code RecordTooLargeException} restarts the job forever) or corrupt a file.
 */
public final class OutputGuard {
  /**
   * Largest output record, key and value, in UTF-8 bytes: under a broker's default {@code
   * max.message.bytes} (1,048,588) and a producer's default {@code max.request.size} (1,048,576),
   * with room for the batch and record headers.
   */
  public static final int DEFAULT_MAX_BYTES = 1_000_000;

  /** Longest string kept whole in a truncated record, in chars. */
  public static final int FIELD_CHARS = 10_000;

  /** Most items kept of a list in a truncated record. */
  public static final int LIST_ITEMS = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private OutputGuard() {}

  /** The record's size as a Kafka record: key and value in UTF-8. */
  public static long bytes(KeyedJson k) {
    return utf8Length(k.json) + (k.key == null ? 0 : utf8Length(k.key));
  }

  /** Why the record cannot be written, or null when it can. */
  public static DeadLetterReason problem(KeyedJson k, int maxBytes) {
    if (k.json == null
        || !ValidUnicode.isValid(k.json)
        || (k.key != null && !ValidUnicode.isValid(k.key))) {
      return DeadLetterReason.OUTPUT_UNWRITABLE;
    }
    return bytes(k) > maxBytes ? DeadLetterReason.OUTPUT_TOO_LARGE : null;
  }

  /**
   * The JSON text with every string over {@link #FIELD_CHARS} cut and every list over {@link
   * #LIST_ITEMS} shortened, each marked with how much was left out; always valid Unicode.
   */
  public static String truncated(String json) {
    try {
      JsonNode tree = JSON.readTree(json);
      return JSON.writeValueAsString(truncate(tree));
    } catch (JsonProcessingException | RuntimeException e) {
      return cut(ValidUnicode.of(json == null ? "" : json), FIELD_CHARS);
    }
  }

  private static JsonNode truncate(JsonNode n) {
    if (n.isTextual()) {
      return TextNode.valueOf(cut(ValidUnicode.of(n.textValue()), FIELD_CHARS));
    }
    if (n.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      int i = 0;
      for (JsonNode e : n) {
        if (i++ == LIST_ITEMS) {
          out.add("…[truncated: " + n.size() + " items in all]");
          break;
        }
        out.add(truncate(e));
      }
      return out;
    }
    if (n.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      int i = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (i++ == LIST_ITEMS) {
          out.put("…", "[truncated: " + n.size() + " fields in all]");
          break;
        }
        out.set(cut(ValidUnicode.of(e.getKey()), FIELD_CHARS), truncate(e.getValue()));
      }
      return out;
    }
    return n;
  }

  /** {@code s} up to {@code max} chars (never half a surrogate pair), marked when cut. */
  public static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end) + "…[truncated: " + s.length() + " chars in all]";
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** The dead letter of an output record that cannot be written, with its fields truncated. */
  public static String deadLetter(DeadLetterReason reason, String output, KeyedJson k, String why) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", reason.code());
    o.put("message", why);
    ObjectNode origin = o.putObject("origin");
    origin.put("output", output);
    if (k.key != null) {
      origin.put("key", cut(ValidUnicode.of(k.key), FIELD_CHARS));
    }
    o.put("raw", truncated(k.json));
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * For {@code analyze}: the dead letter of a valid input line whose output line could not be made.
   */
  public static dev.pantau.flink.model.DeadLetter unwritable(
      byte[] raw, String file, long line, Exception e) {
    dev.pantau.flink.model.DeadLetter d = new dev.pantau.flink.model.DeadLetter();
    d.error = DeadLetterReason.OUTPUT_UNWRITABLE.code();
    d.message = "the output line could not be made: " + e;
    d.file = file;
    d.line = line;
    d.raw = new String(raw, StandardCharsets.UTF_8);
    return d;
  }
}
