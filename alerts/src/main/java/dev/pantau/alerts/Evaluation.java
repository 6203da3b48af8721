package dev.pantau.alerts;

import java.util.List;
import java.util.Objects;

/**
 * The result of evaluating one point: the updated state to keep and the alerts (firing or resolved)
 * to emit.
 */
public record Evaluation(DetectorState state, List<Alert> alerts) {
  public Evaluation {
    Objects.requireNonNull(state, "state");
    alerts = List.copyOf(alerts);
  }
}
