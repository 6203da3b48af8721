package dev.pantau.alerts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything an alert-rule file (or folder) declares: rules, named channels and KPI targets. */
public record AlertConfig(
    List<AlertRule> rules, Map<String, Channel> channels, List<Target> targets)
    implements java.io.Serializable {

  /** A configuration with no rules (e.g. when the default folder does not exist). */
  public static final AlertConfig EMPTY = new AlertConfig(List.of(), Map.of(), List.of());

  public AlertConfig {
    rules = List.copyOf(rules);
    channels = Map.copyOf(channels);
    targets = List.copyOf(targets);
  }

  /** The rule with this id. */
  public Optional<AlertRule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
