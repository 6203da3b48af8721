package dev.pantau.alerts;

import java.util.List;

/** Every problem of one alert rule, so that a file's errors are listed whole (SPEC §7). */
public final class InvalidRuleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final List<String> reasons;

  public InvalidRuleException(List<String> reasons) {
    super(String.join("; ", reasons));
    this.reasons = List.copyOf(reasons);
  }

  public List<String> reasons() {
    return reasons;
  }
}
