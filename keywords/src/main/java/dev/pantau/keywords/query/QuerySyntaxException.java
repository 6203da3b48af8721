package dev.pantau.keywords.query;

/** A query is not valid: where (0-based char offset, -1 if not about one place) and why. */
public final class QuerySyntaxException extends Exception {

  private final int position;
  private final String reason;

  public QuerySyntaxException(int position, String reason) {
    super(position >= 0 ? "position " + position + ": " + reason : reason);
    this.position = position;
    this.reason = reason;
  }

  public int position() {
    return position;
  }

  public String reason() {
    return reason;
  }
}
