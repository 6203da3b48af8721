package dev.pantau.keywords;

/**
 * One reason a keyword set was rejected.
 *
 * @param origin the file (or topic record) the entry came from
 * @param kind {@code brand}, {@code topic} or {@code file}
 * @param id the brand or topic id, or null when the entry has none (or for a whole-file error)
 * @param position 0-based char offset in the query, -1 when not about a query position
 * @param reason what is wrong, for a human
 */
public record KeywordError(String origin, String kind, String id, int position, String reason) {

  public KeywordError {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason is required");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
  }

  /** {@code <origin>: brand telkomsel, position 12: unbalanced parenthesis}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (origin != null) {
      sb.append(origin).append(": ");
    }
    sb.append(kind);
    if (id != null) {
      sb.append(' ').append(id);
    }
    if (position >= 0) {
      sb.append(", position ").append(position);
    }
    return sb.append(": ").append(reason).toString();
  }
}
