package dev.pantau.alerts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An alert-rule file that cannot be used; carries every problem found, each with its file, id, line
 * and reason.
 */
public final class AlertConfigException extends Exception {

  /** One problem: where (file, line when known, rule or channel id when known) and why. */
  public record Problem(String origin, int line, String id, String reason) {
    @Override
    public String toString() {
      return origin + (line > 0 ? ":" + line : "") + (id != null ? ": " + id : "") + ": " + reason;
    }
  }

  private final List<Problem> problems;

  public AlertConfigException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
