package dev.pantau.flink.launch;

import dev.pantau.flink.jdbc.JdbcOutputs;

/**
 * {@code --jdbc-url} of run, replay and demo: checked before anything starts, exit 1 when unusable.
 */
public final class JdbcOption {
  private JdbcOption() {}

  public static void prepare(String jdbcUrl) throws UserException {
    if (jdbcUrl == null) {
      return;
    }
    try {
      JdbcOutputs.prepare(jdbcUrl);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }
}
