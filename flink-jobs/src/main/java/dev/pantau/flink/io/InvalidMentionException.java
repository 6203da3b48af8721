package dev.pantau.flink.io;

/** A record that breaks SPEC §1, with the reason code and a message naming the field. */
public final class InvalidMentionException extends Exception {
  private final DeadLetterReason reason;

  public InvalidMentionException(DeadLetterReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public DeadLetterReason reason() {
    return reason;
  }
}
