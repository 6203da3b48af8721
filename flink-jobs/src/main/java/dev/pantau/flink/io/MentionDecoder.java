package dev.pantau.flink.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pantau.flink.model.DeadLetter;
import dev.pantau.flink.model.Decoded;
import dev.pantau.flink.model.Mention;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decodes one input record (SPEC §1) into a {@link Mention}, or explains why it cannot. Stateless
 * and thread-safe; every invalid case has its own {@link DeadLetterReason} and a message naming the
 * field.
 */
public final class MentionDecoder implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default largest record accepted, in bytes (SPEC §1). */
  public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

  /**
   * Default earliest accepted event time (SPEC §1): older data is a parsing mistake, not a
   * backfill.
   */
  public static final Instant DEFAULT_MIN_EVENT_TIME = Instant.parse("2000-01-01T00:00:00Z");

  /**
   * Default latest accepted event time, ahead of the wall clock (SPEC §1): clock skew, not the
   * future.
   */
  public static final Duration DEFAULT_MAX_EVENT_TIME_AHEAD = Duration.ofDays(1);

  /**
   * Largest accepted count ({@code followers}, {@code reach}, each metric): 10^12, far above any
   * real post (the most viewed videos have about 2 * 10^10 views) and low enough that sums of
   * thousands of them stay exact below the KPI ceiling ({@code KpiMath.CEILING}).
   */
  public static final long MAX_COUNT = 1_000_000_000_000L;

  public static final int MAX_ID_LENGTH = 256;
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  private static final Pattern LANG = Pattern.compile("[a-z]{2}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final String[] METRICS = {
    "likes", "comments", "shares", "views", "quotes", "bookmarks"
  };

  // a duplicate key is ambiguous (the last one would silently win): the record is dead-lettered
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final int maxRecordBytes;
  private final long minEventTime;
  private final long maxEventTimeAheadMillis;
  private final Clock clock;

  public MentionDecoder() {
    this(DEFAULT_MAX_RECORD_BYTES);
  }

  public MentionDecoder(int maxRecordBytes) {
    this(maxRecordBytes, DEFAULT_MIN_EVENT_TIME, DEFAULT_MAX_EVENT_TIME_AHEAD, Clock.systemUTC());
  }

  /**
   * @param minEventTime earliest accepted {@code created_at}
   * @param maxEventTimeAhead how far {@code created_at} may be ahead of {@code clock}, read per
   *     record (never the watermark: a backfill of old data passes, a long-running job moves its
   *     limit along)
   */
  public MentionDecoder(
      int maxRecordBytes, Instant minEventTime, Duration maxEventTimeAhead, Clock clock) {
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
    }
    if (maxEventTimeAhead.isNegative()) {
      throw new IllegalArgumentException(
          "max event time ahead must not be negative: " + maxEventTimeAhead);
    }
    this.maxRecordBytes = maxRecordBytes;
    this.minEventTime = minEventTime.toEpochMilli();
    this.maxEventTimeAheadMillis = maxEventTimeAhead.toMillis();
    this.clock = clock;
  }

  /** Decodes a Kafka record value. */
  public Decoded decode(byte[] value, String topic, int partition, long offset) {
    try {
      return Decoded.of(parse(value));
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
      return Decoded.of(parse(value));
    } catch (InvalidMentionException e) {
      DeadLetter dl = deadLetter(value, e);
      dl.file = file;
      dl.line = line;
      return Decoded.of(dl);
    }
  }

  /** Parses and validates; throws with the reason when the record breaks SPEC §1. */
  public Mention parse(byte[] value) throws InvalidMentionException {
    if (value == null) {
      throw new InvalidMentionException(DeadLetterReason.INVALID_JSON, "empty record (null value)");
    }
    if (value.length > maxRecordBytes) {
      throw new InvalidMentionException(
          DeadLetterReason.TOO_LARGE,
          "record of " + value.length + " bytes is larger than the limit of " + maxRecordBytes);
    }
    // Java's decoder rejects what Jackson's byte parser lets through (overlong forms, encoded
    // surrogates) and Jackson would guess UTF-16 or UTF-32 from zero bytes: SPEC §1 says UTF-8
    String text = utf8OrNull(value);
    if (text == null) {
      throw new InvalidMentionException(DeadLetterReason.INVALID_JSON, "not valid UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark, as Windows tools write at the start of a file
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage();
      // STRICT_DUPLICATE_DETECTION has no exception type of its own, only this message
      if (why != null && why.startsWith("Duplicate field")) {
        throw new InvalidMentionException(
            DeadLetterReason.DUPLICATE_KEY, "a key appears twice in one object: " + why);
      }
      throw new InvalidMentionException(DeadLetterReason.INVALID_JSON, "not valid JSON: " + why);
    } catch (IOException e) {
      throw new InvalidMentionException(
          DeadLetterReason.INVALID_JSON, "not valid JSON: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidMentionException(DeadLetterReason.INVALID_JSON, "empty record");
    }
    if (!root.isObject()) {
      throw new InvalidMentionException(
          DeadLetterReason.NOT_AN_OBJECT, "expected a JSON object, got " + kind(root));
    }
    Mention m = toMention(root);
    checkRange(m.createdAt, root.get("created_at"));
    return m;
  }

  /** Last, so that a record with several problems is named by its field errors first. */
  private void checkRange(long t, JsonNode given) throws InvalidMentionException {
    long max = saturatedAdd(clock.millis(), maxEventTimeAheadMillis);
    if (t >= minEventTime && t <= max) {
      return;
    }
    String as =
        given.isIntegralNumber()
            ? given.asText() + " (epoch milliseconds, " + Instant.ofEpochMilli(t) + ")"
            : given.asText();
    String hint = "";
    if (given.isIntegralNumber()
        && t > 0
        && t < minEventTime
        && t <= Long.MAX_VALUE / 1000
        && t * 1000 >= minEventTime
        && t * 1000 <= max) {
      // SPEC §1 takes milliseconds; guessing the unit would misplace values that are truly
      // milliseconds
      hint =
          "; it looks like epoch seconds ("
              + Instant.ofEpochSecond(t)
              + "): send epoch milliseconds";
    }
    throw new InvalidMentionException(
        DeadLetterReason.TIME_OUT_OF_RANGE,
        "created_at "
            + as
            + " is outside "
            + Instant.ofEpochMilli(minEventTime)
            + " .. "
            + Instant.ofEpochMilli(max)
            + " (wall clock + "
            + Duration.ofMillis(maxEventTimeAheadMillis)
            + ")"
            + hint);
  }

  static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
  }

  private static Mention toMention(JsonNode o) throws InvalidMentionException {
    Mention m = new Mention();
    m.id = requiredString(o, "id");
    if (m.id.isEmpty() || m.id.length() > MAX_ID_LENGTH) {
      throw new InvalidMentionException(
          DeadLetterReason.INVALID_VALUE,
          "id must have 1.." + MAX_ID_LENGTH + " characters, has " + m.id.length());
    }
    m.title = optionalString(o, "title");
    String text = optionalString(o, "text");
    if (text == null) {
      if (m.title == null) {
        throw new InvalidMentionException(
            DeadLetterReason.MISSING_FIELD, "text is required (it may be empty when title is set)");
      }
      text = "";
    }
    m.text = text;
    m.createdAt = timestamp(o, "created_at");

    String source = optionalString(o, "source");
    if (source == null) {
      m.source = "web";
    } else {
      m.source = source.strip().toLowerCase(Locale.ROOT);
      if (!SOURCE.matcher(m.source).matches()) {
        throw new InvalidMentionException(
            DeadLetterReason.INVALID_VALUE,
            "source must be one lowercase word, got \"" + source + "\"");
      }
    }
    m.url = optionalString(o, "url");
    String lang = optionalString(o, "lang");
    if (lang != null && !lang.isBlank()) {
      // "en-US" and "EN" mean "en": keep the ISO 639-1 part
      String l = lang.strip().toLowerCase(Locale.ROOT);
      int dash = l.indexOf('-') >= 0 ? l.indexOf('-') : l.indexOf('_');
      l = dash > 0 ? l.substring(0, dash) : l;
      if (!LANG.matcher(l).matches()) {
        throw new InvalidMentionException(
            DeadLetterReason.INVALID_VALUE, "lang must be an ISO 639-1 code, got \"" + lang + "\"");
      }
      m.lang = l;
    }
    String country = optionalString(o, "country");
    if (country != null && !country.isBlank()) {
      String c = country.strip().toUpperCase(Locale.ROOT);
      if (!COUNTRY.matcher(c).matches()) {
        throw new InvalidMentionException(
            DeadLetterReason.INVALID_VALUE,
            "country must be an ISO 3166-1 alpha-2 code, got \"" + country + "\"");
      }
      m.country = c;
    }
    JsonNode author = o.get("author");
    if (author != null && !author.isNull()) {
      if (!author.isObject()) {
        throw new InvalidMentionException(
            DeadLetterReason.WRONG_TYPE, "author must be an object, got " + kind(author));
      }
      m.authorId = optionalString(author, "id", "author.id");
      m.authorHandle = optionalString(author, "handle", "author.handle");
      m.authorName = optionalString(author, "name", "author.name");
      m.followers = optionalCount(author, "followers", "author.followers");
      m.employee = optionalBoolean(author, "employee", "author.employee");
    }
    JsonNode metrics = o.get("metrics");
    if (metrics != null && !metrics.isNull()) {
      if (!metrics.isObject()) {
        throw new InvalidMentionException(
            DeadLetterReason.WRONG_TYPE, "metrics must be an object, got " + kind(metrics));
      }
      Long[] values = new Long[METRICS.length];
      for (int i = 0; i < METRICS.length; i++) {
        values[i] = optionalCount(metrics, METRICS[i], "metrics." + METRICS[i]);
      }
      m.likes = values[0];
      m.comments = values[1];
      m.shares = values[2];
      m.views = values[3];
      m.quotes = values[4];
      m.bookmarks = values[5];
    }
    m.reach = optionalCount(o, "reach", "reach");
    m.parentId = optionalString(o, "parent_id");
    m.isRepost = optionalBoolean(o, "is_repost", "is_repost");
    return m;
  }

  /**
   * A required time field: ISO-8601 with an offset, or epoch milliseconds. Shared by every record
   * Pantau reads (mentions' {@code created_at}, account readings' {@code at}) so that all reject
   * the same values with the same reasons.
   */
  static long timestamp(JsonNode o, String field) throws InvalidMentionException {
    JsonNode t = o.get(field);
    if (t == null || t.isNull()) {
      throw new InvalidMentionException(DeadLetterReason.MISSING_FIELD, field + " is required");
    }
    if (t.isIntegralNumber()) {
      if (!t.canConvertToLong()) {
        throw new InvalidMentionException(
            DeadLetterReason.TIME_OUT_OF_RANGE, field + " is out of range: " + t.asText());
      }
      return t.longValue();
    }
    if (!t.isTextual()) {
      throw new InvalidMentionException(
          DeadLetterReason.INVALID_TIME,
          field + " must be ISO-8601 with an offset or epoch milliseconds, got " + kind(t));
    }
    Instant at;
    try {
      at =
          OffsetDateTime.parse(t.textValue().strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .toInstant();
    } catch (DateTimeException | ArithmeticException e) {
      throw new InvalidMentionException(
          DeadLetterReason.INVALID_TIME,
          field
              + " \""
              + t.textValue()
              + "\" is not ISO-8601 with an offset (e.g. 2026-11-22T10:15:00Z)");
    }
    // years beyond about 292 million do not fit epoch milliseconds: clamp, the range check rejects
    // them
    if (at.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE))) {
      return Long.MAX_VALUE;
    }
    if (at.isBefore(Instant.ofEpochMilli(Long.MIN_VALUE))) {
      return Long.MIN_VALUE;
    }
    return at.toEpochMilli();
  }

  private static String requiredString(JsonNode o, String field) throws InvalidMentionException {
    String s = optionalString(o, field);
    if (s == null) {
      throw new InvalidMentionException(DeadLetterReason.MISSING_FIELD, field + " is required");
    }
    return s;
  }

  private static String optionalString(JsonNode o, String field) throws InvalidMentionException {
    return optionalString(o, field, field);
  }

  static String optionalString(JsonNode o, String field, String path)
      throws InvalidMentionException {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidMentionException(
          DeadLetterReason.WRONG_TYPE, path + " must be a string, got " + kind(v));
    }
    return ValidUnicode.of(v.textValue());
  }

  static Long optionalCount(JsonNode o, String field, String path) throws InvalidMentionException {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber()) {
      throw new InvalidMentionException(
          DeadLetterReason.WRONG_TYPE, path + " must be an integer, got " + kind(v));
    }
    if (v.bigIntegerValue().signum() < 0) {
      throw new InvalidMentionException(
          DeadLetterReason.NEGATIVE_COUNT, path + " must be >= 0, got " + v.asText());
    }
    if (!v.canConvertToLong() || v.longValue() > MAX_COUNT) {
      throw new InvalidMentionException(
          DeadLetterReason.COUNT_OUT_OF_RANGE,
          path + " must be at most " + MAX_COUNT + ", got " + v.asText());
    }
    return v.longValue();
  }

  private static Boolean optionalBoolean(JsonNode o, String field, String path)
      throws InvalidMentionException {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw new InvalidMentionException(
          DeadLetterReason.WRONG_TYPE, path + " must be true or false, got " + kind(v));
    }
    return v.booleanValue();
  }

  static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "the number " + v.asText();
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return v.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static DeadLetter deadLetter(byte[] value, InvalidMentionException e) {
    DeadLetter dl = new DeadLetter();
    dl.error = e.reason().code();
    dl.message = e.getMessage();
    if (value != null) {
      String text = utf8OrNull(value);
      if (text != null) {
        dl.raw = text;
      } else {
        dl.rawBase64 = Base64.getEncoder().encodeToString(value);
      }
    } else {
      dl.raw = "";
    }
    return dl;
  }

  static String utf8OrNull(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
