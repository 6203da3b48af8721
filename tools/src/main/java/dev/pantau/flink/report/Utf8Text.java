package dev.pantau.flink.report;

import java.nio.charset.StandardCharsets;

/**
 * Finds a top-level string field of a JSON record in its UTF-8 bytes, as SPEC's writer writes it
 * ({@code "name":"value"}, no spaces), to rule a record out before parsing it. A record written
 * otherwise is not found here and is simply parsed in full.
 */
final class Utf8Text {
  private Utf8Text() {}

  /** The bytes {@code "name":"}. */
  static byte[] key(String name) {
    return ('"' + name + "\":\"").getBytes(StandardCharsets.UTF_8);
  }

  /** Where the value after {@code key} starts within {@code b[from, to)}, or -1. */
  static int valueAt(byte[] b, int from, int to, byte[] key) {
    int last = to - key.length;
    byte first = key[0];
    outer:
    for (int i = from; i <= last; i++) {
      if (b[i] != first) {
        continue;
      }
      for (int j = 1; j < key.length; j++) {
        if (b[i + j] != key[j]) {
          continue outer;
        }
      }
      return i + key.length;
    }
    return -1;
  }

  /** The text from {@code at} to the next quote, escapes as they are; null if at is -1 or none. */
  static String string(byte[] b, int at, int to) {
    if (at < 0) {
      return null;
    }
    for (int i = at; i < to; i++) {
      if (b[i] == '"') {
        return new String(b, at, i - at, StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /**
   * Whether the value at {@code at} is {@code length} bytes long (the next quote follows them) and
   * ends in {@code last}: a timestamp as SPEC's writer writes it.
   */
  static boolean hasLength(byte[] b, int at, int to, int length, char last) {
    if (at < 0 || at + length >= to || b[at + length] != '"' || b[at + length - 1] != last) {
      return false;
    }
    for (int i = at; i < at + length; i++) {
      if (b[i] == '"') {
        return false;
      }
    }
    return true;
  }

  /** Compares {@code expected.length} bytes at {@code at} with ASCII {@code expected}. */
  static int compare(byte[] b, int at, byte[] expected) {
    for (int i = 0; i < expected.length; i++) {
      int c = Byte.compare(b[at + i], expected[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
