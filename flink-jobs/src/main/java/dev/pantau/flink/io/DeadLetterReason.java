package dev.pantau.flink.io;

import java.util.Locale;

/**
 * Why a record went to the dead-letter output; {@link #code()} is the {@code error} field of SPEC
 * §1.
 */
public enum DeadLetterReason {
  /**
   * The bytes are not JSON, or not valid UTF-8 (overlong forms and encoded surrogates included).
   */
  INVALID_JSON,
  /** An object holds the same key twice: which one was meant cannot be known. */
  DUPLICATE_KEY,
  /** Valid JSON, but not an object. */
  NOT_AN_OBJECT,
  /**
   * A required field ({@code id}, {@code created_at}, {@code text} unless {@code title}) is absent
   * or null.
   */
  MISSING_FIELD,
  /** A field has the wrong JSON type (a string where an integer belongs, ...). */
  WRONG_TYPE,
  /** A count ({@code followers}, a metric, {@code reach}) is below zero. */
  NEGATIVE_COUNT,
  /**
   * A count is above {@link MentionDecoder#MAX_COUNT}: no real post has that audience or
   * engagement.
   */
  COUNT_OUT_OF_RANGE,
  /** {@code created_at} is neither ISO-8601 with an offset nor epoch milliseconds. */
  INVALID_TIME,
  /**
   * {@code created_at} is before the configured earliest event time or further ahead of the wall
   * clock than allowed: it would open windows and timers decades away (SPEC §1).
   */
  TIME_OUT_OF_RANGE,
  /** A string field breaks its format (id length, source word, language or country code). */
  INVALID_VALUE,
  /** The record is larger than the configured limit. */
  TOO_LARGE,
  /** An output record is larger than a broker takes ({@code OutputGuard#DEFAULT_MAX_BYTES}). */
  OUTPUT_TOO_LARGE,
  /** An output record could not be made or encoded as UTF-8 JSON. */
  OUTPUT_UNWRITABLE,
  /** An account reading (SPEC §1b) names a brand the active keyword set does not hold. */
  UNKNOWN_BRAND;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
