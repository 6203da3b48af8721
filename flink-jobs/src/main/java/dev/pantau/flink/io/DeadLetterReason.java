package dev.pantau.flink.io;

import java.util.Locale;

/** Why a record went to the dead-letter output; {@link #code()} is the {@code error} field of SPEC §1. */
public enum DeadLetterReason {
  /** The bytes are not JSON (or not valid UTF-8 JSON). */
  INVALID_JSON,
  /** Valid JSON, but not an object. */
  NOT_AN_OBJECT,
  /** A required field ({@code id}, {@code created_at}, {@code text} unless {@code title}) is absent or null. */
  MISSING_FIELD,
  /** A field has the wrong JSON type (a string where an integer belongs, ...). */
  WRONG_TYPE,
  /** A count ({@code followers}, a metric, {@code reach}) is below zero. */
  NEGATIVE_COUNT,
  /** {@code created_at} is neither ISO-8601 with an offset nor epoch milliseconds. */
  INVALID_TIME,
  /** A string field breaks its format (id length, source word, language or country code). */
  INVALID_VALUE,
  /** The record is larger than the configured limit. */
  TOO_LARGE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
