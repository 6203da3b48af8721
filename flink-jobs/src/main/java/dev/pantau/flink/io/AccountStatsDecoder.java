package dev.pantau.flink.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pantau.flink.model.AccountReading;
import dev.pantau.flink.model.DeadLetter;
import dev.pantau.flink.model.Decoded;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decodes one owned-account reading (SPEC §1b): {@code brand}, {@code source}, {@code account},
 * {@code followers} (an integer >= 0) and {@code at} (as a mention's {@code created_at}). Stateless
 * and thread-safe; a record that breaks the contract comes back as a dead letter with the same
 * reason codes as mentions (SPEC §1), never as an exception.
 */
public final class AccountStatsDecoder implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern BRAND = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  public static final int MAX_ACCOUNT_LENGTH = 256;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final int maxRecordBytes;
  private final long minEventTime;
  private final long maxEventTimeAheadMillis;
  private final Clock clock;

  public AccountStatsDecoder() {
    this(
        MentionDecoder.DEFAULT_MAX_RECORD_BYTES,
        MentionDecoder.DEFAULT_MIN_EVENT_TIME,
        MentionDecoder.DEFAULT_MAX_EVENT_TIME_AHEAD,
        Clock.systemUTC());
  }

  /**
   * The same limits as the mention decoder's: size, earliest time, how far ahead of {@code clock}.
   */
  public AccountStatsDecoder(
      int maxRecordBytes, Instant minEventTime, Duration maxEventTimeAhead, Clock clock) {
    this.maxRecordBytes = maxRecordBytes;
    this.minEventTime = minEventTime.toEpochMilli();
    this.maxEventTimeAheadMillis = maxEventTimeAhead.toMillis();
    this.clock = clock;
  }

  /** Decodes a Kafka record value. */
  public Decoded decode(byte[] value, String topic, int partition, long offset) {
    try {
      AccountReading r = parse(value);
      r.topic = topic;
      r.partition = partition;
      r.offset = offset;
      return Decoded.of(r);
    } catch (InvalidMentionException e) {
      DeadLetter dl = deadLetter(value, e);
      dl.topic = topic;
      dl.partition = partition;
      dl.offset = offset;
      return Decoded.of(dl);
    }
  }

  /** Decodes one line of a JSONL file; {@code line} is 1-based. */
  public Decoded decode(byte[] value, String file, long line) {
    try {
      AccountReading r = parse(value);
      r.file = file;
      r.line = line;
      return Decoded.of(r);
    } catch (InvalidMentionException e) {
      DeadLetter dl = deadLetter(value, e);
      dl.file = file;
      dl.line = line;
      return Decoded.of(dl);
    }
  }

  /** Parses and validates; throws with the reason when the record breaks SPEC §1b. */
  public AccountReading parse(byte[] value) throws InvalidMentionException {
    if (value == null) {
      throw new InvalidMentionException(DeadLetterReason.INVALID_JSON, "empty record (null value)");
    }
    if (value.length > maxRecordBytes) {
      throw new InvalidMentionException(
          DeadLetterReason.TOO_LARGE,
          "record of " + value.length + " bytes is larger than the limit of " + maxRecordBytes);
    }
    String text = MentionDecoder.utf8OrNull(value);
    if (text == null) {
      throw new InvalidMentionException(DeadLetterReason.INVALID_JSON, "not valid UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage();
      if (why != null && why.startsWith("Duplicate field")) {
        throw new InvalidMentionException(
            DeadLetterReason.DUPLICATE_KEY, "a key appears twice in one object: " + why);
      }
      throw new InvalidMentionException(DeadLetterReason.INVALID_JSON, "not valid JSON: " + why);
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidMentionException(DeadLetterReason.INVALID_JSON, "empty record");
    }
    if (!root.isObject()) {
      throw new InvalidMentionException(
          DeadLetterReason.NOT_AN_OBJECT,
          "expected a JSON object, got " + MentionDecoder.kind(root));
    }
    AccountReading r = new AccountReading();
    r.brand = required(root, "brand");
    if (!BRAND.matcher(r.brand).matches()) {
      throw new InvalidMentionException(
          DeadLetterReason.INVALID_VALUE,
          "brand must be a brand id ([a-z0-9][a-z0-9_-]{0,63}), got \"" + r.brand + "\"");
    }
    String source = required(root, "source").strip().toLowerCase(Locale.ROOT);
    if (!SOURCE.matcher(source).matches()) {
      throw new InvalidMentionException(
          DeadLetterReason.INVALID_VALUE,
          "source must be one lowercase word, got \"" + root.get("source").asText() + "\"");
    }
    r.source = source;
    r.account = required(root, "account").strip();
    if (r.account.isEmpty() || r.account.length() > MAX_ACCOUNT_LENGTH) {
      throw new InvalidMentionException(
          DeadLetterReason.INVALID_VALUE,
          "account must have 1.." + MAX_ACCOUNT_LENGTH + " characters");
    }
    Long followers = MentionDecoder.optionalCount(root, "followers", "followers");
    if (followers == null) {
      throw new InvalidMentionException(DeadLetterReason.MISSING_FIELD, "followers is required");
    }
    r.followers = followers;
    r.at = MentionDecoder.timestamp(root, "at");
    long max = MentionDecoder.saturatedAdd(clock.millis(), maxEventTimeAheadMillis);
    if (r.at < minEventTime || r.at > max) {
      throw new InvalidMentionException(
          DeadLetterReason.TIME_OUT_OF_RANGE,
          "at "
              + root.get("at").asText()
              + " is outside "
              + Instant.ofEpochMilli(minEventTime)
              + " .. "
              + Instant.ofEpochMilli(max)
              + " (wall clock + "
              + Duration.ofMillis(maxEventTimeAheadMillis)
              + ")");
    }
    return r;
  }

  private static String required(JsonNode o, String field) throws InvalidMentionException {
    String s = MentionDecoder.optionalString(o, field, field);
    if (s == null) {
      throw new InvalidMentionException(DeadLetterReason.MISSING_FIELD, field + " is required");
    }
    return s;
  }

  private static DeadLetter deadLetter(byte[] value, InvalidMentionException e) {
    DeadLetter dl = new DeadLetter();
    dl.error = e.reason().code();
    dl.message = e.getMessage();
    String text = value == null ? "" : MentionDecoder.utf8OrNull(value);
    if (text != null) {
      dl.raw = text;
    } else {
      dl.rawBase64 = Base64.getEncoder().encodeToString(value);
    }
    return dl;
  }
}
