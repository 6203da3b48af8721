package dev.pantau.flink.report;

import java.time.Instant;
import java.util.List;

/**
 * A burst of copies (SPEC §6): the mentions of the period that carry the same {@code copy_of},
 * grouped under the earliest mention they copy. {@code size} counts the copies and the original.
 */
public record CopyBurst(
    String original,
    List<String> brands,
    String text,
    Instant first,
    Instant last,
    int copies,
    int authors,
    long reach) {

  public int size() {
    return copies + 1;
  }
}
