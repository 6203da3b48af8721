package dev.pantau.flink.launch;

/**
 * A problem the user can fix (a missing file, an invalid configuration): exit status 1, no stack
 * trace.
 */
public final class UserException extends Exception {
  public UserException(String message) {
    super(message, null, false, false);
  }
}
